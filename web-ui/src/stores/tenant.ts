import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { publicApi, ApiProblem, type TenantProfile } from '../api/core'
import type { TenantRole } from '../auth/roles'
import type { LonLat } from '../geo/gcj02'
import { DEFAULT_TIME_ZONE } from '../format'
import { useSessionStore } from './session'

export interface Brand {
  displayName: string
  logoUrl?: string
  primaryColor?: string
}

export interface MapSettings {
  tileUrl: string
  attribution?: string
  coordinateSystem: 'WGS84' | 'GCJ02'
  /** WGS84 */
  center: LonLat
  zoom: number
  maxZoom: number
}

/**
 * The township of the current route (`/t/:tenant/...`): its public profile (branding, map) and
 * the signed-in user's roles there.
 */
export const useTenantStore = defineStore('tenant', () => {
  const session = useSessionStore()
  const code = ref<string | null>(null)
  const profile = ref<TenantProfile | null>(null)
  /** Why the township cannot be shown: unknown (404) or suspended (403). */
  const problem = ref<ApiProblem | null>(null)

  const brand = computed<Brand | null>(() => {
    const p = profile.value
    if (!p) return null
    return {
      displayName: p.branding?.displayName || p.name || (code.value ?? ''),
      logoUrl: p.branding?.logoUrl || undefined,
      primaryColor: p.branding?.primaryColor || undefined,
    }
  })

  const map = computed<MapSettings | null>(() => {
    const m = profile.value?.map
    if (!m?.tileUrl || m.center?.length !== 2) return null
    return {
      tileUrl: m.tileUrl,
      attribution: m.attribution || undefined,
      coordinateSystem: m.coordinateSystem ?? 'WGS84',
      center: [m.center[0]!, m.center[1]!],
      zoom: m.zoom ?? 14,
      maxZoom: m.maxZoom ?? 19,
    }
  })

  /** The township's clock and calendar (IANA zone). */
  const timeZone = computed(() => profile.value?.timeZone || DEFAULT_TIME_ZONE)

  const membership = computed(() => (code.value ? session.membership(code.value) : undefined))

  /** Whether the signed-in user holds any of these roles in this township. */
  function can(...roles: TenantRole[]): boolean {
    const held = membership.value?.roles ?? []
    return roles.some((role) => held.includes(role))
  }

  /** Switches to a township, loading its profile (public: no token needed). */
  async function enter(tenant: string): Promise<void> {
    if (code.value === tenant && (profile.value || problem.value)) return
    code.value = tenant
    profile.value = null
    problem.value = null
    try {
      const { data } = await publicApi.GET('/api/t/{tenant}/profile', { params: { path: { tenant } } })
      if (code.value === tenant) profile.value = data ?? null
    } catch (error) {
      if (!(error instanceof ApiProblem) || code.value !== tenant) throw error
      problem.value = error
    }
  }

  function leave(): void {
    code.value = null
    profile.value = null
    problem.value = null
  }

  return { code, profile, problem, brand, map, timeZone, membership, can, enter, leave }
})
