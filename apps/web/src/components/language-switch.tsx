/**
 * Switches the UI between Chinese and English; the choice is remembered (localStorage). The
 * button's name is its visible label, the other language's own name ("English" / "中文"), so
 * speech input and screen readers hear what sighted users read (WCAG 2.5.3 label in name); the
 * tooltip says what it does.
 */
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { switchLanguage } from '../lib/i18n.ts'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const next = i18n.language.startsWith('en') ? 'zh-CN' : 'en'
  return (
    <Button
      type="text"
      lang={next}
      title={t('nav.switchLanguage')}
      onClick={() => void switchLanguage(next)}
    >
      {t('nav.otherLanguage')}
    </Button>
  )
}
