/**
 * Loads a year from a holiday-cn style JSON file chosen by the admin. The file is parsed here only
 * to send it as JSON (a syntax error is shown with the file's name); the API checks the content
 * and answers 422 with `details: [{ path, message }]`, listed here one per line.
 */
import { Alert, Button, Card, Flex, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../lib/api-client.ts'
import { errorText } from '../../../lib/error-text.ts'
import { useImportCalendarYear, type Recompute } from '../api/calendar-queries.ts'

type Problem = { path: string; message: string }
type Outcome =
  { kind: 'error'; title: string; problems: Problem[] } | { kind: 'done'; title: string } | null

const problemsOf = (error: unknown): Problem[] =>
  error instanceof ApiError && Array.isArray(error.details)
    ? (error.details as Partial<Problem>[]).map((p) => ({
        path: String(p.path ?? ''),
        message: String(p.message ?? ''),
      }))
    : []

export function CalendarImport({
  onLoaded,
}: {
  onLoaded: (year: number, recompute: Recompute) => void
}) {
  const { t } = useTranslation()
  const load = useImportCalendarYear()
  const [outcome, setOutcome] = useState<Outcome>(null)

  async function read(file: File) {
    setOutcome(null)
    let json: unknown
    try {
      json = JSON.parse(await file.text())
    } catch (error) {
      setOutcome({
        kind: 'error',
        title: t('adminConfig.calendar.import.parseError', {
          file: file.name,
          message: (error as Error).message,
        }),
        problems: [],
      })
      return
    }
    load.mutate(
      { json, source: `holiday-cn:${file.name}` },
      {
        onSuccess: (r) => {
          setOutcome({
            kind: 'done',
            title: t('adminConfig.calendar.import.done', { year: r.year, days: r.days }),
          })
          onLoaded(r.year, r.recompute)
        },
        onError: (error) =>
          setOutcome({
            kind: 'error',
            title: t('adminConfig.calendar.import.failed', {
              file: file.name,
              message: errorText(error),
            }),
            problems: problemsOf(error),
          }),
      },
    )
  }

  return (
    <Card size="small" title={t('adminConfig.calendar.import.title')}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('adminConfig.calendar.import.hint')}</Typography.Text>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file)
            return false // never upload as multipart: the JSON is sent through the API client
          }}
        >
          <Button loading={load.isPending}>{t('adminConfig.calendar.import.button')}</Button>
        </Upload>
        {outcome?.kind === 'done' && <Alert type="success" showIcon title={outcome.title} />}
        {outcome?.kind === 'error' && (
          <Alert
            type="error"
            showIcon
            title={outcome.title}
            description={
              outcome.problems.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {outcome.problems.map((p, i) => (
                    <li key={i}>
                      <Typography.Text code>{p.path}</Typography.Text> {p.message}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Flex>
    </Card>
  )
}
