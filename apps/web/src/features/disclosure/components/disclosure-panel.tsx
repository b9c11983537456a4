/**
 * The register card on a disclosure request's page: applicant, receipt, the clock's state and its
 * one-sentence explanation, the outcome, and the clock's steps (补正, consultation, extension,
 * decision) as one small form offering only the steps the clock allows now (domain
 * `disclosureStepRefusal` on the form's day, as the API refuses the others): pick the step, its day (default today) and what it needs (a
 * decision's reason is written into its answer document, whose review and delivery are the
 * answer document card's).
 */
import {
  APPLICANT_TYPES,
  CONSULTATION_PARTIES,
  DISCLOSURE_STEPS,
  disclosureStepRefusal,
  OUTCOME_CODES,
  toZonedDate,
  type DisclosureActionInput,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Descriptions, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disclosureQueries, useDisclosureAction } from '../api/disclosure-queries.ts'

type Step = (typeof DISCLOSURE_STEPS)[number]
const outcomeKey = (code: string) => `disclosure.outcome.${code.replace('.', '_')}`

export function DisclosurePanel({ inquiryId, version }: { inquiryId: number; version: number }) {
  const { t, i18n } = useTranslation()
  const view = useQuery(disclosureQueries.request(inquiryId))
  const action = useDisclosureAction(inquiryId)
  const [picked, setStep] = useState<Step>('decide')
  const [today] = useState(() => toZonedDate(Date.now()))
  const [on, setOn] = useState(today)
  const [answerBy, setAnswerBy] = useState('')
  const [party, setParty] = useState<(typeof CONSULTATION_PARTIES)[number]>('third_party')
  const [days, setDays] = useState(20)
  const [outcome, setOutcome] = useState<(typeof OUTCOME_CODES)[number]>('grant')
  const [note, setNote] = useState('')
  if (!view.data) return null
  const { request, clock, explanation } = view.data
  // the steps allowed on the form's day (today until a whole day is typed): a 补正 notice only
  // until the clock's correctionNoticeBy
  const day = /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : today
  const allowed = DISCLOSURE_STEPS.filter((s) => disclosureStepRefusal(clock, s, day) === null)
  // the picked step once the clock no longer allows it (after a step) gives way to the first allowed
  const step = allowed.includes(picked) ? picked : allowed[0]
  const submit = () => {
    if (step === undefined) return
    const base = { version, on }
    const input: DisclosureActionInput =
      step === 'request_correction'
        ? { ...base, action: step, answerBy }
        : step === 'start_consultation'
          ? { ...base, action: step, party }
          : step === 'extend'
            ? { ...base, action: step, workingDays: days }
            : step === 'decide'
              ? { ...base, action: step, outcome, note: note.trim() }
              : { ...base, action: step }
    action.mutate(input)
  }
  const open = request.decidedAt === null && step !== undefined
  return (
    <Card title={t('disclosure.panelTitle')} size="small" data-testid="disclosure-panel">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('disclosure.applicantType')}>
          {t(`disclosure.applicant.${request.applicantType}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('disclosure.receivedOn')}>
          {request.receivedOn} · {t(`disclosure.method.${request.receiptMethod}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('disclosure.state')}>
          <Tag data-testid="clock-state">{t(`disclosure.clock.${clock.state}`)}</Tag>
        </Descriptions.Item>
        {request.outcome && (
          <Descriptions.Item label={t('disclosure.outcomeLabel')}>
            {t(outcomeKey(request.outcome))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph data-testid="clock-explanation" style={{ marginTop: 8 }}>
        {i18n.language.startsWith('en') ? explanation.en : explanation.zh}
      </Typography.Paragraph>
      {open && (
        <Flex vertical gap={8}>
          <Select
            aria-label={t('disclosure.step')}
            value={step}
            onChange={setStep}
            options={allowed.map((s) => ({ value: s, label: t(`disclosure.steps.${s}`) }))}
          />
          <Input
            aria-label={t('disclosure.on')}
            addonBefore={t('disclosure.on')}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            placeholder="YYYY-MM-DD"
          />
          {step === 'request_correction' && (
            <Input
              aria-label={t('disclosure.answerBy')}
              addonBefore={t('disclosure.answerBy')}
              value={answerBy}
              onChange={(e) => setAnswerBy(e.target.value)}
              placeholder="YYYY-MM-DD"
            />
          )}
          {step === 'start_consultation' && (
            <Select
              aria-label={t('disclosure.party')}
              value={party}
              onChange={setParty}
              options={CONSULTATION_PARTIES.map((p) => ({
                value: p,
                label: t(`disclosure.parties.${p}`),
              }))}
            />
          )}
          {step === 'extend' && (
            <InputNumber
              aria-label={t('disclosure.workingDays')}
              min={1}
              max={20}
              value={days}
              onChange={(v) => setDays(v ?? 1)}
              addonAfter={t('disclosure.workingDays')}
            />
          )}
          {step === 'decide' && (
            <Select
              aria-label={t('disclosure.outcomeLabel')}
              value={outcome}
              onChange={setOutcome}
              options={OUTCOME_CODES.map((o) => ({ value: o, label: t(outcomeKey(o)) }))}
            />
          )}
          {step === 'decide' && (
            <Input.TextArea
              aria-label={t('disclosure.reason')}
              placeholder={t('disclosure.reasonHint')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoSize={{ minRows: 2 }}
            />
          )}
          <Button type="primary" loading={action.isPending} onClick={submit}>
            {t('disclosure.apply')}
          </Button>
        </Flex>
      )}
    </Card>
  )
}

/** Applicant types in column order, for forms. */
export const applicantOptions = (t: (k: string) => string) =>
  APPLICANT_TYPES.map((a) => ({ value: a, label: t(`disclosure.applicant.${a}`) }))
