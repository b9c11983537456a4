/**
 * The 行政复议 and 行政诉讼 cases against a disclosure request (the national table's section 四):
 * each with its kind, filing day, result and conclusion day. A manager files one here (a case
 * entered once concluded carries its result and day, a pending one neither) and records a pending
 * one's result when it is concluded (once: the domain's review-cases.ts). Who may is the
 * lifecycle's `record_review_case` (`useCanDo`): others see the button disabled with the reason.
 * The API's refusals show on their fields.
 */
import {
  CONCLUDED_REVIEW_RESULTS,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  toZonedDate,
  type ConcludedReviewResult,
  type ReviewCaseInput,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Input, List, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GatedButton } from '../../../components/gated-button.tsx'
import { useCanDo, type Gate, type GateSubject } from '../../../lib/can-do.ts'
import { errorText } from '../../../lib/error-text.ts'
import { fieldErrorsFromApi } from '../../../lib/field-errors.ts'
import {
  disclosureQueries,
  useConcludeReviewCase,
  useFileReviewCase,
} from '../api/disclosure-queries.ts'

type Inquiry = GateSubject & { id: number; version: number }

export function ReviewCasesCard({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation()
  const inquiryId = inquiry.id
  const view = useQuery(disclosureQueries.request(inquiryId))
  const gate = useCanDo(inquiry)('record_review_case')
  const file = useFileReviewCase(inquiryId)
  const [kind, setKind] = useState<ReviewCaseInput['kind']>('review')
  const [filedOn, setFiledOn] = useState(() => toZonedDate(Date.now()))
  const [result, setResult] = useState<ReviewCaseInput['result']>('pending')
  const [concludedOn, setConcludedOn] = useState('')
  const [note, setNote] = useState('')
  if (!view.data) return null
  const cases = view.data.reviewCases
  const mayFile = gate.shown && gate.refusal === null
  if (cases.length === 0 && !mayFile) return null
  const errors = fieldErrorsFromApi('disclosure.reviewCase', file.error)
  const day = (ms: number | null) => (ms === null ? '' : toZonedDate(ms))
  const submit = () =>
    file.mutate(
      {
        version: inquiry.version,
        kind,
        filedOn,
        result,
        note: note.trim(),
        ...(result === 'pending' ? {} : { concludedOn }),
      },
      { onSuccess: () => setNote('') },
    )
  return (
    <Card size="small" title={t('disclosure.reviewCase.title')} data-testid="review-cases">
      <Flex vertical gap={8}>
        {cases.length > 0 && (
          <List
            size="small"
            dataSource={cases}
            renderItem={(c) => (
              <List.Item data-testid={`review-case-${c.id}`}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Typography.Text>
                    {[
                      t(`disclosure.review.${c.kind}`),
                      t('disclosure.reviewCase.filed', { on: day(c.filedAt) }),
                      t(`disclosure.reviewResult.${c.result}`),
                      c.concludedAt === null
                        ? ''
                        : t('disclosure.reviewCase.concluded', { on: day(c.concludedAt) }),
                      c.note,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  {c.result === 'pending' && (
                    <ConcludeCase inquiry={inquiry} caseId={c.id} gate={gate} />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
        {mayFile && (
          <>
            <Select
              aria-label={t('disclosure.reviewCase.kind')}
              value={kind}
              onChange={setKind}
              options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`disclosure.review.${k}`) }))}
            />
            <Input
              aria-label={t('disclosure.reviewCase.filedOn')}
              addonBefore={t('disclosure.reviewCase.filedOn')}
              placeholder="YYYY-MM-DD"
              value={filedOn}
              status={errors.filedOn ? 'error' : undefined}
              onChange={(e) => setFiledOn(e.target.value)}
            />
            <CaseResultFields
              results={REVIEW_RESULTS}
              result={result}
              onResult={setResult}
              concludedOn={concludedOn}
              onConcludedOn={setConcludedOn}
              concludedOnRefused={Boolean(errors.concludedOn)}
              note={note}
              onNote={setNote}
            />
            {file.isError && <Alert type="error" showIcon title={errorText(file.error)} />}
            <Button loading={file.isPending} onClick={submit}>
              {t('disclosure.reviewCase.file')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  )
}

/** Records a pending case's result: a button that opens the result, its day and a note. */
function ConcludeCase({ inquiry, caseId, gate }: { inquiry: Inquiry; caseId: number; gate: Gate }) {
  const { t } = useTranslation()
  const conclude = useConcludeReviewCase(inquiry.id)
  const [open, setOpen] = useState(false)
  const [result, setResult] = useState<ConcludedReviewResult>('upheld')
  const [concludedOn, setConcludedOn] = useState(() => toZonedDate(Date.now()))
  const [note, setNote] = useState('')
  if (!open)
    return (
      <GatedButton size="small" gate={gate} onClick={() => setOpen(true)}>
        {t('disclosure.reviewCase.conclude')}
      </GatedButton>
    )
  const errors = fieldErrorsFromApi('disclosure.reviewCase', conclude.error)
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('disclosure.reviewCase.concludeHint')}</Typography.Text>
      <CaseResultFields
        results={CONCLUDED_REVIEW_RESULTS}
        result={result}
        onResult={setResult}
        concludedOn={concludedOn}
        onConcludedOn={setConcludedOn}
        concludedOnRefused={Boolean(errors.concludedOn)}
        note={note}
        onNote={setNote}
      />
      {conclude.isError && <Alert type="error" showIcon title={errorText(conclude.error)} />}
      <Space wrap>
        <Button
          type="primary"
          loading={conclude.isPending}
          onClick={() =>
            conclude.mutate({
              caseId,
              version: inquiry.version,
              result,
              concludedOn,
              note: note.trim(),
            })
          }
        >
          {t('disclosure.reviewCase.save')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('disclosure.reviewCase.cancel')}</Button>
      </Space>
    </Flex>
  )
}

/**
 * A case's result, its conclusion day (asked unless the result is pending) and a note: what
 * filing a case and concluding a pending one both ask.
 */
function CaseResultFields<R extends ReviewCaseInput['result']>(p: {
  results: readonly R[]
  result: R
  onResult: (result: R) => void
  concludedOn: string
  onConcludedOn: (day: string) => void
  concludedOnRefused: boolean
  note: string
  onNote: (note: string) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Select
        aria-label={t('disclosure.reviewCase.result')}
        value={p.result}
        onChange={p.onResult}
        options={p.results.map((r) => ({
          value: r,
          label: t(`disclosure.reviewResult.${r as ReviewCaseInput['result']}`),
        }))}
      />
      {p.result !== 'pending' && (
        <Input
          aria-label={t('disclosure.reviewCase.concludedOn')}
          addonBefore={t('disclosure.reviewCase.concludedOn')}
          placeholder="YYYY-MM-DD"
          value={p.concludedOn}
          status={p.concludedOnRefused ? 'error' : undefined}
          onChange={(e) => p.onConcludedOn(e.target.value)}
        />
      )}
      <Input
        aria-label={t('disclosure.reviewCase.note')}
        placeholder={t('disclosure.reviewCase.note')}
        value={p.note}
        maxLength={2000}
        onChange={(e) => p.onNote(e.target.value)}
      />
    </>
  )
}
