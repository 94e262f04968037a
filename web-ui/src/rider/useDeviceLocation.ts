import { ref } from 'vue'
import type { LonLat } from '../geo/gcj02'
import { useTenantStore } from '../stores/tenant'

/** Where a point came from: the phone's GPS, the township's centre (no fix), the rider's pick on the map. */
export type LocationSource = 'gps' | 'centre' | 'picked' | 'locating'

/**
 * The phone's position (WGS84, as browsers give it), falling back to the township's centre when
 * there is no fix or no permission; the rider may pick another point on the map.
 */
export function useDeviceLocation() {
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

  return { here, source, locate, useCentre, pick }
}
