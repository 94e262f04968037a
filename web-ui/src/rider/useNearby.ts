import { onMounted, ref, watch, type Ref } from 'vue'
import { useRiderLocation } from './useRiderLocation'

/**
 * A "nearest …" screen: where the rider is (located on mount) and what `load` finds around there,
 * loaded again whenever the position changes or `search` is called; `items` is null until the first answer.
 */
export function useNearby<T>(load: (lon: number, lat: number) => Promise<T[] | undefined>) {
  const location = useRiderLocation()
  const items = ref(null) as Ref<T[] | null>

  async function search(): Promise<void> {
    if (!location.here.value) return
    const [lon, lat] = location.here.value
    items.value = (await load(lon, lat)) ?? []
  }

  watch(location.here, search)
  onMounted(location.locate)
  return { ...location, items, search }
}
