/**
 * /inquiries/:id: one inquiry (features/inquiry): its message, the reply box, sign-off drafts,
 * follow-ups and the 办理 card in the main column; deadline, contact and timeline beside it.
 * Other features' pieces about the inquiry (e.g. its attachments) compose in here, not in the
 * feature.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Col, Flex, Result, Row, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { disclosureQueries } from '../../features/disclosure/api/disclosure-queries.ts'
import { AnswerDocumentCard } from '../../features/disclosure/components/answer-document-card.tsx'
import { DisclosurePanel } from '../../features/disclosure/components/disclosure-panel.tsx'
import { OutcomeCorrectionCard } from '../../features/disclosure/components/outcome-correction-card.tsx'
import { ReviewCasesCard } from '../../features/disclosure/components/review-cases-card.tsx'
import { inquiryQueries } from '../../features/inquiry/api/inquiry-queries.ts'
import { InquiryFiles } from '../../features/attachments/components/inquiry-files.tsx'
import { CallerHistoryCard } from '../../features/inquiry/components/caller-history-card.tsx'
import { ContactCard } from '../../features/inquiry/components/contact-card.tsx'
import { DeadlinePanel } from '../../features/inquiry/components/deadline-panel.tsx'
import { DraftList } from '../../features/inquiry/components/draft-list.tsx'
import { FollowUpCard } from '../../features/inquiry/components/follow-up-card.tsx'
import { InquiryActions } from '../../features/inquiry/components/inquiry-actions.tsx'
import { InquirySummary } from '../../features/inquiry/components/inquiry-summary.tsx'
import { InquiryTimeline } from '../../features/inquiry/components/inquiry-timeline.tsx'
import { ProposalPanel } from '../../features/proposals/components/proposal-panel.tsx'
import { ReplyComposer } from '../../features/inquiry/components/reply-composer.tsx'
import { isApiError } from '../../lib/api-client.ts'
import { channelName, channelQueries } from '../../lib/channels.ts'
import { queuePath, useQueueOrigin } from '../../lib/queue-origin.ts'

export function Component() {
  const { t, i18n } = useTranslation()
  const id = Number(useParams().id)
  const origin = useQueueOrigin()
  const isValidId = Number.isInteger(id) && id > 0
  const detail = useQuery({ ...inquiryQueries.detail(id), enabled: isValidId })
  const workflow = useQuery({
    ...inquiryQueries.workflow(id),
    enabled: isValidId && detail.isSuccess,
  })
  // a disclosure request's deadline card explains its statutory clock (补正, consultations, 延期)
  const isDisclosure = detail.data?.inquiry.kind === 'disclosure'
  const disclosure = useQuery({ ...disclosureQueries.request(id), enabled: isDisclosure })
  const channels = useQuery(channelQueries.list())
  const back = <Link to={queuePath(origin)}>{t('inquiry.back')}</Link>

  if (!isValidId || isApiError(detail.error, 404)) {
    return <Result status="404" title={t('inquiry.notFound')} extra={back} />
  }
  if (detail.isError) return <Alert type="error" showIcon title={t('inquiry.loadError')} />
  if (detail.isPending) return <Skeleton active />

  const { inquiry, contact, deadline } = detail.data
  const channel = channels.data?.find((c) => c.code === inquiry.channel)
  const flow = workflow.data
  return (
    <Flex vertical gap={16}>
      {back}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <InquirySummary
              inquiry={inquiry}
              channel={channel ? channelName(channel, i18n.language) : inquiry.channel}
            />
            {/* a suggestion is handled through its own steps (no reply box: the lifecycle has none) */}
            {inquiry.kind === 'proposal' && <ProposalPanel inquiry={inquiry} />}
            {/* a disclosure request's answer document: reviewed, signed off and delivered */}
            {inquiry.kind === 'disclosure' && <AnswerDocumentCard inquiry={inquiry} />}
            {/* attachments: the inquiry's file list belongs here, under the message it came with */}
            <ReplyComposer
              inquiry={inquiry}
              contact={contact}
              requiresSignOff={flow?.requiresSignOff}
            />
            {flow && (
              <>
                <DraftList inquiry={inquiry} drafts={flow.drafts} />
                <FollowUpCard inquiry={inquiry} followUps={flow.followUps} />
                <InquiryActions inquiry={inquiry} workflow={flow} />
              </>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {inquiry.kind === 'disclosure' && (
              <>
                <DisclosurePanel inquiryId={inquiry.id} version={inquiry.version} />
                <OutcomeCorrectionCard inquiry={inquiry} />
                <ReviewCasesCard inquiry={inquiry} />
              </>
            )}
            {deadline && (
              <DeadlinePanel
                inquiry={inquiry}
                deadline={deadline}
                clock={
                  isDisclosure
                    ? {
                        explanation: disclosure.data?.clock.deadline ?? null,
                        sentence: disclosure.data
                          ? disclosure.data.explanation[
                              i18n.language.startsWith('en') ? 'en' : 'zh'
                            ]
                          : '',
                      }
                    : undefined
                }
              />
            )}
            <ContactCard id={inquiry.id} kind={inquiry.kind} masked={contact} />
            <CallerHistoryCard id={inquiry.id} kind={inquiry.kind} />
            <InquiryFiles inquiry={inquiry} />
            <InquiryTimeline inquiry={inquiry} workflow={flow} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}
