/**
 * The register rows of one table cell: exactly the requests (or cases) the cell counts, each with
 * its answer document's delivery once recorded.
 */
import { deliveryMethodLabel } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, List, Skeleton, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { disclosureQueries, type CellLink } from '../api/disclosure-queries.ts'

export function DisclosureRegister({ link }: { link: CellLink }) {
  const { t, i18n } = useTranslation()
  const zh = !i18n.language.startsWith('en')
  const register = useQuery(disclosureQueries.register(link))
  if (register.isPending) return <Skeleton active />
  if (register.isError) return <Alert type="error" showIcon title={t('disclosure.loadError')} />
  const { requests, cases } = register.data
  if (requests) {
    return (
      <>
        <Typography.Paragraph>
          {t('disclosure.cellOf', {
            row: zh ? requests.labelZh : requests.labelEn,
            column: t(`disclosure.applicant.${requests.column}`),
            year: requests.year,
          })}
          <Tag style={{ marginLeft: 8 }} data-testid="register-count">
            {requests.items.length}
          </Tag>
        </Typography.Paragraph>
        <List
          bordered
          dataSource={requests.items}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/inquiries/${r.id}`}>{r.subject}</Link>}
                description={[
                  r.receivedOn,
                  t(`disclosure.applicant.${r.applicantType}`),
                  t(`disclosure.method.${r.receiptMethod}`),
                  r.outcome ? t(`disclosure.outcome.${r.outcome.replace('.', '_')}`) : '',
                  r.deliveredOn
                    ? `${t('disclosure.delivery.column')}：${deliveryMethodLabel(r.deliveryMethod, zh ? 'zh' : 'en')} ${r.deliveredOn}${r.trackingNumber ? ` (${r.trackingNumber})` : ''}`
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      </>
    )
  }
  return (
    <List
      bordered
      dataSource={cases?.items ?? []}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              c.request ? (
                <Link to={`/inquiries/${c.request.id}`}>{c.request.subject}</Link>
              ) : (
                c.requestId
              )
            }
            description={`${t(`disclosure.review.${c.kind}`)} · ${t(`disclosure.reviewResult.${c.result}`)}`}
          />
        </List.Item>
      )}
    />
  )
}
