/**
 * Edits a deadline policy's rule: kind of rule, amount, start, end-of-day time (empty = end of
 * the day), extension amount (empty = none) and source. The API checks the merged rule and
 * answers 422 per field; those messages are shown beside the fields.
 */
import { DEADLINE_RULES, DEADLINE_STARTS, type UpdateDeadlinePolicyInput } from '@desk/domain'
import { Alert, Button, Form, Input, InputNumber, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../lib/api-client.ts'
import { errorText } from '../../../lib/error-text.ts'
import type { DeadlinePolicyRow } from '../api/policies-queries.ts'

type Values = Omit<Required<UpdateDeadlinePolicyInput>, 'endOfDay'> & { endOfDay: string }
type Props = { policy: DeadlinePolicyRow; isSaving: boolean; error: unknown; onSubmit: (patch: UpdateDeadlinePolicyInput) => void }

/** `{ field: message }` from a 422 answer's details. */
function apiMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {}
  const out: Record<string, string> = {}
  for (const d of error.details as { path?: unknown[]; message?: string }[]) {
    const field = String(d.path?.[0] ?? '')
    if (field && !out[field]) out[field] = d.message ?? ''
  }
  return out
}

export function PolicyForm({ policy, isSaving, error, onSubmit }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const rule = Form.useWatch('rule', form) ?? policy.rule
  const messages = apiMessages(error)
  const fieldStatus = (field: string) =>
    messages[field] ? { validateStatus: 'error' as const, help: messages[field] } : {}

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ ...policy, endOfDay: policy.endOfDay ?? '' }}
      onFinish={(v) =>
        onSubmit({
          rule: v.rule,
          amount: v.rule === 'same_day' ? 0 : v.amount,
          start: v.start,
          endOfDay: v.rule === 'hours' ? null : v.endOfDay.trim() || null,
          extensionAmount: v.rule === 'same_day' ? null : (v.extensionAmount ?? null),
          source: v.source.trim(),
        })
      }
    >
      <Form.Item label={t('adminConfig.policies.rule')} name="rule" {...fieldStatus('rule')}>
        <Select options={DEADLINE_RULES.map((r) => ({ value: r, label: t(`adminConfig.policies.ruleKinds.${r}`) }))} />
      </Form.Item>
      {rule !== 'same_day' && (
        <Form.Item label={t('adminConfig.policies.amount')} name="amount" rules={[{ required: true, message: t('adminConfig.common.required') }]} {...fieldStatus('amount')}>
          <InputNumber min={1} max={366} precision={0} />
        </Form.Item>
      )}
      <Form.Item label={t('adminConfig.policies.start')} name="start" {...fieldStatus('start')}>
        <Select options={DEADLINE_STARTS.map((s) => ({ value: s, label: t(`adminConfig.policies.starts.${s}`) }))} />
      </Form.Item>
      {rule !== 'hours' && (
        <Form.Item
          label={t('adminConfig.policies.endOfDay')}
          name="endOfDay"
          extra={t('adminConfig.policies.endOfDayHint')}
          rules={[{ pattern: /^(([01]\d|2[0-3]):[0-5]\d)?$/, message: t('adminConfig.policies.endOfDayHint') }]}
          {...fieldStatus('endOfDay')}
        >
          <Input placeholder="17:00" />
        </Form.Item>
      )}
      {rule !== 'same_day' && (
        <Form.Item label={t('adminConfig.policies.extension')} name="extensionAmount" {...fieldStatus('extensionAmount')}>
          <InputNumber min={1} max={366} precision={0} placeholder={t('adminConfig.policies.extensionNone')} />
        </Form.Item>
      )}
      <Form.Item
        label={t('adminConfig.policies.source')}
        name="source"
        rules={[{ required: true, whitespace: true, message: t('adminConfig.common.required') }, { max: 500 }]}
        {...fieldStatus('source')}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      {/* an error no field shows (403, 404, a network failure …) */}
      {error !== null && Object.keys(messages).length === 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />
      )}
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('adminConfig.common.save')}
      </Button>
    </Form>
  )
}
