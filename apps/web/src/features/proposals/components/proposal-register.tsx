/**
 * The register of a year's suggestions and proposals (建议提案台账): source, 主办/协办, key flag, the
 * lead unit or our co-units, deputy (by name: public office), assignment and due dates, status, answer category
 * and rating, each row linking to its inquiry page. Filters (source, role, status, key only,
 * overdue only) live in the URL; the list is the year's, filtered here. Overdue means still
 * pending (the lifecycle's `isPending`) past its due instant.
 */
import { isPending, toZonedDate, type InquiryStatus } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { StatusTag } from '../../../components/status-tag.tsx'
import { proposalQueries, type RegisterItem } from '../api/proposal-queries.ts'

const isOverdue = (r: RegisterItem, now: number) => isPending('proposal', r.status) && r.dueAt < now

export function ProposalRegister({ year }: { year: number }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [now] = useState(() => Date.now())
  const register = useQuery(proposalQueries.register(year))
  if (register.isError) return <Alert type="error" showIcon title={t('app.routeError')} />
  const items = register.data?.proposals ?? []
  const filter = {
    source: params.get('source'),
    role: params.get('role'),
    status: params.get('status'),
    key: params.get('key') === '1',
    overdue: params.get('overdue') === '1',
  }
  const set = (name: string, value: string | null) =>
    setParams(
      (p) => {
        if (value === null) p.delete(name)
        else p.set(name, value)
        return p
      },
      { replace: true },
    )
  const shown = items.filter(
    (r) =>
      (filter.source === null || r.source === filter.source) &&
      (filter.role === null || r.role === filter.role) &&
      (filter.status === null || r.status === filter.status) &&
      (!filter.key || r.isKey) &&
      (!filter.overdue || isOverdue(r, now)),
  )
  const choice = (
    name: keyof typeof filter,
    values: readonly string[],
    label: (v: string) => string,
  ) => (
    <Select
      aria-label={t(`proposals.filters.${name}`)}
      style={{ minWidth: 120 }}
      value={params.get(name) ?? ''}
      onChange={(v) => set(name, v === '' ? null : v)}
      options={[
        {
          value: '',
          label: t('app.labelled', {
            label: t(`proposals.filters.${name}`),
            value: t('proposals.filters.all'),
          }),
        },
        ...values.map((v) => ({ value: v, label: label(v) })),
      ]}
    />
  )
  const sources = [...new Set(items.map((r) => r.source))]
  const statuses = [...new Set(items.map((r) => r.status))]
  return (
    <Flex vertical gap={12} data-testid="proposal-register">
      <Flex gap={8} wrap align="center">
        {choice('source', sources, (s) => s)}
        {choice('role', ['lead', 'co'], (r) => t(`proposals.role.${r}`))}
        {choice('status', statuses, (s) => t(`status.${s}`))}
        <Checkbox checked={filter.key} onChange={(e) => set('key', e.target.checked ? '1' : null)}>
          {t('proposals.filters.keyOnly')}
        </Checkbox>
        <Checkbox
          checked={filter.overdue}
          onChange={(e) => set('overdue', e.target.checked ? '1' : null)}
        >
          {t('proposals.filters.overdueOnly')}
        </Checkbox>
        <Typography.Text type="secondary">
          {t('proposals.count', { count: shown.length })}
        </Typography.Text>
      </Flex>
      <Table<RegisterItem>
        rowKey="id"
        size="small"
        loading={register.isPending}
        dataSource={shown}
        columns={columns(t, now)}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('proposals.empty') }}
      />
    </Flex>
  )
}

function columns(t: TFunction, now: number): ColumnsType<RegisterItem> {
  return [
    {
      key: 'reference',
      title: t('proposals.columns.reference'),
      width: 230,
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/inquiries/${r.id}`}>{r.reference}</Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
            {r.title}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'source', title: t('proposals.columns.source'), dataIndex: 'source', width: 80 },
    {
      key: 'role',
      title: t('proposals.columns.role'),
      width: 110,
      render: (_, r) => (
        <Space size={4}>
          <Tag color={r.role === 'lead' ? 'blue' : 'default'}>{t(`proposals.role.${r.role}`)}</Tag>
          {r.isKey && <Tag color="volcano">{t('proposals.key')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'units',
      title: t('proposals.columns.units'),
      width: 180,
      render: (_, r) =>
        r.role === 'co'
          ? t('app.labelled', { label: t('proposals.leadUnit'), value: r.leadUnit ?? '' })
          : r.coUnits.length > 0
            ? t('app.labelled', {
                label: t('proposals.coUnits'),
                value: r.coUnits.join(t('app.listSeparator')),
              })
            : '—',
    },
    { key: 'deputy', title: t('proposals.columns.deputy'), dataIndex: 'deputyName', width: 90 },
    {
      key: 'assignedOn',
      title: t('proposals.columns.assignedOn'),
      dataIndex: 'assignedOn',
      width: 110,
    },
    {
      key: 'dueAt',
      title: t('proposals.columns.dueAt'),
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          {toZonedDate(r.dueAt)}
          {isOverdue(r, now) && <Tag color="red">{t('proposals.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('proposals.columns.status'),
      width: 90,
      render: (_, r) => <StatusTag status={r.status as InquiryStatus} />,
    },
    {
      key: 'answer',
      title: t('proposals.columns.answer'),
      width: 140,
      render: (_, r) =>
        [r.answerCategory, r.rating && t(`proposals.ratings.${r.rating}`)]
          .filter(Boolean)
          .join(' · ') || '—',
    },
  ]
}
