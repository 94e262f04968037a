import { createI18n } from 'vue-i18n'
import type zhCN from './locales/zh-CN.json'
import type zhCNConsole from './locales/console/zh-CN.json'
import type zhCNPoints from './locales/points/zh-CN.json'
import type zhCNEvents from './locales/events/zh-CN.json'
import type zhCNSuggestions from './locales/suggestions/zh-CN.json'
import type zhCNCare from './locales/care/zh-CN.json'
import type zhCNPairing from './locales/pairing/zh-CN.json'
import type zhCNNotifications from './locales/notifications/zh-CN.json'

type MessageSchema = typeof zhCN & typeof zhCNConsole & typeof zhCNPoints & typeof zhCNEvents & typeof zhCNSuggestions & typeof zhCNCare & typeof zhCNPairing & typeof zhCNNotifications

/**
 * Messages come in chunks of their own, by language and part: the app's (rider pages, landing, sign-in) and the
 * console's (the township console, the regional dashboard, the operator's page), the points' (爱心积分, the
 * rider's and the console's screens) and the events' (活动, the rider's and the organiser's screens) and the suggestions' (意见建议, the rider's and the console's) and the care services' (关爱服务, the same) and care pairing's (捎带手, the rider's look-ins and the community's elders and alerts) and the inbox's (消息, the bell and the inbox of both), so a page loads only what it shows.
 */
const loaders = {
  'zh-CN': {
    app: () => import('./locales/zh-CN.json'),
    console: () => import('./locales/console/zh-CN.json'),
    points: () => import('./locales/points/zh-CN.json'),
    events: () => import('./locales/events/zh-CN.json'),
    suggestions: () => import('./locales/suggestions/zh-CN.json'),
    care: () => import('./locales/care/zh-CN.json'),
    pairing: () => import('./locales/pairing/zh-CN.json'),
    notifications: () => import('./locales/notifications/zh-CN.json'),
  },
  en: {
    app: () => import('./locales/en.json'),
    console: () => import('./locales/console/en.json'),
    points: () => import('./locales/points/en.json'),
    events: () => import('./locales/events/en.json'),
    suggestions: () => import('./locales/suggestions/en.json'),
    care: () => import('./locales/care/en.json'),
    pairing: () => import('./locales/pairing/en.json'),
    notifications: () => import('./locales/notifications/en.json'),
  },
} satisfies Record<string, Record<string, () => Promise<{ default: object }>>>

export type AppLocale = keyof typeof loaders
export type MessagePart = keyof (typeof loaders)[AppLocale]

/** In display order: zh-CN first (the default), English second; each named in itself, whatever the UI's language. */
export const LOCALES: { code: AppLocale; name: string }[] = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
]

const STORAGE_KEY = 'fengxing.locale'

function isAppLocale(value: string | null): value is AppLocale {
  return value !== null && value in loaders
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
  // filled by loadMessages
  messages: {} as Record<AppLocale, MessageSchema>,
})

/** The parts the pages opened so far needed: a change of language loads them all in the new one. */
const inUse = new Set<MessagePart>(['app'])
const loaded = new Map<string, Promise<void>>()

/** Loads a part's messages (and those of the parts already in use) in a language, each once. */
export function loadMessages(part: MessagePart = 'app', locale: AppLocale = i18n.global.locale.value): Promise<void> {
  inUse.add(part)
  return Promise.all(
    [...inUse].map((p) => {
      const key = `${locale}/${p}`
      if (!loaded.has(key)) {
        const loading = loaders[locale][p]().then((m) => i18n.global.mergeLocaleMessage(locale, m.default))
        loaded.set(key, loading)
        loading.catch(() => loaded.delete(key))
      }
      return loaded.get(key)
    }),
  ).then(() => undefined)
}

export async function setLocale(locale: AppLocale): Promise<void> {
  await loadMessages('app', locale)
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}
