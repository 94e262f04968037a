import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useInboxStore, type Message } from '../../live/inboxStore'
import { useTenantStore } from '../../stores/tenant'

/** The messages that mean an alert was raised or escalated (the inbox's kinds). */
export const ALERT_KINDS: readonly string[] = ['pairing_alert', 'pairing_alert_escalated']

/** The alert messages among the inbox's, as one value that changes when one comes in. */
export function alertMessages(messages: Pick<Message, 'id' | 'kind'>[]): string {
  return messages
    .filter((m) => ALERT_KINDS.includes(m.kind))
    .map((m) => m.id)
    .join()
}

/**
 * Calls `onAlert` when an alert was raised or escalated while the screen is open, so the list follows without a
 * reload: the caller's messages come live through the inbox (the same stream as the bell's, which polls while the
 * stream cannot be reached).
 */
export function useAlertFeed(onAlert: () => void): void {
  const tenant = useTenantStore()
  const inbox = useInboxStore()
  onMounted(() => inbox.follow(tenant.code!))
  onBeforeUnmount(() => inbox.unfollow())
  watch(
    () => alertMessages(inbox.items),
    (now, before) => {
      if (now !== before) onAlert()
    },
  )
}
