import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeDesk, makeInquiry, RESPONDER } from '../../../testing/fake-desk.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

describe('reply queue: 待回填平台 (replies not yet posted on the platform)', () => {
  it('tags the rows whose desk reply is not yet posted; the toggle puts unposted=1 in the URL and the API requests', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [
        makeInquiry({
          channel: 'minxin',
          subject: '答复待回填',
          status: 'replied',
          hasUnpostedReply: true,
        }),
        makeInquiry({
          channel: 'minxin',
          subject: '已回填平台',
          status: 'replied',
          hasUnpostedReply: false,
        }),
      ],
    })
    server.use(...desk.handlers)
    const app = renderWithClient('/queue?channel=minxin&status=replied')

    const rowOf = async (subject: string) =>
      (await screen.findByRole('link', { name: subject })).closest('.ant-table-row') as HTMLElement
    const waiting = await rowOf('答复待回填')
    expect(within(waiting).getByText('待回填平台', { selector: '.ant-tag' }).className).toMatch(
      /\bant-tag-gold\b/,
    )
    expect(within(await rowOf('已回填平台')).queryByText('待回填平台')).toBeNull()

    const toggle = screen.getByRole('checkbox', { name: '只看待回填平台' })
    expect((toggle as HTMLInputElement).checked).toBe(false)
    await app.user.click(toggle)

    // a status chosen on purpose (replied) stays; the filter joins it
    expect(app.location()).toBe('/queue?channel=minxin&status=replied&unposted=1')
    await waitFor(() => expect(desk.state.reads.at(-1)?.query.get('unposted')).toBe('1'))
    const list = desk.state.reads.filter((r) => r.path === '/api/inquiries').at(-1)!
    expect(Object.fromEntries(list.query)).toMatchObject({
      channel: 'minxin',
      status: 'replied',
      unposted: '1',
    })
    const counts = desk.state.reads.filter((r) => r.path === '/api/inquiries/counts')
    // the channel tabs' counts, and the urged count of the same view (只看已催办)
    expect(Object.fromEntries(counts.filter((r) => !r.query.has('urged')).at(-1)!.query)).toEqual({
      status: 'replied',
      unposted: '1',
    })
    expect(Object.fromEntries(counts.filter((r) => r.query.has('urged')).at(-1)!.query)).toEqual({
      status: 'replied',
      unposted: '1',
      urged: '1',
    })
    expect(
      (screen.getByRole('checkbox', { name: '只看待回填平台' }) as HTMLInputElement).checked,
    ).toBe(true)

    await app.user.click(screen.getByRole('checkbox', { name: '只看待回填平台' }))
    expect(app.location()).toBe('/queue?channel=minxin&status=replied')
  })

  it('widens the default pending view to all statuses when turned on (a reply leaves pending)', async () => {
    const desk = createFakeDesk({
      user: RESPONDER,
      inquiries: [makeInquiry({ subject: '路灯不亮' })],
    })
    server.use(...desk.handlers)
    const app = renderWithClient('/queue')
    await screen.findByRole('link', { name: '路灯不亮' })

    await app.user.click(screen.getByRole('checkbox', { name: '只看待回填平台' }))

    expect(app.location()).toBe('/queue?status=all&unposted=1')
    await waitFor(() => {
      const list = desk.state.reads.filter((r) => r.path === '/api/inquiries').at(-1)!
      expect(Object.fromEntries(list.query)).toMatchObject({ status: 'all', unposted: '1' })
    })
    expect(await screen.findByTitle('全部状态')).toBeTruthy()
  })
})
