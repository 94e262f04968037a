import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { api } from '../api/client'
import { useProblemFields } from '../api/problemFields'
import type { components } from '../api/schema'
import { calendarDate } from '../format'
import { useSessionStore } from '../stores/session'
import { useTenantStore } from '../stores/tenant'
import { redemptionCode } from './redemptionCode'

/** A station or merchant the caller checks riders in for. */
export interface ScanPlace {
  kind: 'station' | 'merchant'
  id: number
  name: string
}

/** What a logged visit or discount use says about the rider. */
export interface ScanLogged {
  rider?: { name?: string; phone?: string }
}

/** A reward handed over: what, and to whom. */
export type ScanHandedOver = components['schemas']['RedemptionView']

/**
 * 扫码核验, the logic shared by the keeper's phone page and the console: the stations and merchants
 * the caller acts for (tenant admins every one, keepers those they keep), the chosen one's count
 * today, and logging a rider's code there (a station visit or a merchant discount use). A reward's
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
    const [stations, merchants] = await Promise.all([
      api.GET('/api/t/{tenant}/stations', { params: { path, query } }),
      api.GET('/api/t/{tenant}/merchants', { params: { path, query } }),
    ])
    places.value = [
      ...(stations.data?.items ?? []).filter((s) => mine(s.keeper)).map((s) => ({ kind: 'station' as const, id: s.id!, name: s.name! })),
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
    const { data } =
      p.kind === 'station'
        ? await api.GET('/api/t/{tenant}/stations/{id}/stats', { params })
        : await api.GET('/api/t/{tenant}/merchants/{id}/stats', { params })
    // a slower answer for a place chosen before must not show as this place's count
    if (place.value === p) today.value = data?.total ?? 0
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
        const { data } =
          p.kind === 'station'
            ? await api.POST('/api/t/{tenant}/stations/{id}/visits', { params, body: { riderCode } })
            : await api.POST('/api/t/{tenant}/merchants/{id}/discount-uses', { params, body: { riderCode } })
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
