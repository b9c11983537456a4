/**
 * The rows of the summary inquiry_open_due_days (schema.ts inquiryOpenDueDays) computed
 * set-based from the inquiries: the keys and counts its triggers (migration open_due_days on
 * either engine) keep row by row. Selects `day, due_day, dimension, value, n` in that order; one
 * SQL text for SQLite and PostgreSQL. Used where the summaries are rebuilt rather than kept: the
 * move to PostgreSQL (copy-to-postgres.ts) and the benchmark's bulk fill.
 */
const DAY = `(received_at + 28800000) / 86400000`
const DUE_DAY = `(due_at + 28800000) / 86400000`
/** open with a running clock: status new or assigned (domain PENDING_STATUSES), not paused */
const COUNTED = `from inquiries where status in ('new', 'assigned') and paused_at is null`

export const OPEN_DUE_DAYS_SELECT = `select day, due_day, dimension, value, count(*) as n from (
    select ${DAY} as day, ${DUE_DAY} as due_day, 'channel' as dimension, channel_code as value ${COUNTED}
    union all
    select ${DAY}, ${DUE_DAY}, 'category', coalesce(category, '') ${COUNTED}
    union all
    select ${DAY}, ${DUE_DAY}, 'department', coalesce(cast(department_id as text), '') ${COUNTED}
    union all
    select ${DAY}, ${DUE_DAY}, 'assignee', coalesce(cast(assignee_id as text), '') ${COUNTED}
  ) o group by 1, 2, 3, 4`
