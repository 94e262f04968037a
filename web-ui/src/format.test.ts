import { describe, expect, it } from 'vitest'
import { addDays, calendarDate, formatDateTime } from './format'
import { startOfDay, wallClock, zonedInstant } from './wallClock'

describe("the township's clock", () => {
  it("counts today by the township's calendar, not the device's", () => {
    // 16:30 UTC on 22 November is already 00:30 on 23 November in China
    const lateEvening = new Date('2026-11-22T16:30:00Z')
    expect(calendarDate('Asia/Shanghai', lateEvening)).toBe('2026-11-23')
    expect(calendarDate('UTC', lateEvening)).toBe('2026-11-22')
    expect(calendarDate('Asia/Shanghai', new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22')
  })

  it("shows times on the township's clock", () => {
    const text = formatDateTime('2026-11-22T16:30:00Z', 'Asia/Shanghai')
    expect(text).toContain('2026')
    expect(text).toContain('23')
    expect(text).toContain('00:30')
    expect(formatDateTime(undefined, 'Asia/Shanghai')).toBe('')
  })
  it("starts a township day at its own midnight", () => {
    expect(startOfDay('2026-11-23', 'Asia/Shanghai').toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(startOfDay('2026-11-23', 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-11-23', 90)).toBe('2027-02-21')
  })

  it("reads an organiser's picked time on the township's clock, and back", () => {
    expect(zonedInstant('2026-12-05T14:30', 'Asia/Shanghai').toISOString()).toBe('2026-12-05T06:30:00.000Z')
    expect(zonedInstant('2026-12-05T00:15', 'Asia/Shanghai').toISOString()).toBe('2026-12-04T16:15:00.000Z')
    // a zone with summer time: the offset of that day, not of today
    expect(zonedInstant('2026-07-01T09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z')
    expect(zonedInstant('2026-01-01T09:00', 'Europe/Berlin').toISOString()).toBe('2026-01-01T08:00:00.000Z')
    expect(wallClock('2026-12-05T06:30:00Z', 'Asia/Shanghai')).toBe('2026-12-05T14:30')
    expect(wallClock('2026-12-04T16:15:00Z', 'Asia/Shanghai')).toBe('2026-12-05T00:15')
    expect(wallClock(zonedInstant('2026-03-09T23:59', 'UTC'), 'UTC')).toBe('2026-03-09T23:59')
  })
})
