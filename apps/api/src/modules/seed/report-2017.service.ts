/**
 * A year of inquiries that reproduces the bureau's 2017 report: received in 2017 (Asia/Shanghai
 * days), exactly 1831, 293, 404, 2786 and 47 per channel (5361 in all), including the year's first
 * and last hours (2017-01-01 00:05 and 2017-12-31 23:55 Beijing time, which are 2016 and 2017 in
 * UTC). They come in as a file import would bring them, through `ingestInquiries` with each
 * platform's reply: most were answered within days (some of December's in January 2018, so they
 * were pending at year end), 1% never. External ids are `R2017-n` per channel whatever the seed,
 * so seeding again (with any seed) creates nothing and the tally stays exact. With them: the 84
 * suggestions and proposals split as the report states and the 1936 calls on the consultation line,
 * answered on the call (report-2017-extra.ts), keyed by session and number / `PHONE-2017-n` alike,
 * and the 760 disclosure requests of the year (disclosure-2017.ts, `OGI2017-n`).
 */
import { PHONE_CONSULTATION_CHANNEL, zonedTimeToInstant } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { ingestInquiries } from '../inquiries/ingest.service.ts'
import { registerProposals } from '../proposals/proposals.service.ts'
import { REPORT_2017_COUNTS } from './channel-mix.ts'
import { seedDisclosure2017 } from './disclosure-2017.ts'
import { generateInquiries } from './generate-inquiries.ts'
import { createRandom } from './random.ts'
import { report2017PhoneCalls, report2017Proposals } from './report-2017-extra.ts'

export const REPORT_2017_SEED = 2017
const DAY = 86_400_000

/** The first and last receipt of the year (UTC ms). */
export const REPORT_2017_BOUNDS = [
  zonedTimeToInstant('2017-01-01', undefined, 0, 5),
  zonedTimeToInstant('2017-12-31', undefined, 23, 55),
] as const

/**
 * Seeds the 2017 year. @param now UTC ms of the import (its events' time)
 * @returns inquiries created now and those that existed already
 * @throws the driver's error (and writes nothing) when a write fails
 */
export async function seedReport2017(
  db: Db,
  now: number,
  seed = REPORT_2017_SEED,
): Promise<{ created: number; duplicates: number }> {
  const replies = createRandom(seed ^ 0x3c6ef372)
  const items = [
    ...generateInquiries({
      seed,
      counts: REPORT_2017_COUNTS,
      firstDate: '2017-01-01',
      lastDate: '2017-12-31',
      include: REPORT_2017_BOUNDS,
      externalIdPrefix: 'R2017-',
    }),
  ].map(({ replyText, ...item }) => {
    const isAnswered = !replies.chance(0.01)
    const repliedAt = item.receivedAt + replies.int(1, 15) * DAY + replies.int(0, 8 * 3600) * 1000
    return isAnswered ? { ...item, reply: { body: replyText, repliedAt } } : item
  })
  const ctx = { actorId: null, now, eventType: 'imported' } as const
  await ensureChannels(db, [PHONE_CONSULTATION_CHANNEL], now)
  const results = [
    ...(await ingestInquiries(db, items, ctx)),
    ...(await registerProposals(db, report2017Proposals(seed), ctx)),
    ...(await ingestInquiries(db, report2017PhoneCalls(seed), ctx)),
  ]
  const disclosure = await seedDisclosure2017(db, now, seed)
  const created = results.filter((r) => r.created).length
  return {
    created: created + disclosure.created,
    duplicates: results.length - created + disclosure.duplicates,
  }
}
