/**
 * The annual-report sentence (`2017年共办理“12345网络问政”1831件、…。`, as the API words it) with a
 * button that copies it to the clipboard, ready to paste into the report.
 */
import { App, Button, Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function ReportSentence({ sentence }: { sentence: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sentence)
      void message.success(t('reports.copied'))
    } catch {
      void message.error(t('reports.copyFailed'))
    }
  }
  return (
    <Card
      size="small"
      title={t('reports.sentenceTitle')}
      extra={<Button onClick={() => void copy()}>{t('reports.copy')}</Button>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph
        style={{ marginBottom: 0, fontSize: 16 }}
        aria-label={t('reports.sentenceTitle')}
      >
        {sentence}
      </Typography.Paragraph>
    </Card>
  )
}
