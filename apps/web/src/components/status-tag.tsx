/** An inquiry's status as a coloured tag (new, assigned, replied, closed, returned, merged). */
import type { InquiryStatus } from '@desk/domain'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

const COLORS: Record<InquiryStatus, string> = {
  new: 'red',
  assigned: 'orange',
  replied: 'green',
  closed: 'default',
  returned: 'purple',
  merged: 'cyan',
}

export function StatusTag({ status }: { status: InquiryStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>
}
