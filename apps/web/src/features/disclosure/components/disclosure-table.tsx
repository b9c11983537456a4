/**
 * The year's national table of disclosure requests (sections 三 and 四) with the report's
 * sentences; every number links to the register rows it counts (`/reports/disclosure/register?…`).
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Skeleton, Tag, Typography } from 'antd'
import { headingAbove } from '@desk/domain'
import { Fragment, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { disclosureQueries, type CellLink } from '../api/disclosure-queries.ts'

const cellStyle: CSSProperties = { border: '1px solid #d9d9d9', padding: '4px 8px' }
const numStyle: CSSProperties = { ...cellStyle, textAlign: 'center', minWidth: 56 }

export const registerHref = (link: CellLink) =>
  `/reports/disclosure/register?${new URLSearchParams(link).toString()}`

function Count({ n, link, label }: { n: number; link: CellLink; label: string }) {
  return (
    <td style={numStyle}>
      <Link to={registerHref(link)} aria-label={label}>
        {n}
      </Link>
    </td>
  )
}

export function DisclosureTable({ year }: { year: number }) {
  const { t, i18n } = useTranslation()
  const zh = !i18n.language.startsWith('en')
  const table = useQuery(disclosureQueries.table(year))
  if (table.isPending) return <Skeleton active />
  if (table.isError) return <Alert type="error" showIcon title={t('disclosure.loadError')} />
  const { columns, sectionThree, sectionFour, sentences } = table.data
  const label = (x: { labelZh: string; labelEn: string } | undefined) =>
    x ? (zh ? x.labelZh : x.labelEn) : ''
  return (
    <>
      <Typography.Paragraph data-testid="disclosure-sentences" style={{ fontSize: 15 }}>
        {sentences.intake}
        {sentences.review}
      </Typography.Paragraph>
      <Typography.Title level={4}>{t('disclosure.sectionThree')}</Typography.Title>
      <div style={{ overflowX: 'auto', marginBottom: 24 }}>
        <table
          style={{ borderCollapse: 'collapse', fontSize: 13 }}
          aria-label={t('disclosure.sectionThree')}
        >
          <thead>
            <tr>
              <th style={cellStyle} rowSpan={2} />
              <th style={cellStyle} rowSpan={2}>
                {label(columns[0])}
              </th>
              <th style={cellStyle} colSpan={5}>
                {t('disclosure.organisations')}
              </th>
              <th style={cellStyle} rowSpan={2}>
                {label(columns[6])}
              </th>
            </tr>
            <tr>
              {columns.slice(1, 6).map((c) => (
                <th key={c.column} style={cellStyle}>
                  {label(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sectionThree.map((r) => (
              <Fragment key={r.row}>
                {headingAbove(r.row) && (
                  <tr>
                    <th
                      scope="rowgroup"
                      colSpan={columns.length + 1}
                      style={{ ...cellStyle, textAlign: 'left', fontWeight: 'normal' }}
                    >
                      {headingAbove(r.row)?.[zh ? 'zh' : 'en']}
                    </th>
                  </tr>
                )}
                <tr>
                  <th scope="row" style={{ ...cellStyle, textAlign: 'left', fontWeight: 'normal' }}>
                    {label(r)}
                    {!r.verified && (
                      <Tag style={{ marginLeft: 6 }} title={t('disclosure.unverifiedHint')}>
                        {t('disclosure.unverified')}
                      </Tag>
                    )}
                  </th>
                  {r.cells.map((c, i) => (
                    <Count
                      key={c.column}
                      n={c.count}
                      link={c.link}
                      label={`${label(r)} · ${label(columns[i])}: ${c.count}`}
                    />
                  ))}
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Title level={4}>{t('disclosure.sectionFour')}</Typography.Title>
      <div style={{ overflowX: 'auto' }}>
        <table
          style={{ borderCollapse: 'collapse', fontSize: 13 }}
          aria-label={t('disclosure.sectionFour')}
        >
          <thead>
            <tr>
              <th style={cellStyle} />
              {sectionFour[0]?.cells.map((c) => (
                <th key={c.column} style={cellStyle}>
                  {label(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sectionFour.map((k) => (
              <tr key={k.kind}>
                <th scope="row" style={{ ...cellStyle, textAlign: 'left', fontWeight: 'normal' }}>
                  {label(k)}
                </th>
                {k.cells.map((c) => (
                  <Count
                    key={c.column}
                    n={c.count}
                    link={c.link}
                    label={`${label(k)} · ${label(c)}: ${c.count}`}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
