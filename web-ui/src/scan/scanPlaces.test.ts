import { describe, expect, it } from 'vitest'
import { key, loggedKey, todayKey } from './useScanDesk'

describe('the scan desk’s places', () => {
  it('count visits, discount uses or an event’s check-ins, and say a check-in is 已签到', () => {
    expect(todayKey({ kind: 'station', id: 1, name: '' })).toBe('scan.todayVisits')
    expect(todayKey({ kind: 'merchant', id: 1, name: '' })).toBe('scan.todayUses')
    expect(todayKey({ kind: 'event', id: 1, name: '' })).toBe('scan.todayAttended')
    expect(todayKey(undefined)).toBe('scan.todayVisits')
    expect(loggedKey({ kind: 'event', id: 1, name: '' })).toBe('scan.checkedIn')
    expect(loggedKey({ kind: 'station', id: 1, name: '' })).toBe('scan.logged')
    expect(key({ kind: 'event', id: 3, name: '' })).toBe('event:3')
  })
})
