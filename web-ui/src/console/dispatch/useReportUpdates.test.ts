import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { COALESCE_MS, POLL_MS, SILENCE_MS, watchReports, type UpdateMode } from './useReportUpdates'

/** A stream the test writes to, as the server would; aborting the request errors it. */
function serverStream(signal: AbortSignal) {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
  signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
  const encoder = new TextEncoder()
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  }
}

describe('following report changes', () => {
  let changes: (number[] | null)[]
  let modes: UpdateMode[]
  let stop: () => void

  function start(): void {
    stop = watchReports({
      url: '/api/t/ningxiang/dispatch/stream',
      token: async () => 'token',
      onChange: (ids) => changes.push(ids),
      onMode: (mode) => modes.push(mode),
    })
  }

  beforeEach(() => {
    vi.useFakeTimers()
    changes = []
    modes = []
  })

  afterEach(() => {
    stop()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('polls every 15 s while the stream cannot be opened, however often reconnecting fails', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }))
    vi.stubGlobal('fetch', fetch)
    start()
    await vi.advanceTimersByTimeAsync(POLL_MS + COALESCE_MS)
    expect(modes).toContain('polling')
    expect(changes).toEqual([null])
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(changes).toEqual([null, null])
    expect(fetch.mock.calls.length).toBeGreaterThan(2) // reconnecting meanwhile, with the token
    expect(fetch.mock.calls[0]).toMatchObject(['/api/t/ningxiang/dispatch/stream', { headers: { Authorization: 'Bearer token' } }])
  })

  it('hears report events live, a burst as one change, and stops polling while connected', async () => {
    let server: ReturnType<typeof serverStream> | undefined
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => (server = serverStream(init.signal!)).response),
    )
    start()
    await vi.advanceTimersByTimeAsync(COALESCE_MS)
    expect(modes).toEqual(['live'])
    expect(changes).toEqual([null]) // the catch-up after connecting
    server!.send('event: report\ndata: {"id":5,"action":"submit","state":"submitted"}\n\n')
    server!.send(': heartbeat\n\nevent: report\ndata: {"id":6,"action":"dispatch","state":"dispatched"}\n\n')
    await vi.advanceTimersByTimeAsync(COALESCE_MS)
    expect(changes).toEqual([null, [5, 6]])
    await vi.advanceTimersByTimeAsync(POLL_MS * 2)
    expect(changes).toHaveLength(2) // no polling while live
  })

  it('falls back to polling and reconnects when the stream ends or falls silent', async () => {
    const servers: ReturnType<typeof serverStream>[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const server = serverStream(init.signal!)
        servers.push(server)
        return server.response
      }),
    )
    start()
    await vi.advanceTimersByTimeAsync(COALESCE_MS)
    servers[0]!.end()
    await vi.advanceTimersByTimeAsync(0)
    expect(modes).toEqual(['live', 'polling'])
    await vi.advanceTimersByTimeAsync(1000) // the first retry comes within a second
    expect(servers).toHaveLength(2)
    expect(modes).toEqual(['live', 'polling', 'live'])

    servers[1]!.send(': heartbeat\n\n')
    await vi.advanceTimersByTimeAsync(SILENCE_MS - 1000)
    expect(modes.at(-1)).toBe('live')
    await vi.advanceTimersByTimeAsync(1000) // nothing, not even a heartbeat, for too long
    expect(modes.at(-1)).toBe('polling')
  })
})
