import type { components } from '../../api/schema'
import { addDays } from '../../format'
import type { VisitOutcome } from '../../rider/pairing/pairing'

export type Alert = components['schemas']['AlertView']
export type AlertState = NonNullable<Alert['state']>
export type FollowUpOutcome = NonNullable<components['schemas']['FollowUpInput']['outcome']>

/** The alert list's tabs, in order: what waits for the community, what went to the township, what is done. */
export const ALERT_STATES: readonly AlertState[] = ['open', 'escalated', 'closed']

/** Element Plus tag type of each state: open amber, escalated red, closed green. */
export const STATE_TAG: Record<AlertState, 'warning' | 'danger' | 'success'> = {
  open: 'warning',
  escalated: 'danger',
  closed: 'success',
}

/** How a grid worker's follow-up ended, in the form's order. */
export const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ['safe', 'helped', 'hospital', 'family', 'other']

/** A follow-up note is needed for "other" (what happened is otherwise unsaid), else optional; at most 500 chars. */
export function followUpComplete(outcome: FollowUpOutcome | undefined, note: string): boolean {
  if (!outcome) return false
  const n = note.trim().length
  return n <= 500 && (outcome !== 'other' || n > 0)
}

/** One day of an alert's streak: the day's sign (its last look-in) or none when nobody looked in. */
export interface StreakDay {
  day: string
  outcome: VisitOutcome | null
  note?: string
  riderName?: string
}

/**
 * The days from the streak's first to its last, each with the day's last look-in (the day's sign, as the alert rule
 * counts it) or none: a day without a look-in is a sign too.
 */
export function streakDays(
  from: string | undefined,
  to: string | undefined,
  visits: { day?: string; outcome?: VisitOutcome; visitedAt?: string; note?: string; riderName?: string }[],
): StreakDay[] {
  if (!from || !to || from > to) return []
  const last = new Map<string, (typeof visits)[number]>()
  for (const v of visits) {
    if (!v.day) continue
    const kept = last.get(v.day)
    if (!kept || (v.visitedAt ?? '') >= (kept.visitedAt ?? '')) last.set(v.day, v)
  }
  const days: StreakDay[] = []
  // a streak is at most weeks long; the bound only guards against a malformed span
  for (let day = from; day <= to && days.length < 400; day = addDays(day, 1)) {
    const v = last.get(day)
    days.push({ day, outcome: v?.outcome ?? null, note: v?.note, riderName: v?.riderName })
  }
  return days
}
