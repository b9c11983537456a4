import { describe, expect, it } from 'vitest'
import {
  firstMessageDifference,
  MESSAGE_OWN_FIELDS,
  messageDifferences,
} from './message-difference.ts'

const stored = {
  subject: '路灯不亮',
  body: '小区路灯坏了',
  receivedAt: Date.parse('2025-12-31T23:30:00+08:00'),
  citizenName: '市民甲',
  citizenPhone: null,
  citizenEmail: null,
  category: '城建',
}

describe('messageDifferences', () => {
  it('finds a repeat the same message: the instant in another offset, absent texts as null or undefined', () => {
    const resend = {
      ...stored,
      receivedAt: Date.parse('2025-12-31T15:30:00Z'),
      citizenPhone: undefined,
    }
    expect(messageDifferences(stored, resend)).toEqual([])
    expect(firstMessageDifference(stored, resend)).toBeUndefined()
  })

  it('names each changed field in order, and leaves the category out of the own fields', () => {
    const changed = { ...stored, body: '小区路灯坏了2', subject: '改了标题', category: '交通' }
    expect(messageDifferences(stored, changed)).toEqual(['subject', 'body', 'category'])
    expect(messageDifferences(stored, changed, MESSAGE_OWN_FIELDS)).toEqual(['subject', 'body'])
    expect(messageDifferences(stored, { ...stored, category: '交通' }, MESSAGE_OWN_FIELDS)).toEqual(
      [],
    )
    expect(firstMessageDifference(stored, { ...stored, citizenEmail: 'a@b.cn' })).toBe(
      'citizenEmail',
    )
  })
})
