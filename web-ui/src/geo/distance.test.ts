import { describe, expect, it } from 'vitest'
import { formatDistance } from './distance'

const units = { m: 'm', km: 'km' }

describe('formatDistance', () => {
  it('shows metres under a kilometre, rounded to 10 m', () => {
    expect(formatDistance(3, units)).toBe('10 m')
    expect(formatDistance(456, units)).toBe('460 m')
  })
  it('shows kilometres with one decimal, whole ones from 10 km', () => {
    expect(formatDistance(1234, units)).toBe('1.2 km')
    expect(formatDistance(15_600, units)).toBe('16 km')
  })
})
