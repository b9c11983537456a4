/**
 * The set-based half of the benchmark's fill: a desk filled through the real history rows
 * (fill.ts) with `base` inquiries is multiplied `factor` times in SQL (a recursive CTE of copy
 * numbers on SQLite, `generate_series` on PostgreSQL), instead of building every row in JS.
 *
 * Copy k (1 … factor-1) of every inquiry, event and reply gets its id shifted by k × the base's
 * largest id, every instant (`*_at`) k × `shiftMs` earlier (so copies spread over the hours before
 * the original, keeping the 3-year spread of receipts, the status mix and the due dates relative to
 * receipt), and its external id the suffix `~k`; an event's `replyId` follows its reply. Texts are
 * the base's, so search terms keep their share of matches. The search index gets the copies'
 * rows from the base's documents (search tokens are computed in JS, once per base inquiry).
 *
 * Loading is done with the secondary indexes dropped and the triggers off (SQLite: dropped and
 * re-created; PostgreSQL: `session_replication_role = replica`, which also skips foreign-key
 * checks); the indexes are built after the load, the counters and day summaries rebuilt
 * set-based (summaries.ts, whose formulas are first checked against what the triggers wrote for
 * the base), and the statistics gathered (ANALYZE; VACUUM ANALYZE on PostgreSQL, which also sets
 * the visibility map that index-only scans need, as autovacuum would on a desk in use).
 */
import { searchText } from '@desk/domain'
import type { Db } from '../src/db/client.ts'
import {
  checkAgainstTriggers,
  checkPgTriggersOnSample,
  checkSummariesAddUp,
  rebuildSummaries,
} from './summaries.ts'
import { columnsOf, sqlRunner, type SqlRunner } from './sql-runner.ts'

export type MultiplyOptions = {
  factor: number
  /** how much earlier each further copy is received (ms; default 7 min 13 s) */
  shiftMs?: number
  /** called with a line of progress */
  onStep?: (message: string) => void
}

/** Wall time per step (ms), e.g. `{ load: …, indexes: …, summaries: …, analyze: … }`. */
export type MultiplyResult = { inquiries: number; steps: Record<string, number> }

const TABLES = ['inquiries', 'inquiry_events', 'replies'] as const
type Base = Record<(typeof TABLES)[number], number>

/**
 * Multiplies the desk's inquiries (with their events and replies) `factor` times.
 * @throws Error when the base's ids are not 1…n (the copies' ids would collide) or a summary
 *   check fails
 */
export async function multiplyDesk(db: Db, o: MultiplyOptions): Promise<MultiplyResult> {
  const r = await sqlRunner(db)
  // the desk's own page cache (openDb's), given back after the load
  const deskCache =
    r.engine === 'sqlite'
      ? (await r.rows<{ cache_size: number }>('pragma cache_size'))[0]?.cache_size
      : undefined
  const steps: Record<string, number> = {}
  const step = async (name: string, fn: () => Promise<void>) => {
    const t0 = performance.now()
    await fn()
    steps[name] = performance.now() - t0
    o.onStep?.(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  try {
    const base = await baseSizes(r)
    await step('check summary formulas on the base', async () => {
      await checkAgainstTriggers(r)
      if (r.engine === 'postgres') await checkPgTriggersOnSample(r)
    })
    const search = await searchIndex(r, db)
    let saved: Saved[] = []
    await step('prepare (base tables, search documents, drop indexes)', async () => {
      for (const t of TABLES)
        await r.run(
          `create ${r.engine === 'postgres' ? 'unlogged ' : ''}table bench_base_${t} as select * from ${t}`,
        )
      await search.prepareBase()
      saved = await dropIndexesAndTriggers(r)
    })
    const perStatement = r.engine === 'sqlite' ? 1 : 5
    await step('load copies', async () => {
      for (let k0 = 1; k0 < o.factor; k0 += perStatement) {
        const k1 = Math.min(o.factor, k0 + perStatement)
        if (r.engine === 'sqlite') await r.run('begin')
        for (const t of TABLES) await r.run(await copySql(r, t, base, k0, k1, o.shiftMs ?? 433_000))
        await search.copy(k0, k1, base.inquiries)
        if (r.engine === 'sqlite') await r.run('commit')
        o.onStep?.(`copies ${k1 - 1} of ${o.factor - 1} loaded`)
      }
      for (const t of TABLES) await r.run(`drop table bench_base_${t}`)
      await search.dropBase()
    })
    await step('build indexes and triggers', () => restore(r, saved, o.onStep))
    await step('rebuild counters and day summaries', () => rebuildSummaries(r))
    await step('check summaries add up to the rows', () => checkSummariesAddUp(r))
    await step('analyze', () => analyze(r))
    const n = await r.rows<{ n: number }>('select count(*) as n from inquiries')
    return { inquiries: Number(n[0]?.n), steps }
  } finally {
    if (r.engine === 'sqlite')
      await r.run(
        `pragma foreign_keys = on; pragma synchronous = full; pragma cache_size = ${deskCache}`,
      )
    r.release()
  }
}

async function baseSizes(r: SqlRunner): Promise<Base> {
  const out = {} as Base
  for (const t of TABLES) {
    const [s] = await r.rows<{ m: number | null; n: number }>(
      `select max(id) as m, count(*) as n from ${t}`,
    )
    if (Number(s?.m ?? 0) !== Number(s?.n))
      throw new Error(`${t}: ids are not 1…${s?.n} (max ${s?.m}); multiply a freshly filled desk`)
    out[t] = Number(s?.n)
  }
  return out
}

/** The INSERT … SELECT of copies k0 … k1-1 of `table`'s base rows. */
async function copySql(
  r: SqlRunner,
  table: keyof Base,
  base: Base,
  k0: number,
  k1: number,
  shift: number,
) {
  const columns = await columnsOf(r, table)
  const offset: Record<string, number> = {
    id: base[table],
    inquiry_id: base.inquiries,
    duplicate_of_id: base.inquiries,
  }
  const expr = (c: string) => {
    if (offset[c] !== undefined) return `t.${c} + c.k * ${offset[c]}`
    if (c === 'external_id') return `t.external_id || '~' || c.k`
    if (c.endsWith('_at')) return `t.${c} - c.k * ${shift}`
    if (table === 'inquiry_events' && c === 'data') return replyIdShifted(r, base.replies)
    return `t.${c}`
  }
  const copies =
    r.engine === 'sqlite'
      ? `(with recursive n(k) as (select ${k0} union all select k + 1 from n where k < ${k1 - 1}) select k from n) as c`
      : `generate_series(${k0}, ${k1 - 1}) as c(k)`
  return `insert into ${table} (${columns.join(', ')})
    select ${columns.map(expr).join(', ')} from ${copies} cross join bench_base_${table} as t`
}

/** An event's data with the id of its reply moved to the copy's reply (reply and posted events). */
function replyIdShifted(r: SqlRunner, replies: number): string {
  const shifted =
    r.engine === 'sqlite'
      ? `json_set(t.data, '$.replyId', json_extract(t.data, '$.replyId') + c.k * ${replies})`
      : `jsonb_set(t.data::jsonb, '{replyId}', to_jsonb((t.data::jsonb ->> 'replyId')::bigint + c.k * ${replies}))::text`
  return `case when t.type in ('replied', 'posted') then ${shifted} else t.data end`
}

type Saved = { kind: 'index' | 'trigger'; name: string; sql: string }

/** Drops the secondary indexes of the loaded tables (and SQLite's triggers on inquiries); returns their SQL. */
async function dropIndexesAndTriggers(r: SqlRunner): Promise<Saved[]> {
  const tables = [...TABLES, 'inquiry_search'].map((t) => `'${t}'`).join(', ')
  if (r.engine === 'sqlite') {
    const saved = await r.rows<Saved>(
      `select type as kind, name, sql from sqlite_master
       where type in ('index', 'trigger') and tbl_name in (${tables}) and sql is not null`,
    )
    // 256 MB of page cache while loading: the search index's segments and the index builds' sorts
    await r.run('pragma foreign_keys = off; pragma synchronous = off; pragma cache_size = -262144')
    for (const s of saved) await r.run(`drop ${s.kind} ${s.name}`)
    return saved
  }
  const saved = await r.rows<Saved>(
    `select 'index' as kind, indexname as name, indexdef as sql from pg_indexes
     where schemaname = current_schema() and tablename in (${tables})
       and indexname not in (select conname from pg_constraint)`,
  )
  await r.run(`set session_replication_role = replica`)
  await r.run(`set synchronous_commit = off`)
  // this session's index builds and sorts only; the shared server's settings stay as they are
  await r.run(`set maintenance_work_mem = '1GB'`)
  await r.run(`set work_mem = '256MB'`)
  for (const s of saved) await r.run(`drop index ${s.name}`)
  return saved
}

async function restore(r: SqlRunner, saved: Saved[], log?: (m: string) => void): Promise<void> {
  for (const s of saved.filter((x) => x.kind === 'index')) {
    const t0 = performance.now()
    await r.run(s.sql)
    log?.(`  index ${s.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  for (const s of saved.filter((x) => x.kind === 'trigger')) await r.run(s.sql)
  if (r.engine === 'postgres') {
    await r.run(`set session_replication_role = origin`)
    for (const t of TABLES)
      await r.run(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`)
  }
}

async function analyze(r: SqlRunner): Promise<void> {
  if (r.engine === 'sqlite') {
    // what `pragma optimize` does on a desk in use: statistics from a sample of each index
    await r.run('pragma analysis_limit = 1000; analyze; pragma wal_checkpoint(truncate)')
    return
  }
  await r.run(`vacuum (analyze) inquiries, inquiry_events, replies`)
  if (await hasPgSearchTable(r)) await r.run(`vacuum (analyze) inquiry_search`)
}

async function hasPgSearchTable(r: SqlRunner): Promise<boolean> {
  const rows = await r.rows(`select 1 from pg_tables where tablename = 'inquiry_search'`)
  return rows.length > 0
}

type SearchCopies = {
  prepareBase(): Promise<void>
  copy(k0: number, k1: number, inquiries: number): Promise<void>
  dropBase(): Promise<void>
}

/**
 * The search index's rows of the copies. SQLite: FTS5 rows (rowid = inquiry id) of the base's
 * token texts, tokenised here once per base inquiry (the index is contentless: it cannot be read
 * back). PostgreSQL: the base's rows of `inquiry_search` with shifted inquiry ids.
 */
async function searchIndex(r: SqlRunner, db: Db): Promise<SearchCopies> {
  const copies = (k0: number, k1: number) =>
    r.engine === 'sqlite'
      ? `(with recursive n(k) as (select ${k0} union all select k + 1 from n where k < ${k1 - 1}) select k from n) as c`
      : `generate_series(${k0}, ${k1 - 1}) as c(k)`
  if (r.engine === 'sqlite') {
    return {
      prepareBase: async () => {
        const client = db.$client
        client.exec(
          'create table bench_base_search (id integer primary key, subject text, body text)',
        )
        const insert = client.prepare('insert into bench_base_search values (?, ?, ?)')
        const read = client.prepare<[number], { id: number; subject: string; body: string }>(
          'select id, subject, body from inquiries where id > ? order by id limit 5000',
        )
        // in batches: better-sqlite3 cannot write while a read is being iterated
        for (let rows = read.all(0); rows.length > 0; rows = read.all(rows.at(-1)?.id ?? 0))
          client.transaction(() => {
            for (const row of rows)
              insert.run(row.id, searchText(row.subject), searchText(row.body))
          })()
      },
      copy: (k0, k1, n) =>
        r.run(`insert into inquiry_search (rowid, subject, body)
          select t.id + c.k * ${n}, t.subject, t.body from ${copies(k0, k1)} cross join bench_base_search as t`),
      dropBase: () => r.run('drop table bench_base_search'),
    }
  }
  if (!(await hasPgSearchTable(r)))
    return { prepareBase: async () => {}, copy: async () => {}, dropBase: async () => {} }
  return {
    prepareBase: () =>
      r.run('create unlogged table bench_base_search as select * from inquiry_search'),
    copy: async (k0, k1, n) => {
      const columns = await columnsOf(r, 'inquiry_search')
      const expr = (c: string) => (c === 'inquiry_id' ? `t.inquiry_id + c.k * ${n}` : `t.${c}`)
      await r.run(`insert into inquiry_search (${columns.join(', ')})
        select ${columns.map(expr).join(', ')} from ${copies(k0, k1)} cross join bench_base_search as t`)
    },
    dropBase: () => r.run('drop table bench_base_search'),
  }
}
