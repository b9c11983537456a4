/** 退单: return the inquiry upstream with a reason from the admin's list plus free text. */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { returnReasonQueries } from '../../../lib/return-reasons.ts'
import { ChoiceWithNoteDialog } from './choice-with-note-dialog.tsx'

type Props = {
  inquiry: { id: number; version: number }
  isOpen: boolean
  onClose: () => void
  onDone: (choice: string) => void
}

export function ReturnDialog({ inquiry, isOpen, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const reasons = useQuery({ ...returnReasonQueries.list(), enabled: isOpen })
  return (
    <ChoiceWithNoteDialog
      inquiryId={inquiry.id}
      isOpen={isOpen}
      onClose={onClose}
      onDone={onDone}
      texts={{
        title: t('workflow.return.title'),
        submit: t('workflow.return.submit'),
        choice: t('workflow.return.reason'),
        note: t('workflow.return.note'),
        notePlaceholder: t('workflow.return.notePlaceholder'),
      }}
      options={(reasons.data ?? [])
        .filter((r) => r.isActive)
        .map((r) => ({ value: r.id, label: r.label }))}
      isLoading={reasons.isPending}
      isNoteRequired={false}
      isDanger
      toAction={(reasonId, note) => ({ kind: 'return', version: inquiry.version, reasonId, note })}
    />
  )
}
