import { dayOfWeek, toZonedDate, zonedTimeToInstant } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { apportion, REPORT_2017_COUNTS } from './channel-mix.ts'
import { generateInquiries, type GenerateOptions } from './generate-inquiries.ts'

const base: GenerateOptions = {
  seed: 7,
  counts: apportion(2000, REPORT_2017_COUNTS),
  firstDate: '2024-01-01',
  lastDate: '2024-06-30',
  externalIdPrefix: 'T-',
}
const hourOf = (t: number) => (Math.floor(t / 3_600_000) + 8) % 24 // Asia/Shanghai is UTC+8

describe('apportion', () => {
  it('reproduces the 2017 figures for their own total and sums to any total', () => {
    expect(apportion(5361, REPORT_2017_COUNTS)).toEqual(REPORT_2017_COUNTS)
    expect(apportion(3000, REPORT_2017_COUNTS)).toEqual({
      hotline_12345: 1025,
      mayor_mailbox: 164,
      minxin: 226,
      network_responder: 1559,
      director_mailbox: 26,
    })
    for (const total of [0, 1, 7, 999, 1_000_000]) {
      expect(Object.values(apportion(total, REPORT_2017_COUNTS)).reduce((a, b) => a + b, 0)).toBe(
        total,
      )
    }
  })
})

describe('generateInquiries', () => {
  it('gives the same inquiries for the same seed, and others for another seed', () => {
    const a = [...generateInquiries(base)]
    expect([...generateInquiries(base)]).toEqual(a)
    const other = [...generateInquiries({ ...base, seed: 8 })]
    expect(other.map((i) => i.subject)).not.toEqual(a.map((i) => i.subject))
    expect(a[0]).toMatchObject({ externalId: 'T-0000001' })
  })

  it('has exactly the requested count per channel, in receipt order, inside the window', () => {
    const items = [
      ...generateInquiries({ ...base, before: zonedTimeToInstant('2024-06-30', undefined, 12) }),
    ]
    const perChannel: Record<string, number> = {}
    for (const i of items) perChannel[i.channelCode] = (perChannel[i.channelCode] ?? 0) + 1
    expect(perChannel).toEqual(base.counts)
    expect(items.map((i) => i.receivedAt)).toEqual(
      items.map((i) => i.receivedAt).sort((x, y) => x - y),
    )
    expect(toZonedDate(items[0]!.receivedAt) >= '2024-01-01').toBe(true)
    expect(items.at(-1)!.receivedAt).toBeLessThan(zonedTimeToInstant('2024-06-30', undefined, 12))
  })

  it('spreads receipts over office hours mostly, with some nights and weekends', () => {
    const items = [...generateInquiries(base)]
    const share = (pred: (t: number) => boolean) =>
      items.filter((i) => pred(i.receivedAt)).length / items.length
    const weekend = (t: number) => [0, 6].includes(dayOfWeek(toZonedDate(t)))
    expect(share((t) => !weekend(t) && hourOf(t) >= 8 && hourOf(t) < 18)).toBeGreaterThan(0.5)
    expect(share((t) => hourOf(t) < 6)).toBeGreaterThan(0.005)
    expect(share((t) => hourOf(t) < 6)).toBeLessThan(0.05)
    expect(share(weekend)).toBeGreaterThan(0.05)
    expect(share(weekend)).toBeLessThan(0.2)
  })

  it('fills every template slot and makes fake but well-formed citizens', () => {
    const items = [...generateInquiries(base)]
    for (const i of items) {
      expect(`${i.subject}${i.body}${i.replyText}`).not.toMatch(/[{}]/)
      expect(i.citizenPhone).toMatch(/^1\d{2}0000\d{4}$/)
      expect(i.citizenName).toMatch(/^\p{Script=Han}{2,3}$/u)
      if (i.citizenEmail) expect(i.citizenEmail).toMatch(/@example\.com$/)
    }
    expect(new Set(items.map((i) => i.category)).size).toBeGreaterThanOrEqual(10)
    expect(new Set(items.map((i) => i.subject)).size).toBeGreaterThan(300)
  })

  it('keeps the included instants among the receipts', () => {
    const first = zonedTimeToInstant('2024-01-01', undefined, 0, 5)
    const items = [...generateInquiries({ ...base, include: [first] })]
    expect(items[0]!.receivedAt).toBe(first)
  })
})
