import { ref } from 'vue'
import { api } from '../../api/client'
import type { components } from '../../api/schema'
import { useTenantStore } from '../../stores/tenant'

export type FriendlyCommunity = components['schemas']['FriendlyCommunityView']

/** The township's friendly communities (all of them: a township has dozens, not thousands). */
export function useFriendlyCommunities() {
  const tenant = useTenantStore()
  const communities = ref<FriendlyCommunity[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const { data } = await api.GET('/api/t/{tenant}/friendly-communities', {
        params: { path: { tenant: tenant.code! }, query: { size: 200 } },
      })
      communities.value = data?.items ?? []
    } finally {
      loading.value = false
    }
  }

  return { communities, loading, load }
}
