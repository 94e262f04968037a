import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api/client'
import type { components } from '../api/schema'
import { accessToken } from '../auth/oidc'
import { followStream, type UpdateMode } from './followStream'

/** A message as the server always sends it: every field there (a link may be null). */
export type Message = Required<components['schemas']['NotificationView']>
type Page = { items: Message[]; total: number }

/** Messages per page of the inbox. */
export const PAGE_SIZE = 20

/**
 * The signed-in person's inbox 消息 in the current township, kept live: the unread count on the bell and the newest
 * messages, from `/notifications/stream` (each message as it is sent; after a reconnect, and while the stream is
 * down, the count and the first page are reloaded). Riders and staff share it; each layout follows its township.
 */
export const useInboxStore = defineStore('inbox', () => {
  const tenant = ref<string | null>(null)
  const unread = ref(0)
  /** Newest first: the first page, further pages as loaded, live arrivals on top. */
  const items = ref<Message[]>([])
  const total = ref(0)
  const mode = ref<UpdateMode>('polling')
  /** Whether the first page has come (until then, an empty list means nothing). */
  const loaded = ref(false)
  let stop: (() => void) | null = null
  let followers = 0

  const finished = computed(() => loaded.value && items.value.length >= total.value)

  function path() {
    return { path: { tenant: tenant.value! } }
  }

  /** Reloads the count and the first page (what a missed event may have changed). */
  async function refresh(): Promise<void> {
    const code = tenant.value
    if (!code) return
    const [count, page] = await Promise.all([
      api.GET('/api/t/{tenant}/notifications/unread-count', { params: path() }),
      api.GET('/api/t/{tenant}/notifications', { params: { ...path(), query: { page: 0, size: PAGE_SIZE } } }),
    ])
    if (code !== tenant.value) return // the township changed meanwhile
    const first = page.data as Page
    unread.value = count.data!.count!
    items.value = first.items
    total.value = first.total
    loaded.value = true
  }

  /** The next page of older messages. */
  async function loadMore(): Promise<void> {
    const page = Math.floor(items.value.length / PAGE_SIZE)
    const { data } = await api.GET('/api/t/{tenant}/notifications', {
      params: { ...path(), query: { page, size: PAGE_SIZE } },
    })
    const older = data as Page
    const known = new Set(items.value.map((m) => m.id))
    items.value = [...items.value, ...older.items.filter((m) => !known.has(m.id))]
    total.value = older.total
  }

  /** A `notification` event: the message, or only its id (too big to travel: then everything reloads). */
  function received(data: string): void {
    let message: Partial<Message>
    try {
      message = JSON.parse(data) as Partial<Message>
    } catch {
      void refresh()
      return
    }
    if (!message.kind || typeof message.id !== 'number') {
      void refresh()
      return
    }
    if (items.value.some((m) => m.id === message.id)) return
    items.value = [message as Message, ...items.value]
    total.value += 1
    if (!message.read) unread.value += 1
  }

  /** Follows the township's inbox (once however many components ask) until {@link unfollow} is called as often. */
  function follow(code: string): void {
    if (tenant.value !== code) {
      stop?.()
      stop = null
      followers = 0
      tenant.value = code
      unread.value = 0
      items.value = []
      total.value = 0
      loaded.value = false
    }
    followers += 1
    stop ??= followStream({
      url: `/api/t/${encodeURIComponent(code)}/notifications/stream`,
      token: accessToken,
      onEvent: (event) => {
        if (event.event === 'notification') received(event.data)
      },
      onCatchUp: () => void refresh().catch(() => undefined),
      onMode: (m) => (mode.value = m),
    })
  }

  function unfollow(): void {
    followers = Math.max(0, followers - 1)
    if (followers === 0) {
      stop?.()
      stop = null
    }
  }

  /** Marks a message read (on opening it); the count goes down once. */
  async function markRead(id: number): Promise<void> {
    const known = items.value.find((m) => m.id === id)
    if (known?.read) return
    const { data } = await api.POST('/api/t/{tenant}/notifications/{id}/read', {
      params: { path: { ...path().path, id } },
    })
    items.value = items.value.map((m) => (m.id === id ? (data as Message) : m))
    if (known) unread.value = Math.max(0, unread.value - 1)
    else void refresh()
  }

  async function markAllRead(): Promise<void> {
    await api.POST('/api/t/{tenant}/notifications/read-all', { params: path() })
    items.value = items.value.map((m) => ({ ...m, read: true }))
    unread.value = 0
  }

  return { tenant, unread, items, total, mode, loaded, finished, refresh, loadMore, follow, unfollow, markRead, markAllRead }
})
