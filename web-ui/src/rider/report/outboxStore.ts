import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../../api/client'
import { useSessionStore } from '../../stores/session'
import { ReportOutbox, type Attempt, type OutboxEntry, type ReportDraft } from './outbox'

/**
 * The signed-in rider's reports waiting on the phone (待发送), kept in step with IndexedDB. They are
 * sent again when the app starts, when the phone comes back online, when their backoff has passed
 * and when the rider says "retry now".
 */
export const useOutboxStore = defineStore('report-outbox', () => {
  const session = useSessionStore()
  const outbox = new ReportOutbox(api)
  const entries = ref<OutboxEntry[]>([])
  /** Keys being sent right now. */
  const sending = ref<string[]>([])
  /** Reports sent in the background since the app started (each one is also told with a toast). */
  const sent = ref<Attempt[]>([])
  let timer: ReturnType<typeof setTimeout> | undefined
  let started = false

  const owner = computed(() => session.me?.subject)

  async function refresh(): Promise<void> {
    entries.value = owner.value ? await outbox.entries(owner.value) : []
    clearTimeout(timer)
    const due = ReportOutbox.nextDue(entries.value)
    // offline, the `online` event sends them instead (failed attempts would only lengthen the backoff)
    if (due === undefined) return
    timer = setTimeout(
      () => {
        if (navigator.onLine) void run(false)
      },
      Math.max(1_000, due - Date.now()),
    )
  }

  /** Tracks the attempts in `sending` and the reports sent in `sent`, then re-reads the outbox. */
  async function track(keys: string[], attempts: () => Promise<Attempt[]>): Promise<Attempt[]> {
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

  function run(all: boolean): Promise<Attempt[]> {
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

  /** Files a report through the outbox: sent at once when possible, else kept (see {@link ReportOutbox.file}). */
  async function file(draft: ReportDraft): Promise<Attempt> {
    const attempt = await outbox.file(owner.value!, draft)
    await refresh()
    return attempt
  }

  /** "Retry now": every waiting report, or one report (also a failed one). */
  function retry(key?: string): Promise<Attempt[]> {
    if (!key) return run(true)
    return track([key], async () => [await outbox.send(key)])
  }

  /** The rider confirmed the place of a kept report found outside the township: send it so. */
  function confirmOutside(key: string): Promise<Attempt[]> {
    return track([key], async () => [await outbox.confirmOutside(key)])
  }

  async function remove(key: string): Promise<void> {
    await outbox.remove(key)
    await refresh()
  }

  /** The waiting reports of one township (a rider may file in several). */
  function entriesOf(tenant: string | null): OutboxEntry[] {
    return entries.value.filter((e) => e.tenant === tenant)
  }

  return { entries, sending, sent, entriesOf, start, refresh, file, retry, confirmOutside, remove }
})
