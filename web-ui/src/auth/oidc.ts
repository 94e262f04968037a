import type { User, UserManager } from 'oidc-client-ts'
import { publicApi } from '../api/core'
import { i18n } from '../i18n'

/** Carried through the provider's login page: where to land afterwards. */
interface SignInState {
  returnTo: string
}

interface OidcSettings {
  issuer: string
  clientId: string
}

/** Time left on a stored access token below which it is renewed before use, in seconds. */
const RENEW_BEFORE_EXPIRY = 30

let settings: Promise<OidcSettings> | undefined
let manager: Promise<UserManager> | undefined

/** The sign-in settings the API publishes at /api/config, fetched once. */
function oidcSettings(): Promise<OidcSettings> {
  settings ??= publicApi.GET('/api/config').then(({ data }) => {
    const oidc = data?.oidc
    if (!oidc?.issuer || !oidc.clientId) throw new Error('GET /api/config named no OIDC issuer and client')
    return { issuer: oidc.issuer, clientId: oidc.clientId }
  })
  settings.catch(() => (settings = undefined))
  return settings
}

/** The OIDC client, loaded (its own chunk) and set up on first use. */
function userManager(): Promise<UserManager> {
  manager ??= createUserManager().catch((error: unknown) => {
    manager = undefined
    throw error
  })
  return manager
}

async function createUserManager(): Promise<UserManager> {
  const [{ issuer, clientId }, { UserManager, WebStorageStateStore }] = await Promise.all([
    oidcSettings(),
    import('oidc-client-ts'),
  ])
  const origin = window.location.origin
  return new UserManager({
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    scope: 'openid profile',
    // Renewal uses the refresh token when the provider issues one (Keycloak does) and a hidden
    // iframe on silent.html otherwise.
    automaticSilentRenew: true,
    silent_redirect_uri: `${origin}/auth/silent.html`,
    // In localStorage, so a new tab reuses the session instead of a round trip through the login page.
    userStore: new WebStorageStateStore({ store: window.localStorage }),
  })
}

/**
 * The access token the OIDC client keeps, read straight from its store while it has a while to live: a page opened
 * with a session renders without waiting for the client's code, which loads when a token needs renewing.
 */
async function storedAccessToken(): Promise<string | undefined> {
  const { issuer, clientId } = await oidcSettings()
  try {
    const stored = JSON.parse(localStorage.getItem(`oidc.user:${issuer}:${clientId}`) ?? 'null') as {
      access_token?: string
      expires_at?: number
    } | null
    const fresh = (stored?.expires_at ?? 0) - Date.now() / 1000 > RENEW_BEFORE_EXPIRY
    return fresh ? stored?.access_token : undefined
  } catch {
    return undefined
  }
}

/** The signed-in user with a live access token, renewing an expired one if the session allows. */
async function currentUser(): Promise<User | null> {
  const um = await userManager()
  const user = await um.getUser()
  if (!user || !user.expired) return user
  try {
    return await um.signinSilent()
  } catch {
    await um.removeUser()
    return null
  }
}

export async function accessToken(): Promise<string | undefined> {
  return (await storedAccessToken()) ?? (await currentUser())?.access_token
}

/** Whether someone is signed in, with a live access token (renewed if it had expired). */
export async function isSignedIn(): Promise<boolean> {
  return (await accessToken()) !== undefined
}

/** Leaves for the provider's login page (in the UI's language); comes back to `returnTo`. */
export async function signIn(returnTo: string): Promise<void> {
  const state: SignInState = { returnTo }
  await (await userManager()).signinRedirect({ state, ui_locales: i18n.global.locale.value })
}

/** Completes a sign-in on /auth/callback; returns where to go next. */
export async function completeSignIn(): Promise<string> {
  const user = await (await userManager()).signinRedirectCallback()
  const returnTo = (user.state as SignInState | undefined)?.returnTo
  // Only paths inside the app: never an absolute URL smuggled into the state.
  return returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/'
}

/** Ends the session at the provider too, which then sends the browser to the landing page. */
export async function signOut(): Promise<void> {
  await (await userManager()).signoutRedirect()
}
