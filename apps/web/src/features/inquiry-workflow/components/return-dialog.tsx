/** 退单: return the inquiry upstream with a reason from the admin's list plus free text. */
import { useQuery } from '@tanstack/react-query'
import { Flex, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useWorkflowAction } from '../api/use-workflow-action.ts'
import { workflowQueries } from '../api/workflow-queries.ts'
import { ActionError } from './action-error.tsx'

type Props = { inquiry: { id: number; version: number }; isOpen: boolean; onClose: () => void }

export function ReturnDialog({ inquiry, isOpen, onClose }: Props) {
  const { t } = useTranslation()
  const reasons = useQuery({ ...workflowQueries.returnReasons(), enabled: isOpen })
  const action = useWorkflowAction(inquiry.id)
  const [reasonId, setReasonId] = useState<number>()
  const [note, setNote] = useState('')
  return (
    <Modal
      title={t('workflow.return.title')}
      open={isOpen}
      okText={t('workflow.return.submit')}
      okButtonProps={{ disabled: reasonId === undefined, loading: action.isPending, danger: true }}
      onOk={() =>
        reasonId !== undefined &&
        action.mutate({ kind: 'return', version: inquiry.version, reasonId, note: note.trim() }, { onSuccess: onClose })
      }
      onCancel={onClose}
      afterClose={() => {
        setReasonId(undefined)
        setNote('')
        action.reset()
      }}
    >
      <Flex vertical gap={12}>
        <ActionError error={action.error} />
        <Select
          aria-label={t('workflow.return.reason')}
          placeholder={t('workflow.return.reason')}
          loading={reasons.isPending}
          options={(reasons.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.label }))}
          value={reasonId}
          onChange={setReasonId}
        />
        <Input.TextArea
          aria-label={t('workflow.return.note')}
          placeholder={t('workflow.return.notePlaceholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Flex>
    </Modal>
  )
}
