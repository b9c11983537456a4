import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { addInquiries, call, setupDesk, signIn, T0, type Desk } from '../../test/setup.ts'

/** An inquiry that was replied (the follow-up call comes after the reply). */
async function repliedInquiry(db: Db): Promise<number> {
  const [inquiry] = await addInquiries(db, [{}])
  const { inquiries } = tables(db)
  await db
    .update(inquiries)
    .set({ status: 'replied', repliedAt: T0 + 3_600_000 })
    .where(eq(inquiries.id, inquiry!.id))
  return inquiry!.id
}

async function statusOf(db: Db, id: number) {
  const { inquiries } = tables(db)
  return (
    await db
      .select({ status: inquiries.status, satisfaction: inquiries.satisfaction })
      .from(inquiries)
      .where(eq(inquiries.id, id))
  )[0]
}

async function version(
  desk: Desk,
  s: Awaited<ReturnType<typeof signIn>>,
  id: number,
): Promise<number> {
  const res = await call(desk, s, 'GET', `/inquiries/${id}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { inquiry: { version: number } }).inquiry.version
}

describe('POST /inquiries/:id/follow-ups (回访)', () => {
  it("records the call's outcome as the inquiry's satisfaction, and reopens it for re-handling when unsatisfied", async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    const id = await repliedInquiry(desk.db)
    const res = await call(desk, manager, 'POST', `/inquiries/${id}/follow-ups`, {
      version: await version(desk, manager, id),
      outcome: 'satisfied',
      note: '市民表示满意',
    })
    expect(res.status).toBe(201)
    expect(await statusOf(desk.db, id)).toEqual({ status: 'replied', satisfaction: 'satisfied' })
    const { followUps } = tables(desk.db)
    expect(
      await desk.db
        .select({ outcome: followUps.outcome, note: followUps.note, reopened: followUps.reopened })
        .from(followUps)
        .where(eq(followUps.inquiryId, id)),
    ).toEqual([{ outcome: 'satisfied', note: '市民表示满意', reopened: false }])

    const again = await call(desk, manager, 'POST', `/inquiries/${id}/follow-ups`, {
      version: await version(desk, manager, id),
      outcome: 'unsatisfied',
      reopen: true,
    })
    expect(again.status).toBe(201)
    expect(await statusOf(desk.db, id)).toEqual({ status: 'new', satisfaction: 'unsatisfied' })
  })

  it('takes one 回访 result per round: a second from a responder is 409 naming who recorded it and when, a manager may correct it', async () => {
    const desk = await setupDesk()
    const first = await signIn(desk, 'responder', 'caller-a')
    const second = await signIn(desk, 'responder', 'caller-b')
    const manager = await signIn(desk, 'manager')
    const id = await repliedInquiry(desk.db)
    const followUp = async (s: typeof first, outcome: string) =>
      call(desk, s, 'POST', `/inquiries/${id}/follow-ups`, {
        version: await version(desk, s, id),
        outcome,
      })
    // 未联系上 is no result: another call may follow
    expect((await followUp(first, 'unreachable')).status).toBe(201)
    expect((await followUp(first, 'satisfied')).status).toBe(201)
    const refused = await followUp(second, 'unsatisfied')
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'follow_up_recorded',
      by: 'caller-a name',
      at: '2024-09-27T09:30:00.000+08:00',
    })
    expect((await followUp(first, 'unsatisfied')).status).toBe(409)
    expect(await statusOf(desk.db, id)).toEqual({ status: 'replied', satisfaction: 'satisfied' })
    expect((await followUp(manager, 'basically_satisfied')).status).toBe(201)
    expect(await statusOf(desk.db, id)).toEqual({
      status: 'replied',
      satisfaction: 'basically_satisfied',
    })
  })

  it('answers 422 for a reopen that is not unsatisfied (naming it), 409 for a stale version or an unreplied inquiry, 404 for an unknown one', async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    const id = await repliedInquiry(desk.db)
    const v = await version(desk, manager, id)
    const reopen = await call(desk, manager, 'POST', `/inquiries/${id}/follow-ups`, {
      version: v,
      outcome: 'satisfied',
      reopen: true,
    })
    expect(reopen.status).toBe(422)
    expect(JSON.stringify(await reopen.json())).toContain('reopen')
    expect(
      (
        await call(desk, manager, 'POST', `/inquiries/${id}/follow-ups`, {
          version: v + 5,
          outcome: 'satisfied',
        })
      ).status,
    ).toBe(409)
    const [open] = await addInquiries(desk.db, [{}])
    expect(
      (
        await call(desk, manager, 'POST', `/inquiries/${open!.id}/follow-ups`, {
          version: await version(desk, manager, open!.id),
          outcome: 'satisfied',
        })
      ).status,
    ).toBe(409)
    expect(
      (
        await call(desk, manager, 'POST', '/inquiries/999/follow-ups', {
          version: 1,
          outcome: 'satisfied',
        })
      ).status,
    ).toBe(404)
    expect(await desk.db.select({ n: count() }).from(tables(desk.db).followUps)).toEqual([{ n: 0 }])
  })
})
