import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

type MessageSchema = typeof zhCN

const messages = { 'zh-CN': zhCN, en } satisfies Record<string, MessageSchema>

export type AppLocale = keyof typeof messages

/** In display order: zh-CN first (the default), English second. */
export const LOCALES = (Object.keys(messages) as AppLocale[]).map((code) => ({
  code,
  name: messages[code].language.name,
}))

const STORAGE_KEY = 'fengxing.locale'

function isAppLocale(value: string | null): value is AppLocale {
  return value !== null && value in messages
}

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isAppLocale(value) ? value : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages,
})

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}
