/** Return reasons (退单原因): add, reword, deactivate (a deactivated one is no longer offered). */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { returnReasonQueries } from '../../../lib/return-reasons.ts'
import { useCreateReturnReason, useUpdateReturnReason } from '../api/return-reasons-queries.ts'
import { NamedListAdmin } from './named-list-admin.tsx'

export function ReturnReasonsAdmin() {
  const { t } = useTranslation()
  const reasons = useQuery(returnReasonQueries.list())
  const create = useCreateReturnReason()
  const update = useUpdateReturnReason()
  return (
    <NamedListAdmin
      rows={(reasons.data ?? []).map((r) => ({ id: r.id, name: r.label, isActive: r.isActive }))}
      loading={reasons.isPending}
      maxLength={100}
      texts={{
        name: t('adminConfig.returnReasons.name'),
        add: t('adminConfig.returnReasons.add'),
        renameTitle: t('adminConfig.returnReasons.renameTitle'),
      }}
      onAdd={(label) => create.mutateAsync({ label })}
      onRename={(id, label) => update.mutateAsync({ id, patch: { label } })}
      onSetActive={(id, isActive) => update.mutate({ id, patch: { isActive } })}
      busyId={
        update.isPending && update.variables.patch.isActive !== undefined
          ? update.variables.id
          : undefined
      }
    />
  )
}
