import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

/** The proposal facts `GET /api/proposals/:id` gives, for a co-unit or a lead item. */
function facts(role: 'lead' | 'co') {
  return {
    inquiryId: 0,
    source: '市人大',
    session: '市人大十六届二次会议',
    number: '0188',
    reference: '市人大十六届二次会议第0188号',
    role,
    leadUnit: role === 'co' ? '市交通局' : null,
    isKey: false,
    assignedOn: '2024-03-15',
    coUnits: role === 'lead' ? ['市住建局', '市财政局'] : [],
    coUnitOpinionsDueAt: role === 'lead' ? Date.parse('2024-04-15T17:00:00+08:00') : null,
    opinionSentOn: null,
    opinionText: null,
    answerCategory: null,
    answerText: null,
    answerDraftedBy: null,
    answerSignedOffBy: null,
    answerSentAt: null,
    rating: null,
    ratedAt: null,
    consultations: [],
  }
}

function setup(role: 'lead' | 'co') {
  const inquiry = makeInquiry({
    subject: '关于优化公交线网的建议',
    channel: 'proposals',
    kind: 'proposal',
    category: role === 'co' ? '协办' : '主办',
    status: 'assigned',
    version: 3,
    assignee: { id: RESPONDER.id, displayName: RESPONDER.displayName },
  } as Parameters<typeof makeInquiry>[0])
  const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
  const flow = createFakeWorkflow(desk)
  const posted: { path: string; body: unknown }[] = []
  server.use(
    http.get('/api/proposals/:id', () =>
      HttpResponse.json({ inquiry, proposal: { ...facts(role), inquiryId: inquiry.id } }),
    ),
    http.post('/api/proposals/:id/*', async ({ request }) => {
      posted.push({ path: new URL(request.url).pathname, body: await request.json() })
      return HttpResponse.json({ inquiry, proposal: facts(role) })
    }),
    ...flow.handlers,
    ...desk.handlers,
  )
  return { inquiry, posted, app: renderWithClient(`/inquiries/${inquiry.id}`) }
}

describe('inquiry page: a suggestion or proposal', () => {
  it('offers a co-unit its opinion to the lead unit, not the answer or the rating, and posts it with the loaded version', async () => {
    const { inquiry, posted, app } = setup('co')
    await screen.findByText('市人大十六届二次会议第0188号')
    expect(screen.getByText('市交通局')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '起草答复' })).toBeNull()
    expect(screen.queryByRole('button', { name: '登记评价' })).toBeNull()
    await app.user.click(screen.getByRole('button', { name: '报送协办意见' }))
    await app.user.clear(screen.getByLabelText('报送日期'))
    await app.user.type(screen.getByLabelText('报送日期'), '2024-04-10')
    await app.user.type(screen.getByLabelText('内容'), '同意主办单位意见。')
    await app.user.click(screen.getByRole('button', { name: /^提\s*交$/ }))
    await waitFor(() =>
      expect(posted).toEqual([
        {
          path: `/api/proposals/${inquiry.id}/opinion`,
          body: { sentOn: '2024-04-10', text: '同意主办单位意见。', version: 3 },
        },
      ]),
    )
  })

  it("shows a lead item's co-units with their opinions' due date, and offers the answer but no opinion", async () => {
    setup('lead')
    await screen.findByText('市住建局、市财政局')
    // the deputy is no caller: no caller history on a suggestion
    expect(screen.queryByText('来电人历史')).toBeNull()
    expect(screen.getByText('协办意见应于 2024-04-15 前送达我局')).toBeTruthy()
    expect(screen.getByRole('button', { name: '起草答复' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '记录沟通' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '报送协办意见' })).toBeNull()
  })

  it("titles the contact card by who wrote in: a proposal's deputy, not a citizen who wrote a letter", async () => {
    setup('lead')
    expect(await screen.findByText('代表委员联系方式')).toBeTruthy()
    expect(screen.queryByText('来信人联系方式')).toBeNull()
  })
})
