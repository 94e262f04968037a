import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { LonLat } from '../../geo/gcj02'
import { placeFeatures, type Place } from './places'

/** The places and the rider's position as TenantMap features, with the glyphs and words of the UI's language. */
export function usePlaceFeatures(places: Ref<Place[]>, here: Ref<LonLat | null>) {
  const { t } = useI18n()
  return computed(() =>
    placeFeatures(places.value, here.value, { glyph: (kind) => t(`riderMap.glyphs.${kind}`), here: t('location.here') }),
  )
}
