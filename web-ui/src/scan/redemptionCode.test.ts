import { describe, expect, it } from 'vitest'
import { redemptionCode } from './redemptionCode'

describe('redemptionCode', () => {
  it('takes 8 characters from A–Z and 2–9, as scanned or typed', () => {
    expect(redemptionCode('K7QM2XPA')).toBe('K7QM2XPA')
    expect(redemptionCode(' k7qm 2xpa\n')).toBe('K7QM2XPA')
    expect(redemptionCode('K7QM-2XPA')).toBe('K7QM2XPA')
  })

  it('leaves rider codes (signed tokens with dots) and anything else alone', () => {
    expect(redemptionCode('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl')).toBeNull()
    expect(redemptionCode('ABCD.EFG')).toBeNull()
    expect(redemptionCode('not-a-rider-code')).toBeNull()
    expect(redemptionCode('K7QM2XP')).toBeNull()
    expect(redemptionCode('K7QM2XPAB')).toBeNull()
    expect(redemptionCode('K7QM2XP1')).toBeNull()
    expect(redemptionCode('K7QM2XP0')).toBeNull()
    expect(redemptionCode('')).toBeNull()
  })
})
