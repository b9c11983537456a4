import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn } from '../../test/setup.ts'

type Reason = { id: number; label: string; isActive: boolean }

describe('/return-reasons', () => {
  it('an admin adds and deactivates a reason; a responder lists them for the return dialog', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const created = await call(desk, admin, 'POST', '/return-reasons', { label: '诉求人要求撤件' })
    expect(created.status).toBe(201)
    const { reason } = (await created.json()) as { reason: Reason }
    expect(reason).toMatchObject({ label: '诉求人要求撤件', isActive: true })
    const off = await call(desk, admin, 'PATCH', `/return-reasons/${reason.id}`, {
      isActive: false,
    })
    expect(off.status).toBe(200)
    expect(((await off.json()) as { reason: Reason }).reason).toMatchObject({
      id: reason.id,
      label: '诉求人要求撤件',
      isActive: false,
    })

    const responder = await signIn(desk, 'responder')
    const list = await call(desk, responder, 'GET', '/return-reasons')
    expect(list.status).toBe(200)
    const reasons = ((await list.json()) as { reasons: Reason[] }).reasons
    expect(reasons.find((r) => r.id === reason.id)).toMatchObject({ isActive: false })
  })

  it('answers 404 for an unknown id, 422 for a blank label, 403 for a responder, 401 without a session', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    expect(
      (await call(desk, admin, 'PATCH', '/return-reasons/999', { isActive: false })).status,
    ).toBe(404)
    expect((await call(desk, admin, 'POST', '/return-reasons', { label: ' ' })).status).toBe(422)
    const responder = await signIn(desk, 'responder')
    expect(
      (await call(desk, responder, 'POST', '/return-reasons', { label: '重复件' })).status,
    ).toBe(403)
    expect((await call(desk, undefined, 'GET', '/return-reasons')).status).toBe(401)
  })
})
