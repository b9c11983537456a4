/**
 * i18next set-up: Chinese (zh-CN) by default, English on request. The choice is kept in
 * localStorage under `desk.lang`, so a reload keeps the language.
 * Messages: `locales/<lang>.json` (shared) plus one file per feature, `locales/<lang>/<name>.json`,
 * whose single top-level key is `<name>` (so features never edit the same file).
 */
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from '../locales/en.json'
import zhCN from '../locales/zh-CN.json'

type Messages = Record<string, unknown>
const zhParts = import.meta.glob<Messages>('../locales/zh-CN/*.json', {
  eager: true,
  import: 'default',
})
const enParts = import.meta.glob<Messages>('../locales/en/*.json', {
  eager: true,
  import: 'default',
})

/** The shared messages with every feature file's top-level key added. */
function merged(base: Messages, parts: Record<string, Messages>): Messages {
  return Object.assign({}, base, ...Object.values(parts))
}

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_STORAGE_KEY = 'desk.lang'

/** The stored language, or zh-CN when none (or an unknown one) is stored. */
export function storedLanguage(): Language {
  const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
  return LANGUAGES.find((l) => l === value) ?? 'zh-CN'
}

/** dayjs (antd's date pickers) names months and weekdays in the UI's language. */
const setDayjsLocale = (language: string) => dayjs.locale(language === 'en' ? 'en' : 'zh-cn')

/** Switches the UI language and remembers it. */
export async function switchLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  document.documentElement.lang = language
  setDayjsLocale(language)
  await i18next.changeLanguage(language)
}

/** Initialises i18next once (idempotent: tests call it per render). */
export function initI18n(language: Language = storedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: {
        'zh-CN': { translation: merged(zhCN, zhParts) },
        en: { translation: merged(en, enParts) },
      },
      lng: language,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
    })
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language)
  }
  document.documentElement.lang = language
  setDayjsLocale(language)
  return i18next
}
