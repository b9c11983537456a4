import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ADMIN, createFakeDesk, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const HEADERS = ['Unique Key', 'Created Date', 'Complaint Type', 'Descriptor']

function job(over: Record<string, unknown>) {
  return {
    id: 7,
    kind: 'import',
    status: 'running',
    channelCode: 'minxin',
    fileName: 'nyc.csv',
    format: 'csv',
    encoding: 'utf-8',
    sheet: null,
    preset: null,
    createdAt: 0,
    createdBy: 2,
    createdByName: '张答复',
    phase: 'write',
    rowsDone: 0,
    rowsTotal: 3,
    created: 0,
    duplicates: 0,
    skipped: 0,
    errorCount: 0,
    errors: [],
    failure: null,
    finishedAt: null,
    undoneAt: null,
    undoneByName: null,
    ...over,
  }
}

/** The wizard's API: one upload, a preview (a built-in layout named, its columns not mapped), a dry run, an import seen in three polls. */
function wizardApi() {
  const bodies: { path: string; body: unknown }[] = []
  const polls: Record<number, Record<string, unknown>[]> = {
    6: [
      job({ id: 6, kind: 'dry_run', phase: 'validate', rowsDone: 2, rowsTotal: 3 }),
      job({
        id: 6,
        kind: 'dry_run',
        status: 'checked',
        created: 2,
        duplicates: 0,
        skipped: 1,
        errorCount: 1,
        errors: [
          {
            row: 4,
            column: 'Created Date',
            value: 'yesterday',
            code: 'unreadable_time',
            params: { value: 'yesterday' },
            reason: 'unreadable time "yesterday"',
          },
        ],
      }),
    ],
    7: [
      job({ phase: 'read', rowsDone: 3, rowsTotal: 0 }),
      job({ rowsDone: 1 }),
      job({ rowsDone: 2 }),
      job({ status: 'written', rowsDone: 3, created: 2, duplicates: 1 }),
    ],
  }
  server.use(...createFakeDesk({ user: RESPONDER }).handlers)
  server.use(
    http.post('*/api/imports/uploads', async ({ request }) => {
      const url = new URL(request.url)
      bodies.push({
        path: 'upload',
        body: { name: url.searchParams.get('name'), text: await request.text() },
      })
      return HttpResponse.json(
        { upload: { id: 'up1234567890', fileName: 'nyc.csv', size: 40 } },
        { status: 201 },
      )
    }),
    http.post('*/api/imports/uploads/:id/preview', async ({ request }) => {
      bodies.push({ path: 'preview', body: await request.json() })
      return HttpResponse.json({
        upload: { id: 'up1234567890', fileName: 'nyc.csv', size: 40 },
        presets: [{ name: 'teddy-cup', kind: 'builtin' }],
        preview: {
          format: 'csv',
          encoding: 'utf-8',
          // a title row and an 导出时间 row above the headers were passed over
          headerRow: 3,
          headers: HEADERS,
          totalRows: 3,
          mapping: {},
          preset: 'teddy-cup',
          mappingIssues: [{ row: 1, reason: 'no column is mapped to externalId' }],
          rows: [{ row: 2, cells: ['42', '03/14/2011 03:59:20 PM', 'Noise', 'Loud music'] }],
          ambiguousDates: [],
        },
      })
    }),
    http.post('*/api/imports/presets', async ({ request }) => {
      bodies.push({ path: 'preset', body: await request.json() })
      return HttpResponse.json(
        { preset: { id: 1, channelCode: 'minxin', name: 'NYC', columns: {} } },
        { status: 201 },
      )
    }),
    http.post('*/api/imports', async ({ request }) => {
      const body = (await request.json()) as { kind: string }
      bodies.push({ path: 'job', body })
      return HttpResponse.json(
        { job: job({ id: body.kind === 'dry_run' ? 6 : 7, kind: body.kind, status: 'queued' }) },
        { status: 202 },
      )
    }),
    http.get('*/api/imports/:id', ({ params }) => {
      const queue = polls[Number(params.id)] ?? []
      const next = queue.length > 1 ? queue.shift() : queue[0]
      return HttpResponse.json({ job: next })
    }),
  )
  return bodies
}

async function pick(app: ReturnType<typeof renderWithClient>, label: string, option: string) {
  await app.user.click(await screen.findByRole('combobox', { name: label }))
  const options = await screen.findAllByTitle(option)
  await app.user.click(options[options.length - 1] as HTMLElement)
}

describe('/imports/new', () => {
  it('uploads, maps each header, saves the mapping, dry-runs and imports with progress to the summary', async () => {
    const bodies = wizardApi()
    const app = renderWithClient('/imports/new')
    expect(
      await screen.findByText('文件不超过 50 MB（CSV 可为 UTF-8、GBK 或 GB18030 编码）'),
    ).toBeTruthy()
    expect(
      screen.getByText(
        'XLSX 解压后不超过 256 MB；每个文件最多 200,000 行数据、4,000,000 个非空单元格，每格不超过 32,767 个字符',
      ),
    ).toBeTruthy()
    await pick(app, '渠道', '民心网联网平台')
    const input = app.container.querySelector('input[type=file]') as HTMLInputElement
    await app.user.upload(
      input,
      new File(['Unique Key,Created Date\n42,x'], 'nyc.csv', { type: 'text/csv' }),
    )

    expect(await screen.findByText('编码：utf-8')).toBeTruthy()
    expect(screen.getByText('Loud music')).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('表头所在行').value).toBe('3')
    // the detected layout by its name, not its code
    expect(screen.getByText('已识别格式：问政留言板导出（泰迪杯数据格式）')).toBeTruthy()
    expect(screen.getByText('还需要映射：外部编号、标题、内容、接收时间')).toBeTruthy()
    expect(bodies.slice(0, 2)).toEqual([
      { path: 'upload', body: { name: 'nyc.csv', text: 'Unique Key,Created Date\n42,x' } },
      { path: 'preview', body: { channel: 'minxin' } },
    ])
    const importButton = screen.getByRole('button', { name: '开始导入' }) as HTMLButtonElement
    expect(importButton.disabled).toBe(true)

    await pick(app, '“Unique Key”列导入为', '外部编号')
    await pick(app, '“Created Date”列导入为', '接收时间')
    await pick(app, '“Complaint Type”列导入为', '标题')
    await pick(app, '“Descriptor”列导入为', '内容')
    expect(screen.queryByText(/还需要映射/)).toBeNull()

    await app.user.type(screen.getByLabelText('映射名称'), 'NYC')
    await app.user.click(screen.getByRole('button', { name: '保存为本渠道的映射' }))
    expect(await screen.findByText('已保存映射“NYC”，下次表头相同时自动使用')).toBeTruthy()
    expect(bodies.find((b) => b.path === 'preset')?.body).toEqual({
      channel: 'minxin',
      name: 'NYC',
      headers: HEADERS,
      columns: {
        'Unique Key': 'externalId',
        'Created Date': 'receivedAt',
        'Complaint Type': 'subject',
        Descriptor: 'body',
      },
    })

    // the zone is chosen from a list, Beijing time first and named
    const tz = screen.getByRole('combobox', { name: '无时区时间按' })
    expect(
      within(tz.closest('.ant-select') as HTMLElement).getByText('Asia/Shanghai（北京时间）'),
    ).toBeTruthy()
    await app.user.type(tz, 'New_York')
    await app.user.click(await screen.findByTitle('America/New_York'))
    await app.user.click(screen.getByRole('button', { name: '试运行（不写入）' }))
    // a dry run shows its check with real counts, and has no write step
    expect(await screen.findByText('正在检查：2 / 3 行')).toBeTruthy()
    expect(screen.queryByText('写入')).toBeNull()
    expect(await screen.findByText('试运行结果（未写入）', {}, { timeout: 4000 })).toBeTruthy()
    expect(screen.getByTestId('count-created').textContent).toBe('2')
    expect(screen.getByTestId('count-invalid').textContent).toBe('1')
    expect(screen.getByText('yesterday')).toBeTruthy()
    // the reason in Chinese, from its code, not the server's English
    expect(screen.getByText('无法识别的时间：yesterday')).toBeTruthy()
    expect(screen.queryByText(/unreadable time/)).toBeNull()
    expect(screen.getByRole('link', { name: '下载问题行 CSV' }).getAttribute('href')).toMatch(
      /\/api\/imports\/6\/errors\.csv$/,
    )

    await app.user.click(importButton)
    expect(await screen.findByText('正在读取：已读 3 行')).toBeTruthy()
    expect(screen.getByText('写入')).toBeTruthy()
    expect(await screen.findByText(/正在写入：[12] \/ 3 行/)).toBeTruthy()
    expect(screen.getByRole('progressbar')).toBeTruthy()
    expect(await screen.findByText('导入结果', {}, { timeout: 4000 })).toBeTruthy()
    expect(screen.getByTestId('count-created').textContent).toBe('2')
    expect(screen.getByTestId('count-duplicates').textContent).toBe('1')
    expect(bodies.filter((b) => b.path === 'job').map((b) => b.body)).toEqual(
      ['dry_run', 'import'].map((kind) => ({
        kind,
        uploadId: 'up1234567890',
        channel: 'minxin',
        // the run reads the header row the preview showed
        headerRow: 3,
        preset: null,
        map: [
          'Unique Key=externalId',
          'Created Date=receivedAt',
          'Complaint Type=subject',
          'Descriptor=body',
        ],
        tz: 'America/New_York',
      })),
    )
  }, 120_000)

  it('offers only channels that take messages: not the proposals or disclosure channel', async () => {
    const desk = createFakeDesk({ user: RESPONDER })
    desk.state.channels.push(
      { ...desk.state.channels[1]!, code: 'proposals', nameZh: '建议提案' },
      { ...desk.state.channels[1]!, code: 'ogi_request', nameZh: '政府信息公开申请' },
    )
    server.use(...desk.handlers)
    const app = renderWithClient('/imports/new')
    await app.user.click(await screen.findByRole('combobox', { name: '渠道' }))
    expect(await screen.findAllByTitle('民心网联网平台')).not.toHaveLength(0)
    expect(screen.queryByTitle('建议提案')).toBeNull()
    expect(screen.queryByTitle('政府信息公开申请')).toBeNull()
  })

  it('says a file over 50 MB is too big without uploading it', async () => {
    const bodies = wizardApi()
    const app = renderWithClient('/imports/new')
    await pick(app, '渠道', '民心网联网平台')
    const big = new File(['x'], 'big.csv', { type: 'text/csv' })
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 })
    await app.user.upload(app.container.querySelector('input[type=file]') as HTMLInputElement, big)
    expect(await screen.findByText('文件大小 60.0 MB，超过 50 MB 的上限，未上传')).toBeTruthy()
    expect(bodies).toEqual([])
  })
})

describe('/imports/new: several files, dates that read two ways, another try', () => {
  it('refuses several files at once before uploading any, saying one file at a time', async () => {
    const bodies = wizardApi()
    const app = renderWithClient('/imports/new')
    expect(
      await screen.findByText(
        '把一个 CSV 或 XLSX 文件拖到这里，或点击选择文件（每次导入一个文件）',
      ),
    ).toBeTruthy()
    await pick(app, '渠道', '民心网联网平台')
    const input = app.container.querySelector('input[type=file]') as HTMLInputElement
    await app.user.upload(input, [
      new File(['a'], 'a.csv', { type: 'text/csv' }),
      new File(['b'], 'b.xlsx', { type: 'text/csv' }),
    ])
    expect(
      await screen.findByText(
        '一次只能导入一个文件，您选择了 2 个（a.csv、b.xlsx），均未上传。请逐个导入：每个文件上传一次、导入一次。',
      ),
    ).toBeTruthy()
    expect(bodies).toEqual([])
    // one file after that is taken as before (antd renders a new input after each choice)
    await app.user.upload(
      app.container.querySelector('input[type=file]') as HTMLInputElement,
      new File(['x'], 'nyc.csv', { type: 'text/csv' }),
    )
    expect(await screen.findByText('编码：utf-8')).toBeTruthy()
    expect(screen.queryByText(/一次只能导入一个文件/)).toBeNull()
    expect(bodies.map((b) => b.path)).toEqual(['upload', 'preview'])
  })

  it('offers the date order when the preview finds a date that reads two ways, and imports again with it after a refusal without a new upload', async () => {
    const bodies: { path: string; body: unknown }[] = []
    const polls: Record<number, Record<string, unknown>> = {
      7: job({
        id: 7,
        status: 'rejected',
        skipped: 1,
        errorCount: 1,
        errors: [
          {
            row: 2,
            column: 'Created Date',
            value: '12/01/2023',
            code: 'ambiguous_date',
            params: { field: 'receivedAt', value: '12/01/2023' },
            reason: 'ambiguous',
          },
        ],
      }),
      8: job({ id: 8, status: 'written', rowsDone: 1, rowsTotal: 1, created: 1 }),
    }
    let nextId = 7
    server.use(...createFakeDesk({ user: RESPONDER }).handlers)
    server.use(
      http.post('*/api/imports/uploads', () => {
        bodies.push({ path: 'upload', body: null })
        return HttpResponse.json(
          { upload: { id: 'up1234567890', fileName: 'nyc.csv', size: 40 } },
          { status: 201 },
        )
      }),
      http.post('*/api/imports/uploads/:id/preview', () =>
        HttpResponse.json({
          upload: { id: 'up1234567890', fileName: 'nyc.csv', size: 40 },
          presets: [],
          preview: {
            format: 'csv',
            encoding: 'utf-8',
            headers: HEADERS,
            totalRows: 1,
            mapping: {
              externalId: 'Unique Key',
              receivedAt: 'Created Date',
              subject: 'Complaint Type',
              body: 'Descriptor',
            },
            mappingIssues: [],
            rows: [{ row: 2, cells: ['42', '12/01/2023', 'Noise', 'Loud music'] }],
            ambiguousDates: [{ row: 2, column: 'Created Date', value: '12/01/2023' }],
          },
        }),
      ),
      http.post('*/api/imports', async ({ request }) => {
        const body = (await request.json()) as { kind: string }
        bodies.push({ path: 'job', body })
        return HttpResponse.json(
          { job: job({ id: nextId++, kind: body.kind, status: 'queued' }) },
          { status: 202 },
        )
      }),
      http.get('*/api/imports/:id', ({ params }) =>
        HttpResponse.json({ job: polls[Number(params.id)] }),
      ),
    )
    const app = renderWithClient('/imports/new')
    await pick(app, '渠道', '民心网联网平台')
    await app.user.upload(
      app.container.querySelector('input[type=file]') as HTMLInputElement,
      new File(['x'], 'nyc.csv', { type: 'text/csv' }),
    )
    expect(
      await screen.findByText(
        '日期 12/01/2023 既可读作“月/日/年”，也可读作“日/月/年”：请选择文件的日期顺序',
      ),
    ).toBeTruthy()
    const importButton = screen.getByRole('button', { name: '开始导入' }) as HTMLButtonElement
    // first without an order: refused for the date
    await app.user.click(importButton)
    expect(await screen.findByText('导入结果', {}, { timeout: 4000 })).toBeTruthy()
    expect(screen.getByTestId('job-status').textContent).toBe('已拒绝')
    expect(
      screen.getByText(
        '文件仍保留在服务器上：修改映射或选项后可直接重新试运行或导入，无需重新上传。',
      ),
    ).toBeTruthy()
    await waitFor(() => expect(importButton.disabled).toBe(false))

    await pick(app, '日期顺序', '日/月/年（12/01/2026 为 1 月 12 日）')
    expect(screen.queryByText(/既可读作/)).toBeNull()
    await app.user.click(importButton)
    await waitFor(() => expect(screen.getByTestId('count-created').textContent).toBe('1'))
    expect(screen.getByTestId('job-status').textContent).toBe('已导入')
    expect(importButton.disabled).toBe(true)
    expect(bodies.filter((b) => b.path === 'upload')).toHaveLength(1)
    expect(
      bodies
        .filter((b) => b.path === 'job')
        .map((b) => (b.body as { uploadId: string; dateOrder?: string }).dateOrder ?? null),
    ).toEqual([null, 'day-first'])
  }, 120_000)
})

describe('/imports', () => {
  it('lists imports and shows the touched inquiries when an undo is refused', async () => {
    server.use(...createFakeDesk({ user: ADMIN }).handlers)
    server.use(
      http.get('*/api/imports', () =>
        HttpResponse.json({
          items: [
            job({
              status: 'written',
              created: 451,
              fileName: '附件4.xlsx',
              createdAt: Date.parse('2024-09-27T01:30:00Z'),
            }),
          ],
        }),
      ),
      http.post('*/api/imports/:id/undo', () =>
        HttpResponse.json(
          {
            error: {
              code: 'CONFLICT',
              message: '1 inquiries of import 7 were changed after it, so it cannot be undone',
              details: { touched: [{ id: 31, externalId: '188006', subject: '路灯不亮' }] },
            },
          },
          { status: 409 },
        ),
      ),
    )
    const app = renderWithClient('/imports')
    const row = (await screen.findByText('附件4.xlsx')).closest('tr') as HTMLElement
    expect(within(row).getByText('2024-09-27 09:30')).toBeTruthy()
    // the channel by its name, never its code
    expect(await within(row).findByText('民心网联网平台')).toBeTruthy()
    expect(within(row).queryByText('minxin')).toBeNull()
    expect(within(row).getByText('张答复')).toBeTruthy()
    await app.user.click(within(row).getByRole('button', { name: /撤\s?销/ }))
    await app.user.click(await screen.findByRole('button', { name: /确\s?定|OK/ }))
    // the sentence in the user's language; the touched inquiries below say which
    expect(await screen.findByText('操作与当前数据冲突，请刷新页面后重试')).toBeTruthy()
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '188006 路灯不亮' }).getAttribute('href')).toBe(
        '/inquiries/31',
      ),
    )
  })
})
