import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api/client'
import type { components } from '../api/schema'

export type Platform = components['schemas']['Platform']

/** The delivery platforms of `GET /riders/options`, labelled in the UI's language. */
export function useRiderOptions(tenant: () => string) {
  const { locale } = useI18n()
  const options = ref<components['schemas']['RiderOptions'] | null>(null)

  const platforms = computed(() =>
    (options.value?.platforms ?? []).map((p) => ({
      value: p.code as Platform,
      text: (locale.value === 'en' ? p.nameEn : p.nameZh) ?? p.code ?? '',
    })),
  )

  function platformName(code?: string): string {
    return platforms.value.find((p) => p.value === code)?.text ?? code ?? ''
  }

  async function load(): Promise<void> {
    const { data } = await api.GET('/api/t/{tenant}/riders/options', { params: { path: { tenant: tenant() } } })
    options.value = data ?? null
  }

  return { platforms, platformName, load }
}
