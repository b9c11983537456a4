/**
 * Ant Design date pickers on plain strings, so that forms and URLs keep the API's forms: calendar
 * dates as `YYYY-MM-DD` (Asia/Shanghai days, as the API counts them) and wall-clock times as
 * `YYYY-MM-DDTHH:mm`. The strings carry no zone and are parsed and formatted as they are, so the
 * browser's zone never shifts a day. The calendar speaks the UI's language (antd's locale from
 * AppProviders, dayjs's month and weekday names from lib/i18n.ts): 2026年12月, 一 二 三 … in
 * Chinese, instead of the browser's native mm/dd/yyyy.
 */
import { DatePicker } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'

export const DATE_FORMAT = 'YYYY-MM-DD'
const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm'
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm'

// dayjs reads both forms (ISO without an offset) as local wall-clock times, and formats them back unchanged
const toDay = (value: string | undefined): Dayjs | null => (value ? dayjs(value) : null)

type RangeProps = {
  from: string | undefined
  to: string | undefined
  /** Accessible names (and placeholders) of the two inputs */
  labels: [string, string]
  /** Either end may be left open (the queue); otherwise both are required (the dashboard). */
  allowEmpty?: boolean
  onChange: (from: string | undefined, to: string | undefined) => void
}

/** A range of two `YYYY-MM-DD` dates; the picker keeps from ≤ to. */
export function DateRangeInput({ from, to, labels, allowEmpty = false, onChange }: RangeProps) {
  return (
    <DatePicker.RangePicker
      value={[toDay(from), toDay(to)]}
      format={DATE_FORMAT}
      placeholder={labels}
      aria-label={`${labels[0]} – ${labels[1]}`}
      allowEmpty={[allowEmpty, allowEmpty]}
      allowClear={allowEmpty}
      style={{ width: 260 }}
      onChange={(dates) =>
        onChange(dates?.[0]?.format(DATE_FORMAT), dates?.[1]?.format(DATE_FORMAT))
      }
    />
  )
}

type DateProps = {
  value: string
  /** Accessible name */
  label: string
  /** The last date that may be chosen (`YYYY-MM-DD`), e.g. today */
  max?: string
  size?: 'small' | 'middle'
  onChange: (value: string) => void
}

/** One `YYYY-MM-DD` date ('' when cleared). */
export function DateInput({ value, label, max, size, onChange }: DateProps) {
  return (
    <DatePicker
      value={toDay(value)}
      format={DATE_FORMAT}
      aria-label={label}
      size={size}
      disabledDate={max ? (d: Dayjs) => d.format(DATE_FORMAT) > max : undefined}
      style={{ width: 150 }}
      onChange={(d: Dayjs | null) => onChange(d ? d.format(DATE_FORMAT) : '')}
    />
  )
}

type DateTimeProps = { id?: string; value: string; onChange: (value: string) => void }

/** A wall-clock date and time, `YYYY-MM-DDTHH:mm` (as a datetime-local input gives it). */
export function DateTimeInput({ id, value, onChange }: DateTimeProps) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format={DATE_TIME_FORMAT}
      value={toDay(value)}
      allowClear={false}
      style={{ width: '100%' }}
      onChange={(d: Dayjs | null) => onChange(d ? d.format(WALL_CLOCK) : '')}
    />
  )
}
