/**
 * Who sees what, walked over every route: a responder of another department gets 404 on every
 * route of an inquiry dispatched elsewhere and does not find it in lists or counts; its own
 * department, managers and admins do. Role-guarded routes answer 403 below their role.
 * (Exports: the reports module is manager-only and builds on the same predicate.)
 */
import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn, type Session } from '../../test/setup.ts'
import { ensureReturnReasons } from '../return-reasons/return-reasons.service.ts'
import { updateUser } from '../users/users.service.ts'

/** Every route that names one inquiry, with a body that would pass validation. */
const inquiryRoutes = (id: number, other: number): [string, string, unknown?][] => [
  ['GET', `/inquiries/${id}`],
  ['GET', `/inquiries/${id}/workflow`],
  ['POST', `/inquiries/${id}/claim`, { version: 99 }],
  ['POST', `/inquiries/${id}/replies`, { version: 99, body: '答复' }],
  ['POST', `/inquiries/${id}/close`, { version: 99 }],
  ['POST', `/inquiries/${id}/reopen`, { version: 99 }],
  ['POST', `/inquiries/${id}/contact`],
  ['POST', `/inquiries/${id}/transfer`, { version: 99, departmentId: 1, note: '转' }],
  ['POST', `/inquiries/${id}/return`, { version: 99, reasonId: 1 }],
  ['POST', `/inquiries/${id}/notes`, { version: 99, text: '备注' }],
  ['POST', `/inquiries/${id}/merge`, { version: 99, mainId: other }],
  ['POST', `/inquiries/${other}/merge`, { version: 1, mainId: id }],
  ['POST', `/inquiries/${id}/drafts`, { version: 99, body: '稿' }],
  ['POST', `/inquiries/${id}/follow-ups`, { version: 99, outcome: 'satisfied' }],
  ['POST', `/inquiries/${id}/replies/1/posted`, { postedOn: '2024-09-27' }],
  ['POST', `/inquiries/${id}/deliveries/1/retry`],
  ['GET', `/templates/1/fill?inquiryId=${id}`],
  ['POST', `/inquiries/${id}/pause`, { version: 99, reason: '补正' }],
  ['POST', `/inquiries/${id}/resume`, { version: 99 }],
  ['POST', `/inquiries/${id}/extensions`, { reason: '情况复杂' }],
]

async function world() {
  const d = await setupDesk()
  await ensureReturnReasons(d.db)
  const admin = await signIn(d, 'admin')
  const mk = async (name: string) =>
    (
      (await (await call(d, admin, 'POST', '/departments', { name })).json()) as {
        department: { id: number }
      }
    ).department.id
  const planning = await mk('规划处')
  const land = await mk('土地处')
  const inDept = async (s: Session, dept: number | null) => {
    await updateUser(d.db, s.userId, { department: dept })
    return s
  }
  // `other` first: its merge of the pool item into the hidden one must meet the pool item unchanged
  const roles = {
    other: await inDept(await signIn(d, 'responder', 'other'), land),
    own: await inDept(await signIn(d, 'responder', 'own'), planning),
    manager: await inDept(await signIn(d, 'manager', 'mgr'), land),
    admin,
  }
  await call(d, admin, 'POST', '/templates', {
    category: null,
    title: '通用',
    body: '{市民姓名}您好',
  })
  const [target, pool] = await addInquiries(d.db, [
    { channelCode: 'minxin' },
    { channelCode: 'minxin' },
  ])
  await call(d, admin, 'POST', `/inquiries/${target!.id}/transfer`, {
    version: 1,
    departmentId: planning,
    note: '转规划处',
  })
  return { d, roles, target: target!.id, pool: pool!.id }
}

describe('visibility by department, on every route', () => {
  it('hides an inquiry of another department from a responder everywhere, and shows it to the rest', async () => {
    const { d, roles, target, pool } = await world()
    for (const [name, s] of Object.entries(roles)) {
      const seesIt = name !== 'other'
      const list = (await (await call(d, s, 'GET', '/inquiries?status=all&limit=200')).json()) as {
        items: { id: number }[]
      }
      expect(list.items.map((i) => i.id).sort(), name).toEqual(
        seesIt ? [target, pool].sort() : [pool],
      )
      const counts = (await (await call(d, s, 'GET', '/inquiries/counts?status=all')).json()) as {
        total: number
      }
      expect(counts.total, name).toBe(seesIt ? 2 : 1)
      for (const [method, path, body] of inquiryRoutes(target, pool)) {
        const res = await call(d, s, method, path, body)
        // out of scope answers exactly like a missing inquiry; in scope, the route gets past the lookup
        // (a missing reply or delivery of a visible inquiry is a different 404)
        const hidden =
          res.status === 404 &&
          ((await res.json()) as { error: { message: string } }).error.message ===
            `Inquiry ${target} does not exist`
        expect(hidden, `${name} ${method} ${path} (${res.status})`).toBe(!seesIt)
      }
    }
  })

  it('takes a claimed pool inquiry to the claimer’s department: other departments lose sight of it, colleagues keep it', async () => {
    const { d, roles, pool } = await world()
    const planning = (
      (await (await call(d, roles.admin, 'GET', `/inquiries/${pool}`)).json()) as never as {
        inquiry: { version: number }
      }
    ).inquiry
    // before the claim the pool item is everyone's
    expect((await call(d, roles.other, 'GET', `/inquiries/${pool}`)).status).toBe(200)
    const claimed = await call(d, roles.own, 'POST', `/inquiries/${pool}/claim`, {
      version: planning.version,
    })
    expect(claimed.status).toBe(200)
    const colleague = await signIn(d, 'responder', 'colleague')
    const ownDept = (
      (await (await call(d, roles.own, 'GET', '/auth/me')).json()) as {
        user: { departmentId: number }
      }
    ).user.departmentId
    await updateUser(d.db, colleague.userId, { department: ownDept })
    const seen = async (s: Session) => (await call(d, s, 'GET', `/inquiries/${pool}`)).status
    expect(await seen(roles.other)).toBe(404)
    expect(
      (
        await call(d, roles.other, 'POST', `/inquiries/${pool}/notes`, {
          version: 2,
          text: '外处室备注',
        })
      ).status,
    ).toBe(404)
    expect([await seen(roles.own), await seen(colleague), await seen(roles.manager)]).toEqual([
      200, 200, 200,
    ])
    const view = (await (await call(d, roles.own, 'GET', `/inquiries/${pool}`)).json()) as {
      inquiry: { department: { id: number } | null; events: { type: string; data: unknown }[] }
    }
    expect(view.inquiry.department?.id).toBe(ownDept)
    expect(view.inquiry.events.find((e) => e.type === 'claimed')?.data).toEqual({
      toDepartmentId: ownDept,
    })
  })

  it('shows a pool inquiry held by intake staff of no department to the intake staff only; a manager’s assignment takes one to the assignee’s department', async () => {
    const { d, roles } = await world()
    const [a, b] = await addInquiries(d.db, [{ channelCode: 'minxin' }, { channelCode: 'minxin' }])
    const intake = await signIn(d, 'responder', 'intake') // no department
    const other2 = await signIn(d, 'responder', 'pool2') // no department either
    expect(
      (await call(d, intake, 'POST', `/inquiries/${a!.id}/claim`, { version: 1 })).status,
    ).toBe(200)
    expect([
      (await call(d, intake, 'GET', `/inquiries/${a!.id}`)).status,
      (await call(d, other2, 'GET', `/inquiries/${a!.id}`)).status,
      (await call(d, roles.own, 'GET', `/inquiries/${a!.id}`)).status,
      (await call(d, roles.other, 'GET', `/inquiries/${a!.id}`)).status,
    ]).toEqual([200, 200, 404, 404])
    // a manager hands the other to a land responder: it goes to land
    const assigned = await call(d, roles.manager, 'POST', `/inquiries/${b!.id}/assign`, {
      version: 1,
      assigneeId: roles.other.userId,
    })
    expect(assigned.status).toBe(200)
    expect([
      (await call(d, roles.own, 'GET', `/inquiries/${b!.id}`)).status,
      (await call(d, intake, 'GET', `/inquiries/${b!.id}`)).status,
      (await call(d, roles.other, 'GET', `/inquiries/${b!.id}`)).status,
    ]).toEqual([404, 404, 200])
  })

  it('guards configuration by role: 403 below it, success at it', async () => {
    const { d, roles, target } = await world()
    const guarded: [string, string, unknown, 'manager' | 'admin'][] = [
      ['POST', '/departments', { name: '新处室' }, 'admin'],
      ['POST', '/return-reasons', { label: '新原因' }, 'admin'],
      ['PATCH', '/channel-settings/minxin', { requiresSignOff: true }, 'admin'],
      [
        'POST',
        '/users',
        {
          username: 'newbie',
          displayName: '新人',
          role: 'responder',
          password: 'long-password',
          department: 1,
        },
        'admin',
      ],
      ['POST', '/templates', { category: null, title: 't', body: 'b' }, 'manager'],
      ['GET', '/outbox', undefined, 'manager'],
      ['POST', `/inquiries/${target}/drafts/1/approve`, { version: 99 }, 'manager'],
    ]
    for (const [method, path, body, needed] of guarded) {
      expect((await call(d, roles.own, method, path, body)).status, `responder ${path}`).toBe(403)
      const mgr = (await call(d, roles.manager, method, path, body)).status
      if (needed === 'admin') expect(mgr, `manager ${path}`).toBe(403)
      else expect(mgr, `manager ${path}`).not.toBe(403)
      // past the role check (a stale version in the approve call answers 409)
      expect([200, 201, 409], `admin ${path}`).toContain(
        (await call(d, roles.admin, method, path, body)).status,
      )
    }
  })
})
