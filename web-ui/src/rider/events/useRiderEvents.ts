import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showSuccessToast } from 'vant'
import 'vant/es/toast/style'
import { api } from '../../api/client'
import { useTenantStore } from '../../stores/tenant'
import type { EventView } from './events'
import { confirmed } from '../confirm'

/**
 * The rider's 活动: upcoming events and mine, each with my sign-up; signing up (or onto the waitlist) and taking it
 * back. Refusals (closed, cancelled, started) propagate to the rider layout's toast.
 */
export function useRiderEvents() {
  const { t } = useI18n()
  const tenant = useTenantStore()
  const upcoming = ref<EventView[] | null>(null)
  const mine = ref<EventView[] | null>(null)
  /** The event whose sign-up is being sent. */
  const busy = ref<number | null>(null)

  const path = () => ({ tenant: tenant.code! })

  async function load(): Promise<void> {
    const [next, my] = await Promise.all([
      api.GET('/api/t/{tenant}/events/upcoming', { params: { path: path() } }),
      api.GET('/api/t/{tenant}/events/mine', { params: { path: path() } }),
    ])
    upcoming.value = next.data ?? []
    mine.value = my.data ?? []
  }

  /** Puts the server's new view of an event in both lists (mine gains it when I signed up). */
  function replace(event: EventView): void {
    const swap = (list: EventView[] | null) => list?.map((e) => (e.id === event.id ? event : e)) ?? null
    upcoming.value = swap(upcoming.value)
    if (mine.value && !mine.value.some((e) => e.id === event.id)) mine.value = [event, ...mine.value]
    else mine.value = swap(mine.value)
  }

  async function signUp(event: EventView): Promise<EventView | undefined> {
    busy.value = event.id!
    try {
      const { data } = await api.POST('/api/t/{tenant}/events/{id}/signup', { params: { path: { ...path(), id: event.id! } } })
      if (!data) return undefined
      replace(data)
      showSuccessToast(
        data.mine?.status === 'waitlisted'
          ? t('events.waitlistedToast', { n: data.mine.waitlistPosition ?? '' })
          : t('events.signedUpToast'),
      )
      return data
    } finally {
      busy.value = null
    }
  }

  async function cancel(event: EventView): Promise<EventView | undefined> {
    if (!(await confirmed(t('events.confirmCancel', { title: event.title })))) return undefined
    busy.value = event.id!
    try {
      const { data } = await api.DELETE('/api/t/{tenant}/events/{id}/signup', { params: { path: { ...path(), id: event.id! } } })
      if (!data) return undefined
      replace(data)
      showSuccessToast(t('events.cancelledToast'))
      return data
    } finally {
      busy.value = null
    }
  }

  return { upcoming, mine, busy, load, replace, signUp, cancel }
}
