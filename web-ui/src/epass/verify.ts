import { compactVerify, createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose'

/** What a guard sees: the pass's state and, when it could be read, who and where. */
export type PassResult = 'valid' | 'expired' | 'not_yet_valid' | 'revoked' | 'invalid'

export interface PassCheck {
  result: PassResult
  riderName?: string
  communities?: string[]
  /** Seconds since the epoch. */
  validUntil?: number
}

/** The e-pass claims (see the API's EpassService): typ, jti, sub, name, communities, nbf, exp; issuer the township. */
interface PassClaims {
  typ?: unknown
  name?: unknown
  communities?: unknown
  exp?: number
}

function details(claims: PassClaims): Omit<PassCheck, 'result'> {
  return {
    riderName: typeof claims.name === 'string' ? claims.name : undefined,
    communities: Array.isArray(claims.communities) ? claims.communities.map(String) : undefined,
    validUntil: claims.exp,
  }
}

/**
 * Checks a scanned pass offline: the township's signature (ES256, key by `kid` from its public
 * JWK set), issuer, `typ=epass`, and `nbf`/`exp` against `now`. Revocation needs the API.
 */
export async function verifyPassOffline(
  token: string,
  tenant: string,
  keys: JSONWebKeySet,
  now: Date = new Date(),
): Promise<PassCheck> {
  const jws = token.trim()
  let jwks: ReturnType<typeof createLocalJWKSet>
  let claims: PassClaims
  try {
    jwks = createLocalJWKSet(keys)
    // The signature alone first: a pass out of its validity period still shows whose it is.
    const { payload } = await compactVerify(jws, jwks)
    claims = JSON.parse(new TextDecoder().decode(payload)) as PassClaims
  } catch {
    return { result: 'invalid' }
  }
  if (claims.typ !== 'epass') return { result: 'invalid' }
  try {
    await jwtVerify(jws, jwks, { issuer: tenant, currentDate: now, clockTolerance: 60 })
    return { result: 'valid', ...details(claims) }
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { result: 'expired', ...details(claims) }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
      return { result: 'not_yet_valid', ...details(claims) }
    }
    return { result: 'invalid' }
  }
}

const KEYS_PREFIX = 'fengxing.keys.'

/** The township's public keys as last fetched on this device, so the guard page works offline. */
export function cachedKeys(tenant: string): JSONWebKeySet | null {
  try {
    const stored = localStorage.getItem(KEYS_PREFIX + tenant)
    return stored ? (JSON.parse(stored) as JSONWebKeySet) : null
  } catch {
    return null
  }
}

export function cacheKeys(tenant: string, keys: JSONWebKeySet): void {
  try {
    localStorage.setItem(KEYS_PREFIX + tenant, JSON.stringify(keys))
  } catch {
    // Private mode or full storage: the page still works while online.
  }
}
