import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDistance } from '../geo/distance'
import type { LonLat } from '../geo/gcj02'
import { useTenantStore } from '../stores/tenant'

/** Where a position came from: the phone, the township centre (no fix), a point picked on the map, or not yet. */
export type LocationSource = 'gps' | 'centre' | 'picked' | 'locating'

/**
 * Where the rider stands, for the "nearest …" screens: the phone's position, else the township's
 * centre, or a point the rider picks on the map; and distances in the rider's language.
 */
export function useRiderLocation() {
  const { t } = useI18n()
  const tenant = useTenantStore()
  const here = ref<LonLat | null>(null)
  const source = ref<LocationSource>('locating')

  function useCentre(): void {
    if (!tenant.map) return
    here.value = tenant.map.center
    source.value = 'centre'
  }

  function locate(): void {
    source.value = 'locating'
    if (!navigator.geolocation) return useCentre()
    navigator.geolocation.getCurrentPosition(
      (position) => {
        here.value = [position.coords.longitude, position.coords.latitude]
        source.value = 'gps'
      },
      useCentre,
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    )
  }

  function pick(point: LonLat): void {
    here.value = point
    source.value = 'picked'
  }

  function distance(metres: number | undefined): string {
    return formatDistance(metres ?? 0, { m: t('location.m'), km: t('location.km') })
  }

  return { here, source, locate, useCentre, pick, distance }
}
