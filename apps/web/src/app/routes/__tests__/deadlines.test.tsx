import { screen, waitFor, within } from '@testing-library/react'
import {
  buildCalendar,
  DEFAULT_DEADLINE_POLICIES,
  disclosureDeadline,
  type CalendarEntry,
} from '@desk/domain'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow, NATIONAL_DAY_2024 } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'
import { describedBy } from '../../../testing/described-by.ts'

const MANAGER = { id: 3, username: 'liu', displayName: '刘科长', role: 'manager' as const }

// National Day 2024 as the State Council notice lists it: 10-01…10-07 off, 09-29 and 10-12 worked
const CALENDAR_2024 = [
  { date: '2024-09-29', isOffDay: false, name: '国庆节' },
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2024-10-0${d}`, isOffDay: true, name: '国庆节' })),
  { date: '2024-10-12', isOffDay: false, name: '国庆节' },
]

beforeEach(() => {
  // only Date is faked ("now" is Wed 2024-10-09 10:00 in Beijing); timers stay real for the UI
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2024-10-09T10:00:00+08:00'))
})
afterEach(() => vi.useRealTimers())

describe('queue: due state in working days', () => {
  it('colours overdue red, due today orange, due within 3 working days gold (a make-up Saturday counts), later blue', async () => {
    const rows = [
      makeInquiry({ subject: '逾期件', dueAt: '2024-10-08T17:00:00.000+08:00' }),
      makeInquiry({ subject: '今日到期件', dueAt: '2024-10-09T17:00:00.000+08:00' }),
      makeInquiry({ subject: '周六调休到期件', dueAt: '2024-10-12T17:00:00.000+08:00' }),
      makeInquiry({ subject: '下周到期件', dueAt: '2024-10-21T17:00:00.000+08:00' }),
    ]
    const desk = createFakeDesk({ user: RESPONDER, inquiries: rows })
    server.use(
      ...createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } }).handlers,
      ...desk.handlers,
    )
    renderWithClient('/queue')

    const tagOf = async (subject: string) => {
      const row = (await screen.findByRole('link', { name: subject })).closest(
        '.ant-table-row',
      ) as HTMLElement
      return within(row).findByText(/到期|逾期/, { selector: '.ant-tag' })
    }
    const overdue = await tagOf('逾期件')
    expect(overdue.textContent).toBe('已逾期 1 个工作日')
    expect(overdue.className).toMatch(/\bant-tag-red\b/)
    const today = await tagOf('今日到期件')
    expect(today.textContent).toBe('今日到期')
    expect(today.className).toMatch(/\bant-tag-orange\b/)
    const soon = await tagOf('周六调休到期件')
    expect(soon.textContent).toBe('3 个工作日后到期')
    expect(soon.className).toMatch(/\bant-tag-gold\b/)
    const later = await tagOf('下周到期件')
    expect(later.textContent).toBe('9 个工作日后到期')
    expect(later.className).toMatch(/\bant-tag-blue\b/)
  })

  it('keeps the due filter in the URL and asks the list, the badges and the urged count with it', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [makeInquiry({ subject: '逾期件', dueAt: '2024-10-08T17:00:00.000+08:00' })],
    })
    server.use(
      ...createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } }).handlers,
      ...desk.handlers,
    )
    const app = renderWithClient('/queue?channel=minxin')

    await app.user.click(await screen.findByRole('combobox', { name: '期限' }))
    await app.user.click(await screen.findByTitle('已逾期'))
    await waitFor(() => expect(app.location()).toBe('/queue?channel=minxin&due=overdue'))
    await waitFor(() =>
      expect(
        desk.state.reads
          .filter((r) => r.query.get('due') === 'overdue')
          .map((r) => (r.query.get('urged') ? `${r.path}?urged` : r.path))
          .sort(),
      ).toEqual(['/api/inquiries', '/api/inquiries/counts', '/api/inquiries/counts?urged']),
    )

    await app.user.click(screen.getByRole('combobox', { name: '期限' }))
    await app.user.click(await screen.findByTitle('3 个工作日内到期'))
    await waitFor(() => expect(app.location()).toBe('/queue?channel=minxin&due=3'))
    await waitFor(() =>
      expect(
        desk.state.reads
          .filter((r) => r.query.get('due') === '3')
          .map((r) => (r.query.get('urged') ? `${r.path}?urged` : r.path))
          .sort(),
      ).toEqual(['/api/inquiries', '/api/inquiries/counts', '/api/inquiries/counts?urged']),
    )
  })
})

describe('inquiry page: deadline panel', () => {
  it('explains the due date as a sentence, warns about a missing calendar year and asks for an extension', async () => {
    const inquiry = makeInquiry({
      subject: '噪音扰民',
      status: 'assigned',
      version: 2,
      dueAt: '2024-10-16T23:59:59.999+08:00',
    })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    const flow = createFakeWorkflow(desk, {
      calendar: { 2024: CALENDAR_2024 },
      explanation: { ...NATIONAL_DAY_2024, uncoveredYears: [2025] },
    })
    server.use(...flow.handlers, ...desk.handlers)
    const app = renderWithClient(`/inquiries/${inquiry.id}`)

    expect((await screen.findByTestId('deadline-explanation')).textContent).toBe(
      '2024-09-27（周五）收到；自次一工作日起算 13 个工作日；09-29、10-12 为调休工作日；10-01…10-07 国庆节；2024-10-16 到期',
    )
    expect(
      screen.getByText(
        '2025 年的法定节假日安排尚未载入，这些年份暂按周一至周五并扣除固定日期的法定节假日（元旦、劳动节、国庆节）计算工作日，未含春节、清明、端午、中秋及调休，本期限可能不准确。管理员可在「管理 › 工作日历」载入该年安排，载入后期限会重新计算。',
      ),
    ).toBeTruthy()
    // 10-10, 10-11, the make-up Saturday 10-12, 10-14, 10-15, 10-16
    expect((await screen.findByText('6 个工作日后到期')).className).toMatch(/ant-tag-blue/)

    await app.user.click(screen.getByRole('button', { name: '申请延期' }))
    await app.user.type(within(screen.getByRole('dialog')).getByLabelText('原因'), '需现场核查')
    await app.user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: /提\s*交/ }),
    )
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/extensions`,
        body: { reason: '需现场核查' },
      }),
    )
    expect(await screen.findByText('待审批')).toBeTruthy()
    // a responder does not decide
    expect(screen.queryByRole('button', { name: /批\s*准/ })).toBeNull()
  })

  it('offers 申请延期 disabled, saying why, when the rule allows no extension', async () => {
    const inquiry = makeInquiry({ subject: '当日办结件', status: 'assigned', version: 2 })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    const flow = createFakeWorkflow(desk, {
      calendar: { 2024: CALENDAR_2024 },
      extensionAmount: null,
    })
    server.use(...flow.handlers, ...desk.handlers)
    renderWithClient(`/inquiries/${inquiry.id}`)
    const extend = await screen.findByRole<HTMLButtonElement>('button', { name: '申请延期' })
    // a Chinese label takes the full-width colon, as the card's other lines do
    expect(screen.getByText(/^期限/).textContent).toMatch(/^期限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(extend.disabled).toBe(true)
    // said in the card under the buttons, naming the action, and read out with the button
    await waitFor(() => expect(describedBy(extend)).toBe('该问询适用的期限规定不允许延期。'))
    expect(screen.getByText('该问询适用的期限规定不允许延期。').parentElement?.textContent).toBe(
      '申请延期：该问询适用的期限规定不允许延期。',
    )
  })

  it('offers 暂停计时 disabled to a manager too, naming the due date, once it has passed; enabled before', async () => {
    const late = makeInquiry({
      id: 61,
      subject: '逾期件',
      status: 'assigned',
      version: 2,
      dueAt: '2024-10-08T17:00:00.000+08:00',
    })
    const inTime = makeInquiry({ id: 62, subject: '期限内件', status: 'assigned', version: 2 })
    const desk = createFakeDesk({ user: MANAGER, inquiries: [late, inTime] })
    const flow = createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } })
    server.use(...flow.handlers, ...desk.handlers)
    const app = renderWithClient(`/inquiries/${late.id}`)
    const pause = await screen.findByRole<HTMLButtonElement>('button', { name: '暂停计时' })
    expect(pause.disabled).toBe(true)
    await waitFor(() =>
      expect(describedBy(pause)).toBe(
        '答复期限 2024-10-08 17:00 已过，不能再暂停计时：计时须在期限内暂停，逾期件仍计入逾期。',
      ),
    )
    app.unmount()
    renderWithClient(`/inquiries/${inTime.id}`)
    const open = await screen.findByRole<HTMLButtonElement>('button', { name: '暂停计时' })
    expect(open.disabled).toBe(false)
  })

  it('offers 申请延期 disabled, saying why, once an extension was approved', async () => {
    const inquiry = makeInquiry({ subject: '延期过的件', status: 'assigned', version: 2 })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    const flow = createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } })
    flow.state.extensions.push({
      id: 51,
      inquiryId: inquiry.id,
      reason: '需现场核查',
      status: 'approved',
      requestedAt: '2024-10-08T10:00:00.000+08:00',
      requestedBy: '张答复',
      decidedAt: '2024-10-08T11:00:00.000+08:00',
      decidedBy: '刘科长',
      decisionNote: null,
      oldDueAt: '2024-10-16T23:59:59.999+08:00',
      newDueAt: '2024-11-06T23:59:59.999+08:00',
    })
    server.use(...flow.handlers, ...desk.handlers)
    renderWithClient(`/inquiries/${inquiry.id}`)
    const extend = await screen.findByRole<HTMLButtonElement>('button', { name: '申请延期' })
    expect(extend.disabled).toBe(true)
    await waitFor(() => expect(describedBy(extend)).toBe('此问询已延期过一次，不能再次延期。'))
  })

  it('does not offer 暂停计时, 恢复计时 or 申请延期 on an open disclosure request, even to its holder, and says they are the clock steps', async () => {
    const inquiry = makeInquiry({
      subject: '申请公开规划许可',
      status: 'assigned',
      version: 2,
      kind: 'disclosure',
      assignee: { id: RESPONDER.id, displayName: RESPONDER.displayName },
    })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    const flow = createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } })
    server.use(
      ...flow.handlers,
      ...desk.handlers,
      http.get('*/api/disclosure/requests/:id', () =>
        HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'not here' } }, { status: 404 }),
      ),
    )
    renderWithClient(`/inquiries/${inquiry.id}`)
    // not even the holder: the clock's steps are on the disclosure card
    const said = await screen.findByTestId('clock-step-refusal')
    expect(said.textContent).toContain('“告知补正”“收到补正”“开始征求意见”')
    expect(said.textContent).toContain('延期答复（经批准）')
    expect(screen.queryByRole('button', { name: '暂停计时' })).toBeNull()
    expect(screen.queryByRole('button', { name: '申请延期' })).toBeNull()
  })

  it('explains a disclosure request’s due date by its own clock: counted afresh from the 补正, the consultation left out, the 延期 added', async () => {
    const inquiry = makeInquiry({
      subject: '申请公开规划许可',
      status: 'assigned',
      version: 6,
      kind: 'disclosure',
      dueAt: '2024-12-10T17:00:00.000+08:00',
      assignee: { id: RESPONDER.id, displayName: RESPONDER.displayName },
    })
    // the domain's one computation, as the API's disclosure view carries it (clock.deadline)
    const deadline = disclosureDeadline(
      DEFAULT_DEADLINE_POLICIES,
      buildCalendar(CALENDAR_2024 as CalendarEntry[], [2024]),
      '2024-09-27',
      [
        { type: 'correction_requested', on: '2024-10-10', answerBy: '2024-10-25' },
        { type: 'correction_received', on: '2024-10-12' },
        { type: 'consultation_started', on: '2024-10-14', party: 'third_party' },
        { type: 'consultation_ended', on: '2024-10-16' },
        { type: 'extended', on: '2024-10-21', workingDays: 20 },
      ],
    )
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    const flow = createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } })
    server.use(
      ...flow.handlers,
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
            state: 'running',
            correction: {
              requestedOn: '2024-10-10',
              answerBy: '2024-10-25',
              receivedOn: '2024-10-12',
            },
            extensionDays: 20,
            rule: { extensionAmount: 20, source: '条例' },
            deadline: deadline?.explanation ?? null,
          },
          explanation: { zh: '（时钟说明）', en: '(clock sentence)' },
          reviewCases: [],
          decisionNote: '',
          answers: [],
        }),
      ),
    )
    renderWithClient(`/inquiries/${inquiry.id}`)
    const sentence = await screen.findByText(/收到补正后的申请/, {
      selector: '[data-testid="deadline-explanation"]',
    })
    expect(sentence.textContent).toBe(
      '2024-10-12（周六）（国庆节调休工作日）收到补正后的申请（原申请 2024-09-27 收到），期限重新计算；自次一工作日起算 20 个工作日；计时暂停 2 个工作日（不计入）；延期 20 个工作日；2024-12-10 到期',
    )
  })

  it('marks a reply given after the due date with the working days it was late', async () => {
    // due Tue 10-08, replied Thu 10-10: 10-09 and 10-10 are the working days after the due date
    const inquiry = makeInquiry({
      subject: '迟复件',
      status: 'replied',
      dueAt: '2024-10-08T17:00:00.000+08:00',
      repliedAt: '2024-10-10T09:00:00.000+08:00',
    })
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [inquiry] })
    server.use(
      ...createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } }).handlers,
      ...desk.handlers,
    )
    renderWithClient(`/inquiries/${inquiry.id}`)
    expect((await screen.findByText('逾期 2 个工作日答复')).getAttribute('data-due-state')).toBe(
      'replied_late',
    )
  })

  it('lets a manager approve a pending extension with a note, in English too', async () => {
    const inquiry = makeInquiry({
      subject: '噪音扰民',
      status: 'assigned',
      version: 2,
      dueAt: '2024-10-16T23:59:59.999+08:00',
    })
    const desk = createFakeDesk({ user: MANAGER, inquiries: [inquiry] })
    const flow = createFakeWorkflow(desk, { calendar: { 2024: CALENDAR_2024 } })
    flow.state.extensions.push({
      id: 50,
      inquiryId: inquiry.id,
      reason: '需现场核查',
      status: 'pending',
      requestedAt: '2024-10-08T10:00:00.000+08:00',
      requestedBy: '张答复',
      decidedAt: null,
      decidedBy: null,
      decisionNote: null,
      oldDueAt: null,
      newDueAt: null,
    })
    server.use(...flow.handlers, ...desk.handlers)
    const app = renderWithClient(`/inquiries/${inquiry.id}`)
    await screen.findByRole('heading', { name: '噪音扰民' })
    await app.user.click(screen.getByRole('button', { name: 'English' }))

    expect(
      await screen.findByText(
        /received Fri 2024-09-27; .*10-01…10-07 National Day; due 2024-10-16/,
      ),
    ).toBeTruthy()
    await app.user.type(await screen.findByLabelText('Decision note (optional)'), '同意')
    await app.user.click(screen.getByRole('button', { name: 'Approve' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: '/api/deadlines/extensions/50/decision',
        body: { approve: true, note: '同意' },
      }),
    )
    expect(await screen.findByText('Approved')).toBeTruthy()
    expect(screen.getByText('new due date 2024-11-06 23:59')).toBeTruthy()
  })
})

describe('daily digest', () => {
  it('lists what falls due on the next working day and what is overdue, counted per department and listed per responder, for a manager', async () => {
    const desk = createFakeDesk({ user: MANAGER })
    const item = (id: number, subject: string, dueAt: string, due: object) => ({
      id,
      channel: 'minxin',
      subject,
      status: 'assigned',
      dueAt,
      due,
    })
    server.use(
      http.get('*/api/deadlines/digest', () =>
        HttpResponse.json({
          date: '2024-10-09',
          dueDate: '2024-10-10',
          dueNext: {
            total: 1,
            byAssignee: [
              {
                assignee: { id: 2, displayName: '张答复' },
                items: [
                  item(1, '路灯不亮', '2024-10-10T17:00:00.000+08:00', {
                    state: 'due_in',
                    workingDays: 1,
                  }),
                ],
              },
            ],
          },
          overdue: {
            total: 2,
            byAssignee: [
              {
                assignee: { id: 2, displayName: '张答复' },
                items: [
                  item(2, '噪音扰民', '2024-10-08T17:00:00.000+08:00', {
                    state: 'overdue',
                    workingDays: 1,
                  }),
                ],
              },
              {
                assignee: null,
                items: [
                  item(3, '井盖缺失', '2024-09-30T17:00:00.000+08:00', {
                    state: 'overdue',
                    workingDays: 2,
                  }),
                ],
              },
            ],
          },
          byDepartment: [
            { department: null, dueNext: 0, overdue: 1 },
            { department: { id: 4, name: '规划处' }, dueNext: 1, overdue: 1 },
          ],
        }),
      ),
      ...desk.handlers,
    )
    renderWithClient('/digest')

    expect(await screen.findByText('2024-10-10 到期（1 件）')).toBeTruthy()
    expect(screen.getByText('已逾期（2 件）')).toBeTruthy()
    expect(screen.getByText('未签收 · 1')).toBeTruthy()
    expect(screen.getAllByText('张答复 · 1')).toHaveLength(2)
    const row = screen.getByRole('link', { name: '井盖缺失' }).closest('tr') as HTMLElement
    expect(within(row).getByText('已逾期 2 个工作日').className).toMatch(/ant-tag-red/)
    expect(screen.getByRole('link', { name: '路灯不亮' }).getAttribute('href')).toBe('/inquiries/1')
    const planning = screen.getByText('规划处').closest('tr') as HTMLElement
    expect(
      within(planning)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['规划处', '1', '1'])
    const pool = screen.getByText('未分派').closest('tr') as HTMLElement
    expect(
      within(pool)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['未分派', '0', '1'])
  })
})
