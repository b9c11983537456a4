/** The tally of one year: the annual-report sentence, the downloads and the tables. */
import { useQuery } from '@tanstack/react-query'
import { Alert, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { reportsQueries } from '../api/reports-queries.ts'
import { ReportSentence } from './report-sentence.tsx'
import { CategoryTally, ChannelTally, MonthTally } from './tally-tables.tsx'

export function TallyView({ year }: { year: number }) {
  const { t } = useTranslation()
  const { data, isPending, isError } = useQuery(reportsQueries.tally(year))
  if (isPending) return <Skeleton active />
  if (isError) return <Alert type="error" title={t('reports.error')} />
  return (
    <>
      <ReportSentence sentence={data.sentence} />
      <ChannelTally tally={data} />
      <MonthTally tally={data} />
      <CategoryTally tally={data} />
    </>
  )
}
