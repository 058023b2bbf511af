// Incoming webhooks: artel.webhook.add / list / delete, the command line (webhook add, list,
// revoke), scopes, the rights of the person a webhook acts as, bad and revoked tokens.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok, okList } from '../support/expect.mjs'
import { hook } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let admin
let employee

before(async () => {
  portal = await startPortal()
  admin = await portal.admin()
  employee = await portal.addEmployee({ NAME: 'Webb' })
})

after(async () => {
  await portal?.stop()
})

const hookOf = (w) => hook(`${portal.url}${w.PATH}`)

describe('artel.webhook.add / list / delete', () => {
  test('add returns ID, USER_ID, TOKEN, PATH, SCOPE, TITLE, CREATED; the PATH works', async () => {
    const w = ok(
      await admin.call('artel.webhook.add', { USER_ID: 1, SCOPE: ['user'], TITLE: 'CRM sync' }),
    )
    assert.ok(w.ID !== undefined && w.ID !== null)
    assert.equal(String(w.USER_ID), '1')
    assert.equal(typeof w.TOKEN, 'string')
    assert.ok(w.TOKEN.length >= 16, w.TOKEN)
    assert.equal(w.PATH, `/rest/1/${w.TOKEN}/`)
    assert.deepEqual(w.SCOPE, ['user'])
    assert.equal(w.TITLE, 'CRM sync')
    assert.match(w.CREATED, ISO_WITH_OFFSET)
    assert.equal(ok(await hookOf(w).call('user.current')).ID, '1')
    fails(await hookOf(w).call('department.get'), 403, 'insufficient_scope')
  })

  test('two webhooks get different tokens', async () => {
    const a = ok(await admin.call('artel.webhook.add', { SCOPE: ['user'] }))
    const b = ok(await admin.call('artel.webhook.add', { SCOPE: ['user'] }))
    assert.notEqual(a.TOKEN, b.TOKEN)
  })

  test('a webhook for another person acts with their rights', async () => {
    const w = ok(
      await admin.call('artel.webhook.add', {
        USER_ID: employee.id,
        SCOPE: ['user', 'department'],
        TITLE: 'Webb',
      }),
    )
    assert.equal(w.PATH, `/rest/${employee.id}/${w.TOKEN}/`)
    const h = hookOf(w)
    assert.equal(ok(await h.call('user.current')).ID, String(employee.id))
    assert.equal(ok(await h.call('profile')).ADMIN, false)
    fails(await h.call('department.add', { NAME: 'Nope', PARENT: 1 }), 403, 'ACCESS_DENIED')
    fails(await h.call('user.update', { ID: 1, NAME: 'Nope' }), 403, 'ACCESS_DENIED')
  })

  test('list shows live webhooks; delete revokes at once (later calls get 401)', async () => {
    const w = ok(
      await admin.call('artel.webhook.add', { SCOPE: ['user', 'department'], TITLE: 'to revoke' }),
    )
    const h = hookOf(w)
    assert.equal(ok(await h.call('user.current')).ID, '1')
    const listed = ok(await admin.call('artel.webhook.list'))
    assert.ok(Array.isArray(listed))
    const mine = listed.find((x) => String(x.ID) === String(w.ID))
    assert.ok(mine, JSON.stringify(listed))
    assert.deepEqual(mine, w)
    assert.equal(ok(await admin.call('artel.webhook.delete', { ID: w.ID })), true)
    fails(await h.call('user.current'), 401, 'NO_AUTH_FOUND')
    fails(await h.call('server.time'), 401, 'NO_AUTH_FOUND')
    assert.ok(
      !ok(await admin.call('artel.webhook.list')).some((x) => String(x.ID) === String(w.ID)),
    )
    const again = await admin.call('artel.webhook.delete', { ID: w.ID })
    assert.ok(again.status >= 400 && again.status < 500, again.text)
    fails(again, again.status)
  })

  test('bad input: unknown scope, unknown or inactive user, missing ID', async () => {
    fails(await admin.call('artel.webhook.add', { SCOPE: ['user', 'no_such_scope'] }), 400)
    fails(await admin.call('artel.webhook.add', { USER_ID: 987654, SCOPE: ['user'] }), 400)
    fails(await admin.call('artel.webhook.delete', {}), 400)
    const leaver = await portal.addUser({ NAME: 'Gone' })
    ok(await admin.call('user.update', { ID: leaver, ACTIVE: 'N' }))
    fails(await admin.call('artel.webhook.add', { USER_ID: leaver, SCOPE: ['user'] }), 400)
  })

  test('a scope of a later module may be granted now, as in Bitrix24', async () => {
    const w = ok(await admin.call('artel.webhook.add', { SCOPE: ['user', 'crm'] }))
    assert.deepEqual([...w.SCOPE].sort(), ['crm', 'user'])
    ok(await hookOf(w).call('user.current'))
    fails(await hookOf(w).call('department.get'), 403, 'insufficient_scope')
  })

  test('a webhook without scopes still calls the basic methods', async () => {
    const w = ok(await admin.call('artel.webhook.add', { SCOPE: [] }))
    const h = hookOf(w)
    assert.equal(ok(await h.call('profile')).ID, '1')
    ok(await h.call('server.time'))
    fails(await h.call('user.current'), 403, 'insufficient_scope')
    fails(await h.call('department.get'), 403, 'insufficient_scope')
  })

  test('only the administrator manages webhooks', async () => {
    fails(
      await employee.session.call('artel.webhook.add', { SCOPE: ['user'] }),
      403,
      'ACCESS_DENIED',
    )
    fails(await employee.session.call('artel.webhook.list'), 403, 'ACCESS_DENIED')
    fails(await employee.session.call('artel.webhook.delete', { ID: 1 }), 403, 'ACCESS_DENIED')
    const userScope = hook(await portal.webhook(['user', 'department']))
    fails(await userScope.call('artel.webhook.list'), 403, 'insufficient_scope')
    fails(await userScope.call('artel.webhook.add', { SCOPE: ['user'] }), 403, 'insufficient_scope')
  })

  test('an administrator webhook with the portal scope manages webhooks and settings', async () => {
    const portalScope = hook(await portal.webhook(['portal']))
    const listed = ok(await portalScope.call('artel.webhook.list'))
    assert.ok(Array.isArray(listed) && listed.length > 0)
    assert.equal(typeof ok(await portalScope.call('artel.settings.get')).PORTAL_NAME, 'string')
    const asEmployee = hook(await portal.webhook(['portal'], { user: employee.id }))
    fails(await asEmployee.call('artel.settings.get'), 403, 'ACCESS_DENIED')
  })
})

describe('command line', () => {
  test('webhook add prints /rest/ID/TOKEN/; list shows it; revoke stops it', async () => {
    const out = await portal.cli([
      'webhook',
      'add',
      '--user',
      '1',
      '--scope',
      'user',
      '--title',
      'cli hook',
    ])
    const m = /\/rest\/1\/([A-Za-z0-9]+)\//.exec(out)
    assert.ok(m, out)
    const h = hook(`${portal.url}/rest/1/${m[1]}`)
    assert.equal(ok(await h.call('user.current')).ID, '1')
    fails(await h.call('department.get'), 403, 'insufficient_scope')

    const listing = await portal.cli(['webhook', 'list'])
    const line = listing.split('\n').find((l) => l.includes(m[1]))
    assert.ok(line, listing)
    const id = /^\s*(\d+)/.exec(line)?.[1]
    assert.ok(id, line)
    const viaRest = ok(await admin.call('artel.webhook.list')).find((w) => w.TOKEN === m[1])
    assert.equal(String(viaRest?.ID), id)
    assert.equal(viaRest.TITLE, 'cli hook')

    await portal.cli(['webhook', 'revoke', '--id', id])
    fails(await h.call('user.current'), 401, 'NO_AUTH_FOUND')
    assert.ok(!(await portal.cli(['webhook', 'list'])).includes(m[1]))
  })

  test('webhook add refuses an unknown scope; revoke refuses an unknown id', async () => {
    await assert.rejects(
      portal.cli(['webhook', 'add', '--user', '1', '--scope', 'nonsense']),
      (e) => e.exitCode !== 0,
    )
    await assert.rejects(
      portal.cli(['webhook', 'revoke', '--id', '987654']),
      (e) => e.exitCode !== 0,
    )
  })

  test('init refuses to overwrite an existing portal', async () => {
    await assert.rejects(
      portal.cli([
        'init',
        '--admin-email',
        'again@example.test',
        '--admin-password',
        'Again-secret-1',
      ]),
      (e) => e.exitCode !== 0 && /exist|overwrite/i.test(e.stderr),
    )
    const rows = okList(await admin.call('user.get', { FILTER: { EMAIL: 'again@example.test' } }))
    assert.deepEqual(rows, [])
  })
})

describe('bad tokens', () => {
  test('a wrong token, a wrong user id or a malformed path: 401 NO_AUTH_FOUND', async () => {
    const base = await portal.webhook(['user'])
    const token = base.split('/').at(-1)
    for (const wrong of [
      base.slice(0, -1) + (base.endsWith('a') ? 'b' : 'a'),
      `${portal.url}/rest/1/${token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()}`,
      `${portal.url}/rest/${employee.id}/${token}`,
      `${portal.url}/rest/1/x`,
    ]) {
      fails(await hook(wrong).call('user.current'), 401, 'NO_AUTH_FOUND')
    }
    fails(await hook(`${portal.url}/rest/1`).call('user.current'), 401, 'NO_AUTH_FOUND')
  })

  test('a revoked token is refused through GET, POST and batch alike', async () => {
    const w = ok(await admin.call('artel.webhook.add', { SCOPE: ['user'] }))
    ok(await admin.call('artel.webhook.delete', { ID: w.ID }))
    const h = hookOf(w)
    fails(await h.call('user.current', {}, { transport: 'get' }), 401, 'NO_AUTH_FOUND')
    fails(await h.call('user.current', {}, { transport: 'form' }), 401, 'NO_AUTH_FOUND')
    fails(await h.call('batch', { cmd: { me: 'user.current' } }), 401, 'NO_AUTH_FOUND')
  })
})
