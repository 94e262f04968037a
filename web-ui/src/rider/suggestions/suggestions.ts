import { api } from '../../api/client'

// Suggestions 意见建议, shared by the rider's screens and the console's.

/** What a suggestion is about, in the order the form offers them. */
export const CATEGORIES = ['work_conditions', 'rights', 'stations', 'delivery', 'community', 'other'] as const
export type SuggestionCategory = (typeof CATEGORIES)[number]

/** received 已收到 → answered 已答复 → adopted 已采纳 / not_adopted 未采纳. */
export const STATES = ['received', 'answered', 'adopted', 'not_adopted'] as const
export type SuggestionState = (typeof STATES)[number]

/** Vant / Element Plus tag colours by state: waiting, answered, adopted, not adopted. */
export const STATE_TAGS: Record<SuggestionState, 'warning' | 'primary' | 'success' | 'default'> = {
  received: 'warning',
  answered: 'primary',
  adopted: 'success',
  not_adopted: 'default',
}

/** Element Plus's tag type of a state (it calls the plain one info). */
export function consoleTag(state: SuggestionState): 'warning' | 'primary' | 'success' | 'info' {
  const tag = STATE_TAGS[state]
  return tag === 'default' ? 'info' : tag
}

/** Longest text a suggestion (and an answer) may have. */
export const MAX_TEXT = 1000

/** A suggestion's photo (or its thumbnail): it needs the bearer token, so an <img src> cannot load it itself. */
export async function fetchSuggestionPhoto(tenant: string, id: number, thumb: boolean): Promise<Blob> {
  const { data } = await api.GET('/api/t/{tenant}/suggestions/{id}/photo', {
    params: { path: { tenant, id }, query: thumb ? { size: 'thumb' } : {} },
    parseAs: 'blob',
  })
  return data as Blob
}
