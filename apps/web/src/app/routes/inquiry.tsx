/** /inquiries/:id: one inquiry with its contact, timeline and actions. */
import { useQuery } from '@tanstack/react-query'
import { Alert, Col, Flex, Result, Row, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { inquiryQueries } from '../../features/inquiry/api/inquiry-queries.ts'
import { ContactCard } from '../../features/inquiry/components/contact-card.tsx'
import { InquiryActions } from '../../features/inquiry/components/inquiry-actions.tsx'
import { InquirySummary } from '../../features/inquiry/components/inquiry-summary.tsx'
import { InquiryTimeline } from '../../features/inquiry/components/inquiry-timeline.tsx'
import { isApiError } from '../../lib/api-client.ts'
import { channelName, channelQueries } from '../../lib/channels.ts'

export function Component() {
  const { t, i18n } = useTranslation()
  const id = Number(useParams().id)
  const isValidId = Number.isInteger(id) && id > 0
  const detail = useQuery({ ...inquiryQueries.detail(id), enabled: isValidId })
  const channels = useQuery(channelQueries.list())

  if (!isValidId || isApiError(detail.error, 404)) {
    return <Result status="404" title={t('inquiry.notFound')} extra={<Link to="/queue">{t('app.backToQueue')}</Link>} />
  }
  if (detail.isError) return <Alert type="error" showIcon title={t('inquiry.loadError')} />
  if (detail.isPending) return <Skeleton active />

  const { inquiry, contact } = detail.data
  const channel = channels.data?.find((c) => c.code === inquiry.channel)
  return (
    <Flex vertical gap={16}>
      <Link to="/queue">{t('inquiry.back')}</Link>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <InquirySummary inquiry={inquiry} channel={channel ? channelName(channel, i18n.language) : inquiry.channel} />
            <InquiryActions inquiry={inquiry} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <ContactCard id={inquiry.id} masked={contact} />
            <InquiryTimeline inquiry={inquiry} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}
