import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, type Me } from '../api/client'
import { isTenantRole, type TenantRole } from '../auth/roles'

export interface Membership {
  tenant: string
  tenantName: string
  suspended: boolean
  roles: TenantRole[]
}

/** Who is signed in (`GET /api/me`): their townships with roles, and their regional grants. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)

  const memberships = computed<Membership[]>(() =>
    (me.value?.memberships ?? []).map((m) => ({
      tenant: m.tenant ?? '',
      tenantName: m.tenantName ?? m.tenant ?? '',
      suspended: m.tenantStatus === 'suspended',
      roles: (m.roles ?? []).filter(isTenantRole),
    })),
  )
  const grants = computed(() => me.value?.grants ?? [])

  /** Loads `me` once per page load (again with `fresh`, e.g. after a rider's approval); the caller must be signed in. */
  async function load(fresh = false): Promise<void> {
    if (fresh || !me.value) me.value = (await api.GET('/api/me')).data ?? null
  }

  function membership(tenant: string): Membership | undefined {
    return memberships.value.find((m) => m.tenant === tenant)
  }

  return { me, memberships, grants, load, membership }
})
