import { screen, waitFor, within } from '@testing-library/react'
import { importIssue } from '@desk/domain'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { initI18n } from '../../../lib/i18n.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function setup(path: string) {
  const posted: unknown[] = []
  server.use(
    ...createFakeDesk({ user: ADMIN }).handlers,
    http.get('/api/proposals', () => HttpResponse.json({ proposals: [] })),
    http.post('/api/proposals/import', () =>
      HttpResponse.json(
        {
          error: {
            code: 'VALIDATION',
            message: 'row 2, 办理期限: not a date: 下月 (and 1 more)',
            details: [
              importIssue('not_a_date', { value: '下月' }, { row: 2, column: '办理期限' }),
              importIssue('unknown_label', { value: '牵头' }, { row: 3, column: '承办方式' }),
            ],
          },
        },
        { status: 422 },
      ),
    ),
    http.post('/api/proposals', async ({ request }) => {
      posted.push(await request.json())
      return HttpResponse.json({ id: 41 }, { status: 201 })
    }),
  )
  return { posted, app: renderWithClient(path) }
}

describe('proposals register', () => {
  it("lists a rejected assignment list's row errors in Chinese, without a toast on top", async () => {
    const { app } = setup('/proposals/2024')
    const card = await screen.findByTestId('assignment-list-import')
    const input = card.querySelector('input[type=file]') as HTMLInputElement
    await app.user.upload(input, new File(['会议,编号\n'], '交办清单.csv', { type: 'text/csv' }))
    expect(await within(card).findByText('第 2 行 · 办理期限：不是有效日期：下月')).toBeTruthy()
    expect(
      within(card).getByText('第 3 行 · 承办方式：无法识别的填写内容：牵头（请按样例表格填写）'),
    ).toBeTruthy()
    expect(screen.queryByText(/输入有误/)).toBeNull()
    expect(screen.queryByText(/not a date/)).toBeNull()
  })

  // a long flow of typing: 20 s alone, more on a loaded machine
  it(
    'registers one proposal by hand, saying its problems as the import does',
    { timeout: 90_000 },
    async () => {
      const { app, posted } = setup('/proposals/2024')
      await app.user.click(await screen.findByRole('button', { name: /登记建议提案/ }))
      await waitFor(() => expect(app.location()).toBe('/proposals/new'))
      const form = await screen.findByTestId('proposal-entry-form')
      await app.user.click(within(form).getByRole('radio', { name: '协办' }))
      await app.user.type(within(form).getByLabelText('编号'), '01/23')
      await app.user.click(within(form).getByRole('button', { name: /登\s*记/ }))
      // the domain schema's problems, in the words of the assignment list's import
      expect(
        await within(form).findByText('编号只能由数字、字母或短横线组成，例如 0123'),
      ).toBeTruthy()
      expect(within(form).getAllByText('未填写').length).toBe(4) // source, session, title, deputy
      expect(posted).toEqual([])

      await app.user.type(within(form).getByLabelText('来源'), '市政协')
      await app.user.type(within(form).getByLabelText('会议届次'), '市政协十四届二次会议')
      await app.user.clear(within(form).getByLabelText('编号'))
      await app.user.type(within(form).getByLabelText('编号'), '0042')
      await app.user.type(within(form).getByLabelText('标题'), '关于加强历史街区保护的提案')
      await app.user.type(within(form).getByLabelText('代表委员'), '李文华')
      await app.user.click(within(form).getByRole('button', { name: /登\s*记/ }))
      expect(await within(form).findByText('协办件须填写主办单位')).toBeTruthy()
      expect(posted).toEqual([])
      await app.user.type(within(form).getByLabelText('主办单位'), '市住建局')
      await app.user.click(within(form).getByRole('button', { name: /登\s*记/ }))
      await waitFor(() => expect(app.location()).toBe(`/proposals/${new Date().getFullYear()}`))
      expect(posted).toEqual([
        expect.objectContaining({
          source: '市政协',
          session: '市政协十四届二次会议',
          number: '0042',
          role: 'co',
          leadUnit: '市住建局',
          coUnits: [],
          isKey: false,
          title: '关于加强历史街区保护的提案',
          deputyName: '李文华',
        }),
      ])
    },
  )

  it('speaks English punctuation in English: "Source: All", co-units joined by commas', async () => {
    server.use(
      ...createFakeDesk({ user: ADMIN }).handlers,
      http.get('/api/proposals', () =>
        HttpResponse.json({
          proposals: [
            {
              id: 7,
              reference: '市人大 十四届二次会议 第0012号',
              source: '市人大',
              role: 'lead',
              leadUnit: null,
              coUnits: ['住建局', '规划局'],
              isKey: false,
              title: '关于加装电梯的建议',
              deputyName: '钱代表',
              status: 'pending',
              dueAt: Date.parse('2024-06-29T00:00:00+08:00'),
              overdue: false,
              answerCategory: null,
              rating: null,
            },
          ],
        }),
      ),
    )
    initI18n('en')
    renderWithClient('/proposals/2024')
    expect(await screen.findByText('Co-units: 住建局, 规划局')).toBeTruthy()
    expect(screen.getByText('Source: All')).toBeTruthy()
    expect(document.body.textContent).not.toContain('：')
  })
})
