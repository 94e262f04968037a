import { ref } from 'vue'
import { api } from '../api/client'
import type { RegionNode, RegionTownship } from './types'

/** The regions the viewer may open (their grants, with everything below them): GET /api/regions. */
export function useRegionTree() {
  const roots = ref<RegionNode[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    const { data } = await api.GET('/api/regions')
    roots.value = data?.roots ?? []
    loaded.value = true
  }

  function find(path: string, nodes: RegionNode[] = roots.value): RegionNode | undefined {
    for (const node of nodes) {
      if (node.path === path) return node
      const below = find(path, node.children ?? [])
      if (below) return below
    }
    return undefined
  }

  /** Every township anywhere under the region, with its place on the map. */
  function townshipsUnder(node: RegionNode | undefined): RegionTownship[] {
    if (!node) return []
    return [...(node.townships ?? []), ...(node.children ?? []).flatMap(townshipsUnder)]
  }

  return { roots, loaded, load, find, townshipsUnder }
}
