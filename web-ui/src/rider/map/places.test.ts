import { describe, expect, it } from 'vitest'
import { placeFeatures, placeOf, type Place } from './places'

const places: Place[] = [
  { kind: 'station', id: 1, name: '城南驿站', at: [111.19, 37.36], distanceMetres: 120 },
  { kind: 'friendly', id: 1, name: '幸福小区', at: [111.2, 37.37] },
]
const words = { glyph: (kind: string) => ({ station: '驿', friendly: '友', merchant: '商' })[kind]!, here: '我的位置' }

describe('places on the rider map', () => {
  it('draws each place as a pin with its glyph and kind class, and the rider as a dot', () => {
    const drawn = placeFeatures(places, [111.195, 37.365], words)
    expect(drawn.features.map((f) => f.properties)).toEqual([
      { kind: 'station', id: 1, name: '城南驿站', glyph: '驿', className: 'fx-place-station' },
      { kind: 'friendly', id: 1, name: '幸福小区', glyph: '友', className: 'fx-place-friendly' },
      { kind: 'here', name: '我的位置', className: 'fx-here' },
    ])
    expect(drawn.features[2]!.geometry.coordinates).toEqual([111.195, 37.365])
  })

  it('leaves the dot out while the position is unknown', () => {
    expect(placeFeatures(places, null, words).features).toHaveLength(2)
  })

  it('finds the place a tapped pin stands for, by kind and id', () => {
    const [, friendly, me] = placeFeatures(places, [111.195, 37.365], words).features
    expect(placeOf(friendly!, places)).toBe(places[1])
    expect(placeOf(me!, places)).toBeNull()
  })
})
