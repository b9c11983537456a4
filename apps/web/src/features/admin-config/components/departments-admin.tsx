/** Departments (职能处室): add, rename, deactivate (a deactivated one takes no new inquiries or users). */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { departmentQueries } from '../../../lib/departments.ts'
import { useCreateDepartment, useUpdateDepartment } from '../api/departments-queries.ts'
import { NamedListAdmin } from './named-list-admin.tsx'

export function DepartmentsAdmin() {
  const { t } = useTranslation()
  const departments = useQuery(departmentQueries.list())
  const create = useCreateDepartment()
  const update = useUpdateDepartment()
  return (
    <NamedListAdmin
      rows={departments.data ?? []}
      loading={departments.isPending}
      maxLength={60}
      texts={{
        name: t('adminConfig.departments.name'),
        add: t('adminConfig.departments.add'),
        renameTitle: t('adminConfig.departments.renameTitle'),
      }}
      onAdd={(name) => create.mutateAsync({ name })}
      onRename={(id, name) => update.mutateAsync({ id, patch: { name } })}
      onSetActive={(id, isActive) => update.mutate({ id, patch: { isActive } })}
      busyId={
        update.isPending && update.variables.patch.isActive !== undefined
          ? update.variables.id
          : undefined
      }
    />
  )
}
