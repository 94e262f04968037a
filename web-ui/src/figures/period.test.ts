import { describe, expect, it } from 'vitest'
import { currentPeriod, lastMonth, lastYearPeriod, parsePeriod, previousPeriod, recentPeriods } from './period'

describe('periods of the figures', () => {
  it('reads and finds years, quarters and months', () => {
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, part: 4 })
    expect(parsePeriod('2026-03')).toEqual({ kind: 'month', year: 2026, part: 3 })
    expect(currentPeriod('year', '2026-12-04')).toBe('2026')
    expect(currentPeriod('quarter', '2026-08-31')).toBe('2026-Q3')
    expect(currentPeriod('month', '2026-02-01')).toBe('2026-02')
  })
  it('steps back across the year', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12')
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4')
    expect(previousPeriod('2026')).toBe('2025')
    expect(lastYearPeriod('2026-Q1')).toBe('2025-Q1')
    expect(lastYearPeriod('2026-11')).toBe('2025-11')
    expect(recentPeriods('quarter', '2026-05-10', 3)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4'])
  })
  it('ends a trend at the last month of the period that has begun', () => {
    expect(lastMonth('2025', '2026-12-04')).toBe('2025-12')
    expect(lastMonth('2026', '2026-12-04')).toBe('2026-12')
    expect(lastMonth('2026-Q4', '2026-11-04')).toBe('2026-11')
    expect(lastMonth('2026-Q2', '2026-11-04')).toBe('2026-06')
  })
})
