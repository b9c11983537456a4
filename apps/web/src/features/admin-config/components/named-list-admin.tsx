/**
 * A short admin list of named rows that are deactivated, never deleted (departments, return
 * reasons): the table, an inline add form, a rename dialog and a (de)activate button per row.
 * `texts` holds the translated labels of the list at hand.
 */
import { Button, Flex, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export type NamedRow = { id: number; name: string; isActive: boolean }

type Props = {
  rows: NamedRow[]
  loading: boolean
  texts: { name: string; add: string; renameTitle: string }
  /** Max length the API accepts for the name. */
  maxLength: number
  onAdd: (name: string) => Promise<unknown>
  onRename: (id: number, name: string) => Promise<unknown>
  onSetActive: (id: number, isActive: boolean) => void
  /** The id whose (de)activation is in flight, for its button's spinner. */
  busyId?: number | undefined
}

export function NamedListAdmin({
  rows,
  loading,
  texts,
  maxLength,
  onAdd,
  onRename,
  onSetActive,
  busyId,
}: Props) {
  const { t } = useTranslation()
  const [addForm] = Form.useForm<{ name: string }>()
  const [renaming, setRenaming] = useState<NamedRow | null>(null)
  const nameRules = [
    { required: true, whitespace: true, message: t('adminConfig.common.required') },
    { max: maxLength },
  ]

  const columns: TableColumnsType<NamedRow> = [
    { key: 'name', title: texts.name, dataIndex: 'name' },
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
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            aria-label={`${t('adminConfig.common.rename')} ${r.name}`}
            onClick={() => setRenaming(r)}
          >
            {t('adminConfig.common.rename')}
          </Button>
          <Button
            size="small"
            danger={r.isActive}
            loading={busyId === r.id}
            aria-label={`${t(r.isActive ? 'adminConfig.common.deactivate' : 'adminConfig.common.activate')} ${r.name}`}
            onClick={() => onSetActive(r.id, !r.isActive)}
          >
            {t(r.isActive ? 'adminConfig.common.deactivate' : 'adminConfig.common.activate')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <Flex vertical gap={12}>
      <Form
        form={addForm}
        layout="inline"
        onFinish={({ name }) => void onAdd(name.trim()).then(() => addForm.resetFields())}
      >
        <Form.Item label={texts.name} name="name" rules={nameRules}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {texts.add}
        </Button>
      </Form>
      <Table<NamedRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
      />
      {renaming && (
        <Modal
          open
          title={texts.renameTitle}
          footer={null}
          onCancel={() => setRenaming(null)}
          destroyOnHidden
        >
          <Form<{ name: string }>
            layout="vertical"
            initialValues={{ name: renaming.name }}
            onFinish={({ name }) =>
              void onRename(renaming.id, name.trim()).then(() => setRenaming(null))
            }
          >
            <Form.Item label={texts.name} name="name" rules={nameRules}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('adminConfig.common.save')}
            </Button>
          </Form>
        </Modal>
      )}
    </Flex>
  )
}
