/**
 * Import of a year's register from a spreadsheet: pick the file (CSV or XLSX, the sample's
 * columns), the desk checks it first (dry run: how many rows are new, how many it has), then
 * imports on confirmation. A rejected file lists its problems by row and column; nothing is written.
 */
import type { ImportIssue } from '@desk/domain'
import { Alert, Button, Card, Flex, List, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../lib/api-client.ts'
import { registerSampleHref, useImportRegister } from '../api/disclosure-queries.ts'

export function RegisterImport() {
  const { t } = useTranslation()
  const run = useImportRegister()
  const [file, setFile] = useState<File>()
  const check = (f: File) => {
    setFile(f)
    run.mutate({ file: f, dryRun: true })
    return false
  }
  const summary = run.data
  const issues =
    run.error instanceof ApiError && Array.isArray(run.error.details)
      ? (run.error.details as ImportIssue[])
      : []
  return (
    <Card size="small" title={t('disclosure.import.title')} data-testid="register-import">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('disclosure.import.hint')}</Typography.Text>
        <Flex gap={8} wrap>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={check}>
            <Button loading={run.isPending}>{t('disclosure.import.pick')}</Button>
          </Upload>
          <Button type="link" href={registerSampleHref()}>
            {t('disclosure.import.sample')}
          </Button>
        </Flex>
        {summary && (
          <Alert
            type={summary.dryRun ? 'info' : 'success'}
            showIcon
            title={t(summary.dryRun ? 'disclosure.import.checked' : 'disclosure.import.done', {
              name: file?.name ?? '',
              rows: summary.rows,
              created: summary.created,
              fresh: summary.rows - summary.existing,
              existing: summary.existing,
            })}
            action={
              summary.dryRun && file && summary.rows > summary.existing ? (
                <Button type="primary" onClick={() => run.mutate({ file, dryRun: false })}>
                  {t('disclosure.import.confirm')}
                </Button>
              ) : undefined
            }
          />
        )}
        {run.error && (
          <Alert
            type="error"
            showIcon
            title={t('disclosure.import.rejected')}
            description={
              issues.length > 0 ? (
                <List
                  size="small"
                  dataSource={issues.slice(0, 50)}
                  renderItem={(i) => (
                    <List.Item>
                      {t('disclosure.import.issue', {
                        row: i.row ?? '?',
                        column: i.column ?? '',
                        reason: i.reason,
                      })}
                    </List.Item>
                  )}
                />
              ) : (
                run.error.message
              )
            }
          />
        )}
      </Flex>
    </Card>
  )
}
