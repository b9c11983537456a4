/**
 * Past imports: who, when, file, channel, counts, errors and status; admins can undo a written
 * batch, and a refusal lists the inquiries touched since the import (links to them).
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Popconfirm, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-client.ts'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { errorText } from '../../../lib/error-text.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import {
  errorsCsvUrl,
  importQueries,
  useUndoImport,
  type ImportListItem,
} from '../api/imports-queries.ts'

type Touched = { id: number; externalId: string; subject: string }

const STATUS_COLORS: Record<string, string> = {
  written: 'green',
  running: 'blue',
  queued: 'blue',
  failed: 'red',
  rejected: 'red',
  undone: 'default',
}

export function ImportsList({ canUndo }: { canUndo: boolean }) {
  const { t, i18n } = useTranslation()
  const channels = useQuery(channelQueries.list())
  const list = useQuery({
    ...importQueries.list(),
    refetchInterval: (q) =>
      q.state.data?.some((i) => i.status === 'running' || i.status === 'queued') ? 1000 : false,
  })
  const undo = useUndoImport()
  const [touched, setTouched] = useState<Touched[]>()

  const columns = [
    {
      title: t('imports.columns.createdAt'),
      key: 'createdAt',
      render: (_: unknown, r: ImportListItem) =>
        formatDateTime(new Date(r.createdAt).toISOString()),
    },
    {
      title: t('imports.columns.createdBy'),
      key: 'createdBy',
      render: (_: unknown, r: ImportListItem) => r.createdByName ?? t('imports.columns.cli'),
    },
    { title: t('imports.columns.fileName'), dataIndex: 'fileName' },
    {
      title: t('imports.columns.channel'),
      key: 'channel',
      render: (_: unknown, r: ImportListItem) => {
        const channel = channels.data?.find((c) => c.code === r.channelCode)
        return channel ? channelName(channel, i18n.language) : r.channelCode
      },
    },
    { title: t('imports.summary.created'), dataIndex: 'created' },
    { title: t('imports.summary.duplicates'), dataIndex: 'duplicates' },
    {
      title: t('imports.columns.errors'),
      key: 'errors',
      render: (_: unknown, r: ImportListItem) =>
        r.errorCount > 0 ? <a href={errorsCsvUrl(r.id)}>{r.errorCount}</a> : 0,
    },
    {
      title: t('imports.columns.status'),
      key: 'status',
      render: (_: unknown, r: ImportListItem) => (
        <Tag color={STATUS_COLORS[r.status]}>
          {t(`imports.status.${r.status}`)}
          {r.status === 'running' ? ` ${r.rowsDone}/${r.rowsTotal}` : ''}
        </Tag>
      ),
    },
    ...(canUndo
      ? [
          {
            title: '',
            key: 'undo',
            render: (_: unknown, r: ImportListItem) =>
              r.status === 'written' && (
                <Popconfirm
                  title={t('imports.undo.confirm', { count: r.created })}
                  onConfirm={() => {
                    setTouched(undefined)
                    undo.mutate(r.id, {
                      onError: (err) => {
                        if (isApiError(err, 409))
                          setTouched((err.details as { touched?: Touched[] } | undefined)?.touched)
                      },
                    })
                  }}
                >
                  <Button size="small" danger>
                    {t('imports.undo.button')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ]

  return (
    <>
      {undo.isSuccess && (
        <Alert
          type="success"
          showIcon
          title={t('imports.undo.done', { count: undo.data.removed })}
        />
      )}
      {undo.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(undo.error)}
          description={
            touched && (
              <ul>
                {touched.map((i) => (
                  <li key={i.id}>
                    <Link to={`/inquiries/${i.id}`}>
                      {i.externalId} {i.subject}
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
      />
    </>
  )
}
