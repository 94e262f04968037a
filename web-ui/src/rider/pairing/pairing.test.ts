import 'fake-indexeddb/auto'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore, type UseStore } from 'idb-keyval'
import { createApiClient } from '../../api/core'
import { loadMessages } from '../../i18n'
import { OUTCOMES, OUTCOME_STYLE, VisitOutbox, isSign, pendingFor, type KeptVisit, type VisitDraft } from './pairing'

const OWNER = 'rider-subject'
const VISIT = { id: 9, day: '2026-12-05', outcome: 'garbage_not_out', alertRaised: false }

let requests: Request[]
let store: UseStore
let clock: number

type Answer = () => Response | Promise<Response>
const created: Answer = () => new Response(JSON.stringify(VISIT), { status: 201, headers: { 'Content-Type': 'application/json' } })
const offline: Answer = () => Promise.reject(new TypeError('Failed to fetch'))
const refused: Answer = () =>
  new Response(JSON.stringify({ type: 'urn:fengxing:problem:validation', title: '输入有误', status: 400, detail: '探访时间太早' }), {
    status: 400,
    headers: { 'Content-Type': 'application/problem+json' },
  })

function outboxAnswering(...answers: Answer[]): VisitOutbox {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(request)
      return answers[Math.min(requests.length - 1, answers.length - 1)]!()
    }),
  )
  return new VisitOutbox(createApiClient('http://api.test'), store, () => clock)
}

const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({
  tenant: 'yuetan',
  pairingId: 7,
  outcome: 'garbage_not_out',
  note: '门口还放着昨天的垃圾',
  visitedAt: '2026-12-05T01:30:00.000Z',
  ...over,
})

beforeAll(() => loadMessages())

beforeEach(() => {
  requests = []
  store = createStore(`visits-${crypto.randomUUID()}`, 'outbox')
  clock = 1_000_000
})

afterEach(() => vi.unstubAllGlobals())

describe('look-ins through the outbox', () => {
  it('sends a look-in with its requestId, the time the rider was there and the photo, and forgets it once recorded', async () => {
    const outbox = outboxAnswering(created)
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' })
    const attempt = await outbox.file(OWNER, draft({ photo }))
    expect(attempt.outcome === 'sent' && attempt.result.id).toBe(9)
    expect(await outbox.entries(OWNER)).toEqual([])
    const request = requests[0]!
    expect(new URL(request.url).pathname).toBe('/api/t/yuetan/pairing/mine/7/visits')
    const form = await request.formData()
    expect(form.get('outcome')).toBe('garbage_not_out')
    expect(form.get('requestId')).toBe(attempt.key)
    expect(form.get('visitedAt')).toBe('2026-12-05T01:30:00.000Z')
    expect(form.get('note')).toBe('门口还放着昨天的垃圾')
    expect(form.get('photo')).toBeInstanceOf(Blob)
  })

  it('keeps a look-in made offline (待发送) and sends it later with the same requestId and the same visitedAt', async () => {
    const outbox = outboxAnswering(offline, offline, created)
    const first = await outbox.file(OWNER, draft({ note: undefined }))
    expect(first.outcome).toBe('waiting')
    const [kept] = await outbox.entries(OWNER)
    expect(kept).toMatchObject({ status: 'waiting', attempts: 1, pairingId: 7 })

    clock += 60 * 60_000 // an hour later: still no connection, then back online
    expect(await outbox.sendDue(OWNER)).toMatchObject([{ outcome: 'waiting' }])
    expect(await outbox.sendDue(OWNER, true)).toMatchObject([{ outcome: 'sent', key: first.key }])
    expect(requests).toHaveLength(3)
    const forms = await Promise.all(requests.map((r) => r.clone().formData()))
    expect(new Set(forms.map((f) => f.get('requestId')))).toEqual(new Set([first.key]))
    expect(new Set(forms.map((f) => f.get('visitedAt')))).toEqual(new Set(['2026-12-05T01:30:00.000Z']))
    expect(forms.every((f) => f.get('photo') === null && f.get('note') === null)).toBe(true)
    expect(await outbox.entries(OWNER)).toEqual([])
  })

  it('does not keep a look-in the API refuses at once, and keeps one refused later as failed for the rider to decide', async () => {
    await expect(outboxAnswering(refused).file(OWNER, draft())).rejects.toThrow('探访时间太早')
    expect(await new VisitOutbox(createApiClient('http://api.test'), store).entries(OWNER)).toEqual([])

    requests = []
    const outbox = outboxAnswering(offline, refused)
    await outbox.file(OWNER, draft())
    const [attempt] = await outbox.sendDue(OWNER, true)
    expect(attempt).toMatchObject({ outcome: 'failed' })
    expect(await outbox.entries(OWNER)).toMatchObject([{ status: 'failed', message: '探访时间太早' }])
    expect(await outbox.sendDue(OWNER, true)).toEqual([])
  })

  it('keeps the report and look-in outboxes apart, each on its own store', async () => {
    const outbox = outboxAnswering(offline)
    await outbox.file(OWNER, draft())
    const other = new VisitOutbox(createApiClient('http://api.test'), createStore(`visits-${crypto.randomUUID()}`, 'outbox'))
    expect(await other.entries(OWNER)).toEqual([])
    expect(await outbox.entries('another-rider')).toEqual([])
  })
})

describe('outcomes', () => {
  it('are the four buttons in order, each with its own colour, and only 正常 is no sign', () => {
    expect(OUTCOMES).toEqual(['ok', 'garbage_not_out', 'no_answer', 'needs_help'])
    expect(new Set(OUTCOMES.map((o) => OUTCOME_STYLE[o].color)).size).toBe(4)
    expect(OUTCOMES.filter(isSign)).toEqual(['garbage_not_out', 'no_answer', 'needs_help'])
    expect(isSign(null)).toBe(false)
  })

  it('show the latest look-in still on the phone for its elder only', () => {
    const kept = (pairingId: number, queuedAt: number, outcome: KeptVisit['outcome']) =>
      ({ ...draft({ pairingId, outcome }), key: `${pairingId}-${queuedAt}`, owner: OWNER, queuedAt, attempts: 1, status: 'waiting', nextAttemptAt: 0 }) as KeptVisit
    const list = [kept(7, 1, 'ok'), kept(7, 3, 'no_answer'), kept(8, 5, 'needs_help')]
    expect(pendingFor(list, 7)?.outcome).toBe('no_answer')
    expect(pendingFor(list, 8)?.outcome).toBe('needs_help')
    expect(pendingFor(list, 9)).toBeUndefined()
  })
})
