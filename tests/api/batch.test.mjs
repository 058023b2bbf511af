// batch: object and list cmd, halt, $result references, the GET form with double-encoded inner
// queries (as @2bad/bitrix sends it), the JSON form (as the JS SDK sends it), the result maps.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { assertTime, fails, ok, okList } from '../support/expect.mjs'
import { hook, request } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let base
let H
let teamIds = []
let manyParent

before(async () => {
  portal = await startPortal()
  base = await portal.webhook(['user', 'department'])
  H = hook(base)
  manyParent = ok(await H.call('department.add', { NAME: 'Batch parent', PARENT: 1 }))
  for (let i = 0; i < 52; i++) {
    teamIds.push(
      ok(await H.call('department.add', { NAME: `Batch team ${i}`, PARENT: manyParent })),
    )
  }
})

after(async () => {
  await portal?.stop()
})

function maps(result) {
  for (const key of ['result', 'result_error', 'result_total', 'result_next', 'result_time']) {
    assert.ok(key in result, `${key} missing: ${JSON.stringify(result).slice(0, 400)}`)
    assert.ok(
      result[key] !== null && typeof result[key] === 'object',
      `${key} is ${JSON.stringify(result[key])}`,
    )
  }
  return result
}

const emptyMap = (v) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)

describe('batch', () => {
  test('object cmd: results keyed by the caller keys, with totals, next and times', async () => {
    const r = await H.call('batch', {
      halt: 0,
      cmd: {
        me: 'user.current',
        teams: `department.get?PARENT=${manyParent}`,
        last: `department.get?PARENT=${manyParent}&start=50`,
      },
    })
    const b = maps(ok(r))
    assert.equal(b.result.me.ID, '1')
    assert.equal(b.result.teams.length, 50)
    assert.equal(b.result.last.length, 2)
    assert.equal(b.result_total.teams, 52)
    assert.equal(b.result_total.last, 52)
    assert.equal(b.result_next.teams, 50)
    assert.ok(!('last' in b.result_next), JSON.stringify(b.result_next))
    assert.ok(!('me' in b.result_total))
    for (const key of ['me', 'teams', 'last']) assertTime(b.result_time[key], key)
    assert.ok(emptyMap(b.result_error), JSON.stringify(b.result_error))
    // Empty maps come out as [] (PHP json_encode of an empty array).
    assert.deepEqual(b.result_error, [])
  })

  test('list cmd: the maps are JSON arrays in command order', async () => {
    const b = maps(
      ok(await H.call('batch', { cmd: ['user.current', 'department.get?ID=1', 'server.time'] })),
    )
    assert.ok(Array.isArray(b.result), JSON.stringify(b.result))
    assert.equal(b.result.length, 3)
    assert.equal(b.result[0].ID, '1')
    assert.equal(b.result[1][0].ID, '1')
    assert.equal(typeof b.result[2], 'string')
    assert.ok(Array.isArray(b.result_time))
    assert.equal(b.result_time.length, 3)
  })

  test('halt=0 runs every command and reports failures in result_error', async () => {
    const b = maps(
      ok(
        await H.call('batch', {
          halt: 0,
          cmd: {
            a: 'user.current',
            bad: 'no.such.method',
            wrong: 'department.add?PARENT=1',
            c: 'department.get?ID=1',
          },
        }),
      ),
    )
    assert.equal(b.result.a.ID, '1')
    assert.equal(b.result.c[0].ID, '1')
    assert.equal(b.result_error.bad.error, 'ERROR_METHOD_NOT_FOUND')
    assert.equal(typeof b.result_error.bad.error_description, 'string')
    assert.equal(typeof b.result_error.wrong.error, 'string')
    assert.ok(b.result_error.wrong.error_description)
    assert.ok(!('bad' in b.result) && !('wrong' in b.result))
  })

  test('halt=1 stops at the first failure; later commands are absent from every map', async () => {
    const b = maps(
      ok(
        await H.call('batch', {
          halt: 1,
          cmd: {
            a: 'user.current',
            bad: 'no.such.method',
            c: 'department.add?NAME=Never&PARENT=1',
          },
        }),
      ),
    )
    assert.equal(b.result.a.ID, '1')
    assert.equal(b.result_error.bad.error, 'ERROR_METHOD_NOT_FOUND')
    for (const key of ['result', 'result_error', 'result_total', 'result_next', 'result_time'])
      assert.ok(!('c' in b[key]), `${key} has c`)
    assert.ok(
      !okList(await H.call('department.get')).some((d) => d.NAME === 'Never'),
      'the halted command ran',
    )
  })

  test('halt as the strings "1"/"0" in a form body', async () => {
    const halted = maps(
      ok(
        await H.call(
          'batch',
          { halt: '1', cmd: { bad: 'no.such.method', c: 'user.current' } },
          { transport: 'form' },
        ),
      ),
    )
    assert.ok(!('c' in halted.result))
    const going = maps(
      ok(
        await H.call(
          'batch',
          { halt: '0', cmd: { bad: 'no.such.method', c: 'user.current' } },
          { transport: 'form' },
        ),
      ),
    )
    assert.equal(going.result.c.ID, '1')
  })

  test('$result[key][field] and $result[key][0][ID] references', async () => {
    const b = maps(
      ok(
        await H.call('batch', {
          halt: 1,
          cmd: {
            me: 'user.current',
            same: 'user.get?FILTER[ID]=$result[me][ID]',
            depts: `department.get?PARENT=${manyParent}&order[ID]=ASC`,
            first: 'department.get?ID=$result[depts][0][ID]',
            mydept: 'department.get?ID=$result[me][UF_DEPARTMENT][0]',
          },
        }),
      ),
    )
    assert.ok(emptyMap(b.result_error), JSON.stringify(b.result_error))
    assert.equal(b.result.same.length, 1)
    assert.equal(b.result.same[0].ID, '1')
    assert.deepEqual(
      b.result.first.map((d) => Number(d.ID)),
      [teamIds[0]],
    )
    assert.equal(b.result.mydept[0].ID, '1')
  })

  test('a reference to a new ID feeds the next command; references inside text are replaced', async () => {
    const b = maps(
      ok(
        await H.call('batch', {
          halt: 1,
          cmd: {
            created: 'department.add?NAME=Made+in+batch&PARENT=1',
            child: 'department.add?NAME=Child+of+$result[created]&PARENT=$result[created]',
            check: 'department.get?ID=$result[child]',
          },
        }),
      ),
    )
    assert.ok(emptyMap(b.result_error), JSON.stringify(b.result_error))
    assert.equal(typeof b.result.created, 'number')
    assert.equal(b.result.check[0].PARENT, String(b.result.created))
    assert.equal(b.result.check[0].NAME, `Child of ${b.result.created}`)
  })

  test('the GET form with double-encoded inner queries, exactly as @2bad/bitrix sends it', async () => {
    // cmd[0..2] = department.get?PARENT=P&select[0]=ID&select[1]=NAME&start=0|50|100
    const inner = (start) =>
      `department.get%3FPARENT%3D${manyParent}%26select%255B0%255D%3DID%26select%255B1%255D%3DNAME%26start%3D${start}`
    const url = `${base}/batch?cmd%5B0%5D=${inner(0)}&cmd%5B1%5D=${inner(50)}&cmd%5B2%5D=${inner(100)}`
    const b = maps(ok(await request(url)))
    assert.ok(Array.isArray(b.result), JSON.stringify(b.result).slice(0, 200))
    assert.equal(b.result[0].length, 50)
    assert.equal(b.result[1].length, 2)
    assert.equal(b.result[2].length, 0)
    assert.deepEqual(b.result_total, [52, 52, 52])
    assert.equal(b.result_next[0], 50)
    const ids = [...b.result[0], ...b.result[1]].map((d) => Number(d.ID)).sort((x, y) => x - y)
    assert.deepEqual(ids, teamIds)
  })

  test('the GET form with named keys and an encoded operator key (filter[>ID])', async () => {
    const cut = teamIds[49]
    const url =
      `${base}/batch?cmd%5Bme%5D=user.current` +
      `&cmd%5Bteams%5D=department.get%3Ffilter%255B%253EID%255D%3D${cut}%26filter%255BPARENT%255D%3D${manyParent}%26select%255B0%255D%3DID`
    const b = maps(ok(await request(url)))
    assert.equal(b.result.me.ID, '1')
    assert.deepEqual(
      b.result.teams.map((d) => Number(d.ID)),
      teamIds.slice(50),
    )
  })

  test('the JSON form exactly as the JS SDK sends it (halt 1, "method?" with an empty query)', async () => {
    const r = await request(
      `${base}/batch?bx24_request_id=x&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          halt: 1,
          cmd: {
            me: 'user.current?',
            teams: `department.get?filter%5B%3EID%5D=${teamIds[49]}&filter%5BPARENT%5D=${manyParent}&select%5B0%5D=ID`,
          },
        }),
      },
    )
    const b = maps(ok(r))
    assert.equal(b.result.me.ID, '1')
    assert.deepEqual(
      b.result.teams.map((d) => Number(d.ID)),
      teamIds.slice(50),
    )
  })

  test('form-urlencoded POST: cmd[key]=method?query', async () => {
    const body = new URLSearchParams({
      'cmd[me]': 'user.current',
      'cmd[d]': 'department.get?ID=1',
      halt: '0',
    }).toString()
    const b = maps(
      ok(
        await request(`${base}/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        }),
      ),
    )
    assert.equal(b.result.me.ID, '1')
    assert.equal(b.result.d[0].ID, '1')
  })

  test('method names inside batch are case-insensitive', async () => {
    const b = maps(ok(await H.call('batch', { cmd: { me: 'USER.Current' } })))
    assert.equal(b.result.me.ID, '1')
  })

  test('a browser session runs batch too', async () => {
    const s = await portal.admin()
    const b = maps(ok(await s.call('batch', { cmd: { me: 'user.current', p: 'profile' } })))
    assert.equal(b.result.me.ID, '1')
    assert.equal(b.result.p.ADMIN, true)
  })

  test('scopes are checked for every command', async () => {
    const userOnly = hook(await portal.webhook(['user']))
    const b = maps(
      ok(
        await userOnly.call('batch', { halt: 0, cmd: { me: 'user.current', d: 'department.get' } }),
      ),
    )
    assert.equal(b.result.me.ID, '1')
    assert.equal(b.result_error.d.error, 'insufficient_scope')
  })

  test('admin-only commands are denied to an employee inside batch', async () => {
    const employee = await portal.addEmployee()
    const b = maps(
      ok(
        await employee.session.call('batch', {
          halt: 0,
          cmd: { d: 'department.add?NAME=Nope&PARENT=1', me: 'user.current' },
        }),
      ),
    )
    assert.equal(b.result_error.d.error, 'ACCESS_DENIED')
    assert.equal(b.result.me.ID, String(employee.id))
  })

  test('more than 50 commands: the excess is refused with ERROR_BATCH_LENGTH_EXCEEDED', async () => {
    const cmd = {}
    for (let i = 0; i < 51; i++) cmd[`c${i}`] = 'server.time'
    const r = await H.call('batch', { halt: 0, cmd })
    if (r.status === 200) {
      const b = maps(ok(r))
      assert.equal(
        b.result_error.c50?.error,
        'ERROR_BATCH_LENGTH_EXCEEDED',
        JSON.stringify(b.result_error),
      )
      assert.ok('c49' in b.result)
    } else {
      fails(r, 400, 'ERROR_BATCH_LENGTH_EXCEEDED')
    }
  })

  test('a nested batch is not allowed', async () => {
    const r = await H.call('batch', {
      halt: 0,
      cmd: { inner: 'batch?cmd[me]=user.current', me: 'user.current' },
    })
    if (r.status === 200) {
      const b = maps(ok(r))
      assert.equal(
        b.result_error.inner?.error,
        'ERROR_BATCH_METHOD_NOT_ALLOWED',
        JSON.stringify(b.result_error),
      )
      assert.equal(b.result.me.ID, '1')
    } else {
      fails(r, 405, 'ERROR_BATCH_METHOD_NOT_ALLOWED')
    }
  })

  test('missing or malformed cmd is refused with 400', async () => {
    fails(await H.call('batch', {}), 400)
    fails(await H.call('batch', { cmd: 'user.current' }), 400)
  })

  test('non-string commands are skipped', async () => {
    const b = maps(ok(await H.call('batch', { cmd: { a: 'user.current', n: 5, o: { x: 1 } } })))
    assert.equal(b.result.a.ID, '1')
    for (const key of ['result', 'result_error']) {
      assert.ok(!('n' in b[key]) && !('o' in b[key]), `${key}: ${JSON.stringify(b[key])}`)
    }
  })

  test('start=-1 inside a command pages by keyset', async () => {
    const b = maps(
      ok(
        await H.call('batch', {
          cmd: {
            k: `department.get?filter[PARENT]=${manyParent}&filter[>ID]=${teamIds[0]}&order[ID]=ASC&start=-1`,
          },
        }),
      ),
    )
    assert.equal(b.result.k.length, 50)
    assert.equal(Number(b.result.k[0].ID), teamIds[1])
    assert.ok(!('k' in b.result_next))
  })
})
