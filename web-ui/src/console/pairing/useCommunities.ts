import { onMounted, ref } from 'vue'
import { api } from '../../api/client'
import type { components } from '../../api/schema'
import { useTenantStore } from '../../stores/tenant'

export type Community = components['schemas']['CommunityView']

/** The township's communities, for the filters and the elder form (the API scopes what a grid worker sees). */
export function useCommunities() {
  const tenant = useTenantStore()
  const communities = ref<Community[]>([])
  onMounted(async () => {
    const { data } = await api.GET('/api/t/{tenant}/communities', {
      params: { path: { tenant: tenant.code! }, query: { size: 200 } },
    })
    communities.value = data?.items ?? []
  })
  return communities
}
