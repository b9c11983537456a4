import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { createFakeWorkflow } from '../../../testing/fake-workflow.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'
import { describedBy } from '../../../testing/described-by.ts'

const MANAGER = { id: 3, username: 'liu', displayName: '刘科长', role: 'manager' as const }

function setup(
  overrides: Parameters<typeof makeInquiry>[0],
  options: Parameters<typeof createFakeWorkflow>[1] = {},
  user = RESPONDER,
) {
  const inquiry = makeInquiry({
    subject: '小区门口占道经营',
    status: 'assigned',
    version: 4,
    assignee: { id: 2, displayName: '张答复' },
    ...overrides,
  })
  const desk = createFakeDesk({ user, inquiries: [inquiry] })
  const flow = createFakeWorkflow(desk, options)
  server.use(...flow.handlers, ...desk.handlers)
  const app = renderWithClient(`/inquiries/${inquiry.id}`)
  return { inquiry, desk, flow, app }
}

const dialog = () => screen.getByRole('dialog')

describe('inquiry page: the responder workflow', () => {
  it('transfers to another department with a note, with the loaded version, and ends on the queue saying where it went', async () => {
    const { inquiry, flow, app } = setup({})
    await screen.findByRole('heading', { name: '小区门口占道经营' })
    await app.user.click(await screen.findByRole('button', { name: /^转\s*办$/ }))
    await app.user.click(within(dialog()).getByRole('combobox', { name: '目标处室' }))
    await app.user.click(await screen.findByTitle('交通运输处'))
    await app.user.type(within(dialog()).getByLabelText('转办说明'), '涉及道路占用，请交通处办理')
    await app.user.click(within(dialog()).getByRole('button', { name: /转\s*办/ }))

    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/transfer`,
        body: { version: 4, departmentId: 2, note: '涉及道路占用，请交通处办理' },
      }),
    )
    // out of this responder's sight now: the queue, one success message, no "not found" and no error toast
    expect(await screen.findByText('问询已转办至 交通运输处')).toBeTruthy()
    await waitFor(() => expect(app.location()).toBe('/queue'))
    expect(await screen.findByRole('heading', { name: '答复队列' })).toBeTruthy()
    expect(screen.queryByText('问询不存在')).toBeNull()
    expect(document.querySelectorAll('.ant-message-error')).toHaveLength(0)
  })

  it('does not merge a message into a disclosure request: says why and cannot be confirmed', async () => {
    const message = makeInquiry({
      id: 71,
      subject: '小区门口占道经营',
      status: 'assigned',
      version: 4,
    })
    const request = makeInquiry({ id: 72, kind: 'disclosure', subject: '立项批复公开申请' })
    const desk = createFakeDesk({ user: MANAGER, inquiries: [message, request] })
    const flow = createFakeWorkflow(desk)
    server.use(...flow.handlers, ...desk.handlers)
    const app = renderWithClient(`/inquiries/${message.id}`)
    await app.user.click(await screen.findByRole('button', { name: '合并为重复件' }))
    await app.user.type(within(dialog()).getByLabelText('主问询编号'), '72')
    expect(
      await within(dialog()).findByText(
        '只能合并到同类事项：群众留言只能并入留言，依申请公开申请和建议提案各有其法定答复。',
      ),
    ).toBeTruthy()
    expect(
      within(dialog()).getByRole<HTMLButtonElement>('button', { name: /合\s*并/ }).disabled,
    ).toBe(true)
    expect(flow.state.writes.filter((w) => w.path.endsWith('/merge'))).toEqual([])
  })

  it('returns upstream with a listed reason and free text, and ends on the queue saying so', async () => {
    const { inquiry, flow, app } = setup({})
    await app.user.click(await screen.findByRole('button', { name: /^退\s*单$/ }))
    await app.user.click(within(dialog()).getByRole('combobox', { name: '退单原因' }))
    await app.user.click(await screen.findByTitle('非本单位职责'))
    await app.user.type(within(dialog()).getByLabelText('补充说明'), '属区城管执法局职责')
    await app.user.click(within(dialog()).getByRole('button', { name: /退\s*单/ }))

    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/return`,
        body: { version: 4, reasonId: 1, note: '属区城管执法局职责' },
      }),
    )
    expect(await screen.findByText('问询已退回上级平台（非本单位职责）')).toBeTruthy()
    await waitFor(() => expect(app.location()).toBe('/queue'))
  })

  it('recategorises through a dialog with the loaded version, stays on the page and shows the change in the timeline', async () => {
    const { inquiry, flow, app } = setup({ category: '城市管理' })
    await app.user.click(await screen.findByRole('button', { name: /^改分类$/ }))
    const box = within(dialog()).getByRole('combobox', { name: '分类' })
    await app.user.clear(box)
    await app.user.type(box, '占道经营')
    await app.user.click(within(dialog()).getByRole('button', { name: /保存分类/ }))

    await waitFor(() =>
      expect(flow.state.writes.filter((w) => w.path.endsWith('/recategorise'))).toEqual([
        {
          path: `/api/inquiries/${inquiry.id}/recategorise`,
          body: { version: 4, category: '占道经营' },
        },
      ]),
    )
    expect(await screen.findByText('分类 城市管理 → 占道经营')).toBeTruthy()
    expect(app.location()).toBe(`/inquiries/${inquiry.id}`)
  })

  it('offers no recategorise once replied (the lifecycle allows it only while open)', async () => {
    setup({ status: 'replied' })
    await screen.findByRole('heading', { name: '小区门口占道经营' })
    await screen.findByRole('button', { name: /^办\s*结$/ })
    expect(screen.queryByRole('button', { name: /^改分类$/ })).toBeNull()
  })

  it("disables what the lifecycle refuses: another responder's claimed inquiry", async () => {
    const { app } = setup({ assignee: { id: 9, displayName: '王五' } })
    const transfer = await screen.findByRole<HTMLButtonElement>('button', { name: /^转\s*办$/ })
    expect(transfer.disabled).toBe(true)
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /^退\s*单$/ }).disabled).toBe(true)
    // claiming is refused too (someone holds it); a note is anyone's to add
    const claim = screen.getByRole<HTMLButtonElement>('button', { name: /^签\s*收$/ })
    expect(claim.disabled).toBe(true)
    // each refusal said once under the row, naming the buttons it stops, and read out with each
    const held = '此问询已由 王五 签收，只有签收人或负责人可以办理。'
    await waitFor(() => expect(describedBy(transfer)).toBe(held))
    expect(describedBy(screen.getByRole('button', { name: /^退\s*单$/ }))).toBe(held)
    expect(describedBy(claim)).toBe('此问询已被 王五 签收。')
    const card = transfer.closest<HTMLElement>('.ant-card')!
    expect(within(card).getByText(held).parentElement?.textContent).toBe(
      `转办、改分类、退单：${held}`,
    )
    await app.user.type(screen.getByLabelText('内部备注内容'), '请王五跟进')
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '添加备注' }).disabled).toBe(false)
  })

  it('adds an internal note that shows as internal, apart from the replies', async () => {
    const { inquiry, flow, app } = setup({})
    await app.user.type(
      await screen.findByLabelText('内部备注内容'),
      '市民情绪激动，回复时注意措辞',
    )
    await app.user.click(screen.getByRole('button', { name: '添加备注' }))

    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/notes`,
        body: { version: 4, text: '市民情绪激动，回复时注意措辞' },
      }),
    )
    const note = (
      await screen.findByText('市民情绪激动，回复时注意措辞', { selector: '.ant-typography' })
    ).closest('[data-internal-note]')
    // an icon, not the 🔒 emoji that renders as a box without an emoji font
    expect(note?.querySelector('.anticon-lock')).not.toBeNull()
    expect(note?.textContent).not.toContain('🔒')
    expect(note).not.toBeNull()
    expect(within(note as HTMLElement).getByText(/内部备注（不发送给来信人）/)).toBeTruthy()
    // nothing was sent to the citizen
    expect(
      flow.state.writes.some((w) => w.path.endsWith('/replies') || w.path.endsWith('/drafts')),
    ).toBe(false)
    expect(screen.queryByText(/的答复$/)).toBeNull()
  })

  it('adds a note once for a double click, and resends it with the same Idempotency-Key after a network error', async () => {
    const { inquiry, flow, app } = setup({})
    const failedKeys: string[] = []
    server.use(
      http.post(
        '*/api/inquiries/:id/notes',
        async ({ request }) => {
          failedKeys.push(request.headers.get('idempotency-key') ?? '')
          await delay(50)
          return HttpResponse.error()
        },
        { once: true },
      ),
    )
    await app.user.type(await screen.findByLabelText('内部备注内容'), '已电话联系')
    await app.user.dblClick(screen.getByRole('button', { name: '添加备注' }))
    await screen.findByRole('alert')
    await waitFor(() => expect(document.querySelector('.ant-btn-loading')).toBeNull())
    expect(failedKeys).toHaveLength(1)
    expect(failedKeys[0]).toMatch(/^[0-9a-f]{32}$/)
    const notes = () => flow.state.writes.filter((w) => w.path.endsWith('/notes'))
    expect(notes()).toHaveLength(0)

    // antd leaves its loading icon (named "loading") in the button until a CSS motion ends
    await app.user.click(screen.getByRole('button', { name: /添加备注$/ }))
    await screen.findByText('已电话联系', { selector: '.ant-typography' })
    expect(notes()).toEqual([
      { path: `/api/inquiries/${inquiry.id}/notes`, body: { version: 4, text: '已电话联系' } },
    ])
    expect(flow.state.keys.map((k) => k.key)).toEqual(failedKeys)
  })

  it('inserts a template with its placeholders, previews them marked, and sends only when each can be filled', async () => {
    const { inquiry, desk, flow, app } = setup({ citizenName: '李*' })
    const box = await screen.findByLabelText<HTMLTextAreaElement>('答复内容')
    await app.user.type(box, '尊敬的市民：')
    await app.user.click(screen.getByRole('combobox', { name: '插入答复模板' }))
    await app.user.click(await screen.findByTitle('占道经营答复'))

    // the citizen's name stays a placeholder (the API fills it from the unmasked record when it sends)
    await waitFor(() =>
      expect(box.value).toBe(
        '尊敬的市民：{市民姓名}您好：您2024年9月27日反映的问题已交{承办单位}办理。',
      ),
    )
    expect(flow.state.writes.find((w) => w.path === '/api/templates')?.body).toEqual({
      category: '城市管理',
    })
    // the preview marks what each becomes; the inquiry has no department, so {承办单位} blocks sending
    expect(screen.getByTestId('reply-preview').textContent).toBe(
      '尊敬的市民：李*您好：您2024年9月27日反映的问题已交{承办单位}办理。',
    )
    expect(screen.getByText('李*', { selector: 'mark' })).toBeTruthy()
    const warning = '以下占位符无法填写，请改为实际内容后再发送：{承办单位}'
    expect(screen.getByText(warning)).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '发送答复' }).disabled).toBe(true)

    await app.user.clear(box)
    await app.user.type(box, '{{市民姓名}您好：已交城市管理处办理。')
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: '发送答复' }).disabled).toBe(
        false,
      ),
    )
    expect(screen.queryByText(warning)).toBeNull()
    await app.user.click(screen.getByRole('button', { name: '发送答复' }))
    await waitFor(() => expect(box.value).toBe(''))
    expect(screen.queryByTestId('reply-preview')).toBeNull()
    expect(desk.state.writes.at(-1)).toMatchObject({
      path: `/api/inquiries/${inquiry.id}/replies`,
      body: { version: 4, body: '{市民姓名}您好：已交城市管理处办理。' },
    })
  })

  it('sends braces around a name that is no placeholder as typed, without a warning', async () => {
    const { inquiry, desk, app } = setup({ citizenName: '李*' })
    const box = await screen.findByLabelText<HTMLTextAreaElement>('答复内容')
    await app.user.type(box, '公式 {{x} 与 ｛y｝，请见{{附件1}')
    // no placeholder in it: nothing to preview, nothing to fill
    expect(screen.queryByTestId('reply-preview')).toBeNull()
    expect(screen.queryByText(/以下占位符无法填写/)).toBeNull()
    const send = screen.getByRole<HTMLButtonElement>('button', { name: '发送答复' })
    await waitFor(() => expect(send.disabled).toBe(false))
    await app.user.click(send)
    await waitFor(() => expect(box.value).toBe(''))
    expect(desk.state.writes.at(-1)).toMatchObject({
      path: `/api/inquiries/${inquiry.id}/replies`,
      body: { version: 4, body: '公式 {x} 与 ｛y｝，请见{附件1}' },
    })
  })

  it('on a sign-off channel submits a draft instead of replying', async () => {
    const { inquiry, flow, app } = setup({}, { requiresSignOff: true })
    expect(await screen.findByText('需审核')).toBeTruthy()
    await app.user.type(screen.getByLabelText('答复内容'), '您反映的问题已处理。')
    await app.user.click(screen.getByRole('button', { name: '提交审核' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/drafts`,
        body: { version: 4, body: '您反映的问题已处理。' },
      }),
    )
    // listed as version 1, awaiting sign-off (and named in the timeline's draft_submitted event)
    expect((await screen.findAllByText('第 1 稿')).length).toBe(2)
    expect(screen.getByText('待审核')).toBeTruthy()
    // a responder cannot approve
    expect(screen.queryByRole('button', { name: '审核通过' })).toBeNull()
  })

  it('on a sign-off channel uploads the files dropped on the reply box and submits them with the draft', async () => {
    const { inquiry, flow, app } = setup({}, { requiresSignOff: true })
    expect(await screen.findByText('需审核')).toBeTruthy()
    await app.user.type(screen.getByLabelText('答复内容'), '已处理，详见答复意见书。')
    // the reply box's drop zone (the files card has its own)
    const zone = within(document.querySelector<HTMLElement>('[data-reply-files]')!).getByText(
      '拖放文件到这里，或点击选择',
    )
    fireEvent.drop(zone, {
      dataTransfer: {
        files: [new File(['%PDF-1.4'], '答复意见书.pdf', { type: 'application/pdf' })],
        items: [],
        types: ['Files'],
      },
    })
    await screen.findByText('答复意见书.pdf')
    await app.user.click(screen.getByRole('button', { name: '提交审核' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/drafts`,
        body: {
          version: 4,
          body: '已处理，详见答复意见书。',
          attachments: [{ token: flow.state.uploads[0]!.token }],
        },
      }),
    )
    expect(flow.state.uploads.map((u) => u.name)).toEqual(['答复意见书.pdf'])
    // the draft lists its file (a PDF opens in a new tab)
    const listed = await screen.findByRole('link', { name: /答复意见书\.pdf/ })
    expect(listed.getAttribute('href')).toBe('/api/attachments/500')
    expect(listed.getAttribute('target')).toBe('_blank')
  })

  it('lets a manager send a draft back with a comment, then approve the next version; the reply names who approved it', async () => {
    const draft = (id: number, number: number, status: string, body: string) => ({
      id,
      number,
      body,
      status,
      author: '张答复',
      at: '2024-09-28T09:00:00.000+08:00',
      reviewer: null,
      reviewedAt: null,
      reviewComment: null,
      replyId: null,
      attachments:
        number === 1
          ? [
              {
                id: 61,
                name: '现场整改照片.jpg',
                type: 'image/jpeg',
                size: 2048,
                url: '/api/attachments/61',
                source: 'staff',
              },
            ]
          : [],
    })
    const { inquiry, flow, app } = setup(
      {},
      { requiresSignOff: true, drafts: [draft(101, 1, 'submitted', '已处理。')] },
      MANAGER,
    )
    // the manager sees the draft's file before deciding
    const photo = await screen.findByRole('link', { name: /现场整改照片\.jpg/ })
    expect(photo.getAttribute('href')).toBe('/api/attachments/61')
    expect(photo.hasAttribute('download')).toBe(true)
    await app.user.type(await screen.findByLabelText('退回意见'), '请写明处理结果和时间')
    await app.user.click(screen.getByRole('button', { name: '退回修改' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/drafts/101/send-back`,
        body: { version: 4, comment: '请写明处理结果和时间' },
      }),
    )
    expect(
      await screen.findByText(/刘科长 于 2024-09-28 11:00 退回修改：请写明处理结果和时间/),
    ).toBeTruthy()

    flow.state.drafts.push(draft(102, 2, 'submitted', '已于9月28日清理占道摊点。'))
    await app.user.type(screen.getByLabelText('内部备注内容'), '已督促')
    await app.user.click(screen.getByRole('button', { name: '添加备注' })) // any action reloads the workflow view
    await app.user.click(await screen.findByRole('button', { name: '审核通过' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/drafts/102/approve`,
        body: { version: 6 },
      }),
    )
    expect(await screen.findByText('审核人：刘科长')).toBeTruthy()
    const versions = screen.getAllByText(/^第 \d 稿$/).map((e) => e.textContent)
    expect(versions.slice(0, 2)).toEqual(['第 2 稿', '第 1 稿'])
  })

  it('records an unsatisfied follow-up that reopens the inquiry for re-handling', async () => {
    const { inquiry, flow, app } = setup({ status: 'replied' })
    await app.user.click(await screen.findByRole('radio', { name: '不满意' }))
    await app.user.type(screen.getByLabelText('回访记录'), '摊点仍在')
    await app.user.click(screen.getByRole('checkbox', { name: '重新打开，重新办理（重办）' }))
    await app.user.click(screen.getByRole('button', { name: '记录回访' }))

    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/follow-ups`,
        body: { version: 4, outcome: 'unsatisfied', note: '摊点仍在', reopen: true },
      }),
    )
    expect(await screen.findByText(/· 重办$/)).toBeTruthy()
    expect(screen.getAllByText('办理中').length).toBeGreaterThan(0)
    expect(screen.getByText(/不满意 · 摊点仍在 · 已重办/)).toBeTruthy()
  })

  it('a decided disclosure request has neither the reply box nor the 回访 card', async () => {
    server.use(
      http.get('*/api/disclosure/requests/:id', () =>
        HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'not here' } }, { status: 404 }),
      ),
    )
    setup({ subject: '申请公开规划许可', status: 'replied', kind: 'disclosure' })
    await screen.findByRole('heading', { name: '申请公开规划许可' })
    expect(screen.queryByRole('button', { name: '记录回访' })).toBeNull()
    expect(screen.queryByLabelText('答复内容')).toBeNull()
  })

  it('an open disclosure request has no reply box either: it is answered by deciding its outcome', async () => {
    server.use(
      http.get('*/api/disclosure/requests/:id', () =>
        HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'not here' } }, { status: 404 }),
      ),
    )
    setup({ subject: '申请公开规划许可', status: 'assigned', kind: 'disclosure' })
    // the deadline card's sentence on the clock steps shows, so the page's 办理 parts are there
    expect(await screen.findByTestId('clock-step-refusal')).toBeTruthy()
    expect(screen.queryByLabelText('答复内容')).toBeNull()
  })

  it("keeps the reply box's send buttons disabled, saying who holds it, on another responder's claimed inquiry", async () => {
    const { app } = setup({ assignee: { id: 9, displayName: '王五' } })
    await app.user.type(await screen.findByLabelText('答复内容'), '您反映的问题已处理。')
    for (const name of ['发送答复', '发送并处理下一件']) {
      const button = screen.getByRole<HTMLButtonElement>('button', { name })
      expect(button.disabled).toBe(true)
      expect(describedBy(button)).toBe('此问询已由 王五 签收，只有签收人或负责人可以办理。')
    }
    expect(
      screen.getAllByText('此问询已由 王五 签收，只有签收人或负责人可以办理。').length,
    ).toBeGreaterThan(0)
  })

  it('offers neither 暂停计时 nor 申请延期 on a disclosure request: its 补正, 征求意见 and 延期 are its clock steps, said once', async () => {
    server.use(
      http.get('*/api/disclosure/requests/:id', () =>
        HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'not here' } }, { status: 404 }),
      ),
    )
    setup({
      subject: '申请公开规划许可',
      kind: 'disclosure',
      assignee: { id: 9, displayName: '王五' },
    })
    const said = await screen.findByTestId('clock-step-refusal')
    expect(said.textContent).toBe(
      '依申请公开申请的补正（条例第三十条）、征求意见（第三十二条）和延期答复（第三十三条，经政府信息公开工作机构负责人同意）是其法定期限的办理环节，在“依申请公开”卡片中登记为“告知补正”“收到补正”“开始征求意见”“征求意见结束”“延期答复（经批准）”，不在此暂停计时或申请延期。',
    )
    expect(screen.queryByRole('button', { name: '暂停计时' })).toBeNull()
    expect(screen.queryByRole('button', { name: '恢复计时' })).toBeNull()
    expect(screen.queryByRole('button', { name: '申请延期' })).toBeNull()
  })

  it('a replied message offers the 回访 card', async () => {
    setup({ subject: '占道经营', status: 'replied' })
    expect(await screen.findByRole('button', { name: '记录回访' })).toBeTruthy()
  })

  it('shows a failed delivery with its error and retries it; a channel without webhook gets the posted checkbox', async () => {
    const reply = {
      id: 1,
      body: '已处理。',
      origin: 'desk',
      author: '张答复',
      at: '2024-09-28T10:00:00.000+08:00',
      approvedBy: null,
      postedAt: null,
    }
    const failed = {
      id: 9,
      inquiryId: 0,
      replyId: 1,
      channel: 'hotline_12345',
      status: 'failed',
      attempts: 8,
      lastError: 'HTTP 503',
      lastAttemptAt: null,
      nextAttemptAt: null,
      deliveredAt: null,
    }
    const { inquiry, flow, app } = setup(
      { status: 'replied', replies: [reply] as never },
      { hasWebhook: true, deliveries: [failed] },
    )
    expect(await screen.findByText('推送失败')).toBeTruthy()
    expect(screen.getByText('HTTP 503')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: '重新推送' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)?.path).toBe(
        `/api/inquiries/${inquiry.id}/deliveries/9/retry`,
      ),
    )
    expect(await screen.findByText('已送达渠道')).toBeTruthy()
  })

  it('marks a reply posted on a platform without webhook, on the chosen date', async () => {
    const reply = {
      id: 1,
      body: '已处理。',
      origin: 'desk',
      author: '张答复',
      at: '2024-09-28T10:00:00.000+08:00',
      approvedBy: null,
      postedAt: null,
    }
    const { inquiry, flow, app } = setup({
      status: 'replied',
      channel: 'minxin',
      replies: [reply] as never,
    })
    const date = await screen.findByLabelText<HTMLInputElement>('发布日期')
    // antd's picker (YYYY-MM-DD, not the browser's mm/dd/yyyy) takes a typed date on Enter
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await app.user.clear(date)
    await app.user.type(date, '2024-09-29{Enter}')
    await app.user.click(screen.getByRole('checkbox', { name: '已在平台发布' }))
    await waitFor(() =>
      expect(flow.state.writes.at(-1)).toEqual({
        path: `/api/inquiries/${inquiry.id}/replies/1/posted`,
        body: { postedOn: '2024-09-29' },
      }),
    )
    // the reply's tag and the timeline's posted event
    expect((await screen.findAllByText('2024-09-29 已在平台发布')).length).toBe(2)
    expect(screen.queryByRole('checkbox', { name: '已在平台发布' })).toBeNull()
  })
})
