import { onBeforeUnmount, onMounted } from 'vue'

/** Until the live stream is in reach, the alerts are read again this often. */
export const ALERT_POLL_MS = 15_000

/**
 * Calls `onAlert` when an alert may have been raised or escalated while the screen is open, so the list follows
 * without a reload.
 */
export function useAlertFeed(onAlert: () => void): void {
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(onAlert, ALERT_POLL_MS)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
