// Live events over /ws: user.updated, department.changed, settings.changed; refusals.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import WebSocket from 'ws'

import { ok } from '../support/expect.mjs'
import { liveUrl, openLive } from '../support/live.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let admin
let employee
const sockets = []

before(async () => {
  portal = await startPortal()
  admin = await portal.admin()
  employee = await portal.addEmployee({ NAME: 'Livia', LAST_NAME: 'Live' })
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
})

const wsUrl = () => liveUrl(portal)

const connect = (session, headers = {}) => openLive(portal, session, sockets, { headers })

// Tries an upgrade that should be refused; resolves to the HTTP status (or 'error'/'closed').
function refusedUpgrade(headers = {}) {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(), { headers })
    sockets.push(ws)
    ws.once('open', () => resolve('open'))
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode)
      res.resume()
      ws.terminate()
    })
    ws.once('error', () => resolve('error'))
  })
}

describe('/ws', () => {
  test('a profile edit in another session arrives as user.updated with the user object', async () => {
    const live = await connect(admin)
    const r = await employee.session.call('user.update', {
      ID: employee.id,
      WORK_POSITION: 'Broadcaster',
    })
    assert.equal(ok(r), true)
    const msg = await live.next(
      (m) => m.type === 'user.updated' && m.data?.ID === String(employee.id),
    )
    assert.equal(msg.data.WORK_POSITION, 'Broadcaster')
    assert.equal(msg.data.NAME, 'Livia')
    assert.equal(msg.data.ACTIVE, true)
    assert.ok(Array.isArray(msg.data.UF_DEPARTMENT))
  })

  test('the person who changed it hears it too, on every socket of theirs', async () => {
    const a = await connect(employee.session)
    const b = await connect(employee.session)
    ok(await employee.session.call('user.update', { ID: employee.id, PERSONAL_CITY: 'Iasi' }))
    for (const live of [a, b]) {
      const msg = await live.next(
        (m) => m.type === 'user.updated' && m.data?.PERSONAL_CITY === 'Iasi',
      )
      assert.equal(msg.data.ID, String(employee.id))
    }
  })

  test('a move to another department and a dismissal send user.updated', async () => {
    const live = await connect(admin)
    const dept = ok(await admin.call('department.add', { NAME: 'Live dept', PARENT: 1 }))
    const changed = await live.next(
      (m) => m.type === 'department.changed' && m.data?.ID === String(dept),
    )
    assert.deepEqual(changed.data, { ID: String(dept) })
    const mover = await portal.addUser({ NAME: 'Mover' })
    ok(await admin.call('user.update', { ID: mover, UF_DEPARTMENT: [dept] }))
    const moved = await live.next(
      (m) =>
        m.type === 'user.updated' &&
        m.data?.ID === String(mover) &&
        m.data.UF_DEPARTMENT?.includes(dept),
    )
    assert.deepEqual(moved.data.UF_DEPARTMENT, [dept])
    ok(await admin.call('user.update', { ID: mover, ACTIVE: 'N' }))
    await live.next(
      (m) => m.type === 'user.updated' && m.data?.ID === String(mover) && m.data.ACTIVE === false,
    )
  })

  test('department renames, moves and deletions send department.changed', async () => {
    const live = await connect(employee.session)
    const a = ok(await admin.call('department.add', { NAME: 'Live A', PARENT: 1 }))
    const b = ok(await admin.call('department.add', { NAME: 'Live B', PARENT: 1 }))
    await live.next((m) => m.type === 'department.changed' && m.data?.ID === String(b))
    const count = () =>
      live.messages.filter((m) => m.type === 'department.changed' && m.data?.ID === String(a))
        .length
    const before = count()
    ok(await admin.call('department.update', { ID: a, NAME: 'Live A2' }))
    ok(await admin.call('department.update', { ID: a, PARENT: b }))
    ok(await admin.call('department.delete', { ID: a }))
    const deadline = Date.now() + 5000
    while (count() < before + 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50))
    assert.equal(count(), before + 3, JSON.stringify(live.messages))
  })

  test('IS_ONLINE is Y while the person has the portal open, and filters by it', async () => {
    const other = await portal.addEmployee({ NAME: 'Otto', LAST_NAME: 'Offline' })
    const live = await connect(other.session)
    const online = async () =>
      ok(await admin.call('user.get', { FILTER: { IS_ONLINE: 'Y' }, select: ['ID', 'IS_ONLINE'] }))
    await assert.doesNotReject(async () => {
      for (let i = 0; i < 50; i++) {
        if ((await online()).some((u) => u.ID === String(other.id))) return
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error('never online')
    })
    const me = ok(await admin.call('user.get', { ID: other.id, select: ['IS_ONLINE'] }))
    assert.equal(me[0].IS_ONLINE, 'Y')
    live.ws.close()
    for (let i = 0; i < 50; i++) {
      const row = ok(await admin.call('user.get', { ID: other.id, select: ['IS_ONLINE'] }))[0]
      if (row.IS_ONLINE === 'N') break
      await new Promise((r) => setTimeout(r, 50))
    }
    assert.equal(
      ok(await admin.call('user.get', { ID: other.id, select: ['IS_ONLINE'] }))[0].IS_ONLINE,
      'N',
    )
    const offline = ok(await admin.call('user.get', { FILTER: { IS_ONLINE: 'N' }, select: ['ID'] }))
    assert.ok(offline.some((u) => u.ID === String(other.id)))
  })

  test('a settings change sends settings.changed', async () => {
    const live = await connect(employee.session)
    ok(await admin.call('artel.settings.set', { fields: { PORTAL_NAME: 'Live Portal' } }))
    const msg = await live.next((m) => m.type === 'settings.changed')
    assert.equal(typeof msg.data, 'object')
  })

  test('an upgrade without a session, with a bad cookie or after logout is refused', async () => {
    const none = await refusedUpgrade()
    assert.ok(none !== 'open', 'an anonymous /ws was accepted')
    assert.ok(none === 'error' || (none >= 400 && none < 500), `status ${none}`)
    const bad = await refusedUpgrade({ cookie: 'artel_session=not-a-real-session-token' })
    assert.ok(bad !== 'open', 'a forged cookie was accepted')

    const s = await portal.login(employee.email, employee.password)
    await connect(s)
    ok(await s.logout())
    const afterLogout = await refusedUpgrade({ cookie: `artel_session=${s.cookie}` })
    assert.ok(afterLogout !== 'open', 'a logged-out cookie was accepted')
  })

  test('a dismissed person stops receiving events', async () => {
    const leaver = await portal.addEmployee({ NAME: 'Leaving' })
    const live = await connect(leaver.session)
    const closed = new Promise((resolve) => live.ws.once('close', resolve))
    ok(await admin.call('user.update', { ID: leaver.id, ACTIVE: 'N' }))
    const outcome = await Promise.race([
      closed.then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('open'), 5000)),
    ])
    assert.equal(outcome, 'closed', 'the socket of a dismissed person stays open')
  })
})
