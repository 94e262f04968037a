import { describe, expect, it } from 'vitest'
import { deadline, span } from './sla'

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

  it('shows minutes and seconds, hours when needed, whole days apart, either side of the deadline', () => {
    expect(span(9 * 60_000 + 5_000)).toEqual({ days: 0, clock: '09:05' })
    expect(span(-(2 * 3600_000 + 3 * 60_000 + 4_000))).toEqual({ days: 0, clock: '2:03:04' })
    expect(span(3 * 86_400_000 + 60_000)).toEqual({ days: 3, clock: '0:01:00' })
    expect(span(-999)).toEqual({ days: 0, clock: '00:00' })
  })
})
