/**
 * The inquiry page's deadline card: due state in working days with its colour, the
 * sentence of how the due date was computed (a disclosure request's from its own clock, `clock`), a warning when a year's holiday calendar is missing,
 * clock pauses and extension requests; pause / resume the clock and request an extension while
 * the inquiry is open (disabled, saying why, when its rule allows none or it was asked or granted
 * already); for a disclosure request neither is offered, and one sentence says that its 补正, 征求意见
 * and 延期 are its clock's steps in the disclosure card (`usePauseGate`, `useExtensionGate`); a
 * manager approves or rejects pending requests here.
 */
import { Alert, Card, Flex, List, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { firstRoundDueAt, isPending, replyLateness, type DeadlineExplanation } from '@desk/domain'
import { DueTag } from '../../../components/due-tag.tsx'
import { useWorkingCalendar, yearsAround } from '../../../lib/calendar.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import type { Inquiry } from '../api/inquiry-queries.ts'
import { useCanDo, useExtensionGate, usePauseGate } from '../../../lib/can-do.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'
import { explainDeadline } from '../api/explain-deadline.ts'
import { ExtensionDecision } from './extension-decision.tsx'
import { GatedActions, GatedButton } from '../../../components/gated-button.tsx'
import { ReasonDialog } from './reason-dialog.tsx'

export type DeadlineView = {
  pausedAt: string | null
  explanation: DeadlineExplanation
  /** What an approved extension adds under the inquiry's rule; null: the rule allows none */
  extensionAmount: number | null
  pauses: { reason: string; pausedAt: string; resumedAt: string | null }[]
  extensions: {
    id: number
    reason: string
    status: string
    requestedAt: string
    requestedBy: string | null
    decidedBy: string | null
    decisionNote: string | null
    newDueAt: string | null
  }[]
}

/**
 * A kind whose due date is its own statutory clock's (a disclosure request: domain
 * `disclosureDeadline`): that clock's explanation, or null while its period cannot run (a 补正
 * awaited, a consultation open) with the clock's sentence saying what it waits for.
 */
export type ClockDeadline = { explanation: DeadlineExplanation | null; sentence: string }

type Props = { inquiry: Inquiry; deadline: DeadlineView; clock?: ClockDeadline | undefined }

const STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
}

export function DeadlinePanel({ inquiry, deadline, clock: ownClock }: Props) {
  const { t } = useTranslation()
  const [now] = useState(() => Date.now())
  const calendar = useWorkingCalendar(yearsAround(now))
  const clock = useInquiryAction(inquiry.id)
  const [dialog, setDialog] = useState<'pause' | 'extend' | null>(null)
  const can = useCanDo(inquiry)
  const clockGate = usePauseGate(inquiry, now)
  const extend = useExtensionGate(inquiry, {
    extensionAmount: deadline.extensionAmount,
    requests: deadline.extensions,
    dueAt: Date.parse(inquiry.dueAt),
    paused: deadline.pausedAt !== null,
    at: now,
  })
  const isOpen = isPending(inquiry.kind, inquiry.status)
  const isPaused = deadline.pausedAt !== null
  // a decision is a manager's: other roles see the pending request, not the controls
  const decide = can('decide_extension')
  const isDecider = decide.shown && decide.reason !== 'role'
  // the generic rule's explanation knows none of a statutory clock's 补正, consultations or 延期
  const explanation = ownClock ? ownClock.explanation : deadline.explanation
  // the first reply's lateness in working days, by the domain's rule (the queue and exports use it too)
  const late =
    calendar && inquiry.repliedAt
      ? replyLateness(calendar, Date.parse(firstRoundDueAt(inquiry)), Date.parse(inquiry.repliedAt))
      : 0

  return (
    <Card title={t('deadlines.panel.title')} size="small">
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>
            {t('deadlines.panel.dueAt', { at: formatDateTime(inquiry.dueAt) })}
          </Typography.Text>
          {isOpen && !isPaused && calendar && (
            <DueTag calendar={calendar} dueAt={inquiry.dueAt} now={now} />
          )}
          {late > 0 && (
            <Tag color="volcano" data-due-state="replied_late">
              {t('due.repliedLate', { count: late })}
            </Tag>
          )}
          {isPaused && (
            <Tag color="purple">
              {t('deadlines.panel.paused', { at: formatDateTime(deadline.pausedAt) })}
            </Tag>
          )}
        </Flex>
        <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="deadline-explanation">
          {explanation
            ? explainDeadline(explanation, t).join(t('deadlines.explain.separator'))
            : ownClock?.sentence}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('deadlines.panel.source', {
            source: (explanation ?? deadline.explanation).source,
          })}
        </Typography.Text>
        {explanation && explanation.uncoveredYears.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('deadlines.panel.uncovered', {
              years: explanation.uncoveredYears.join(t('deadlines.explain.listJoin')),
            })}
          />
        )}
        <ActionError error={clock.error} />
        <GatedActions>
          {isPaused ? (
            <GatedButton
              gate={clockGate('resume_clock')}
              loading={clock.isPending}
              onClick={() => clock.mutate({ kind: 'resume', version: inquiry.version })}
            >
              {t('deadlines.panel.resume')}
            </GatedButton>
          ) : (
            <GatedButton gate={clockGate('pause_clock')} onClick={() => setDialog('pause')}>
              {t('deadlines.panel.pause')}
            </GatedButton>
          )}
          <GatedButton gate={extend} onClick={() => setDialog('extend')}>
            {t('deadlines.panel.extend')}
          </GatedButton>
        </GatedActions>
        {/* a disclosure request's 补正, 征求意见 and 延期 are its clock's steps: where, while open */}
        {(extend.reason === 'clock_step' || clockGate('pause_clock').reason === 'clock_step') &&
          isOpen && (
            <Typography.Text type="secondary" data-testid="clock-step-refusal">
              {extend.refusal}
            </Typography.Text>
          )}
        {deadline.pauses.length > 0 && (
          <List
            size="small"
            header={t('deadlines.panel.pauses')}
            dataSource={deadline.pauses}
            renderItem={(p) => (
              <List.Item>
                {t('deadlines.panel.pauseRow', {
                  from: formatDateTime(p.pausedAt),
                  to: p.resumedAt ? formatDateTime(p.resumedAt) : t('deadlines.panel.open'),
                  reason: p.reason,
                })}
              </List.Item>
            )}
          />
        )}
        {deadline.extensions.length > 0 && (
          <List
            size="small"
            header={t('deadlines.panel.extensions')}
            dataSource={deadline.extensions}
            renderItem={(e) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center">
                    <Tag color={STATUS_COLORS[e.status]}>
                      {t(`deadlines.panel.status.${e.status}`)}
                    </Tag>
                    <Typography.Text>
                      {t('deadlines.panel.extensionRow', {
                        at: formatDateTime(e.requestedAt),
                        by: e.requestedBy ?? '',
                        reason: e.reason,
                      })}
                    </Typography.Text>
                    {e.newDueAt && (
                      <Typography.Text type="secondary">
                        {t('deadlines.panel.newDue', { at: formatDateTime(e.newDueAt) })}
                      </Typography.Text>
                    )}
                    {e.decisionNote && (
                      <Typography.Text type="secondary">{e.decisionNote}</Typography.Text>
                    )}
                  </Flex>
                  {isDecider && e.status === 'pending' && (
                    <ExtensionDecision inquiryId={inquiry.id} requestId={e.id} />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
      <ReasonDialog
        title={t(
          dialog === 'extend' ? 'deadlines.panel.extendTitle' : 'deadlines.panel.pauseTitle',
        )}
        isOpen={dialog !== null}
        isBusy={clock.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) =>
          clock.mutate(
            dialog === 'extend'
              ? { kind: 'extend', reason }
              : { kind: 'pause', version: inquiry.version, reason },
            {
              onSettled: () => setDialog(null),
            },
          )
        }
      />
    </Card>
  )
}
