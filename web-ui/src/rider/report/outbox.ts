import { createStore, type UseStore } from 'idb-keyval'
import { ApiProblem, type createApiClient } from '../../api/core'
import { multipart } from '../../api/multipart'
import type { components } from '../../api/schema'
import { Outbox, type Attempt as KeptAttempt, type OutboxEntry as KeptEntry } from '../outbox/outbox'

export { backoff, worthRetrying } from '../outbox/outbox'

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

/** A report kept on the phone until the API has it (see {@link Outbox}): its key is the Idempotency-Key. */
export type OutboxEntry = KeptEntry<ReportDraft>

/** The API's answer to a report outside every grid of the township, until the rider confirms the place. */
export const OUTSIDE_TOWNSHIP = 'urn:fengxing:problem:outside-township'

/** Whether the API asks the rider to confirm the report's place. */
export function outsideTownship(problem: unknown): problem is ApiProblem {
  return problem instanceof ApiProblem && problem.problem.type === OUTSIDE_TOWNSHIP
}

export type Attempt = KeptAttempt<Report>

export function defaultStore(): UseStore {
  return createStore('fengxing-reports', 'outbox')
}

/**
 * The phone's outbox of reports (IndexedDB, photos as Blobs). A report is stored before the first
 * attempt, so neither a dropped connection nor a closed app loses it.
 */
export class ReportOutbox extends Outbox<ReportDraft, Report> {
  constructor(client: ApiClient, store: UseStore = defaultStore(), now: () => number = Date.now) {
    super(
      async (entry) => {
        const fields = {
          category: entry.category,
          description: entry.description,
          lon: entry.lon,
          lat: entry.lat,
          address: entry.address,
          urgent: entry.urgent,
          outsideConfirmed: entry.outsideConfirmed || undefined,
        }
        const { data } = await client.POST('/api/t/{tenant}/reports', {
          params: { path: { tenant: entry.tenant }, header: { 'Idempotency-Key': entry.key } },
          body: fields,
          bodySerializer: () => multipart(fields, 'photos', entry.photos),
        })
        return data!
      },
      store,
      now,
    )
  }

  /** The rider confirmed the place of a kept report the API found outside the township: send it so. */
  async confirmOutside(key: string): Promise<Attempt> {
    await this.change(key, { outsideConfirmed: true })
    return this.send(key)
  }
}
