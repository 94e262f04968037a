import type { TenantRole } from '../auth/roles'
import type { MessagePart } from '../i18n'

/** The console's sidebar, in order. Each later screen replaces its section's placeholder. */
export const CONSOLE_SECTIONS = [
  { key: 'dispatch', roles: ['dispatcher', 'tenant_admin'] },
  { key: 'tasks', roles: ['handler', 'dispatcher'] },
  { key: 'figures', roles: ['tenant_admin', 'dispatcher'] },
  { key: 'scan', roles: ['station_keeper', 'tenant_admin'] },
  { key: 'grids', roles: ['tenant_admin'] },
  { key: 'riders', roles: ['tenant_admin', 'dispatcher'] },
  { key: 'stations', roles: ['tenant_admin'] },
  { key: 'passes', roles: ['tenant_admin'] },
  { key: 'merchants', roles: ['tenant_admin'] },
  // dispatchers award points by hand; the rest (rules, approvals, rewards, the ledger) is the admins'
  { key: 'points', roles: ['tenant_admin', 'dispatcher'] },
  // admins organise 活动; keepers show the code of and check riders in at their station's; the others read
  { key: 'events', roles: ['tenant_admin', 'dispatcher', 'handler', 'station_keeper'] },
  // the duty desk records and answers suggestions; only admins decide whether one is adopted
  { key: 'suggestions', roles: ['tenant_admin', 'dispatcher'] },
  // who received aid, amounts and policy numbers are personal data: the admins' only
  { key: 'care', roles: ['tenant_admin'] },
  // 捎带手: grid workers (handlers) see the elders and alerts of their own communities, the admins the township's
  { key: 'pairing', roles: ['tenant_admin', 'handler'] },
  { key: 'reportSettings', roles: ['tenant_admin'] },
  { key: 'staff', roles: ['tenant_admin'] },
  { key: 'audit', roles: ['tenant_admin'] },
  { key: 'branding', roles: ['tenant_admin'] },
] as const satisfies readonly { key: string; roles: readonly TenantRole[] }[]

/** Route name `console-<key>`, path segment `<key>`, locale key `console.sections.<key>`. */
export type SectionKey = (typeof CONSOLE_SECTIONS)[number]['key']

/** Roles that open the console at all. */
export const CONSOLE_ROLES: readonly TenantRole[] = [...new Set(CONSOLE_SECTIONS.flatMap((s) => s.roles))]

/** Sections whose screens show messages beyond the console's (which the console layout's route loads). */
const SECTION_MESSAGES: Partial<Record<SectionKey, readonly MessagePart[]>> = {
  points: ['console', 'points'],
  events: ['console', 'events'],
  suggestions: ['console', 'suggestions'],
  // the care screens pick riders with the points' rider picker, whose messages are the points'
  care: ['console', 'points', 'care'],
  // pairings pick riders with the same picker
  pairing: ['console', 'points', 'pairing'],
}

/**
 * A section route's meta: its title, roles and, only where the section needs more than the console's messages,
 * `messages` (an undefined one would hide the console layout's in the merged meta).
 */
export function sectionMeta(section: (typeof CONSOLE_SECTIONS)[number]) {
  const messages = SECTION_MESSAGES[section.key]
  return {
    titleKey: `console.sections.${section.key}`,
    roles: section.roles,
    ...(messages ? { messages } : {}),
  }
}
