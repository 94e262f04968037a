import { onBeforeUnmount, onMounted, ref } from 'vue'
import { accessToken } from '../../auth/oidc'
import { useTenantStore } from '../../stores/tenant'
import { readEventStream } from './eventStream'

/** How the screen hears of changes: the live stream, or polling while it cannot be reached. */
export type UpdateMode = 'live' | 'polling'

/** Polling interval while the stream is unavailable. */
export const POLL_MS = 15_000
/** The server sends a heartbeat every 20 s; this long without a byte means the connection is gone. */
export const SILENCE_MS = 45_000
/** Reconnecting waits about 1 s, 2 s, 4 s … up to this. */
const RETRY_MAX_MS = 60_000
/** Changes arriving within this window are handled together (a burst of events → one reload). */
export const COALESCE_MS = 300

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
 * Follows a township's report changes until the returned function is called. Reads the stream
 * (`text/event-stream` with `report` events {id, action, state}) with fetch, so the bearer token goes
 * along (EventSource cannot send it). While the stream cannot be opened, drops or falls silent, it
 * polls every {@link POLL_MS} and reconnects with backoff; after (re)connecting it asks for one
 * catch-up reload.
 */
export function watchReports({ url, token, onChange, onMode }: ReportWatch): () => void {
  let stopped = false
  let controller: AbortController | null = null
  let failures = 0
  let pollTimer: ReturnType<typeof setInterval> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let silenceTimer: ReturnType<typeof setTimeout> | undefined
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

  /** Starts (keeps: a failed reconnect must not push the next poll back) or stops polling. */
  function polling(on: boolean): void {
    if (on) {
      pollTimer ??= setInterval(() => changed(null), POLL_MS)
    } else {
      clearInterval(pollTimer)
      pollTimer = undefined
    }
  }

  function listenForSilence(): void {
    clearTimeout(silenceTimer)
    silenceTimer = setTimeout(() => controller?.abort(), SILENCE_MS)
  }

  async function connect(): Promise<void> {
    controller = new AbortController()
    try {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${await token()}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      })
      if (response.ok && response.body && response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
        onMode('live')
        failures = 0
        polling(false)
        listenForSilence()
        changed(null) // catch up with what happened while not connected
        await readEventStream(
          response.body,
          (event) => {
            if (event.event === 'report') changed(reportId(event.data))
          },
          listenForSilence,
        )
      } else {
        await response.body?.cancel()
      }
    } catch {
      // refused, dropped, silent too long, or stopped: polling takes over below
    }
    clearTimeout(silenceTimer)
    if (stopped) return
    onMode('polling')
    polling(true)
    const backoff = Math.min(RETRY_MAX_MS, 1000 * 2 ** failures++)
    retryTimer = setTimeout(() => void connect(), backoff / 2 + (Math.random() * backoff) / 2)
  }

  void connect()
  return () => {
    stopped = true
    controller?.abort()
    polling(false)
    clearTimeout(retryTimer)
    clearTimeout(silenceTimer)
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
