/**
 * The sentences the desk counts for one section, each followed by its numbers as links to the
 * records behind them: the queue's filter, or the disclosure register's cell.
 */
import { Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AnnualReportResponse } from '../api/annual-report-queries.ts'

type Sentence = AnnualReportResponse['report']['sentences'][number]

export function CountedSentences({ sentences }: { sentences: readonly Sentence[] }) {
  const { t } = useTranslation()
  if (sentences.length === 0) return null
  return (
    <div
      style={{
        background: '#f6ffed',
        border: '1px solid #b7eb8f',
        borderRadius: 6,
        padding: '8px 12px',
        marginBottom: 12,
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('annualReport.counted')}
      </Typography.Text>
      {sentences.map((s) => (
        <div key={s.key} style={{ marginTop: 6 }}>
          <Typography.Paragraph style={{ marginBottom: 4, fontSize: 15 }} data-sentence={s.key}>
            {s.text}
          </Typography.Paragraph>
          <Flex wrap gap={4}>
            {s.links.map((l) => {
              const text = `${l.label} ${l.count}`
              const page = l.target === 'queue' ? '/queue' : '/reports/disclosure/register'
              return (
                <Link
                  key={l.label}
                  to={`${page}?${new URLSearchParams(l.filter).toString()}`}
                  aria-label={t('annualReport.recordsOf', { what: text })}
                >
                  <Tag color="blue">{text}</Tag>
                </Link>
              )
            })}
          </Flex>
        </div>
      ))}
    </div>
  )
}
