// Events of the portal in the feed (E4): a task created or completed, seen by those who see the
// task (its members, the heads above them, the group of a group task) and following the task's
// people as they change, gone with the task; a workgroup's creation, seen by everyone for a
// visible group and only by the members of a hidden one; an employee's arrival (added with a
// password, or accepting an invitation), and none for an outside person.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { email, ok } from '../support/expect.mjs'
import { feedCompany, notFound, unique } from '../support/feed.mjs'
import { request, sessionFrom } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'

let smtp
let portal
let co

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({ smtp, portalName: 'Feed Events Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  await portal?.stop()
  await smtp?.stop()
})

const PEOPLE = ['helen', 'eric', 'uma', 'carl', 'olga', 'ann', 'alex', 'boris', 'dora', 'xena']
const ALL = [...PEOPLE, 'yuri', 'admin']

// The events about an object that `who` sees, as [TYPE, id] pairs, newest first.
const events = async (who, type, id) =>
  (await co.eventsOf(who, type, id)).map((e) => [e.EVENT.TYPE, Number(e.ID)])
// The people (by name) who see the entry, checked in log.feed.get and log.blogcomment.get.
async function audience(id, names = ALL) {
  const out = []
  for (const name of names) if (await co.sees(co[name], id)) out.push(name)
  return out
}
const TASK_PEOPLE = ['helen', 'eric', 'carl', 'olga', 'ann', 'alex', 'admin']

describe('task events', () => {
  let task
  let created
  before(async () => {
    task = await co.standard({ TITLE: unique('Подготовить отчёт') })
    ;[created] = await co.eventsOf(co.carl, 'task', task.id)
  })

  test('a new task makes task_created, seen by its people and the heads above them', async () => {
    assert.ok(created, 'Carl sees the event')
    assert.equal(created.ENTRY_TYPE, 'event')
    assert.equal(created.AUTHOR_ID, String(co.carl.id))
    assert.deepEqual(created.EVENT, {
      TYPE: 'task_created',
      OBJECT_TYPE: 'task',
      OBJECT_ID: String(task.id),
      LINK: `/tasks/task/view/${task.id}/`,
    })
    assert.equal(created.CAN_EDIT, 'N')
    assert.deepEqual(await audience(created.ID), TASK_PEOPLE)
  })

  test('an observer added later sees it; taken off again, no longer', async () => {
    ok(
      await co.carl.call('tasks.task.update', {
        taskId: task.id,
        fields: { AUDITORS: [co.olga.id, co.boris.id] },
      }),
    )
    // Boris and the head of his department, Uma, now see the task and its event.
    assert.deepEqual(await audience(created.ID), [
      'helen',
      'eric',
      'uma',
      'carl',
      'olga',
      'ann',
      'alex',
      'boris',
      'admin',
    ])
    ok(
      await co.carl.call('tasks.task.update', {
        taskId: task.id,
        fields: { AUDITORS: [co.olga.id] },
      }),
    )
    assert.deepEqual(await audience(created.ID), TASK_PEOPLE)
  })

  test('completing the task makes task_completed for the same people', async () => {
    ok(await co.ann.call('tasks.task.complete', { taskId: task.id }))
    const seen = await events(co.ann, 'task', task.id)
    assert.deepEqual(
      seen.map(([type]) => type),
      ['task_completed', 'task_created'],
    )
    const [completedId] = seen[0].slice(1)
    assert.ok(completedId > Number(created.ID))
    const completed = await co.entry(co.ann, completedId)
    assert.equal(completed.AUTHOR_ID, String(co.ann.id), 'the one who completed it')
    assert.equal(completed.EVENT.OBJECT_ID, String(task.id))
    assert.deepEqual(await audience(completedId), TASK_PEOPLE)
  })

  test('deleting the task removes its entries', async () => {
    const ids = (await events(co.carl, 'task', task.id)).map(([, id]) => id)
    assert.equal(ids.length, 2)
    ok(await co.carl.call('tasks.task.delete', { taskId: task.id }))
    for (const id of ids) {
      assert.deepEqual(await audience(id), [])
      notFound(await co.admin.call('log.blogcomment.get', { POST_ID: id }))
    }
    assert.deepEqual(await events(co.admin, 'task', task.id), [])
  })

  test('a group’s task is seen by the group’s members, also those who join later', async () => {
    const gid = await co.group(co.uma, { VISIBLE: 'N' })
    await co.join(co.uma, gid, [co.dora])
    const t = await co.task(co.uma, { GROUP_ID: gid, RESPONSIBLE_ID: co.uma.id })
    const [e] = await co.eventsOf(co.uma, 'task', t.id)
    assert.ok(e, 'Uma sees the event')
    assert.ok(e.DEST.includes(`SG${gid}`), JSON.stringify(e.DEST))
    assert.deepEqual(await audience(e.ID, ['uma', 'dora', 'boris', 'carl', 'admin']), [
      'uma',
      'dora',
      'admin',
    ])
    await co.join(co.uma, gid, [co.carl])
    assert.equal(await co.sees(co.carl, e.ID), true)
  })

  test('an unrelated employee never sees a task’s events', async () => {
    const t = await co.task(co.ann, { RESPONSIBLE_ID: co.alex.id })
    ok(await co.alex.call('tasks.task.complete', { taskId: t.id }))
    const seen = await events(co.admin, 'task', t.id)
    assert.equal(seen.length, 2)
    for (const [, id] of seen) {
      assert.equal(await co.sees(co.boris, id), false)
      assert.equal(await co.sees(co.dora, id), false)
      assert.equal(await co.sees(co.xena, id), false)
      assert.equal(await co.sees(co.eric, id), true)
    }
    assert.deepEqual(await events(co.boris, 'task', t.id), [])
  })
})

describe('workgroup events', () => {
  test('a visible group’s creation is seen by every employee', async () => {
    const name = unique('Открытая группа')
    const gid = await co.group(co.carl, { NAME: name })
    const [e] = await co.eventsOf(co.boris, 'group', gid)
    assert.ok(e, 'Boris sees it')
    assert.equal(e.AUTHOR_ID, String(co.carl.id))
    assert.deepEqual(e.EVENT, {
      TYPE: 'group_created',
      OBJECT_TYPE: 'group',
      OBJECT_ID: String(gid),
      LINK: `/workgroups/group/${gid}/`,
    })
    assert.deepEqual(await audience(e.ID), [...PEOPLE.filter((n) => n !== 'xena'), 'admin'])
  })

  test('a hidden group’s creation is seen only by its members', async () => {
    const name = unique('Скрытая группа')
    const gid = await co.group(co.carl, { NAME: name, VISIBLE: 'N' })
    const [e] = await co.eventsOf(co.carl, 'group', gid)
    assert.ok(e, 'Carl sees it')
    assert.deepEqual(await audience(e.ID), ['carl', 'admin'])
    await co.join(co.carl, gid, [co.dora])
    assert.deepEqual(await audience(e.ID), ['carl', 'dora', 'admin'])
    // Nothing of it in Boris's feed, nor found by its name.
    const r = await co.boris.call('log.feed.get', { FILTER: { SEARCH: name } })
    assert.deepEqual(ok(r).entries, [])
    assert.ok(!r.text.includes(name))
  })

  test('a group made hidden takes its creation out of the others’ feeds', async () => {
    const gid = await co.group(co.carl, {})
    const [e] = await co.eventsOf(co.carl, 'group', gid)
    assert.equal(await co.sees(co.boris, e.ID), true)
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: gid, VISIBLE: 'N' }))
    assert.equal(await co.sees(co.boris, e.ID), false)
    assert.equal(await co.sees(co.carl, e.ID), true)
  })

  test('an extranet group’s people see its creation; other outside people do not', async () => {
    const gid = await co.group(co.carl, { IS_EXTRANET: 'Y', VISIBLE: 'N' })
    await co.join(co.carl, gid, [co.yuri])
    const [e] = await co.eventsOf(co.carl, 'group', gid)
    assert.deepEqual(await audience(e.ID, ['carl', 'yuri', 'xena', 'boris']), ['carl', 'yuri'])
  })
})

describe('arrivals', () => {
  // The user_joined entries about a person that `who` sees.
  const joined = async (who, id) =>
    (await co.eventsOf(who, 'user', id)).filter((e) => e.EVENT.TYPE === 'user_joined')

  test('an employee added with a password: user_joined, seen by every employee', async () => {
    const p = await co.employee('Nadia', co.departments.support)
    const [e] = await joined(co.boris, p.id)
    assert.ok(e, 'Boris sees the arrival')
    assert.equal(e.AUTHOR_ID, String(p.id))
    assert.deepEqual(e.EVENT, {
      TYPE: 'user_joined',
      OBJECT_TYPE: 'user',
      OBJECT_ID: String(p.id),
      LINK: `/company/personal/user/${p.id}/`,
    })
    assert.deepEqual(await audience(e.ID), [...PEOPLE.filter((n) => n !== 'xena'), 'admin'])
    assert.equal((await joined(p, p.id)).length, 1, 'the newcomer sees it too')
  })

  test('an invited employee arrives when accepting the invitation', async () => {
    const address = email('invited')
    const id = ok(
      await co.admin.call('user.add', {
        EMAIL: address,
        NAME: 'Inna',
        LAST_NAME: 'Invited',
        UF_DEPARTMENT: [1],
      }),
    )
    assert.deepEqual(await joined(co.admin, id), [], 'not before accepting')
    const message = await smtp.waitFor((m) => m.to.includes(address), 15000)
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(message.text)[1]
    const r = await request(`${portal.url}/rest/artel.invitation.accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ TOKEN: token, NAME: 'Inna', PASSWORD: 'Invited-secret-1' }),
    })
    assert.ok(sessionFrom(portal.url, r), r.text)
    const [e] = await joined(co.dora, id)
    assert.ok(e, 'Dora sees the arrival')
    assert.equal(e.EVENT.OBJECT_ID, String(id))
    assert.equal(await co.sees(co.xena, e.ID), false)
  })

  test('an outside person’s arrival makes no entry', async () => {
    const gid = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    const address = email('outsider')
    const added = ok(
      await co.admin.call('user.add', {
        EMAIL: address,
        PASSWORD: 'Outside-secret-1',
        EXTRANET: 'Y',
        NAME: 'Oscar',
      }),
    )
    assert.deepEqual(await joined(co.admin, added), [])
    // Invited into a group, accepting.
    const invited = email('client')
    const id = ok(
      await co.carl.call('user.add', { EMAIL: invited, EXTRANET: 'Y', SONET_GROUP_ID: [gid] }),
    )
    const message = await smtp.waitFor((m) => m.to.includes(invited), 15000)
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(message.text)[1]
    const r = await request(`${portal.url}/rest/artel.invitation.accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ TOKEN: token, NAME: 'Клиент', PASSWORD: 'Client-secret-1' }),
    })
    assert.ok(sessionFrom(portal.url, r), r.text)
    assert.deepEqual(await joined(co.admin, id), [])
    assert.deepEqual(await co.eventsOf(co.admin, 'user', id), [])
  })
})
