/**
 * 回访 (the 12345 hotline's return call to the citizen): record the follow-up call's outcome (满意 / 基本满意 / 不满意 / 未联系上) and a
 * note on an inquiry in a status the lifecycle allows 回访 in (replied or closed; never on a
 * disclosure request); an unsatisfied citizen's inquiry can be reopened for
 * re-handling (重办). Earlier follow-ups are listed.
 */
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '@desk/domain'
import { Card, Checkbox, Flex, Input, List, Radio, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import type { Inquiry, WorkflowView } from '../api/inquiry-queries.ts'
import { useCanDo } from '../../../lib/can-do.ts'
import { ActionError } from './action-error.tsx'
import { GatedActions, GatedButton } from '../../../components/gated-button.tsx'

type Props = { inquiry: Inquiry; followUps: WorkflowView['followUps'] }

export function FollowUpCard({ inquiry, followUps }: Props) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const [outcome, setOutcome] = useState<FollowUpOutcome>()
  const [note, setNote] = useState('')
  const [reopen, setReopen] = useState(false)
  // the lifecycle says where a 回访 belongs: never on a kind without one (a disclosure request)
  const gate = useCanDo(inquiry)('follow_up')
  const canFollowUp = gate.shown
  if (!canFollowUp && followUps.length === 0) return null

  const submit = () =>
    outcome &&
    action.mutate(
      {
        kind: 'followUp',
        version: inquiry.version,
        outcome,
        note: note.trim(),
        reopen: outcome === 'unsatisfied' && reopen,
      },
      {
        onSuccess: () => {
          setOutcome(undefined)
          setNote('')
          setReopen(false)
        },
      },
    )

  return (
    <Card size="small" title={t('workflow.followUp.title')}>
      <Flex vertical gap={8}>
        {followUps.length > 0 && (
          <List
            size="small"
            dataSource={followUps}
            renderItem={(f) => (
              <List.Item key={f.id}>
                <Typography.Text>
                  {formatDateTime(f.at)} · {f.by ?? ''} ·{' '}
                  {t(`workflow.followUp.outcome.${f.outcome}`)}
                  {f.note ? ` · ${f.note}` : ''}
                  {f.reopened ? ` · ${t('workflow.followUp.reopened')}` : ''}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
        {canFollowUp && (
          <>
            <ActionError error={action.error} />
            <Radio.Group
              aria-label={t('workflow.followUp.outcomeLabel')}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
              options={FOLLOW_UP_OUTCOMES.map((o) => ({
                value: o,
                label: t(`workflow.followUp.outcome.${o}`),
              }))}
            />
            <Input.TextArea
              aria-label={t('workflow.followUp.note')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {outcome === 'unsatisfied' && (
              <Checkbox checked={reopen} onChange={(e) => setReopen(e.target.checked)}>
                {t('workflow.followUp.reopen')}
              </Checkbox>
            )}
            <GatedActions justify="flex-end">
              <GatedButton
                gate={gate}
                disabled={!outcome}
                loading={action.isPending}
                onClick={submit}
              >
                {t('workflow.followUp.submit')}
              </GatedButton>
            </GatedActions>
          </>
        )}
      </Flex>
    </Card>
  )
}
