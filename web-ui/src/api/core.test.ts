import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n'
import { ApiProblem, createApiClient, type Problem } from './core'

const ORIGIN = 'http://api.test'

function respond(status: number, body: unknown, contentType: string): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })))
}

async function failure(call: Promise<unknown>): Promise<ApiProblem> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiProblem)
  return error as ApiProblem
}

afterEach(async () => {
  vi.unstubAllGlobals()
  await setLocale('zh-CN')
})

describe('API client', () => {
  it('asks for the UI language', async () => {
    respond(200, { subject: 's' }, 'application/json')
    await setLocale('en')
    const { data } = await createApiClient(ORIGIN).GET('/api/me')
    expect(data?.subject).toBe('s')
    const request = vi.mocked(fetch).mock.calls[0]![0] as Request
    expect(request.headers.get('Accept-Language')).toBe('en')
  })

  it('turns a problem response into an ApiProblem with its fields', async () => {
    const problem: Problem = {
      type: 'urn:fengxing:problem:validation',
      title: '输入有误',
      status: 400,
      detail: '有 1 处输入需要修改。',
      errors: [{ field: 'name', message: '不能为空' }],
    }
    respond(400, problem, 'application/problem+json')
    const error = await failure(createApiClient(ORIGIN).GET('/api/me'))
    expect(error.problem).toEqual(problem)
    expect(error.status).toBe(400)
    expect(error.message).toBe('有 1 处输入需要修改。')
  })

  it('gives an error response without a problem a message in the UI language', async () => {
    respond(502, { oops: true }, 'text/html')
    const error = await failure(createApiClient(ORIGIN).GET('/api/me'))
    expect(error.status).toBe(502)
    expect(error.message).toBe('服务出错了（502），请稍后再试。')
  })

  it('reports no connection as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = await failure(createApiClient(ORIGIN).GET('/api/me'))
    expect(error.status).toBe(0)
    expect(error.message).toBe('网络连接失败，请检查网络后再试。')
  })
})
