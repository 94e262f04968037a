import { ref } from 'vue'
import { api } from '../../api/client'
import type { components } from '../../api/schema'

export type Squad = components['schemas']['SquadView']
export type Grid = components['schemas']['GridView']

/** The squads and grids a rider can be put in, for the roster's filters and forms. */
export function useRosterData(tenant: () => string) {
  const squads = ref<Squad[]>([])
  const grids = ref<Grid[]>([])

  async function loadSquads(): Promise<void> {
    const { data } = await api.GET('/api/t/{tenant}/squads', { params: { path: { tenant: tenant() }, query: { size: 200 } } })
    squads.value = data?.items ?? []
  }

  async function loadGrids(): Promise<void> {
    const { data } = await api.GET('/api/t/{tenant}/grids', { params: { path: { tenant: tenant() }, query: { size: 200 } } })
    grids.value = data?.items ?? []
  }

  return { squads, grids, loadSquads, loadGrids }
}
