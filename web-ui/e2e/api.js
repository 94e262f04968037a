// @ts-check
/**
 * Direct API calls for setting up browser tests: tokens from the OIDC provider (the demo users by
 * the password grant of the web client, the operator by the tenant-admin client's credentials).
 */
import { BASE_URL, issuer } from './harness.js'

/**
 * @param {Record<string, string>} form
 * @returns {Promise<string>}
 */
async function token(form) {
  const response = await fetch(`${await issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  })
  if (!response.ok) throw new Error(`token ${form.grant_type}: ${response.status} ${await response.text()}`)
  return (await response.json()).access_token
}

/** @param {string} username a demo user (password fengxing) */
export function userToken(username) {
  return token({ grant_type: 'password', client_id: 'fengxing-web', username, password: 'fengxing', scope: 'openid' })
}

export function operatorToken() {
  return token({ grant_type: 'client_credentials', client_id: 'tenant-admin', client_secret: 'tenant-admin-secret' })
}

/**
 * A token of the local stack's Keycloak bootstrap admin (env KEYCLOAK_ADMIN_USERNAME and
 * KEYCLOAK_ADMIN_PASSWORD, default admin/admin as in deploy/local's DemoRealm), and where the demo
 * realm's users are in its admin API.
 * @returns {Promise<{ token: string, users: string }>}
 */
async function keycloakAdmin() {
  const realm = new URL(await issuer())
  const admin = await fetch(`${realm.origin}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env.KEYCLOAK_ADMIN_USERNAME ?? 'admin',
      password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
    }),
  })
  if (!admin.ok) throw new Error(`Keycloak admin token: ${admin.status} ${await admin.text()}`)
  const realmName = realm.pathname.split('/').pop()
  return { token: (await admin.json()).access_token, users: `${realm.origin}/admin/realms/${realmName}/users` }
}

/**
 * A new identity at the OIDC provider, member of no township: someone about to sign up as a rider.
 * Made through Keycloak's admin API with the local stack's bootstrap admin.
 * @param {string} [suffix] tells apart several new identities of one run
 * @returns {Promise<{ username: string, password: string }>}
 */
export async function newAccount(suffix = '') {
  const admin = await keycloakAdmin()
  const username = `new-rider-${RUN.toString(36)}${suffix}`
  const password = 'fengxing'
  const created = await fetch(admin.users, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username,
      enabled: true,
      firstName: '新',
      lastName: '骑手',
      email: `${username}@example.com`,
      emailVerified: true,
      credentials: [{ type: 'password', value: password, temporary: false }],
    }),
  })
  if (created.status !== 201) throw new Error(`Keycloak new user: ${created.status} ${await created.text()}`)
  return { username, password }
}

/**
 * The accounts at the OIDC provider with exactly this username (none or one), as Keycloak's admin
 * API lists them.
 * @param {string} username
 * @returns {Promise<{ id: string, username: string, enabled: boolean, firstName?: string, lastName?: string, requiredActions?: string[] }[]>}
 */
export async function accounts(username) {
  const admin = await keycloakAdmin()
  const response = await fetch(`${admin.users}?exact=true&username=${encodeURIComponent(username)}`, {
    headers: { Authorization: `Bearer ${admin.token}` },
  })
  if (!response.ok) throw new Error(`Keycloak users: ${response.status} ${await response.text()}`)
  return response.json()
}

/**
 * Calls the API and returns the JSON answer; fails the test on an error status.
 * @param {string} accessToken
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body] sent as JSON, or as multipart/form-data when it is a FormData
 */
export async function call(accessToken, method, path, body) {
  const multipart = body instanceof FormData
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${accessToken}`,
      ...(multipart ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined || multipart ? /** @type {FormData | undefined} */ (body) : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.status === 204 ? null : response.json()
}

/** Subjects of the demo users (deploy/demo/tenants). */
export const SUBJECTS = {
  ningxiangAdmin: '00000000-0000-4000-8000-000000000101',
  ningxiangHandler: '00000000-0000-4000-8000-000000000202',
  ningxiangKeeper: '00000000-0000-4000-8000-000000000203',
  rider: '00000000-0000-4000-8000-000000000204',
  gongchengAdmin: '00000000-0000-4000-8000-000000000104',
}

/** A number unique to this run, for codes, names and phones. */
export const RUN = Date.now()

/**
 * Makes the demo `rider` an active rider of the township (the demo manifests already do so in
 * ningxiang and beidajie): registers them (idempotent) and has the township's admin approve a
 * pending record.
 * @param {string} tenant
 * @param {string} adminUsername
 */
export async function ensureActiveRider(tenant, adminUsername) {
  const rider = await call(await userToken('rider'), 'POST', `/api/t/${tenant}/riders/registration`, {
    name: '郑小龙',
    phone: `136${String(RUN % 1e8).padStart(8, '0')}`,
    platform: 'meituan',
  })
  if (rider.status === 'pending') {
    await call(await userToken(adminUsername), 'POST', `/api/t/${tenant}/riders/${rider.id}/approve`)
  }
}

