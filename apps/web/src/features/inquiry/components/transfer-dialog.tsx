/** 转办: send the inquiry to another department with a required note. */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { departmentQueries } from '../../../lib/departments.ts'
import { ChoiceWithNoteDialog } from './choice-with-note-dialog.tsx'

type Props = {
  inquiry: { id: number; version: number; department: { id: number } | null }
  isOpen: boolean
  onClose: () => void
  onDone: (choice: string) => void
}

export function TransferDialog({ inquiry, isOpen, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const departments = useQuery({ ...departmentQueries.list(), enabled: isOpen })
  return (
    <ChoiceWithNoteDialog
      inquiryId={inquiry.id}
      isOpen={isOpen}
      onClose={onClose}
      onDone={onDone}
      texts={{
        title: t('workflow.transfer.title'),
        submit: t('workflow.transfer.submit'),
        choice: t('workflow.transfer.department'),
        note: t('workflow.transfer.note'),
        notePlaceholder: t('workflow.transfer.notePlaceholder'),
      }}
      options={(departments.data ?? [])
        .filter((d) => d.isActive && d.id !== inquiry.department?.id)
        .map((d) => ({ value: d.id, label: d.name }))}
      isLoading={departments.isPending}
      isNoteRequired
      toAction={(departmentId, note) => ({
        kind: 'transfer',
        version: inquiry.version,
        departmentId,
        note,
      })}
    />
  )
}
