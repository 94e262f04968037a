/** How a person is named to the identity provider when staff are invited or regions granted. */
export type HandleKind = 'username' | 'phone' | 'email'

export const HANDLE_KINDS: readonly HandleKind[] = ['phone', 'email', 'username']

/** A person as typed into a form: how they are named, the handle, family and given name. */
export interface PersonForm {
  kind: HandleKind
  handle: string
  family: string
  given: string
}

export function emptyPerson(): PersonForm {
  return { kind: 'phone', handle: '', family: '', given: '' }
}

const HAN = /\p{Script=Han}/u

/**
 * A full name from its parts, family name first: Chinese names unspaced (张 + 建国 → 张建国), others with a space
 * (Lee + Ann → Lee Ann). Blank parts are left out.
 */
export function fullName(family: string, given: string): string {
  const f = family.trim()
  const g = given.trim()
  if (!f || !g) return f || g
  return HAN.test(f) || HAN.test(g) ? f + g : `${f} ${g}`
}

/** Whether the form names someone: a handle and a name. */
export function personComplete(p: PersonForm): boolean {
  return !!p.handle.trim() && !!(p.family.trim() || p.given.trim())
}

/** The API's fields for the person: the handle under its own key, and the full name. */
export function personBody(p: PersonForm): { username?: string; phone?: string; email?: string; name: string } {
  return { [p.kind]: p.handle.trim(), name: fullName(p.family, p.given) }
}
