import { i18n } from './i18n'

/** The platform's default township zone, used until a township's profile (which names its own) has loaded. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/**
 * A date and time (ISO string or epoch milliseconds) in the UI's language and the township's zone:
 * times show on the township's clock whatever the device's zone.
 */
export function formatDateTime(value: string | number | undefined, zone: string, withTime = true): string {
  if (value === undefined || value === '') return ''
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: withTime ? 'short' : undefined,
  }).format(new Date(value))
}

/** The township's calendar date (YYYY-MM-DD) at `at`: "today" for counters the server keeps per township day. */
export function calendarDate(zone: string, at: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}
