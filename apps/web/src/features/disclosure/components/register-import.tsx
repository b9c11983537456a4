/**
 * The import card of the disclosure register: a year's requests from a spreadsheet, answered ones
 * and those still open at year end (carried over).
 */
import { useTranslation } from 'react-i18next'
import { RegisterImportCard } from '../../../components/register-import-card.tsx'
import { registerSampleHref, useImportRegister } from '../api/disclosure-queries.ts'

export function RegisterImport() {
  const { t } = useTranslation()
  return (
    <RegisterImportCard
      title={t('disclosure.import.title')}
      hint={t('disclosure.import.hint')}
      sampleHref={registerSampleHref()}
      run={useImportRegister()}
      testId="register-import"
    />
  )
}
