/** The error of a failed workflow action, as an alert (role alert) above the form that sent it. */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { workflowErrorText } from '../api/workflow-error-text.ts'

export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  return <Alert type="error" showIcon role="alert" title={workflowErrorText(error, t)} />
}
