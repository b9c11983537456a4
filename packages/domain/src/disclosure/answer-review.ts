/**
 * The answer document's way out of the office: drafted (答复书/告知书 filled from the register and
 * submitted for review, with the agency that signs it and its 文号 if any), reviewed — signed off
 * (签发) by a manager, or sent back with a comment — and, once signed, delivered (送达) by a method
 * and on a day, each attempt kept (the first delivered one counts). The signed document is frozen: later edits of the register do not change what was
 * sent. Which step is allowed when is the lifecycle's (inquiry/lifecycle.ts: `draft_answer`,
 * `sign_off_answer`, `send_back`, `record_delivery` in the disclosure section).
 *
 * Delivery methods: 《中华人民共和国政府信息公开条例》（2019年修订）第二十九条第二款第（三）项 (the
 * applicant names how and by which route to obtain the information) and 第四十条 (the agency
 * provides it in the form asked, or by electronic data or another suitable form); the methods are
 * the forms of service (送达) courts and agencies use (《中华人民共和国民事诉讼法》第八十八条 直接送达,
 * 第九十条 电子送达, 第九十五条 邮寄送达) as disclosure offices record them. `verified` is false:
 * written from the texts as known to the desk's authors, not re-read on an official page.
 */
import { z } from 'zod'
import { versionSchema } from '../inquiry.ts'
import { supportedDateSchema } from '../supported-dates.ts'
import { lineTextSchema, textSchema } from '../text.ts'

/**
 * A document version's state: `submitted` waits for review; `sent_back` was returned with a
 * comment; `superseded` was replaced by a newer submission before review; `signed` is the one
 * frozen document that goes to the applicant (at most one per request).
 */
export const ANSWER_DOCUMENT_STATUSES = ['submitted', 'sent_back', 'superseded', 'signed'] as const
export type AnswerDocumentStatus = (typeof ANSWER_DOCUMENT_STATUSES)[number]

/** How a signed document reached the applicant; `tracking`: the method has a tracking number. */
export const DELIVERY_METHODS = [
  { code: 'post', zh: '邮寄', en: 'Post', tracking: true },
  { code: 'email', zh: '电子邮件', en: 'Email', tracking: false },
  { code: 'in_person', zh: '当面领取', en: 'Collected in person', tracking: false },
  { code: 'online', zh: '在线平台', en: 'Online platform', tracking: false },
  { code: 'fax', zh: '传真', en: 'Fax', tracking: false },
] as const satisfies readonly { code: string; zh: string; en: string; tracking: boolean }[]
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]['code']
export const DELIVERY_METHOD_CODES = DELIVERY_METHODS.map((m) => m.code) as [
  DeliveryMethod,
  ...DeliveryMethod[],
]
export const DELIVERY_METHODS_SOURCE = {
  source:
    '《中华人民共和国政府信息公开条例》（2019年修订）第二十九条、第四十条；《中华人民共和国民事诉讼法》送达方式',
  verified: false,
} as const

/** The method's label in `lang`; '' for an unknown code or null. */
export function deliveryMethodLabel(code: string | null, lang: 'zh' | 'en'): string {
  const m = DELIVERY_METHODS.find((d) => d.code === code)
  return m ? m[lang] : ''
}

/** Whether a tracking number belongs to `method` (a posted letter's 邮件号). */
export function deliveryTracks(method: DeliveryMethod): boolean {
  return DELIVERY_METHODS.find((m) => m.code === method)?.tracking ?? false
}

/**
 * Submitting the document for review: the agency that signs it, its 文号 (optional) and, for an
 * outcome whose document states a reason (`answerNeedsReason`), the reason as the applicant reads
 * it — '' keeps the note written with the decision.
 */
export const submitAnswerDocumentSchema = versionSchema.extend({
  agency: lineTextSchema().trim().min(1).max(100),
  /** 发文字号, e.g. 某自然资依申复〔2024〕12号 */
  docNumber: lineTextSchema().trim().max(60).default(''),
  reason: textSchema().trim().max(2000).default(''),
})
export type SubmitAnswerDocumentInput = z.infer<typeof submitAnswerDocumentSchema>

/** Sending a submitted document back with the reviewer's comment. */
export const sendBackAnswerDocumentSchema = versionSchema.extend({
  comment: textSchema().trim().min(1).max(2000),
})

/**
 * What came of one delivery attempt: `delivered` reached the applicant; `failed` did not (a letter
 * returned, an address unknown, an email bounced), and another attempt follows.
 */
export const DELIVERY_RESULTS = [
  { code: 'delivered', zh: '已送达', en: 'Delivered' },
  { code: 'failed', zh: '未送达', en: 'Not delivered' },
] as const satisfies readonly { code: string; zh: string; en: string }[]
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number]['code']
export const DELIVERY_RESULT_CODES = DELIVERY_RESULTS.map((r) => r.code) as [
  DeliveryResult,
  ...DeliveryResult[],
]

/**
 * One delivery attempt of the signed document: method, day (YYYY-MM-DD, Asia/Shanghai; not before
 * the sign-off and not in the future: checked by the API against the record), tracking number
 * (only for a method that has one), its result and a note (why it failed, who collected it).
 * Every attempt is kept, in the order recorded; the FIRST delivered one is the request's delivery
 * (the register's 送达 column, the card's): a later record adds to the list and changes nothing,
 * so what the applicant received, and when, is never overwritten.
 */
export const recordDeliverySchema = versionSchema
  .extend({
    method: z.enum(DELIVERY_METHOD_CODES),
    deliveredOn: supportedDateSchema,
    trackingNumber: lineTextSchema().trim().max(60).default(''),
    result: z.enum(DELIVERY_RESULT_CODES).default('delivered'),
    note: textSchema().trim().max(500).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.trackingNumber !== '' && !deliveryTracks(d.method))
      ctx.addIssue({
        code: 'custom',
        path: ['trackingNumber'],
        message: `no tracking number for ${d.method}`,
      })
  })
export type RecordDeliveryInput = z.infer<typeof recordDeliverySchema>
