import { computed, ref, type Ref } from 'vue'
import { useSessionStore } from '../../stores/session'
import { Outbox, type Attempt, type Draft, type OutboxEntry } from './outbox'

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
