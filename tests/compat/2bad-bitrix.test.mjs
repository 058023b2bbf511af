// The community client @2bad/bitrix 2.5.1 (got 11, GET with qs-encoded parameters) against Artel
// over plain HTTP through an incoming webhook.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Bitrix } from '@2bad/bitrix'

import { startPortal } from '../support/server.mjs'

const LAST_NAME = 'Twobad'
const PEOPLE = 56

let portal
let b24
let baseUrl
let created = []

before(async () => {
  portal = await startPortal()
  baseUrl = await portal.webhook(['user', 'department'])
  b24 = Bitrix(baseUrl)
})

after(async () => {
  await portal?.stop()
})

const httpError = async (promise) => {
  try {
    await promise
  } catch (e) {
    return e
  }
  assert.fail('the call did not fail')
}

describe('@2bad/bitrix over HTTP', () => {
  test("call('profile')", async () => {
    const { result, time } = await b24.call('profile', {})
    assert.equal(result.ID, '1')
    assert.equal(result.ADMIN, true)
    assert.equal(typeof time.start, 'number')
  })

  test('batch of user.add with PASSWORD creates more than 50 people (chunks of 50)', async () => {
    const commands = {}
    for (let i = 0; i < PEOPLE; i++) {
      commands[`u${i}`] = {
        method: 'user.add',
        params: {
          EMAIL: `twobad${i}@example.test`,
          PASSWORD: 'Twobad-secret-1',
          NAME: `Two${String(i).padStart(2, '0')}`,
          LAST_NAME,
          UF_DEPARTMENT: [1],
        },
      }
    }
    const payload = await b24.batch(commands)
    const results = payload.result.result
    assert.equal(Object.keys(results).length, PEOPLE)
    for (let i = 0; i < PEOPLE; i++) assert.equal(typeof results[`u${i}`], 'number', `u${i}`)
    created = Object.values(results)
    assert.equal(new Set(created).size, PEOPLE)
  })

  test("call('user.get', …) with a filter returns the first page with total and next", async () => {
    const page = await b24.call('user.get', { FILTER: { LAST_NAME }, sort: 'ID', order: 'ASC' })
    assert.equal(page.result.length, 50)
    assert.equal(page.total, PEOPLE)
    assert.equal(page.next, 50)
    // 2bad sends the two batch chunks at once, so IDs need not follow the command order.
    assert.equal(Number(page.result[0].ID), Math.min(...created))
    const one = await b24.call('user.get', { FILTER: { '%NAME': 'Two07' } })
    assert.deepEqual(
      one.result.map((u) => u.LAST_NAME),
      [LAST_NAME],
    )
  })

  test("list('user.get', …) pages through more than 50 people", async () => {
    const all = await b24.list('user.get', { FILTER: { LAST_NAME } })
    assert.equal(all.result.length, PEOPLE)
    assert.equal(all.total, PEOPLE)
    assert.deepEqual(
      all.result.map((u) => Number(u.ID)).sort((a, b) => a - b),
      [...created].sort((a, b) => a - b),
    )
    assert.ok(!all.error, `list reported errors: ${all.error}`)
  })

  test("list('user.get') over every person of the portal", async () => {
    const first = await b24.call('user.get', {})
    const all = await b24.list('user.get', {})
    assert.equal(all.result.length, first.total)
    assert.equal(new Set(all.result.map((u) => u.ID)).size, first.total)
  })

  test('the typed users service: users.get(id) and users.fields()', async () => {
    const { result } = await b24.users.get(String(created[3]))
    assert.equal(result.length, 1)
    assert.equal(Number(result[0].ID), created[3])
    const fields = await b24.users.fields()
    assert.equal(typeof fields.result.NAME, 'string')
  })

  test("call('department.add', {NAME, PARENT}) and department.get", async () => {
    const { result: id } = await b24.call('department.add', { NAME: 'Hello & bye', PARENT: 1 })
    assert.equal(typeof id, 'number')
    const { result } = await b24.call('department.get', { ID: id })
    assert.equal(result[0].NAME, 'Hello & bye')
    assert.equal(result[0].PARENT, '1')
  })

  test('batch({...}) with named commands and a $result reference', async () => {
    const sorted = [...created].sort((a, b) => a - b)
    const payload = await b24.batch({
      me: { method: 'user.current' },
      dept: { method: 'department.add', params: { NAME: 'Batch via 2bad', PARENT: 1 } },
      check: { method: 'department.get', params: { ID: '$result[dept]' } },
      people: {
        method: 'user.get',
        params: { FILTER: { '>ID': sorted[49], LAST_NAME }, select: ['ID'] },
      },
    })
    const r = payload.result
    assert.equal(r.result.me.ID, '1')
    assert.equal(typeof r.result.dept, 'number')
    assert.equal(r.result.check[0].NAME, 'Batch via 2bad')
    assert.equal(r.result.people.length, PEOPLE - 50)
    assert.equal(r.result_total.people, PEOPLE - 50)
  })

  test('batch with an array of commands', async () => {
    const payload = await b24.batch([{ method: 'server.time' }, { method: 'user.current' }])
    const results = payload.result.result
    assert.equal(Object.values(results).length, 2)
    assert.equal(Object.values(results)[1].ID, '1')
  })

  test('a failing batch command is reported as an error by the client', async () => {
    const e = await httpError(
      b24.batch({ me: { method: 'user.current' }, bad: { method: 'no.such.method' } }),
    )
    assert.match(e.message, /\[batch\] failed/)
  })

  test('an unknown method is an HTTP 404 with ERROR_METHOD_NOT_FOUND', async () => {
    const e = await httpError(b24.call('no.such.method', {}))
    assert.equal(e.response?.statusCode, 404, e.message)
    assert.equal(e.response.body.error, 'ERROR_METHOD_NOT_FOUND')
  })

  test('bad input is an HTTP 400 with a Bitrix24 error', async () => {
    const e = await httpError(b24.call('department.add', { PARENT: 1 }))
    assert.equal(e.response?.statusCode, 400, e.message)
    assert.equal(typeof e.response.body.error, 'string')
    assert.ok(e.response.body.error_description)
  })

  test('a wrong webhook token is an HTTP 401 NO_AUTH_FOUND', async () => {
    const wrong = Bitrix(baseUrl.replace(/\/[^/]+$/, '/not0a0real0token'))
    const e = await httpError(wrong.call('profile', {}))
    assert.equal(e.response?.statusCode, 401, e.message)
    assert.equal(e.response.body.error, 'NO_AUTH_FOUND')
  })
})
