/**
 * The per-channel counters, the two day summaries and the open items by due day (migrations 0006,
 * 0009/0018/0030 and 0032 on SQLite, 0001/0003/0017 and 0019 on PostgreSQL) computed set-based from the inquiries, for the bulk fill, which loads
 * rows with the triggers off. The formulas are the triggers' own; `checkAgainstTriggers` proves
 * it on rows the triggers counted, before the bulk load. One SQL text serves both engines
 * (`case when` instead of SQLite's boolean-as-integer, `coalesce` instead of `ifnull`).
 */
import { OPEN_DUE_DAYS_SELECT } from '../src/db/open-due-days.ts'
import type { SqlRunner } from './sql-runner.ts'

const DAY = `(received_at + 28800000) / 86400000`

/**
 * Each summary table with the select of its rows from `inquiries`: columns named as the table's
 * (PostgreSQL names every unnamed expression `?column?`), in its key order, then n.
 */
const SUMMARIES: { table: string; columns: string; select: string }[] = [
  {
    table: 'inquiry_counts',
    columns: 'channel_code, status, n',
    select: `select channel_code, status, count(*) as n from inquiries group by 1, 2`,
  },
  {
    table: 'inquiry_day_channel_counts',
    columns: 'day, channel_code, reply_day, n, pending, on_time, rated, satisfied',
    select: `select ${DAY} as day, channel_code,
      coalesce((replied_at + 28800000) / 86400000, -1) as reply_day, count(*) as n,
      sum(case when status in ('new', 'assigned') then 1 else 0 end) as pending,
      sum(case when replied_at <= coalesce(first_due_at, due_at) then 1 else 0 end) as on_time,
      sum(case when coalesce(satisfaction, '') <> '' then 1 else 0 end) as rated,
      sum(case when satisfaction in ('satisfied', 'basically_satisfied') then 1 else 0 end) as satisfied
      from inquiries group by 1, 2, 3`,
  },
  {
    table: 'inquiry_day_workload_stats',
    columns: 'day, category, department_id, assignee_id, status, n',
    select: `select ${DAY} as day, coalesce(category, '') as category,
      coalesce(department_id, 0) as department_id, coalesce(assignee_id, 0) as assignee_id,
      status, count(*) as n from inquiries group by 1, 2, 3, 4, 5`,
  },
  {
    table: 'inquiry_open_due_days',
    columns: 'day, due_day, dimension, value, n',
    select: OPEN_DUE_DAYS_SELECT,
  },
]

const key = (r: Record<string, unknown>) => Object.values(r).map(String).join('|')

/**
 * Compares what the triggers wrote (rows with n ≠ 0) with the set-based formulas over the rows.
 * @throws Error naming the first table that differs
 */
export async function checkAgainstTriggers(r: SqlRunner): Promise<void> {
  for (const s of SUMMARIES) {
    const kept = (
      await r.rows<Record<string, unknown>>(`select ${s.columns} from ${s.table} where n <> 0`)
    )
      .map(key)
      .sort()
    const computed = (await r.rows<Record<string, unknown>>(s.select)).map(key).sort()
    const differs = kept.findIndex((k, i) => k !== computed[i])
    if (differs >= 0 || kept.length !== computed.length)
      throw new Error(
        `${s.table}: the triggers kept ${kept.length} rows, the set-based formula gives ${computed.length}; first difference: ${kept[differs]} vs ${computed[differs]}`,
      )
  }
}

/**
 * PostgreSQL: proves its triggers keep the summaries as the formulas count them, on a desk whose
 * summaries were copied in bulk rather than written by those triggers. In one transaction that is
 * rolled back, with only the inquiries' own triggers firing (`enable always` under the replica
 * role, so foreign keys do not cascade), every `every`-th inquiry is deleted and inserted again;
 * after each step the summaries must equal the formulas over the rows.
 * @throws Error naming the first table that differs after the delete or the insert
 */
export async function checkPgTriggersOnSample(r: SqlRunner, every = 20): Promise<void> {
  const triggers = await r.rows<{ name: string }>(
    `select tgname as name from pg_trigger where tgrelid = 'inquiries'::regclass and not tgisinternal`,
  )
  await r.run('begin')
  try {
    await r.run('set local session_replication_role = replica')
    for (const t of triggers) await r.run(`alter table inquiries enable always trigger ${t.name}`)
    const sample = `from inquiries where id % ${every} = 0`
    await r.run(`create temp table bench_trigger_sample on commit drop as select * ${sample}`)
    await r.run(`delete ${sample}`)
    await checkAgainstTriggers(r)
    await r.run('insert into inquiries select * from bench_trigger_sample')
    await checkAgainstTriggers(r)
  } finally {
    await r.run('rollback')
  }
}

/** Replaces the summary tables' rows with the set-based counts of the inquiries. */
export async function rebuildSummaries(r: SqlRunner): Promise<void> {
  for (const s of SUMMARIES) {
    await r.run(`delete from ${s.table}`)
    await r.run(`insert into ${s.table} (${s.columns}) ${s.select}`)
  }
}

/**
 * Checks that every summary adds up to the rows: per (channel, status), the sum of `n` in
 * inquiry_counts equals the number of inquiries, and so per channel do the received and pending
 * of inquiry_day_channel_counts; per status, the sum of `n` in inquiry_day_workload_stats; per
 * channel, the open items with a running clock in inquiry_open_due_days.
 * @throws Error naming the table and the first key that differs
 */
export async function checkSummariesAddUp(r: SqlRunner): Promise<void> {
  const perKey = async (q: string) =>
    new Map(
      (await r.rows<{ k: string; n: number }>(q)).map((x) => [String(x.k), Number(x.n)] as const),
    )
  const pending = `case when status in ('new', 'assigned') then 1 else 0 end`
  const checks: [string, string, string][] = [
    [
      'inquiry_counts',
      `select channel_code || '/' || status as k, count(*) as n from inquiries group by 1`,
      `select channel_code || '/' || status as k, sum(n) as n from inquiry_counts group by 1`,
    ],
    [
      'inquiry_day_channel_counts (received)',
      `select channel_code as k, count(*) as n from inquiries group by 1`,
      `select channel_code as k, sum(n) as n from inquiry_day_channel_counts group by 1`,
    ],
    [
      'inquiry_day_channel_counts (pending)',
      `select channel_code as k, sum(${pending}) as n from inquiries group by 1`,
      `select channel_code as k, sum(pending) as n from inquiry_day_channel_counts group by 1`,
    ],
    [
      'inquiry_day_workload_stats',
      `select status as k, count(*) as n from inquiries group by 1`,
      `select status as k, sum(n) as n from inquiry_day_workload_stats group by 1`,
    ],
    [
      'inquiry_open_due_days (channel)',
      `select channel_code as k, count(*) as n from inquiries
        where status in ('new', 'assigned') and paused_at is null group by 1`,
      `select value as k, sum(n) as n from inquiry_open_due_days where dimension = 'channel' group by 1`,
    ],
  ]
  for (const [table, rowsQuery, sumsQuery] of checks) {
    const rows = await perKey(rowsQuery)
    const got = await perKey(sumsQuery)
    for (const [k, n] of rows)
      if ((got.get(k) ?? 0) !== n)
        throw new Error(`${table}: ${k} sums to ${got.get(k)}, rows ${n}`)
  }
}
