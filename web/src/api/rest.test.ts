import { describe, expect, it, vi } from 'vitest'
import { BAD_RESPONSE, NETWORK_ERROR, RestClient, RestError } from './rest'

function reply(status: number, body: unknown): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(text, { status, headers: { 'Content-Type': 'application/json' } })
}

describe('RestClient', () => {
  it('posts JSON to /rest/<method> and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => reply(200, { result: [{ ID: '1' }], total: 1, time: {} }))
    const client = new RestClient('/rest', fetchImpl)
    const page = await client.call('user.get', { FILTER: { ACTIVE: true } })
    expect(page.result).toEqual([{ ID: '1' }])
    expect(page.total).toBe(1)
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/rest/user.get')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(JSON.parse(String(init.body))).toEqual({ FILTER: { ACTIVE: true } })
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
  })

  it('sends the CSRF token once it is known', async () => {
    const fetchImpl = vi.fn(async () => reply(200, { result: true }))
    const client = new RestClient('/rest', fetchImpl)
    client.csrf = 'abc123'
    await client.result('user.update', { ID: '1' })
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc123')
  })

  it('turns an error envelope into a RestError with the server sentence', async () => {
    const client = new RestClient('/rest', async () =>
      reply(400, {
        error: 'DEPARTMENT_NOT_EMPTY',
        error_description: 'The department still has 2 employees.',
      }),
    )
    const error = await client.result('department.delete', { ID: '3' }).catch((e) => e)
    expect(error).toBeInstanceOf(RestError)
    expect(error.code).toBe('DEPARTMENT_NOT_EMPTY')
    expect(error.description).toBe('The department still has 2 employees.')
    expect(error.status).toBe(400)
    expect(error.message).toBe('The department still has 2 employees.')
  })

  it('keeps the field an ERROR_ARGUMENT answer names', async () => {
    const client = new RestClient('/rest', async () =>
      reply(400, {
        error: 'ERROR_ARGUMENT',
        error_description: 'The task needs a title.',
        argument: 'TITLE',
      }),
    )
    const error = await client.result('tasks.task.add', { fields: {} }).catch((e) => e)
    expect(error.argument).toBe('TITLE')
  })

  it('reports a non-JSON answer as BAD_RESPONSE with the status', async () => {
    const client = new RestClient('/rest', async () => reply(502, '<html>Bad gateway</html>'))
    const error = await client.result('user.get').catch((e) => e)
    expect(error).toBeInstanceOf(RestError)
    expect(error.code).toBe(BAD_RESPONSE)
    expect(error.status).toBe(502)
  })

  it('reports a failed fetch as NETWORK_ERROR', async () => {
    const client = new RestClient('/rest', async () => {
      throw new TypeError('Failed to fetch')
    })
    const error = await client.result('user.get').catch((e) => e)
    expect(error.code).toBe(NETWORK_ERROR)
    expect(error.status).toBe(0)
  })

  it('tells the app when a logged-in call gets 401', async () => {
    const client = new RestClient('/rest', async () =>
      reply(401, { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' }),
    )
    const onUnauthorized = vi.fn()
    client.onUnauthorized = onUnauthorized
    await client.result('user.get').catch(() => undefined)
    expect(onUnauthorized).not.toHaveBeenCalled() // not logged in: a plain failed call
    client.csrf = 'token'
    await client.result('user.get').catch(() => undefined)
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('does not end the session for a 401 about something else', async () => {
    const client = new RestClient('/rest', async () =>
      reply(401, { error: 'INVALID_CREDENTIALS', error_description: 'Wrong password.' }),
    )
    const onUnauthorized = vi.fn()
    client.onUnauthorized = onUnauthorized
    client.csrf = 'token'
    const error = await client.result('artel.password.change').catch((e) => e)
    expect(error.description).toBe('Wrong password.')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('follows next to read every page of a list', async () => {
    const pages: Record<number, unknown> = {
      0: { result: [{ ID: '1' }, { ID: '2' }], total: 3, next: 2 },
      2: { result: [{ ID: '3' }], total: 3 },
    }
    const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
      const start = JSON.parse(String(init.body)).start as number
      return reply(200, pages[start])
    })
    const client = new RestClient('/rest', fetchImpl)
    const all = await client.all<{ ID: string }>('department.get')
    expect(all.map((d) => d.ID)).toEqual(['1', '2', '3'])
    expect(fetchImpl).toHaveBeenCalledTimes(2)
  })
})
