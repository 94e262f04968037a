import type { components } from '../../api/schema'
import type { LonLat } from '../../geo/gcj02'

/** What a rider finds on the map: a station, a friendly community or a partner merchant. */
export const PLACE_KINDS = ['station', 'friendly', 'merchant'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

export interface Place {
  kind: PlaceKind
  id: number
  name: string
  at: LonLat
  distanceMetres?: number
}

/** The feature properties TenantMap draws from, and what a tap on one hands back. */
export interface PlaceProperties {
  kind: PlaceKind | 'here'
  id?: number
  name: string
  glyph?: string
  className: string
}

/**
 * The places as pins bearing their kind's glyph (驿, 友, 商) and the rider's position as a dot, for
 * TenantMap; each pin's class (`fx-place-<kind>`) gives it its legend colour.
 */
export function placeFeatures(
  places: Place[],
  here: LonLat | null,
  words: { glyph: (kind: PlaceKind) => string; here: string },
): GeoJSON.FeatureCollection<GeoJSON.Point, PlaceProperties> {
  const pins = places.map((p) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [...p.at] },
    properties: { kind: p.kind, id: p.id, name: p.name, glyph: words.glyph(p.kind), className: `fx-place-${p.kind}` },
  }))
  const me = here
    ? [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [...here] },
          properties: { kind: 'here' as const, name: words.here, className: 'fx-here' },
        },
      ]
    : []
  return { type: 'FeatureCollection', features: [...pins, ...me] }
}

/** The place a tapped feature stands for, or null for the rider's own dot. */
export function placeOf(feature: GeoJSON.Feature, places: Place[]): Place | null {
  const p = feature.properties as Partial<PlaceProperties> | null
  return places.find((place) => place.kind === p?.kind && place.id === p?.id) ?? null
}

/** A nearby station (`GET /stations/nearby`) as a place on the map. */
export function stationPlace(n: components['schemas']['NearbyStation']): Place {
  return { kind: 'station', id: n.station!.id!, name: n.station!.name!, at: [n.station!.lon!, n.station!.lat!], distanceMetres: n.distanceMetres }
}
