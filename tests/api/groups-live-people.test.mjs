// Live profile updates keep the extranet boundary: `user.updated` reaches exactly the people who
// may see the person. An outside person's change reaches the people of their groups and the
// administrators, not the other employees; an employee's change reaches every employee and the
// outside people who share a group with them, not the other outside people.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { groupCompany, unique } from '../support/groups.mjs'
import { openLive } from '../support/live.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let co
const sockets = []

before(async () => {
  portal = await startPortal()
  co = await groupCompany(portal)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
})

// Opens a live connection for each person; resolves to { name: { live, person } }.
async function listeners(people) {
  const out = {}
  for (const [name, person] of Object.entries(people))
    out[name] = { live: await openLive(portal, person.session, sockets), person }
  return out
}

const updateOf = (id, marker) => (m) =>
  m.type === 'user.updated' && m.data?.ID === String(id) && m.data?.WORK_POSITION === marker

// Waits until `yes` have the update, then checks that `no` have not: each of them then changes
// their own profile; a connection's messages arrive in order, so once their own update is in,
// the other one would have come before it.
async function reached(people, id, marker, yes, no) {
  for (const name of yes)
    await people[name].live.next(updateOf(id, marker)).catch((e) => {
      throw new Error(`${name}: ${e.message}`)
    })
  for (const name of no) {
    const { live, person } = people[name]
    const probe = unique('probe')
    ok(await person.call('user.update', { ID: person.id, WORK_POSITION: probe }))
    await live.next(updateOf(person.id, probe))
    assert.ok(!live.messages.some(updateOf(id, marker)), `${name} got the update`)
  }
}

describe('user.updated and the extranet boundary', () => {
  test('an outside person’s change: the group’s people and administrators, nobody else', async () => {
    const gid = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    await co.join(co.carl, gid, [co.xena])
    const live = await listeners({
      carl: co.carl,
      boris: co.boris,
      xena: co.xena,
      yuri: co.yuri,
      admin: co.admin,
    })
    const marker = unique('Клиент')
    ok(await co.xena.call('user.update', { ID: co.xena.id, WORK_POSITION: marker }))
    await reached(live, co.xena.id, marker, ['carl', 'xena', 'admin'], ['boris', 'yuri'])
  })

  test('an employee’s change: every employee and the outside people of their groups', async () => {
    const gid = await co.group(co.ann, { IS_EXTRANET: 'Y' })
    await co.join(co.ann, gid, [co.yuri])
    const live = await listeners({ boris: co.boris, yuri: co.yuri, xena: co.xena })
    const marker = unique('Сотрудник')
    ok(await co.ann.call('user.update', { ID: co.ann.id, WORK_POSITION: marker }))
    await reached(live, co.ann.id, marker, ['boris', 'yuri'], ['xena'])
  })
})
