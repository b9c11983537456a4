/** The tally's year: the current year (Asia/Shanghai) and the fifteen before it. */
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'

type Props = { year: number; currentYear: number; onChange: (year: number) => void }

export function YearPicker({ year, currentYear, onChange }: Props) {
  const { t } = useTranslation()
  const years = Array.from({ length: 16 }, (_, i) => currentYear - i)
  if (!years.includes(year)) years.push(year)
  return (
    <Select
      aria-label={t('reports.year')}
      value={year}
      style={{ width: 120 }}
      options={years.map((y) => ({ value: y, label: t('reports.yearOption', { year: y }) }))}
      onChange={onChange}
    />
  )
}
