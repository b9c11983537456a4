/**
 * Import of a year's register kept in a spreadsheet (the disclosure register, the assignment list
 * of suggestions and proposals): pick the file (CSV or XLSX, the sample's columns), the desk checks
 * it first (dry run: how many rows are new, how many it has), then imports on confirmation. A
 * rejected file lists its problems by row and column; nothing is written.
 */
import type { UseMutationResult } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, List, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../lib/error-text.ts'
import { importIssuesOf, placedIssueText, type IssueLike } from '../lib/import-issues.ts'

/**
 * What an import answers: rows read, items created, items the desk had already, and the known
 * rows whose values differ from the desk's (kept as the desk has them).
 */
type Summary = {
  dryRun: boolean
  rows: number
  created: number
  existing: number
  differing?: IssueLike[]
}

type Props = {
  title: string
  hint: string
  sampleHref: string
  /** The register's import mutation (`meta.silent`: the card says its errors); `dryRun` only checks the file */
  run: UseMutationResult<Summary, Error, { file: File; dryRun: boolean }>
  testId: string
}

export function RegisterImportCard({ title, hint, sampleHref, run, testId }: Props) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File>()
  const check = (f: File) => {
    setFile(f)
    run.mutate({ file: f, dryRun: true })
    return false
  }
  const summary = run.data
  const issues = importIssuesOf(run.error)
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{hint}</Typography.Text>
        <Flex gap={8} wrap>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={check}>
            <Button loading={run.isPending}>{t('registerImport.pick')}</Button>
          </Upload>
          <Button type="link" href={sampleHref}>
            {t('registerImport.sample')}
          </Button>
        </Flex>
        {summary && (
          <Alert
            type={summary.dryRun ? 'info' : 'success'}
            showIcon
            title={t(summary.dryRun ? 'registerImport.checked' : 'registerImport.done', {
              name: file?.name ?? '',
              rows: summary.rows,
              created: summary.created,
              fresh: summary.rows - summary.existing,
              existing: summary.existing,
            })}
            action={
              summary.dryRun && file && summary.rows > summary.existing ? (
                <Button type="primary" onClick={() => run.mutate({ file, dryRun: false })}>
                  {t('registerImport.confirm')}
                </Button>
              ) : undefined
            }
          />
        )}
        {summary?.differing && summary.differing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid={`${testId}-differing`}
            title={t('registerImport.differing', { count: summary.differing.length })}
            description={
              <List
                size="small"
                dataSource={summary.differing.slice(0, 50)}
                renderItem={(i) => <List.Item>{placedIssueText(i)}</List.Item>}
              />
            }
          />
        )}
        {run.error && (
          <Alert
            type="error"
            showIcon
            title={t('registerImport.rejected')}
            description={
              issues.length > 0 ? (
                <List
                  size="small"
                  dataSource={issues.slice(0, 50)}
                  renderItem={(i) => <List.Item>{placedIssueText(i)}</List.Item>}
                />
              ) : (
                errorText(run.error)
              )
            }
          />
        )}
      </Flex>
    </Card>
  )
}
