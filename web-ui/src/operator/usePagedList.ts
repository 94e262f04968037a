import { ref } from 'vue'

/** A page of a list as the API pages it. */
export interface Paged<T> {
  items?: T[]
  total?: number
}

/**
 * One page of an operator's list at a time (page numbers from 1, as the pagination shows them), reloaded on demand;
 * `fetch` asks the API for the zero-based page.
 */
export function usePagedList<T>(pageSize: number, fetch: (page: number, size: number) => Promise<Paged<T> | undefined>) {
  const items = ref<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const data = await fetch(page.value - 1, pageSize)
      items.value = data?.items ?? []
      total.value = data?.total ?? 0
    } finally {
      loading.value = false
    }
  }

  return { items, total, page, loading, load }
}
