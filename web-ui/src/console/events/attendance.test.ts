import { describe, expect, it } from 'vitest'
import { attendanceLine } from './attendance'

const t = (key: string, values: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`
const rider = { id: 7, name: '郑小龙', phone: '136****0001' }

describe('a check-in as the organiser sees it', () => {
  it('names the rider and the points written now, pending, or none', () => {
    expect(attendanceLine(t, { rider, points: 10, pointsPending: false })).toBe(
      'events.console.pointsNow {"name":"郑小龙","phone":"136****0001","n":10}',
    )
    expect(attendanceLine(t, { rider, points: 0, pointsPending: true })).toMatch(/^events\.console\.pointsPending /)
    expect(attendanceLine(t, { rider, points: 0, pointsPending: false })).toMatch(/^events\.console\.noPointsNow /)
  })
})
