/**
 * The answer document (答复书 / 告知书) of a decided disclosure request, filled from its register
 * entry by the domain's template of its outcome (disclosure/answer-document.ts: the decision with
 * the articles it rests on, the remedy sentence) and rendered as DOCX (lib/docx-blocks.ts).
 * Errors: NOT_FOUND (no such request, or outside the viewer's scope), CONFLICT `invalid_status`
 * (not decided yet), VALIDATION `decidedOn` (decided before 2019-05-15, under the 2008 条例).
 */
import {
  ANSWER_TEMPLATES_FROM,
  composeAnswerDocument,
  toZonedDate,
  type AnswerDocument,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Viewer } from '../../lib/context.ts'
import { blocksToDocx, type Block } from '../../lib/docx-blocks.ts'
import { AppError } from '../../lib/errors.ts'
import { load } from '../inquiries/inquiries.service.ts'
import * as repo from './disclosure.repo.ts'

/**
 * The filled document of request `id`, signed by `agency`.
 * @throws AppError NOT_FOUND, CONFLICT `invalid_status`, VALIDATION `decidedOn` (see the module)
 */
export async function getAnswerDocument(
  db: Db,
  id: number,
  viewer: Viewer,
  agency: string,
): Promise<AnswerDocument> {
  const inquiry = await load(db, id, viewer)
  const request = await repo.findRequest(db, id)
  if (!request) throw new AppError('NOT_FOUND', `Inquiry ${id} is not a disclosure request`)
  if (request.decidedAt === null || request.outcome === null)
    throw new AppError('CONFLICT', `Request ${id} is not decided yet`, {
      reason: 'invalid_status',
    })
  const decidedOn = toZonedDate(request.decidedAt)
  if (decidedOn < ANSWER_TEMPLATES_FROM)
    throw new AppError(
      'VALIDATION',
      `Request ${id} was decided on ${decidedOn}, under the 2008 条例: no template cites it`,
      [{ path: ['decidedOn'], message: `before ${ANSWER_TEMPLATES_FROM}` }],
    )
  return composeAnswerDocument({
    agency,
    reference: inquiry.externalId,
    applicantName: inquiry.citizenName ?? '',
    receivedOn: request.receivedOn,
    subject: inquiry.subject,
    outcome: request.outcome,
    decidedOn,
    reason: await repo.findDecisionNote(db, id),
  })
}

/** The document as blocks: title, number, salutation, paragraphs, the agency's signature. */
export function answerBlocks(d: AnswerDocument): Block[] {
  return [
    { type: 'title', text: d.title },
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
