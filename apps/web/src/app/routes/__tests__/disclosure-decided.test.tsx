import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const MANAGER = { id: 3, username: 'liu', displayName: '刘科长', role: 'manager' as const }
const DECIDED_AT = Date.parse('2024-09-26T12:00:00+08:00')

type Attempt = { method: string; deliveredOn: string; result: string; note: string }

/**
 * A request decided 不予公开·国家秘密 with answer versions of `statuses` (the signed one with
 * `deliveries`); the corrections and deliveries posted.
 */
function setup(
  user: typeof RESPONDER | typeof MANAGER,
  statuses: string[],
  deliveries: Attempt[] = [],
) {
  const inquiry = makeInquiry({
    subject: '某地块规划许可',
    kind: 'disclosure',
    status: 'replied',
    version: 5,
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
          receivedOn: '2024-09-20',
          outcome: 'withhold.state_secret',
          decidedAt: DECIDED_AT,
          createdAt: DECIDED_AT,
        },
        clock: { state: 'decided' },
        explanation: { zh: '已于 2024-09-26 答复。', en: 'Answered on 2024-09-26.' },
        reviewCases: [],
        decisionNote: '',
        answers: statuses.map((status, i) => ({
          id: 10 + i,
          number: i + 1,
          status,
          agency: '某局',
          docNumber: '',
          document: { title: '告知书', paragraphs: [], signature: ['某局', ''] },
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
          deliveries:
            status === 'signed'
              ? deliveries.map((a) => ({
                  trackingNumber: '',
                  recordedBy: '张答复',
                  recordedAt: DECIDED_AT,
                  ...a,
                }))
              : [],
        })),
      }),
    ),
    http.post('*/api/disclosure/requests/:id/outcome-correction', async ({ request }) => {
      posted.push(await request.json())
      return HttpResponse.json({ error: { code: 'CONFLICT', message: 'test' } }, { status: 409 })
    }),
    http.post('*/api/disclosure/requests/:id/delivery', async ({ request }) => {
      posted.push(await request.json())
      return HttpResponse.json({ error: { code: 'CONFLICT', message: 'test' } }, { status: 409 })
    }),
    ...flow.handlers,
    ...desk.handlers,
  )
  return { app: renderWithClient(`/inquiries/${inquiry.id}`), posted }
}

describe('correcting a decided outcome', () => {
  it('lets a manager pick the corrected outcome and give the reason, and sends both', async () => {
    const { app, posted } = setup(MANAGER, ['sent_back'])
    const card = await screen.findByTestId('outcome-correction')
    const submit = within(card).getByRole<HTMLButtonElement>('button', { name: '更正答复结果' })
    expect(submit.disabled).toBe(true)
    await app.user.click(within(card).getByRole('combobox', { name: '更正后的办理结果' }))
    // the recorded outcome is not offered again
    expect(screen.queryByTitle('不予公开·属于国家秘密')).toBeNull()
    await app.user.click(await screen.findByTitle('予以公开'))
    expect(submit.disabled).toBe(true)
    await app.user.type(
      within(card).getByLabelText('更正理由（记入办理记录）'),
      '经复核不属于国家秘密',
    )
    await app.user.click(submit)
    await waitFor(() =>
      expect(posted).toEqual([
        { version: 5, outcome: 'grant', reason: '经复核不属于国家秘密', note: '' },
      ]),
    )
  })

  it('is not offered to a responder', async () => {
    setup(RESPONDER, [])
    await screen.findByTestId('disclosure-panel')
    expect(screen.queryByTestId('outcome-correction')).toBeNull()
  })

  it('is not offered to a manager once an answer document is signed off', async () => {
    setup(MANAGER, ['sent_back', 'signed'])
    await screen.findByTestId('answer-version-2')
    expect(screen.queryByTestId('outcome-correction')).toBeNull()
  })
})

describe('the delivery attempts of the signed answer document', () => {
  it('lists every attempt, a returned letter too, and records another with its result and note', async () => {
    const { app, posted } = setup(
      RESPONDER,
      ['signed'],
      [{ method: 'post', deliveredOn: '2024-09-27', result: 'failed', note: '地址不详，退回' }],
    )
    const list = await screen.findByTestId('delivery-attempts')
    expect(list.textContent).toContain('送达记录（以首次送达成功为准）')
    expect(list.textContent).toContain('2024-09-27 · 邮寄 · 未送达 · 地址不详，退回 · 张答复 登记')
    await app.user.click(screen.getByRole('combobox', { name: '送达方式' }))
    await app.user.click(await screen.findByTitle('当面领取'))
    await app.user.clear(screen.getByLabelText('送达日期'))
    await app.user.type(screen.getByLabelText('送达日期'), '2024-09-30')
    await app.user.type(screen.getByLabelText('备注'), '本人领取')
    await app.user.click(screen.getByRole('button', { name: '再记录一次送达' }))
    await waitFor(() =>
      expect(posted).toEqual([
        {
          version: 5,
          method: 'in_person',
          deliveredOn: '2024-09-30',
          trackingNumber: '',
          result: 'delivered',
          note: '本人领取',
        },
      ]),
    )
  })
})

describe('the caller-history card on a disclosure request', () => {
  it('is the applicant’s other requests, not a caller’s history', async () => {
    setup(RESPONDER, [])
    expect(await screen.findByText('申请人的其他申请')).toBeTruthy()
    expect(screen.getByText('未发现此申请人（同一电话）此前的申请或来件')).toBeTruthy()
    expect(screen.queryByText('来电人历史')).toBeNull()
  })

  it('shows an earlier request’s receipt as its date, a message’s with its time', async () => {
    setup(RESPONDER, [])
    const dayStart = '2024-08-01T00:00:00.000+08:00'
    server.use(
      http.get('*/api/inquiries/:id/caller-history', () =>
        HttpResponse.json({
          total: 2,
          items: [
            {
              id: 901,
              channel: 'disclosure',
              subject: '申请公开预算',
              status: 'replied',
              kind: 'disclosure',
              receivedAt: dayStart,
            },
            {
              id: 902,
              channel: 'hotline_12345',
              subject: '路灯不亮',
              status: 'replied',
              kind: 'message',
              receivedAt: dayStart,
            },
          ],
        }),
      ),
    )
    const request = (await screen.findByRole('link', { name: '申请公开预算' })).closest('li')
    const message = screen.getByRole('link', { name: '路灯不亮' }).closest('li')
    expect(request?.textContent).toContain('2024-08-01')
    expect(request?.textContent).not.toContain('00:00')
    expect(message?.textContent).toContain('2024-08-01 00:00')
  })
})
