/**
 * The answer document (答复书 / 告知书) of a decided disclosure request: filled from its register
 * entry by the domain's template of its outcome (disclosure/answer-document.ts: the decision with
 * the articles it rests on, the remedy sentence), then reviewed like other replies — submitted by
 * the holder, signed off (签发) or sent back by a manager, each step through the inquiry gate
 * (`act`: the lifecycle's `draft_answer`, `sign_off_answer`, `send_back`, `record_delivery`) with
 * its event — and its delivery (送达) recorded, every attempt kept (the first delivered one counts). The text is composed when submitted (what the
 * reviewer reads is what is signed); signing renders and keeps its DOCX, so later edits of the
 * register do not change what was sent. Rendered as DOCX by lib/docx-blocks.ts.
 * Errors: NOT_FOUND (no such request or version, or outside the viewer's scope), FORBIDDEN (a
 * responder signing off; `own_draft`: the signer submitted that version), CONFLICT (stale version; the lifecycle refuses; `invalid_status`: not
 * decided yet; `draft_status`: no version waiting for review, or one is signed already, or none
 * is signed for a delivery), VALIDATION (`deliveredOn`: before the sign-off or in the future;
 * `reason`: the document still holds a placeholder, e.g. a 部分公开 without the reason for what is
 * withheld). A request received before 2019-05-15 gets the 2008 条例's template (unverified, no
 * article numbers: the domain's ANSWER_TEMPLATES_2008).
 */
import {
  answerPlaceholders,
  composeAnswerDocument,
  maskedAnswerDocument,
  signAnswerDocument,
  startOfZonedDay,
  toZonedDate,
  type AnswerDocument,
  type RecordDeliveryInput,
  type SubmitAnswerDocumentInput,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Ctx, Viewer } from '../../lib/context.ts'
import { blocksToDocx, type Block } from '../../lib/docx-blocks.ts'
import { AppError } from '../../lib/errors.ts'
import { requireOtherSigner } from '../inquiries/drafts.service.ts'
import { act, load, recordEvent, write, type Current } from '../inquiries/inquiries.service.ts'
import * as answers from './disclosure-answers.repo.ts'
import * as repo from './disclosure.repo.ts'

/** The decided request of `inquiry` and its decision day (Asia/Shanghai), or the module's errors. */
async function decidedRequest(db: Db, inquiry: Current) {
  const request = await repo.findRequest(db, inquiry.id)
  if (!request) throw new AppError('NOT_FOUND', `Inquiry ${inquiry.id} is not a disclosure request`)
  if (request.decidedAt === null || request.outcome === null)
    throw new AppError('CONFLICT', `Request ${inquiry.id} is not decided yet`, {
      reason: 'invalid_status',
    })
  const decidedOn = toZonedDate(request.decidedAt)
  return { request, outcome: request.outcome, decidedOn }
}

/**
 * The document filled from the register as it is now; `reason` ('' for none) is written where the
 * outcome states one, instead of the note written with the decision.
 */
async function compose(db: Db, inquiry: Current, agency: string, docNumber: string, reason = '') {
  const { request, outcome, decidedOn } = await decidedRequest(db, inquiry)
  // the template follows the 条例 of the receipt date (the 2008 one before 2019-05-15)
  return composeAnswerDocument({
    agency,
    docNumber,
    reference: inquiry.externalId,
    applicantName: inquiry.citizenName ?? '',
    receivedOn: request.receivedOn,
    subject: inquiry.subject,
    outcome,
    decidedOn,
    reason: reason || (await repo.findDecisionNote(db, inquiry.id)),
  })
}

/**
 * VALIDATION `reason` naming each placeholder `d` still holds (a 部分公开 without its reason): an
 * unfinished document is neither submitted nor signed off, and nothing is written.
 */
function requireFinished(d: AnswerDocument, what: string) {
  const left = answerPlaceholders(d)
  if (left.length === 0) return
  throw new AppError(
    'VALIDATION',
    `${what} still says ${left.join(', ')}: write the reason the applicant reads`,
    left.map((placeholder) => ({
      path: ['reason'],
      message: `${placeholder} is not filled in`,
      placeholder,
    })),
  )
}

/**
 * The filled document of request `id` as it would read now, signed by `agency` (a preview: the
 * signed one is `answerVersionDocx`).
 * @throws AppError NOT_FOUND, CONFLICT `invalid_status` (see the module)
 */
export async function getAnswerDocument(
  db: Db,
  id: number,
  viewer: Viewer,
  agency: string,
): Promise<AnswerDocument> {
  return compose(db, await load(db, id, viewer), agency, '')
}

/** The document as blocks: title, 文号, number, salutation, paragraphs, the agency's signature. */
export function answerBlocks(d: AnswerDocument): Block[] {
  return [
    { type: 'title', text: d.title },
    ...(d.docNumber ? [{ type: 'line' as const, text: d.docNumber }] : []),
    { type: 'line', text: `编号：${d.reference}` },
    { type: 'line', text: d.salutation },
    ...d.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    { type: 'signature', lines: [...d.signature] },
  ]
}

/** The DOCX bytes of the document. */
export function answerDocx(d: AnswerDocument): Promise<Buffer> {
  return blocksToDocx(answerBlocks(d), d.title)
}

/** A version's stored document (the JSON written when it was submitted). */
export const storedDocument = (json: string): AnswerDocument => JSON.parse(json) as AnswerDocument

/**
 * The request's versions for its page, each with its document — the applicant's name masked
 * (domain `maskedAnswerDocument`; the DOCX download shows it in full and records the reveal) —
 * and (the signed one) every delivery attempt, in the order recorded.
 */
export async function listAnswerVersions(db: Db, id: number) {
  const attempts = await answers.listDeliveryAttempts(db, id)
  return (await answers.listAnswers(db, id)).map(({ document, ...v }) => ({
    ...v,
    document: maskedAnswerDocument(storedDocument(document)),
    deliveries: attempts
      .filter((a) => a.answerId === v.id)
      .map(({ answerId: _answerId, ...a }) => a),
  }))
}

function draftStatus(message: string, status: string) {
  return new AppError('CONFLICT', message, { reason: 'draft_status', status })
}

/**
 * Submits the document for review, composed from the register now and signed by `agency` with
 * its 文号; a version still waiting is superseded. CONFLICT `draft_status` once one is signed.
 * @returns the new version's id
 */
export async function submitAnswerDocument(
  ctx: Ctx,
  id: number,
  input: SubmitAnswerDocumentInput,
): Promise<number> {
  let answerId = 0
  await act(ctx, id, { action: 'draft_answer', version: input.version }, async (row, db) => {
    if (await answers.findSignedAnswer(db, id))
      throw draftStatus(`Request ${id}'s answer document is signed already`, 'signed')
    const document = await compose(db, row, input.agency, input.docNumber, input.reason)
    requireFinished(document, `The answer document of request ${id}`)
    await answers.supersedeSubmitted(db, id)
    const number = await answers.nextAnswerNumber(db, id)
    answerId = await answers.insertAnswer(db, {
      inquiryId: id,
      number,
      agency: input.agency,
      docNumber: input.docNumber,
      document: JSON.stringify(document),
      authorId: ctx.user.id,
      createdAt: ctx.now,
    })
    await write(db, row, { updatedAt: ctx.now })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'answer_document_submitted',
      data: { answerId, number, title: document.title, docNumber: input.docNumber },
      createdAt: ctx.now,
    })
  })
  return answerId
}

async function waitingVersion(db: Db, id: number, answerId: number) {
  const version = await answers.findAnswer(db, id, answerId)
  if (!version)
    throw new AppError('NOT_FOUND', `Answer document ${answerId} of ${id} does not exist`)
  if (version.status !== 'submitted')
    throw draftStatus(
      `Answer document ${answerId} (version ${version.number} of request ${id}) is ${version.status}, not awaiting review`,
      version.status,
    )
  return version
}

/**
 * 签发: a manager other than its author signs the version off (four eyes, domain
 * workflow/sign-off.ts); the document is dated today (Asia/Shanghai), and its DOCX is rendered
 * now and kept as sent.
 */
export function signOffAnswerDocument(ctx: Ctx, id: number, answerId: number, version: number) {
  return act(ctx, id, { action: 'sign_off_answer', version }, async (row, db) => {
    const v = await waitingVersion(db, id, answerId)
    requireOtherSigner(v.authorId, ctx.user.id, v.number)
    requireFinished(storedDocument(v.document), `Version ${v.number}`)
    // dated the day it is signed (成文日期), as reviewed otherwise
    const document = signAnswerDocument(storedDocument(v.document), toZonedDate(ctx.now))
    const docx = await answerDocx(document)
    await answers.reviewAnswer(db, answerId, {
      status: 'signed',
      reviewedBy: ctx.user.id,
      reviewedAt: ctx.now,
      document: JSON.stringify(document),
      docxBase64: docx.toString('base64'),
    })
    await write(db, row, { updatedAt: ctx.now })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'answer_document_signed',
      data: { answerId, number: v.number },
      createdAt: ctx.now,
    })
  })
}

/** A manager sends the version back to be redrafted, with a comment. */
export function sendBackAnswerDocument(
  ctx: Ctx,
  id: number,
  answerId: number,
  input: { version: number; comment: string },
) {
  return act(ctx, id, { action: 'send_back', version: input.version }, async (row, db) => {
    const v = await waitingVersion(db, id, answerId)
    await answers.reviewAnswer(db, answerId, {
      status: 'sent_back',
      reviewedBy: ctx.user.id,
      reviewedAt: ctx.now,
      reviewComment: input.comment,
    })
    await write(db, row, { updatedAt: ctx.now })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'answer_document_sent_back',
      data: { answerId, number: v.number, comment: input.comment },
      createdAt: ctx.now,
    })
  })
}

function deliveredOnError(message: string) {
  return new AppError('VALIDATION', message, [{ path: ['deliveredOn'], message }])
}

/**
 * Records one delivery attempt of the signed document: how, on which day (Asia/Shanghai) and with
 * what result. Every attempt stays (the timeline's event, listed with the version); the first
 * delivered one is the request's delivery (stored as the UTC ms of its day's start) and a later
 * one changes it not (domain recordDeliverySchema). VALIDATION `deliveredOn` before the day it
 * was signed off (its date; never before the decision) or after today.
 */
export function recordAnswerDelivery(ctx: Ctx, id: number, input: RecordDeliveryInput) {
  return act(ctx, id, { action: 'record_delivery', version: input.version }, async (row, db) => {
    const signed = await answers.findSignedAnswer(db, id)
    if (!signed) throw draftStatus(`Request ${id} has no signed answer document to deliver`, 'none')
    const signedOn = toZonedDate(signed.reviewedAt ?? ctx.now)
    if (input.deliveredOn < signedOn) throw deliveredOnError(`before the sign-off (${signedOn})`)
    if (input.deliveredOn > toZonedDate(ctx.now)) throw deliveredOnError('in the future')
    const trackingNumber = input.trackingNumber || null
    if (input.result === 'delivered')
      await answers.setFirstDelivery(db, signed.id, {
        deliveryMethod: input.method,
        deliveredAt: startOfZonedDay(input.deliveredOn),
        trackingNumber,
        deliveryRecordedBy: ctx.user.id,
      })
    await write(db, row, { updatedAt: ctx.now })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'answer_document_delivered',
      data: {
        answerId: signed.id,
        method: input.method,
        deliveredOn: input.deliveredOn,
        result: input.result,
        ...(trackingNumber ? { trackingNumber } : {}),
        ...(input.note ? { note: input.note } : {}),
      },
      createdAt: ctx.now,
    })
  })
}

/**
 * One version's DOCX for `viewer`: the signed one's bytes as signed; a version under review
 * rendered from its stored text. @returns the document (for the file name) and the bytes
 */
export async function answerVersionDocx(db: Db, id: number, answerId: number, viewer: Viewer) {
  await load(db, id, viewer)
  const v = await answers.findAnswer(db, id, answerId)
  if (!v) throw new AppError('NOT_FOUND', `Answer document ${answerId} of ${id} does not exist`)
  const document = storedDocument(v.document)
  const bytes =
    v.docxBase64 !== null ? Buffer.from(v.docxBase64, 'base64') : await answerDocx(document)
  return { document, bytes, signed: v.status === 'signed' }
}
