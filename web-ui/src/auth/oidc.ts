import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import { publicApi } from '../api/core'
import { i18n } from '../i18n'

/** Carried through the provider's login page: where to land afterwards. */
interface SignInState {
  returnTo: string
}

let manager: Promise<UserManager> | undefined

/** The OIDC client, set up on first use from the settings the API publishes at /api/config. */
function userManager(): Promise<UserManager> {
  manager ??= createUserManager().catch((error: unknown) => {
    manager = undefined
    throw error
  })
  return manager
}

async function createUserManager(): Promise<UserManager> {
  const { data } = await publicApi.GET('/api/config')
  const oidc = data?.oidc
  if (!oidc?.issuer || !oidc.clientId) throw new Error('GET /api/config named no OIDC issuer and client')
  const origin = window.location.origin
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    scope: 'openid profile',
    // Renewal uses the refresh token when the provider issues one (Keycloak does) and a hidden
    // iframe on silent.html otherwise.
    automaticSilentRenew: true,
    silent_redirect_uri: `${origin}/auth/silent.html`,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  })
}

/** The signed-in user with a live access token, renewing an expired one if the session allows. */
export async function currentUser(): Promise<User | null> {
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
  return (await currentUser())?.access_token
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
