import { onBeforeUnmount, onMounted } from 'vue'
import { accessToken } from '../../auth/oidc'
import { useTenantStore } from '../../stores/tenant'
import { readEventStream } from '../dispatch/eventStream'

/** While the live stream cannot be reached, the alerts are read again this often; it is tried again as often. */
export const ALERT_POLL_MS = 15_000

/** The messages that mean an alert was raised or escalated (the inbox's kinds). */
export const ALERT_KINDS: readonly string[] = ['pairing_alert', 'pairing_alert_escalated']

/** Whether a `notification` event's data (a NotificationView) tells of an alert. */
export function isAlertMessage(data: string): boolean {
  try {
    return ALERT_KINDS.includes((JSON.parse(data) as { kind?: string }).kind ?? '')
  } catch {
    return false
  }
}

/**
 * Calls `onAlert` when an alert was raised or escalated while the screen is open, so the list follows without a
 * reload: the caller's messages come over the inbox's live stream (`notification` events); while it cannot be
 * reached, the list is read again every {@link ALERT_POLL_MS}.
 */
export function useAlertFeed(onAlert: () => void): void {
  const tenant = useTenantStore()
  let stopped = false
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  async function connect(): Promise<void> {
    controller = new AbortController()
    try {
      const response = await fetch(`/api/t/${encodeURIComponent(tenant.code!)}/notifications/stream`, {
        headers: { Authorization: `Bearer ${await accessToken()}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      })
      if (response.ok && response.body && response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
        await readEventStream(response.body, (event) => {
          if (event.event === 'notification' && isAlertMessage(event.data)) onAlert()
        })
      } else {
        await response.body?.cancel()
      }
    } catch {
      // refused, dropped or stopped: read again now and then, and try the stream again
    }
    if (stopped) return
    onAlert()
    timer = setTimeout(() => void connect(), ALERT_POLL_MS)
  }

  onMounted(() => void connect())
  onBeforeUnmount(() => {
    stopped = true
    controller?.abort()
    clearTimeout(timer)
  })
}
