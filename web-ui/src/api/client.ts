import type { Middleware } from 'openapi-fetch'
import { accessToken, signIn } from '../auth/oidc'
import { createApiClient } from './core'

export { ApiProblem, type Me, type Problem } from './core'

/** Sends the signed-in user's access token; a 401 (token gone or revoked) signs in again. */
const bearerToken: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
  },
  onResponse({ response }) {
    if (response.status === 401) void signIn(window.location.pathname + window.location.search)
  },
}

/**
 * The typed API client: `await api.GET('/api/t/{tenant}/grids', { params: { path: { tenant } } })`.
 * A call that fails rejects with an {@link ApiProblem}; the rider and console layouts show it
 * (toast, message) when a screen lets it propagate.
 */
export const api = createApiClient()
api.use(bearerToken)
