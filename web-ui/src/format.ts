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

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10)
}

/** Shown for a figure that has no value (nothing to measure). */
export const NO_VALUE = '—'

/** A number in the UI's language with at most `digits` decimals ("1,234.5"); "—" for none. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return NO_VALUE
  return new Intl.NumberFormat(i18n.global.locale.value, { maximumFractionDigits: digits }).format(value)
}

/** A share 0..1 as a percentage in the UI's language ("80.5%"); "—" for none. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return NO_VALUE
  return new Intl.NumberFormat(i18n.global.locale.value, { style: 'percent', maximumFractionDigits: digits }).format(value)
}
