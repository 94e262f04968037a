import type { TenantRole } from '../../auth/roles'
import { type PersonForm, personBody } from '../../components/person'

/** The roles a township admin gives and takes on the staff page (riders are managed on the roster). */
export const STAFF_ROLES = ['tenant_admin', 'dispatcher', 'handler', 'station_keeper'] as const satisfies readonly TenantRole[]
export type StaffRole = (typeof STAFF_ROLES)[number]

/** The staff roles among a member's roles, in the page's order. */
export function staffRolesOf(roles: readonly string[] | undefined): StaffRole[] {
  return STAFF_ROLES.filter((r) => roles?.includes(r))
}

/** The invitation's body: the person (one handle, the full name) and the roles. */
export function inviteBody(person: PersonForm, roles: StaffRole[]) {
  return { ...personBody(person), roles: [...roles] }
}

/** A member as the members list gives them: subject, name, roles. */
export interface MemberLike {
  subject?: string
  name?: string | null
  roles?: string[]
}

const BY_NAME = new Intl.Collator('zh-CN')

/**
 * The staff from the members lists of each staff role: everyone once, by name (unnamed last), then subject. Listed by
 * role so that a township's many riders never crowd its staff out of a page.
 */
export function mergeStaff<M extends MemberLike>(lists: readonly (readonly M[])[]): M[] {
  const bySubject = new Map<string, M>()
  for (const list of lists) for (const m of list) if (m.subject) bySubject.set(m.subject, m)
  return [...bySubject.values()]
    .filter((m) => staffRolesOf(m.roles).length > 0)
    .sort((a, b) => {
      if (!a.name !== !b.name) return a.name ? -1 : 1
      return BY_NAME.compare(a.name ?? '', b.name ?? '') || BY_NAME.compare(a.subject ?? '', b.subject ?? '')
    })
}
