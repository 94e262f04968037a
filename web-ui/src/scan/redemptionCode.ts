/** The letters of a redemption code (the server's alphabet: no 0/O, 1/I/L look-alikes). */
const REDEMPTION_CODE = /^[A-Z2-9]{8}$/

/**
 * A scanned or typed code as a reward's redemption code (8 characters from A–Z and 2–9; typed in lower case or with
 * spaces or a dash in the middle, as people read it out), or `null` when it is something else, e.g. a rider's code:
 * a long signed token with dots.
 */
export function redemptionCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase()
  return REDEMPTION_CODE.test(code) ? code : null
}
