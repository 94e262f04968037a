import createClient, { type Middleware } from 'openapi-fetch'
import { i18n } from '../i18n'
import type { components, paths } from './schema'

// schema.d.ts is generated from openapi.json, the API's own document (`npm run gen`).
type Schemas = components['schemas']
export type TenantProfile = Schemas['TenantProfile']
export type Me = Schemas['MeView']

/** An RFC 9457 problem as the API sends it (`application/problem+json`), localised by Accept-Language. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  errors?: { field: string; message: string }[]
}

/**
 * Every failed API call rejects with this: a problem from the API, an error response without one,
 * or no response at all (status 0). Its message is fit to show to people.
 */
export class ApiProblem extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail || problem.title)
    this.name = 'ApiProblem'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }
}

const PROBLEM_JSON = 'application/problem+json'

/** Asks for the UI's language and turns failures into {@link ApiProblem}s. */
const localeAndProblems: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.global.locale.value)
  },
  async onResponse({ response }) {
    if (response.ok) return
    const { t } = i18n.global
    if (response.headers.get('Content-Type')?.startsWith(PROBLEM_JSON)) {
      throw new ApiProblem((await response.json()) as Problem)
    }
    throw new ApiProblem({
      type: 'about:blank',
      title: t('errors.http', { status: response.status }),
      status: response.status,
    })
  },
  onError() {
    const { t } = i18n.global
    return new ApiProblem({ type: 'about:blank', title: t('errors.network'), status: 0 })
  },
}

/** A client for the API at `baseUrl` (by default the page's own origin, which serves the API). */
export function createApiClient(baseUrl = '') {
  const client = createClient<paths>({ baseUrl })
  client.use(localeAndProblems)
  return client
}

/** For the operations that need no token (sign-in settings, township profiles). */
export const publicApi = createApiClient()
