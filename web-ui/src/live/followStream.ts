import { readEventStream, type ServerEvent } from './eventStream'

/** How a screen hears of changes: the live stream, or polling while it cannot be reached. */
export type UpdateMode = 'live' | 'polling'

/** Polling interval while the stream is unavailable. */
export const POLL_MS = 15_000
/** The server sends a heartbeat every 20 s; this long without a byte means the connection is gone. */
export const SILENCE_MS = 45_000
/** Reconnecting waits about 1 s, 2 s, 4 s … up to this. */
const RETRY_MAX_MS = 60_000

export interface StreamFollow {
  /** The stream's address. */
  url: string
  /** The bearer token for each (re)connection. */
  token: () => Promise<string | undefined>
  /** Each named event as it arrives. */
  onEvent: (event: ServerEvent) => void
  /** Whatever may have been missed should be loaded: on each (re)connection, and every {@link POLL_MS} without one. */
  onCatchUp: () => void
  onMode: (mode: UpdateMode) => void
}

/**
 * Follows a server-sent event stream of the API until the returned function is called. Reads it with fetch, so
 * the bearer token goes along (EventSource cannot send it). While the stream cannot be opened, drops or falls
 * silent, it asks for a catch-up every {@link POLL_MS} and reconnects with backoff; after (re)connecting it asks
 * for one catch-up. The one live client of the apps: the dispatch desk and the inbox 消息 both follow their
 * streams through it.
 */
export function followStream({ url, token, onEvent, onCatchUp, onMode }: StreamFollow): () => void {
  let stopped = false
  let controller: AbortController | null = null
  let failures = 0
  let pollTimer: ReturnType<typeof setInterval> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let silenceTimer: ReturnType<typeof setTimeout> | undefined

  /** Starts (keeps: a failed reconnect must not push the next poll back) or stops polling. */
  function polling(on: boolean): void {
    if (on) {
      pollTimer ??= setInterval(onCatchUp, POLL_MS)
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
        onCatchUp() // what happened while not connected
        await readEventStream(response.body, onEvent, listenForSilence)
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
  }
}
