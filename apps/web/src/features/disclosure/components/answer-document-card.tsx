/**
 * The answer document (答复书 / 告知书) of a decided disclosure request, reviewed like other
 * replies: the holder submits it (the answering agency, remembered in the browser, and its 文号),
 * a manager signs it off (签发) or sends it back with a comment, and once signed its delivery (送达:
 * method, day, tracking number for post, result, note) is recorded: every attempt is listed and
 * the first delivered one counts. Each version opens as an A4 print view and
 * downloads as DOCX (the signed one as signed). Which button shows is the lifecycle's (`gate`,
 * `useCanDo`); whether a version waits for review is the record's. A request received before
 * 2019-05-15 gets the 2008 条例's template, which cites no article numbers: the card says so.
 */
import {
  ANSWER_TEMPLATES,
  DELIVERY_METHODS,
  DELIVERY_RESULTS,
  REASON_PLACEHOLDER,
  answerNeedsReason,
  answerPlaceholders,
  answerRegulationOf,
  deliveryMethodLabel,
  deliveryTracks,
  toZonedDate,
  type DeliveryMethod,
  type DeliveryResult,
  type LifecycleAction,
  type OutcomeCode,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Flex, Input, List, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GatedActions, GatedButton } from '../../../components/gated-button.tsx'
import { useCanDo, useSignOffGate, type Gate, type GateSubject } from '../../../lib/can-do.ts'
import { errorText } from '../../../lib/error-text.ts'
import { fieldErrorsFromApi } from '../../../lib/field-errors.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import {
  answerDocxHref,
  answerPrintPath,
  answerVersionDocxHref,
  disclosureQueries,
  useAnswerStep,
  type AnswerVersion,
} from '../api/disclosure-queries.ts'

const AGENCY_KEY = 'desk.disclosure.agency'
// palette colours, whose tag text lib/contrast.css keeps at WCAG AA (the status presets are not)
const STATUS_COLOR: Record<string, string> = {
  submitted: 'blue',
  sent_back: 'orange',
  superseded: 'default',
  signed: 'green',
}
const at = (ms: number | null) => (ms === null ? '' : formatDateTime(new Date(ms).toISOString()))

type Props = { inquiryId: number; version: number; gate: (action: LifecycleAction) => Gate }
type SignOffGate = (action: LifecycleAction, drafterId: number | null) => Gate

export function AnswerDocumentCard({
  inquiry,
}: {
  inquiry: GateSubject & { id: number; version: number }
}) {
  const { t } = useTranslation()
  const gate = useCanDo(inquiry)
  const signOff = useSignOffGate(inquiry)
  const { id: inquiryId, version } = inquiry
  const view = useQuery(disclosureQueries.request(inquiryId))
  if (!view.data) return null
  const { request, answers, decisionNote } = view.data
  if (request.outcome === null || request.decidedAt === null) return null
  const kind = t(`disclosure.document.${ANSWER_TEMPLATES[request.outcome].kind}`)
  const title = t('disclosure.document.title', { kind })
  const signed = answers.find((a) => a.status === 'signed')
  return (
    <Card size="small" title={title} data-testid="answer-document">
      <Flex vertical gap={12}>
        {/* the 2008 条例's template names it without articles: the reviewer writes them in */}
        {answerRegulationOf(request.receivedOn) === 'ogi2008' && (
          <Typography.Text type="secondary" data-testid="answer-regulation-2008">
            {t('disclosure.document.regulation2008')}
          </Typography.Text>
        )}
        {answers.length > 0 && (
          <List
            size="small"
            dataSource={[...answers].reverse()}
            renderItem={(a) => (
              <VersionItem
                inquiryId={inquiryId}
                version={version}
                answer={a}
                gate={gate}
                signOff={signOff}
              />
            )}
          />
        )}
        {signed ? (
          <Delivery inquiryId={inquiryId} version={version} signed={signed} gate={gate} />
        ) : (
          <SubmitForm
            inquiryId={inquiryId}
            version={version}
            gate={gate}
            kind={kind}
            outcome={request.outcome}
            decisionNote={decisionNote}
          />
        )}
      </Flex>
    </Card>
  )
}

function VersionItem({
  inquiryId,
  version,
  answer: a,
  gate,
  signOff,
}: Props & { answer: AnswerVersion; signOff: SignOffGate }) {
  const { t } = useTranslation()
  const step = useAnswerStep(inquiryId)
  const [comment, setComment] = useState('')
  const waiting = a.status === 'submitted'
  // an unfinished version (a placeholder left in it) is sent back, not signed: the API refuses it
  const [left] = answerPlaceholders(a.document)
  const signGate = signOff('sign_off_answer', a.authorId)
  const sign: Gate =
    left && signGate.shown && signGate.refusal === null
      ? {
          shown: true,
          reason: 'unfilled_placeholder',
          refusal: t('disclosure.document.unfinished', { placeholder: left }),
        }
      : signGate
  return (
    <List.Item data-testid={`answer-version-${a.number}`}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Space wrap size={[8, 0]}>
          <Typography.Text strong>
            {t('disclosure.document.version', { n: a.number })}
          </Typography.Text>
          <Tag color={STATUS_COLOR[a.status]} data-testid="answer-status">
            {t(`disclosure.document.status.${a.status}`)}
          </Tag>
          {a.docNumber && <Typography.Text>{a.docNumber}</Typography.Text>}
          <Link to={answerPrintPath(inquiryId, a.id)} target="_blank">
            {t('disclosure.document.print')}
          </Link>
          <Typography.Link href={answerVersionDocxHref(inquiryId, a.id)} download>
            DOCX
          </Typography.Link>
        </Space>
        <Typography.Text type="secondary">
          {t('disclosure.document.submittedBy', { who: a.authorName ?? '', at: at(a.createdAt) })}
          {a.reviewerName &&
            ` · ${t(`disclosure.document.reviewed.${a.status === 'signed' ? 'signed' : 'sentBack'}`, { who: a.reviewerName, at: at(a.reviewedAt) })}`}
        </Typography.Text>
        {a.reviewComment && <Typography.Text>{a.reviewComment}</Typography.Text>}
        {/* said once: on 签发's line where a manager could sign it otherwise */}
        {waiting && left && sign.reason !== 'unfilled_placeholder' && (
          <Typography.Text type="warning" data-testid="answer-unfinished">
            {t('disclosure.document.unfinished', { placeholder: left })}
          </Typography.Text>
        )}
        {waiting && (
          <Flex vertical gap={8}>
            <Input.TextArea
              aria-label={t('disclosure.document.comment')}
              placeholder={t('disclosure.document.comment')}
              value={comment}
              autoSize={{ minRows: 1, maxRows: 4 }}
              onChange={(e) => setComment(e.target.value)}
            />
            <GatedActions>
              <GatedButton
                type="primary"
                gate={sign}
                loading={step.isPending}
                onClick={() => step.mutate({ step: 'sign_off', answerId: a.id, json: { version } })}
              >
                {t('disclosure.document.signOff')}
              </GatedButton>
              <GatedButton
                gate={gate('send_back')}
                disabled={comment.trim() === ''}
                loading={step.isPending}
                onClick={() =>
                  step.mutate({
                    step: 'send_back',
                    answerId: a.id,
                    json: { version, comment: comment.trim() },
                  })
                }
              >
                {t('disclosure.document.sendBack')}
              </GatedButton>
            </GatedActions>
          </Flex>
        )}
      </Flex>
    </List.Item>
  )
}

/**
 * The submission: agency, 文号 and, when the outcome's document states a reason, the reason
 * (prefilled with the decision's note); submitting is disabled, saying why, while the document
 * would still say `REASON_PLACEHOLDER` (the API refuses it, 422 `reason`).
 */
function SubmitForm({
  inquiryId,
  version,
  gate,
  kind,
  outcome,
  decisionNote,
}: Props & { kind: string; outcome: OutcomeCode; decisionNote: string }) {
  const { t } = useTranslation()
  const step = useAnswerStep(inquiryId)
  const [agency, setAgency] = useState(() => window.localStorage.getItem(AGENCY_KEY) ?? '')
  const [docNumber, setDocNumber] = useState('')
  const [reason, setReason] = useState(decisionNote)
  const name = agency.trim()
  const needsReason = answerNeedsReason(outcome)
  const draftGate = gate('draft_answer')
  const submitGate: Gate =
    needsReason && reason.trim() === '' && draftGate.shown && draftGate.refusal === null
      ? {
          shown: true,
          reason: 'unfilled_placeholder',
          refusal: t('disclosure.document.reasonMissing', { placeholder: REASON_PLACEHOLDER }),
        }
      : draftGate
  if (!draftGate.shown) return null
  return (
    <Flex vertical gap={8}>
      <Input
        aria-label={t('disclosure.document.agency')}
        addonBefore={t('disclosure.document.agency')}
        placeholder={t('disclosure.document.agencyHint')}
        value={agency}
        maxLength={100}
        onChange={(e) => {
          setAgency(e.target.value)
          window.localStorage.setItem(AGENCY_KEY, e.target.value.trim())
        }}
      />
      <Input
        aria-label={t('disclosure.document.docNumber')}
        addonBefore={t('disclosure.document.docNumber')}
        placeholder={t('disclosure.document.docNumberHint')}
        value={docNumber}
        maxLength={60}
        onChange={(e) => setDocNumber(e.target.value)}
      />
      {needsReason && (
        <Input.TextArea
          aria-label={t('disclosure.document.reason')}
          placeholder={t('disclosure.document.reasonHint')}
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <GatedActions>
        <GatedButton
          type="primary"
          gate={submitGate}
          disabled={!name}
          loading={step.isPending}
          onClick={() =>
            step.mutate({
              step: 'submit',
              json: {
                version,
                agency: name,
                docNumber: docNumber.trim(),
                reason: needsReason ? reason.trim() : '',
              },
            })
          }
        >
          {t('disclosure.document.submit')}
        </GatedButton>
        <Typography.Link
          href={name ? answerDocxHref(inquiryId, name) : undefined}
          disabled={!name}
          download
        >
          {t('disclosure.document.preview', { kind })}
        </Typography.Link>
      </GatedActions>
    </Flex>
  )
}

function Delivery({
  inquiryId,
  version,
  signed,
  gate,
}: Omit<Props, 'kind'> & { signed: AnswerVersion }) {
  const { t, i18n } = useTranslation()
  // the day's refusal shows on its field; any other refusal in the card, not as a toast too
  const step = useAnswerStep(inquiryId, { silent: true })
  const [method, setMethod] = useState<DeliveryMethod>('post')
  const [deliveredOn, setDeliveredOn] = useState(() => toZonedDate(Date.now()))
  const [trackingNumber, setTrackingNumber] = useState('')
  const [result, setResult] = useState<DeliveryResult>('delivered')
  const [note, setNote] = useState('')
  const en = i18n.language.startsWith('en')
  const lang = en ? 'en' : 'zh'
  const errors = fieldErrorsFromApi('disclosure.delivery', step.error)
  const tracks = deliveryTracks(method)
  return (
    <Flex vertical gap={8}>
      {signed.deliveredAt !== null ? (
        <Alert
          type="success"
          showIcon
          data-testid="delivery"
          title={t('disclosure.delivery.recorded', {
            method: deliveryMethodLabel(signed.deliveryMethod, en ? 'en' : 'zh'),
            on: toZonedDate(signed.deliveredAt),
            who: signed.delivererName ?? '',
          })}
          description={
            signed.trackingNumber
              ? t('disclosure.delivery.tracking', { number: signed.trackingNumber })
              : undefined
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('disclosure.delivery.none')}</Typography.Text>
      )}
      {signed.deliveries.length > 0 && (
        <List
          size="small"
          header={t('disclosure.delivery.attempts')}
          dataSource={signed.deliveries}
          data-testid="delivery-attempts"
          renderItem={(a) => (
            <List.Item>
              <Typography.Text type={a.result === 'failed' ? 'secondary' : undefined}>
                {[
                  a.deliveredOn,
                  deliveryMethodLabel(a.method, lang),
                  DELIVERY_RESULTS.find((r) => r.code === a.result)?.[lang] ?? a.result,
                  a.trackingNumber &&
                    t('disclosure.delivery.tracking', { number: a.trackingNumber }),
                  a.note,
                  a.recordedBy && t('disclosure.delivery.by', { who: a.recordedBy }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {gate('record_delivery').shown && (
        <>
          <Select
            aria-label={t('disclosure.delivery.method')}
            value={method}
            onChange={setMethod}
            options={DELIVERY_METHODS.map((m) => ({ value: m.code, label: m[lang] }))}
          />
          <Select
            aria-label={t('disclosure.delivery.result')}
            value={result}
            onChange={setResult}
            options={DELIVERY_RESULTS.map((r) => ({ value: r.code, label: r[lang] }))}
          />
          <Input
            aria-label={t('disclosure.delivery.on')}
            addonBefore={t('disclosure.delivery.on')}
            placeholder="YYYY-MM-DD"
            value={deliveredOn}
            status={errors.deliveredOn ? 'error' : undefined}
            onChange={(e) => setDeliveredOn(e.target.value)}
          />
          {errors.deliveredOn && (
            <Typography.Text type="danger" role="alert">
              {t('disclosure.delivery.invalid.deliveredOn')}
            </Typography.Text>
          )}
          {step.isError && !errors.deliveredOn && (
            <Alert type="error" showIcon title={errorText(step.error)} />
          )}
          {tracks && (
            <Input
              aria-label={t('disclosure.delivery.trackingNumber')}
              addonBefore={t('disclosure.delivery.trackingNumber')}
              value={trackingNumber}
              maxLength={60}
              onChange={(e) => setTrackingNumber(e.target.value)}
            />
          )}
          <Input
            aria-label={t('disclosure.delivery.note')}
            placeholder={t('disclosure.delivery.noteHint')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
          <GatedButton
            gate={gate('record_delivery')}
            loading={step.isPending}
            onClick={() =>
              step.mutate(
                {
                  step: 'deliver',
                  json: {
                    version,
                    method,
                    deliveredOn,
                    trackingNumber: tracks ? trackingNumber.trim() : '',
                    result,
                    note: note.trim(),
                  },
                },
                { onSuccess: () => setNote('') },
              )
            }
          >
            {t(
              signed.deliveries.length === 0
                ? 'disclosure.delivery.record'
                : 'disclosure.delivery.recordAnother',
            )}
          </GatedButton>
        </>
      )}
    </Flex>
  )
}
