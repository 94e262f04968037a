import { formatNumber, formatPercent, NO_VALUE } from '../format'
import { i18n } from '../i18n'

// What the region and township figures have in common: units, "better" by direction, change and rank.

export type Unit = 'count' | 'share' | 'minutes' | 'hours' | 'per100' | 'rating'
/** Which way is better: higher, lower, or neither. */
export type Direction = 'higher' | 'lower' | 'neutral'
export type Value = number | null | undefined

/** A figure as the API defines it (FigureDef): label and definition come in the UI's language. */
export interface FigureMeta {
  key?: string
  section?: string
  unit?: string
  direction?: string
  rollup?: string
  label?: string
  definition?: string
}

/** A figure's value in its unit: shares as percentages, durations, rates and ratings with their unit. */
export function formatFigure(unit: string | undefined, value: Value): string {
  if (value === null || value === undefined) return NO_VALUE
  switch (unit) {
    case 'share':
      return formatPercent(value)
    case 'minutes':
    case 'hours':
    case 'per100':
    case 'rating':
      return i18n.global.t(`figures.units.${unit}`, { value: formatNumber(value, 1) })
    default:
      // a region's median of counts may fall between two townships
      return formatNumber(value, 1)
  }
}

/** A change against an earlier period: relative for amounts, in percentage points for shares. */
export interface Change {
  /** Relative change (0.125 = +12.5 %), or for shares the difference in percentage points (3.2). */
  amount: number
  inPoints: boolean
  trend: 'up' | 'down' | 'flat'
  /** Whether the change is good news, by the figure's direction. */
  verdict: 'better' | 'worse' | 'neutral'
}

/** The change from `before` to `now`; null when either is missing or a relative change from 0 means nothing. */
export function changeOf(figure: FigureMeta, now: Value, before: Value): Change | null {
  if (now === null || now === undefined || before === null || before === undefined) return null
  const inPoints = figure.unit === 'share'
  if (!inPoints && before === 0 && now !== 0) return null
  const amount = inPoints ? (now - before) * 100 : before === 0 ? 0 : (now - before) / Math.abs(before)
  // what reads as 0 (to the one decimal shown) is no change
  const shown = Math.round((inPoints ? amount : amount * 100) * 10) / 10
  const trend = shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat'
  const verdict =
    trend === 'flat' || figure.direction === 'neutral' || figure.direction === undefined
      ? 'neutral'
      : (trend === 'up') === (figure.direction === 'higher')
        ? 'better'
        : 'worse'
  return { amount, inPoints, trend, verdict }
}

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const

/** "↑ 12.5%" or, for shares, "↓ 3.2 个百分点". */
export function formatChange(change: Change): string {
  const size = Math.abs(change.amount)
  const text = change.inPoints
    ? i18n.global.t('figures.change.points', { value: formatNumber(size, 1) })
    : formatPercent(size)
  return `${ARROWS[change.trend]} ${text}`
}

/** An item with its value and rank (1 = best); ties share a rank; no value, no rank. */
export interface Ranked<T> {
  item: T
  value: number | null
  rank: number | null
}

/** Best first by the figure's direction (for a neutral figure, largest first); items without a value last. */
export function rankBy<T>(items: readonly T[], value: (item: T) => Value, direction: string | undefined): Ranked<T>[] {
  const sign = direction === 'lower' ? 1 : -1
  const valued = items.map((item) => ({ item, value: value(item) ?? null }))
  const measured = valued.filter((v) => v.value !== null).sort((a, b) => sign * (a.value! - b.value!))
  const ranked = measured.map((v, i) => ({ ...v, rank: i + 1 }))
  ranked.forEach((r, i) => {
    if (i > 0 && r.value === ranked[i - 1]!.value) r.rank = ranked[i - 1]!.rank
  })
  return [...ranked, ...valued.filter((v) => v.value === null).map((v) => ({ ...v, rank: null }))]
}

/** Figures by section, in the API's order. */
export function bySection<F extends FigureMeta>(figures: readonly F[]): { section: string; figures: F[] }[] {
  const sections = new Map<string, F[]>()
  for (const figure of figures) {
    const section = figure.section ?? ''
    sections.set(section, [...(sections.get(section) ?? []), figure])
  }
  return [...sections].map(([section, list]) => ({ section, figures: list }))
}

/** Colour steps of a map's scale. */
export const LEVELS = 5

/**
 * Splits the range of the values into {@link LEVELS} equal steps: each value's step, 0 = worst to 4 = best by the
 * figure's direction (for a neutral figure, smallest to largest), and each step with its bounds, worst first (one
 * step, the best, when all values are equal).
 */
export function levels(values: readonly Value[], direction: string | undefined) {
  const measured = values.filter((v): v is number => v !== null && v !== undefined)
  const min = Math.min(...measured)
  const max = Math.max(...measured)
  const width = (max - min) / LEVELS
  // a value on a bound belongs to the step above it, also when floating point lands it just below
  const step = (v: number) => (width === 0 ? LEVELS - 1 : Math.min(LEVELS - 1, Math.floor((v - min) / width + 1e-9)))
  const lowerIsBetter = direction === 'lower'
  const level = (v: Value): number | null =>
    v === null || v === undefined || !measured.length ? null : lowerIsBetter ? LEVELS - 1 - step(v) : step(v)
  const steps =
    width === 0
      ? [{ from: min, to: max }]
      : Array.from({ length: LEVELS }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width }))
  const bounds = steps.map((b) => ({ ...b, level: level(b.from)! }))
  return { level, bounds: measured.length ? bounds.sort((a, b) => a.level - b.level) : [] }
}
