/**
 * The audit log for the audit administrator: filters (dates, actor, action) kept in the URL, a
 * table of 50 entries a page, newest first, paged by cursor (newer / older), and the CSV export of
 * the whole filter. Times in Asia/Shanghai.
 */
import { AUDIT_ACTIONS, type AuditAction } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { DateRangeInput } from '../../../components/date-inputs.tsx'
import { formatDateTime } from '../../../utils/format-time.ts'
import {
  auditCsvUrl,
  auditQueries,
  type AuditEntry,
  type AuditFilter,
} from '../api/audit-queries.ts'

const FILTER_KEYS = ['from', 'to', 'actor', 'action'] as const

function readFilter(params: URLSearchParams): AuditFilter {
  const action = params.get('action')
  return {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    actor: params.get('actor') ?? undefined,
    action: AUDIT_ACTIONS.includes(action as AuditAction) ? (action as AuditAction) : undefined,
  }
}

export function AuditLog() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filter = readFilter(params)
  // cursors of the pages shown so far: [undefined (newest), before of page 2, …]
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined])
  const [actorText, setActorText] = useState(filter.actor ?? '')
  const before = cursors.at(-1)
  const page = useQuery(auditQueries.page(filter, before))

  const setFilter = (patch: Partial<AuditFilter>) => {
    const next = { ...filter, ...patch }
    const search = new URLSearchParams()
    for (const k of FILTER_KEYS) if (next[k]) search.set(k, next[k])
    setParams(search, { replace: true })
    setCursors([undefined])
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.at'),
      width: 150,
      render: (_, e) => formatDateTime(new Date(e.at).toISOString()),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, e) => <Tag>{t(`audit.actions.${e.action}`)}</Tag>,
    },
    { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? '—' },
    { key: 'target', title: t('audit.target'), dataIndex: 'target' },
    { key: 'address', title: t('audit.address'), dataIndex: 'address', responsive: ['md'] },
    {
      key: 'detail',
      title: t('audit.detail'),
      responsive: ['lg'],
      render: (_, e) =>
        Object.keys(e.detail).length > 0 ? (
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {JSON.stringify(e.detail)}
          </Typography.Text>
        ) : null,
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center" role="search" aria-label={t('audit.filters')}>
        <DateRangeInput
          from={filter.from}
          to={filter.to}
          labels={[t('audit.from'), t('audit.to')]}
          allowEmpty
          onChange={(from, to) => setFilter({ from, to })}
        />
        <Input.Search
          aria-label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          allowClear
          value={actorText}
          style={{ width: 200 }}
          onChange={(e) => setActorText(e.target.value)}
          onSearch={(v) => setFilter({ actor: v.trim() || undefined })}
        />
        <Select<AuditAction | ''>
          aria-label={t('audit.action')}
          style={{ width: 200 }}
          value={filter.action ?? ''}
          options={[
            { value: '', label: t('audit.allActions') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
          ]}
          onChange={(v) => setFilter({ action: v || undefined })}
        />
        <Button href={auditCsvUrl(filter)} download>
          {t('audit.export')}
        </Button>
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={page.data?.entries ?? []}
        loading={page.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.empty') }}
      />
      <Flex gap={8} justify="flex-end">
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('audit.newer')}
        </Button>
        <Button
          disabled={page.data?.nextBefore === undefined}
          onClick={() => {
            const next = page.data?.nextBefore
            if (next !== undefined) setCursors((c) => [...c, next])
          }}
        >
          {t('audit.older')}
        </Button>
      </Flex>
    </Flex>
  )
}
