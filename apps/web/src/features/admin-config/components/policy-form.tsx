/**
 * The one deadline-policy form, for a new policy and for editing one. Fields: scope (inquiry kind,
 * channel or any, category or any, receipt dates it applies to) and rule (kind of rule, amount,
 * start, end-of-day time (empty = end of the day), extension amount (empty = none), legal source).
 * Editing fixes the scope (the API changes only the rule) and shows it disabled.
 * Before sending, the whole policy is checked with the domain's `deadlinePolicySchema`, the schema
 * the API checks with; a new policy with exactly the scope of an existing one is refused (it would
 * never apply). The API's 422 details are shown on their fields, a 409 as a conflict message,
 * anything else above the button.
 */
import {
  DEADLINE_RULES,
  DEADLINE_STARTS,
  INQUIRY_KINDS,
  deadlinePolicySchema,
  type DeadlinePolicy,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Form, Input, InputNumber, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-client.ts'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { errorText } from '../../../lib/error-text.ts'
import {
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  type FieldErrors,
} from '../../../lib/field-errors.ts'
import type { DeadlinePolicyRow } from '../api/policies-queries.ts'
import {
  findOverlappingPolicy,
  policyInput,
  policyValues,
  type PolicyValues,
} from './policy-values.ts'

const PREFIX = 'adminConfig.policies.errors'

type Props = {
  /** The policy to edit; undefined for a new one. */
  policy?: DeadlinePolicyRow
  /** The policies there are (a new one must not repeat a scope). */
  existing: readonly DeadlinePolicyRow[]
  isSaving: boolean
  /** Sends the checked policy; a rejection (an ApiError) is shown in the form. */
  onSubmit: (policy: DeadlinePolicy) => Promise<unknown>
}

export function PolicyForm({ policy, existing, isSaving, onSubmit }: Props) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<PolicyValues>()
  const [failure, setFailure] = useState('')
  const channels = useQuery(channelQueries.list())
  const rule = Form.useWatch('rule', form) ?? policyValues(policy).rule
  const isEdit = policy !== undefined
  const label = (field: keyof PolicyValues) => t(`adminConfig.policies.fields.${field}`)
  const help = (field: keyof PolicyValues) => t(`adminConfig.policies.help.${field}`)
  const isShown = (field: string) =>
    !(rule === 'same_day' && (field === 'amount' || field === 'extensionAmount')) &&
    !(rule === 'hours' && field === 'endOfDay')

  /** Marks the fields; problems of fields not on screen go above the button. */
  const show = (errors: FieldErrors) => {
    const entries = Object.entries(errors).flatMap(([field, e]) =>
      e ? [[field, t(e.key, { max: e.max })] as const] : [],
    )
    form.setFields(
      entries
        .filter(([field]) => isShown(field))
        .map(([field, message]) => ({ name: field as keyof PolicyValues, errors: [message] })),
    )
    const hidden = entries.filter(([field]) => !isShown(field))
    if (hidden.length > 0)
      setFailure(
        hidden
          .map(([field, message]) => `${label(field as keyof PolicyValues)}：${message}`)
          .join('；'),
      )
  }

  const submit = async () => {
    setFailure('')
    const parsed = deadlinePolicySchema.safeParse(policyInput(form.getFieldsValue(true)))
    if (!parsed.success) return show(fieldErrorsFromIssues(PREFIX, parsed.error.issues))
    const twin = isEdit ? undefined : findOverlappingPolicy(existing, parsed.data)
    if (twin) return setFailure(t('adminConfig.policies.duplicate', { id: twin.id }))
    try {
      await onSubmit(parsed.data)
    } catch (error) {
      const fields = fieldErrorsFromApi(PREFIX, error)
      if (Object.keys(fields).length > 0) show(fields)
      else
        setFailure(
          isApiError(error, 409)
            ? t('adminConfig.policies.conflict', { message: error.message })
            : errorText(error),
        )
    }
  }

  return (
    <Form<PolicyValues>
      form={form}
      layout="vertical"
      initialValues={policyValues(policy)}
      onFinish={() => void submit()}
    >
      <Flex gap={16} wrap>
        <Form.Item
          label={label('kind')}
          name="kind"
          extra={help('kind')}
          style={{ flex: '1 1 200px' }}
        >
          <Select
            disabled={isEdit}
            options={INQUIRY_KINDS.map((k) => ({
              value: k,
              label: t(`adminConfig.policies.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={label('channelCode')}
          name="channelCode"
          extra={help('channelCode')}
          style={{ flex: '1 1 200px' }}
        >
          <Select
            disabled={isEdit}
            loading={channels.isPending}
            options={[
              { value: '', label: t('adminConfig.policies.anyChannel') },
              ...(channels.data ?? []).map((c) => ({
                value: c.code,
                label: channelName(c, i18n.language),
              })),
            ]}
          />
        </Form.Item>
      </Flex>
      <Form.Item label={label('category')} name="category" extra={help('category')}>
        <Input disabled={isEdit} autoComplete="off" placeholder={t('adminConfig.common.any')} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          label={label('validFrom')}
          name="validFrom"
          extra={help('validFrom')}
          style={{ flex: '1 1 200px' }}
        >
          <Input disabled={isEdit} autoComplete="off" placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          label={label('validUntil')}
          name="validUntil"
          extra={help('validUntil')}
          style={{ flex: '1 1 200px' }}
        >
          <Input disabled={isEdit} autoComplete="off" placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item label={label('rule')} name="rule" style={{ flex: '1 1 140px' }}>
          <Select
            options={DEADLINE_RULES.map((r) => ({
              value: r,
              label: t(`adminConfig.policies.ruleKinds.${r}`),
            }))}
          />
        </Form.Item>
        {isShown('amount') && (
          <Form.Item label={label('amount')} name="amount" required style={{ flex: '1 1 120px' }}>
            <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item label={label('start')} name="start" style={{ flex: '1 1 220px' }}>
          <Select
            options={DEADLINE_STARTS.map((s) => ({
              value: s,
              label: t(`adminConfig.policies.starts.${s}`),
            }))}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        {isShown('endOfDay') && (
          <Form.Item
            label={label('endOfDay')}
            name="endOfDay"
            extra={help('endOfDay')}
            style={{ flex: '1 1 200px' }}
          >
            <Input placeholder="17:00" autoComplete="off" />
          </Form.Item>
        )}
        {isShown('extensionAmount') && (
          <Form.Item
            label={label('extensionAmount')}
            name="extensionAmount"
            extra={help('extensionAmount')}
            style={{ flex: '1 1 200px' }}
          >
            <InputNumber
              min={1}
              max={366}
              precision={0}
              placeholder={t('adminConfig.policies.extensionNone')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
      </Flex>
      <Form.Item label={label('source')} name="source" extra={help('source')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure} />}
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('adminConfig.common.save')}
      </Button>
    </Form>
  )
}
