import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api/client'
import { keyed } from './keyed'
import type { Comparison } from './types'

/**
 * Every township of the region side by side for the period (GET /api/regions/comparison), loaded again when
 * either changes or the UI's language does (the figures' labels come in it).
 */
export function useComparison(region: Ref<string | undefined>, period: Ref<string>) {
  const { locale } = useI18n()
  const comparison = ref<Comparison | null>(null)
  const loading = ref(false)
  let latest = 0

  async function load(): Promise<void> {
    if (!region.value) return
    const asked = ++latest
    loading.value = true
    try {
      const { data } = await api.GET('/api/regions/comparison', {
        params: { query: { region: region.value, period: period.value } },
      })
      // a slow answer to an earlier choice does not replace the current one
      if (asked === latest) comparison.value = data ? keyed(data) : null
    } finally {
      if (asked === latest) loading.value = false
    }
  }

  watch([region, period, locale], load, { immediate: true })
  return { comparison, loading }
}
