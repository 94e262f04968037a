import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api/client'
import type { components } from '../api/schema'

type Settings = components['schemas']['StationSettingsView']

/** The township's station settings (`GET /station-settings`): amenity and service labels in the UI's language. */
export function useStationSettings(tenant: () => string) {
  const { locale } = useI18n()
  const settings = ref<Settings | null>(null)

  function label(list: 'amenities' | 'services', code: string): string {
    const item = settings.value?.[list]?.find((a) => a.code === code)
    return (locale.value === 'en' ? item?.en : item?.zh) ?? code
  }

  async function load(): Promise<void> {
    settings.value = (await api.GET('/api/t/{tenant}/station-settings', { params: { path: { tenant: tenant() } } })).data ?? null
  }

  return { settings, label, load }
}
