/**
 * The form of one proposal step (opinion, consultation, answer draft, rating): the fields the API
 * takes for it, dates as `YYYY-MM-DD` (Asia/Shanghai; default today). The API checks them and
 * answers 422 naming the field.
 */
import {
  CONSULTATION_FORMS,
  PROPOSAL_ANSWER_CATEGORIES,
  PROPOSAL_RATINGS,
  toZonedDate,
  type ConsultationForm,
  type ProposalAnswerCategory,
  type ProposalRating,
} from '@desk/domain'
import { Button, Flex, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProposalStep } from '../api/proposal-queries.ts'

export type FormStep = 'opinion' | 'consultation' | 'answer' | 'rating'
type Omitted<S> = S extends { json: infer J }
  ? Omit<S, 'json'> & { json: Omit<J, 'version'> }
  : never
/** A step as the form gives it, without the version (the panel adds the one the page loaded). */
export type StepInput = Omitted<Exclude<ProposalStep, { step: 'signOff' }>>

type Props = {
  step: FormStep
  busy: boolean
  onSubmit: (input: StepInput) => void
  onCancel: () => void
}

export function ProposalStepForm({ step, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation()
  const [on, setOn] = useState(() => toZonedDate(Date.now()))
  const [text, setText] = useState('')
  const [participants, setParticipants] = useState('')
  const [form, setForm] = useState<ConsultationForm>('face_to_face')
  const [category, setCategory] = useState<ProposalAnswerCategory>('A')
  const [rating, setRating] = useState<ProposalRating>('satisfied')
  const submit = () =>
    onSubmit(
      step === 'opinion'
        ? { step, json: { sentOn: on, text } }
        : step === 'consultation'
          ? { step, json: { heldOn: on, form, participants, note: text } }
          : step === 'answer'
            ? { step, json: { category, body: text } }
            : { step, json: { rating, note: text } },
    )
  const dateLabel = t(step === 'opinion' ? 'proposals.fields.sentOn' : 'proposals.fields.heldOn')
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="proposal-step-form">
      {(step === 'opinion' || step === 'consultation') && (
        <Input
          aria-label={dateLabel}
          addonBefore={dateLabel}
          value={on}
          onChange={(e) => setOn(e.target.value)}
          placeholder="YYYY-MM-DD"
        />
      )}
      {step === 'consultation' && (
        <>
          <Select
            aria-label={t('proposals.fields.form')}
            value={form}
            onChange={setForm}
            options={CONSULTATION_FORMS.map((f) => ({
              value: f,
              label: t(`proposals.forms.${f}`),
            }))}
          />
          <Input
            aria-label={t('proposals.fields.participants')}
            placeholder={t('proposals.fields.participants')}
            value={participants}
            onChange={(e) => setParticipants(e.target.value)}
          />
        </>
      )}
      {step === 'answer' && (
        <Select
          aria-label={t('proposals.fields.category')}
          value={category}
          onChange={setCategory}
          options={PROPOSAL_ANSWER_CATEGORIES.map((c) => ({
            value: c,
            label: t(`proposals.categories.${c}`),
          }))}
        />
      )}
      {step === 'rating' && (
        <Select
          aria-label={t('proposals.fields.rating')}
          value={rating}
          onChange={setRating}
          options={PROPOSAL_RATINGS.map((r) => ({ value: r, label: t(`proposals.ratings.${r}`) }))}
        />
      )}
      <Input.TextArea
        aria-label={t(
          step === 'consultation' || step === 'rating'
            ? 'proposals.fields.note'
            : 'proposals.fields.text',
        )}
        placeholder={t(
          step === 'consultation' || step === 'rating'
            ? 'proposals.fields.note'
            : 'proposals.fields.text',
        )}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: step === 'answer' || step === 'opinion' ? 4 : 2 }}
      />
      <Flex gap={8}>
        <Button type="primary" loading={busy} onClick={submit}>
          {t('proposals.submit')}
        </Button>
        <Button onClick={onCancel}>{t('proposals.cancel')}</Button>
      </Flex>
    </Flex>
  )
}
