import { describe, expect, it } from 'vitest'
import { deadline, shortSpan } from './sla'

const due = { dispatchDue: '2026-05-01T08:10:00Z', resolveDue: '2026-05-04T08:00:00Z' }

describe('the SLA clock', () => {
  it('runs against dispatch until dispatched, then against resolution, and stops once resolved', () => {
    expect(deadline({ state: 'submitted', ...due })).toEqual({ kind: 'dispatch', due: Date.parse(due.dispatchDue) })
    expect(deadline({ state: 'reopened', ...due })?.kind).toBe('dispatch')
    expect(deadline({ state: 'dispatched', ...due })).toEqual({ kind: 'resolve', due: Date.parse(due.resolveDue) })
    expect(deadline({ state: 'in_progress', ...due })?.kind).toBe('resolve')
    for (const state of ['resolved', 'closed_fixed', 'closed_not_fixed', 'rejected', 'duplicate'] as const) {
      expect(deadline({ state, ...due })).toBeNull()
    }
    expect(deadline({ state: 'submitted' })).toBeNull()
  })

  it('shows the two largest units, so the whole span fits a narrow column, either side of the deadline', () => {
    expect(shortSpan(40 * 3600_000 + 59 * 60_000)).toEqual({ unit: 'dh', major: 1, minor: 16 })
    expect(shortSpan(3 * 86_400_000 + 60_000)).toEqual({ unit: 'dh', major: 3, minor: 0 })
    expect(shortSpan(-(2 * 3600_000 + 3 * 60_000 + 4_000))).toEqual({ unit: 'hm', major: 2, minor: 3 })
    expect(shortSpan(9 * 60_000 + 5_000)).toEqual({ unit: 'ms', major: 9, minor: 5 })
    expect(shortSpan(-999)).toEqual({ unit: 'ms', major: 0, minor: 0 })
  })
})
