import { describe, expect, it } from 'vitest'
import { communityMap, legend, styledMap } from './features'

const map = communityMap({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [111.1, 37.3] }, properties: { kind: 'entrance', label: '南门' } },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[111.1, 37.3], [111.2, 37.3], [111.2, 37.4], [111.1, 37.3]]] },
      properties: { kind: 'building', label: '1号楼' },
    },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [111.2, 37.3] }, properties: { kind: 'entrance', label: '东门' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [111.2, 37.4] }, properties: { kind: 'parking', label: '骑手停车' } },
  ],
})

describe('friendly community maps', () => {
  it('styles each kind apart, with glyphs on points and building numbers always shown', () => {
    const styled = styledMap(map, { name: (k) => `<${k}>`, glyph: (k) => k[0]!.toUpperCase() })
    expect(styled.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({ tooltip: '<entrance>：南门', permanent: false, className: 'fx-kind fx-kind-entrance', glyph: 'E' }),
      expect.objectContaining({ tooltip: '1号楼', permanent: true, className: 'fx-kind fx-kind-building', glyph: 'B' }),
      expect.objectContaining({ tooltip: '<entrance>：东门' }),
      expect.objectContaining({ tooltip: '<parking>：骑手停车', className: 'fx-kind fx-kind-parking', glyph: 'P' }),
    ])
    expect(styled.features[1]!.geometry).toBe(map.features[1]!.geometry)
  })

  it('lists the kinds a map has, in the usual order, with their counts', () => {
    expect(legend(map)).toEqual([
      { kind: 'entrance', count: 2 },
      { kind: 'building', count: 1 },
      { kind: 'parking', count: 1 },
    ])
    expect(legend(communityMap(undefined))).toEqual([])
  })
})
