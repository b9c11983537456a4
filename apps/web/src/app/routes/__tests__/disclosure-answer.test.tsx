import { composeAnswerDocument } from '@desk/domain'
import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'
import { describedBy } from '../../../testing/described-by.ts'

const MANAGER = { id: 3, username: 'liu', displayName: '刘科长', role: 'manager' as const }
const DECIDED_AT = Date.parse('2024-09-26T12:00:00+08:00')
// 部分公开 decided without a note: the document would say （请填写理由）
const UNFINISHED = composeAnswerDocument({
  agency: '某市交通运输局',
  reference: 'OGI-20240920-ABCDEFGH',
  applicantName: '周敏',
  receivedOn: '2024-09-20',
  subject: '某路段道路改造工程的立项批复',
  outcome: 'partial',
  decidedOn: '2024-09-26',
  reason: '',
})

/** A decided 部分公开 request's page with `answers`; the answer submissions it received. */
function setup(
  user: typeof RESPONDER | typeof MANAGER,
  answers: unknown[],
  receivedOn = '2024-09-20',
) {
  const inquiry = makeInquiry({
    subject: '某路段道路改造工程的立项批复',
    kind: 'disclosure',
    status: 'replied',
    version: 3,
    assignee: { id: RESPONDER.id, displayName: RESPONDER.displayName },
  })
  const desk = createFakeDesk({ user, inquiries: [inquiry] })
  const flow = createFakeWorkflow(desk)
  const posted: unknown[] = []
  server.use(
    http.get('*/api/disclosure/requests/:id', () =>
      HttpResponse.json({
        request: {
          inquiryId: inquiry.id,
          applicantType: 'natural_person',
          receiptMethod: 'online',
          receivedOn,
          outcome: 'partial',
          decidedAt: DECIDED_AT,
          createdAt: DECIDED_AT,
        },
        clock: { state: 'decided' },
        explanation: { zh: '已于 2024-09-26 答复。', en: 'Answered on 2024-09-26.' },
        reviewCases: [],
        decisionNote: '',
        answers,
      }),
    ),
    http.post('*/api/disclosure/requests/:id/answers', async ({ request }) => {
      posted.push(await request.json())
      return HttpResponse.json({ error: { code: 'CONFLICT', message: 'test' } }, { status: 409 })
    }),
    ...flow.handlers,
    ...desk.handlers,
  )
  return { app: renderWithClient(`/inquiries/${inquiry.id}`), posted }
}

describe('the answer document of a 部分公开 decided without its reason', () => {
  it('keeps 提交审核 disabled, saying the document still says （请填写理由）, until the reason is written, and sends it', async () => {
    window.localStorage.setItem('desk.disclosure.agency', '某市交通运输局')
    const { app, posted } = setup(RESPONDER, [])
    const submit = await screen.findByRole<HTMLButtonElement>('button', { name: '提交审核' })
    expect(submit.disabled).toBe(true)
    await waitFor(() =>
      expect(describedBy(submit)).toBe('文书中仍有“（请填写理由）”：请填写理由后再提交。'),
    )
    await app.user.type(screen.getByLabelText('理由（写入文书）'), '涉及第三方商业秘密')
    expect(submit.disabled).toBe(false)
    expect(submit.getAttribute('aria-describedby')).toBeNull()
    expect(screen.queryByText('文书中仍有“（请填写理由）”：请填写理由后再提交。')).toBeNull()
    await app.user.click(submit)
    await waitFor(() =>
      expect(posted).toEqual([
        { version: 3, agency: '某市交通运输局', docNumber: '', reason: '涉及第三方商业秘密' },
      ]),
    )
  })

  it('shows a manager why a version still saying （请填写理由） cannot be signed off, its 签发 disabled', async () => {
    setup(MANAGER, [
      {
        id: 11,
        number: 1,
        status: 'submitted',
        agency: '某市交通运输局',
        docNumber: '',
        document: UNFINISHED,
        createdAt: DECIDED_AT,
        authorId: RESPONDER.id,
        authorName: RESPONDER.displayName,
        reviewedAt: null,
        reviewerName: null,
        reviewComment: null,
        deliveryMethod: null,
        deliveredAt: null,
        trackingNumber: null,
        delivererName: null,
      },
    ])
    await screen.findByTestId('answer-version-1')
    const sign = screen.getByRole<HTMLButtonElement>('button', { name: /签\s*发/ })
    expect(sign.disabled).toBe(true)
    // said once, on 签发's line, and read out with the button
    await waitFor(() =>
      expect(describedBy(sign)).toBe(
        '这一稿仍有“（请填写理由）”，不能签发：请退回，由起草人写明理由后重新提交。',
      ),
    )
    expect(
      screen.getAllByText(
        '这一稿仍有“（请填写理由）”，不能签发：请退回，由起草人写明理由后重新提交。',
      ),
    ).toHaveLength(1)
  })
})

describe('the answer document of a request received before 2019-05-15', () => {
  it('is offered with the 2008 条例 template, the card saying it cites no article numbers', async () => {
    window.localStorage.setItem('desk.disclosure.agency', '某市交通运输局')
    setup(RESPONDER, [], '2017-03-01')
    expect(await screen.findByRole('button', { name: '提交审核' })).toBeTruthy()
    expect(screen.getByTestId('answer-regulation-2008').textContent).toBe(
      '该申请于2019年5月15日前收到，答复书依2008年《条例》（国务院令第492号）拟写，只引条例名称、未写条款号：签发前请核对原文并补入条款。',
    )
  })

  it('says nothing of it for a request received under the 2019 条例', async () => {
    setup(RESPONDER, [])
    await screen.findByRole('button', { name: '提交审核' })
    expect(screen.queryByTestId('answer-regulation-2008')).toBeNull()
  })
})
