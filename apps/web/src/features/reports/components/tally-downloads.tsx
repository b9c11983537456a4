/** Download links of the year's tally as CSV (UTF-8 with BOM, for Excel) and XLSX. */
import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { tallyFileHref } from '../api/reports-queries.ts'

export function TallyDownloads({ year }: { year: number }) {
  const { t } = useTranslation()
  return (
    <Flex gap={8}>
      <Button href={tallyFileHref(year, 'csv')} download>
        {t('reports.downloadCsv')}
      </Button>
      <Button href={tallyFileHref(year, 'xlsx')} download>
        {t('reports.downloadXlsx')}
      </Button>
    </Flex>
  )
}
