import { del, get, set, values, type UseStore } from 'idb-keyval'
import { computed, ref, type Ref } from 'vue'
import { ApiProblem } from '../../api/core'
import { useSessionStore } from '../../stores/session'

// The phone's outbox (待发送): what a rider files (a 随手拍 report, a 捎带手 look-in) is stored in IndexedDB before
// the first attempt and sent again until the API has it, every attempt under the same key, so the API files it once.

/** What every kept item carries: the township it goes to. */
export interface Draft {
  tenant: string
}

/**
 * An item kept on the phone until the API has it: waiting (sent again later) or failed (the API refused it; the
 * rider decides). `key` goes with every attempt (Idempotency-Key, requestId).
 */
export type OutboxEntry<D extends Draft> = D & {
  key: string
  /** Subject of the rider who filed it: only their session sends it. */
  owner: string
  queuedAt: number
  attempts: number
  status: 'waiting' | 'failed'
  /** Not before this (epoch ms): the backoff after failed attempts. */
  nextAttemptAt: number
  lastAttemptAt?: number
  /** Why the last attempt did not get through, fit to show. */
  message?: string
  /** The problem type of a refusal, so a screen can offer what helps (e.g. confirm a report's place). */
  problemType?: string
}

export type Attempt<R> =
  | { key: string; outcome: 'sent'; result: R }
  | { key: string; outcome: 'waiting' | 'failed'; problem: ApiProblem }

/** Backoff after the n-th failed attempt: 15 s, 30 s, 1 min … at most 10 min. */
export function backoff(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000)
}

/**
 * Whether sending again later may help: no connection, a gateway or server failure, too many
 * requests, or a session that has to be renewed. Anything else the API refused for a reason
 * that a retry will not change.
 */
export function worthRetrying(problem: ApiProblem): boolean {
  const s = problem.status
  return s === 0 || s === 401 || s === 408 || s === 429 || s >= 500
}

/** Sends one kept item to the API (rejecting with an ApiProblem when it does not get through). */
export type Deliver<D extends Draft, R> = (entry: OutboxEntry<D>) => Promise<R>

/** The phone's outbox of one kind of item (its own IndexedDB store; photos as Blobs). */
export class Outbox<D extends Draft, R> {
  private readonly inFlight = new Map<string, Promise<Attempt<R>>>()

  constructor(
    private readonly deliver: Deliver<D, R>,
    protected readonly store: UseStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Keeps the item under a new key and tries to send it at once. An item the API refuses outright (a 4xx problem)
   * is not kept: the promise rejects with the problem, so the screen can show it and the rider can correct it.
   */
  async file(owner: string, draft: D): Promise<Attempt<R>> {
    const entry = {
      ...draft,
      key: crypto.randomUUID(),
      owner,
      queuedAt: this.now(),
      attempts: 0,
      status: 'waiting',
      nextAttemptAt: this.now(),
    } satisfies OutboxEntry<D> as OutboxEntry<D>
    await set(entry.key, entry, this.store)
    const attempt = await this.send(entry.key)
    if (attempt.outcome === 'failed') {
      await del(entry.key, this.store)
      throw attempt.problem
    }
    return attempt
  }

  /** The owner's kept items, oldest first. */
  async entries(owner: string): Promise<OutboxEntry<D>[]> {
    const all = await values<OutboxEntry<D>>(this.store)
    return all.filter((e) => e.owner === owner).sort((a, b) => a.queuedAt - b.queuedAt)
  }

  /**
   * Sends the owner's waiting items whose backoff has passed (`all`: every waiting one, e.g.
   * when the phone is back online or the rider asks). Failed ones wait for the rider.
   */
  async sendDue(owner: string, all = false): Promise<Attempt<R>[]> {
    const due = (await this.entries(owner)).filter(
      (e) => e.status === 'waiting' && (all || e.nextAttemptAt <= this.now()),
    )
    const attempts: Attempt<R>[] = []
    // one after another: a weak connection carries one upload better than several
    for (const e of due) attempts.push(await this.send(e.key))
    return attempts
  }

  /** One attempt now, whatever the backoff or status; concurrent calls for one key share it. */
  send(key: string): Promise<Attempt<R>> {
    let attempt = this.inFlight.get(key)
    if (!attempt) {
      attempt = this.attempt(key).finally(() => this.inFlight.delete(key))
      this.inFlight.set(key, attempt)
    }
    return attempt
  }

  async remove(key: string): Promise<void> {
    await del(key, this.store)
  }

  /** When the earliest waiting item is due again (epoch ms), if any. */
  static nextDue(entries: { status: string; nextAttemptAt: number }[]): number | undefined {
    const due = entries.filter((e) => e.status === 'waiting').map((e) => e.nextAttemptAt)
    return due.length ? Math.min(...due) : undefined
  }

  /** Changes a kept item (e.g. what the rider confirmed) and makes it wait to be sent again. */
  protected async change(key: string, changes: Partial<D>): Promise<void> {
    const entry = await this.kept(key)
    await set(key, { ...entry, ...changes, status: 'waiting' } satisfies OutboxEntry<D>, this.store)
  }

  private async kept(key: string): Promise<OutboxEntry<D>> {
    const entry = await get<OutboxEntry<D>>(key, this.store)
    if (!entry) throw new Error(`Nothing kept under ${key}`)
    return entry
  }

  private async attempt(key: string): Promise<Attempt<R>> {
    const entry = await this.kept(key)
    try {
      const result = await this.deliver(entry)
      await del(key, this.store)
      return { key, outcome: 'sent', result }
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error
      const attempts = entry.attempts + 1
      const outcome = worthRetrying(error) ? 'waiting' : 'failed'
      await set(
        key,
        {
          ...entry,
          attempts,
          status: outcome,
          lastAttemptAt: this.now(),
          nextAttemptAt: this.now() + backoff(attempts),
          message: error.message,
          problemType: error.problem.type,
        } satisfies OutboxEntry<D>,
        this.store,
      )
      return { key, outcome, problem: error }
    }
  }
}

/**
 * The signed-in rider's items waiting on the phone (待发送), kept in step with IndexedDB, for a Pinia setup store
 * of one outbox. They are sent again when the app starts, when the phone comes back online, when their backoff has
 * passed and when the rider says "retry now".
 */
export function outboxState<D extends Draft, R>(outbox: Outbox<D, R>) {
  const session = useSessionStore()
  const entries = ref([]) as Ref<OutboxEntry<D>[]>
  /** Keys being sent right now. */
  const sending = ref<string[]>([])
  /** Items sent in the background since the app started (each one is also told with a toast). */
  const sent = ref([]) as Ref<Attempt<R>[]>
  let timer: ReturnType<typeof setTimeout> | undefined
  let started = false

  const owner = computed(() => session.me?.subject)

  async function refresh(): Promise<void> {
    entries.value = owner.value ? await outbox.entries(owner.value) : []
    clearTimeout(timer)
    const due = Outbox.nextDue(entries.value)
    // offline, the `online` event sends them instead (failed attempts would only lengthen the backoff)
    if (due === undefined) return
    timer = setTimeout(
      () => {
        if (navigator.onLine) void run(false)
      },
      Math.max(1_000, due - Date.now()),
    )
  }

  /** Tracks the attempts in `sending` and the items sent in `sent`, then re-reads the outbox. */
  async function track(keys: string[], attempts: () => Promise<Attempt<R>[]>): Promise<Attempt<R>[]> {
    sending.value = [...sending.value, ...keys]
    try {
      const done = await attempts()
      sent.value = [...sent.value, ...done.filter((a) => a.outcome === 'sent')]
      return done
    } finally {
      sending.value = sending.value.filter((k) => !keys.includes(k))
      await refresh()
    }
  }

  function run(all: boolean): Promise<Attempt<R>[]> {
    if (!owner.value) return Promise.resolve([])
    const keys = entries.value.filter((e) => e.status === 'waiting').map((e) => e.key)
    return track(keys, () => outbox.sendDue(owner.value!, all))
  }

  /** Once per app: what waits is sent now and whenever the phone is back online. */
  async function start(): Promise<void> {
    if (started) return
    started = true
    window.addEventListener('online', () => void run(true))
    await refresh()
    await run(true)
  }

  /** Files an item through the outbox: sent at once when possible, else kept (see {@link Outbox.file}). */
  async function file(draft: D): Promise<Attempt<R>> {
    const attempt = await outbox.file(owner.value!, draft)
    await refresh()
    return attempt
  }

  /** "Retry now": every waiting item, or one item (also a failed one). */
  function retry(key?: string): Promise<Attempt<R>[]> {
    if (!key) return run(true)
    return track([key], async () => [await outbox.send(key)])
  }

  async function remove(key: string): Promise<void> {
    await outbox.remove(key)
    await refresh()
  }

  /** The waiting items of one township (a rider may file in several). */
  function entriesOf(tenant: string | null): OutboxEntry<D>[] {
    return entries.value.filter((e) => e.tenant === tenant)
  }

  return { entries, sending, sent, entriesOf, start, refresh, file, retry, remove, track }
}
