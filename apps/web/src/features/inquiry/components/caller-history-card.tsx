/**
 * "This caller's N earlier inquiries": the other inquiries from the same phone number on any
 * channel (the API compares HMACs of the number, so no number is shown or sent), the 12345 way of
 * spotting a repeat caller. Each links to its inquiry page.
 */
import { useQuery } from '@tanstack/react-query'
import { Card, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import { inquiryQueries } from '../api/inquiry-queries.ts'

export function CallerHistoryCard({ id }: { id: number }) {
  const { t, i18n } = useTranslation()
  const { data } = useQuery(inquiryQueries.callerHistory(id))
  const channels = useQuery(channelQueries.list()).data ?? []
  if (!data) return null
  const nameOf = (code: string) => {
    const c = channels.find((x) => x.code === code)
    return c ? channelName(c, i18n.language) : code
  }
  return (
    <Card title={t('inquiry.callerHistory.title')} size="small">
      {data.total === 0 ? (
        <Typography.Text type="secondary">{t('inquiry.callerHistory.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph strong>
            {t('inquiry.callerHistory.count', { count: data.total })}
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
                      {formatDateTime(item.receivedAt)}
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
