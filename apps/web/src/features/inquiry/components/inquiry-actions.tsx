/**
 * The 办理 card: the inquiry's department and duplicate links, the actions on it (签收, 办结,
 * 重新打开, 转办, 改分类, 退单, 合并为重复件) and the internal note box. A failed claim, close or reopen is
 * shown here (the inquiry has been reloaded by then). Transfer, return and merge take the inquiry
 * away from this user's desk: after them the page leaves for the queue with a message naming where
 * the inquiry went.
 */
import type { LifecycleAction } from '@desk/domain'
import { App, Card, Descriptions, Flex, Space } from 'antd'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { queuePath, useQueueOrigin } from '../../../lib/queue-origin.ts'
import type { Inquiry, WorkflowView } from '../api/inquiry-queries.ts'
import { useCanDo } from '../../../lib/can-do.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'
import { GatedActions, GatedButton } from '../../../components/gated-button.tsx'
import { MergeDialog } from './merge-dialog.tsx'
import { NoteForm } from './note-form.tsx'
import { RecategoriseDialog } from './recategorise-dialog.tsx'
import { ReturnDialog } from './return-dialog.tsx'
import { TransferDialog } from './transfer-dialog.tsx'

type Props = { inquiry: Inquiry; workflow: WorkflowView }

/** After an action that took the inquiry away: the queue view it came from, with `text` as a toast. */
function useLeave() {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const origin = useQueueOrigin()
  return (text: string) => {
    void message.success(text)
    void navigate(queuePath(origin))
  }
}

export function InquiryActions({ inquiry, workflow }: Props) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const leave = useLeave()
  const [dialog, setDialog] = useState<'transfer' | 'recategorise' | 'return' | 'merge' | null>(
    null,
  )
  const gate = useCanDo(inquiry)
  const { version } = inquiry
  const isDuplicate = inquiry.duplicateOfId !== null
  const busy = action.isPending ? action.variables.kind : null
  const close = () => setDialog(null)
  /** The button of `what` as the lifecycle answers it (GatedButton). */
  const button = (
    what: LifecycleAction,
    label: string,
    onClick: () => void,
    extra: { danger?: boolean; loading?: boolean } = {},
  ): ReactNode => (
    <GatedButton key={what} gate={gate(what)} {...extra} onClick={onClick}>
      {label}
    </GatedButton>
  )
  const simple = (kind: 'claim' | 'close' | 'reopen') =>
    button(kind, t(`inquiry.actions.${kind}`), () => action.mutate({ kind, version }), {
      loading: busy === kind,
    })
  return (
    <Card title={t('inquiry.actions.title')} size="small">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'department',
              label: t('workflow.panel.department'),
              children: inquiry.department?.name ?? t('workflow.panel.noDepartment'),
            },
            ...(isDuplicate
              ? [
                  {
                    key: 'dupOf',
                    label: t('workflow.panel.duplicateOf'),
                    children: (
                      <Link to={`/inquiries/${inquiry.duplicateOfId}`}>
                        #{inquiry.duplicateOfId}
                      </Link>
                    ),
                  },
                ]
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
        <ActionError error={action.error} />
        <GatedActions>
          {simple('claim')}
          {simple('close')}
          {simple('reopen')}
          {button('transfer', t('workflow.transfer.open'), () => setDialog('transfer'))}
          {button('recategorise', t('workflow.recategorise.open'), () => setDialog('recategorise'))}
          {button('return', t('workflow.return.open'), () => setDialog('return'), {
            danger: true,
          })}
          {/* an inquiry with duplicates of its own cannot become one (no chains: merge_chain) */}
          {workflow.duplicates.length === 0 &&
            button('merge', t('workflow.merge.open'), () => setDialog('merge'))}
        </GatedActions>
        <NoteForm inquiry={inquiry} />
      </Flex>
      <TransferDialog
        inquiry={inquiry}
        isOpen={dialog === 'transfer'}
        onClose={close}
        onDone={(department) => leave(t('workflow.transfer.done', { department }))}
      />
      <RecategoriseDialog inquiry={inquiry} isOpen={dialog === 'recategorise'} onClose={close} />
      <ReturnDialog
        inquiry={inquiry}
        isOpen={dialog === 'return'}
        onClose={close}
        onDone={(reason) => leave(t('workflow.return.done', { reason }))}
      />
      <MergeDialog
        inquiry={inquiry}
        isOpen={dialog === 'merge'}
        onClose={close}
        onDone={(mainId) => leave(t('workflow.merge.done', { mainId }))}
      />
    </Card>
  )
}
