import type { Message } from './inboxStore'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** Kinds the apps word; a message of another kind (a newer server) reads as a plain "new message". */
const KINDS = ['report_escalated', 'pairing_alert', 'pairing_alert_escalated', 'pairing_alert_followed_up']

/**
 * What a message says, worded from its kind and parameters in the current language (locale part notifications):
 * codes among the parameters (step, reason, outcome) become words, and a missing name a dash.
 */
export function messageText(t: Translate, message: Pick<Message, 'kind' | 'params'>): string {
  const p = message.params ?? {}
  const kind = message.kind as string
  if (!KINDS.includes(kind)) return t('notifications.kinds.unknown')
  const named: Record<string, string> = {
    category: p.category || '—',
    community: p.community || t('notifications.noCommunity'),
    elder: p.elder || '—',
    days: p.days ?? '',
  }
  if (p.step) named.step = t(`notifications.steps.${p.step === 'resolve' ? 'resolve' : 'dispatch'}`)
  if (p.outcome) named.outcome = t(`notifications.outcomes.${OUTCOMES.has(p.outcome) ? p.outcome : 'other'}`)
  if (kind === 'pairing_alert' || kind === 'pairing_alert_escalated') {
    return t(`notifications.kinds.${kind}.${p.reason === 'needs_help' ? 'needs_help' : 'streak'}`, named)
  }
  return t(`notifications.kinds.${kind}`, named)
}

const OUTCOMES = new Set(['safe', 'helped', 'hospital', 'family', 'other'])

/**
 * The app route a message opens, in the township: console links (`/console/…`) and rider links (`/rider/…`, the
 * rider app's pages under the township) as the server wrote them; anything else (not an app route) opens nothing.
 */
export function messageRoute(tenant: string, link: string | null | undefined): string | null {
  if (!link || !/^\/(console|rider)(\/|\?|$)/.test(link)) return null
  const base = `/t/${encodeURIComponent(tenant)}`
  return link.startsWith('/console') ? base + link : base + link.slice('/rider'.length)
}
