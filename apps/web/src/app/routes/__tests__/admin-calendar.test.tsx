import { toZonedDate } from '@desk/domain'
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const MOVED = {
  inquiryId: 5,
  from: '2024-10-10T17:00:00.000+08:00',
  to: '2024-10-09T17:00:00.000+08:00',
}

function setup() {
  const config = createFakeConfig({ recompute: { checked: 3, moved: [MOVED] } })
  server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
  return { config, app: renderWithClient('/admin/calendar') }
}

const jsonFile = (name: string, content: string) =>
  new File([content], name, { type: 'application/json' })

describe('admin: working-day calendar', () => {
  it('warns that this and next year are not loaded and lists the loaded years with source and time', async () => {
    setup()
    const year = Number(toZonedDate(Date.now()).slice(0, 4))
    const banner = await screen.findByText(new RegExp(`尚未载入：${year}、${year + 1}。`))
    // it says how the admin adds the year: the two controls of this page
    expect(banner.textContent).toContain('「载入年度安排」导入该年文件')
    expect(banner.textContent).toContain('「添加或更正日期」逐日录入')
    expect(screen.getByText('载入年度安排（holiday-cn JSON）')).toBeTruthy()
    expect(screen.getByRole('button', { name: '添加或更正日期' })).toBeTruthy()
    const row = screen.getByRole('button', { name: /查看 2024/ }).closest('tr')!
    expect(within(row).getByText('chinese-days@1.5.7')).toBeTruthy()
    expect(within(row).getByText('2024-01-01 09:00')).toBeTruthy() // 01:00 UTC in Beijing time
  })

  it("shows a year's holidays and make-up workdays, adds a make-up workday and shows the moved due dates", async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: /查看 2024/ }))
    const holiday = (await screen.findByText('2024-10-01')).closest('tr')!
    expect(within(holiday).getByText('节假日（休）')).toBeTruthy()
    expect(within(holiday).getByText('国庆节')).toBeTruthy()
    expect(within(screen.getByText('2024-10-12').closest('tr')!).getByText('调休上班')).toBeTruthy()

    await app.user.click(screen.getByRole('button', { name: '添加或更正日期' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.type(within(dialog).getByLabelText('日期'), '2024-09-29')
    await app.user.type(within(dialog).getByLabelText('名称'), '国庆节')
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))

    expect(
      await screen.findByText('已重新计算 3 件未结来件的办理期限，其中 1 件的到期时间已调整。'),
    ).toBeTruthy()
    const moved = screen.getByRole('link', { name: '来件 #5：2024-10-10 17:00 → 2024-10-09 17:00' })
    expect(moved.getAttribute('href')).toBe('/inquiries/5')
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PUT',
      path: '/api/calendar/days/2024-09-29',
      body: { isOffDay: false, name: '国庆节' },
    })
    expect(await screen.findByText('2024-09-29')).toBeTruthy()
  })

  it('shows the year as month grids and opens the form for a clicked day', async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: /查看 2024/ }))
    await app.user.click(await screen.findByText('月历'))
    // by label, not role: computing the accessible names of ~370 day buttons is slow in happy-dom
    expect(await screen.findByLabelText('2024-10-01 国庆节 节假日（休）')).toBeTruthy()
    expect(screen.getByLabelText('2024-10-12 国庆节 调休上班')).toBeTruthy()

    // an unlisted Saturday: the form offers it as a make-up workday
    await app.user.click(screen.getByLabelText('2024-10-19'))
    const dialog = await screen.findByRole('dialog')
    expect((within(dialog).getByLabelText('日期') as HTMLInputElement).value).toBe('2024-10-19')
    expect(
      (within(dialog).getByRole('radio', { name: '调休上班' }) as HTMLInputElement).checked,
    ).toBe(true)
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByLabelText('2024-10-19 调休上班')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PUT',
      path: '/api/calendar/days/2024-10-19',
      body: { isOffDay: false },
    })
  })

  it('removes a listed date after confirmation', async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: /查看 2024/ }))
    await app.user.click(await screen.findByRole('button', { name: '删除 2024-10-12' }))
    await app.user.click(await screen.findByRole('button', { name: /确\s*定/ }))
    await screen.findByText('已重新计算 3 件未结来件的办理期限，其中 1 件的到期时间已调整。')
    expect(screen.queryByText('2024-10-12')).toBeNull()
    expect(config.state.writes.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/api/calendar/days/2024-10-12',
    })
  })

  it('loads a year file, and names the bad entries of a refused one', async () => {
    const { config, app } = setup()
    await screen.findByText('chinese-days@1.5.7')
    // the upload control renders a fresh <input> after each file
    const input = () => document.querySelector('input[type="file"]') as HTMLInputElement

    await app.user.upload(input(), jsonFile('broken.json', '{ "year": 2027,'))
    expect(await screen.findByText(/broken\.json 不是有效的 JSON/)).toBeTruthy()
    expect(config.state.writes).toEqual([])

    const bad = {
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-30x', isOffDay: true },
      ],
    }
    await app.user.upload(input(), jsonFile('2027.json', JSON.stringify(bad)))
    expect(await screen.findByText(/2027\.json 未载入/)).toBeTruthy()
    expect(screen.getByText('days[1].date')).toBeTruthy()
    expect(screen.getByText('Invalid ISO date')).toBeTruthy()

    const good = { ...bad, days: [bad.days[0]] }
    await app.user.upload(input(), jsonFile('2027.json', JSON.stringify(good)))
    expect(await screen.findByText('已载入 2027 年（1 个日期）。')).toBeTruthy()
    expect(config.state.writes.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/calendar/years',
      body: good,
    })
    expect(await screen.findByRole('button', { name: /查看 2027/ })).toBeTruthy()
  })
})
