import type { components } from '../../api/schema'

export type PointsAction = components['schemas']['PointsAction']
export type PointsEntry = components['schemas']['PointsEntryView']
export type PointsRule = components['schemas']['PointsRuleView']
export type Reward = components['schemas']['RewardView']
export type Redemption = components['schemas']['RedemptionView']
export type Standing = components['schemas']['PointsStanding']
export type LeaderboardRow = components['schemas']['LeaderboardRow']

/** Every action that earns points, in the order the screens list them. */
export const ACTIONS: readonly PointsAction[] = [
  'report_accepted',
  'meeting',
  'training',
  'home_visit',
  'helping',
  'hardship_help',
  'volunteering',
  'manual',
]

/** Statuses of a redemption, as the API names them. */
export const REDEMPTION_STATUSES = ['reserved', 'handed_over', 'cancelled', 'expired'] as const
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number]

/** Points with their sign, as a history shows them: +10, −30 (a true minus sign), 0. */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`
  if (points < 0) return `\u2212${-points}`
  return '0'
}

/** The locale key naming a history line: the action of an award, else the kind (correction, spend, refund). */
export function entryLabelKey(entry: Pick<PointsEntry, 'kind' | 'action'>): string {
  return entry.kind === 'award' && entry.action ? `points.actions.${entry.action}` : `points.kinds.${entry.kind}`
}

/** Why the rider cannot redeem a reward now (`null`: they can): none left, or too few points. */
export function redeemBlock(
  reward: Pick<Reward, 'cost' | 'stock' | 'active'>,
  balance: number | null | undefined,
): 'inactive' | 'stock' | 'balance' | null {
  if (reward.active === false) return 'inactive'
  if ((reward.stock ?? 0) <= 0) return 'stock'
  if (balance === null || balance === undefined || balance < (reward.cost ?? 0)) return 'balance'
  return null
}

/** The rules a rider can earn by now: configured and active, in {@link ACTIONS}' order. */
export function earningRules<T extends Pick<PointsRule, 'action' | 'configured' | 'active'>>(rules: readonly T[]): T[] {
  return rules
    .filter((r) => r.configured && r.active)
    .sort((a, b) => ACTIONS.indexOf(a.action!) - ACTIONS.indexOf(b.action!))
}

/** The township's calendar month (yyyy-MM) at `at`, as the leaderboard asks for it. */
export function calendarMonth(zone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).format(at).slice(0, 7)
}

/** The month before a yyyy-MM month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y! - 1}-12` : `${y}-${String(m! - 1).padStart(2, '0')}`
}

/** Any unique text per request: a UUID where the browser makes one, else time and randomness. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/**
 * Request ids for writes the API makes idempotent (a redemption, an award): one per attempt, kept while the attempt
 * may have reached the server without an answer (no connection, a server error) so the retry is the same request,
 * and dropped once the server has answered, so the next attempt is a new one.
 */
export class RequestIds {
  private readonly ids = new Map<string, string>()

  constructor(private readonly make: () => string = newRequestId) {}

  /** The id of the attempt for `key`: the one of the unanswered attempt before, or a new one. */
  for(key: string): string {
    let id = this.ids.get(key)
    if (!id) {
      id = this.make()
      this.ids.set(key, id)
    }
    return id
  }

  /** After the server answered `status` (0: no answer): keeps the id for a retry only when the answer is unknown. */
  answered(key: string, status: number): void {
    if (status !== 0 && status < 500) this.ids.delete(key)
  }
}

/** The points area's screens: 我的爱心存折 (`book`, the area's own address) and those under it. */
export type PointsPage = 'book' | 'history' | 'rewards' | 'redemptions' | 'leaderboard'

/** The route to a screen of the points area. */
export function pointsRoute(tenant: string | null, page: PointsPage = 'book') {
  return { name: 'rider-points', params: { tenant, page: page === 'book' ? '' : page } }
}
