/**
 * A running or finished import job: its steps (read, check, then write unless a dry run) with
 * the real counts the server reports from the first second (rows read; rows done / total), then
 * the summary (new, duplicate, invalid) and, when there are any, the listed rows with row, column,
 * value and reason and a CSV download.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Descriptions, Progress, Steps, Table, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { importIssueText } from '../../../lib/import-issues.ts'
import { errorsCsvUrl, importQueries, type ImportJob } from '../api/imports-queries.ts'

type Props = { jobId: number; onEnd?: ((job: ImportJob) => void) | undefined }

export function JobProgress({ jobId, onEnd }: Props) {
  const { t } = useTranslation()
  const { data: job } = useQuery(importQueries.job(jobId))
  const ended = job !== undefined && job.status !== 'queued' && job.status !== 'running'
  useEffect(() => {
    if (ended) onEnd?.(job)
    // only when the job ends
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended])
  if (!job) return null
  if (!ended) {
    const steps =
      job.kind === 'dry_run'
        ? (['read', 'validate'] as const)
        : (['read', 'validate', 'write'] as const)
    const phase = job.phase ?? 'read'
    // reading counts rows as they come: the file's length is known only at its end
    const counted = phase !== 'read' && job.rowsTotal > 0
    return (
      <div aria-live="polite">
        <Steps
          size="small"
          current={job.status === 'queued' ? -1 : (steps as readonly string[]).indexOf(phase)}
          items={steps.map((s) => ({ title: t(`imports.progress.steps.${s}`) }))}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph data-testid="job-phase" style={{ marginBottom: 4 }}>
          {job.status === 'queued'
            ? t('imports.progress.queued')
            : t(`imports.progress.${phase}`, { done: job.rowsDone, total: job.rowsTotal })}
        </Typography.Paragraph>
        {counted && (
          <Progress
            percent={Math.floor((job.rowsDone / job.rowsTotal) * 100)}
            status="active"
            aria-label={t('imports.progress.label')}
          />
        )}
        <Typography.Paragraph type="secondary">{t('imports.progress.leave')}</Typography.Paragraph>
      </div>
    )
  }
  return (
    <div>
      {job.status === 'rejected' && (
        <Alert type="error" showIcon title={t('imports.summary.rejected')} />
      )}
      {job.status === 'failed' && (
        <Alert type="error" showIcon title={job.failure ?? t('imports.status.failed')} />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        title={t(job.kind === 'dry_run' ? 'imports.summary.dryRunTitle' : 'imports.summary.title')}
        items={[
          {
            key: 'status',
            label: t('imports.columns.status'),
            children: <span data-testid="job-status">{t(`imports.status.${job.status}`)}</span>,
          },
          {
            key: 'created',
            label: t(
              job.kind === 'dry_run' ? 'imports.summary.wouldCreate' : 'imports.summary.created',
            ),
            children: <span data-testid="count-created">{job.created}</span>,
          },
          {
            key: 'duplicates',
            label: t('imports.summary.duplicates'),
            children: <span data-testid="count-duplicates">{job.duplicates}</span>,
          },
          {
            key: 'invalid',
            label: t('imports.summary.invalid'),
            children: <span data-testid="count-invalid">{job.skipped}</span>,
          },
        ]}
      />
      {job.errors.length > 0 && (
        <>
          <Typography.Title level={5}>
            {t('imports.errors.title', { count: job.errorCount })}
          </Typography.Title>
          <Button href={errorsCsvUrl(job.id)} download>
            {t('imports.errors.download')}
          </Button>
          <Table
            size="small"
            rowKey={(r) => `${r.row ?? ''}|${r.column ?? ''}|${r.reason}`}
            pagination={{ pageSize: 20 }}
            dataSource={job.errors}
            columns={[
              { title: t('imports.errors.row'), dataIndex: 'row', width: 80 },
              { title: t('imports.errors.column'), dataIndex: 'column', width: 160 },
              { title: t('imports.errors.value'), dataIndex: 'value', width: 200 },
              {
                title: t('imports.errors.reason'),
                key: 'reason',
                render: (_, issue) => importIssueText(issue),
              },
            ]}
          />
        </>
      )}
    </div>
  )
}
