/**
 * The data half of the search migrations (SQLite's bigram_search, PostgreSQL's search_index):
 * tokens (search-fts.ts, search-pg.ts) and phone HMACs (phone-key.ts) for the inquiries stored
 * before them, which SQL cannot compute. Runs when the database is opened, in batches of their
 * own transactions; `pending_backfills.after_id` records the last inquiry done, so an interrupted
 * start continues where it stopped, and a second process opening the database at the same time
 * waits for each batch's lock (SQLite's write lock, PostgreSQL's row lock on the job) and then
 * skips what is done.
 */
import type pg from 'pg'
import type { Db } from './client.ts'
import { hmacOfPhone, phoneHmac } from './phone-key.ts'
import { indexFts } from './search-fts.ts'
import { insertSearchRows, type Queryable } from './search-pg.ts'

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
      indexFts(db, r.id, r.subject, r.body)
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

/**
 * runSearchBackfill on PostgreSQL: `pool`'s pending search backfill, `batchSize` inquiries per
 * transaction, phone HMACs under `key`.
 * @returns how many inquiries it indexed (0 when nothing was pending)
 * @throws the driver's error (the batch in progress is rolled back, earlier batches stay)
 */
export async function runSearchBackfillPg(
  pool: pg.Pool,
  key: Buffer,
  batchSize = 2000,
): Promise<number> {
  let done = 0
  for (;;) {
    const client = await pool.connect()
    try {
      await client.query('begin')
      const rows = await backfillBatch(client, key, batchSize)
      await client.query('commit')
      if (rows < 0) return done
      done += rows
      if (rows < batchSize) return done
    } catch (err) {
      await client.query('rollback').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }
}

/** One batch in the running transaction; -1 when no backfill is pending. */
async function backfillBatch(client: pg.PoolClient, key: Buffer, batchSize: number) {
  // the row lock makes a second process starting now wait here, then see the advanced position
  const job = await client.query<{ after_id: number }>(
    'select after_id from pending_backfills where name = $1 for update',
    [JOB],
  )
  const afterId = job.rows[0]?.after_id
  if (afterId === undefined) return -1
  const { rows } = await client.query<Row>(
    'select id, subject, body, citizen_phone as phone from inquiries where id > $1 order by id limit $2',
    [afterId, batchSize],
  )
  await insertSearchRows(client as unknown as Queryable, rows)
  const hmacs = rows.flatMap((r) => {
    const hmac = hmacOfPhone(key, r.phone)
    return hmac === null ? [] : [{ id: r.id, hmac }]
  })
  if (hmacs.length > 0)
    await client.query(
      // a row whose HMAC is right already (migrate-to writes them under this key) is not rewritten
      `update inquiries set citizen_phone_hmac = h.hmac from unnest($1::int[], $2::text[]) as h(id, hmac)
        where inquiries.id = h.id and inquiries.citizen_phone_hmac is distinct from h.hmac`,
      [hmacs.map((h) => h.id), hmacs.map((h) => h.hmac)],
    )
  if (rows.length < batchSize)
    await client.query('delete from pending_backfills where name = $1', [JOB])
  else
    await client.query('update pending_backfills set after_id = $1 where name = $2', [
      (rows.at(-1) as Row).id,
      JOB,
    ])
  return rows.length
}
