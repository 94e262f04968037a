import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { loadMessages } from '../i18n'
import { useTenantStore } from '../stores/tenant'
import { useInboxStore, type Message } from './inboxStore'
import { messageRoute } from './messageText'

/**
 * The inbox of the current township while the component is mounted (the bell in a layout's header, the inbox
 * screens): followed live, its words loaded. `open` marks a message read and goes where it points.
 */
export function useInbox() {
  const tenant = useTenantStore()
  const inbox = useInboxStore()
  const router = useRouter()
  onMounted(() => {
    void loadMessages('notifications')
    inbox.follow(tenant.code!)
  })
  onBeforeUnmount(() => inbox.unfollow())

  async function open(message: Message): Promise<void> {
    if (!message.read) await inbox.markRead(message.id)
    const to = messageRoute(tenant.code!, message.link)
    if (to) await router.push(to)
  }

  return { inbox, open }
}
