// Who sees a task (B3): its members, the heads of the departments of any member and of every
// department above, administrators — and nobody else, in tasks.task.get and in every list
// (a stranger's list never contains the task and its total agrees). The structure drives it
// live: moving a person to another department moves the sight of their heads.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions } from '../support/tasks.mjs'

let portal
let co
let everyone

before(async () => {
  portal = await startPortal({ portalName: 'Access Ltd' })
  co = await company(portal)
  everyone = {
    admin: co.admin,
    helen: co.helen,
    eric: co.eric,
    uma: co.uma,
    carl: co.carl,
    olga: co.olga,
    ann: co.ann,
    alex: co.alex,
    boris: co.boris,
    dora: co.dora,
    xena: co.xena,
  }
})

after(async () => {
  await portal?.stop()
})

// For each person: does tasks.task.get find it, and does their list filtered by the id?
async function sight(task) {
  const out = {}
  for (const [name, who] of Object.entries(everyone)) {
    const got = await co.get(who, task.id)
    const byId = await co.list(who, { filter: { ID: task.id } })
    const all = await co.list(who, { filter: { '>=ID': task.id }, select: ['ID', 'TITLE'] })
    assert.equal(byId.total, byId.ids.length, `${name}: total agrees with the rows`)
    assert.equal(Boolean(got), byId.ids.length === 1, `${name}: get and list agree`)
    assert.equal(all.ids.includes(Number(task.id)), Boolean(got), `${name}: the open list agrees`)
    if (!got) assert.ok(!mentions(all.r, task.title), `${name}: no title in the list`)
    out[name] = Boolean(got)
  }
  return Object.keys(out)
    .filter((k) => out[k])
    .sort()
}

describe('visibility', () => {
  test('a task across Sales and Sales East: members, both heads above, the administrator', async () => {
    const t = await co.standard({ TITLE: 'Видимость: договор' })
    assert.deepEqual(await sight(t), ['admin', 'alex', 'ann', 'carl', 'eric', 'helen', 'olga'])
  })

  test('a task inside Support: its head sees it, the head of an unrelated department does not', async () => {
    const t = await co.task(co.boris, { TITLE: 'Видимость: поддержка' })
    assert.deepEqual(await sight(t), ['admin', 'boris', 'uma'])
  })

  test('a task of the top department: the head of the top (the administrator) and the member', async () => {
    const t = await co.task(co.dora, { TITLE: 'Видимость: верх' })
    assert.deepEqual(await sight(t), ['admin', 'dora'])
  })

  test('an extranet person sees only the tasks they are in', async () => {
    const own = await co.task(co.xena, { TITLE: 'Видимость: экстранет' })
    assert.deepEqual(await sight(own), ['admin', 'xena'])
    // Outside people take part only in tasks of their groups.
    const outside = await co.admin.call('tasks.task.add', {
      fields: {
        TITLE: 'Видимость: не в группе',
        RESPONSIBLE_ID: co.ann.id,
        AUDITORS: [co.xena.id],
      },
    })
    assert.equal(fails(outside, 400, 'ERROR_ARGUMENT').argument, 'AUDITORS')
    const group = ok(
      await co.portal.call('sonet_group.create', {
        NAME: 'Видимость: клиентская группа',
        IS_EXTRANET: 'Y',
        VISIBLE: 'N',
        EXTRANET_TASKS: 'OWN',
      }),
    )
    ok(await co.portal.call('sonet_group.user.add', { GROUP_ID: group, USER_ID: co.xena.id }))
    const t = await co.task(co.admin, {
      TITLE: 'Видимость: клиент наблюдает',
      RESPONSIBLE_ID: co.ann.id,
      AUDITORS: [co.xena.id],
      GROUP_ID: group,
    })
    assert.deepEqual(await sight(t), ['admin', 'ann', 'eric', 'helen', 'xena'])
    const list = await co.list(co.xena, {})
    assert.deepEqual(list.ids.sort(), [Number(own.id), Number(t.id)].sort())
    assert.equal(list.total, 2)
  })

  test('moving a person to another department moves the sight of the heads', async () => {
    const t = await co.task(co.alex, { TITLE: 'Видимость: переезд' })
    assert.deepEqual(await sight(t), ['admin', 'alex', 'eric', 'helen'])
    ok(
      await co.admin.call('user.update', {
        ID: co.alex.id,
        UF_DEPARTMENT: [co.departments.support],
      }),
    )
    assert.deepEqual(await sight(t), ['admin', 'alex', 'uma'])
    ok(await co.admin.call('user.update', { ID: co.alex.id, UF_DEPARTMENT: [co.departments.east] }))
    assert.deepEqual(await sight(t), ['admin', 'alex', 'eric', 'helen'])
  })

  test('a new head sees at once; the former head no longer', async () => {
    const t = await co.task(co.boris, { TITLE: 'Видимость: новый начальник' })
    ok(
      await co.admin.call('department.update', { ID: co.departments.support, UF_HEAD: co.dora.id }),
    )
    try {
      assert.deepEqual(await sight(t), ['admin', 'boris', 'dora'])
    } finally {
      ok(
        await co.admin.call('department.update', {
          ID: co.departments.support,
          UF_HEAD: co.uma.id,
        }),
      )
    }
  })

  test('removing a member takes the task away from them and from their heads', async () => {
    const t = await co.task(co.boris, { TITLE: 'Видимость: ушёл', AUDITORS: [co.olga.id] })
    assert.deepEqual(await sight(t), ['admin', 'boris', 'helen', 'olga', 'uma'])
    ok(await co.boris.call('tasks.task.update', { taskId: t.id, fields: { AUDITORS: [] } }))
    assert.deepEqual(await sight(t), ['admin', 'boris', 'uma'])
  })
})

describe('role views and the subordinates filter (C14)', () => {
  test('Doing, Helping, Observing, Assigned by me; SUBORDINATE for a head only', async () => {
    const t = await co.standard({ TITLE: 'Роли' })
    const has = async (who, filter) =>
      (await co.list(who, { filter: { ID: t.id, ...filter } })).ids.length === 1
    assert.ok(await has(co.ann, { RESPONSIBLE_ID: co.ann.id }))
    assert.ok(await has(co.alex, { ACCOMPLICE: co.alex.id }))
    assert.ok(await has(co.olga, { AUDITOR: co.olga.id }))
    assert.ok(await has(co.carl, { CREATED_BY: co.carl.id }))
    assert.ok(!(await has(co.olga, { RESPONSIBLE_ID: co.olga.id })))
    assert.ok(await has(co.eric, { SUBORDINATE: 'Y' }))
    assert.ok(await has(co.helen, { SUBORDINATE: 'Y' }))
    assert.ok(!(await has(co.ann, { SUBORDINATE: 'Y' })))
    assert.ok(!(await has(co.uma, { SUBORDINATE: 'Y' })))
    // A head's own task counts only once someone below them takes part: the head is in the
    // department they head, but is not their own subordinate.
    const own = await co.task(co.eric, { TITLE: 'Своя', RESPONSIBLE_ID: co.eric.id })
    const hasOwn = async (filter) =>
      (await co.list(co.eric, { filter: { ID: own.id, ...filter } })).ids.length === 1
    assert.ok(await hasOwn({}))
    assert.ok(!(await hasOwn({ SUBORDINATE: 'Y' })))
    assert.ok(await hasOwn({ '!SUBORDINATE': 'Y' }))
    // The negation never widens sight either.
    assert.ok(!(await has(co.boris, { '!SUBORDINATE': 'Y' })))
    assert.ok(!(await has(co.uma, { '!SUBORDINATE': 'Y' })))
    ok(
      await co.eric.call('tasks.task.update', {
        taskId: own.id,
        fields: { AUDITORS: [co.alex.id] },
      }),
    )
    assert.ok(await hasOwn({ SUBORDINATE: 'Y' }))
    assert.ok(!(await hasOwn({ '!SUBORDINATE': 'Y' })))
    // A filter on someone else's role never widens sight.
    assert.ok(!(await has(co.boris, { RESPONSIBLE_ID: co.ann.id })))
    assert.ok(!(await has(co.boris, { MEMBER: co.boris.id })))
  })
})
