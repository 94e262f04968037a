import { describe, expect, it } from 'vitest'
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02, type LonLat } from './gcj02'

// Published reference pairs (WGS84 → GCJ-02) of the widely used eviltransform test suite.
const REFERENCE: { place: string; wgs84: LonLat; gcj02: LonLat }[] = [
  { place: 'Shanghai', wgs84: [121.5272106, 31.1774276], gcj02: [121.531541859215, 31.17530398364597] },
  { place: 'Shenzhen', wgs84: [113.912316, 22.543847], gcj02: [113.9171764808363, 22.540796131694766] },
  { place: 'Beijing', wgs84: [116.377817, 39.911954], gcj02: [116.38404722455657, 39.91334545536069] },
]

/** Within 1e-6° (about 0.1 m). */
function expectClose(actual: LonLat, expected: LonLat, digits = 6): void {
  expect(actual[0]).toBeCloseTo(expected[0], digits)
  expect(actual[1]).toBeCloseTo(expected[1], digits)
}

describe('WGS84 → GCJ-02', () => {
  it.each(REFERENCE)('matches the reference in $place', ({ wgs84, gcj02 }) => {
    expectClose(wgs84ToGcj02(wgs84), gcj02)
  })

  it('shifts a point in 宁乡镇 by a few hundred metres', () => {
    const wgs84: LonLat = [111.19, 37.36]
    const [lon, lat] = wgs84ToGcj02(wgs84)
    const metres = Math.hypot((lon - wgs84[0]) * 111_320 * Math.cos((wgs84[1] * Math.PI) / 180), (lat - wgs84[1]) * 110_540)
    expect(metres).toBeGreaterThan(100)
    expect(metres).toBeLessThan(1000)
  })

  it('leaves points outside China alone', () => {
    const london: LonLat = [-0.1276, 51.5072]
    expect(outOfChina(london)).toBe(true)
    expect(wgs84ToGcj02(london)).toEqual(london)
    expect(gcj02ToWgs84(london)).toEqual(london)
  })
})

describe('GCJ-02 → WGS84', () => {
  it.each(REFERENCE)('inverts the reference in $place', ({ wgs84, gcj02 }) => {
    expectClose(gcj02ToWgs84(gcj02), wgs84)
  })

  it('round-trips to within a millimetre across China', () => {
    for (let lon = 74; lon <= 134; lon += 6) {
      for (let lat = 18; lat <= 53; lat += 5) {
        const back = gcj02ToWgs84(wgs84ToGcj02([lon, lat]))
        expectClose(back, [lon, lat], 8)
      }
    }
  })
})
