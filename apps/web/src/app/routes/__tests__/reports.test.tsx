import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeReports, MANAGER } from '../../../testing/fake-reports.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const SENTENCE_2017 = '2017年共办理“12345网络问政”1831件、“民心网联网平台”404件。'

function setup() {
  const reports = createFakeReports()
  server.use(...reports.handlers, ...createFakeDesk({ user: MANAGER }).handlers)
  return reports
}

describe('yearly tally page', () => {
  it('shows the annual-report sentence, copies it ready to paste, and the tables of the year', async () => {
    const reports = setup()
    const app = renderWithClient('/reports?year=2017')

    const sentence = await screen.findByText(SENTENCE_2017)
    // the header names the desk as the README does
    expect(screen.getByText('多渠道问政答复台')).toBeTruthy()
    expect(reports.reads.at(-1)?.query.get('year')).toBe('2017')
    await app.user.click(screen.getByRole('button', { name: /复\s*制/ }))
    expect(await navigator.clipboard.readText()).toBe(sentence.textContent)
    expect(await screen.findByText('已复制，可直接粘贴到年度报告')).toBeTruthy()

    const byChannel = screen
      .getByText('各渠道办理量（截至年末）')
      .closest('.ant-card') as HTMLElement
    const total = within(byChannel).getByText('合计').closest('tr') as HTMLElement
    expect([...total.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '合计',
      '2,235',
      '2,204',
      '29',
      '2',
    ])
    // the page's words are the files' words
    expect([...byChannel.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      '渠道',
      '收件数',
      '年末已答复',
      '年末待答复',
      '年末已合并（重复件）',
    ])
    const byMonth = screen.getByText('各月收件数').closest('.ant-card') as HTMLElement
    expect(within(byMonth).getAllByRole('row')).toHaveLength(13) // header + 12 months
    expect(screen.getByText('交通出行')).toBeTruthy()
  })

  it('links the CSV and XLSX downloads to the API for the chosen year', async () => {
    const reports = setup()
    const app = renderWithClient('/reports?year=2017')
    await screen.findByText(SENTENCE_2017)
    expect(screen.getByRole('link', { name: '下载 CSV' }).getAttribute('href')).toBe(
      '/api/reports/tally.csv?year=2017',
    )
    expect(screen.getByRole('link', { name: '下载 Excel' }).getAttribute('href')).toBe(
      '/api/reports/tally.xlsx?year=2017',
    )

    await app.user.click(screen.getByRole('combobox', { name: '年份' }))
    await app.user.click(await screen.findByTitle('2020年'))
    await screen.findByText('2020年共办理“12345网络问政”1831件、“民心网联网平台”404件。')
    expect(app.location()).toBe('/reports?year=2020')
    expect(screen.getByRole('link', { name: '下载 CSV' }).getAttribute('href')).toBe(
      '/api/reports/tally.csv?year=2020',
    )
    // the files are links, never fetched by the page
    await waitFor(() =>
      expect(reports.reads.map((r) => r.path)).toEqual([
        '/api/reports/tally',
        '/api/reports/tally',
      ]),
    )
  })
})
