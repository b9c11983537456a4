/**
 * The data half of the bigram_search migration: tokens (search-index.ts) and phone HMACs (phone-key.ts) for
 * the inquiries stored before it, which SQL cannot compute. Runs when the database is opened,
 * in batches of its own transactions; `pending_backfills.after_id` records the last inquiry
 * done, so an interrupted start continues where it stopped, and a second process opening the
 * database at the same time waits for each batch's write lock and then skips what is done.
 */
import type { Db } from './client.ts'
import { phoneHmac } from './phone-key.ts'
import { indexInquiryText } from './search-index.ts'

const JOB = 'inquiry_search'

type Row = { id: number; subject: string; body: string; phone: string | null }

/**
 * Does the pending search backfill, if any, `batchSize` inquiries per transaction.
 * @returns how many inquiries it indexed (0 when nothing was pending)
 */
export function runSearchBackfill(db: Db, batchSize = 2000): number {
  const client = db.$client
  const progress = client.prepare<[string], { afterId: number }>(
    'select after_id as afterId from pending_backfills where name = ?',
  )
  const read = client.prepare<[number, number], Row>(
    'select id, subject, body, citizen_phone as phone from inquiries where id > ? order by id limit ?',
  )
  const setHmac = client.prepare('update inquiries set citizen_phone_hmac = ? where id = ?')
  const advance = client.prepare('update pending_backfills set after_id = ? where name = ?')
  const finish = client.prepare('delete from pending_backfills where name = ?')
  let done = 0
  const batch = client.transaction((): boolean => {
    const job = progress.get(JOB)
    if (!job) return false
    const rows = read.all(job.afterId, batchSize)
    for (const r of rows) {
      indexInquiryText(db, r.id, r.subject, r.body)
      const hmac = phoneHmac(db, r.phone)
      if (hmac !== null) setHmac.run(hmac, r.id)
    }
    done += rows.length
    if (rows.length < batchSize) finish.run(JOB)
    else advance.run((rows.at(-1) as Row).id, JOB)
    return rows.length === batchSize
  })
  while (batch.immediate()) {
    /* next batch */
  }
  return done
}
