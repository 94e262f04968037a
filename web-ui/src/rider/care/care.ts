import { i18n } from '../../i18n'
import type { components } from '../../api/schema'

export type CareKind = components['schemas']['CareKind']
export type MyCareRecord = components['schemas']['MyCareRecord']

/** The kinds of care 关爱服务, in the order the console and totals show them. */
export const CARE_KINDS: readonly CareKind[] = ['insurance', 'hardship_aid', 'gift', 'health_check']

/** Each kind's Vant icon and colour, so a list reads at a glance. */
export const KIND_STYLE: Record<CareKind, { icon: string; color: string }> = {
  insurance: { icon: 'shield-o', color: '#1989fa' },
  hardship_aid: { icon: 'like-o', color: '#ee0a24' },
  gift: { icon: 'gift-o', color: '#ff976a' },
  health_check: { icon: 'medal-o', color: '#07c160' },
}

/** Yuan with at most two decimals, in the UI's language ("2,000", "120.5"). */
export function formatYuan(amount: number): string {
  return new Intl.NumberFormat(i18n.global.locale.value, { maximumFractionDigits: 2 }).format(amount)
}

/** A calendar date (YYYY-MM-DD, no time zone: the day the township gave it) in the UI's language. */
export function formatDay(day: string | undefined): string {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)
  return new Intl.DateTimeFormat(i18n.global.locale.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  )
}

/** Whether an insurance record covers the day `today` (YYYY-MM-DD). */
export function coversDay(record: { coverStart?: string; coverEnd?: string }, today: string): boolean {
  return !!record.coverStart && !!record.coverEnd && record.coverStart <= today && today <= record.coverEnd
}
