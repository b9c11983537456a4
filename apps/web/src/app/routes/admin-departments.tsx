/** /admin/departments (admin): departments, and each user's department, role and account state. */
import { Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DepartmentsAdmin } from '../../features/admin-config/components/departments-admin.tsx'
import { StaffAssignments } from '../../features/admin-config/components/staff-assignments.tsx'

export function Component() {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('adminConfig.departments.title')}
      </Typography.Title>
      <DepartmentsAdmin />
      <Card size="small" title={t('adminConfig.departments.staffTitle')}>
        <StaffAssignments />
      </Card>
    </Flex>
  )
}
