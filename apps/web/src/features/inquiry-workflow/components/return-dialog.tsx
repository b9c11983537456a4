/** 退单: return the inquiry upstream with a reason from the admin's list plus free text. */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { workflowQueries } from '../api/workflow-queries.ts'
import { ChoiceWithNoteDialog } from './choice-with-note-dialog.tsx'

type Props = { inquiry: { id: number; version: number }; isOpen: boolean; onClose: () => void }

export function ReturnDialog({ inquiry, isOpen, onClose }: Props) {
  const { t } = useTranslation()
  const reasons = useQuery({ ...workflowQueries.returnReasons(), enabled: isOpen })
  return (
    <ChoiceWithNoteDialog
      inquiryId={inquiry.id}
      isOpen={isOpen}
      onClose={onClose}
      texts={{
        title: t('workflow.return.title'),
        submit: t('workflow.return.submit'),
        choice: t('workflow.return.reason'),
        note: t('workflow.return.note'),
        notePlaceholder: t('workflow.return.notePlaceholder'),
      }}
      options={(reasons.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.label }))}
      isLoading={reasons.isPending}
      isNoteRequired={false}
      isDanger
      toAction={(reasonId, note) => ({ kind: 'return', version: inquiry.version, reasonId, note })}
    />
  )
}
