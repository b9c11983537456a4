/**
 * The card of a suggestion or proposal on its inquiry page: reference, source, 主办/协办 (the lead
 * unit, or our co-units and when their opinions are due), key flag, assignment date, the opinion
 * or answer as sent, the deputy's rating and the consultations. Its steps (opinion to the lead
 * unit, consultation, answer draft, sign-off, rating) are buttons the lifecycle gates (`useCanDo`:
 * shown in the statuses and category that allow them, disabled with the refusal otherwise); a
 * step's form opens under them. Sign-off is offered while a drafted answer waits for it, disabled
 * for its drafter (four eyes, `useSignOffGate`).
 */
import { toZonedDate, type LifecycleAction } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Descriptions, Flex, List, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GatedActions, GatedButton } from '../../../components/gated-button.tsx'
import { useCanDo, useSignOffGate, type GateSubject } from '../../../lib/can-do.ts'
import {
  proposalQueries,
  useProposalStep,
  type ProposalFacts,
  type ProposalStep,
} from '../api/proposal-queries.ts'
import { ProposalStepForm, type FormStep, type StepInput } from './proposal-step-form.tsx'

type Props = { inquiry: GateSubject & { id: number; version: number } }

const STEP_ACTIONS: readonly [FormStep | 'signOff', LifecycleAction][] = [
  ['opinion', 'send_opinion'],
  ['consultation', 'record_consultation'],
  ['answer', 'draft_answer'],
  ['signOff', 'sign_off_answer'],
  ['rating', 'rate'],
]

/** The form's step with the version the page loaded (each step's body keeps its own type). */
const withVersion = (s: StepInput, version: number) =>
  ({ ...s, json: { ...s.json, version } }) as ProposalStep

export function ProposalPanel({ inquiry }: Props) {
  const { t } = useTranslation()
  const view = useQuery(proposalQueries.detail(inquiry.id))
  const gate = useCanDo(inquiry)
  const signOffGate = useSignOffGate(inquiry)
  const step = useProposalStep(inquiry.id)
  const [open, setOpen] = useState<FormStep | null>(null)
  if (!view.data) return null
  const p = view.data.proposal
  const draftWaiting = p.answerText !== null && p.answerSignedOffBy === null
  return (
    <Card title={t('proposals.panelTitle')} size="small" data-testid="proposal-panel">
      <Facts p={p} />
      {step.error && (
        <Alert type="error" showIcon title={step.error.message} style={{ marginTop: 8 }} />
      )}
      <GatedActions style={{ marginTop: 8 }}>
        {STEP_ACTIONS.filter(([s]) => s !== 'signOff' || draftWaiting).map(([s, action]) => (
          <GatedButton
            key={s}
            gate={s === 'signOff' ? signOffGate(action, p.answerDraftedBy) : gate(action)}
            type={s === 'signOff' ? 'primary' : 'default'}
            loading={step.isPending && step.variables.step === s}
            onClick={() =>
              s === 'signOff'
                ? step.mutate({ step: 'signOff', json: { version: inquiry.version } })
                : setOpen(s)
            }
          >
            {t(`proposals.steps.${s}`)}
          </GatedButton>
        ))}
      </GatedActions>
      {open && (
        <ProposalStepForm
          step={open}
          busy={step.isPending}
          onCancel={() => setOpen(null)}
          onSubmit={(s) =>
            step.mutate(withVersion(s, inquiry.version), { onSuccess: () => setOpen(null) })
          }
        />
      )}
    </Card>
  )
}

/** What the item is and what was done on it. */
function Facts({ p }: { p: ProposalFacts }) {
  const { t } = useTranslation()
  const items = [
    { key: 'reference', label: t('proposals.columns.reference'), children: p.reference },
    {
      key: 'source',
      label: t('proposals.columns.source'),
      children: (
        // the cell lays its children out as flex items, where a space between them collapses
        <Flex gap={8} wrap align="center">
          {p.source}
          <Tag color={p.role === 'lead' ? 'blue' : 'default'}>{t(`proposals.role.${p.role}`)}</Tag>
          {p.isKey && <Tag color="volcano">{t('proposals.key')}</Tag>}
        </Flex>
      ),
    },
    ...(p.role === 'co'
      ? [{ key: 'lead', label: t('proposals.leadUnit'), children: p.leadUnit ?? '' }]
      : []),
    ...(p.coUnits.length > 0
      ? [
          {
            key: 'co',
            label: t('proposals.coUnits'),
            children: (
              <Flex vertical>
                {p.coUnits.join(t('app.listSeparator'))}
                {p.coUnitOpinionsDueAt !== null && (
                  <Typography.Text type="secondary">
                    {t('proposals.coUnitsDue', { date: toZonedDate(p.coUnitOpinionsDueAt) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
        ]
      : []),
    { key: 'assigned', label: t('proposals.assignedOn'), children: p.assignedOn },
    ...(p.opinionSentOn
      ? [
          {
            key: 'opinion',
            label: t('proposals.opinion'),
            children: t('proposals.opinionSent', { date: p.opinionSentOn }),
          },
        ]
      : []),
    ...(p.answerCategory
      ? [
          {
            key: 'answer',
            label: t('proposals.answer'),
            children:
              p.answerSentAt !== null && p.answerSignedOffBy !== null
                ? t('proposals.answerSent', {
                    category: p.answerCategory,
                    date: toZonedDate(p.answerSentAt),
                  })
                : t('proposals.answerWaiting', { category: p.answerCategory }),
          },
        ]
      : []),
    ...(p.rating
      ? [
          {
            key: 'rating',
            label: t('proposals.rating'),
            children: t(`proposals.ratings.${p.rating}`),
          },
        ]
      : []),
  ]
  return (
    <>
      <Descriptions column={1} size="small" items={items} />
      {p.consultations.length > 0 && (
        <List
          size="small"
          header={t('proposals.consultations')}
          dataSource={p.consultations}
          renderItem={(c) => (
            <List.Item>
              {c.heldOn} · {t(`proposals.forms.${c.form}`)} · {c.participants}
              {c.note ? ` · ${c.note}` : ''}
            </List.Item>
          )}
        />
      )}
    </>
  )
}
