/**
 * Staff accounts, one page for whoever manages them. Each control shows only where the signed-in
 * user's role may act (domain `mayManageAccount`, 三员分立; the API checks again): the admin adds
 * responders and managers and (de)activates them; the security admin grants roles, (de)activates
 * any account and resets passwords — the temporary password is shown once, and its owner must
 * replace it at the next sign-in.
 */
import { USER_ROLES, mayManageAccount, type UserRole } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sessionQueries, type SessionUser } from '../../../lib/session.ts'
import { userQueries, type StaffUser as User } from '../../../lib/users.ts'
import {
  useCreateUser,
  useResetPassword,
  useUpdateAccount,
  type NewUserInput,
} from '../api/admin-queries.ts'

function AddUserForm({ me }: { me: SessionUser }) {
  const { t } = useTranslation()
  const create = useCreateUser()
  const [form] = Form.useForm<NewUserInput>()
  const roles = USER_ROLES.filter((role) => mayManageAccount(me, 'create', { role }))
  const required = { required: true, message: t('admin.required') }
  return (
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
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('admin.users.password')}
          name="password"
          tooltip={t('admin.users.passwordFirstSignIn')}
          rules={[required, { min: 8, message: t('admin.users.passwordHint') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('admin.save')}
        </Button>
      </Form>
    </Card>
  )
}

/** The temporary password of a reset, shown once. */
function TemporaryPassword({
  user,
  password,
  onClose,
}: {
  user: User
  password: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      open
      title={t('admin.users.resetDone', { name: user.displayName })}
      footer={null}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        title={t('admin.users.resetOnce')}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph copyable={{ text: password }} code data-testid="temporary-password">
        {password}
      </Typography.Paragraph>
      <Button onClick={onClose}>{t('admin.done')}</Button>
    </Modal>
  )
}

export function UsersAdmin() {
  const { t } = useTranslation()
  const { data: me } = useQuery(sessionQueries.me())
  const users = useQuery(userQueries.list())
  const update = useUpdateAccount()
  const reset = useResetPassword()
  const [shown, setShown] = useState<{ user: User; password: string } | null>(null)
  if (!me) return null

  const roleCell = (u: User) => {
    const options = USER_ROLES.filter((r) => r === u.role || mayManageAccount(me, 'setRole', u, r))
    if (options.length <= 1) return <Tag>{t(`roles.${u.role}`)}</Tag>
    return (
      <Select<UserRole>
        aria-label={t('admin.users.roleOf', { name: u.displayName })}
        size="small"
        style={{ width: 130 }}
        value={u.role}
        options={options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        onChange={(role) => update.mutate({ id: u.id, patch: { role } })}
      />
    )
  }

  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('admin.users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('admin.users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('admin.users.role'), render: (_, u) => roleCell(u) },
    {
      key: 'state',
      title: t('admin.users.state'),
      render: (_, u) => (
        <Flex gap={4} wrap>
          <Tag color={u.isActive ? 'green' : 'default'}>
            {t(u.isActive ? 'admin.users.active' : 'admin.users.disabled')}
          </Tag>
          {u.mustChangePassword && <Tag color="orange">{t('admin.users.mustChange')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('admin.users.actions'),
      render: (_, u) => (
        <Flex gap={8} wrap>
          {mayManageAccount(me, 'setActive', u) && (
            <Popconfirm
              title={t(u.isActive ? 'admin.users.disableConfirm' : 'admin.users.enableConfirm', {
                name: u.displayName,
              })}
              onConfirm={() => update.mutate({ id: u.id, patch: { isActive: !u.isActive } })}
            >
              <Button size="small" danger={u.isActive}>
                {t(u.isActive ? 'admin.users.disable' : 'admin.users.enable')}
              </Button>
            </Popconfirm>
          )}
          {mayManageAccount(me, 'resetPassword', u) && (
            <Popconfirm
              title={t('admin.users.resetConfirm', { name: u.displayName })}
              onConfirm={() =>
                reset.mutate(u.id, {
                  onSuccess: ({ temporaryPassword }) =>
                    setShown({ user: u, password: temporaryPassword }),
                })
              }
            >
              <Button size="small">{t('admin.users.reset')}</Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(`admin.users.duty.${me.role === 'security_admin' ? 'security' : 'admin'}`)}
      </Typography.Paragraph>
      {mayManageAccount(me, 'create', { role: 'responder' }) && <AddUserForm me={me} />}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {shown && (
        <TemporaryPassword
          user={shown.user}
          password={shown.password}
          onClose={() => setShown(null)}
        />
      )}
    </Flex>
  )
}
