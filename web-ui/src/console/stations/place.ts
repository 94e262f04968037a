import type { LonLat } from '../../geo/gcj02'

/** What every place form (station, merchant) edits alike: where it is, its keeper, its phone. */
export interface PlaceContact {
  point: LonLat | null
  /** The keeper's subject (a station_keeper member of the township). */
  keeper: string | undefined
  phone: string
}

interface StoredPlace {
  lon?: number
  lat?: number
  keeper?: string
  phone?: string
}

/** The form's starting values: the place's own, or empty for a new one. */
export function placeContact(place: StoredPlace | null | undefined): PlaceContact {
  return {
    point: place?.lon != null && place.lat != null ? [place.lon, place.lat] : null,
    keeper: place?.keeper || undefined,
    phone: place?.phone ?? '',
  }
}

/** The part of the request body for it; a missing location goes as missing, for the API to name. */
export function placeBody(contact: PlaceContact): { lon: number; lat: number; keeper?: string; phone?: string } {
  return {
    lon: contact.point?.[0] as number,
    lat: contact.point?.[1] as number,
    keeper: contact.keeper || undefined,
    phone: contact.phone.trim() || undefined,
  }
}
