import 'fake-indexeddb/auto'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore, type UseStore } from 'idb-keyval'
import { ApiProblem, createApiClient } from '../../api/core'
import { loadMessages } from '../../i18n'
import { OUTSIDE_TOWNSHIP, ReportOutbox, backoff, outsideTownship, type ReportDraft } from './outbox'

const ORIGIN = 'http://api.test'
const OWNER = 'rider-subject'

const draft: ReportDraft = {
  tenant: 'ningxiang',
  category: 'road-damage',
  categoryName: '道路破损',
  description: '路面塌了一个坑',
  lon: 111.179,
  lat: 37.363,
  urgent: false,
  photos: [new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' })],
}

const REPORT = { id: 42, state: 'submitted' }

type Answer = () => Response | Promise<Response>

const json = (status: number, body: unknown, type = 'application/json'): Answer => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
const offline: Answer = () => Promise.reject(new TypeError('Failed to fetch'))
const problem = (status: number, detail: string) =>
  json(status, { type: 'urn:fengxing:problem:validation', title: '输入有误', status, detail }, 'application/problem+json')

/** The requests the outbox sent; the phone's IndexedDB store (new for each test); the clock. */
let requests: Request[]
let store: UseStore
let clock: number

/**
 * An outbox on the phone's store whose requests `answers` answer in turn (the last one repeats).
 * A second outbox on the same store is the app opened again.
 */
function outboxAnswering(...answers: Answer[]): ReportOutbox {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(request)
      return answers[Math.min(requests.length - 1, answers.length - 1)]!()
    }),
  )
  // openapi-fetch takes the global fetch when the client is made
  return new ReportOutbox(createApiClient(ORIGIN), store, () => clock)
}

beforeAll(() => loadMessages())

beforeEach(() => {
  requests = []
  store = createStore(`outbox-${crypto.randomUUID()}`, 'outbox')
  clock = 1_000_000
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('report outbox', () => {
  it('sends a report at once with its Idempotency-Key and forgets it when the API has it', async () => {
    const outbox = outboxAnswering(json(201, REPORT))
    const attempt = await outbox.file(OWNER, draft)
    expect(attempt.outcome).toBe('sent')
    expect(attempt.outcome === 'sent' && attempt.result.id).toBe(42)
    expect(await outbox.entries(OWNER)).toEqual([])

    const request = requests[0]!
    expect(request.method).toBe('POST')
    expect(new URL(request.url).pathname).toBe('/api/t/ningxiang/reports')
    expect(request.headers.get('Idempotency-Key')).toBe(attempt.key)
    const form = await request.formData()
    expect(form.get('category')).toBe('road-damage')
    expect(form.get('lon')).toBe('111.179')
    expect(form.get('urgent')).toBe('false')
    expect(form.getAll('photos')).toHaveLength(1)
  })

  it('keeps a report it cannot send for lack of a connection, and later sends it with the same key', async () => {
    const outbox = outboxAnswering(offline, json(200, REPORT))
    const first = await outbox.file(OWNER, draft)
    expect(first.outcome).toBe('waiting')
    const [kept] = await outbox.entries(OWNER)
    expect(kept).toMatchObject({ key: first.key, status: 'waiting', attempts: 1, message: '网络连接失败，请检查网络后再试。' })
    expect(await kept!.photos[0]!.arrayBuffer()).toEqual(await draft.photos[0]!.arrayBuffer())

    // back online: the retry carries the same key, and a 200 (the API had it already) also ends it
    const [retry] = await outbox.sendDue(OWNER, true)
    expect(retry!.outcome).toBe('sent')
    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).toEqual([first.key, first.key])
    expect(await outbox.entries(OWNER)).toEqual([])
  })

  it('keeps a report the server failed on (5xx) and waits longer after each failure', async () => {
    const outbox = outboxAnswering(json(503, { down: true }, 'text/html'))
    const { key } = await outbox.file(OWNER, draft)
    let [kept] = await outbox.entries(OWNER)
    expect(kept).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: clock + backoff(1) })
    expect(kept!.message).toBe('服务出错了（503），请稍后再试。')

    // not due yet: nothing is sent
    expect(await outbox.sendDue(OWNER)).toEqual([])
    expect(requests).toHaveLength(1)

    clock += backoff(1)
    const [again] = await outbox.sendDue(OWNER)
    expect(again).toMatchObject({ key, outcome: 'waiting' })
    ;[kept] = await outbox.entries(OWNER)
    expect(kept).toMatchObject({ attempts: 2, nextAttemptAt: clock + backoff(2) })
    expect(backoff(2)).toBe(2 * backoff(1))
    expect(backoff(50)).toBe(10 * 60_000)
  })

  it('keeps a report the API refuses later as failed with its message, and does not send it again by itself', async () => {
    const outbox = outboxAnswering(offline, problem(403, '你的骑手身份已暂停。'))
    const { key } = await outbox.file(OWNER, draft)
    const [refused] = await outbox.sendDue(OWNER, true)
    expect(refused).toMatchObject({ key, outcome: 'failed' })
    const [kept] = await outbox.entries(OWNER)
    expect(kept).toMatchObject({ status: 'failed', attempts: 2, message: '你的骑手身份已暂停。' })

    clock += 60 * 60_000
    expect(await outbox.sendDue(OWNER, true)).toEqual([])
    expect(requests).toHaveLength(2)

    // the rider may still try it once more, or delete it
    expect((await outbox.send(key)).outcome).toBe('failed')
    await outbox.remove(key)
    expect(await outbox.entries(OWNER)).toEqual([])
  })

  it('does not keep a report the API refuses at once: the form shows the problem', async () => {
    const outbox = outboxAnswering(problem(400, '有 1 处输入需要修改。'))
    const error = await outbox.file(OWNER, draft).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect((error as ApiProblem).message).toBe('有 1 处输入需要修改。')
    expect(await outbox.entries(OWNER)).toEqual([])
  })

  it("sends only the signed-in rider's reports, also after the app was opened again", async () => {
    const before = outboxAnswering(offline)
    const theirs = await before.file('someone-else', draft)
    const { key } = await before.file(OWNER, draft)
    expect((await before.entries(OWNER)).map((e) => e.key)).toEqual([key])

    requests = []
    const reopened = outboxAnswering(json(201, REPORT))
    // on app start every waiting report is sent, whatever its backoff
    const sent = await reopened.sendDue(OWNER, true)
    expect(sent.map((a) => [a.key, a.outcome])).toEqual([[key, 'sent']])
    expect(requests).toHaveLength(1)
    expect((await reopened.entries('someone-else')).map((e) => e.key)).toEqual([theirs.key])
  })

  it('makes one attempt when a report is sent twice at once (back online and "retry now")', async () => {
    const { key } = await outboxAnswering(offline).file(OWNER, draft)
    requests = []
    const outbox = outboxAnswering(json(201, REPORT))
    const [a, b] = await Promise.all([outbox.send(key), outbox.send(key)])
    expect(a).toBe(b)
    expect(requests).toHaveLength(1)
  })

  it('asks again for a kept report found outside the township, and sends it with the confirmation once the rider confirms', async () => {
    const outside = json(
      422,
      { type: OUTSIDE_TOWNSHIP, title: '辖区外', status: 422, detail: '该位置不在本乡镇/街道辖区内。' },
      'application/problem+json',
    )
    const outbox = outboxAnswering(offline, outside, json(201, REPORT))
    const { key } = await outbox.file(OWNER, draft)
    const [refused] = await outbox.sendDue(OWNER, true)
    expect(refused).toMatchObject({ key, outcome: 'failed' })
    expect(outsideTownship(refused!.outcome === 'failed' && refused!.problem)).toBe(true)
    const [kept] = await outbox.entries(OWNER)
    expect(kept).toMatchObject({ status: 'failed', problemType: OUTSIDE_TOWNSHIP, message: '该位置不在本乡镇/街道辖区内。' })

    const sent = await outbox.confirmOutside(key)
    expect(sent.outcome).toBe('sent')
    const forms = await Promise.all(requests.slice(1).map((r) => r.formData()))
    expect(forms.map((f) => f.get('outsideConfirmed'))).toEqual([null, 'true'])
    expect(requests.slice(1).map((r) => r.headers.get('Idempotency-Key'))).toEqual([key, key])
    expect(await outbox.entries(OWNER)).toEqual([])
  })
})
