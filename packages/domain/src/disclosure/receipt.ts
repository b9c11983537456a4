/**
 * How a disclosure request was received, and which date counts as its receipt date, by
 * 《中华人民共和国政府信息公开条例》（2019年修订）第三十一条:
 * - in person (当面提交): the day the applicant submitted it;
 * - post needing a signature (邮寄挂号等需签收): the day the agency signed for it;
 * - ordinary letter (平常信函等无需签收): the day the agency confirmed receipt with the applicant;
 * - internet (互联网渠道) or the office's fax: the day both sides confirmed the request.
 * The clock starts from this date, not from when the record was typed in. Dates are Asia/Shanghai.
 */
import type { IsoDate } from '../time.ts'

export const RECEIPT_METHODS = [
  'in_person',
  'registered_post',
  'ordinary_letter',
  'online',
  'fax',
] as const
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number]

/** The fact that fixes the receipt date of each method (the label of the date field in the form). */
export const RECEIPT_METHOD_LABELS: Record<
  ReceiptMethod,
  { zh: string; en: string; dateFact: { zh: string; en: string } }
> = {
  in_person: { zh: '当面提交', en: 'In person', dateFact: { zh: '提交之日', en: 'day submitted' } },
  registered_post: {
    zh: '邮寄（需签收）',
    en: 'Registered post',
    dateFact: { zh: '签收之日', en: 'day signed for' },
  },
  ordinary_letter: {
    zh: '平常信函',
    en: 'Ordinary letter',
    dateFact: { zh: '与申请人确认之日', en: 'day confirmed with the applicant' },
  },
  online: {
    zh: '互联网渠道',
    en: 'Online',
    dateFact: { zh: '双方确认之日', en: 'day both sides confirmed' },
  },
  fax: { zh: '传真', en: 'Fax', dateFact: { zh: '双方确认之日', en: 'day both sides confirmed' } },
}

/** The dates a desk may know about a received request; which one counts depends on the method. */
export type ReceiptFacts = {
  /** The day the applicant handed it in (in person) or sent it (letter, online, fax). */
  submittedOn?: IsoDate | undefined
  /** The day the agency signed for a registered item. */
  signedForOn?: IsoDate | undefined
  /** The day the agency confirmed receipt with the applicant (ordinary letter), or both sides confirmed (online, fax). */
  confirmedOn?: IsoDate | undefined
}

/** The fact each method needs. */
export const RECEIPT_FACT_OF: Record<ReceiptMethod, keyof ReceiptFacts> = {
  in_person: 'submittedOn',
  registered_post: 'signedForOn',
  ordinary_letter: 'confirmedOn',
  online: 'confirmedOn',
  fax: 'confirmedOn',
}

export type ReceiptDate =
  { ok: true; date: IsoDate; fact: keyof ReceiptFacts } | { ok: false; missing: keyof ReceiptFacts }

/**
 * The receipt date of a request by 第三十一条: the date of the fact its method names. A request
 * sent by ordinary letter but not yet confirmed has no receipt date (its clock has not started).
 * @returns `{ ok: true, date, fact }` or `{ ok: false, missing }` naming the fact still needed
 */
export function receiptDate(method: ReceiptMethod, facts: ReceiptFacts): ReceiptDate {
  const fact = RECEIPT_FACT_OF[method]
  const date = facts[fact]
  return date === undefined ? { ok: false, missing: fact } : { ok: true, date, fact }
}

/**
 * The channel requests reach the disclosure office by (its form, post, counter, fax), when they do
 * not come through one of the bureau's citizen channels. The annual report counts its requests in
 * a sentence and a table of their own (全年共受理依申请公开…件), not in the channel sentence.
 */
export const DISCLOSURE_CHANNEL = {
  code: 'ogi_request',
  nameZh: '政府信息公开申请',
  nameEn: 'Disclosure requests',
  intake: 'manual',
} as const

/**
 * The first possible receipt date of a disclosure request: the day 《中华人民共和国政府信息公开条例》
 * (国务院令第492号, 2007) came into force, 2008-05-01. Nothing received earlier was a request under
 * it; such a date is a typo, and an open request dated before would be carried over (上年结转) in
 * every later year's table.
 */
export const FIRST_RECEIPT_DATE: IsoDate = '2008-05-01'

/** Why a day cannot be recorded: after today, or (a receipt) before FIRST_RECEIPT_DATE. */
export type DisclosureDayProblem = 'in_future' | 'before_regulation'

/**
 * Why `day` (YYYY-MM-DD, Asia/Shanghai) cannot be a disclosure request's receipt date (`receipt`)
 * or the day of a step of its clock, its decision included (`step`), on `today`; null when it can.
 * The create API, the entry form, the register import and the clock's steps all ask this.
 */
export function disclosureDayProblem(
  what: 'receipt' | 'step',
  day: IsoDate,
  today: IsoDate,
): DisclosureDayProblem | null {
  if (day > today) return 'in_future'
  if (what === 'receipt' && day < FIRST_RECEIPT_DATE) return 'before_regulation'
  return null
}

/** The English sentence of a problem (the API's 422 message after the field's name). */
export const DISCLOSURE_DAY_MESSAGES: Record<DisclosureDayProblem, string> = {
  in_future: 'in the future',
  before_regulation: `before ${FIRST_RECEIPT_DATE}, when the 条例 (国务院令第492号) came into force`,
}
