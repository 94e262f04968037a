import type { LonLat } from '../../geo/gcj02'

type Boundary = GeoJSON.Polygon | GeoJSON.MultiPolygon

/** The boundary with `convert` applied to every position (e.g. display GCJ-02 → stored WGS84). */
export function mapPolygonCoordinates<T extends Boundary>(geometry: T, convert: (point: LonLat) => LonLat): T {
  const ring = (positions: GeoJSON.Position[]) => positions.map((p) => convert([p[0]!, p[1]!]))
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as unknown as T
  }
  return { type: 'MultiPolygon', coordinates: (geometry as GeoJSON.MultiPolygon).coordinates.map((p) => p.map(ring)) } as unknown as T
}

/** The boundary with every ring closed (its first position repeated last), as GeoJSON requires. */
export function closedRings<T extends Boundary>(geometry: T): T {
  const close = (positions: GeoJSON.Position[]) => {
    const first = positions[0]
    const last = positions[positions.length - 1]
    return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...positions, first] : positions
  }
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map(close) } as T
  }
  return { type: 'MultiPolygon', coordinates: (geometry as GeoJSON.MultiPolygon).coordinates.map((p) => p.map(close)) } as T
}

export interface ImportPreview {
  features: number
  /** Features without a `parent` property. */
  grids: number
  /** Features naming a parent grid. */
  micro: number
}

/** What a GeoJSON file holds, before it is sent; null when it is not a FeatureCollection. */
export function previewImport(content: unknown): ImportPreview | null {
  if (typeof content !== 'object' || content === null) return null
  const { type, features } = content as { type?: unknown; features?: unknown }
  if (type !== 'FeatureCollection' || !Array.isArray(features)) return null
  const micro = features.filter((f) => {
    const parent: unknown = (f as { properties?: { parent?: unknown } } | null)?.properties?.parent
    return typeof parent === 'string' && parent !== ''
  }).length
  return { features: features.length, grids: features.length - micro, micro }
}
