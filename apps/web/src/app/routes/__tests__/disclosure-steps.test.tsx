import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const AWAITING = {
  state: 'awaiting_correction',
  correction: { requestedOn: '2024-10-10', answerBy: '2024-10-25', receivedOn: null },
}

/** A disclosure request received on 2024-09-27 (stored at that day's start), awaiting a 补正 unless `clock` says otherwise. */
function renderRequest(clock: Record<string, unknown> = AWAITING) {
  const inquiry = makeInquiry({
    receivedAt: '2024-09-27T00:00:00.000+08:00',
    subject: '申请公开规划许可',
    status: 'assigned',
    version: 3,
    kind: 'disclosure',
    pausedAt: '2024-10-10T10:00:00.000+08:00',
    assignee: { id: RESPONDER.id, displayName: RESPONDER.displayName },
  })
  const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
  server.use(
    ...createFakeWorkflow(desk).handlers,
    ...desk.handlers,
    http.get('*/api/disclosure/requests/:id', () =>
      HttpResponse.json({
        request: {
          inquiryId: inquiry.id,
          applicantType: 'natural_person',
          receiptMethod: 'in_person',
          receivedOn: '2024-09-27',
          outcome: null,
          decidedAt: null,
          createdAt: 0,
        },
        clock: {
          ...clock,
          correctionNoticeBy: '2024-10-12',
          extensionDays: 0,
          rule: { extensionAmount: 20, source: '条例' },
          deadline: null,
        },
        explanation: { zh: '已于2024-10-10发出补正告知。', en: 'Asked to correct.' },
        reviewCases: [],
        decisionNote: '',
        answers: [],
      }),
    ),
  )
  return renderWithClient(`/inquiries/${inquiry.id}`)
}

describe('the clock-step form of a disclosure request', () => {
  it('offers only the steps its clock allows now: while a 补正 is awaited, only 收到补正', async () => {
    const app = renderRequest()
    const panel = await screen.findByTestId('disclosure-panel')
    await app.user.click(await within(panel).findByRole('combobox', { name: '办理环节' }))
    const options = await screen.findAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['receive_correction'])
  })

  it('offers a 补正 notice only on a day up to the 7th working day from receipt (条例 第三十条)', async () => {
    const app = renderRequest({ state: 'running', correction: null })
    const panel = await screen.findByTestId('disclosure-panel')
    // antd's accessible listbox names options by value; the visible items carry the titles
    const steps = async () => {
      await app.user.click(within(panel).getByRole('combobox', { name: '办理环节' }))
      const items = () =>
        [...document.querySelectorAll('.ant-select-item-option')].map((o) =>
          o.getAttribute('title'),
        )
      await waitFor(() => expect(items().length).toBeGreaterThan(0))
      const titles = items()
      await app.user.keyboard('{Escape}')
      return titles
    }
    // the form's day is today, long after 2024-10-12
    const later = ['开始征求意见', '延期答复（经批准）', '作出答复']
    expect(await steps()).toEqual(later)
    const day = within(panel).getByRole('textbox', { name: '日期' })
    await app.user.clear(day)
    await app.user.type(day, '2024-10-12')
    expect(await steps()).toEqual(['告知补正', ...later])
  })

  it('shows the receipt date alone in the summary: the request is received on a day', async () => {
    renderRequest()
    const label = await screen.findByText('接收时间', { selector: '.ant-descriptions-item-label' })
    const value = label
      .closest('.ant-descriptions-item')
      ?.querySelector('.ant-descriptions-item-content')
    expect(value?.textContent).toBe('2024-09-27')
  })
})
