import { i18n } from '../i18n'

// Periods of the figures' API: "2026" (year), "2026-Q4" (quarter), "2026-11" (month), township calendar.

export type PeriodKind = 'year' | 'quarter' | 'month'
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month']

interface Parsed {
  kind: PeriodKind
  year: number
  /** Quarter 1–4 or month 1–12; 0 for a year. */
  part: number
}

export function parsePeriod(key: string): Parsed {
  const [year, part = ''] = key.split('-')
  if (part.startsWith('Q')) return { kind: 'quarter', year: Number(year), part: Number(part.slice(1)) }
  if (part) return { kind: 'month', year: Number(year), part: Number(part) }
  return { kind: 'year', year: Number(year), part: 0 }
}

function keyOf({ kind, year, part }: Parsed): string {
  if (kind === 'quarter') return `${year}-Q${part}`
  if (kind === 'month') return `${year}-${String(part).padStart(2, '0')}`
  return String(year)
}

/** The period of this kind that contains `today` (YYYY-MM-DD). */
export function currentPeriod(kind: PeriodKind, today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const part = kind === 'quarter' ? Math.ceil(month / 3) : kind === 'month' ? month : 0
  return keyOf({ kind, year, part })
}

/** The period before `key`, of the same kind (2026-01 → 2025-12). */
export function previousPeriod(key: string): string {
  const p = parsePeriod(key)
  if (p.kind === 'year') return keyOf({ ...p, year: p.year - 1 })
  const last = p.kind === 'quarter' ? 4 : 12
  return keyOf(p.part === 1 ? { ...p, year: p.year - 1, part: last } : { ...p, part: p.part - 1 })
}

/** The same period a year earlier (2026-Q4 → 2025-Q4): 同比. */
export function lastYearPeriod(key: string): string {
  const p = parsePeriod(key)
  return keyOf({ ...p, year: p.year - 1 })
}

/** The current period of the kind and the `count - 1` before it, most recent first: a picker's choices. */
export function recentPeriods(kind: PeriodKind, today: string, count: number): string[] {
  const keys = [currentPeriod(kind, today)]
  while (keys.length < count) keys.push(previousPeriod(keys[keys.length - 1]!))
  return keys
}

/** The last month (YYYY-MM) of the period that has begun by `today`: where a monthly trend ends. */
export function lastMonth(key: string, today: string): string {
  const p = parsePeriod(key)
  const end = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.part * 3 : p.part
  const month = keyOf({ kind: 'month', year: p.year, part: end })
  const now = today.slice(0, 7)
  return month < now ? month : now
}

/** "2026 年第 4 季度" / "Q4 2026" in the UI's language. */
export function periodLabel(key: string): string {
  const { kind, year, part } = parsePeriod(key)
  return i18n.global.t(`figures.periods.${kind}`, { year, part })
}

/** A month "2026-11" as a chart's axis label: "11月" / "Nov", with the year where it begins (January or first). */
export function monthLabel(month: string, withYear: boolean): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    year: withYear ? 'numeric' : undefined,
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 1)))
}
