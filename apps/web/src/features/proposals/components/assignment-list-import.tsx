/** The import card of a year's assignment list (交办清单) of suggestions and proposals. */
import { useTranslation } from 'react-i18next'
import { RegisterImportCard } from '../../../components/register-import-card.tsx'
import { assignmentSampleHref, useImportAssignmentList } from '../api/proposal-queries.ts'

export function AssignmentListImport() {
  const { t } = useTranslation()
  return (
    <RegisterImportCard
      title={t('proposals.import.title')}
      hint={t('proposals.import.hint')}
      sampleHref={assignmentSampleHref()}
      run={useImportAssignmentList()}
      testId="assignment-list-import"
    />
  )
}
