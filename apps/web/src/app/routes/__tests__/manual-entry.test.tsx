import { fireEvent, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

function manualEntryApi() {
  const bodies: Record<string, unknown>[] = []
  const uploads: { name: string | null; size: number }[] = []
  server.use(...createFakeDesk({ user: RESPONDER }).handlers)
  server.use(
    http.post('*/api/attachments/uploads', async ({ request }) => {
      const name = new URL(request.url).searchParams.get('name')
      const size = (await request.arrayBuffer()).byteLength
      uploads.push({ name, size })
      if (name?.endsWith('.exe'))
        return HttpResponse.json(
          {
            error: {
              code: 'VALIDATION',
              message: `${name}: this type of file is not accepted`,
              details: [{ path: ['file'], message: '…', file: name, reason: 'type' }],
            },
          },
          { status: 422 },
        )
      return HttpResponse.json(
        {
          token: `upload-token-${uploads.length}`.padEnd(24, 'x'),
          name,
          type: 'application/pdf',
          size,
        },
        { status: 201 },
      )
    }),
    http.post('*/api/manual-entries', async ({ request }) => {
      bodies.push((await request.json()) as Record<string, unknown>)
      return HttpResponse.json(
        { id: 40 + bodies.length, externalId: `PHONE-20240927-ABCD234${bodies.length}` },
        { status: 201 },
      )
    }),
  )
  return Object.assign(bodies, { uploads })
}

/** Drops files on the drop zone as a browser does (a drop event carrying them). */
async function dropFiles(files: File[]) {
  const zone = await screen.findByText('把来信扫描件或照片拖放到这里，或点击选择')
  fireEvent.drop(zone, { dataTransfer: { files, items: [], types: ['Files'] } })
  for (const f of files) await screen.findByText(f.name)
}

describe('/intake/manual', () => {
  it('offers only channels that take messages: not the proposals or disclosure channel', async () => {
    const desk = createFakeDesk({ user: RESPONDER })
    desk.state.channels.push(
      { ...desk.state.channels[1]!, code: 'proposals', nameZh: '建议提案' },
      { ...desk.state.channels[1]!, code: 'ogi_request', nameZh: '政府信息公开申请' },
    )
    server.use(...desk.handlers)
    renderWithClient('/intake/manual')
    await screen.findByRole('option', { name: '12345网络问政' })
    expect(screen.queryByRole('option', { name: '建议提案' })).toBeNull()
    expect(screen.queryByRole('option', { name: '政府信息公开申请' })).toBeNull()
  })

  it('is filled and saved by keyboard alone, as an answered call', async () => {
    const bodies = manualEntryApi()
    const app = renderWithClient('/intake/manual')
    const channel = await screen.findByLabelText('渠道')
    await screen.findByRole('option', { name: '12345网络问政' })
    expect(document.activeElement).toBe(channel)

    const k = app.user.keyboard
    await k('{Enter}') // channel -> kind
    expect(document.activeElement).toBe(screen.getByLabelText('方式'))
    // the received time in the Chinese form, not the browser's mm/dd/yyyy, hh:mm AM
    expect(document.querySelector('input[type="datetime-local"]')).toBeNull()
    expect((screen.getByLabelText('接收时间（北京时间）') as HTMLInputElement).value).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    )
    await k('{Enter}{Enter}') // kind -> received time -> caller
    expect(document.activeElement).toBe(screen.getByLabelText('来电（来信）人'))
    await k('王先生{Enter}13812345678{Enter}咨询公积金提取{Enter}')
    expect(document.activeElement).toBe(screen.getByLabelText('内容摘要'))
    await k('来电咨询{Enter}租房提取的材料。') // Enter in a text area is a new line
    await app.user.tab()
    await k('住房{Enter}') // category -> outcome (answered is the default)
    await k('{Enter}') // outcome -> answer
    expect(document.activeElement).toBe(screen.getByLabelText('答复内容'))
    await k('已告知所需材料。{Control>}{Enter}{/Control}')

    expect(await screen.findByText('已保存 PHONE-20240927-ABCD2341。')).toBeTruthy()
    expect(screen.getByRole('link', { name: '查看问询' }).getAttribute('href')).toBe(
      '/inquiries/41',
    )
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({
      channel: 'hotline_12345',
      kind: 'phone',
      callerName: '王先生',
      callerPhone: '13812345678',
      subject: '咨询公积金提取',
      summary: '来电咨询\n租房提取的材料。',
      category: '住房',
      outcome: 'answered',
      answer: '已告知所需材料。',
    })
    expect(String(bodies[0]!.receivedAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+08:00$/)
    // ready for the next call: fields cleared, focus on the caller
    expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe('')
    expect(document.activeElement).toBe(screen.getByLabelText('来电（来信）人'))
  })

  it('sends a letter needing follow-up without an answer, and keeps channel and kind for the next one', async () => {
    const bodies = manualEntryApi()
    const app = renderWithClient('/intake/manual')
    await screen.findByRole('option', { name: '民心网联网平台' })
    await app.user.selectOptions(screen.getByLabelText('渠道'), 'minxin')
    await app.user.selectOptions(screen.getByLabelText('方式'), 'letter')
    await app.user.type(screen.getByLabelText('标题'), '反映小区停车难')
    await app.user.type(screen.getByLabelText('内容摘要'), '来信反映小区车位不足。')
    await app.user.click(screen.getByLabelText('需后续办理（进入答复队列）'))
    expect(screen.queryByLabelText('答复内容')).toBeNull()
    await app.user.click(screen.getByRole('button', { name: /^保\s*存$/ }))

    expect(await screen.findByText('已保存 PHONE-20240927-ABCD2341。')).toBeTruthy()
    expect(bodies[0]).toMatchObject({
      channel: 'minxin',
      kind: 'letter',
      outcome: 'follow_up',
      subject: '反映小区停车难',
    })
    expect(bodies[0]).not.toHaveProperty('answer')
    expect((screen.getByLabelText('渠道') as HTMLSelectElement).value).toBe('minxin')
    expect((screen.getByLabelText('方式') as HTMLSelectElement).value).toBe('letter')
  })

  it('logs a call on the consultation line and a letter in the bureau mailbox unless staff choose', async () => {
    const bodies = manualEntryApi()
    const channels = ['hotline_12345', 'director_mailbox', 'consultation_phone'].map((code) => ({
      code,
      nameZh: { hotline_12345: '12345网络问政', director_mailbox: '局长信箱' }[code] ?? '咨询电话',
      nameEn: code,
      intake: 'manual',
      isActive: true,
      sortOrder: 1,
      createdAt: 0,
    }))
    server.use(http.get('*/api/channels', () => HttpResponse.json({ channels })))
    const app = renderWithClient('/intake/manual')
    await screen.findByRole('option', { name: '咨询电话' })
    const channel = screen.getByLabelText('渠道') as HTMLSelectElement
    expect(channel.value).toBe('consultation_phone')
    await app.user.selectOptions(screen.getByLabelText('方式'), 'letter')
    expect(channel.value).toBe('director_mailbox')
    await app.user.selectOptions(screen.getByLabelText('方式'), 'phone')
    expect(channel.value).toBe('consultation_phone')
    // a channel staff chose stays when the kind changes
    await app.user.selectOptions(channel, 'hotline_12345')
    await app.user.selectOptions(screen.getByLabelText('方式'), 'letter')
    expect(channel.value).toBe('hotline_12345')
    await app.user.selectOptions(screen.getByLabelText('方式'), 'phone')
    await app.user.selectOptions(channel, 'consultation_phone')
    await app.user.type(screen.getByLabelText('标题'), '咨询办事时间')
    await app.user.type(screen.getByLabelText('内容摘要'), '来电咨询办事时间')
    await app.user.type(screen.getByLabelText('答复内容'), '工作日九点至五点。')
    await app.user.click(screen.getByRole('button', { name: /^保\s*存$/ }))
    expect(await screen.findByText('已保存 PHONE-20240927-ABCD2341。')).toBeTruthy()
    expect(bodies[0]).toMatchObject({ channel: 'consultation_phone', kind: 'phone' })
  })

  it('refuses an answered entry without the answer and sends nothing', async () => {
    const bodies = manualEntryApi()
    const app = renderWithClient('/intake/manual')
    await screen.findByRole('option', { name: '12345网络问政' })
    await app.user.type(screen.getByLabelText('标题'), '咨询')
    await app.user.type(screen.getByLabelText('内容摘要'), '咨询办事时间')
    await app.user.click(screen.getByRole('button', { name: /^保\s*存$/ }))
    expect(await screen.findByText('已当场答复时请填写答复内容')).toBeTruthy()
    expect(bodies).toHaveLength(0)
  })
})

describe('/intake/manual with the scanned letter', () => {
  it('uploads the dropped letter and photo, then saves the entry naming their tokens', async () => {
    const bodies = manualEntryApi()
    const app = renderWithClient('/intake/manual')
    await screen.findByRole('option', { name: '12345网络问政' })
    await app.user.selectOptions(screen.getByLabelText('方式'), 'letter')
    await app.user.type(screen.getByLabelText('标题'), '反映农田搭建彩钢棚')
    await app.user.type(screen.getByLabelText('内容摘要'), '来信附现场照片。')
    await app.user.click(screen.getByLabelText('需后续办理（进入答复队列）'))
    await dropFiles([
      new File(['%PDF-1.4 letter'], '来信扫描件.pdf', { type: 'application/pdf' }),
      new File(['jpeg bytes'], '现场照片.jpg', { type: 'image/jpeg' }),
    ])
    await app.user.click(screen.getByRole('button', { name: /^保\s*存$/ }))

    expect(await screen.findByText('已保存 PHONE-20240927-ABCD2341。')).toBeTruthy()
    expect(bodies.uploads).toEqual([
      { name: '来信扫描件.pdf', size: 15 },
      { name: '现场照片.jpg', size: 10 },
    ])
    expect(bodies[0]).toMatchObject({
      kind: 'letter',
      subject: '反映农田搭建彩钢棚',
      attachments: [
        { token: 'upload-token-1'.padEnd(24, 'x') },
        { token: 'upload-token-2'.padEnd(24, 'x') },
      ],
    })
    // the next entry starts without files
    await waitFor(() => expect(screen.queryByText('来信扫描件.pdf')).toBeNull())
  })

  it('names a file the API refuses under the field and saves nothing; without it the entry goes', async () => {
    const bodies = manualEntryApi()
    const app = renderWithClient('/intake/manual')
    await screen.findByRole('option', { name: '12345网络问政' })
    await app.user.type(screen.getByLabelText('标题'), '来信')
    await app.user.type(screen.getByLabelText('内容摘要'), '来信内容')
    await app.user.click(screen.getByLabelText('需后续办理（进入答复队列）'))
    await dropFiles([new File(['MZ'], 'tool.exe', { type: 'application/pdf' })])
    await app.user.click(screen.getByRole('button', { name: /^保\s*存$/ }))

    expect(
      await screen.findByText(
        '“tool.exe”不是可接受的文件类型（按文件内容判断，可上传照片、PDF、Word/Excel 文件）',
      ),
    ).toBeTruthy()
    expect(screen.getByText('有 1 项需要修改。')).toBeTruthy()
    expect(bodies).toHaveLength(0)

    await app.user.click(screen.getByRole('button', { name: /删除文件|Remove file|delete/i }))
    await app.user.click(screen.getByRole('button', { name: /^保\s*存$/ }))
    expect(await screen.findByText('已保存 PHONE-20240927-ABCD2341。')).toBeTruthy()
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).not.toHaveProperty('attachments')
  })
})
