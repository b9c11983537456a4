/**
 * Reply templates per category (managers edit them; they are deactivated, not deleted) and filling
 * one for an inquiry with the domain's `fillTemplate` (placeholders listed in
 * packages/domain/src/workflow/reply-template.ts). Errors: NOT_FOUND (unknown template; inquiry
 * missing or outside the user's scope).
 */
import { fillTemplateForComposer, type ReplyTemplateInput } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { load } from '../inquiries/inquiries.service.ts'
import { templateValuesOf } from '../inquiries/release-reply.service.ts'
import type { Viewer } from '../../lib/context.ts'
import * as repo from './templates.repo.ts'

export const listTemplates = repo.listTemplates

export async function getTemplate(db: Db, id: number) {
  const t = await repo.findTemplate(db, id)
  if (!t) throw new AppError('NOT_FOUND', `Template ${id} does not exist`)
  return t
}

export async function createTemplate(
  db: Db,
  input: ReplyTemplateInput,
  userId: number,
  now: number,
) {
  return await repo.insertTemplate(db, {
    ...input,
    isActive: input.isActive ?? true,
    updatedBy: userId,
    updatedAt: now,
  })
}

export async function updateTemplate(
  db: Db,
  id: number,
  input: Partial<ReplyTemplateInput>,
  userId: number,
  now: number,
) {
  await getTemplate(db, id)
  return (
    (await repo.updateTemplate(db, id, { ...input, updatedBy: userId, updatedAt: now })) ??
    (await getTemplate(db, id))
  )
}

/**
 * The template filled for the inquiry: `{ text, unknown, missing, unfilled }`. The citizen's name
 * stays the placeholder `{市民姓名}` when the inquiry has one: the server fills it in clear when the
 * reply is released, so the composer never carries the name (and never a masked 贺*).
 */
export async function fillTemplateFor(
  db: Db,
  templateId: number,
  inquiryId: number,
  viewer: Viewer,
) {
  const template = await getTemplate(db, templateId)
  return fillTemplateForComposer(template.body, templateValuesOf(await load(db, inquiryId, viewer)))
}
