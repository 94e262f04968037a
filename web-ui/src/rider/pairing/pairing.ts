import { createStore, type UseStore } from 'idb-keyval'
import type { createApiClient } from '../../api/core'
import { multipart } from '../../api/multipart'
import type { components } from '../../api/schema'
import { Outbox, type Attempt, type OutboxEntry } from '../outbox/outbox'

type ApiClient = ReturnType<typeof createApiClient>
export type MyElder = components['schemas']['MyElder']
export type Visit = components['schemas']['VisitView']
export type VisitOutcome = NonNullable<Visit['outcome']>

/** What a rider saw when looking in on an elder (捎带手), in the order of the big buttons. */
export const OUTCOMES: readonly VisitOutcome[] = ['ok', 'garbage_not_out', 'no_answer', 'needs_help']

/** Each outcome's Vant icon and colour: fine reads green, a sign amber, help red. */
export const OUTCOME_STYLE: Record<VisitOutcome, { icon: string; color: string }> = {
  ok: { icon: 'passed', color: '#07c160' },
  garbage_not_out: { icon: 'delete-o', color: '#c46a00' },
  no_answer: { icon: 'phone-o', color: '#ed6a0c' },
  needs_help: { icon: 'warning-o', color: '#ee0a24' },
}

/** Whether an outcome is a sign that something may be wrong (a day with it counts towards an alert). */
export function isSign(outcome: VisitOutcome | null | undefined): boolean {
  return !!outcome && outcome !== 'ok'
}

/** A look-in as the rider recorded it on the phone: visitedAt is when they were there, not when it is sent. */
export interface VisitDraft {
  tenant: string
  pairingId: number
  outcome: VisitOutcome
  note?: string
  /** ISO instant */
  visitedAt: string
  /** At most one JPEG, made small on the phone. */
  photo?: Blob
}

export type KeptVisit = OutboxEntry<VisitDraft>
export type VisitAttempt = Attempt<Visit>

export function visitStore(): UseStore {
  return createStore('fengxing-visits', 'outbox')
}

/**
 * Look-ins kept on the phone until the API has them (the same outbox as 随手拍 reports): the entry's key is the
 * visit's requestId, so a look-in sent twice (a lost answer, back online) is recorded once.
 */
export class VisitOutbox extends Outbox<VisitDraft, Visit> {
  constructor(client: ApiClient, store: UseStore = visitStore(), now: () => number = Date.now) {
    super(
      async (entry) => {
        const fields = { outcome: entry.outcome, note: entry.note, visitedAt: entry.visitedAt, requestId: entry.key }
        const { data } = await client.POST('/api/t/{tenant}/pairing/mine/{id}/visits', {
          params: { path: { tenant: entry.tenant, id: entry.pairingId } },
          body: fields as never,
          bodySerializer: () => multipart(fields, 'photo', entry.photo ? [entry.photo] : []),
        })
        return data!
      },
      store,
      now,
    )
  }
}

/** The latest look-in at a pairing's elder still waiting on the phone, if any. */
export function pendingFor(kept: KeptVisit[], pairingId: number): KeptVisit | undefined {
  return kept.filter((k) => k.pairingId === pairingId).sort((a, b) => b.queuedAt - a.queuedAt)[0]
}
