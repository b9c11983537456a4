import { describe, expect, it } from 'vitest'
import { defaultManualEntryChannel } from './manual-entry.ts'

const ALL = ['hotline_12345', 'mayor_mailbox', 'director_mailbox', 'consultation_phone']

describe('defaultManualEntryChannel', () => {
  it.each([
    ['phone', ALL, 'consultation_phone'],
    ['letter', ALL, 'director_mailbox'],
    // a visit has no line of its own, and is not a phone consultation
    ['visit', ['consultation_phone', 'mayor_mailbox'], 'mayor_mailbox'],
    // without the consultation line a call goes on the first channel offered
    ['phone', ['hotline_12345', 'minxin'], 'hotline_12345'],
    ['letter', ['minxin', 'hotline_12345'], 'minxin'],
    // the consultation line alone is still a channel to log on
    ['visit', ['consultation_phone'], 'consultation_phone'],
    ['phone', [], undefined],
  ] as const)('%s among %j -> %s', (kind, codes, expected) => {
    expect(defaultManualEntryChannel(kind, codes)).toBe(expected)
  })
})
