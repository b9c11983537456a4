import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeReports, MANAGER } from '../../../testing/fake-reports.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const SEPTEMBER = '/dashboard?from=2024-09-01&to=2024-09-30'

/** The year in Asia/Shanghai now, independently of the code under test. */
const shanghaiYear = () =>
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
      Date.now(),
    ),
  )

function setup(user: Parameters<typeof createFakeDesk>[0]['user'] = MANAGER) {
  const desk = createFakeDesk({
    user,
    inquiries: [makeInquiry({ channel: 'minxin', subject: '占道经营' })],
  })
  const reports = createFakeReports()
  server.use(...reports.handlers, ...desk.handlers)
  return { desk, reports }
}

describe('managers dashboard', () => {
  it('shows each channel’s numbers as links to exactly their queue view, and the link opens it', async () => {
    const { desk, reports } = setup()
    const app = renderWithClient(SEPTEMBER)

    const overdue = await screen.findByRole('link', { name: '民心网联网平台 逾期 3' })
    expect(overdue.getAttribute('href')).toBe(
      '/queue?from=2024-09-01&to=2024-09-30&channel=minxin&due=overdue',
    )
    // every number's link: satisfaction 3 of 4 rated; none = uncategorized / unassigned / not yet dispatched
    const hrefs: Record<string, string> = {
      '12345网络问政 接收 10':
        '/queue?status=all&from=2024-09-01&to=2024-09-30&channel=hotline_12345',
      '合计 已答复 7': '/queue?status=all&from=2024-09-01&to=2024-09-30&replied=yes',
      '12345网络问政 满意 3':
        '/queue?status=all&from=2024-09-01&to=2024-09-30&channel=hotline_12345&satisfaction=positive',
      '12345网络问政 已评价 4':
        '/queue?status=all&from=2024-09-01&to=2024-09-30&channel=hotline_12345&satisfaction=rated',
      '未分类 接收 6': '/queue?status=all&from=2024-09-01&to=2024-09-30&uncategorized=1',
      '张答复 逾期 3': '/queue?from=2024-09-01&to=2024-09-30&due=overdue&assignee=2',
      '未签收 在办 4': '/queue?from=2024-09-01&to=2024-09-30&assignee=unassigned',
      '规划处 接收 5': '/queue?status=all&from=2024-09-01&to=2024-09-30&department=4',
      '规划处 逾期 2': '/queue?from=2024-09-01&to=2024-09-30&due=overdue&department=4',
      '未分派 在办 5': '/queue?from=2024-09-01&to=2024-09-30&department=none',
    }
    for (const [name, href] of Object.entries(hrefs)) {
      expect({ name, href: screen.getByRole('link', { name }).getAttribute('href') }).toEqual({
        name,
        href,
      })
    }
    // the on-time rate 5/6 is a plain number
    expect(screen.getByText('83.3%')).toBeTruthy()
    expect(reports.reads[0]?.query.toString()).toBe('from=2024-09-01&to=2024-09-30')

    await app.user.click(overdue)
    await waitFor(() =>
      expect(app.location()).toBe(
        '/queue?from=2024-09-01&to=2024-09-30&channel=minxin&due=overdue',
      ),
    )
    await screen.findByRole('link', { name: '占道经营' })
    // the queue asks the API with the dashboard count's own filter
    const list = desk.state.reads.filter((r) => r.path === '/api/inquiries').at(-1)!
    expect(
      Object.fromEntries(
        ['status', 'from', 'to', 'channel', 'due'].map((k) => [k, list.query.get(k)]),
      ),
    ).toEqual({
      status: 'pending',
      from: '2024-09-01',
      to: '2024-09-30',
      channel: 'minxin',
      due: 'overdue',
    })
  })

  it('offers every table and the trend as CSV and XLSX of the period shown', async () => {
    setup()
    renderWithClient(SEPTEMBER)
    const tables = {
      各渠道办理情况: 'channels',
      '接收量趋势（按日）': 'trend',
      '按部门（工作量与逾期）': 'departments',
      '按办理人（工作量与逾期）': 'assignees',
      按类别: 'categories',
    }
    await screen.findByRole('link', { name: '下载各渠道办理情况，CSV 格式' })
    for (const [title, table] of Object.entries(tables)) {
      for (const format of ['csv', 'xlsx']) {
        const link = screen.getByRole('link', {
          name: `下载${title}，${format.toUpperCase()} 格式`,
        })
        // the answer's granularity (day) is asked for, so the file's trend is the chart's
        expect(link.getAttribute('href')).toBe(
          `/api/reports/dashboard/${table}.${format}?from=2024-09-01&to=2024-09-30&granularity=day`,
        )
        expect(link.hasAttribute('download')).toBe(true)
      }
    }
  })

  it('wraps a card title too long for its card (English, a phone) instead of cutting it off', async () => {
    setup()
    renderWithClient(SEPTEMBER)
    const title = await screen.findByText('按办理人（工作量与逾期）', {
      selector: '.ant-card-head-title',
    })
    expect(title.style.whiteSpace).toBe('normal')
  })

  it('shows the queue filters only a dashboard link sets as tags; closing one drops it from the URL', async () => {
    const { desk } = setup()
    const app = renderWithClient(
      '/queue?status=all&channel=minxin&replied=on_time&category=%E5%9F%8E%E5%B8%82%E7%AE%A1%E7%90%86',
    )
    await screen.findByRole('link', { name: '占道经营' })
    expect(screen.getByText('按期答复')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: '取消筛选：类别：城市管理' }))
    await waitFor(() =>
      expect(app.location()).toBe('/queue?status=all&channel=minxin&replied=on_time'),
    )
    await waitFor(() =>
      expect(
        desk.state.reads
          .filter((r) => r.path === '/api/inquiries')
          .at(-1)
          ?.query.has('category'),
      ).toBe(false),
    )
    expect(screen.getByText('按期答复')).toBeTruthy()
  })

  it('opens a department’s pending number as the queue of that department, named in its tag', async () => {
    const { desk } = setup()
    const app = renderWithClient(SEPTEMBER)
    await app.user.click(await screen.findByRole('link', { name: '规划处 在办 3' }))
    await waitFor(() =>
      expect(app.location()).toBe('/queue?from=2024-09-01&to=2024-09-30&department=4'),
    )
    await screen.findByRole('link', { name: '占道经营' })
    const list = desk.state.reads.filter((r) => r.path === '/api/inquiries').at(-1)!
    expect(list.query.get('department')).toBe('4')
    expect(list.query.get('status')).toBe('pending')
    expect(
      desk.state.reads
        .filter((r) => r.path === '/api/inquiries/counts')
        .at(-1)
        ?.query.get('department'),
    ).toBe('4')
    expect(await screen.findByText('部门：规划处')).toBeTruthy()

    await app.user.click(screen.getByRole('button', { name: '取消筛选：部门：规划处' }))
    await waitFor(() => expect(app.location()).toBe('/queue?from=2024-09-01&to=2024-09-30'))
    await waitFor(() =>
      expect(
        desk.state.reads
          .filter((r) => r.path === '/api/inquiries')
          .at(-1)
          ?.query.has('department'),
      ).toBe(false),
    )
  })

  it('names the assignee of a linked filter from the listed rows, and the not-dispatched department', async () => {
    const desk = createFakeDesk({
      user: MANAGER,
      inquiries: [
        makeInquiry({
          subject: '路灯不亮',
          status: 'assigned',
          assignee: { id: 7, displayName: '王办理' },
        }),
      ],
    })
    server.use(...createFakeReports().handlers, ...desk.handlers)
    renderWithClient('/queue?assignee=7&department=none')
    await screen.findByRole('link', { name: '路灯不亮' })
    expect(await screen.findByText('办理人：王办理')).toBeTruthy()
    expect(screen.getByText('部门：未分派')).toBeTruthy()
    const list = desk.state.reads.filter((r) => r.path === '/api/inquiries').at(-1)!
    expect([list.query.get('assignee'), list.query.get('department')]).toEqual(['7', 'none'])
  })

  it('names a deactivated department too; shows the ids when no row or department names them', async () => {
    const { reports } = setup()
    const app = renderWithClient('/queue?department=5')
    expect(await screen.findByText('部门：信访处')).toBeTruthy()
    app.unmount()

    renderWithClient('/queue?status=replied&assignee=7&department=99')
    // no replied row is listed, so no row names user 7; the department list (4 and 5) has no 99
    expect(await screen.findByText('办理人（编号 7）')).toBeTruthy()
    await waitFor(() =>
      expect(reports.reads.filter((r) => r.path === '/api/departments')).toHaveLength(2),
    )
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.getByText('部门（编号 99）')).toBeTruthy()
  })

  it('switches to last year (Asia/Shanghai dates) and a weekly trend, keeping both in the URL', async () => {
    const { reports } = setup()
    const app = renderWithClient(SEPTEMBER)
    await screen.findByRole('link', { name: '民心网联网平台 逾期 3' })

    await app.user.click(screen.getByText('去年'))
    const last = shanghaiYear() - 1
    await waitFor(() =>
      expect(app.location()).toBe(`/dashboard?from=${last}-01-01&to=${last}-12-31`),
    )
    await waitFor(() =>
      expect(reports.reads.at(-1)?.query.toString()).toBe(`from=${last}-01-01&to=${last}-12-31`),
    )

    await app.user.click(screen.getByRole('combobox', { name: '趋势粒度' }))
    await app.user.click(await screen.findByTitle('按周'))
    await waitFor(() =>
      expect(app.location()).toBe(
        `/dashboard?from=${last}-01-01&to=${last}-12-31&granularity=week`,
      ),
    )
    await waitFor(() => expect(reports.reads.at(-1)?.query.get('granularity')).toBe('week'))
    // ECharts (loaded on demand) draws the trend as SVG at an explicit size, even in happy-dom
    const chart = await screen.findByRole('img', { name: '各渠道接收量趋势图' })
    await waitFor(() => expect(chart.querySelector('svg')?.getAttribute('height')).toBe('320'))
  })

  it('is in the menu for managers only; a responder is told which role the page needs', async () => {
    setup(RESPONDER)
    const app = renderWithClient('/dashboard')
    expect(await screen.findByRole('heading', { name: '无权访问此页面' })).toBeTruthy()
    expect(
      screen.getByText(
        '此页面需要“负责人”或更高的角色，您当前的角色是“答复人员”。如需使用，请联系管理员。',
      ),
    ).toBeTruthy()
    expect(app.location()).toBe('/dashboard')
    // inside the layout: the menu is there, without the pages the role may not open
    expect(await screen.findByRole('link', { name: '答复队列' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: '统计看板' })).toBeNull()
    expect(screen.queryByRole('link', { name: '年度统计' })).toBeNull()
  })
})
