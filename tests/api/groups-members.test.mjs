// Members of a workgroup (D1): roles owner / moderator / member; open groups and groups by
// request (request, accept with user.add, reject with user.delete), invitations accepted with
// user.request, leaving; INITIATE_PERMS (who adds people); extranet people only in extranet
// groups; bad input refused with the membership as it was.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { groupCompany, refused, unique } from '../support/groups.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Members Ltd' })
  co = await groupCompany(portal)
})

after(async () => {
  await portal?.stop()
})

const MISSING = 99999900
const add = (who, gid, people) =>
  who.call('sonet_group.user.add', { GROUP_ID: gid, USER_ID: people.map((p) => p.id) })

describe('roles', () => {
  test('user.add answers the ids as strings; user.update makes a moderator and back', async () => {
    const gid = await co.group(co.carl, {})
    const added = ok(await add(co.carl, gid, [co.dora, co.ann]))
    assert.deepEqual([...added].sort(), [String(co.dora.id), String(co.ann.id)].sort())
    const rows = await co.members(co.boris, gid)
    assert.equal(rows[co.ann.id].ROLE, 'K')
    assert.equal(Number((await co.groupGet(co.boris, gid)).NUMBER_OF_MEMBERS), 3)
    const r = await co.carl.call('sonet_group.user.update', {
      GROUP_ID: gid,
      USER_ID: co.dora.id,
      ROLE: 'E',
    })
    assert.equal(ok(r), true)
    assert.equal((await co.roles(co.ann, gid))[co.dora.id], 'E')
    assert.equal((await co.groupGet(co.dora, gid)).USER_ROLE, 'E')
    // A moderator does not change roles; the administrator does.
    fails(
      await co.dora.call('sonet_group.user.update', {
        GROUP_ID: gid,
        USER_ID: co.ann.id,
        ROLE: 'E',
      }),
      403,
      'ACCESS_DENIED',
    )
    ok(
      await co.admin.call('sonet_group.user.update', {
        GROUP_ID: gid,
        USER_ID: co.dora.id,
        ROLE: 'K',
      }),
    )
    assert.deepEqual(await co.roles(co.carl, gid), {
      [co.carl.id]: 'A',
      [co.dora.id]: 'K',
      [co.ann.id]: 'K',
    })
  })

  test('bad roles and bad people change nothing', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora])
    const before = await co.roles(co.carl, gid)
    const update = (params) => co.carl.call('sonet_group.user.update', { GROUP_ID: gid, ...params })
    fails(await update({ USER_ID: co.dora.id, ROLE: 'A' }), 400, 'ERROR_ARGUMENT') // setowner does that
    fails(await update({ USER_ID: co.dora.id, ROLE: 'Z' }), 400, 'ERROR_ARGUMENT')
    fails(await update({ USER_ID: co.dora.id }), 400, 'ERROR_ARGUMENT')
    refused(await update({ USER_ID: co.carl.id, ROLE: 'K' })) // the owner
    refused(await update({ USER_ID: co.boris.id, ROLE: 'E' })) // not a member
    fails(await co.carl.call('sonet_group.user.add', { GROUP_ID: gid }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('sonet_group.user.add', { USER_ID: co.boris.id }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await add(co.carl, gid, [{ id: MISSING }]), 400, 'ERROR_ARGUMENT')
    fails(await add(co.carl, MISSING, [co.boris]), 400, 'ERROR_GROUP_NOT_FOUND')
    assert.deepEqual(await co.roles(co.carl, gid), before)
  })

  test('the owner cannot be removed; a member may be removed by the owner', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora, co.ann])
    refused(await co.admin.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.carl.id }))
    refused(await co.ann.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.dora.id }))
    const removed = ok(
      await co.carl.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.dora.id }),
    )
    assert.deepEqual(removed, [String(co.dora.id)])
    assert.deepEqual(await co.roles(co.carl, gid), { [co.carl.id]: 'A', [co.ann.id]: 'K' })
  })
})

describe('joining', () => {
  test('an open group: user.request joins at once', async () => {
    const gid = await co.group(co.carl, { OPENED: 'Y' })
    assert.equal(ok(await co.boris.call('sonet_group.user.request', { GROUP_ID: gid })), true)
    assert.equal((await co.roles(co.carl, gid))[co.boris.id], 'K')
    assert.ok(
      ok(await co.boris.call('sonet_group.user.groups')).some((g) => Number(g.GROUP_ID) === gid),
    )
  })

  test('by request: the owner sees the request, accepts one with user.add and rejects another with user.delete', async () => {
    const gid = await co.group(co.carl, { OPENED: 'N' })
    await co.join(co.carl, gid, [co.ann])
    ok(await co.boris.call('sonet_group.user.request', { GROUP_ID: gid, MESSAGE: 'Возьмите меня' }))
    ok(await co.uma.call('sonet_group.user.request', { GROUP_ID: gid }))
    const asOwner = await co.members(co.carl, gid)
    assert.equal(asOwner[co.boris.id].ROLE, 'Z')
    assert.equal(asOwner[co.boris.id].INITIATED_BY_TYPE, 'U')
    assert.equal(asOwner[co.uma.id].ROLE, 'Z')
    // A member may not accept, and does not see the requests.
    const asMember = await co.members(co.ann, gid)
    assert.equal(asMember[co.boris.id], undefined)
    assert.equal(asMember[co.uma.id], undefined)
    assert.equal(
      Number((await co.groupGet(co.ann, gid)).NUMBER_OF_MEMBERS),
      2,
      'requests do not count',
    )
    refused(await add(co.ann, gid, [co.boris]))
    assert.equal((await co.roles(co.carl, gid))[co.boris.id], 'Z')
    // A pending request grants nothing.
    const t = await co.task(co.carl, { GROUP_ID: gid })
    assert.equal(await co.get(co.boris, t.id), null)

    assert.deepEqual(ok(await add(co.carl, gid, [co.boris])), [String(co.boris.id)])
    assert.equal((await co.roles(co.carl, gid))[co.boris.id], 'K')
    assert.equal((await co.get(co.boris, t.id)).id, t.id)
    ok(await co.carl.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.uma.id }))
    assert.equal((await co.members(co.carl, gid))[co.uma.id], undefined)
    assert.ok(
      !ok(await co.uma.call('sonet_group.user.groups')).some((g) => Number(g.GROUP_ID) === gid),
    )
    // Rejected, she may ask again.
    ok(await co.uma.call('sonet_group.user.request', { GROUP_ID: gid }))
    assert.equal((await co.roles(co.carl, gid))[co.uma.id], 'Z')
  })

  test('an invitation: the invitee is told, accepts with user.request or declines with user.delete', async () => {
    const NAME = unique('Приглашение')
    const gid = await co.group(co.carl, { NAME })
    const invited = ok(
      await co.carl.call('sonet_group.user.invite', {
        GROUP_ID: gid,
        USER_ID: [co.dora.id, co.olga.id],
        MESSAGE: 'Присоединяйтесь',
      }),
    )
    assert.deepEqual([...invited].sort(), [String(co.dora.id), String(co.olga.id)].sort())
    const rows = await co.members(co.carl, gid)
    assert.equal(rows[co.dora.id].ROLE, 'Z')
    assert.equal(rows[co.dora.id].INITIATED_BY_TYPE, 'G')
    const notices = ok(await co.dora.session.call('im.notify.get'))
    assert.ok(
      notices.notifications.some((n) => String(n.text).includes(NAME)),
      JSON.stringify(notices),
    )
    // The invitation is not membership until accepted.
    assert.equal((await co.groupGet(co.dora, gid)).USER_ROLE, 'Z')
    assert.equal(ok(await co.dora.call('sonet_group.user.request', { GROUP_ID: gid })), true)
    assert.equal((await co.roles(co.carl, gid))[co.dora.id], 'K')
    assert.deepEqual(
      ok(await co.olga.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.olga.id })),
      [String(co.olga.id)],
    )
    assert.equal((await co.members(co.carl, gid))[co.olga.id], undefined)
    // A member is not invited again (Bitrix24 answers no ids); nobody is bad input.
    assert.deepEqual(
      ok(await co.carl.call('sonet_group.user.invite', { GROUP_ID: gid, USER_ID: co.dora.id })),
      [],
    )
    assert.equal((await co.roles(co.carl, gid))[co.dora.id], 'K')
    fails(await co.carl.call('sonet_group.user.invite', { GROUP_ID: gid }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('sonet_group.user.invite', { GROUP_ID: gid, USER_ID: co.boris.id }),
      403,
      'ACCESS_DENIED',
    )
  })

  test('leaving: a member removes themselves and no longer sees the hidden group', async () => {
    const gid = await co.group(co.carl, { VISIBLE: 'N' })
    await co.join(co.carl, gid, [co.ann])
    assert.ok(await co.groupGet(co.ann, gid))
    ok(await co.ann.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.ann.id }))
    assert.equal(await co.groupGet(co.ann, gid), null)
    fails(await co.ann.call('sonet_group.user.get', { ID: gid }), 400, 'ERROR_GROUP_NOT_FOUND')
    // The owner cannot leave: setowner first.
    refused(await co.carl.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.carl.id }))
    assert.equal((await co.roles(co.carl, gid))[co.carl.id], 'A')
  })
})

describe('INITIATE_PERMS: who adds and invites people', () => {
  const setup = async (INITIATE_PERMS) => {
    const gid = await co.group(co.carl, { INITIATE_PERMS })
    await co.join(co.carl, gid, [co.dora, co.ann])
    ok(
      await co.carl.call('sonet_group.user.update', {
        GROUP_ID: gid,
        USER_ID: co.dora.id,
        ROLE: 'E',
      }),
    )
    return gid
  }
  // Dora is a moderator, Ann a member; each tries to add someone.
  const tries = async (gid) => ({
    moderator: (await add(co.dora, gid, [co.boris])).status,
    member: (await add(co.ann, gid, [co.uma])).status,
  })

  test('A: only the owner', async () => {
    const gid = await setup('A')
    assert.deepEqual(await tries(gid), { moderator: 403, member: 403 })
    fails(
      await co.dora.call('sonet_group.user.invite', { GROUP_ID: gid, USER_ID: co.boris.id }),
      403,
      'ACCESS_DENIED',
    )
    assert.equal(Object.keys(await co.roles(co.carl, gid)).length, 3)
  })

  test('E (default): the owner and the moderators', async () => {
    const gid = await setup('E')
    assert.deepEqual(await tries(gid), { moderator: 200, member: 403 })
    const roles = await co.roles(co.carl, gid)
    assert.equal(roles[co.boris.id], 'K')
    assert.equal(roles[co.uma.id], undefined)
  })

  test('K: every member', async () => {
    const gid = await setup('K')
    assert.deepEqual(await tries(gid), { moderator: 200, member: 200 })
    assert.equal((await co.roles(co.carl, gid))[co.uma.id], 'K')
  })

  test('an outsider adds nobody, and the administrator anybody', async () => {
    const gid = await co.group(co.carl, { INITIATE_PERMS: 'K' })
    fails(await add(co.boris, gid, [co.uma]), 403, 'ACCESS_DENIED')
    ok(await add(co.admin, gid, [co.uma]))
    assert.equal((await co.roles(co.carl, gid))[co.uma.id], 'K')
  })
})

describe('extranet people and extranet groups', () => {
  test('an extranet person joins only an extranet group', async () => {
    const plain = await co.group(co.carl, {})
    refused(await add(co.carl, plain, [co.xena]))
    refused(await co.carl.call('sonet_group.user.invite', { GROUP_ID: plain, USER_ID: co.xena.id }))
    assert.equal((await co.members(co.carl, plain))[co.xena.id], undefined)
    const ext = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    ok(await add(co.carl, ext, [co.xena]))
    assert.equal((await co.roles(co.carl, ext))[co.xena.id], 'K')
    // The group cannot stop being an extranet group while it holds one.
    refused(await co.carl.call('sonet_group.update', { GROUP_ID: ext, IS_EXTRANET: 'N' }), [400])
    assert.equal((await co.groupGet(co.carl, ext)).IS_EXTRANET, 'Y')
    // Xena sees her group and its people, and nothing of the plain one.
    assert.deepEqual(await co.groupIds(co.xena), [ext])
    assert.equal((await co.members(co.xena, ext))[co.carl.id].ROLE, 'A')
    fails(await co.xena.call('sonet_group.user.get', { ID: plain }), 400, 'ERROR_GROUP_NOT_FOUND')
    // She may not ask to join another group, even an open one.
    const open = await co.group(co.carl, { OPENED: 'Y', IS_EXTRANET: 'Y' })
    fails(
      await co.xena.call('sonet_group.user.request', { GROUP_ID: open }),
      400,
      'ERROR_GROUP_NOT_FOUND',
    )
  })
})

describe('bad input and scope of every sonet_group method', () => {
  test('missing or malformed required parameters are 400 ERROR_ARGUMENT; nothing changes', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora])
    const before = await co.roles(co.carl, gid)
    const cases = [
      ['sonet_group.update', {}],
      ['sonet_group.update', { GROUP_ID: 'abc', NAME: 'x' }],
      ['sonet_group.delete', {}],
      ['sonet_group.delete', { GROUP_ID: -1 }],
      ['sonet_group.user.get', {}],
      ['sonet_group.user.get', { ID: 'abc' }],
      ['sonet_group.user.add', { GROUP_ID: gid, USER_ID: 'abc' }],
      ['sonet_group.user.delete', { GROUP_ID: gid }],
      ['sonet_group.user.delete', { USER_ID: co.dora.id }],
      ['sonet_group.user.update', { GROUP_ID: gid, ROLE: 'E' }],
      ['sonet_group.user.invite', { USER_ID: co.boris.id }],
      ['sonet_group.user.request', {}],
      ['sonet_group.setowner', { USER_ID: co.dora.id }],
    ]
    const wrong = []
    for (const [method, params] of cases) {
      const r = await co.carl.call(method, params)
      if (r.status !== 400 || r.body?.error !== 'ERROR_ARGUMENT')
        wrong.push(`${method} ${JSON.stringify(params)}: ${r.status} ${r.text.slice(0, 200)}`)
      else fails(r, 400, 'ERROR_ARGUMENT')
    }
    assert.deepEqual(wrong, [], wrong.join('\n'))
    assert.deepEqual(await co.roles(co.carl, gid), before)
    assert.ok(await co.groupGet(co.carl, gid))
  })

  test('a webhook without the sonet_group scope reaches none of them; a caller without a login neither', async () => {
    const methods = [
      'sonet_group.create',
      'sonet_group.update',
      'sonet_group.delete',
      'sonet_group.get',
      'sonet_group.user.get',
      'sonet_group.user.add',
      'sonet_group.user.delete',
      'sonet_group.user.update',
      'sonet_group.user.invite',
      'sonet_group.user.request',
      'sonet_group.setowner',
      'sonet_group.user.groups',
    ]
    for (const m of methods) {
      fails(await co.noScope.call(m, { NAME: 'x', GROUP_ID: 1 }), 403, 'insufficient_scope')
      const r = await fetch(`${portal.url}/rest/${m}`, { method: 'POST' })
      assert.equal(r.status, 401, m)
    }
  })
})

describe('notices about groups', () => {
  test('an invitation, an addition and a request, each in the recipient’s language, linking the group', async () => {
    const NAME = unique('Уведомления')
    const gid = await co.group(co.carl, { NAME, OPENED: 'N' })
    const link = `/workgroups/group/${gid}/`
    ok(await co.olga.call('user.update', { ID: co.olga.id, LANGUAGE_ID: 'en' }))
    const newest = async (who) =>
      ok(await who.session.call('im.notify.get')).notifications.find((n) =>
        String(n.text).includes(NAME),
      )
    ok(
      await co.carl.call('sonet_group.user.invite', {
        GROUP_ID: gid,
        USER_ID: co.olga.id,
        MESSAGE: 'Join us',
      }),
    )
    const invited = await newest(co.olga)
    assert.match(invited.text, /invites you to the group/)
    assert.ok(invited.text.includes(co.carl.name) && invited.text.includes('Join us'), invited.text)
    assert.equal(invited.notify_link, link)
    ok(await co.carl.call('sonet_group.user.add', { GROUP_ID: gid, USER_ID: co.alex.id }))
    assert.match((await newest(co.alex)).text, /добавил\(а\) вас в группу/)
    ok(await co.ann.call('sonet_group.user.request', { GROUP_ID: gid, MESSAGE: 'Возьмите меня' }))
    const asked = await newest(co.carl)
    assert.match(asked.text, /просит принять/)
    assert.ok(asked.text.includes(co.ann.name) && asked.text.includes('Возьмите меня'), asked.text)
    ok(await co.olga.call('user.update', { ID: co.olga.id, LANGUAGE_ID: 'ru' }))
  })
})
