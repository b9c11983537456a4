import { describe, expect, it } from 'vitest'
import { readQueueView, toFilterQuery, unpostedPatch, writeQueueView } from './queue-view.ts'

describe('queue view in the URL', () => {
  it('reads a shared link back into the same view and writes it out unchanged', () => {
    const link =
      'channel=minxin&status=all&assignee=mine&q=%E5%81%9C%E8%BD%A6&from=2024-09-01&to=2024-09-30&sort=received_desc'
    const view = readQueueView(new URLSearchParams(link))
    expect(view).toEqual({
      channel: 'minxin',
      status: 'all',
      assignee: 'mine',
      q: '停车',
      from: '2024-09-01',
      to: '2024-09-30',
      sort: 'received_desc',
    })
    expect(writeQueueView(view).toString()).toBe(link)
  })

  it('falls back to pending, all assignees and due-first for missing or unknown values', () => {
    const view = readQueueView(new URLSearchParams('status=lost&sort=random&from=yesterday'))
    expect(view).toMatchObject({
      status: 'pending',
      assignee: 'all',
      sort: 'due_asc',
      from: undefined,
    })
    expect(writeQueueView(view).toString()).toBe('')
  })

  it('keeps the filters of a dashboard link (API names) and passes them to the API unchanged', () => {
    const link =
      'channel=minxin&assignee=7&from=2024-01-01&to=2024-12-31&replied=on_time&category=%E4%BA%A4%E9%80%9A&due=overdue&satisfaction=positive'
    const view = readQueueView(new URLSearchParams(link))
    expect(writeQueueView(view).toString()).toBe(link)
    expect(toFilterQuery(view)).toEqual({
      status: 'pending',
      assignee: '7',
      from: '2024-01-01',
      to: '2024-12-31',
      replied: 'on_time',
      category: '交通',
      due: 'overdue',
      satisfaction: 'positive',
    })
    expect(
      toFilterQuery(readQueueView(new URLSearchParams('uncategorized=1&due=3&replied=maybe'))),
    ).toEqual({
      status: 'pending',
      uncategorized: '1',
      due: '3',
    })
  })

  it('keeps a dashboard department link (an id, or none: not dispatched) and passes it to the API', () => {
    const link = 'status=all&from=2024-09-01&to=2024-09-30&department=4'
    const view = readQueueView(new URLSearchParams(link))
    expect(view.department).toBe(4)
    expect(writeQueueView(view).toString()).toBe(link)
    expect(toFilterQuery(view)).toEqual({
      status: 'all',
      from: '2024-09-01',
      to: '2024-09-30',
      department: '4',
    })

    const none = readQueueView(new URLSearchParams('department=none&due=overdue'))
    expect(writeQueueView(none).toString()).toBe('due=overdue&department=none')
    expect(toFilterQuery(none)).toEqual({ status: 'pending', due: 'overdue', department: 'none' })
  })

  it('drops a department that is neither a positive id nor none', () => {
    for (const bad of ['0', '-4', '4.5', 'planning', 'NONE', '']) {
      const view = readQueueView(new URLSearchParams({ department: bad }))
      expect(view.department, bad).toBeUndefined()
      expect(toFilterQuery(view), bad).toEqual({ status: 'pending' })
    }
  })

  it('keeps unposted=1 (待回填平台) in the URL and passes it to the API; other values are dropped', () => {
    const view = readQueueView(new URLSearchParams('status=all&unposted=1'))
    expect(view.unposted).toBe('1')
    expect(writeQueueView(view).toString()).toBe('status=all&unposted=1')
    expect(toFilterQuery(view)).toEqual({ status: 'all', unposted: '1' })
    for (const bad of ['yes', 'true', '0', '']) {
      expect(toFilterQuery(readQueueView(new URLSearchParams({ unposted: bad }))), bad).toEqual({
        status: 'pending',
      })
    }
  })

  it("keeps the annual report's proposal links (a source body, key proposals) and passes them to the API", () => {
    const url =
      'channel=proposals&status=all&category=%E4%B8%BB%E5%8A%9E&proposalSource=%E5%B8%82%E6%94%BF%E5%8D%8F&keyProposal=1'
    const view = readQueueView(new URLSearchParams(url))
    expect(view.proposalSource).toBe('市政协')
    expect(writeQueueView(view).toString()).toBe(url)
    expect(toFilterQuery(view)).toEqual({
      status: 'all',
      category: '主办',
      proposalSource: '市政协',
      keyProposal: '1',
    })
    expect(readQueueView(new URLSearchParams('keyProposal=yes')).keyProposal).toBeUndefined()
  })

  it('widens the default pending status to all when the unposted toggle turns on, and keeps a chosen one', () => {
    const pending = readQueueView(new URLSearchParams('channel=minxin'))
    expect(writeQueueView({ ...pending, ...unpostedPatch(pending, true) }).toString()).toBe(
      'channel=minxin&status=all&unposted=1',
    )
    const closed = readQueueView(new URLSearchParams('status=closed'))
    expect(writeQueueView({ ...closed, ...unpostedPatch(closed, true) }).toString()).toBe(
      'status=closed&unposted=1',
    )
    const on = readQueueView(new URLSearchParams('status=all&unposted=1'))
    expect(writeQueueView({ ...on, ...unpostedPatch(on, false) }).toString()).toBe('status=all')
  })

  it('maps the assignee choice to the API filter', () => {
    expect(toFilterQuery(readQueueView(new URLSearchParams('assignee=unassigned')))).toEqual({
      status: 'pending',
      assignee: 'none',
    })
  })
})
