import { ref } from 'vue'
import type { Paged } from '../../operator/usePagedList'

/** Pages of a list for a van-list, newest first as the API sends them: loadMore appends the next page. */
export function usePagedList<T>(fetch: (page: number, size: number) => Promise<Paged<T> | undefined>, size = 20) {
  const items = ref<T[]>([]) as { value: T[] }
  const page = ref(0)
  const loading = ref(false)
  const finished = ref(false)
  const failed = ref(false)

  async function loadMore(): Promise<void> {
    loading.value = true
    try {
      const data = await fetch(page.value, size)
      const more = data?.items ?? []
      items.value = [...items.value, ...more]
      page.value += 1
      finished.value = items.value.length >= (data?.total ?? 0) || more.length < size
      failed.value = false
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }

  /** Starts again from the first page. */
  async function reload(): Promise<void> {
    items.value = []
    page.value = 0
    finished.value = false
    await loadMore()
  }

  return { items, loading, finished, failed, loadMore, reload }
}
