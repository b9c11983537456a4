/**
 * Whether a year's report is a draft or closed (定稿), and the step that changes it: 定稿 on a
 * draft; on a closed year, who closed it and 撤销定稿 with a required reason for an admin or a
 * manager other than the one who closed it (domain `reopenYearRefusal`; the API checks again).
 * Below, the year's closings and reopenings with their reasons.
 */
import { formatInstant, reopenYearRefusal } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Button, Form, Input, Modal, Popconfirm, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sessionQueries } from '../../../lib/session.ts'
import {
  useCloseYear,
  useReopenYear,
  type AnnualReportResponse,
} from '../api/annual-report-queries.ts'

type Report = AnnualReportResponse['report']

const at = (ms: number) => formatInstant(ms).slice(0, 16).replace('T', ' ')

/** The status tag and 定稿 / 撤销定稿 of `report` (its year). */
export function CloseControls({ report }: { report: Report }) {
  const { t } = useTranslation()
  const close = useCloseYear(report.year)
  const reopen = useReopenYear(report.year)
  const { data: me } = useQuery(sessionQueries.me())
  const [asking, setAsking] = useState(false)
  const [form] = Form.useForm<{ reason: string }>()
  if (!report.closed)
    return (
      <>
        <Tag>{t('annualReport.draft')}</Tag>
        <Popconfirm
          title={t('annualReport.closeConfirm', { year: report.year })}
          onConfirm={() => close.mutate()}
          okText={t('annualReport.close')}
        >
          <Button danger loading={close.isPending} disabled={false}>
            {t('annualReport.close')}
          </Button>
        </Popconfirm>
      </>
    )
  const mayReopen = me && reopenYearRefusal(report.closed.byId, me) === null
  return (
    <>
      <Tag color="green">
        {t('annualReport.closedBy', { name: report.closed.by ?? '', at: at(report.closed.at) })}
      </Tag>
      {mayReopen && (
        <Button onClick={() => setAsking(true)} disabled={false}>
          {t('annualReport.reopen')}
        </Button>
      )}
      <Modal
        open={asking}
        title={t('annualReport.reopenTitle', { year: report.year })}
        okText={t('annualReport.reopen')}
        confirmLoading={reopen.isPending}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          disabled={false}
          onFinish={(v) =>
            reopen.mutate(v.reason, {
              onSuccess: () => setAsking(false),
            })
          }
        >
          <Typography.Paragraph type="secondary">
            {t('annualReport.reopenHint')}
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('annualReport.reopenReason')}
            rules={[
              { required: true, whitespace: true, message: t('annualReport.reopenReasonRequired') },
            ]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

/** The year's closings and reopenings, oldest first; nothing while it has none. */
export function CloseHistory({ history }: { history: Report['history'] }) {
  const { t } = useTranslation()
  if (history.length === 0) return null
  return (
    <details style={{ marginBottom: 12 }}>
      <summary>{t('annualReport.history', { count: history.length })}</summary>
      <ul style={{ margin: '8px 0 0', paddingLeft: 18 }}>
        {history.map((h) => (
          <li key={`${h.action}-${h.at}`}>
            {t(`annualReport.historyEntry.${h.action}`, {
              at: at(h.at),
              name: h.by ?? '',
              reason: h.reason ?? '',
            })}
          </li>
        ))}
      </ul>
    </details>
  )
}
