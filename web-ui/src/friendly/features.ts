import type { LonLat } from '../geo/gcj02'

/** What a mark on a friendly community's map is (properties.kind). */
export const FEATURE_KINDS = ['entrance', 'building', 'unit', 'parking', 'facility', 'landmark'] as const
export type FeatureKind = (typeof FEATURE_KINDS)[number]

export type CommunityFeature = {
  type: 'Feature'
  geometry: GeoJSON.Geometry
  properties: { kind: FeatureKind; label: string }
}

export type CommunityMap = {
  type: 'FeatureCollection'
  features: CommunityFeature[]
}

/** A friendly community's stored map (GeoJSON FeatureCollection), tolerant of an empty one. */
export function communityMap(map: unknown): CommunityMap {
  const features = (map as Partial<CommunityMap> | undefined)?.features
  return { type: 'FeatureCollection', features: Array.isArray(features) ? features : [] }
}

export function pointFeature(at: LonLat, kind: FeatureKind, label: string): CommunityFeature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [...at] }, properties: { kind, label } }
}

/** For TenantMap, whose tooltips show `properties.name`: each mark named "<kind>: <label>" (the console's editor). */
export function labelled(map: CommunityMap, kindName: (kind: FeatureKind) => string): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: map.features.map((f) => ({
      ...f,
      properties: { ...f.properties, name: `${kindName(f.properties.kind)}：${f.properties.label}` },
    })),
  }
}

/** One point per community (its main entrance), named, for the overview map. */
export function entrancePoints(communities: { name?: string; lon?: number; lat?: number }[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: communities
      .filter((c) => c.lon !== undefined && c.lat !== undefined)
      .map((c) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon!, c.lat!] },
        properties: { name: c.name },
      })),
  }
}

/** How the rider's map names a kind: its name (legend, tooltips) and the short mark drawn on its points. */
export type KindWords = { name: (kind: FeatureKind) => string; glyph: (kind: FeatureKind) => string }

/**
 * The marks for TenantMap, each kind distinct: class `fx-kind fx-kind-<kind>` (its colour), points as
 * pins bearing the kind's glyph, and building labels (their numbers) shown on the map, not only on tap.
 */
export function styledMap(map: CommunityMap, words: KindWords): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: map.features.map((f) => {
      const { kind, label } = f.properties
      const building = kind === 'building'
      return {
        ...f,
        properties: {
          ...f.properties,
          tooltip: building ? label : `${words.name(kind)}：${label}`,
          permanent: building,
          className: `fx-kind fx-kind-${kind}`,
          glyph: words.glyph(kind),
        },
      }
    }),
  }
}

/** The kinds a map has, in the order of FEATURE_KINDS, with how many marks of each: its legend. */
export function legend(map: CommunityMap): { kind: FeatureKind; count: number }[] {
  return FEATURE_KINDS.map((kind) => ({ kind, count: map.features.filter((f) => f.properties.kind === kind).length }))
    .filter((entry) => entry.count > 0)
}
