/**
 * Reply templates for managers: every template, grouped by category (general ones first), with
 * the first line of the text; "new" and "edit" open the template form in a dialog.
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import { templateQueries, type ReplyTemplate } from '../../../lib/templates.ts'
import { useSaveTemplate } from '../api/templates-queries.ts'
import { TemplateForm } from './template-form.tsx'

type Editing = { template: ReplyTemplate | null } | null

/** General templates first, then by category, then by title (the API sorts by title only). */
function byCategory(a: ReplyTemplate, b: ReplyTemplate): number {
  if ((a.category === null) !== (b.category === null)) return a.category === null ? -1 : 1
  return (
    (a.category ?? '').localeCompare(b.category ?? '', 'zh-CN') ||
    a.title.localeCompare(b.title, 'zh-CN')
  )
}

export function TemplatesAdmin() {
  const { t } = useTranslation()
  const templates = useQuery(templateQueries.list({}))
  const save = useSaveTemplate()
  const [editing, setEditing] = useState<Editing>(null)
  const rows = [...(templates.data ?? [])].sort(byCategory)

  const columns: TableColumnsType<ReplyTemplate> = [
    {
      key: 'category',
      title: t('adminConfig.templates.category'),
      render: (_, r) =>
        r.category ?? (
          <Typography.Text type="secondary">
            {t('adminConfig.templates.categoryAll')}
          </Typography.Text>
        ),
      // one cell per category group
      onCell: (r, index = 0) => {
        const first = rows.findIndex((x) => x.category === r.category)
        if (index !== first) return { rowSpan: 0 }
        return { rowSpan: rows.filter((x) => x.category === r.category).length }
      },
    },
    { key: 'title', title: t('adminConfig.templates.name'), dataIndex: 'title' },
    {
      key: 'body',
      title: t('adminConfig.templates.body'),
      render: (_, r) => (
        <Typography.Text ellipsis style={{ maxWidth: 360 }}>
          {r.body.split('\n')[0]}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('adminConfig.common.status'),
      render: (_, r) =>
        r.isActive ? (
          <Tag color="green">{t('adminConfig.common.active')}</Tag>
        ) : (
          <Tag>{t('adminConfig.common.inactive')}</Tag>
        ),
    },
    {
      key: 'updatedAt',
      title: t('adminConfig.templates.updatedAt'),
      render: (_, r) => formatDateTime(new Date(r.updatedAt).toISOString()),
    },
    {
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, r) => (
        <Button
          size="small"
          aria-label={`${t('adminConfig.common.edit')} ${r.title}`}
          onClick={() => setEditing({ template: r })}
        >
          {t('adminConfig.common.edit')}
        </Button>
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Button
        type="primary"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setEditing({ template: null })}
      >
        {t('adminConfig.templates.add')}
      </Button>
      <Table<ReplyTemplate>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={templates.isPending}
        pagination={false}
      />
      {editing && (
        <Modal
          open
          width={720}
          title={t(editing.template ? 'adminConfig.templates.edit' : 'adminConfig.templates.add')}
          footer={null}
          onCancel={() => setEditing(null)}
          destroyOnHidden
        >
          <TemplateForm
            initial={editing.template}
            isSaving={save.isPending}
            onSubmit={(input) =>
              save.mutate(
                { id: editing.template?.id ?? null, input },
                { onSuccess: () => setEditing(null) },
              )
            }
          />
        </Modal>
      )}
    </Flex>
  )
}
