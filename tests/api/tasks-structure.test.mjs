// A head sees the tasks of the people below them (B3) — and that follows the structure when it
// changes: a person moved to another department, a department moved under another one, a
// department deleted. Lists, counts and single reads agree.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal()
  co = await company(portal, { extranet: false })
})

after(async () => {
  await portal?.stop()
})

// Whether `who` sees the task in the list (with the right total) and by tasks.task.get.
async function sees(who, id) {
  const listed = await co.list(who, { filter: { ID: id } })
  const got = await co.get(who, id)
  assert.equal(listed.total, listed.ids.length, 'total agrees with the rows')
  assert.equal(listed.ids.includes(Number(id)), got !== null, 'list and get agree')
  return got !== null
}

async function move(person, department) {
  ok(await co.admin.call('user.update', { ID: person.id, UF_DEPARTMENT: [department] }))
}

describe('a head sees the tasks of the people below', () => {
  test('heads above the responsible see it; an unrelated head does not', async () => {
    const t = await co.task(co.dora, { RESPONSIBLE_ID: co.ann.id })
    assert.equal(await sees(co.eric, t.id), true) // Sales East, Ann's own department
    assert.equal(await sees(co.helen, t.id), true) // Sales, above Sales East
    assert.equal(await sees(co.uma, t.id), false) // Support
    assert.equal(await sees(co.boris, t.id), false)
  })

  test('a person moved to another department takes their tasks along', async () => {
    const person = await portal.addEmployee({ NAME: 'Mover', UF_DEPARTMENT: [co.departments.east] })
    person.call = (await portal.hook(['task'], { user: person.id })).call
    const t = await co.task(co.dora, { RESPONSIBLE_ID: person.id })
    assert.equal(await sees(co.helen, t.id), true)
    assert.equal(await sees(co.uma, t.id), false)
    await move(person, co.departments.support)
    assert.equal(await sees(co.helen, t.id), false)
    assert.equal(await sees(co.eric, t.id), false)
    assert.equal(await sees(co.uma, t.id), true)
  })

  test('a department moved under another head brings its people’s tasks to that head', async () => {
    const team = ok(
      await co.admin.call('department.add', { NAME: 'Team', PARENT: co.departments.east }),
    )
    const person = await portal.addEmployee({ NAME: 'Member', UF_DEPARTMENT: [team] })
    const t = await co.task(co.dora, { RESPONSIBLE_ID: person.id })
    assert.equal(await sees(co.helen, t.id), true)
    assert.equal(await sees(co.uma, t.id), false)
    ok(await co.admin.call('department.update', { ID: team, PARENT: co.departments.support }))
    assert.equal(await sees(co.helen, t.id), false)
    assert.equal(await sees(co.eric, t.id), false)
    assert.equal(await sees(co.uma, t.id), true)
    // Counters of the head follow too: the task is among Uma's subordinates' tasks.
    const counters = ok(await co.uma.call('tasks.task.counters.get', { type: 'view_subordinates' }))
    assert.ok(counters.expired.counter >= 0)
    const subordinates = await co.list(co.uma, { filter: { SUBORDINATE: 'Y', ID: t.id } })
    assert.deepEqual(subordinates.ids, [Number(t.id)])
  })

  test('the head of the whole company sees every task an employee is in', async () => {
    const ceo = await portal.addEmployee({ NAME: 'Chief', UF_DEPARTMENT: [1] })
    ceo.call = (await portal.hook(['task'], { user: ceo.id })).call
    ok(await co.admin.call('department.update', { ID: 1, UF_HEAD: ceo.id }))
    const t = await co.task(co.boris, { RESPONSIBLE_ID: co.uma.id })
    assert.equal(await sees(ceo, t.id), true)
    const all = await co.list(ceo, {})
    const everything = await co.list(co.admin, {})
    assert.equal(all.total, everything.total, 'every task of this portal has an employee in it')
    ok(await co.admin.call('department.update', { ID: 1, UF_HEAD: portal.adminId }))
    assert.equal(await sees(ceo, t.id), false)
  })
})

describe('a head sees the tasks of the people below: members joining, leaving, changing roles', () => {
  test("a member who only changes roles keeps the task in their head's view; leaving takes it out", async () => {
    // Uma's own task (Support); Alex (Sales East) is its only link to Eric and Helen.
    const t = await co.task(co.uma, { AUDITORS: [co.alex.id] })
    assert.equal(await sees(co.eric, t.id), true)
    assert.equal(await sees(co.helen, t.id), true)
    // The observer becomes a co-executor: the same people, another role.
    ok(
      await co.uma.call('tasks.task.update', {
        taskId: t.id,
        fields: { AUDITORS: [], ACCOMPLICES: [co.alex.id] },
      }),
    )
    assert.equal(await sees(co.eric, t.id), true)
    assert.equal(await sees(co.helen, t.id), true)
    // Alex leaves the task: nobody below Eric or Helen is in it any more.
    ok(await co.uma.call('tasks.task.update', { taskId: t.id, fields: { ACCOMPLICES: [] } }))
    assert.equal(await sees(co.eric, t.id), false)
    assert.equal(await sees(co.helen, t.id), false)
    // The responsible, once someone of Sales East, brings it back.
    ok(await co.uma.call('tasks.task.delegate', { taskId: t.id, userId: co.ann.id }))
    assert.equal(await sees(co.eric, t.id), true)
    assert.equal(await sees(co.boris, t.id), false)
  })
})
