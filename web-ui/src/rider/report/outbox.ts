import { createStore, del, get, set, values, type UseStore } from 'idb-keyval'
import { ApiProblem, type createApiClient } from '../../api/core'
import { multipart } from '../../api/multipart'
import type { components } from '../../api/schema'

type ApiClient = ReturnType<typeof createApiClient>
export type Report = components['schemas']['ReportView']

/** What the rider filled in on the report screen. */
export interface ReportDraft {
  tenant: string
  category: string
  /** Shown in the waiting list, in the language the rider filed it in. */
  categoryName: string
  description: string
  /** WGS84 */
  lon: number
  lat: number
  address?: string
  urgent: boolean
  /** The rider confirmed a place outside every grid of the township (the API asked: {@link OUTSIDE_TOWNSHIP}). */
  outsideConfirmed?: boolean
  /** 1–3 JPEGs, already made small on the phone. */
  photos: Blob[]
}

/**
 * A report kept on the phone until the API has it: waiting (sent again later) or failed (the API
 * refused it; the rider decides). Every attempt sends the same Idempotency-Key, so however often
 * it is retried, the API files it once.
 */
export interface OutboxEntry extends ReportDraft {
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
  /** The problem type of a refusal, e.g. {@link OUTSIDE_TOWNSHIP}: the rider can confirm the place and send it. */
  problemType?: string
}

/** The API's answer to a report outside every grid of the township, until the rider confirms the place. */
export const OUTSIDE_TOWNSHIP = 'urn:fengxing:problem:outside-township'

/** Whether the API asks the rider to confirm the report's place. */
export function outsideTownship(problem: unknown): problem is ApiProblem {
  return problem instanceof ApiProblem && problem.problem.type === OUTSIDE_TOWNSHIP
}

export type Attempt =
  | { key: string; outcome: 'sent'; report: Report }
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

export function defaultStore(): UseStore {
  return createStore('fengxing-reports', 'outbox')
}

/**
 * The phone's outbox of reports (IndexedDB, photos as Blobs). A report is stored before the first
 * attempt, so neither a dropped connection nor a closed app loses it.
 */
export class ReportOutbox {
  private readonly inFlight = new Map<string, Promise<Attempt>>()

  constructor(
    private readonly client: ApiClient,
    private readonly store: UseStore = defaultStore(),
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Keeps the report under a new Idempotency-Key and tries to send it at once. A report the API
   * refuses outright (a 4xx problem) is not kept: the promise rejects with the problem, so the
   * form can show it and the rider can correct it.
   */
  async file(owner: string, draft: ReportDraft): Promise<Attempt> {
    const entry: OutboxEntry = {
      ...draft,
      key: crypto.randomUUID(),
      owner,
      queuedAt: this.now(),
      attempts: 0,
      status: 'waiting',
      nextAttemptAt: this.now(),
    }
    await set(entry.key, entry, this.store)
    const attempt = await this.send(entry.key)
    if (attempt.outcome === 'failed') {
      await del(entry.key, this.store)
      throw attempt.problem
    }
    return attempt
  }

  /** The owner's kept reports, oldest first. */
  async entries(owner: string): Promise<OutboxEntry[]> {
    const all = await values<OutboxEntry>(this.store)
    return all.filter((e) => e.owner === owner).sort((a, b) => a.queuedAt - b.queuedAt)
  }

  /**
   * Sends the owner's waiting reports whose backoff has passed (`all`: every waiting one, e.g.
   * when the phone is back online or the rider asks). Failed ones wait for the rider.
   */
  async sendDue(owner: string, all = false): Promise<Attempt[]> {
    const due = (await this.entries(owner)).filter(
      (e) => e.status === 'waiting' && (all || e.nextAttemptAt <= this.now()),
    )
    const attempts: Attempt[] = []
    // one after another: a weak connection carries one upload better than several
    for (const e of due) attempts.push(await this.send(e.key))
    return attempts
  }

  /** One attempt now, whatever the backoff or status; concurrent calls for one key share it. */
  send(key: string): Promise<Attempt> {
    let attempt = this.inFlight.get(key)
    if (!attempt) {
      attempt = this.attempt(key).finally(() => this.inFlight.delete(key))
      this.inFlight.set(key, attempt)
    }
    return attempt
  }

  /** The rider confirmed the place of a kept report the API found outside the township: send it so. */
  async confirmOutside(key: string): Promise<Attempt> {
    const entry = await get<OutboxEntry>(key, this.store)
    if (!entry) throw new Error(`No kept report ${key}`)
    await set(key, { ...entry, outsideConfirmed: true, status: 'waiting' } satisfies OutboxEntry, this.store)
    return this.send(key)
  }

  async remove(key: string): Promise<void> {
    await del(key, this.store)
  }

  /** When the earliest waiting report is due again (epoch ms), if any. */
  static nextDue(entries: OutboxEntry[]): number | undefined {
    const due = entries.filter((e) => e.status === 'waiting').map((e) => e.nextAttemptAt)
    return due.length ? Math.min(...due) : undefined
  }

  private async attempt(key: string): Promise<Attempt> {
    const entry = await get<OutboxEntry>(key, this.store)
    if (!entry) throw new Error(`No kept report ${key}`)
    try {
      const fields = {
        category: entry.category,
        description: entry.description,
        lon: entry.lon,
        lat: entry.lat,
        address: entry.address,
        urgent: entry.urgent,
        outsideConfirmed: entry.outsideConfirmed || undefined,
      }
      const { data } = await this.client.POST('/api/t/{tenant}/reports', {
        params: { path: { tenant: entry.tenant }, header: { 'Idempotency-Key': entry.key } },
        body: fields,
        bodySerializer: () => multipart(fields, 'photos', entry.photos),
      })
      await del(key, this.store)
      return { key, outcome: 'sent', report: data! }
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
        } satisfies OutboxEntry,
        this.store,
      )
      return { key, outcome, problem: error }
    }
  }
}
