/**
 * The outcome rows of the national table as this desk prints them (admin): each row's Chinese and
 * English label, editable so a bureau can correct a character without a release, beside its
 * source and whether it was read on an official page (`verified`; domain disclosure/outcomes.ts).
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Input, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disclosureQueries, useUpdateOutcomeLabel } from '../api/disclosure-queries.ts'

type Label = { code: string; labelZh: string; labelEn: string; source: string; verified: boolean }

function LabelRow({ label }: { label: Label }) {
  const { t } = useTranslation()
  const update = useUpdateOutcomeLabel()
  const [zh, setZh] = useState(label.labelZh)
  const [en, setEn] = useState(label.labelEn)
  const changed = zh.trim() !== label.labelZh || en.trim() !== label.labelEn
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        aria-label={t('disclosure.labels.zh', { code: label.code })}
        value={zh}
        maxLength={200}
        onChange={(e) => setZh(e.target.value)}
      />
      <Input
        aria-label={t('disclosure.labels.en', { code: label.code })}
        value={en}
        maxLength={200}
        onChange={(e) => setEn(e.target.value)}
      />
      <Button
        disabled={!changed || zh.trim() === '' || en.trim() === ''}
        loading={update.isPending}
        onClick={() => update.mutate({ code: label.code, labelZh: zh.trim(), labelEn: en.trim() })}
      >
        {t('disclosure.labels.save')}
      </Button>
    </Space.Compact>
  )
}

export function OutcomeLabelsAdmin() {
  const { t } = useTranslation()
  const labels = useQuery(disclosureQueries.outcomeLabels())
  if (labels.isPending) return <Skeleton active />
  if (labels.isError) return <Alert type="error" showIcon title={t('disclosure.loadError')} />
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={labels.data}
      columns={[
        {
          title: t('disclosure.labels.label'),
          key: 'label',
          // keyed by the stored text, so a saved label resets the inputs to it
          render: (_, l) => <LabelRow key={`${l.labelZh}|${l.labelEn}`} label={l} />,
        },
        {
          title: t('disclosure.labels.source'),
          key: 'source',
          width: 320,
          render: (_, l) => (
            <>
              <Typography.Text type="secondary">{l.source}</Typography.Text>
              {!l.verified && (
                <Tag style={{ marginLeft: 6 }} title={t('disclosure.unverifiedHint')}>
                  {t('disclosure.unverified')}
                </Tag>
              )}
            </>
          ),
        },
      ]}
    />
  )
}
