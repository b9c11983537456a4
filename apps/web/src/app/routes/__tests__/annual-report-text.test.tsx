import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk } from '../../../testing/fake-desk.ts'
import { MANAGER } from '../../../testing/fake-reports.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const TEXT = {
  bureau: '某市自然资源局',
  issuedOn: null,
  overview: '同事保存的概述。',
  problems: '',
  other: '',
  proactive: {
    rules: { issued: null, repealed: null, inForce: null },
    normativeDocuments: { issued: null, repealed: null, inForce: null },
    licences: { decisions: null },
    penalties: { decisions: null },
    enforcement: { decisions: null },
    fees: { amountWan: null },
  },
}
const report = {
  year: 2024,
  title: '某市自然资源局2024年政府信息公开工作年度报告',
  sentences: [],
  text: TEXT,
  version: 3,
  updatedBy: '王同事',
  updatedAt: Date.parse('2025-01-10T09:00:00+08:00'),
  closed: null,
  differences: [],
  history: [],
}

describe('annual report text', () => {
  it('sends only the changed field with the loaded version; on 409 keeps the typed text and names who saved', async () => {
    const puts: unknown[] = []
    server.use(
      ...createFakeDesk({ user: MANAGER }).handlers,
      http.get('/api/reports/annual/2024', () => HttpResponse.json({ report, blocks: [] })),
      http.put('/api/reports/annual/2024/text', async ({ request }) => {
        puts.push(await request.json())
        return HttpResponse.json(
          {
            error: {
              code: 'CONFLICT',
              message: 'changed',
              details: {
                reason: 'stale_version',
                changedBy: '李同事',
                changedAt: '2025-01-10T10:15:00.000+08:00',
                currentVersion: 4,
              },
            },
          },
          { status: 409 },
        )
      }),
    )
    const app = renderWithClient('/reports/annual/2024')
    const boxes = await screen.findAllByRole('textbox', { name: '由工作人员填写' })
    const problems = boxes[1]!
    await app.user.type(problems, '我写的问题。')
    await app.user.click(screen.getByRole('button', { name: /保\s*存/ }))

    expect(
      await screen.findByText(
        '李同事 已于 2025-01-10 10:15 保存了本年度的文字，您的填写仍保留在下面。再次保存只覆盖您改动过的部分。',
      ),
    ).toBeTruthy()
    expect(puts).toEqual([{ version: 3, problems: '我写的问题。' }])
    expect(
      (screen.getAllByRole('textbox', { name: '由工作人员填写' })[1] as HTMLTextAreaElement).value,
    ).toBe('我写的问题。')
    // saving again goes over the version the conflict named
    await app.user.click(screen.getByRole('button', { name: /保\s*存/ }))
    await screen.findByText(/李同事 已于/)
    expect(puts.at(-1)).toEqual({ version: 4, problems: '我写的问题。' })
  }, 90_000)

  it('a closed year reads 已定稿, not 草稿; another manager reopens it with a required reason', async () => {
    const posts: unknown[] = []
    const closedAt = Date.parse('2025-01-20T10:00:00+08:00')
    const closed = {
      ...report,
      closed: { at: closedAt, by: '李科长', byId: MANAGER.id + 1 },
      history: [{ action: 'closed', at: closedAt, by: '李科长', reason: null }],
    }
    server.use(
      ...createFakeDesk({ user: MANAGER }).handlers,
      http.get('/api/reports/annual/2024', () =>
        HttpResponse.json({ report: posts.length > 0 ? report : closed, blocks: [] }),
      ),
      http.post('/api/reports/annual/2024/reopen', async ({ request }) => {
        posts.push(await request.json())
        return HttpResponse.json({ report, blocks: [] })
      }),
    )
    const app = renderWithClient('/reports/annual/2024')
    expect(await screen.findByText('已定稿：李科长，2025-01-20 10:00')).toBeTruthy()
    expect(screen.getByRole('heading', { name: '政府信息公开工作年度报告' })).toBeTruthy()
    expect(screen.queryByText('草稿')).toBeNull()
    await app.user.click(screen.getByRole('button', { name: '撤销定稿' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.click(within(dialog).getByRole('button', { name: '撤销定稿' }))
    expect(await within(dialog).findByText('请填写撤销原因')).toBeTruthy()
    expect(posts).toEqual([])
    await app.user.type(within(dialog).getByLabelText('撤销原因'), '成文日期填错')
    await app.user.click(within(dialog).getByRole('button', { name: '撤销定稿' }))
    await screen.findByText('草稿')
    expect(posts).toEqual([{ reason: '成文日期填错' }])
  }, 90_000)

  it('offers no 撤销定稿 to the manager who closed the year', async () => {
    const closedAt = Date.parse('2025-01-20T10:00:00+08:00')
    server.use(
      ...createFakeDesk({ user: MANAGER }).handlers,
      http.get('/api/reports/annual/2024', () =>
        HttpResponse.json({
          report: {
            ...report,
            closed: { at: closedAt, by: MANAGER.displayName, byId: MANAGER.id },
          },
          blocks: [],
        }),
      ),
    )
    renderWithClient('/reports/annual/2024')
    await screen.findByText('已定稿：周主任，2025-01-20 10:00')
    expect(screen.queryByRole('button', { name: '撤销定稿' })).toBeNull()
  })
})
