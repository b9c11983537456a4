/**
 * 改分类: type the inquiry's category (the channel's own category text) or pick one the reply
 * templates use; an empty box clears it. The inquiry stays on this user's desk, so the page reloads.
 */
import { useQuery } from '@tanstack/react-query'
import { AutoComplete, Flex, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { templateQueries } from '../../../lib/templates.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'

type Props = {
  inquiry: { id: number; version: number; category: string | null }
  isOpen: boolean
  onClose: () => void
}

export function RecategoriseDialog({ inquiry, isOpen, onClose }: Props) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const [category, setCategory] = useState(inquiry.category ?? '')
  const templates = useQuery({ ...templateQueries.list({}), enabled: isOpen })
  const known = [
    ...new Set((templates.data ?? []).flatMap((tpl) => (tpl.category ? [tpl.category] : []))),
  ].sort((a, b) => a.localeCompare(b, 'zh-CN'))
  const next = category.trim() === '' ? null : category.trim()
  return (
    <Modal
      title={t('workflow.recategorise.title')}
      open={isOpen}
      okText={t('workflow.recategorise.submit')}
      okButtonProps={{ disabled: next === inquiry.category, loading: action.isPending }}
      onOk={() =>
        action.mutate(
          { kind: 'recategorise', version: inquiry.version, category: next },
          { onSuccess: onClose },
        )
      }
      onCancel={onClose}
      afterOpenChange={(open) => open && setCategory(inquiry.category ?? '')}
      afterClose={() => action.reset()}
    >
      <Flex vertical gap={12}>
        <ActionError error={action.error} />
        <AutoComplete
          aria-label={t('workflow.recategorise.category')}
          placeholder={t('workflow.recategorise.placeholder')}
          value={category}
          onChange={setCategory}
          options={known
            .filter((c) => c.includes(category.trim()))
            .map((c) => ({ value: c, label: c }))}
          allowClear
          maxLength={100}
          style={{ width: '100%' }}
        />
      </Flex>
    </Modal>
  )
}
