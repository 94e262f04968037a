import { describe, expect, it } from 'vitest'
import { ALERT_STATES, FOLLOW_UP_OUTCOMES, STATE_TAG, followUpComplete, streakDays } from './alerts'

describe('alert states', () => {
  it('read open amber, escalated red, closed green', () => {
    expect(ALERT_STATES.map((s) => STATE_TAG[s])).toEqual(['warning', 'danger', 'success'])
  })
})

describe('a follow-up', () => {
  it('needs an outcome, a note only for "other", and at most 500 characters', () => {
    expect(FOLLOW_UP_OUTCOMES).toContain('helped')
    expect(followUpComplete(undefined, '去看过了')).toBe(false)
    expect(followUpComplete('helped', '')).toBe(true)
    expect(followUpComplete('other', '  ')).toBe(false)
    expect(followUpComplete('other', '老人去女儿家住了')).toBe(true)
    expect(followUpComplete('safe', 'x'.repeat(501))).toBe(false)
  })
})

describe("an alert's streak", () => {
  it("lists every day from first to last with the day's last look-in, and a day nobody looked in as none", () => {
    const days = streakDays('2026-11-29', '2026-12-02', [
      { day: '2026-11-29', outcome: 'ok', visitedAt: '2026-11-29T01:00:00Z' },
      { day: '2026-11-29', outcome: 'garbage_not_out', visitedAt: '2026-11-29T09:00:00Z', note: '垃圾还在' },
      { day: '2026-11-30', outcome: 'no_answer', visitedAt: '2026-11-30T02:00:00Z' },
      { day: '2026-12-02', outcome: 'garbage_not_out', visitedAt: '2026-12-02T02:00:00Z' },
      { day: '2026-12-05', outcome: 'ok', visitedAt: '2026-12-05T02:00:00Z' },
    ])
    expect(days.map((d) => [d.day, d.outcome])).toEqual([
      ['2026-11-29', 'garbage_not_out'],
      ['2026-11-30', 'no_answer'],
      ['2026-12-01', null],
      ['2026-12-02', 'garbage_not_out'],
    ])
    expect(days[0]!.note).toBe('垃圾还在')
  })

  it('crosses a month end and is empty for a missing or reversed span', () => {
    expect(streakDays('2026-02-27', '2026-03-01', []).map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(streakDays(undefined, '2026-03-01', [])).toEqual([])
    expect(streakDays('2026-03-02', '2026-03-01', [])).toEqual([])
  })
})

describe('the alert feed', () => {
  it('changes when a raised or escalated alert comes into the inbox, not for other messages', async () => {
    const { alertMessages } = await import('./useAlertFeed')
    const before = alertMessages([{ id: 1, kind: 'pairing_alert' }, { id: 2, kind: 'report_escalated' }])
    expect(before).toBe('1')
    expect(alertMessages([{ id: 3, kind: 'report_escalated' }, { id: 1, kind: 'pairing_alert' }])).toBe(before)
    expect(alertMessages([{ id: 4, kind: 'pairing_alert_escalated' }, { id: 1, kind: 'pairing_alert' }])).toBe('4,1')
    expect(alertMessages([{ id: 5, kind: 'pairing_alert_followed_up' }])).toBe('')
  })
})
