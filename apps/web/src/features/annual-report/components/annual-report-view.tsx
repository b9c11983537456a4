/**
 * The draft of a year's annual report in the national format's six sections: the parts staff write
 * (issuing bureau and date, sections 一, 五, 六, section 二's table) in one form saved per year,
 * the sentences the desk counts with links to their records, sections 三 and 四's computed tables,
 * who saved the text last, whether the year is closed (定稿) with its closings and reopenings, and
 * the DOCX / text downloads.
 */
import {
  ANNUAL_REPORT_SECTIONS,
  PROACTIVE_COLUMN_LABELS,
  PROACTIVE_ROWS,
  annualReportTextSchema,
  formatInstant,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Skeleton,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../lib/api-client.ts'
import {
  annualReportQueries,
  reportFileHref,
  useSaveReportText,
  type AnnualReportText,
} from '../api/annual-report-queries.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import { CloseControls, CloseHistory } from './close-controls.tsx'
import { CountedSentences } from './counted-sentences.tsx'
import { ReportTable, type TableBlock } from './report-table.tsx'

type StaleDetails = {
  reason?: string
  changedBy?: string | null
  changedAt?: string | null
  currentVersion: number
}

const PROSE = { overview: 'overview', problems: 'problems', other: 'other' } as const

export function AnnualReportView({ year }: { year: number }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { data, isPending, isError } = useQuery(annualReportQueries.year(year))
  const save = useSaveReportText(year)
  const [form] = Form.useForm<AnnualReportText>()
  // another editor's save since this page loaded: who, when, and the version to save over
  const [conflict, setConflict] = useState<{ by: string; at: string; version: number } | null>(null)
  if (isPending) return <Skeleton active />
  if (isError) return <Alert type="error" title={t('annualReport.error')} />
  const { report, blocks } = data
  const at = (ms: number) => formatInstant(ms).slice(0, 16).replace('T', ' ')
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en'
  // the tables of sections 三 and 四 are the 2nd and 3rd of the draft (二 is the staff's form here)
  const tables = blocks.filter((b): b is TableBlock => b.type === 'table')
  const onFinish = async (values: AnnualReportText) => {
    const parsed = annualReportTextSchema.safeParse({
      ...values,
      issuedOn: values.issuedOn || null,
    })
    if (!parsed.success) {
      void message.error(parsed.error.issues.map((i) => i.path.join('.')).join(', '))
      return
    }
    // only the fields this editor changed: a field someone else saved meanwhile stays theirs
    const changed = Object.fromEntries(
      Object.entries(parsed.data).filter(
        ([k, v]) => JSON.stringify(v) !== JSON.stringify(report.text[k as keyof AnnualReportText]),
      ),
    )
    try {
      await save.mutateAsync({ ...changed, version: conflict?.version ?? report.version })
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as StaleDetails | undefined) : undefined
      if (details?.reason === 'stale_version')
        setConflict({
          by: details.changedBy ?? '',
          at: details.changedAt ? formatDateTime(details.changedAt) : '',
          version: details.currentVersion,
        })
      return
    }
    setConflict(null)
    void message.success(t('annualReport.saved'))
  }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={report.text}
      onFinish={(v) => void onFinish(v)}
      disabled={report.closed !== null}
      key={`${year}-${report.updatedAt ?? 0}-${report.closed?.at ?? 0}`}
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {report.title}
        </Typography.Title>
        <Button href={reportFileHref(year, 'docx')} disabled={false}>
          {t('annualReport.downloadDocx')}
        </Button>
        <Button href={reportFileHref(year, 'text')} target="_blank" disabled={false}>
          {t('annualReport.downloadText')}
        </Button>
        <CloseControls report={report} />
      </Flex>
      <CloseHistory history={report.history} />
      {report.differences.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          title={t('annualReport.differences')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {report.differences.map((d) => (
                <li key={d.key}>
                  {t('annualReport.difference', {
                    key: d.key,
                    closed: d.closed ?? '—',
                    now: d.now ?? '—',
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {conflict && (
        <Alert
          type="warning"
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('annualReport.conflict', { name: conflict.by, at: conflict.at })}
        />
      )}
      <Typography.Paragraph type="secondary">
        {report.updatedBy && report.updatedAt
          ? t('annualReport.savedBy', { name: report.updatedBy, at: at(report.updatedAt) })
          : t('annualReport.neverSaved')}
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        <Form.Item name="bureau" label={t('annualReport.bureau')} style={{ flex: '1 1 280px' }}>
          <Input maxLength={100} placeholder={t('annualReport.bureauPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('annualReport.issuedOn')}
          rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('annualReport.dateFormat') }]}
          style={{ flex: '0 1 200px' }}
        >
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Flex>
      {ANNUAL_REPORT_SECTIONS.map((s) => (
        <Card
          key={s.key}
          size="small"
          title={lang === 'zh' ? s.zh : `${s.zh} · ${s.en}`}
          style={{ marginBottom: 12 }}
        >
          {s.key in PROSE && (
            <Form.Item
              name={s.key}
              label={t('annualReport.staffText')}
              style={{ marginBottom: 12 }}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20_000} />
            </Form.Item>
          )}
          <CountedSentences sentences={report.sentences.filter((x) => x.section === s.key)} />
          {s.key === 'proactive' && <ProactiveForm lang={lang} />}
          {s.key === 'requests' && tables[1] && <ReportTable block={tables[1]} label={s.zh} />}
          {s.key === 'reviews' && tables[2] && <ReportTable block={tables[2]} label={s.zh} />}
        </Card>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('annualReport.save')}
      </Button>
    </Form>
  )
}

/** Section 二's table: one number per row and column of the national format. */
function ProactiveForm({ lang }: { lang: 'zh' | 'en' }) {
  const { t } = useTranslation()
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        style={{ borderCollapse: 'collapse', width: '100%' }}
        aria-label={t('annualReport.proactiveTable')}
      >
        <tbody>
          {PROACTIVE_ROWS.map((row) => (
            <tr key={row.key}>
              <th
                style={{
                  textAlign: 'left',
                  padding: '4px 8px',
                  fontWeight: 500,
                  whiteSpace: 'nowrap',
                }}
              >
                {lang === 'zh' ? row.zh : row.en}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                  {row.item}
                </Typography.Text>
              </th>
              {row.columns.map((col) => (
                <td key={col} style={{ padding: '4px 8px' }}>
                  <Form.Item
                    name={['proactive', row.key, col]}
                    label={PROACTIVE_COLUMN_LABELS[col][lang]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      min={0}
                      step={col === 'amountWan' ? 0.0001 : 1}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
