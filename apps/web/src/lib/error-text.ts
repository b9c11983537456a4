/**
 * The one sentence for a failed request, in the user's language, for every screen (toasts and the
 * alerts beside a form): a refusal's `details.reason` picks `errors.reason.<reason>` (filled with
 * the details it carries: who changed it, who holds it, the status …); otherwise the code picks
 * `errors.<CODE>`. The API's English message is shown only when neither is known (`errors.UNKNOWN`).
 * A refused file (a 422 detail with `file` and `reason`) is named with its reason
 * (`errors.file.<reason>`); a message refused from the proposals or disclosure channel says where
 * such items are entered (`errors.messageChannel.<kind>`). Codes and reasons are the domain's lists (API_ERROR_CODES,
 * API_ERROR_REASONS, FILE_REFUSALS); a test checks each has both languages.
 */
import {
  API_ERROR_REASONS,
  FILE_REFUSALS,
  WEBHOOK_ADDRESS_REFUSALS,
  type ApiErrorReason,
} from '@desk/domain'
import i18next from 'i18next'
import { formatDateTime } from '../utils/format-time.ts'
import { ApiError } from './api-client.ts'

type Details = {
  reason?: unknown
  changedBy?: string
  action?: string
  holder?: string | null
  username?: string
  mainId?: number
  status?: string
  placeholders?: string[]
  role?: string
  roles?: string[]
  /** the day a disclosure answer document was signed off (`answer_signed`) */
  signedOn?: string
  /** the day a disclosure request's outcome was recorded (`outcome_recorded`) */
  decidedOn?: string
  /** the due date that had passed when an extension was asked for (`overdue`), ISO 8601 */
  dueAt?: string
  /** the annual report's year that has not ended (`year_not_ended`) and its last day */
  year?: number
  endsOn?: string
}

const isReason = (value: unknown): value is ApiErrorReason =>
  (API_ERROR_REASONS as readonly unknown[]).includes(value)

/** The fields a 422's details name (`[{ path: ['body'] }]` or `[{ path: 'days[1].date' }]`), for the VALIDATION sentence. */
function fieldsOf(details: unknown): string {
  if (!Array.isArray(details)) return ''
  const fields = details.map((d: { path?: unknown }) =>
    Array.isArray(d.path)
      ? d.path.filter((p) => typeof p === 'string').join('.')
      : typeof d.path === 'string'
        ? d.path
        : '',
  )
  return [...new Set(fields.filter(Boolean))].join(', ')
}

/** The first file a 422 refused (`{ file, reason }` in its details), if any. */
function refusedFile(details: unknown) {
  if (!Array.isArray(details)) return undefined
  return (details as { file?: unknown; reason?: unknown }[]).find(
    (d): d is { file: string; reason: (typeof FILE_REFUSALS)[number] } =>
      typeof d.file === 'string' && (FILE_REFUSALS as readonly unknown[]).includes(d.reason),
  )
}

/** A message refused from a channel of another kind (`refusal: 'message_channel'`), if any. */
function refusedMessageChannel(details: unknown) {
  if (!Array.isArray(details)) return undefined
  return (details as { refusal?: unknown; kind?: unknown }[]).find(
    (d): d is { kind: 'proposal' | 'disclosure' } =>
      d.refusal === 'message_channel' && (d.kind === 'proposal' || d.kind === 'disclosure'),
  )
}

/** A refused webhook URL's detail (`reason: 'webhook_address'`, with the address's kind), if any. */
function refusedWebhook(details: unknown) {
  if (!Array.isArray(details)) return undefined
  return (details as { reason?: unknown; kind?: unknown; address?: unknown }[]).find(
    (d): d is { kind: (typeof WEBHOOK_ADDRESS_REFUSALS)[number]; address: string } =>
      d.reason === 'webhook_address' &&
      (WEBHOOK_ADDRESS_REFUSALS as readonly unknown[]).includes(d.kind) &&
      typeof d.address === 'string',
  )
}

export function errorText(error: unknown): string {
  const t = i18next.t
  if (!(error instanceof ApiError)) {
    return t('errors.NETWORK', { message: error instanceof Error ? error.message : String(error) })
  }
  const d = (
    typeof error.details === 'object' && error.details !== null ? error.details : {}
  ) as Details
  if (isReason(d.reason)) {
    return t(`errors.reason.${d.reason}`, {
      name: d.changedBy ?? '?',
      action: t(`events.${d.action ?? 'update'}`, { defaultValue: d.action ?? '' }),
      holder: d.holder ?? '?',
      username: d.username ?? '?',
      mainId: d.mainId ?? '?',
      signedOn: d.signedOn ?? '?',
      decidedOn: d.decidedOn ?? '?',
      dueAt: d.dueAt ? formatDateTime(d.dueAt) : '?',
      year: d.year ?? '?',
      endsOn: d.endsOn ?? '?',
      status: t(`status.${d.status ?? ''}`, { defaultValue: d.status ?? '' }),
      placeholders: (d.placeholders ?? []).map((name) => `{${name}}`).join(' '),
      role: t(`roles.${d.role ?? ''}`, { defaultValue: d.role ?? '' }),
      // "答复人员、负责人或管理员" / "Responder, Manager, or Admin"
      roles: new Intl.ListFormat(i18next.language, { type: 'disjunction' }).format(
        (d.roles ?? []).map((r) => t(`roles.${r}`, { defaultValue: r })),
      ),
    })
  }
  if (error.code === 'VALIDATION') {
    const refused = refusedFile(error.details)
    if (refused) return t(`errors.file.${refused.reason}`, { name: refused.file })
    const channel = refusedMessageChannel(error.details)
    if (channel) return t(`errors.messageChannel.${channel.kind}`)
    const webhook = refusedWebhook(error.details)
    if (webhook) return t(`errors.webhook.${webhook.kind}`, { address: webhook.address })
    // a reply released with a placeholder it cannot fill: details name each (`{ placeholder }`)
    const placeholders = Array.isArray(error.details)
      ? error.details.flatMap((d: { placeholder?: unknown }) =>
          typeof d.placeholder === 'string' ? [`{${d.placeholder}}`] : [],
        )
      : []
    if (placeholders.length > 0)
      return t('errors.reason.unfilled_placeholder', { placeholders: placeholders.join(' ') })
    const fields = fieldsOf(error.details)
    return fields ? t('errors.VALIDATION_FIELDS', { fields }) : t('errors.VALIDATION')
  }
  return t(`errors.${error.code}`, {
    defaultValue: t('errors.UNKNOWN', { message: error.message }),
    message: error.message,
  })
}
