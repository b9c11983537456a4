/**
 * The 行政复议 and 行政诉讼 cases against a disclosure request (the national table's section 四):
 * each with its kind, filing day, result and conclusion day; a manager files one here (a case
 * entered once concluded carries its result and day, a pending one neither: the API's rule, its
 * refusals shown on their fields).
 */
import {
  REVIEW_KINDS,
  REVIEW_RESULTS,
  hasRole,
  toZonedDate,
  type ReviewCaseInput,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Input, List, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../../lib/error-text.ts'
import { fieldErrorsFromApi } from '../../../lib/field-errors.ts'
import { sessionQueries } from '../../../lib/session.ts'
import { disclosureQueries, useFileReviewCase } from '../api/disclosure-queries.ts'

export function ReviewCasesCard({ inquiryId }: { inquiryId: number }) {
  const { t } = useTranslation()
  const view = useQuery(disclosureQueries.request(inquiryId))
  const me = useQuery(sessionQueries.me())
  const file = useFileReviewCase(inquiryId)
  const [kind, setKind] = useState<ReviewCaseInput['kind']>('review')
  const [filedOn, setFiledOn] = useState(() => toZonedDate(Date.now()))
  const [result, setResult] = useState<ReviewCaseInput['result']>('pending')
  const [concludedOn, setConcludedOn] = useState('')
  const [note, setNote] = useState('')
  if (!view.data) return null
  const cases = view.data.reviewCases
  const mayFile = me.data ? hasRole(me.data.role, 'manager') : false
  if (cases.length === 0 && !mayFile) return null
  const errors = fieldErrorsFromApi('disclosure.reviewCase', file.error)
  const day = (ms: number | null) => (ms === null ? '' : toZonedDate(ms))
  const submit = () =>
    file.mutate(
      {
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
              <List.Item>
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
            <Select
              aria-label={t('disclosure.reviewCase.result')}
              value={result}
              onChange={setResult}
              options={REVIEW_RESULTS.map((r) => ({
                value: r,
                label: t(`disclosure.reviewResult.${r}`),
              }))}
            />
            {result !== 'pending' && (
              <Input
                aria-label={t('disclosure.reviewCase.concludedOn')}
                addonBefore={t('disclosure.reviewCase.concludedOn')}
                placeholder="YYYY-MM-DD"
                value={concludedOn}
                status={errors.concludedOn ? 'error' : undefined}
                onChange={(e) => setConcludedOn(e.target.value)}
              />
            )}
            <Input
              aria-label={t('disclosure.reviewCase.note')}
              placeholder={t('disclosure.reviewCase.note')}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
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
