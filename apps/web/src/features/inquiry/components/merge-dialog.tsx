/**
 * Merge as a duplicate (any channel): the user types the main inquiry's number and sees a preview
 * of it (subject, channel, source number, status) before confirming; a main inquiry of another kind
 * (domain `mergeRefusal`, as the API refuses it: 409 `merge_kind`) is said and cannot be confirmed.
 */
import { mergeRefusal } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Descriptions, Flex, InputNumber, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { StatusTag } from '../../../components/status-tag.tsx'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { inquiryQueries } from '../api/inquiry-queries.ts'
import { ActionError } from './action-error.tsx'

type Props = {
  inquiry: { id: number; version: number; kind?: string }
  isOpen: boolean
  onClose: () => void
  onDone: (mainId: number) => void
}

export function MergeDialog({ inquiry, isOpen, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const [mainId, setMainId] = useState<number | null>(null)
  const isValid = mainId !== null && Number.isInteger(mainId) && mainId > 0 && mainId !== inquiry.id
  const preview = useQuery({
    ...inquiryQueries.detail(mainId ?? 0),
    enabled: isOpen && isValid,
    retry: false,
  })
  const target = preview.data?.inquiry
  const refusal = target ? mergeRefusal(inquiry.kind ?? 'message', target.kind ?? 'message') : null
  return (
    <Modal
      title={t('workflow.merge.title')}
      open={isOpen}
      okText={t('workflow.merge.submit')}
      okButtonProps={{
        disabled: !target || target.id !== mainId || refusal !== null,
        loading: action.isPending,
      }}
      onOk={() =>
        target &&
        action.mutate(
          { kind: 'merge', version: inquiry.version, mainId: target.id },
          {
            onSuccess: () => {
              onClose()
              onDone(target.id)
            },
          },
        )
      }
      onCancel={onClose}
      afterClose={() => {
        setMainId(null)
        action.reset()
      }}
    >
      <Flex vertical gap={12}>
        <ActionError error={action.error} />
        <InputNumber<number>
          aria-label={t('workflow.merge.mainId')}
          placeholder={t('workflow.merge.mainId')}
          min={1}
          precision={0}
          value={mainId}
          onChange={(v) => setMainId(v)}
          style={{ width: 200 }}
        />
        {mainId === inquiry.id && (
          <Alert type="warning" showIcon title={t('workflow.merge.self')} />
        )}
        {isValid && preview.isError && (
          <Alert type="warning" showIcon title={t('workflow.merge.notFound', { id: mainId })} />
        )}
        {refusal !== null && (
          <Alert type="warning" showIcon title={t(`errors.reason.${refusal}`)} />
        )}
        {target && (
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('workflow.merge.preview')}
            items={[
              { key: 'subject', label: t('workflow.merge.subject'), children: target.subject },
              { key: 'channel', label: t('workflow.merge.channel'), children: target.channel },
              {
                key: 'externalId',
                label: t('workflow.merge.externalId'),
                children: target.externalId,
              },
              {
                key: 'status',
                label: t('workflow.merge.status'),
                children: <StatusTag status={target.status} />,
              },
            ]}
          />
        )}
      </Flex>
    </Modal>
  )
}
