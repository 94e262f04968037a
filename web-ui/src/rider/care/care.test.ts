import { describe, expect, it } from 'vitest'
import { coversDay, formatDay, formatYuan } from './care'

describe('care helpers', () => {
  it('tell whether a cover runs on a day, its first and last days included', () => {
    const cover = { coverStart: '2026-03-01', coverEnd: '2027-02-28' }
    expect(coversDay(cover, '2026-03-01')).toBe(true)
    expect(coversDay(cover, '2027-02-28')).toBe(true)
    expect(coversDay(cover, '2027-03-01')).toBe(false)
    expect(coversDay(cover, '2026-02-28')).toBe(false)
    expect(coversDay({}, '2026-05-01')).toBe(false)
  })

  it('show a day as the day it is, whatever the device zone, and yuan without needless decimals', () => {
    expect(formatDay('2026-02-01')).toContain('2026')
    expect(formatDay('2026-02-01')).toMatch(/1/)
    expect(formatDay(undefined)).toBe('')
    expect(formatYuan(2000)).toBe('2,000')
    expect(formatYuan(120.5)).toBe('120.5')
  })
})
