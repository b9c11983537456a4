import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig, MANAGER } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function setup(path = '/admin/templates') {
  const config = createFakeConfig()
  server.use(...config.handlers, ...createFakeDesk({ user: MANAGER }).handlers)
  return { config, app: renderWithClient(path) }
}

describe('manager: reply templates', () => {
  it('lists templates by category, general ones first', async () => {
    setup()
    expect(await screen.findByText('占道经营答复')).toBeTruthy()
    const rows = screen.getAllByRole('row').slice(1)
    expect(within(rows[0]!).getByText('通用（所有类别）')).toBeTruthy()
    expect(within(rows[0]!).getByText('通用答复')).toBeTruthy()
    expect(within(rows[1]!).getByText('城市管理')).toBeTruthy()
  })

  it('inserts placeholders at the cursor, previews them with sample values and saves', async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: '新建模板' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.type(within(dialog).getByLabelText('标题'), '噪音投诉答复')
    const body = within(dialog).getByLabelText('模板正文') as HTMLTextAreaElement
    await app.user.type(body, '您好，来件已转交。')
    // cursor after "您好" (2 characters): the name goes there, not at the end
    body.setSelectionRange(2, 2)
    await app.user.click(within(dialog).getByRole('button', { name: '插入市民姓名' }))
    expect(body.value).toBe('您好{市民姓名}，来件已转交。')
    // the cursor now sits after the inserted placeholder
    await app.user.click(within(dialog).getByRole('button', { name: '插入承办单位' }))
    expect(body.value).toBe('您好{市民姓名}{承办单位}，来件已转交。')

    expect(within(dialog).getByTestId('template-preview').textContent).toBe(
      '您好张**城市管理处，来件已转交。',
    )

    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByText('噪音投诉答复')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'POST',
      path: '/api/templates',
      body: {
        category: null,
        title: '噪音投诉答复',
        body: '您好{市民姓名}{承办单位}，来件已转交。',
        isActive: true,
      },
    })
  })

  it('warns about an unknown placeholder, refuses to save it or full-width braces, and edits a category', async () => {
    const { config, app } = setup()
    await app.user.click(await screen.findByRole('button', { name: '编辑 占道经营答复' }))
    const dialog = await screen.findByRole('dialog')
    const body = within(dialog).getByLabelText('模板正文')
    const writes = config.state.writes.length
    await app.user.type(body, '{{电话}')
    expect(await within(dialog).findByText('无法识别的占位符：{电话}')).toBeTruthy()
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(
      await within(dialog).findByText(
        '无法识别的占位符 {电话}，可用的占位符：{市民姓名}、{来件日期}、{工单编号}、{承办单位}',
      ),
    ).toBeTruthy()
    await app.user.clear(body)
    await app.user.type(body, '｛市民姓名｝您好')
    expect(
      await within(dialog).findByText('请用半角花括号：｛市民姓名｝ → {市民姓名}'),
    ).toBeTruthy()
    expect(config.state.writes).toHaveLength(writes)
    await app.user.clear(body)
    await app.user.type(body, '{{市民姓名}您好')
    const category = within(dialog).getByLabelText('类别')
    await app.user.clear(category)
    await app.user.type(category, '环境保护')
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByText('环境保护')).toBeTruthy()
    expect(config.state.writes.at(-1)).toMatchObject({
      method: 'PATCH',
      path: '/api/templates/1',
      body: { category: '环境保护', body: '{市民姓名}您好' },
    })
  })

  it('tells a manager who opens an admin-only page that it needs an administrator', async () => {
    const { app } = setup('/admin/calendar')
    expect(await screen.findByRole('heading', { name: '无权访问此页面' })).toBeTruthy()
    expect(screen.getByText(/需要“管理员”或更高的角色，您当前的角色是“负责人”/)).toBeTruthy()
    expect(app.location()).toBe('/admin/calendar')
  })
})
