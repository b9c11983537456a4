/**
 * The dashboard's period: presets (today, this week, this month, this year, last year; dates in
 * Asia/Shanghai computed in the browser) or any range of two dates, and the trend's granularity
 * (automatic: the API's choice by the range's length). The dates are plain date inputs, as on the
 * queue: a calendar date carries no zone.
 */
import { GRANULARITIES } from '@desk/domain'
import { Flex, Input, Segmented, Select } from 'antd'
import { useTranslation } from 'react-i18next'
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
        value={preset}
        options={[...PERIOD_PRESETS, 'custom'].map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
        onChange={(p) => {
          const found = PERIOD_PRESETS.find((x) => x === p)
          if (found) onChange({ ...presetRange(found, nowMs), granularity: undefined })
        }}
      />
      <Input
        type="date"
        aria-label={t('dashboard.period.from')}
        value={period.from}
        max={period.to}
        style={{ width: 150 }}
        onChange={(e) => e.target.value && e.target.value <= period.to && onChange({ ...period, from: e.target.value })}
      />
      <span>–</span>
      <Input
        type="date"
        aria-label={t('dashboard.period.to')}
        value={period.to}
        min={period.from}
        style={{ width: 150 }}
        onChange={(e) => e.target.value && e.target.value >= period.from && onChange({ ...period, to: e.target.value })}
      />
      <Select
        aria-label={t('dashboard.granularity.label')}
        value={period.granularity ?? AUTO}
        style={{ width: 120 }}
        options={[AUTO, ...GRANULARITIES].map((g) => ({ value: g, label: t(`dashboard.granularity.${g}`) }))}
        onChange={(g) => onChange({ ...period, granularity: GRANULARITIES.find((x) => x === g) })}
      />
    </Flex>
  )
}
