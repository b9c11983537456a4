/**
 * Reply templates per category (managers edit them; they are deactivated, not deleted) and filling
 * one for an inquiry with the domain's `fillTemplate` (placeholders listed in
 * packages/domain/src/workflow/reply-template.ts). Errors: NOT_FOUND (unknown template; inquiry
 * missing or outside the user's scope).
 */
import { fillTemplate, formatChineseDate, maskName, toZonedDate, type ReplyTemplateInput } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { load } from '../inquiries/inquiries.service.ts'
import type { Viewer } from '../inquiries/inquiry-filter.repo.ts'
import * as repo from './templates.repo.ts'

export const listTemplates = repo.listTemplates

export function getTemplate(db: Db, id: number) {
  const t = repo.findTemplate(db, id)
  if (!t) throw new AppError('NOT_FOUND', `Template ${id} does not exist`)
  return t
}

export function createTemplate(db: Db, input: ReplyTemplateInput, userId: number, now: number) {
  return repo.insertTemplate(db, { ...input, isActive: input.isActive ?? true, updatedBy: userId, updatedAt: now })
}

export function updateTemplate(db: Db, id: number, input: Partial<ReplyTemplateInput>, userId: number, now: number) {
  getTemplate(db, id)
  return repo.updateTemplate(db, id, { ...input, updatedBy: userId, updatedAt: now }) ?? getTemplate(db, id)
}

/**
 * The template filled for the inquiry: `{ text, unknown, missing }`. The citizen's name is the
 * masked one (张**): replies on platforms such as 民心网 are published.
 */
export function fillTemplateFor(db: Db, templateId: number, inquiryId: number, viewer: Viewer) {
  const template = getTemplate(db, templateId)
  const row = load(db, inquiryId, viewer)
  return fillTemplate(template.body, {
    citizenName: maskName(row.citizenName) ?? null,
    receivedDate: formatChineseDate(toZonedDate(row.receivedAt)),
    trackingNumber: row.externalId,
    department: row.departmentName,
  })
}
