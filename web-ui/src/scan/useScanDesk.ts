import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { api } from '../api/client'
import { useProblemFields } from '../api/problemFields'
import type { components } from '../api/schema'
import { addDays, calendarDate } from '../format'
import { checkInOpen } from '../rider/events/events'
import { useSessionStore } from '../stores/session'
import { useTenantStore } from '../stores/tenant'
import { redemptionCode } from './redemptionCode'

/** A station, merchant or 活动 (while its check-in is open) the caller checks riders in for. */
export interface ScanPlace {
  kind: 'station' | 'merchant' | 'event'
  id: number
  name: string
}

/** What a logged visit, discount use or event check-in says about the rider (and the points a check-in earned). */
export interface ScanLogged {
  rider?: { name?: string; phone?: string }
  points?: number
}

/** A reward handed over: what, and to whom. */
export type ScanHandedOver = components['schemas']['RedemptionView']

/**
 * 扫码核验, the logic shared by the keeper's phone page and the console: the stations and merchants
 * the caller acts for (tenant admins every one, keepers those they keep) and the events held now at
 * them (or anywhere, for admins) whose check-in is open, the chosen one's count today (an event's:
 * checked in so far), and logging a rider's code there (a station visit, a merchant discount use or
 * an event check-in). A reward's
 * redemption code (8 characters, no dots) hands the reward over instead, wherever it is collected.
 * `entry`: the code entry, cleared once a code is logged.
 */
export function useScanDesk(entry: Ref<{ clear(): void } | undefined>) {
  const tenant = useTenantStore()
  const session = useSessionStore()
  const { message, attempt } = useProblemFields()

  const places = ref<ScanPlace[]>([])
  const chosen = ref('')
  const place = computed(() => places.value.find((p) => key(p) === chosen.value))
  const today = ref<number | null>(null)
  const logged = ref<ScanLogged | null>(null)
  const handedOver = ref<ScanHandedOver | null>(null)
  const sending = ref(false)

  const mine = (keeper?: string) => tenant.can('tenant_admin') || keeper === session.me?.subject

  async function loadPlaces(): Promise<void> {
    const path = { tenant: tenant.code! }
    const query = { size: 200 }
    // events whose check-in is open now started at most a week ago or start within the next half hour
    const today = calendarDate(tenant.timeZone)
    const [stations, merchants, events] = await Promise.all([
      api.GET('/api/t/{tenant}/stations', { params: { path, query } }),
      api.GET('/api/t/{tenant}/merchants', { params: { path, query } }),
      api.GET('/api/t/{tenant}/events', {
        params: { path, query: { from: addDays(today, -7), to: addDays(today, 1), status: 'scheduled', size: 100 } },
      }),
    ])
    const kept = (stations.data?.items ?? []).filter((s) => mine(s.keeper))
    const now = new Date()
    places.value = [
      ...(events.data?.items ?? [])
        .filter((e) => checkInOpen(e, now) && (tenant.can('tenant_admin') || kept.some((s) => s.id === e.station?.id)))
        .map((e) => ({ kind: 'event' as const, id: e.id!, name: e.title! })),
      ...kept.map((s) => ({ kind: 'station' as const, id: s.id!, name: s.name! })),
      ...(merchants.data?.items ?? []).filter((m) => mine(m.keeper)).map((m) => ({ kind: 'merchant' as const, id: m.id!, name: m.name! })),
    ]
    chosen.value = places.value[0] ? key(places.value[0]) : ''
  }

  /** Today's count for the chosen place; "today" is the township's calendar day, not the device's. */
  async function loadToday(): Promise<void> {
    const p = place.value
    today.value = null
    if (!p) return
    const day = calendarDate(tenant.timeZone)
    const params = { path: { tenant: tenant.code!, id: p.id }, query: { from: day, to: day } }
    let count: number | undefined
    if (p.kind === 'event') count = (await api.GET('/api/t/{tenant}/events/{id}', { params: { path: params.path } })).data?.attended
    else if (p.kind === 'station') count = (await api.GET('/api/t/{tenant}/stations/{id}/stats', { params })).data?.total
    else count = (await api.GET('/api/t/{tenant}/merchants/{id}/stats', { params })).data?.total
    // a slower answer for a place chosen before must not show as this place's count
    if (place.value === p) today.value = count ?? 0
  }

  /** Logs the rider's code at the chosen place, or hands over the reward of a redemption code. */
  async function scanned(riderCode: string): Promise<void> {
    const redemption = redemptionCode(riderCode)
    if (redemption) return handOver(redemption)
    const p = place.value
    if (!p || sending.value) return
    sending.value = true
    logged.value = null
    handedOver.value = null
    const params = { path: { tenant: tenant.code!, id: p.id } }
    let ok = false
    try {
      ok = await attempt(async () => {
        const body = { riderCode }
        const { data } =
          p.kind === 'event'
            ? await api.POST('/api/t/{tenant}/events/{id}/attendance', { params, body })
            : p.kind === 'station'
              ? await api.POST('/api/t/{tenant}/stations/{id}/visits', { params, body })
              : await api.POST('/api/t/{tenant}/merchants/{id}/discount-uses', { params, body })
        logged.value = data as ScanLogged
      })
    } finally {
      sending.value = false
    }
    if (ok) {
      entry.value?.clear()
      await loadToday()
    }
  }

  /** Hands over the reward the rider redeemed (the server checks the caller keeps its station). */
  async function handOver(code: string): Promise<void> {
    if (sending.value) return
    sending.value = true
    logged.value = null
    handedOver.value = null
    let ok = false
    try {
      ok = await attempt(async () => {
        const { data } = await api.POST('/api/t/{tenant}/points/redemptions/handover', {
          params: { path: { tenant: tenant.code! } },
          body: { code },
        })
        handedOver.value = data ?? null
      })
    } finally {
      sending.value = false
    }
    if (ok) entry.value?.clear()
  }

  watch(place, () => {
    logged.value = null
    handedOver.value = null
    void loadToday()
  })
  onMounted(loadPlaces)

  return { places, chosen, place, today, logged, handedOver, sending, message, scanned }
}

/** A place's key in a choice (`station:3`). */
export function key(p: ScanPlace): string {
  return `${p.kind}:${p.id}`
}

/** The locale key of a place's count today: visits, discount uses, or an event's check-ins. */
export function todayKey(p: ScanPlace | undefined): string {
  if (p?.kind === 'event') return 'scan.todayAttended'
  return p?.kind === 'merchant' ? 'scan.todayUses' : 'scan.todayVisits'
}

/** The locale key saying a code was logged: 已签到 at an event, 已记录 elsewhere. */
export function loggedKey(p: ScanPlace | undefined): string {
  return p?.kind === 'event' ? 'scan.checkedIn' : 'scan.logged'
}
