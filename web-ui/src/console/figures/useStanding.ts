import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../../api/client'
import type { components } from '../../api/schema'
import { useTenantStore } from '../../stores/tenant'

export type Standing = components['schemas']['Standing']

/** The township against its county, city and province for the period (GET /figures/standing). */
export function useStanding(period: Ref<string>) {
  const { locale } = useI18n()
  const tenant = useTenantStore()
  const standing = ref<Standing | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const { data } = await api.GET('/api/t/{tenant}/figures/standing', {
        params: { path: { tenant: tenant.code! }, query: { period: period.value } },
      })
      standing.value = data ?? null
    } finally {
      loading.value = false
    }
  }
  // the figures' labels come in the UI's language
  watch([period, locale], load, { immediate: true })
  return { standing, loading }
}
