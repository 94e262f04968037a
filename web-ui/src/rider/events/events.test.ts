import { describe, expect, it } from 'vitest'
import { canCancel, checkInOpen, eventPlace, eventTime, kindTone, monthRange, reminders, riderState, type EventView } from './events'

const NOW = new Date('2026-12-05T06:00:00Z')

/** An event on 5 December 2026, 14:00–16:00 in China (06:00–08:00 UTC); check-in from 13:30. */
function event(over: Partial<EventView> = {}): EventView {
  return {
    id: 1,
    kind: 'training',
    title: '交通安全培训',
    status: 'scheduled',
    startsAt: '2026-12-05T06:00:00Z',
    endsAt: '2026-12-05T08:00:00Z',
    checkInOpensAt: '2026-12-05T05:30:00Z',
    checkInClosesAt: '2026-12-05T08:00:00Z',
    signUpUntil: '2026-12-05T06:00:00Z',
    capacity: 30,
    seatsLeft: 10,
    signedUp: 20,
    waitlisted: 0,
    attended: 0,
    ...over,
  } as EventView
}

describe('the check-in window', () => {
  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkInOpen(event(), new Date('2026-12-05T05:29:59Z'))).toBe(false)
    expect(checkInOpen(event(), new Date('2026-12-05T05:30:00Z'))).toBe(true)
    expect(checkInOpen(event(), new Date('2026-12-05T07:59:59Z'))).toBe(true)
    expect(checkInOpen(event(), new Date('2026-12-05T08:00:00Z'))).toBe(false)
  })

  it('stays shut for a cancelled event', () => {
    expect(checkInOpen(event({ status: 'cancelled' }), NOW)).toBe(false)
  })
})

describe("a rider's state with an event", () => {
  const before = new Date('2026-12-05T04:00:00Z')

  it('offers sign-up while seats are left, the waitlist when none are, nothing once sign-up closed', () => {
    expect(riderState(event(), before)).toBe('open')
    expect(riderState(event({ capacity: undefined, seatsLeft: undefined }), before)).toBe('open')
    expect(riderState(event({ seatsLeft: 0 }), before)).toBe('full')
    expect(riderState(event({ signUpUntil: '2026-12-05T03:00:00Z' }), before)).toBe('closed')
    // no sign-up deadline: it closes at the start
    expect(riderState(event({ signUpUntil: undefined }), NOW)).toBe('closed')
  })

  it('names my sign-up, my waitlist place and my check-in', () => {
    expect(riderState(event({ mine: { status: 'signed_up' } }), before)).toBe('signed_up')
    expect(riderState(event({ mine: { status: 'waitlisted', waitlistPosition: 2 } }), before)).toBe('waitlisted')
    expect(riderState(event({ mine: { status: 'cancelled' } }), before)).toBe('open')
    expect(riderState(event({ mine: { status: 'signed_up', attendedAt: '2026-12-05T05:40:00Z' } }), NOW)).toBe('attended')
    // a walk-in checked in without signing up
    expect(riderState(event({ mine: { status: null, attendedAt: '2026-12-05T05:40:00Z' } }), NOW)).toBe('attended')
  })

  it('says when the event is cancelled or over', () => {
    expect(riderState(event({ status: 'cancelled', mine: { status: 'signed_up' } }), before)).toBe('cancelled')
    expect(riderState(event({ mine: { status: 'signed_up' } }), new Date('2026-12-05T08:00:00Z'))).toBe('ended')
  })

  it('lets a sign-up be taken back only before the start', () => {
    expect(canCancel(event(), 'signed_up', before)).toBe(true)
    expect(canCancel(event(), 'waitlisted', before)).toBe(true)
    expect(canCancel(event(), 'signed_up', NOW)).toBe(false)
    expect(canCancel(event(), 'open', before)).toBe(false)
  })
})

/** Two hours on 6 December from `start` (UTC, on the hour), check-in from half an hour before. */
function day6(start: string): Partial<EventView> {
  const h = Number(start.slice(0, 2))
  const iso = (hour: number, min = '00') => `2026-12-06T${String(hour).padStart(2, '0')}:${min}:00Z`
  return { startsAt: iso(h), endsAt: iso(h + 2), checkInOpensAt: iso(h - 1, '30'), checkInClosesAt: iso(h + 2) }
}

describe('reminders on the home page', () => {
  it('list my signed-up events starting within 24 hours or open for check-in, soonest first', () => {
    const now = new Date('2026-12-05T05:40:00Z')
    const open = event({ id: 1, mine: { status: 'signed_up' } })
    const tomorrow = event({ id: 2, ...day6('05:00'), mine: { status: 'signed_up' } })
    const later = event({ id: 3, ...day6('06:00'), mine: { status: 'signed_up' } })
    const waitlisted = event({ id: 4, mine: { status: 'waitlisted', waitlistPosition: 1 } })
    const attended = event({ id: 5, mine: { status: 'signed_up', attendedAt: '2026-12-05T05:35:00Z' } })
    const cancelled = event({ id: 6, status: 'cancelled', mine: { status: 'signed_up' } })
    expect(reminders([later, tomorrow, waitlisted, attended, cancelled, open], now).map((e) => e.id)).toEqual([1, 2])
  })
})

describe('labels', () => {
  it("show the time on the township's clock, one day once", () => {
    expect(eventTime('2026-12-05T06:00:00Z', '2026-12-05T08:00:00Z', 'Asia/Shanghai', 'zh-CN')).toBe('12月5日周六 14:00–16:00')
    expect(eventTime('2026-12-05T06:00:00Z', '2026-12-06T08:00:00Z', 'Asia/Shanghai', 'en')).toBe(
      'Sat, Dec 5 14:00 – Sun, Dec 6 16:00',
    )
    // late evening in UTC is the next morning in China
    expect(eventTime('2026-12-04T23:30:00Z', '2026-12-05T01:00:00Z', 'Asia/Shanghai', 'zh-CN')).toBe('12月5日周六 07:30–09:00')
  })

  it('name the place by its station, else its address', () => {
    expect(eventPlace({ station: { id: 3, name: '青年路社区微网格员之家' }, address: undefined })).toBe('青年路社区微网格员之家')
    expect(eventPlace({ station: undefined, address: '镇政府三楼会议室' })).toBe('镇政府三楼会议室')
  })

  it('tone the kinds', () => {
    expect(kindTone('training')).toBe('primary')
    expect(kindTone('forum')).toBe('success')
    expect(kindTone('legal_aid')).toBe('warning')
  })

  it('ask for a whole month', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })
})
