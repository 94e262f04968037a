import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { api, ApiProblem, type Problem } from '../../api/client'
import type { components } from '../../api/schema'

export type Grid = components['schemas']['GridView']
export type Community = components['schemas']['CommunityView']
export type GridType = components['schemas']['GridType']

export const GRID_TYPES: GridType[] = ['basic', 'business', 'fusion', 'mobile']
const API_PAGE_SIZE = 200

export const isMicro = (grid: Grid) => grid.parentId != null

async function allPages<T>(load: (page: number) => Promise<{ items?: T[]; total?: number } | undefined>): Promise<T[]> {
  const items: T[] = []
  for (let p = 0; ; p++) {
    const data = await load(p)
    items.push(...(data?.items ?? []))
    if (!data?.items?.length || items.length >= (data.total ?? 0)) return items
  }
}

/**
 * The township's communities and all its grids and micro-grids, reloaded after every change, and
 * deleting them (confirmed first; a refusal, e.g. a grid that still has micro-grids, lands in `problem`).
 */
export function useGridData(tenantCode: string) {
  const { t } = useI18n()
  const communities = ref<Community[]>([])
  const grids = ref<Grid[]>([])
  const loading = ref(false)
  /** A failed action on the list. */
  const problem = ref<Problem | null>(null)
  const gridById = computed(() => new Map(grids.value.map((g) => [g.id!, g])))

  async function reload(): Promise<void> {
    loading.value = true
    try {
      const path = { tenant: tenantCode }
      const [c, g] = await Promise.all([
        allPages(async (p) => (await api.GET('/api/t/{tenant}/communities', { params: { path, query: { page: p, size: API_PAGE_SIZE } } })).data),
        allPages(async (p) => (await api.GET('/api/t/{tenant}/grids', { params: { path, query: { page: p, size: API_PAGE_SIZE } } })).data),
      ])
      communities.value = c
      grids.value = g
    } finally {
      loading.value = false
    }
  }

  /** Deletes after confirming; resolves to true when deleted. */
  async function remove(what: { name?: string }, confirm: [message: string, title: string], call: () => Promise<unknown>): Promise<boolean> {
    problem.value = null
    try {
      await ElMessageBox.confirm(confirm[0], confirm[1], {
        type: 'warning',
        confirmButtonText: t('grids.delete'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return false // cancelled
    }
    try {
      await call()
      ElMessage.success(t('grids.deleted', { name: what.name }))
      await reload()
      return true
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error
      problem.value = error.problem
      return false
    }
  }

  const removeGrid = (grid: Grid) =>
    remove(grid, [t('grids.deleteConfirm', { name: grid.name }), t('grids.delete')], () =>
      api.DELETE('/api/t/{tenant}/grids/{id}', { params: { path: { tenant: tenantCode, id: grid.id! } } }),
    )

  const removeCommunity = (community: Community) =>
    remove(community, [t('grids.communities.deleteConfirm', { name: community.name }), t('grids.communities.delete')], () =>
      api.DELETE('/api/t/{tenant}/communities/{id}', { params: { path: { tenant: tenantCode, id: community.id! } } }),
    )

  return { communities, grids, gridById, loading, problem, reload, removeGrid, removeCommunity }
}
