/**
 * Entering a disclosure request, keyboard-first like phone entry: the fields in reading order,
 * Enter in the last one submits; the receipt date is the one 条例 第三十一条 names for the method
 * (its label says which), refused here as the API refuses it (domain `disclosureDayProblem`: not
 * before the 条例 came into force, not after today). On success the page opens the new request.
 */
import {
  disclosureDayProblem,
  RECEIPT_METHODS,
  RECEIPT_METHOD_LABELS,
  toZonedDate,
  type CreateDisclosureRequestInput,
} from '@desk/domain'
import { Button, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCreateDisclosureRequest } from '../api/disclosure-queries.ts'
import { applicantOptions } from './disclosure-panel.tsx'

export function DisclosureEntryForm({
  channels,
  onCreated,
}: {
  channels: { value: string; label: string }[]
  onCreated: (id: number) => void
}) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<CreateDisclosureRequestInput>()
  const create = useCreateDisclosureRequest()
  const [today] = useState(() => toZonedDate(Date.now()))
  const method = Form.useWatch('receiptMethod', form)
  const fact = method
    ? RECEIPT_METHOD_LABELS[method].dateFact[i18n.language.startsWith('en') ? 'en' : 'zh']
    : ''
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{
        channel: 'ogi_request',
        applicantType: 'natural_person',
        receiptMethod: 'in_person',
        receivedOn: today,
      }}
      onFinish={(values) =>
        create.mutate(values, { onSuccess: (v) => onCreated(v.request.inquiryId) })
      }
    >
      <Form.Item
        name="applicantName"
        label={t('disclosure.applicantName')}
        rules={[{ required: true }]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="applicantType" label={t('disclosure.applicantType')}>
        <Select options={applicantOptions(t)} />
      </Form.Item>
      <Form.Item name="applicantPhone" label={t('disclosure.applicantPhone')}>
        <Input />
      </Form.Item>
      <Form.Item name="receiptMethod" label={t('disclosure.receiptMethod')}>
        <Select
          options={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`disclosure.method.${m}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="receivedOn"
        label={`${t('disclosure.receivedOn')}${fact ? `（${fact}）` : ''}`}
        rules={[
          { required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ },
          {
            validator: async (_, value?: string) => {
              const problem = value ? disclosureDayProblem('receipt', value, today) : null
              if (problem) throw new Error(t(`disclosure.dayProblem.${problem}`))
            },
          },
        ]}
      >
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="channel" label={t('disclosure.channel')}>
        <Select options={channels} />
      </Form.Item>
      <Form.Item name="subject" label={t('disclosure.subject')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="body" label={t('disclosure.body')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('disclosure.create')}
      </Button>
    </Form>
  )
}
