/**
 * A year as twelve month grids (Monday first): holidays in red with 休, make-up workdays in blue
 * with 班, plain weekends greyed; the name of a listed date is in its label and tooltip. Clicking
 * a day opens the add/correct form for it.
 */
import { dayOfWeek } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Row, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { calendarQueries } from '../../../lib/calendar.ts'
import type { CalendarDay } from '../api/calendar-queries.ts'

type Props = { year: number; onPick: (date: string, listed: CalendarDay | undefined) => void }

const pad = (n: number) => String(n).padStart(2, '0')
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Cells of a month, Monday first: null for the blanks before the 1st. */
function monthCells(year: number, month: number): (string | null)[] {
  const first = `${year}-${pad(month)}-01`
  const blanks = (dayOfWeek(first) + 6) % 7 // dayOfWeek: 0 = Sunday
  const dates = Array.from(
    { length: daysInMonth(year, month) },
    (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`,
  )
  return [...Array.from({ length: blanks }, () => null), ...dates]
}

const cellStyle = {
  width: '14.28%',
  display: 'inline-block',
  textAlign: 'center',
  padding: 0,
  border: 0,
  font: 'inherit',
} as const

export function CalendarYearGrid({ year, onPick }: Props) {
  const { t, i18n } = useTranslation()
  const days = useQuery(calendarQueries.year(year))
  const listed = new Map((days.data?.days ?? []).map((d) => [d.date, d]))
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' })

  function cell(date: string) {
    const d = listed.get(date)
    const weekend = dayOfWeek(date) % 6 === 0
    const kind = d
      ? t(d.isOffDay ? 'adminConfig.calendar.holiday' : 'adminConfig.calendar.makeup')
      : ''
    const color = d ? (d.isOffDay ? '#cf1322' : '#0958d9') : weekend ? '#bfbfbf' : undefined
    const background = d ? (d.isOffDay ? '#fff1f0' : '#e6f4ff') : 'transparent'
    const button = (
      <button
        type="button"
        aria-label={[date, d?.name, kind].filter(Boolean).join(' ')}
        onClick={() => onPick(date, d)}
        style={{
          ...cellStyle,
          color,
          background,
          cursor: 'pointer',
          lineHeight: '16px',
          paddingBlock: 2,
        }}
      >
        {Number(date.slice(8))}
        <div style={{ fontSize: 10, minHeight: 12 }}>
          {d
            ? t(d.isOffDay ? 'adminConfig.calendar.offMark' : 'adminConfig.calendar.workMark')
            : ''}
        </div>
      </button>
    )
    return d?.name ? (
      <Tooltip key={date} title={`${d.name} · ${kind}`}>
        {button}
      </Tooltip>
    ) : (
      <span key={date}>{button}</span>
    )
  }

  return (
    <Row gutter={[8, 8]}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Col key={month} xs={24} sm={12} lg={8}>
          <Card
            size="small"
            title={monthName.format(Date.UTC(year, month - 1, 1))}
            loading={days.isPending}
          >
            {monthCells(year, month).map((date, i) =>
              date ? cell(date) : <span key={`blank-${i}`} style={cellStyle} />,
            )}
          </Card>
        </Col>
      ))}
    </Row>
  )
}
