import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { MANAGER } from '../../../testing/fake-reports.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const LINK = '/queue?channel=minxin&status=all&from=2024-09-01&due=overdue'
const EXPORTED = 'status=all&from=2024-09-01&due=overdue&channel=minxin'

describe('queue export', () => {
  it('exports the queue’s current filter as CSV or XLSX; personal data only after confirming', async () => {
    server.use(
      ...createFakeDesk({
        user: MANAGER,
        inquiries: [makeInquiry({ channel: 'minxin', subject: '噪音扰民' })],
      }).handlers,
    )
    const app = renderWithClient(LINK)

    const csv = await screen.findByRole('link', { name: '导出 CSV' })
    expect(csv.getAttribute('href')).toBe(`/api/reports/export.csv?${EXPORTED}`)
    expect(screen.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toBe(
      `/api/reports/export.xlsx?${EXPORTED}`,
    )

    // cancelling the confirmation leaves the export masked
    await app.user.click(screen.getByRole('checkbox', { name: '包含个人信息' }))
    await app.user.click(await screen.findByRole('button', { name: /取\s*消/ }))
    expect(
      (screen.getByRole('checkbox', { name: '包含个人信息' }) as HTMLInputElement).checked,
    ).toBe(false)
    expect(csv.getAttribute('href')).toBe(`/api/reports/export.csv?${EXPORTED}`)

    await app.user.click(screen.getByRole('checkbox', { name: '包含个人信息' }))
    expect(
      (await screen.findAllByText(/本次导出会记录在每条问询的办理记录中/)).length,
    ).toBeGreaterThan(0)
    // the cancelled dialog may linger in the DOM while it fades out: the newest is last
    await app.user.click((await screen.findAllByRole('button', { name: '确认包含' })).at(-1)!)
    await waitFor(() =>
      expect(csv.getAttribute('href')).toBe(`/api/reports/export.csv?${EXPORTED}&reveal=1`),
    )
    expect(screen.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toBe(
      `/api/reports/export.xlsx?${EXPORTED}&reveal=1`,
    )

    // a filter changed on the queue goes into the export at once
    await app.user.click(screen.getByRole('tab', { name: /12345网络问政/ }))
    await waitFor(() =>
      expect(csv.getAttribute('href')).toBe(
        '/api/reports/export.csv?status=all&from=2024-09-01&due=overdue&channel=hotline_12345&reveal=1',
      ),
    )
  })

  it('offers no export to a responder', async () => {
    server.use(
      ...createFakeDesk({
        user: RESPONDER,
        inquiries: [makeInquiry({ channel: 'minxin', subject: '噪音扰民' })],
      }).handlers,
    )
    renderWithClient(LINK)
    await screen.findByRole('link', { name: '噪音扰民' })
    expect(screen.queryByRole('link', { name: '导出 CSV' })).toBeNull()
  })
})
