/**
 * A manager's correction of a decided disclosure request's outcome while the applicant has
 * received nothing (the lifecycle's `correct_outcome`: decided, no answer document signed off):
 * the corrected outcome, why the recorded one is wrong (kept on the timeline) and the note its
 * answer document states. Shown only to those the lifecycle allows, and not once a version is
 * signed off — then only a 行政复议 or 行政诉讼 corrects it (the review card). The API's refusals
 * show under the form.
 */
import { OUTCOME_CODES, type OutcomeCode } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCanDo, type GateSubject } from '../../../lib/can-do.ts'
import { errorText } from '../../../lib/error-text.ts'
import { disclosureQueries, useCorrectOutcome } from '../api/disclosure-queries.ts'

type Inquiry = GateSubject & { id: number; version: number }
const outcomeKey = (code: string) => `disclosure.outcome.${code.replace('.', '_')}`

export function OutcomeCorrectionCard({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation()
  const view = useQuery(disclosureQueries.request(inquiry.id))
  const gate = useCanDo(inquiry)('correct_outcome')
  const correct = useCorrectOutcome(inquiry.id)
  const [outcome, setOutcome] = useState<OutcomeCode | undefined>(undefined)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  if (!view.data || !gate.shown || gate.refusal !== null) return null
  const recorded = view.data.request.outcome
  if (recorded === null || view.data.answers.some((a) => a.status === 'signed')) return null
  const submit = () => {
    if (!outcome) return
    correct.mutate(
      { version: inquiry.version, outcome, reason: reason.trim(), note: note.trim() },
      {
        onSuccess: () => {
          setOutcome(undefined)
          setReason('')
          setNote('')
        },
      },
    )
  }
  return (
    <Card size="small" title={t('disclosure.correction.title')} data-testid="outcome-correction">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('disclosure.correction.hint')}</Typography.Text>
        <Select
          aria-label={t('disclosure.correction.outcome')}
          placeholder={t('disclosure.correction.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={OUTCOME_CODES.filter((o) => o !== recorded).map((o) => ({
            value: o,
            label: t(outcomeKey(o)),
          }))}
        />
        <Input.TextArea
          aria-label={t('disclosure.correction.reason')}
          placeholder={t('disclosure.correction.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2 }}
        />
        <Input.TextArea
          aria-label={t('disclosure.reason')}
          placeholder={t('disclosure.reasonHint')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 2 }}
        />
        {correct.isError && <Alert type="error" showIcon title={errorText(correct.error)} />}
        <Button
          danger
          loading={correct.isPending}
          disabled={!outcome || reason.trim() === ''}
          onClick={submit}
        >
          {t('disclosure.correction.submit')}
        </Button>
      </Flex>
    </Card>
  )
}
