import { describe, expect, it } from 'vitest'
import { placeBody, placeContact } from './place'

describe('place contact', () => {
  it('starts from the place, or empty for a new one', () => {
    expect(placeContact({ lon: 111.18, lat: 37.36, keeper: 'k-1', phone: '0358-1' })).toEqual({
      point: [111.18, 37.36],
      keeper: 'k-1',
      phone: '0358-1',
    })
    expect(placeContact(null)).toEqual({ point: null, keeper: undefined, phone: '' })
  })

  it('sends blanks as missing', () => {
    expect(placeBody({ point: [1, 2], keeper: '', phone: '  ' })).toEqual({ lon: 1, lat: 2, keeper: undefined, phone: undefined })
    expect(placeBody({ point: [1, 2], keeper: 'k-1', phone: ' 0358-1 ' })).toEqual({ lon: 1, lat: 2, keeper: 'k-1', phone: '0358-1' })
  })
})
