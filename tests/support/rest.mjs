// A small fetch-based REST client for the tests. Nothing here throws on an HTTP error status:
// every call resolves to { status, headers, body, text } so tests can assert error envelopes.
//
//   const admin = await session(portal.url, { login, password })   // logs in via artel.login
//   const r = await admin.call('user.get', { FILTER: { ACTIVE: true } })
//   const h = hook(await portal.webhook(['user']))                  // 'http://…/rest/1/TOKEN'
//   const r2 = await h.call('user.current')

// PHP-style form encoding, as qs does it: fields[TITLE]=x, select[0]=ID, filter[>ID]=5.
export function phpPairs(value, prefix = '', out = []) {
  if (value === undefined) return out
  if (value === null) {
    out.push([prefix, ''])
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => phpPairs(v, `${prefix}[${i}]`, out))
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) phpPairs(v, prefix ? `${prefix}[${k}]` : k, out)
  } else if (typeof value === 'boolean') {
    out.push([prefix, value ? 'true' : 'false'])
  } else {
    out.push([prefix, String(value)])
  }
  return out
}

export function phpQuery(params = {}) {
  return new URLSearchParams(phpPairs(params)).toString()
}

function parseBody(text) {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

// A raw HTTP request. body: a string, Buffer or URLSearchParams (sent as is).
export async function request(
  url,
  { method = 'GET', headers = {}, body, redirect = 'manual' } = {},
) {
  const res = await fetch(url, { method, headers, body, redirect })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: parseBody(text), text }
}

// How one REST call travels:
//   transport 'json' (default): POST with a JSON body
//   transport 'form': POST application/x-www-form-urlencoded with PHP nesting
//   transport 'get':  GET with the parameters in the query string (PHP nesting)
// suffix: '' | '.json' | '/' appended to the method; query: extra query parameters.
function buildCall(base, method, params, opts) {
  const { transport = 'json', suffix = '', query, headers = {} } = opts
  let url = `${base}/${method}${suffix}`
  const qs = []
  if (query) qs.push(typeof query === 'string' ? query : phpQuery(query))
  const init = { method: 'POST', headers: { accept: 'application/json', ...headers } }
  if (transport === 'get') {
    init.method = 'GET'
    const q = phpQuery(params ?? {})
    if (q) qs.push(q)
  } else if (transport === 'form') {
    init.headers['content-type'] = 'application/x-www-form-urlencoded'
    init.body = phpQuery(params ?? {})
  } else {
    init.headers['content-type'] = 'application/json'
    init.body = JSON.stringify(params ?? {})
  }
  if (qs.length) url += `?${qs.join('&')}`
  return { url, init }
}

// Calls through an incoming webhook: baseUrl is 'http://127.0.0.1:P/rest/1/TOKEN'.
export function hook(baseUrl) {
  const base = baseUrl.replace(/\/+$/, '')
  return {
    base,
    async call(method, params = {}, opts = {}) {
      const { url, init } = buildCall(base, method, params, opts)
      return request(url, init)
    },
  }
}

function sessionCookie(headers) {
  for (const line of headers.getSetCookie?.() ?? []) {
    const m = /^artel_session=([^;]*)/.exec(line)
    if (m) return { value: m[1], header: line }
  }
  return null
}

// A logged-in browser session: the artel_session cookie plus the CSRF token.
export class Session {
  constructor(url, cookie, csrf, user) {
    this.url = url.replace(/\/+$/, '')
    this.cookie = cookie
    this.csrf = csrf
    this.user = user
  }

  // opts.csrf: false leaves the X-CSRF-Token header out; opts.cookie: false leaves the cookie out.
  async call(method, params = {}, opts = {}) {
    const headers = { ...(opts.headers ?? {}) }
    if (opts.cookie !== false) headers.cookie = `artel_session=${this.cookie}`
    if (opts.csrf !== false) headers['x-csrf-token'] = this.csrf
    const { url, init } = buildCall(`${this.url}/rest`, method, params, { ...opts, headers })
    return request(url, init)
  }

  async logout() {
    return this.call('artel.logout')
  }
}

// Tries to log in; never throws on a refusal.
// → { status, body, headers, setCookie (the raw Set-Cookie line or null), session (or null) }
export async function login(url, loginName, password, extra = {}) {
  const base = url.replace(/\/+$/, '')
  const res = await fetch(`${base}/rest/artel.login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(extra.headers ?? {}),
    },
    body: JSON.stringify({ LOGIN: loginName, PASSWORD: password }),
  })
  const text = await res.text()
  const body = parseBody(text)
  const cookie = sessionCookie(res.headers)
  let s = null
  if (res.status === 200 && body?.result && cookie) {
    s = new Session(base, cookie.value, body.result.csrf, body.result.user)
  }
  return {
    status: res.status,
    body,
    text,
    headers: res.headers,
    setCookie: cookie?.header ?? null,
    session: s,
  }
}

// The session a response opened (artel.login, artel.setup, artel.register,
// artel.invitation.accept all set the cookie and return csrf); null when it opened none.
export function sessionFrom(url, r) {
  const cookie = sessionCookie(r.headers)
  if (r.status !== 200 || !cookie || !r.body?.result?.csrf) return null
  return new Session(url, cookie.value, r.body.result.csrf, r.body.result.user)
}

// Logs in and returns the Session; throws when the login is refused.
export async function session(url, { login: loginName, password, email } = {}) {
  const r = await login(url, loginName ?? email, password)
  if (!r.session) {
    throw new Error(`artel.login as ${loginName ?? email} failed: HTTP ${r.status} ${r.text}`)
  }
  return r.session
}

// Wraps a response for assertion messages.
export function show(r) {
  return `HTTP ${r.status} ${r.text?.slice(0, 600)}`
}
