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

/** The instant a township calendar day (YYYY-MM-DD) begins in the zone. */
export function startOfDay(day: string, zone: string): Date {
  return zonedInstant(`${day}T00:00`, zone)
}

/** The zone's wall clock at an instant, as the parts of a date and time. */
function wallParts(instant: Date, zone: string): Record<string, number> {
  return Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  )
}

/**
 * The instant a township's wall clock shows `wall` (YYYY-MM-DDTHH:mm): what an organiser picks as an event's start
 * means the township's clock, whatever the computer's zone.
 */
export function zonedInstant(wall: string, zone: string): Date {
  const [day, time = '00:00'] = wall.split('T')
  const [y, m, d] = day!.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const utc = Date.UTC(y!, m! - 1, d!, hh!, mm!)
  // the zone's offset then: its wall clock at that instant, read back as if it were UTC
  const parts = wallParts(new Date(utc), zone)
  const wallThen = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  return new Date(utc - (wallThen - utc))
}

/** The township's wall clock (YYYY-MM-DDTHH:mm) at an instant: the reverse of {@link zonedInstant}. */
export function wallClock(value: string | Date, zone: string): string {
  const p = wallParts(new Date(value), zone)
  const two = (n: number | undefined) => String(n).padStart(2, '0')
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`
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
