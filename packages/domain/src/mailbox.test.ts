import { describe, expect, it } from 'vitest'
import { MAILBOX_LIMITS } from './mailbox-limits.ts'
import { mailboxSubmissionSchema, normaliseMainlandPhone, trackingNumberSchema } from './mailbox.ts'

describe('mainland phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['024-23456789', '02423456789'],
    ['010 6512 3456', '01065123456'],
  ])('accepts %s as %s', (input, out) => expect(normaliseMainlandPhone(input)).toBe(out))

  it.each(['12345678901', '1381234567', '110', 'abc', '+1 212 555 0100'])('refuses %s', (input) => {
    expect(normaliseMainlandPhone(input)).toBeUndefined()
  })
})

describe('mailbox submission', () => {
  const valid = {
    subject: '小区旁工地夜间施工',
    body: '每天晚上十一点后仍在施工，影响休息。',
    name: '陈女士',
    phone: '13812345678',
    agreePrivacy: true,
    idempotencyKey: 'k-1234567890abcdef',
  }

  it('accepts a complete message and normalises the phone', () => {
    expect(mailboxSubmissionSchema.parse({ ...valid, phone: '138 1234 5678' }).phone).toBe(
      '13812345678',
    )
  })

  it('names the field that is wrong', () => {
    const r = mailboxSubmissionSchema.safeParse({
      ...valid,
      agreePrivacy: false,
      body: '字'.repeat(3001),
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['agreePrivacy', 'body'])
  })

  it.each(['subject', 'body', 'name'] as const)(
    'holds %s to the MAILBOX_LIMITS the form counts against',
    (field) => {
      const max = MAILBOX_LIMITS[field]
      expect(
        mailboxSubmissionSchema.safeParse({ ...valid, [field]: '字'.repeat(max) }).success,
      ).toBe(true)
      expect(
        mailboxSubmissionSchema.safeParse({ ...valid, [field]: '字'.repeat(max + 1) }).success,
      ).toBe(false)
    },
  )

  it('upper-cases tracking numbers and refuses look-alike characters', () => {
    expect(trackingNumberSchema.parse('jz23456789ab')).toBe('JZ23456789AB')
    expect(trackingNumberSchema.safeParse('JZ0000000000').success).toBe(false)
  })
})
