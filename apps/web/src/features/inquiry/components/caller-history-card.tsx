/**
 * "This caller's N earlier inquiries": the other inquiries from the same phone number on any
 * channel (the API compares HMACs of the number, so no number is shown or sent), the 12345 way of
 * spotting a repeat caller. Each links to its inquiry page. On a disclosure request it is the
 * applicant's other requests (and messages), which the office reads to spot a repeated request
 * (不予处理·重复申请). Not shown on a suggestion or proposal: its "citizen" is the deputy, whose
 * other suggestions are the proposals register's by name, not a caller's history.
 */
import { useQuery } from '@tanstack/react-query'
import { Card, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { formatReceivedAt } from '../../../utils/format-time.ts'
import { inquiryQueries } from '../api/inquiry-queries.ts'

export function CallerHistoryCard({ id, kind }: { id: number; kind: string }) {
  const { t, i18n } = useTranslation()
  const shown = kind !== 'proposal'
  const { data } = useQuery({ ...inquiryQueries.callerHistory(id), enabled: shown })
  const channels = useQuery(channelQueries.list()).data ?? []
  if (!shown || !data) return null
  const texts = kind === 'disclosure' ? 'inquiry.callerHistory.applicant' : 'inquiry.callerHistory'
  const nameOf = (code: string) => {
    const c = channels.find((x) => x.code === code)
    return c ? channelName(c, i18n.language) : code
  }
  return (
    <Card title={t(`${texts}.title`)} size="small">
      {data.total === 0 ? (
        <Typography.Text type="secondary">{t(`${texts}.none`)}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph strong>
            {t(`${texts}.count`, { count: data.total })}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={data.items}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/inquiries/${item.id}`}>{item.subject}</Link>}
                  description={
                    <>
                      <Tag>{nameOf(item.channel)}</Tag>
                      <Tag>{t(`status.${item.status}`)}</Tag>
                      {formatReceivedAt(item.kind, item.receivedAt)}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {data.total > data.items.length && (
            <Typography.Text type="secondary">
              {t('inquiry.callerHistory.more', { shown: data.items.length })}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  )
}
