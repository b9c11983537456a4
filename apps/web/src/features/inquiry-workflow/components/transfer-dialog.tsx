/** 转办: send the inquiry to another department with a required note. */
import { useQuery } from '@tanstack/react-query'
import { Flex, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useWorkflowAction } from '../api/use-workflow-action.ts'
import { workflowQueries } from '../api/workflow-queries.ts'
import { ActionError } from './action-error.tsx'

type Props = { inquiry: { id: number; version: number; department: { id: number } | null }; isOpen: boolean; onClose: () => void }

export function TransferDialog({ inquiry, isOpen, onClose }: Props) {
  const { t } = useTranslation()
  const departments = useQuery({ ...workflowQueries.departments(), enabled: isOpen })
  const action = useWorkflowAction(inquiry.id)
  const [departmentId, setDepartmentId] = useState<number>()
  const [note, setNote] = useState('')
  const options = (departments.data ?? [])
    .filter((d) => d.isActive && d.id !== inquiry.department?.id)
    .map((d) => ({ value: d.id, label: d.name }))
  return (
    <Modal
      title={t('workflow.transfer.title')}
      open={isOpen}
      okText={t('workflow.transfer.submit')}
      okButtonProps={{ disabled: departmentId === undefined || note.trim() === '', loading: action.isPending }}
      onOk={() =>
        departmentId !== undefined &&
        action.mutate({ kind: 'transfer', version: inquiry.version, departmentId, note: note.trim() }, { onSuccess: onClose })
      }
      onCancel={onClose}
      afterClose={() => {
        setDepartmentId(undefined)
        setNote('')
        action.reset()
      }}
    >
      <Flex vertical gap={12}>
        <ActionError error={action.error} />
        <Select
          aria-label={t('workflow.transfer.department')}
          placeholder={t('workflow.transfer.department')}
          loading={departments.isPending}
          options={options}
          value={departmentId}
          onChange={setDepartmentId}
        />
        <Input.TextArea
          aria-label={t('workflow.transfer.note')}
          placeholder={t('workflow.transfer.notePlaceholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Flex>
    </Modal>
  )
}
