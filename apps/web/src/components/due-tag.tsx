/**
 * Where an inquiry stands against its due instant, as a coloured tag: overdue by N working days
 * (red), due today (orange), due in N working days (gold when N ≤ 3, else blue). Counted with the
 * domain's `dueStatus` on the working-day calendar (Asia/Shanghai days).
 */
import { dueStatus, type DueStatus, type HolidayCalendar } from '@desk/domain'
import { Tag } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

/** Working days within which a due date is flagged gold. */
export const DUE_SOON_WORKING_DAYS = 3

/** The tag colour of a due status (antd preset colour names). */
export function dueColor(status: DueStatus): 'red' | 'orange' | 'gold' | 'blue' {
  if (status.state === 'overdue') return 'red'
  if (status.state === 'due_today') return 'orange'
  return status.workingDays <= DUE_SOON_WORKING_DAYS ? 'gold' : 'blue'
}

/** The status in words (locales `due.*`), e.g. 已逾期 2 个工作日 / overdue by 2 working days. */
export function dueText(status: DueStatus, t: TFunction): string {
  if (status.state === 'overdue' && status.workingDays === 0) return t('due.overdue_today')
  return t(`due.${status.state}`, { count: status.workingDays })
}

/** A due status as a coloured tag. */
export function DueStatusTag({ status }: { status: DueStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={dueColor(status)} data-due-state={status.state}>
      {dueText(status, t)}
    </Tag>
  )
}

type Props = {
  calendar: HolidayCalendar
  /** The due instant, ISO 8601 with an offset as the API sends it */
  dueAt: string
  /** UTC ms */
  now: number
}

/** The tag of an inquiry due at `dueAt`, seen at `now` on `calendar`; the raw text when it is not a time. */
export function DueTag({ calendar, dueAt, now }: Props) {
  const at = Date.parse(dueAt)
  if (Number.isNaN(at)) return <Tag>{dueAt}</Tag>
  return <DueStatusTag status={dueStatus(calendar, now, at)} />
}
