/** The error of a failed action, as an alert (role alert) above the control that sent it. */
import { Alert } from 'antd'
import { errorText } from '../../../lib/error-text.ts'

export function ActionError({ error }: { error: unknown }) {
  if (!error) return null
  return <Alert type="error" showIcon role="alert" title={errorText(error)} />
}
