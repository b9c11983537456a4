/**
 * The dashboard's period: presets (today, this week, this month, this year, last year; dates in
 * Asia/Shanghai computed in the browser) or any range of two dates, and the trend's granularity
 * (automatic: the API's choice by the range's length). The range is antd's picker on YYYY-MM-DD
 * strings, as on the queue (components/date-inputs.tsx): a calendar date carries no zone.
 */
import { GRANULARITIES } from '@desk/domain'
import { Flex, Segmented, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { DateRangeInput } from '../../../components/date-inputs.tsx'
import type { DashboardPeriod } from '../api/dashboard-queries.ts'
import { matchingPreset, PERIOD_PRESETS, presetRange } from '../api/periods.ts'

type Props = { period: DashboardPeriod; nowMs: number; onChange: (period: DashboardPeriod) => void }
const AUTO = 'auto'

export function PeriodPicker({ period, nowMs, onChange }: Props) {
  const { t } = useTranslation()
  const preset = matchingPreset(period, nowMs) ?? 'custom'
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      <Segmented
        aria-label={t('dashboard.period.label')}
        // six presets are wider than a phone in English: they scroll instead of widening the page
        style={{ maxWidth: '100%', overflowX: 'auto' }}
        value={preset}
        options={[...PERIOD_PRESETS, 'custom'].map((p) => ({
          value: p,
          label: t(`dashboard.period.${p}`),
        }))}
        onChange={(p) => {
          const found = PERIOD_PRESETS.find((x) => x === p)
          if (found) onChange({ ...presetRange(found, nowMs), granularity: undefined })
        }}
      />
      <DateRangeInput
        from={period.from}
        to={period.to}
        labels={[t('dashboard.period.from'), t('dashboard.period.to')]}
        onChange={(from, to) => from && to && onChange({ ...period, from, to })}
      />
      <Select
        aria-label={t('dashboard.granularity.label')}
        value={period.granularity ?? AUTO}
        style={{ width: 120 }}
        options={[AUTO, ...GRANULARITIES].map((g) => ({
          value: g,
          label: t(`dashboard.granularity.${g}`),
        }))}
        onChange={(g) => onChange({ ...period, granularity: GRANULARITIES.find((x) => x === g) })}
      />
    </Flex>
  )
}
