/**
 * A dashboard number as a link to the queue view that lists exactly those rows. Its accessible
 * name says what it counts ("民心网联网平台 逾期 3"), since a bare number is ambiguous in a table.
 */
import { Link } from 'react-router'
import type { CountLink as Count } from '../api/dashboard-queries.ts'
import { queueHref } from '../api/queue-href.ts'

type Props = { count: Count; label: string }

export function CountLink({ count, label }: Props) {
  return (
    <Link to={queueHref(count.filter)} aria-label={`${label} ${count.n}`}>
      {count.n.toLocaleString('zh-CN')}
    </Link>
  )
}
