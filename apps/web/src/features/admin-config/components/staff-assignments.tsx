/**
 * Staff per department and role: each user's department (active departments, or none), role and
 * whether the account is active, changed in place (`PATCH /api/users/:id`).
 */
import { USER_ROLES } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Select, Switch, Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { departmentQueries } from '../../../lib/departments.ts'
import { userQueries, type StaffUser as StaffMember } from '../../../lib/users.ts'
import { useUpdateStaff } from '../api/departments-queries.ts'

const NONE = 0 // the select's value for "no department" (ids are positive)

export function StaffAssignments() {
  const { t } = useTranslation()
  const staff = useQuery(userQueries.list())
  const departments = useQuery(departmentQueries.list())
  const update = useUpdateStaff()
  const busy = (id: number) => update.isPending && update.variables.id === id

  const departmentOptions = (current: number | null) => [
    { value: NONE, label: t('adminConfig.departments.noDepartment') },
    // a deactivated department stays visible on the users already in it
    ...(departments.data ?? [])
      .filter((d) => d.isActive || d.id === current)
      .map((d) => ({ value: d.id, label: d.name, disabled: !d.isActive })),
  ]

  const columns: TableColumnsType<StaffMember> = [
    { key: 'username', title: t('adminConfig.departments.username'), dataIndex: 'username' },
    {
      key: 'displayName',
      title: t('adminConfig.departments.displayName'),
      dataIndex: 'displayName',
    },
    {
      key: 'department',
      title: t('adminConfig.departments.department'),
      render: (_, u) => (
        <Select
          style={{ width: 200 }}
          aria-label={t('adminConfig.departments.departmentOf', { name: u.displayName })}
          value={u.departmentId ?? NONE}
          loading={busy(u.id)}
          options={departmentOptions(u.departmentId)}
          onChange={(value: number) =>
            update.mutate({ id: u.id, patch: { department: value === NONE ? null : value } })
          }
        />
      ),
    },
    {
      key: 'role',
      title: t('adminConfig.departments.role'),
      render: (_, u) => (
        <Select
          style={{ width: 120 }}
          aria-label={t('adminConfig.departments.roleOf', { name: u.displayName })}
          value={u.role}
          options={USER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(role) => update.mutate({ id: u.id, patch: { role } })}
        />
      ),
    },
    {
      key: 'active',
      title: t('adminConfig.departments.account'),
      render: (_, u) => (
        <Switch
          aria-label={t('adminConfig.departments.activeOf', { name: u.displayName })}
          checked={u.isActive}
          checkedChildren={t('adminConfig.common.active')}
          unCheckedChildren={t('adminConfig.common.inactive')}
          onChange={(isActive) => update.mutate({ id: u.id, patch: { isActive } })}
        />
      ),
    },
  ]

  return (
    <Table<StaffMember>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={staff.data ?? []}
      loading={staff.isPending}
      pagination={false}
    />
  )
}
