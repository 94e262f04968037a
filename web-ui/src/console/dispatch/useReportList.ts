import { reactive, ref } from 'vue'
import { api } from '../../api/client'
import { useTenantStore } from '../../stores/tenant'
import type { ReportState, ReportSummary } from './reports'
import { beep } from './soundCue'

/** The queue's filters (GET /dispatch/queue). */
export interface ListQuery {
  state?: ReportState[]
  category?: string
  community?: string
  urgent?: boolean
  escalated?: boolean
  mine?: boolean
}

export const PAGE_SIZE = 20
/** The API counts a queue's reports up to this many: a total of that many means at least as many. */
export const COUNT_LIMIT = 10_000
/** How long a report that has just come into the list stays lit up. */
const FRESH_MS = 10_000

/**
 * One page of the queue for `query`. `refresh()` reloads it in the background (live updates): reports
 * that were not on the first page before are marked fresh for a few seconds, with a sound cue.
 */
export function useReportList(query: () => ListQuery) {
  const tenant = useTenantStore()
  const rows = ref<ReportSummary[]>([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  const fresh = reactive(new Set<number>())
  /** The ids on the page as last loaded for the current filters and page; null after they changed. */
  let shown: Set<number> | null = null
  let latest = 0

  async function fetchPage(): Promise<void> {
    const call = ++latest
    const { data } = await api.GET('/api/t/{tenant}/dispatch/queue', {
      params: { path: { tenant: tenant.code! }, query: { ...query(), page: page.value - 1, size: PAGE_SIZE } },
    })
    if (call !== latest) return // a newer load has answered or will
    const items = data?.items ?? []
    if (shown && page.value === 1) {
      const before = shown
      const added = items.filter((r) => !before.has(r.id!)).map((r) => r.id!)
      if (added.length) {
        for (const id of added) fresh.add(id)
        setTimeout(() => added.forEach((id) => fresh.delete(id)), FRESH_MS)
        beep()
      }
    }
    shown = new Set(items.map((r) => r.id!))
    rows.value = items
    total.value = data?.total ?? 0
  }

  /** Loads the current page, showing the table's loader; problems reach the layout's message. */
  async function load(): Promise<void> {
    loading.value = true
    try {
      await fetchPage()
    } finally {
      loading.value = false
    }
  }

  /** New filters: back to the first page, nothing counts as fresh. */
  function search(): Promise<void> {
    page.value = 1
    shown = null
    return load()
  }

  /** Another page: nothing counts as fresh. */
  function turn(): Promise<void> {
    shown = null
    return load()
  }

  /** A background reload after a change elsewhere; a failure waits for the next one. */
  async function refresh(): Promise<void> {
    try {
      await fetchPage()
    } catch {
      // offline for a moment: the next change or poll reloads
    }
  }

  return { rows, total, page, loading, fresh, load, search, turn, refresh }
}
