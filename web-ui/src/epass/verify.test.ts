import { base64url, exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyPassOffline } from './verify'

const NOW = new Date('2026-11-22T08:00:00Z')
const seconds = (date: Date) => Math.floor(date.getTime() / 1000)
const DAY = 86_400

let keys: JSONWebKeySet
let sign: (claims: Record<string, unknown>, nbf: number, exp: number, issuer?: string) => Promise<string>

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true })
  keys = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] }
  sign = (claims, nbf, exp, issuer = 'ningxiang') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(issuer)
      .setJti('8b0c2f7e-0000-4000-8000-000000000001')
      .setSubject('42')
      .setNotBefore(nbf)
      .setExpirationTime(exp)
      .sign(pair.privateKey)
})

const pass = { typ: 'epass', name: '张三', communities: ['幸福里'] }

describe('verifyPassOffline', () => {
  it('accepts a pass in its validity period, with whose it is and where', async () => {
    const token = await sign(pass, seconds(NOW) - DAY, seconds(NOW) + DAY)
    expect(await verifyPassOffline(token, 'ningxiang', keys, NOW)).toEqual({
      result: 'valid',
      riderName: '张三',
      communities: ['幸福里'],
      validUntil: seconds(NOW) + DAY,
    })
  })

  it('tells expired from not yet valid', async () => {
    const expired = await sign(pass, seconds(NOW) - 2 * DAY, seconds(NOW) - DAY)
    const early = await sign(pass, seconds(NOW) + DAY, seconds(NOW) + 2 * DAY)
    expect((await verifyPassOffline(expired, 'ningxiang', keys, NOW)).result).toBe('expired')
    expect((await verifyPassOffline(early, 'ningxiang', keys, NOW)).result).toBe('not_yet_valid')
  })

  it('rejects another type, another township, a forged signature and rubbish', async () => {
    const valid = [seconds(NOW) - DAY, seconds(NOW) + DAY] as const
    const other = await sign({ ...pass, typ: 'ticket' }, ...valid)
    const elsewhere = await sign(pass, ...valid, 'beidajie')
    const token = await sign(pass, ...valid)
    const [header, , signature] = token.split('.')
    const forged = [header, base64url.encode(JSON.stringify({ ...pass, name: '李四' })), signature].join('.')
    for (const bad of [other, elsewhere, forged, 'not a pass']) {
      expect((await verifyPassOffline(bad, 'ningxiang', keys, NOW)).result).toBe('invalid')
    }
  })
})
