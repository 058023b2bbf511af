// The REST layer itself: addresses, parameter encodings, envelopes, paging, errors, CORS and the
// helper methods (methods, method.get, scope, server.time, profile, app.info).
import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, test } from 'node:test'

import { fails, ok, okList, assertTime, ISO_WITH_OFFSET } from '../support/expect.mjs'
import { hook, request, show } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let base // 'http://127.0.0.1:P/rest/1/TOKEN' with scopes user + department
let H
let zebediah // a person with a distinctive name, for filters
const PAGER_COUNT = 60
let pagerIds = []

before(async () => {
  portal = await startPortal()
  base = await portal.webhook(['user', 'department'])
  H = hook(base)
  zebediah = await portal.addUser({
    NAME: 'Zebediah',
    LAST_NAME: 'Quux & Co',
    WORK_POSITION: 'Head & chief',
  })
  for (let i = 0; i < PAGER_COUNT; i++) {
    pagerIds.push(
      await portal.addUser({
        NAME: `Pager${String(i).padStart(2, '0')}`,
        LAST_NAME: 'Pager',
        WORK_POSITION: 'Pager',
      }),
    )
  }
})

after(async () => {
  await portal?.stop()
})

describe('addresses', () => {
  test('a webhook reaches a method with and without .json, with a trailing slash, by GET and POST', async () => {
    for (const suffix of ['', '.json', '/']) {
      for (const transport of ['get', 'json', 'form']) {
        const r = await H.call('user.current', {}, { suffix, transport })
        assert.equal(ok(r).ID, '1', `${transport} user.current${suffix}: ${show(r)}`)
      }
    }
  })

  test('a POST without any body or content type works', async () => {
    const r = await request(`${base}/user.current`, { method: 'POST' })
    assert.equal(ok(r).ID, '1')
  })

  test('method names are case-insensitive', async () => {
    for (const name of ['USER.CURRENT', 'User.Current', 'user.CURRENT.json']) {
      const r = await H.call(name)
      assert.equal(ok(r).ID, '1', name)
    }
    const s = await portal.admin()
    assert.equal(ok(await s.call('User.Current')).ID, '1')
  })

  test('a browser session calls /rest/<method> and /rest/<method>.json', async () => {
    const s = await portal.admin()
    assert.equal(ok(await s.call('user.current')).ID, '1')
    assert.equal(ok(await s.call('user.current', {}, { suffix: '.json' })).ID, '1')
    assert.equal(ok(await s.call('user.current', {}, { transport: 'get' })).ID, '1')
  })

  test('an unknown method answers 404 ERROR_METHOD_NOT_FOUND', async () => {
    fails(await H.call('no.such.method'), 404, 'ERROR_METHOD_NOT_FOUND')
    fails(await H.call('no.such.method', {}, { transport: 'get' }), 404, 'ERROR_METHOD_NOT_FOUND')
    fails(await (await portal.admin()).call('user.nothing'), 404, 'ERROR_METHOD_NOT_FOUND')
  })

  test('no credentials or a wrong token answer 401 NO_AUTH_FOUND', async () => {
    fails(await request(`${portal.url}/rest/user.current`), 401, 'NO_AUTH_FOUND')
    fails(
      await request(`${portal.url}/rest/user.current`, { method: 'POST' }),
      401,
      'NO_AUTH_FOUND',
    )
    const wrong = base.replace(/\/[^/]+$/, '/wrongtoken0000000')
    fails(await hook(wrong).call('user.current'), 401, 'NO_AUTH_FOUND')
    const wrongUser = base.replace('/rest/1/', '/rest/2/')
    fails(await hook(wrongUser).call('user.current'), 401, 'NO_AUTH_FOUND')
  })
})

describe('parameters', () => {
  const onlyZebediah = (rows) => {
    assert.deepEqual(
      rows.map((u) => u.ID),
      [String(zebediah)],
      JSON.stringify(rows),
    )
  }

  test('GET query string with PHP nesting and percent-encoded brackets and operators', async () => {
    onlyZebediah(okList(await request(`${base}/user.get?FILTER%5B%25NAME%5D=ebedia`)))
    onlyZebediah(okList(await request(`${base}/user.get?FILTER[%25NAME]=ebedia`)))
    onlyZebediah(okList(await request(`${base}/user.get?filter%5B%25NAME%5D=ebedia`)))
  })

  test('GET select[]=ID&select[]=EMAIL limits the fields', async () => {
    const rows = okList(
      await request(`${base}/user.get?FILTER%5BID%5D=${zebediah}&select[]=ID&select[]=EMAIL`),
    )
    assert.equal(rows.length, 1)
    assert.equal(rows[0].ID, String(zebediah))
    assert.match(rows[0].EMAIL, /@example\.test$/)
    assert.ok(!('WORK_POSITION' in rows[0]), `select ignored: ${JSON.stringify(rows[0])}`)
    // select[0]=ID&select[1]=EMAIL is the same list (qs and @2bad/bitrix send this form).
    const rows2 = okList(
      await request(
        `${base}/user.get?FILTER%5BID%5D=${zebediah}&select%5B0%5D=ID&select%5B1%5D=EMAIL`,
      ),
    )
    assert.deepEqual(rows2, rows)
  })

  test('POST application/x-www-form-urlencoded with PHP nesting', async () => {
    const r = await request(`${base}/user.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'FILTER%5B%25NAME%5D=ebedia&select%5B%5D=ID&select%5B%5D=NAME',
    })
    const rows = okList(r)
    onlyZebediah(rows)
    assert.equal(rows[0].NAME, 'Zebediah')
  })

  test('POST JSON, also with a charset and the JS SDK telemetry query', async () => {
    onlyZebediah(okList(await H.call('user.get', { FILTER: { '%NAME': 'ebedia' } })))
    onlyZebediah(
      okList(
        await request(
          `${base}/user.get?bx24_request_id=0313fecf-1cc7-7763-9fa4-f0058d13df3f&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: JSON.stringify({ filter: { '%NAME': 'ebedia' }, select: ['ID', 'NAME'] }),
          },
        ),
      ),
    )
  })

  test('query string and body are merged; the body wins at the top level', async () => {
    const merged = okList(
      await request(`${base}/user.get?FILTER%5B%25NAME%5D=ebedia`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ select: ['ID', 'LAST_NAME'] }),
      }),
    )
    onlyZebediah(merged)
    assert.equal(merged[0].LAST_NAME, 'Quux & Co')
    assert.ok(!('WORK_POSITION' in merged[0]))

    const bodyWins = okList(
      await request(`${base}/user.get?FILTER%5B%25NAME%5D=nobody-has-this-name`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ FILTER: { '%NAME': 'ebedia' } }),
      }),
    )
    onlyZebediah(bodyWins)

    const formWins = okList(
      await request(`${base}/user.get?FILTER%5B%25NAME%5D=nobody-has-this-name`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'FILTER%5B%25NAME%5D=ebedia',
      }),
    )
    onlyZebediah(formWins)
  })

  test('"+" is a space and %26 an ampersand in query strings (as @2bad/bitrix sends them)', async () => {
    onlyZebediah(okList(await request(`${base}/user.get?FILTER%5BWORK_POSITION%5D=Head+%26+chief`)))
    onlyZebediah(okList(await request(`${base}/user.get?FILTER%5BLAST_NAME%5D=Quux+%26+Co`)))
  })

  test('UTF-8 values in query strings and JSON', async () => {
    const id = await portal.addUser({ NAME: 'Жозефина', LAST_NAME: 'Șerban' })
    const byQuery = okList(
      await request(`${base}/user.get?FILTER%5BNAME%5D=${encodeURIComponent('Жозефина')}`),
    )
    assert.deepEqual(
      byQuery.map((u) => u.ID),
      [String(id)],
    )
    assert.equal(byQuery[0].LAST_NAME, 'Șerban')
    const byJson = okList(await H.call('user.get', { FILTER: { LAST_NAME: 'Șerban' } }))
    assert.deepEqual(
      byJson.map((u) => u.ID),
      [String(id)],
    )
  })

  test('a long GET query string (about 16 KB) is accepted', async () => {
    const parts = [`FILTER%5BID%5D=${zebediah}`]
    for (let i = 0; i < 900; i++) parts.push(`select%5B${i}%5D=ID`)
    const url = `${base}/user.get?${parts.join('&')}`
    assert.ok(url.length > 15000)
    onlyZebediah(okList(await request(url)))
  })

  test('malformed JSON is refused with 400', async () => {
    const r = await request(`${base}/user.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"FILTER": {"ID": 1',
    })
    fails(r, 400)
  })

  test('a wrongly typed start is refused with 400', async () => {
    fails(await H.call('user.get', { start: 'abc' }), 400)
    fails(await H.call('user.get', { start: { a: 1 } }), 400)
  })

  test('a body over the size limit answers 413', async () => {
    const { port } = new URL(portal.url)
    const length = 512 * 1024 * 1024
    const answer = await new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: Number(port) })
      let data = ''
      let failure = null
      socket.setEncoding('latin1')
      socket.on('data', (d) => (data += d))
      socket.on('error', (e) => (failure = e)) // EPIPE/ECONNRESET once the server has answered
      socket.on('close', () => (data || !failure ? resolve(data) : reject(failure)))
      socket.setTimeout(15000, () => socket.destroy())
      const path = new URL(`${base}/user.get`).pathname
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${length}\r\nConnection: close\r\n\r\n`,
      )
      // The announced length alone should be refused; a server that reads on gets some body.
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let sent = 0
      const pump = () => {
        if (data || failure || socket.destroyed || sent > 64 * 1024 * 1024) return
        sent += chunk.length
        socket.write(chunk, (e) => (e ? (failure = e) : setImmediate(pump)))
      }
      setTimeout(pump, 1000)
    })
    assert.match(answer, /^HTTP\/1\.[01] 413 /, `answer: ${answer.slice(0, 300)}`)
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4)
    const json = JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1))
    assert.equal(typeof json.error, 'string')
    assert.ok(json.error_description)
  })
})

describe('envelopes', () => {
  test('every success carries time; lists carry total as a number', async () => {
    for (const [method, params] of [
      ['user.current', {}],
      ['user.fields', {}],
      ['server.time', {}],
      ['profile', {}],
      ['department.get', {}],
      ['department.fields', {}],
      ['scope', {}],
      ['methods', {}],
    ]) {
      const r = await H.call(method, params)
      ok(r)
      assertTime(r.body.time, method)
    }
    const r = await H.call('user.get', { FILTER: { WORK_POSITION: 'Pager' } })
    ok(r)
    assert.equal(r.body.total, PAGER_COUNT)
    assert.equal(typeof r.body.total, 'number')
  })

  test('time.date_start and date_finish are ISO 8601 with an offset; durations add up', async () => {
    const r = await H.call('user.get')
    const t = r.body.time
    assert.match(t.date_start, ISO_WITH_OFFSET)
    assert.match(t.date_finish, ISO_WITH_OFFSET)
    assert.ok(Math.abs(t.finish - t.start - t.duration) < 0.01, JSON.stringify(t))
    const start = Date.parse(t.date_start) / 1000
    assert.ok(Math.abs(start - t.start) < 2, `date_start and start disagree: ${JSON.stringify(t)}`)
  })

  test('errors carry error and error_description only, with JSON content type', async () => {
    const r = await H.call('no.such.method')
    fails(r, 404, 'ERROR_METHOD_NOT_FOUND')
    assert.match(r.headers.get('content-type'), /^application\/json/)
  })

  test('successes are JSON with charset utf-8', async () => {
    const r = await H.call('user.current')
    assert.match(r.headers.get('content-type'), /^application\/json; ?charset=utf-8/i)
  })
})

describe('paging', () => {
  const filter = { WORK_POSITION: 'Pager' }

  test('start pages by 50 with total and next as numbers; next is absent on the last page', async () => {
    const first = await H.call('user.get', { FILTER: filter })
    const rows1 = okList(first)
    assert.equal(rows1.length, 50)
    assert.equal(first.body.total, PAGER_COUNT)
    assert.equal(first.body.next, 50)
    assert.equal(typeof first.body.next, 'number')

    const second = await H.call('user.get', { FILTER: filter, start: 50 })
    const rows2 = okList(second)
    assert.equal(rows2.length, PAGER_COUNT - 50)
    assert.equal(second.body.total, PAGER_COUNT)
    assert.ok(
      !('next' in second.body),
      `next on the last page: ${JSON.stringify(second.body.next)}`,
    )

    const ids = [...rows1, ...rows2].map((u) => Number(u.ID))
    assert.deepEqual(
      ids,
      [...pagerIds].sort((a, b) => a - b),
      'default order is ID ascending',
    )
  })

  test('user.get is a legacy list: a start that is not a multiple of 50 means its page', async () => {
    // Reference §1.6: legacy lists turn start into the page floor(start/50)+1, so start=10 is
    // the first page (user.get's own documentation example sends start: 10).
    const zero = await H.call('user.get', { FILTER: filter, start: 0 })
    const ten = await H.call('user.get', { FILTER: filter, start: 10 })
    assert.deepEqual(
      okList(ten).map((u) => u.ID),
      okList(zero).map((u) => u.ID),
    )
    assert.equal(ten.body.next, 50)
    const sixty = await H.call('user.get', { FILTER: filter, start: 55 })
    assert.equal(okList(sixty).length, PAGER_COUNT - 50)
  })

  test('start in the GET query string and the form body pages the same way', async () => {
    const viaGet = await request(`${base}/user.get?FILTER%5BWORK_POSITION%5D=Pager&start=50`)
    assert.equal(okList(viaGet).length, PAGER_COUNT - 50)
    assert.equal(viaGet.body.total, PAGER_COUNT)
    assert.ok(!('next' in viaGet.body))
    const viaForm = await H.call('user.get', { FILTER: filter, start: '0' }, { transport: 'form' })
    assert.equal(okList(viaForm).length, 50)
    assert.equal(viaForm.body.next, 50)
  })

  test('all users: more than 50 people page with total', async () => {
    const first = await H.call('user.get', {})
    assert.equal(okList(first).length, 50)
    assert.ok(first.body.total > 60, `total ${first.body.total}`)
    assert.equal(first.body.next, 50)
    let seen = first.body.result.length
    let next = first.body.next
    while (next !== undefined) {
      const page = await H.call('user.get', { start: next })
      seen += okList(page).length
      next = page.body.next
      assert.ok(seen <= first.body.total)
    }
    assert.equal(seen, first.body.total)
  })

  test('start=-1 with order ID ASC and filter >ID pages by keyset without next', async () => {
    const seen = []
    let last = 0
    for (let round = 0; round < 5; round++) {
      const r = await H.call('user.get', {
        order: { ID: 'ASC' },
        filter: { ...filter, '>ID': last },
        start: -1,
      })
      const rows = okList(r)
      assert.ok(!('next' in r.body), `next with start=-1: ${r.body.next}`)
      assert.ok(!r.body.total, `start=-1 counts nothing (total omitted or 0), got ${r.body.total}`)
      assert.ok(rows.length <= 50)
      for (const u of rows) assert.ok(Number(u.ID) > last, `row ${u.ID} not after ${last}`)
      seen.push(...rows.map((u) => Number(u.ID)))
      if (rows.length < 50) break
      last = Number(rows.at(-1).ID)
    }
    assert.deepEqual(
      seen,
      [...pagerIds].sort((a, b) => a - b),
    )
  })

  test('order by ID DESC and the legacy sort/order scalars', async () => {
    const desc = okList(await H.call('user.get', { FILTER: filter, order: { ID: 'DESC' } }))
    assert.equal(Number(desc[0].ID), Math.max(...pagerIds))
    const legacy = okList(await H.call('user.get', { FILTER: filter, sort: 'ID', order: 'DESC' }))
    assert.deepEqual(
      legacy.map((u) => u.ID),
      desc.map((u) => u.ID),
    )
    const byName = okList(await H.call('user.get', { FILTER: filter, sort: 'NAME', order: 'asc' }))
    assert.equal(byName[0].NAME, 'Pager00')
    const byNameDesc = okList(await H.call('user.get', { FILTER: filter, order: { NAME: 'desc' } }))
    assert.equal(byNameDesc[0].NAME, `Pager${PAGER_COUNT - 1}`)
  })
})

describe('helper methods', () => {
  test('methods lists what the caller may call', async () => {
    const names = ok(await H.call('methods'))
    assert.ok(Array.isArray(names))
    for (const m of [
      'batch',
      'user.get',
      'user.current',
      'department.get',
      'profile',
      'server.time',
    ])
      assert.ok(names.includes(m), `${m} missing from ${names}`)
    assert.ok(!names.includes('artel.settings.set'), 'portal scope not granted to this webhook')

    const userOnly = hook(await portal.webhook(['user']))
    const limited = ok(await userOnly.call('methods'))
    assert.ok(limited.includes('user.get'))
    assert.ok(!limited.includes('department.get'), `department.get listed: ${limited}`)
    const full = ok(await userOnly.call('methods', { full: true }))
    assert.ok(full.includes('department.get'))
    const byScope = ok(await H.call('methods', { scope: 'department' }))
    assert.ok(byScope.includes('department.add'))
    assert.ok(!byScope.includes('user.get'), `scope=department lists user.get: ${byScope}`)
  })

  test('method.get tells whether a method exists and is available', async () => {
    const userOnly = hook(await portal.webhook(['user']))
    assert.deepEqual(ok(await userOnly.call('method.get', { name: 'user.get' })), {
      isExisting: true,
      isAvailable: true,
    })
    assert.deepEqual(ok(await userOnly.call('method.get', { name: 'department.get' })), {
      isExisting: true,
      isAvailable: false,
    })
    assert.deepEqual(ok(await userOnly.call('method.get', { name: 'no.such.method' })), {
      isExisting: false,
      isAvailable: false,
    })
    fails(await userOnly.call('method.get', {}), 400)
  })

  test('scope lists the webhook scopes; full=true lists every scope', async () => {
    const scopes = ok(await H.call('scope'))
    assert.deepEqual([...scopes].sort(), ['department', 'user'])
    const all = ok(await H.call('scope', { full: true }))
    for (const s of ['user', 'department', 'portal'])
      assert.ok(all.includes(s), `${s} not in ${all}`)
  })

  test('server.time is the current time in ISO 8601 with an offset', async () => {
    const t = ok(await H.call('server.time'))
    assert.match(t, ISO_WITH_OFFSET)
    assert.ok(Math.abs(Date.parse(t) - Date.now()) < 60000, t)
  })

  test('profile describes the caller', async () => {
    const p = ok(await H.call('profile'))
    assert.equal(p.ID, '1')
    assert.equal(p.ADMIN, true)
    for (const key of ['NAME', 'LAST_NAME', 'TIME_ZONE'])
      assert.ok(key in p, `${key} in ${JSON.stringify(p)}`)
    assert.equal(typeof p.TIME_ZONE_OFFSET, 'number')
    const employee = await portal.addEmployee({ NAME: 'Prof', LAST_NAME: 'Ile' })
    const e = ok(await employee.session.call('profile'))
    assert.equal(e.ID, String(employee.id))
    assert.equal(e.ADMIN, false)
    assert.equal(e.NAME, 'Prof')
  })

  test('app.info through a webhook names its scopes', async () => {
    const info = ok(await H.call('app.info'))
    assert.ok(Array.isArray(info.SCOPE), JSON.stringify(info))
    assert.deepEqual([...info.SCOPE].sort(), ['department', 'user'])
  })
})

describe('CORS', () => {
  test('REST answers allow any origin, success and error alike', async () => {
    for (const r of [await H.call('user.current'), await H.call('no.such.method')]) {
      assert.equal(r.headers.get('access-control-allow-origin'), '*')
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /content-type/i)
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff')
    }
  })

  test('OPTIONS under /rest/ answers the CORS headers with an empty body', async () => {
    for (const path of [`${base}/user.get`, `${portal.url}/rest/user.get`]) {
      const r = await request(path, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://elsewhere.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      })
      assert.ok(r.status === 200 || r.status === 204, `OPTIONS ${path}: ${show(r)}`)
      assert.equal(r.headers.get('access-control-allow-origin'), '*')
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /content-type/i)
      assert.equal(r.text, '')
    }
  })
})

describe('wrong input', () => {
  test('an unsupported HTTP verb is refused', async () => {
    const r = await request(`${base}/user.current`, { method: 'DELETE' })
    assert.ok(r.status >= 400 && r.status < 500, show(r))
  })

  test('a webhook path without a method is not a call', async () => {
    const r = await request(`${base}/`)
    assert.ok(r.status >= 400 && r.status < 500, show(r))
    assert.equal(typeof r.body?.error, 'string', show(r))
  })

  test('bad e-mail on user.add is ERROR_ARGUMENT with a sentence', async () => {
    const s = await portal.admin()
    const body = fails(await s.call('user.add', { EMAIL: 'not-an-email', UF_DEPARTMENT: [1] }), 400)
    assert.ok(body.error_description.length > 10)
  })
})
