/**
 * Moves a SQLite desk to PostgreSQL (`desk migrate-to <url>`): every table of schema.ts is copied
 * in one PostgreSQL transaction into a migrated, empty target, then row counts and the
 * per-channel counts are compared before COMMIT; any difference rolls the whole copy back.
 *
 * The counters and day summaries are not copied: they are built from the copied inquiries in
 * one grouped statement each (REBUILD), with the triggers that keep them switched off for the
 * copy (when they ran once per row they cost about five sixths of the inquiries' copy), and
 * comparing them with the source's, which SQLite's own triggers kept, proves both agree. The search
 * index is engine-specific: the copy leaves a pending search backfill (search-backfill.ts). Ids are kept
 * (and each `serial` sequence moved past the largest), so links, URLs and exports stay valid.
 */
import { is } from 'drizzle-orm'
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core'
import type pg from 'pg'
import { AppError } from '../lib/errors.ts'
import type { Db } from './client.ts'
import { OPEN_DUE_DAYS_SELECT } from './open-due-days.ts'
import { hmacOfPhone } from './phone-key.ts'
import * as schema from './schema.ts'

/** Kept by triggers on inquiries in both engines: compared, not copied. */
const DERIVED = [
  'inquiry_counts',
  'inquiry_day_channel_counts',
  'inquiry_day_workload_stats',
  'inquiry_open_due_days',
]

/**
 * The triggers on inquiries that keep the derived tables (migrations-pg: per statement on insert
 * and delete, per row on update), off during the copy. Named, so that a trigger added later for
 * another purpose still runs.
 */
const DERIVED_TRIGGERS = DERIVED.flatMap((t) => [`${t}_ai`, `${t}_ad`, `${t}_au`])

/**
 * The derived tables from the inquiries, set-based: the same keys and values as the triggers'
 * `*_keep()` functions (migrations-pg) add for each inquiry row. A difference from them cannot
 * pass unseen: the comparison with the source's tables after the copy fails and rolls it back.
 */
const REBUILD = [
  `insert into inquiry_counts (channel_code, status, n)
     select channel_code, status, count(*) from inquiries group by 1, 2`,
  `insert into inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
     select (received_at + 28800000) / 86400000, channel_code,
       coalesce((replied_at + 28800000) / 86400000, -1), count(*),
       count(*) filter (where status in ('new', 'assigned')),
       count(*) filter (where replied_at <= coalesce(first_due_at, due_at)),
       count(*) filter (where coalesce(satisfaction, '') <> ''),
       count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied'))
     from inquiries group by 1, 2, 3`,
  `insert into inquiry_day_workload_stats (day, category, department_id, assignee_id, status, n)
     select (received_at + 28800000) / 86400000, coalesce(category, ''), coalesce(department_id, 0),
       coalesce(assignee_id, 0), status, count(*)
     from inquiries group by 1, 2, 3, 4, 5`,
  `insert into inquiry_open_due_days (day, due_day, dimension, value, n) ${OPEN_DUE_DAYS_SELECT}`,
]

/** What was copied: rows per table (derived tables: rows with a non-zero count, compared). */
export type CopyReport = { tables: { name: string; rows: number }[]; inquiries: number }

/**
 * `bulk`: copy with the triggers and foreign-key checks off (`session_replication_role =
 * replica`, for this transaction only) and the derived tables copied as rows instead of rebuilt
 * by the triggers, for a source whose derived tables its own triggers keep exact. Several times
 * faster on a large desk; the benchmark's fill uses it and checks PostgreSQL's triggers on its own.
 *
 * `phoneKey`: the target desk's phone-search key (phone-key.ts). Each inquiry's
 * `citizen_phone_hmac` is then written under it as the row is copied, instead of the source's
 * HMAC under the SQLite desk's own key, so the search backfill after the copy finds every HMAC
 * right and rewrites no inquiry (rewriting them all doubled the write-ahead log of a move and
 * was its slowest part). Without it the backfill corrects them.
 */
export type CopyOptions = { bulk?: boolean; phoneKey?: Buffer }

/** A column whose copied value is computed from the source row instead of read as it is. */
type Computed = Record<string, (row: Record<string, unknown>) => unknown>

type Table = { name: string; references: string[]; selfRefs: string[] }

/** The schema's tables, each after the tables it references (self-references are patched later). */
function tablesInOrder(): Table[] {
  const all = (Object.values(schema) as unknown[])
    .filter((t): t is SQLiteTable => is(t, SQLiteTable))
    .map((t) => {
      const c = getTableConfig(t)
      const refs = c.foreignKeys.map((fk) => {
        const r = fk.reference()
        return { table: getTableConfig(r.foreignTable).name, columns: r.columns }
      })
      return {
        name: c.name,
        references: refs.filter((r) => r.table !== c.name).map((r) => r.table),
        selfRefs: refs
          .filter((r) => r.table === c.name)
          .flatMap((r) => r.columns.map((x) => x.name)),
      }
    })
  const ordered: Table[] = []
  const placed = new Set<string>()
  while (ordered.length < all.length) {
    const next = all.filter((t) => !placed.has(t.name) && t.references.every((r) => placed.has(r)))
    if (next.length === 0) throw new Error('foreign keys form a cycle between tables')
    for (const t of next) {
      ordered.push(t)
      placed.add(t.name)
    }
  }
  return ordered
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
// drizzle's casing: the schema's camelCase keys are snake_case in SQL on both engines
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Copies `source` into the empty database of `target` (a client of a migrated PostgreSQL desk).
 * @throws AppError CONFLICT when the target holds any row; Error naming the table whose count
 *   differs after the copy (nothing is written then)
 */
export async function copyToPostgres(
  source: Db,
  target: pg.PoolClient,
  onTable: (name: string, rows: number) => void = () => {},
  options: CopyOptions = {},
): Promise<CopyReport> {
  const sqlite = source.$client
  const tables = tablesInOrder()
  for (const t of tables) {
    const { rows } = await target.query(`select 1 from ${ident(t.name)} limit 1`)
    if (rows.length > 0)
      throw new AppError('CONFLICT', `the target is not empty: table ${t.name} has rows`)
  }
  const report: CopyReport = { tables: [], inquiries: 0 }
  await target.query('begin')
  try {
    if (options.bulk) await target.query('set local session_replication_role = replica')
    // transactional: a failed copy leaves the triggers on
    else
      for (const trigger of DERIVED_TRIGGERS)
        await target.query(`alter table inquiries disable trigger ${ident(trigger)}`)
    const key = options.phoneKey
    const computed: Record<string, Computed> = key
      ? {
          inquiries: {
            citizen_phone_hmac: (row) => hmacOfPhone(key, row.citizen_phone as string | null),
          },
        }
      : {}
    for (const t of tables) {
      if (DERIVED.includes(t.name) && !options.bulk) continue
      const n = await copyTable(sqlite, target, t, computed[t.name] ?? {})
      report.tables.push({ name: t.name, rows: n })
      onTable(t.name, n)
    }
    if (!options.bulk) {
      for (const statement of REBUILD) await target.query(statement)
      for (const trigger of DERIVED_TRIGGERS)
        await target.query(`alter table inquiries enable trigger ${ident(trigger)}`)
    }
    for (const t of tables) await compare(sqlite, target, t.name)
    report.inquiries = report.tables.find((t) => t.name === 'inquiries')?.rows ?? 0
    // the search index (PostgreSQL's own rows) and the phone HMACs (under the target desk's key)
    // are written by the search backfill, right after the copy or at the desk's next start
    if (report.inquiries > 0)
      await target.query(
        `insert into pending_backfills (name, after_id) values ('inquiry_search', 0)
          on conflict (name) do update set after_id = 0`,
      )
    await target.query('commit')
  } catch (err) {
    await target.query('rollback')
    throw err
  }
  return report
}

async function copyTable(
  sqlite: Db['$client'],
  target: pg.PoolClient,
  t: Table,
  computed: Computed,
): Promise<number> {
  const types = await target.query<{ column_name: string; data_type: string }>(
    `select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1`,
    [t.name],
  )
  const isBoolean = new Set(
    types.rows.filter((c) => c.data_type === 'boolean').map((c) => c.column_name),
  )
  // columns of both engines (a column only PostgreSQL has is filled by its own default or trigger)
  const inSqlite = new Set(
    (sqlite.pragma(`table_info(${ident(t.name)})`) as { name: string }[]).map((c) => c.name),
  )
  const columns = types.rows.map((c) => c.column_name).filter((c) => inSqlite.has(c))
  const selfRefs = t.selfRefs.map(snake)
  const perStatement = Math.max(1, Math.floor(60_000 / columns.length)) // under 65,535 parameters
  const insert = (count: number) => {
    const rows = Array.from(
      { length: count },
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    )
    return `insert into ${ident(t.name)} (${columns.map(ident).join(', ')}) values ${rows.join(', ')}`
  }
  const read = sqlite.prepare(`select ${columns.map(ident).join(', ')} from ${ident(t.name)}`)
  let batch: unknown[] = []
  let inBatch = 0
  let total = 0
  const patches: unknown[][] = []
  const flush = async () => {
    if (inBatch === 0) return
    await target.query(insert(inBatch), batch)
    total += inBatch
    batch = []
    inBatch = 0
  }
  for (const row of read.iterate() as Iterable<Record<string, unknown>>) {
    for (const c of columns) {
      const compute = computed[c]
      const v = compute ? compute(row) : row[c]
      // a self-reference may point to a later row: written after every row is in
      if (selfRefs.includes(c) && v !== null) {
        patches.push([row.id, c, v])
        batch.push(null)
      } else batch.push(isBoolean.has(c) && v !== null ? v === 1 : v)
    }
    if (++inBatch === perStatement) await flush()
  }
  await flush()
  for (const [id, column, value] of patches)
    await target.query(`update ${ident(t.name)} set ${ident(String(column))} = $1 where id = $2`, [
      value,
      id,
    ])
  if (columns.includes('id')) {
    const seq = await target.query<{ s: string | null }>(
      `select pg_get_serial_sequence($1, 'id') as s`,
      [t.name],
    )
    const sequence = seq.rows[0]?.s
    if (sequence)
      await target.query(
        `select setval($1, coalesce((select max(id) from ${ident(t.name)}), 0) + 1, false)`,
        [sequence],
      )
  }
  return total
}

/** Fails when the table's rows (derived tables: the non-zero counts) differ between the engines. */
async function compare(sqlite: Db['$client'], target: pg.PoolClient, name: string) {
  if (DERIVED.includes(name)) {
    const query = `select * from ${ident(name)} where n <> 0`
    const key = (r: Record<string, unknown>) => JSON.stringify(Object.values(r).map(String))
    const a = (sqlite.prepare(query).all() as Record<string, unknown>[]).map(key).sort()
    const b = (await target.query<Record<string, unknown>>(query)).rows.map(key).sort()
    if (a.join('\n') !== b.join('\n'))
      throw new Error(`after the copy, ${name} differs: ${a.length} counts here, ${b.length} there`)
    return
  }
  const query = `select count(*) as n from ${ident(name)}`
  const here = Number((sqlite.prepare(query).get() as { n: number }).n)
  const there = Number((await target.query<{ n: number }>(query)).rows[0]?.n)
  if (here !== there)
    throw new Error(`after the copy, ${name} has ${there} rows on PostgreSQL, ${here} in SQLite`)
}
