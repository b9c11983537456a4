/**
 * /inquiries/:id: one inquiry with its contact, timeline and actions (features/inquiry), composed
 * with the responder's workflow (features/inquiry-workflow: transfer, return, notes, merge, reply
 * with templates and sign-off, delivery, follow-up) and its deadline (features/deadlines).
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Col, Flex, Result, Row, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { DeadlinePanel } from '../../features/deadlines/components/deadline-panel.tsx'
import { inquiryQueries } from '../../features/inquiry/api/inquiry-queries.ts'
import { ContactCard } from '../../features/inquiry/components/contact-card.tsx'
import { InquiryActions } from '../../features/inquiry/components/inquiry-actions.tsx'
import { InquirySummary } from '../../features/inquiry/components/inquiry-summary.tsx'
import { InquiryTimeline } from '../../features/inquiry/components/inquiry-timeline.tsx'
import { workflowQueries } from '../../features/inquiry-workflow/api/workflow-queries.ts'
import { DraftList } from '../../features/inquiry-workflow/components/draft-list.tsx'
import { EventDetail } from '../../features/inquiry-workflow/components/event-detail.tsx'
import { FollowUpCard } from '../../features/inquiry-workflow/components/follow-up-card.tsx'
import { ReplyComposer } from '../../features/inquiry-workflow/components/reply-composer.tsx'
import { ReplyDelivery } from '../../features/inquiry-workflow/components/reply-delivery.tsx'
import { WorkflowPanel } from '../../features/inquiry-workflow/components/workflow-panel.tsx'
import { isApiError } from '../../lib/api-client.ts'
import { channelName, channelQueries } from '../../lib/channels.ts'
import { sessionQueries } from '../../lib/session.ts'

export function Component() {
  const { t, i18n } = useTranslation()
  const id = Number(useParams().id)
  const isValidId = Number.isInteger(id) && id > 0
  const detail = useQuery({ ...inquiryQueries.detail(id), enabled: isValidId })
  const workflow = useQuery({ ...workflowQueries.view(id), enabled: isValidId && detail.isSuccess })
  const channels = useQuery(channelQueries.list())
  const me = useQuery(sessionQueries.me())
  const isManager = me.data?.role === 'manager' || me.data?.role === 'admin'

  if (!isValidId || isApiError(detail.error, 404)) {
    return <Result status="404" title={t('inquiry.notFound')} extra={<Link to="/queue">{t('app.backToQueue')}</Link>} />
  }
  if (detail.isError) return <Alert type="error" showIcon title={t('inquiry.loadError')} />
  if (detail.isPending) return <Skeleton active />

  const { inquiry, contact, deadline } = detail.data
  const channel = channels.data?.find((c) => c.code === inquiry.channel)
  const flow = workflow.data
  return (
    <Flex vertical gap={16}>
      <Link to="/queue">{t('inquiry.back')}</Link>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <InquirySummary inquiry={inquiry} channel={channel ? channelName(channel, i18n.language) : inquiry.channel} />
            <InquiryActions inquiry={inquiry} hasReplyBox={false} />
            <ReplyComposer inquiry={inquiry} requiresSignOff={flow?.requiresSignOff} />
            {flow && (
              <>
                <DraftList inquiry={inquiry} drafts={flow.drafts} isManager={isManager} />
                <FollowUpCard inquiry={inquiry} followUps={flow.followUps} />
                <WorkflowPanel inquiry={inquiry} workflow={flow} />
              </>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {deadline && <DeadlinePanel inquiry={inquiry} deadline={deadline} isManager={isManager} />}
            <ContactCard id={inquiry.id} masked={contact} />
            <InquiryTimeline
              inquiry={inquiry}
              renderEventDetail={(event) => <EventDetail event={event} />}
              renderReplyExtra={(reply) =>
                flow && (
                  <ReplyDelivery inquiryId={inquiry.id} reply={reply} hasWebhook={flow.hasWebhook} deliveries={flow.deliveries} />
                )
              }
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}
