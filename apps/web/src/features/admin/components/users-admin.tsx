/** Staff users: the list and a form to add one (username, display name, role, initial password). */
import { USER_ROLES } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { userQueries, type StaffUser as User } from '../../../lib/users.ts'
import { useCreateUser, type NewUserInput } from '../api/admin-queries.ts'

export function UsersAdmin() {
  const { t } = useTranslation()
  const users = useQuery(userQueries.list())
  const create = useCreateUser()
  const [form] = Form.useForm<NewUserInput>()

  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('admin.users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('admin.users.displayName'), dataIndex: 'displayName' },
    {
      key: 'role',
      title: t('admin.users.role'),
      render: (_, u) => <Tag>{t(`roles.${u.role}`)}</Tag>,
    },
  ]
  const required = { required: true, message: t('admin.required') }

  return (
    <Flex vertical gap={16}>
      <Card title={t('admin.users.add')} size="small">
        <Form<NewUserInput>
          form={form}
          layout="inline"
          initialValues={{ role: 'responder' }}
          onFinish={(values) => create.mutate(values, { onSuccess: () => form.resetFields() })}
        >
          <Form.Item label={t('admin.users.username')} name="username" rules={[required]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('admin.users.displayName')} name="displayName" rules={[required]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('admin.users.role')} name="role" rules={[required]}>
            <Select
              style={{ width: 120 }}
              options={USER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('admin.users.password')}
            name="password"
            rules={[required, { min: 8, message: t('admin.users.passwordHint') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('admin.save')}
          </Button>
        </Form>
      </Card>
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={false}
      />
    </Flex>
  )
}
