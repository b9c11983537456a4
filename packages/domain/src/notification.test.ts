import { describe, expect, it } from 'vitest'
import { dueNotice } from './notification.ts'

// 2026-12-06 23:30 in Shanghai is 15:30 UTC: "today" is the 6th there, already the 7th nowhere else
const now = Date.parse('2026-12-06T23:30:00+08:00')

describe('dueNotice', () => {
  it('says overdue once the due instant has passed, however recently', () => {
    expect(dueNotice(now - 1, now)).toBe('overdue')
  })
  it('counts today and tomorrow by the Shanghai calendar day, not by 24 hours', () => {
    expect(dueNotice(Date.parse('2026-12-06T23:59:00+08:00'), now)).toBe('due_today')
    expect(dueNotice(Date.parse('2026-12-07T00:10:00+08:00'), now)).toBe('due_tomorrow')
    expect(dueNotice(Date.parse('2026-12-07T23:59:00+08:00'), now)).toBe('due_tomorrow')
    expect(dueNotice(Date.parse('2026-12-08T00:00:00+08:00'), now)).toBeNull()
  })
})
