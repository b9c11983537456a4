/**
 * End to end in Chromium, a calendar change reaching a due date: an admin adds a make-up workday (PUT /api/calendar/days/:date)
 * inside an open inquiry's deadline period; the inquiry's due date moves one working day earlier,
 * and the responder's inquiry page shows the due_changed event with the old and new date and the
 * make-up workday in the explanation sentence.
 */
import { formatInstant } from '@desk/domain'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addResponder,
  post,
  read,
  RESPONDER,
  signIn,
  type ApiSession,
  write,
} from './desk-client.ts'
import { ADMIN_PASSWORD, startDesk, type DeskServer } from './desk-server.ts'
import { launchChromium } from './browser.ts'

let desk: DeskServer
let browser: Browser
let admin: ApiSession
let inquiryId = 0

type View = {
  inquiry: { dueAt: string }
  deadline: {
    explanation: { countFrom: string; due: { date: string }; makeupWorkdays: { date: string }[] }
  }
}

/** `YYYY-MM-DD` + n days (calendar dates, no zone involved). */
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())
/** `2026-12-21 17:00` as the SPA shows an ISO instant. */
const shown = (iso: string) => formatInstant(Date.parse(iso)).slice(0, 16).replace('T', ' ')

beforeAll(async () => {
  desk = await startDesk()
  admin = await signIn(desk.baseUrl, 'admin', ADMIN_PASSWORD)
  await addResponder(admin)
  const created = await post<{ results: { id: number }[] }>(admin, '/channels/minxin/inquiries', {
    externalId: 'MX-DUE-1',
    subject: '路口信号灯配时不合理',
    body: '早高峰左转绿灯时间太短。',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  })
  inquiryId = created.results[0]!.id
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

describe('working-day calendar changes in the browser', () => {
  it('a make-up workday moves an open due date, and the page shows the due_changed event', async () => {
    const before = await read<View>(admin, `/inquiries/${inquiryId}`)
    const { countFrom, due } = before.deadline.explanation
    let makeup = countFrom
    while (!isWeekend(makeup) && makeup < due.date) makeup = addDays(makeup, 1)
    expect(isWeekend(makeup), `no weekend between ${countFrom} and ${due.date}`).toBe(true)

    const change = await write<{ recompute: { moved: { inquiryId: number }[] } }>(
      admin,
      'PUT',
      `/calendar/days/${makeup}`,
      {
        isOffDay: false,
        name: '调休',
      },
    )
    expect(change.recompute.moved.map((m) => m.inquiryId)).toContain(inquiryId)
    const after = await read<View>(admin, `/inquiries/${inquiryId}`)
    expect(Date.parse(after.inquiry.dueAt)).toBeLessThan(Date.parse(before.inquiry.dueAt))
    expect(after.deadline.explanation.makeupWorkdays.map((d) => d.date)).toContain(makeup)

    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await page.goto(`${desk.baseUrl}/inquiries/${inquiryId}`)
    await page.getByLabel('用户名').fill(RESPONDER.username)
    await page.getByLabel('密码').fill(RESPONDER.password)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.getByRole('heading', { name: '路口信号灯配时不合理' }).waitFor()
    await page.getByText(/· 系统管理员 · 期限变更$/).waitFor()
    await page
      .getByText(`期限 ${shown(before.inquiry.dueAt)} → ${shown(after.inquiry.dueAt)}`, {
        exact: false,
      })
      .waitFor()
    const sentence = await page.getByTestId('deadline-explanation').textContent()
    expect(sentence).toContain(`${makeup.slice(5)} 为调休工作日`)
    expect(sentence).toContain(`${after.deadline.explanation.due.date} 到期`)
  })
})
