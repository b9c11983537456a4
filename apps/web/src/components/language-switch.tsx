/** Switches the UI between Chinese and English; the choice is remembered (localStorage). */
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { switchLanguage } from '../lib/i18n.ts'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const next = i18n.language.startsWith('en') ? 'zh-CN' : 'en'
  return (
    <Button type="text" onClick={() => void switchLanguage(next)} aria-label={t('nav.switchLanguage')}>
      {t('nav.otherLanguage')}
    </Button>
  )
}
