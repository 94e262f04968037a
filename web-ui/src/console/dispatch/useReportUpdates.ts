import { onBeforeUnmount, onMounted, ref } from 'vue'
import { accessToken } from '../../auth/oidc'
import { useTenantStore } from '../../stores/tenant'
import { followStream, POLL_MS, SILENCE_MS, type UpdateMode } from '../../live/followStream'

/** Changes arriving within this window are handled together (a burst of events → one reload). */
export const COALESCE_MS = 300

export { POLL_MS, SILENCE_MS, type UpdateMode }

export interface ReportWatch {
  /** The stream's address. */
  url: string
  /** The bearer token for each (re)connection. */
  token: () => Promise<string | undefined>
  /** The ids of the changed reports, or null when anything may have changed. */
  onChange: (ids: number[] | null) => void
  onMode: (mode: UpdateMode) => void
}

/**
 * Follows a township's report changes until the returned function is called: `report` events {id, action, state}
 * of the stream (through {@link followStream}), coalesced; a catch-up (after reconnecting, or polling while the
 * stream is down) reloads everything.
 */
export function watchReports({ url, token, onChange, onMode }: ReportWatch): () => void {
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  let pending: Set<number> | null | undefined

  function changed(id: number | null): void {
    if (id === null) pending = null
    else if (pending !== null) (pending ??= new Set()).add(id)
    flushTimer ??= setTimeout(() => {
      const ids = pending
      pending = undefined
      flushTimer = undefined
      onChange(ids ? [...ids] : null)
    }, COALESCE_MS)
  }

  const stop = followStream({
    url,
    token,
    onEvent: (event) => {
      if (event.event === 'report') changed(reportId(event.data))
    },
    onCatchUp: () => changed(null),
    onMode,
  })
  return () => {
    stop()
    clearTimeout(flushTimer)
  }
}

/** The report an event is about; null (reload everything) when its data cannot be read. */
function reportId(data: string): number | null {
  try {
    const id: unknown = (JSON.parse(data) as { id?: unknown }).id
    return typeof id === 'number' ? id : null
  } catch {
    return null
  }
}

/** {@link watchReports} for the current township while the component is mounted. */
export function useReportUpdates(onChange: (ids: number[] | null) => void) {
  const tenant = useTenantStore()
  const mode = ref<UpdateMode>('polling')
  let stop = () => {}
  onMounted(() => {
    stop = watchReports({
      url: `/api/t/${encodeURIComponent(tenant.code!)}/dispatch/stream`,
      token: accessToken,
      onChange,
      onMode: (m) => (mode.value = m),
    })
  })
  onBeforeUnmount(() => stop())
  return { mode }
}
