/**
 * The REST client: every call is `POST /rest/<method>` with a JSON body, the session
 * cookie, and (after login) the CSRF token. Errors come back as RestError carrying the
 * server's code and its sentence for a person.
 */

export interface RestEnvelope<T> {
  result: T
  total?: number
  next?: number
  time?: unknown
}

export type RestParams = Record<string, unknown>

export class RestError extends Error {
  readonly code: string
  readonly description: string
  readonly status: number
  /** The field an ERROR_ARGUMENT answer names (`argument`), so a form can show it there. */
  readonly argument: string

  constructor(code: string, description: string, status: number, argument = '') {
    super(description || code)
    this.name = 'RestError'
    this.code = code
    this.description = description
    this.status = status
    this.argument = argument
  }
}

/** Codes the client itself produces when there is no server answer to show. */
export const NETWORK_ERROR = 'NETWORK_ERROR'
export const BAD_RESPONSE = 'BAD_RESPONSE'

/** 401 codes that mean the session itself is gone (not, say, a wrong current password). */
const SESSION_ENDED = new Set(['NO_AUTH_FOUND', 'INVALID_CSRF', 'expired_token'])

type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export class RestClient {
  csrf: string | null = null
  /** Called when a call made while logged in gets 401 (the session ended elsewhere). */
  onUnauthorized: ((error: RestError) => void) | null = null

  private readonly base: string
  private readonly fetchImpl: FetchLike

  constructor(base = '/rest', fetchImpl?: FetchLike) {
    this.base = base
    this.fetchImpl = fetchImpl ?? ((input, init) => fetch(input, init))
  }

  /** Calls a method and returns the whole envelope (result, total, next). */
  async call<T>(method: string, params: RestParams = {}): Promise<RestEnvelope<T>> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    }
    if (this.csrf) headers['X-CSRF-Token'] = this.csrf

    let response: Response
    try {
      response = await this.fetchImpl(`${this.base}/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify(params),
      })
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause)
      throw new RestError(NETWORK_ERROR, detail, 0)
    }

    let body: unknown = null
    const text = await response.text()
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        body = null
      }
    }

    if (isErrorBody(body)) {
      const error = new RestError(
        body.error,
        body.error_description ?? '',
        response.status,
        typeof body.argument === 'string' ? body.argument : '',
      )
      if (
        response.status === 401 &&
        SESSION_ENDED.has(error.code) &&
        this.csrf &&
        this.onUnauthorized
      )
        this.onUnauthorized(error)
      throw error
    }
    if (!response.ok || !isEnvelope(body)) {
      throw new RestError(BAD_RESPONSE, `HTTP ${response.status}`, response.status)
    }
    return body as RestEnvelope<T>
  }

  /** Calls a method and returns only `result`. */
  async result<T>(method: string, params: RestParams = {}): Promise<T> {
    return (await this.call<T>(method, params)).result
  }

  /** Reads every page of a list method (50 a page), following `next`. */
  async all<T>(method: string, params: RestParams = {}, limit = 5000): Promise<T[]> {
    const items: T[] = []
    let start: number | undefined = 0
    while (start !== undefined && items.length < limit) {
      const page: RestEnvelope<T[]> = await this.call<T[]>(method, { ...params, start })
      items.push(...(page.result ?? []))
      start = typeof page.next === 'number' && page.next > start ? page.next : undefined
    }
    return items
  }
}

function isErrorBody(
  body: unknown,
): body is { error: string; error_description?: string; argument?: unknown } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error?: unknown }).error === 'string'
  )
}

function isEnvelope(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'result' in body
}

export const rest = new RestClient()
