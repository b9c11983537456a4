import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function deskWithInquiries() {
  return createFakeDesk({
    user: RESPONDER,
    inquiries: [
      makeInquiry({ channel: 'hotline_12345', subject: '路灯不亮' }),
      makeInquiry({ channel: 'hotline_12345', subject: '井盖缺失' }),
      makeInquiry({ channel: 'hotline_12345', subject: '已答复的问询', status: 'replied' }),
      makeInquiry({ channel: 'minxin', subject: '噪音扰民' }),
    ],
  })
}

describe('reply queue', () => {
  it('shows per-channel pending badges and filters by channel tab, keeping the filter in the URL', async () => {
    const desk = deskWithInquiries()
    server.use(...desk.handlers)
    const app = renderWithClient('/queue')

    expect(await screen.findByRole('link', { name: '路灯不亮' })).toBeTruthy()
    expect(screen.getByRole('link', { name: '噪音扰民' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: '已答复的问询' })).toBeNull()

    const tabs = await screen.findAllByRole('tab')
    const hotline = tabs.find((t) => t.textContent?.includes('12345网络问政'))!
    const minxin = tabs.find((t) => t.textContent?.includes('民心网联网平台'))!
    const all = tabs.find((t) => t.textContent?.startsWith('全部'))!
    await within(all).findByTitle('3')
    expect(within(hotline).getByTitle('2')).toBeTruthy()
    expect(within(minxin).getByTitle('1')).toBeTruthy()
    const retired = tabs.find((t) => t.textContent?.includes('旧论坛'))!
    expect(within(retired).getByText('已停用')).toBeTruthy()

    await app.user.click(within(minxin).getByText('民心网联网平台'))

    expect(app.location()).toBe('/queue?channel=minxin')
    await waitFor(() => expect(screen.queryByRole('link', { name: '路灯不亮' })).toBeNull())
    expect(await screen.findByRole('link', { name: '噪音扰民' })).toBeTruthy()
    const listReads = desk.state.reads.filter((r) => r.path === '/api/inquiries')
    expect(listReads.at(-1)?.query.get('channel')).toBe('minxin')
    // counts never carry the channel: every tab's badge keeps its own number
    expect(
      desk.state.reads
        .filter((r) => r.path.endsWith('/counts'))
        .every((r) => !r.query.has('channel')),
    ).toBe(true)
  })

  it('shows a search counted only up to its cap as 2+ on 全部 and in the total, with no channel counts', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      countCap: 2,
      inquiries: [
        makeInquiry({ channel: 'hotline_12345', subject: '路灯不亮' }),
        makeInquiry({ channel: 'hotline_12345', subject: '井盖缺失' }),
        makeInquiry({ channel: 'minxin', subject: '噪音扰民' }),
      ],
    })
    server.use(...desk.handlers)
    const app = renderWithClient('/queue?q=%E5%B0%8F%E5%8C%BA')

    expect(await screen.findByRole('link', { name: '噪音扰民' })).toBeTruthy()
    const tabs = await screen.findAllByRole('tab')
    const all = tabs.find((t) => t.textContent?.startsWith('全部'))!
    await within(all).findByTitle('2+')
    expect(screen.getByTestId('queue-total').textContent).toBe('共 2+ 条，已显示 3 条')
    // a channel's count is not known: its tab shows none rather than a wrong one
    const minxin = tabs.find((t) => t.textContent?.includes('民心网联网平台'))!
    expect(minxin.querySelector('.ant-badge')).toBeNull()

    await app.user.click(within(minxin).getByText('民心网联网平台'))
    await waitFor(() =>
      expect(screen.getByTestId('queue-total').textContent).toBe(
        '已显示 1 条（全部渠道共 2+ 条匹配，未分渠道计数）',
      ),
    )
  })

  it('reproduces a shared link: status and channel come from the URL', async () => {
    const desk = deskWithInquiries()
    server.use(...desk.handlers)
    renderWithClient('/queue?channel=hotline_12345&status=replied')

    expect(await screen.findByRole('link', { name: '已答复的问询' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: '路灯不亮' })).toBeNull()
    const read = desk.state.reads.find((r) => r.path === '/api/inquiries')!
    expect(read.query.get('status')).toBe('replied')
    expect(read.query.get('channel')).toBe('hotline_12345')
  })

  it("names the assignee and shows a paused clock as 计时暂停 instead of the row's due tag", async () => {
    const overdue = '2024-10-08T17:00:00.000+08:00'
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [
        makeInquiry({
          subject: '路灯不亮',
          status: 'assigned',
          assignee: { id: 2, displayName: '张答复' },
          dueAt: overdue,
        }),
        makeInquiry({
          subject: '等待补正',
          status: 'assigned',
          assignee: null,
          dueAt: overdue,
          pausedAt: '2024-10-01T10:00:00.000+08:00',
        }),
      ],
    })
    server.use(...desk.handlers)
    renderWithClient('/queue')

    const rowOf = async (subject: string) =>
      (await screen.findByRole('link', { name: subject })).closest('.ant-table-row') as HTMLElement
    const running = await rowOf('路灯不亮')
    // the virtual table's rows are divs without table roles
    const cells = [...running.querySelectorAll('.ant-table-cell')]
    expect(cells.at(-1)?.textContent).toBe('张答复')
    expect(
      (await within(running).findByText(/已逾期/, { selector: '.ant-tag' })).className,
    ).toMatch(/\bant-tag-red\b/)

    const paused = await rowOf('等待补正')
    const tag = within(paused).getByText('计时暂停', { selector: '.ant-tag' })
    expect(tag.className).toMatch(/\bant-tag-purple\b/)
    expect(within(paused).queryByText(/到期|逾期/)).toBeNull()
    expect([...paused.querySelectorAll('.ant-table-cell')].at(-1)?.textContent).toBe('—')
    expect(
      within(paused).getByText('2024-10-08 17:00').closest('.ant-typography-danger'),
    ).toBeNull()
    expect(
      within(running).getByText('2024-10-08 17:00').closest('.ant-typography-danger'),
    ).not.toBeNull()
  })

  it('marks a reply given after the due date as 逾期 N 个工作日答复, one in time not at all', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [
        // due Fri 11 Oct 2024; replied Tue 15 Oct: late by Mon and Tue
        makeInquiry({
          subject: '迟到的答复',
          status: 'replied',
          repliedAt: '2024-10-15T10:00:00.000+08:00',
        }),
        makeInquiry({
          subject: '按时的答复',
          status: 'closed',
          repliedAt: '2024-10-11T09:00:00.000+08:00',
        }),
      ],
    })
    server.use(...desk.handlers)
    renderWithClient('/queue?status=all')
    const late = (await screen.findByRole('link', { name: '迟到的答复' })).closest(
      '.ant-table-row',
    ) as HTMLElement
    expect((await within(late).findByText('逾期 2 个工作日答复')).className).toMatch(
      /\bant-tag-volcano\b/,
    )
    const onTime = (await screen.findByRole('link', { name: '按时的答复' })).closest(
      '.ant-table-row',
    ) as HTMLElement
    expect(within(onTime).queryByText(/逾期/)).toBeNull()
  })

  it('takes the received range in a Chinese date picker (YYYY-MM-DD, 年/月), not a native mm/dd/yyyy input', async () => {
    const desk = deskWithInquiries()
    server.use(...desk.handlers)
    const app = renderWithClient('/queue?from=2026-12-01&to=2026-12-06')
    await screen.findByRole('link', { name: '路灯不亮' })
    expect(document.querySelector('input[type="date"], input[type="datetime-local"]')).toBeNull()
    const from = screen.getByPlaceholderText('接收日期自') as HTMLInputElement
    const to = screen.getByPlaceholderText('接收日期至') as HTMLInputElement
    expect([from.value, to.value]).toEqual(['2026-12-01', '2026-12-06'])
    await app.user.click(from)
    // the calendar's header and weekdays in Chinese
    await waitFor(() =>
      expect(document.querySelector('.ant-picker-header-view')?.textContent).toBe('2026年12月'),
    )
    const weekdays = [...document.querySelectorAll('.ant-picker-content thead th')].map(
      (th) => th.textContent,
    )
    expect(weekdays.slice(0, 7)).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    await app.user.click(screen.getAllByTitle('2026-12-03')[0]!)
    await app.user.click(screen.getAllByTitle('2026-12-04')[0]!)
    await waitFor(() =>
      expect(app.location()).toMatch(
        /from=2026-12-03&to=2026-12-04|to=2026-12-04.*from=2026-12-03/,
      ),
    )
  })

  it('shows the receipt date alone for a disclosure request and a proposal, the time for a message', async () => {
    // each received on 2026-11-20; the request and the proposal are stored at that day's start
    const dayStart = '2026-11-20T00:00:00.000+08:00'
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [
        makeInquiry({ subject: '申请公开规划许可', kind: 'disclosure', receivedAt: dayStart }),
        makeInquiry({ subject: '关于加强停车管理的建议', kind: 'proposal', receivedAt: dayStart }),
        makeInquiry({ subject: '路灯不亮', kind: 'message', receivedAt: dayStart }),
      ],
    })
    server.use(...desk.handlers)
    renderWithClient('/queue')
    const rowOf = async (subject: string) =>
      (await screen.findByRole('link', { name: subject })).closest('.ant-table-row') as HTMLElement
    for (const subject of ['申请公开规划许可', '关于加强停车管理的建议']) {
      const row = await rowOf(subject)
      expect(within(row).getByText('2026-11-20')).toBeTruthy()
      expect(within(row).queryByText('2026-11-20 00:00')).toBeNull()
    }
    expect(within(await rowOf('路灯不亮')).getByText('2026-11-20 00:00')).toBeTruthy()
  })

  it('says so when no inquiry matches', async () => {
    server.use(...createFakeDesk({ user: RESPONDER, inquiries: [] }).handlers)
    renderWithClient('/queue')
    expect(await screen.findByText('没有符合条件的问询')).toBeTruthy()
  })
})
