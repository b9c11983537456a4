/** What a calendar change did to open deadlines: how many were checked, and each moved due date. */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../../utils/format-time.ts'
import type { Recompute } from '../api/calendar-queries.ts'

export function RecomputeResult({ result, onClose }: { result: Recompute; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      type={result.moved.length > 0 ? 'info' : 'success'}
      showIcon
      closable={{ onClose }}
      role="status"
      title={t('adminConfig.calendar.recomputed', {
        checked: result.checked,
        moved: result.moved.length,
      })}
      description={
        result.moved.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {result.moved.map((m) => (
              <li key={m.inquiryId}>
                <Link to={`/inquiries/${m.inquiryId}`}>
                  {t('adminConfig.calendar.movedItem', {
                    id: m.inquiryId,
                    from: formatDateTime(m.from),
                    to: formatDateTime(m.to),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    />
  )
}
