/**
 * The 12345 hotline's work-order actions on an open inquiry: its department, duplicate links, transfer
 * (转办), return upstream (退单), merge as a duplicate, and the internal note box.
 */
import { Button, Card, Descriptions, Flex, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { WorkflowView } from '../api/workflow-queries.ts'
import { MergeDialog } from './merge-dialog.tsx'
import { NoteForm } from './note-form.tsx'
import { ReturnDialog } from './return-dialog.tsx'
import { TransferDialog } from './transfer-dialog.tsx'

type Props = {
  inquiry: { id: number; version: number; status: string; department: { id: number; name: string } | null; duplicateOfId: number | null }
  workflow: WorkflowView
}

export function WorkflowPanel({ inquiry, workflow }: Props) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<'transfer' | 'return' | 'merge' | null>(null)
  const isOpen = inquiry.status === 'new' || inquiry.status === 'assigned'
  const isDuplicate = inquiry.duplicateOfId !== null
  const close = () => setDialog(null)
  return (
    <Card title={t('workflow.panel.title')} size="small">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'department', label: t('workflow.panel.department'), children: inquiry.department?.name ?? t('workflow.panel.noDepartment') },
            ...(isDuplicate
              ? [{ key: 'dupOf', label: t('workflow.panel.duplicateOf'), children: <Link to={`/inquiries/${inquiry.duplicateOfId}`}>#{inquiry.duplicateOfId}</Link> }]
              : []),
            ...(workflow.duplicates.length > 0
              ? [
                  {
                    key: 'dups',
                    label: t('workflow.panel.duplicates'),
                    children: (
                      <Space wrap>
                        {workflow.duplicates.map((d) => (
                          <Link key={d.id} to={`/inquiries/${d.id}`}>
                            #{d.id}
                          </Link>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {isOpen && (
          <Flex gap={8} wrap>
            <Button onClick={() => setDialog('transfer')}>{t('workflow.transfer.open')}</Button>
            {!isDuplicate && (
              <Button danger onClick={() => setDialog('return')}>
                {t('workflow.return.open')}
              </Button>
            )}
            {!isDuplicate && workflow.duplicates.length === 0 && (
              <Button onClick={() => setDialog('merge')}>{t('workflow.merge.open')}</Button>
            )}
          </Flex>
        )}
        <NoteForm inquiry={inquiry} />
      </Flex>
      <TransferDialog inquiry={inquiry} isOpen={dialog === 'transfer'} onClose={close} />
      <ReturnDialog inquiry={inquiry} isOpen={dialog === 'return'} onClose={close} />
      <MergeDialog inquiry={inquiry} isOpen={dialog === 'merge'} onClose={close} />
    </Card>
  )
}
