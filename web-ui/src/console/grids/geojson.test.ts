import { describe, expect, it } from 'vitest'
import { closedRings, mapPolygonCoordinates, previewImport } from './geojson'

describe('grid GeoJSON helpers', () => {
  it('closes open rings and leaves closed ones', () => {
    expect(closedRings({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] })).toEqual({
      type: 'Polygon',
      coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]],
    })
    const closed: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }
    expect(closedRings(closed)).toEqual(closed)
  })

  it('converts every position of polygons and multipolygons', () => {
    const shift = ([lon, lat]: [number, number]): [number, number] => [lon + 1, lat * 2]
    expect(mapPolygonCoordinates({ type: 'Polygon', coordinates: [[[0, 1], [2, 3]]] }, shift)).toEqual({
      type: 'Polygon',
      coordinates: [[[1, 2], [3, 6]]],
    })
    expect(mapPolygonCoordinates({ type: 'MultiPolygon', coordinates: [[[[0, 1]]], [[[1, 1]]]] }, shift)).toEqual({
      type: 'MultiPolygon',
      coordinates: [[[[1, 2]]], [[[2, 2]]]],
    })
  })

  it('counts the grids and micro-grids of a file', () => {
    expect(
      previewImport({
        type: 'FeatureCollection',
        features: [{ properties: { code: 'a' } }, { properties: { code: 'b', parent: 'a' } }, { properties: { parent: null } }],
      }),
    ).toEqual({ features: 3, grids: 2, micro: 1 })
    expect(previewImport({ type: 'Feature' })).toBeNull()
    expect(previewImport('x')).toBeNull()
  })
})
