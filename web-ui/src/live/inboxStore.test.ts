import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake API server: every fetch (the typed client's and the stream's) goes to `server.handle`. */
const server = vi.hoisted(() => {
  const s = { handle: (_request: Request): Promise<Response> => Promise.reject(new Error('no server')) }
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    s.handle(input instanceof Request ? input : new Request(new URL(String(input), 'http://api.test'), init))
  return s
})
vi.mock('../auth/oidc', () => ({ accessToken: async () => 'token', signIn: async () => undefined }))
vi.mock('../api/client', async () => ({ api: (await import('../api/core')).createApiClient('http://api.test') }))

const { useInboxStore } = await import('./inboxStore')
type Message = import('./inboxStore').Message

function message(id: number, read = false): Message {
  return {
    id,
    kind: 'report_escalated',
    params: { category: '道路破损', community: '一社区', step: 'dispatch' },
    link: `/console/dispatch?report=${id}`,
    createdAt: '2026-12-05T09:00:00Z',
    read,
  }
}

/** The township's inbox as the server keeps it, and the open streams it writes to. */
let inbox: Message[]
let streams: { send: (text: string) => void; signal: AbortSignal; tenant: string }[]
let requests: string[]

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

beforeEach(() => {
  setActivePinia(createPinia())
  inbox = [message(2), message(1, true)]
  streams = []
  requests = []
  server.handle = async (request) => {
    const url = new URL(request.url)
    requests.push(`${request.method} ${url.pathname}`)
    const tenant = url.pathname.split('/')[3]!
    const rest = url.pathname.slice(`/api/t/${tenant}/notifications`.length)
    if (rest === '/stream') {
      // the stream is read with fetch and the bearer token (EventSource could not send it)
      if (request.headers.get('Authorization') !== 'Bearer token') return new Response('', { status: 401 })
      let controller!: ReadableStreamDefaultController<Uint8Array>
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
      request.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
      const encoder = new TextEncoder()
      streams.push({ send: (text) => controller.enqueue(encoder.encode(text)), signal: request.signal, tenant })
      controller.enqueue(encoder.encode(':subscribed\n\n'))
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })
    }
    if (rest === '/unread-count') return json({ count: inbox.filter((m) => !m.read).length })
    if (rest === '/read-all') {
      const count = inbox.filter((m) => !m.read).length
      inbox = inbox.map((m) => ({ ...m, read: true }))
      return json({ count })
    }
    const read = /^\/(\d+)\/read$/.exec(rest)
    if (read) {
      inbox = inbox.map((m) => (m.id === Number(read[1]) ? { ...m, read: true } : m))
      return json(inbox.find((m) => m.id === Number(read[1])))
    }
    const size = Number(url.searchParams.get('size'))
    const page = Number(url.searchParams.get('page'))
    return json({ items: inbox.slice(page * size, (page + 1) * size), page, size, total: inbox.length })
  }
})

afterEach(() => {
  useInboxStore().unfollow()
})

/** The server sends a message to the signed-in person: it lands in the inbox and on the open streams. */
function deliver(m: Message, data: unknown = m): void {
  inbox = [m, ...inbox]
  for (const s of streams) s.send(`event: notification\ndata: ${JSON.stringify(data)}\n\n`)
}

describe('the inbox 消息', () => {
  it('loads the unread count and the newest messages once the stream is open, then counts live arrivals', async () => {
    const store = useInboxStore()
    store.follow('ningxiang')
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    expect(store.mode).toBe('live')
    expect(store.unread).toBe(1)
    expect(store.items.map((m) => m.id)).toEqual([2, 1])
    expect(store.finished).toBe(true)

    deliver(message(3))
    await vi.waitFor(() => expect(store.unread).toBe(2))
    expect(store.items.map((m) => m.id)).toEqual([3, 2, 1])
    expect(store.total).toBe(3)

    // the same message heard twice (e.g. on a second stream) counts once
    for (const s of streams) s.send(`event: notification\ndata: ${JSON.stringify(message(3))}\n\n`)
    deliver(message(4))
    await vi.waitFor(() => expect(store.unread).toBe(3))
    expect(store.items.map((m) => m.id)).toEqual([4, 3, 2, 1])
  })

  it('reloads when a message arrives without its words (too big to travel) or unreadable', async () => {
    const store = useInboxStore()
    store.follow('ningxiang')
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    const loads = requests.filter((r) => r.endsWith('/unread-count')).length

    deliver(message(5), { id: 5 })
    await vi.waitFor(() => expect(store.items[0]?.id).toBe(5))
    expect(store.unread).toBe(2)
    expect(requests.filter((r) => r.endsWith('/unread-count')).length).toBe(loads + 1)

    for (const s of streams) s.send('event: notification\ndata: {not json\n\n')
    await vi.waitFor(() => expect(requests.filter((r) => r.endsWith('/unread-count')).length).toBe(loads + 2))
    expect(store.unread).toBe(2)
  })

  it('marks a message read once, and all of them at once', async () => {
    inbox = [message(3), message(2), message(1, true)]
    const store = useInboxStore()
    store.follow('ningxiang')
    await vi.waitFor(() => expect(store.unread).toBe(2))

    await store.markRead(3)
    expect(store.unread).toBe(1)
    expect(store.items.find((m) => m.id === 3)?.read).toBe(true)
    // again: already read, nothing asked, nothing counted
    const asked = requests.length
    await store.markRead(3)
    await store.markRead(1)
    expect(requests.length).toBe(asked)
    expect(store.unread).toBe(1)

    await store.markAllRead()
    expect(store.unread).toBe(0)
    expect(store.items.every((m) => m.read)).toBe(true)
    expect(inbox.every((m) => m.read)).toBe(true)
  })

  it('pages older messages in without repeating any', async () => {
    inbox = Array.from({ length: 45 }, (_, i) => message(45 - i))
    const store = useInboxStore()
    store.follow('ningxiang')
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    expect(store.items).toHaveLength(20)
    expect(store.finished).toBe(false)
    deliver(message(46)) // arrives live: page 1 now starts one later on the server
    await vi.waitFor(() => expect(store.items).toHaveLength(21))
    await store.loadMore()
    await store.loadMore()
    expect(store.items.map((m) => m.id)).toEqual(Array.from({ length: 46 }, (_, i) => 46 - i))
    expect(store.finished).toBe(true)
  })

  it('keeps one stream however many follow, ends it with the last, and starts afresh in another township', async () => {
    const store = useInboxStore()
    store.follow('ningxiang')
    store.follow('ningxiang')
    await vi.waitFor(() => expect(streams).toHaveLength(1))
    store.unfollow()
    expect(streams[0]!.signal.aborted).toBe(false)
    store.unfollow()
    expect(streams[0]!.signal.aborted).toBe(true)

    store.follow('ningxiang')
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    store.follow('beidajie')
    expect(store.items).toEqual([])
    expect(store.unread).toBe(0)
    expect(streams[1]!.signal.aborted).toBe(true)
    await vi.waitFor(() => expect(streams.at(-1)?.tenant).toBe('beidajie'))
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    expect(requests).toContain('GET /api/t/beidajie/notifications/unread-count')
  })
})
