import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk } from '../../../testing/fake-desk.ts'
import { createFakeConfig } from '../../../testing/fake-config.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient, type RenderedApp } from '../../../testing/render.tsx'

function setup() {
  const config = createFakeConfig()
  server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
  return { config, app: renderWithClient('/admin/deadlines') }
}

/** Opens the new-policy dialog once the list is there. */
async function openCreate(app: RenderedApp) {
  await screen.findByText('12345热线工作规范：咨询类3个工作日')
  await app.user.click(screen.getByRole('button', { name: '新建办理时限' }))
  return screen.findByRole('dialog')
}

async function choose(app: RenderedApp, dialog: HTMLElement, field: string, option: string) {
  await app.user.click(within(dialog).getByRole('combobox', { name: field }))
  await app.user.click(await screen.findByTitle(option))
}

async function fill(app: RenderedApp, dialog: HTMLElement, field: string, text: string) {
  const input = within(dialog).getByLabelText(field)
  await app.user.clear(input)
  if (text) await app.user.type(input, text)
}

const save = (app: RenderedApp, dialog: HTMLElement) =>
  app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))

/** The form's field labels, in order. */
const labels = (dialog: HTMLElement) =>
  Array.from(dialog.querySelectorAll('label')).map((l) => l.textContent)

describe('admin: deadline policies', () => {
  it('lists each policy with rule, start, due-by time, extension and source, and edits one', async () => {
    const config = createFakeConfig()
    server.use(...config.handlers, ...createFakeDesk({ user: ADMIN }).handlers)
    const app = renderWithClient('/admin/deadlines')

    const hotline = (await screen.findByText('12345热线工作规范：咨询类3个工作日')).closest('tr')!
    expect(within(hotline).getByText('12345网络问政')).toBeTruthy()
    expect(within(hotline).getByText('咨询')).toBeTruthy()
    expect(within(hotline).getAllByText('3 个工作日')).toHaveLength(2) // rule and extension
    expect(within(hotline).getByText('自收件后下一个工作日起')).toBeTruthy()
    expect(within(hotline).getByText('17:00')).toBeTruthy()

    const disclosure = screen
      .getByText('《中华人民共和国政府信息公开条例》第三十三条')
      .closest('tr')!
    expect(within(disclosure).getByText('依申请公开')).toBeTruthy()
    expect(within(disclosure).getByText('2019-05-15 起')).toBeTruthy()
    expect(within(disclosure).getByText('当日 24 时')).toBeTruthy()

    await app.user.click(within(hotline).getByRole('button', { name: '编辑 #1' }))
    const dialog = await screen.findByRole('dialog')
    const amount = within(dialog).getByLabelText('数量')
    await app.user.clear(amount)
    await app.user.type(amount, '5')
    const endOfDay = within(dialog).getByLabelText('截止时刻')
    await app.user.clear(endOfDay)
    await app.user.click(within(dialog).getByRole('button', { name: /保\s*存/ }))

    expect(await within(hotline).findByText('5 个工作日')).toBeTruthy()
    expect(config.state.writes.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/deadlines/policies/1',
      body: {
        rule: 'working_days',
        amount: 5,
        start: 'next_working_day',
        endOfDay: null,
        extensionAmount: 3,
        source: '12345热线工作规范：咨询类3个工作日',
      },
    })
  })

  it('creates a disclosure policy for one channel: sends the checked policy and the new row is listed', async () => {
    const { config, app } = setup()
    const dialog = await openCreate(app)
    await choose(app, dialog, '类型', '依申请公开')
    await choose(app, dialog, '渠道', '民心网联网平台')
    await fill(app, dialog, '类别', ' 政府信息公开 ')
    await fill(app, dialog, '适用起始日期', '2025-01-01')
    await fill(app, dialog, '数量', '20')
    await fill(app, dialog, '延期可增加', '20')
    await fill(
      app,
      dialog,
      '依据',
      '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条（民心网）',
    )
    await save(app, dialog)

    const row = (
      await screen.findByText(
        '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条（民心网）',
      )
    ).closest('tr')!
    expect(within(row).getByText('民心网联网平台')).toBeTruthy()
    expect(within(row).getByText('政府信息公开')).toBeTruthy()
    expect(within(row).getByText('2025-01-01 起')).toBeTruthy()
    expect(within(row).getAllByText('20 个工作日')).toHaveLength(2) // rule and extension
    expect(config.state.writes.at(-1)).toEqual({
      method: 'POST',
      path: '/api/deadlines/policies',
      body: {
        kind: 'disclosure',
        channelCode: 'minxin',
        category: '政府信息公开',
        validFrom: '2025-01-01',
        validUntil: null,
        rule: 'working_days',
        amount: 20,
        start: 'next_working_day',
        endOfDay: '17:00',
        extensionAmount: 20,
        source: '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条（民心网）',
      },
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('checks a new policy with the domain schema before sending, and refuses a scope that exists', async () => {
    const { config, app } = setup()
    const dialog = await openCreate(app)
    await fill(app, dialog, '截止时刻', '25:00')
    await fill(app, dialog, '适用截止日期（不含）', '2025-13-01')
    await save(app, dialog)
    expect(
      await within(dialog).findByText('时刻格式为 HH:MM，如 17:00；按小时计的规则不设截止时刻'),
    ).toBeTruthy()
    expect(within(dialog).getByText('日期格式为 YYYY-MM-DD')).toBeTruthy()
    expect(within(dialog).getByText('请填写依据')).toBeTruthy()

    // a same-day rule has no amount field; the scope (12345, 咨询, any receipt date) is policy #1's
    await fill(app, dialog, '截止时刻', '')
    await fill(app, dialog, '适用截止日期（不含）', '')
    await choose(app, dialog, '渠道', '12345网络问政')
    await fill(app, dialog, '类别', '咨询')
    await choose(app, dialog, '规则', '当日')
    expect(within(dialog).queryByLabelText('数量')).toBeNull()
    await fill(app, dialog, '依据', '本局规定')
    await save(app, dialog)
    expect(
      await within(dialog).findByText(
        '已有办理时限（#1）在重叠的有效期内适用于同样的来信，新增的一条在重叠期内不会生效；请编辑 #1 或调整有效期。',
      ),
    ).toBeTruthy()
    expect(config.state.writes).toEqual([])
  })

  it("shows the API's 422 on its field and a 409 as a conflict", async () => {
    const { config, app } = setup()
    const dialog = await openCreate(app)
    await fill(app, dialog, '类别', '求助')
    await fill(app, dialog, '依据', '本局规定')
    server.use(
      http.post('*/api/deadlines/policies', () =>
        HttpResponse.json(
          {
            error: {
              code: 'VALIDATION',
              message: 'Invalid json: category: Too big',
              details: [{ path: ['category'], message: 'Too big' }],
            },
          },
          { status: 422 },
        ),
      ),
    )
    await save(app, dialog)
    const category = within(dialog).getByLabelText('类别').closest('.ant-form-item')!
    expect(await within(category as HTMLElement).findByText('类别最多 100 字')).toBeTruthy()

    server.use(
      http.post('*/api/deadlines/policies', () =>
        HttpResponse.json(
          { error: { code: 'CONFLICT', message: 'A policy with this scope exists' } },
          { status: 409 },
        ),
      ),
    )
    await save(app, dialog)
    expect(
      await within(dialog).findByText('与已有办理时限冲突：A policy with this scope exists'),
    ).toBeTruthy()
    expect(config.state.writes).toEqual([])
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3) // the header and the two policies
  })

  it('creates and edits with the same form: the same fields, the scope fixed when editing', async () => {
    const { app } = setup()
    const create = await openCreate(app)
    const createLabels = labels(create)
    expect(within(create).getByLabelText('类别')).toHaveProperty('disabled', false)
    await app.user.click(within(create).getByRole('button', { name: /关\s*闭|Close/ }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    await app.user.click(screen.getByRole('button', { name: '编辑 #1' }))
    const edit = await screen.findByRole('dialog')
    expect(labels(edit)).toEqual(createLabels)
    expect(createLabels).toContain('依据')
    expect(within(edit).getByLabelText('类别')).toHaveProperty('disabled', true)
    expect(within(edit).getByLabelText('类别')).toHaveProperty('value', '咨询')
    expect(within(edit).getByLabelText('依据')).toHaveProperty('disabled', false)
  })
})
