import type { components } from '../../api/schema'

export type EventView = components['schemas']['EventView']
export type EventInput = components['schemas']['EventInput']
export type MySignup = components['schemas']['MySignup']
export type SignupView = components['schemas']['SignupView']
export type AttendanceView = components['schemas']['AttendanceView']
export type CheckInCode = components['schemas']['CheckInCode']

/** The kinds of 活动, in the order the screens offer them. */
export const KINDS = ['training', 'meeting', 'forum', 'health_check', 'legal_aid', 'volunteering'] as const
export type EventKind = (typeof KINDS)[number]

/** A kind's tag colour (Vant and Element Plus share the names): learning blue, talks green, services orange. */
export function kindTone(kind: string | undefined): 'primary' | 'success' | 'warning' {
  if (kind === 'training') return 'primary'
  if (kind === 'meeting' || kind === 'forum') return 'success'
  return 'warning'
}

const at = (iso: string | undefined | null) => (iso ? new Date(iso).getTime() : NaN)

/** Whether riders can check in now: a scheduled event between `checkInOpensAt` (30 min before) and its end. */
export function checkInOpen(
  event: Pick<EventView, 'status' | 'checkInOpensAt' | 'checkInClosesAt'>,
  now: Date = new Date(),
): boolean {
  const t = now.getTime()
  return event.status === 'scheduled' && t >= at(event.checkInOpensAt) && t < at(event.checkInClosesAt)
}

/**
 * Where a rider stands with an event, for its card: checked in, the event cancelled or over, signed up, on the
 * waitlist, or (not signed up) sign-up open with seats, open only for the waitlist, or closed.
 */
export type RiderState = 'attended' | 'cancelled' | 'ended' | 'signed_up' | 'waitlisted' | 'open' | 'full' | 'closed'

export function riderState(
  event: Pick<EventView, 'status' | 'endsAt' | 'startsAt' | 'signUpUntil' | 'seatsLeft' | 'mine'>,
  now: Date = new Date(),
): RiderState {
  const mine = event.mine
  if (mine?.attendedAt) return 'attended'
  if (event.status === 'cancelled') return 'cancelled'
  if (now.getTime() >= at(event.endsAt)) return 'ended'
  if (mine?.status === 'signed_up') return 'signed_up'
  if (mine?.status === 'waitlisted') return 'waitlisted'
  if (now.getTime() >= at(event.signUpUntil ?? event.startsAt)) return 'closed'
  return event.seatsLeft === 0 ? 'full' : 'open'
}

/** Whether the rider may still take back their sign-up (or waitlist place): only before the event starts. */
export function canCancel(event: Pick<EventView, 'startsAt' | 'status'>, state: RiderState, now: Date = new Date()): boolean {
  return (state === 'signed_up' || state === 'waitlisted') && event.status === 'scheduled' && now.getTime() < at(event.startsAt)
}

const DAY = 24 * 60 * 60 * 1000

/**
 * My events to remind me of on the home page: signed up, not checked in, and either starting within 24 h or open
 * for check-in now; soonest first.
 */
export function reminders<T extends Pick<EventView, 'status' | 'startsAt' | 'checkInOpensAt' | 'checkInClosesAt' | 'mine'>>(
  events: readonly T[],
  now: Date = new Date(),
): T[] {
  const t = now.getTime()
  return events
    .filter((e) => e.status === 'scheduled' && e.mine?.status === 'signed_up' && !e.mine.attendedAt)
    .filter((e) => {
      const starts = at(e.startsAt)
      return (starts > t && starts - t <= DAY) || checkInOpen(e, now)
    })
    .sort((a, b) => at(a.startsAt) - at(b.startsAt))
}

/**
 * When an event is, on the township's clock in the UI's language: "12月5日周六 14:00–16:00" within one day,
 * otherwise both ends in full.
 */
export function eventTime(startsAt: string, endsAt: string, zone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, month: 'short', day: 'numeric', weekday: 'short' })
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  if (day.format(start) === day.format(end)) return `${day.format(start)} ${time.format(start)}–${time.format(end)}`
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`
}

/** The place of an event: its station's name, else its address. */
export function eventPlace(event: Pick<EventView, 'station' | 'address'>): string {
  return event.station?.name ?? event.address ?? ''
}

/** The days (YYYY-MM-DD) of a calendar month (YYYY-MM), first and last, as the events list asks for them. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}
