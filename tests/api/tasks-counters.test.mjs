// tasks.task.counters.get (C15): overdue, almost overdue, not viewed, new comments unseen,
// waiting for my control, without deadline — each agreeing with the list it opens; a
// subordinate's counters for their head and administrators, nothing for anyone else.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Counters Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const counters = async (who, params = {}) => ok(await who.call('tasks.task.counters.get', params))
const n = (c, name) => c[name].counter
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, '+00:00')

describe('tasks.task.counters.get', () => {
  test('each counter moves with what it counts', async () => {
    const zero = await counters(co.ann)
    for (const k of [
      'expired',
      'expired_soon',
      'not_viewed',
      'new_comments',
      'wait_ctrl',
      'without_deadline',
    ]) {
      assert.equal(typeof zero[k].counter, 'number', k)
      assert.equal(typeof zero[k].code, 'number', k)
    }
    assert.equal(n(zero, 'expired'), 0)
    const overdue = await co.task(co.carl, {
      RESPONSIBLE_ID: co.ann.id,
      DEADLINE: iso(Date.now() - 3600e3),
    })
    const soon = await co.task(co.carl, {
      RESPONSIBLE_ID: co.ann.id,
      DEADLINE: iso(Date.now() + 3600e3),
    })
    let c = await counters(co.ann)
    assert.equal(n(c, 'expired'), 1)
    assert.equal(n(c, 'expired_soon'), 1)
    assert.equal(n(c, 'not_viewed'), 2)
    ok(await co.ann.call('artel.task.viewed', { taskId: overdue.id }))
    assert.equal(n(await counters(co.ann), 'not_viewed'), 1)
    // New comments by others count until Ann opens the task.
    ok(
      await co.carl.call('task.commentitem.add', {
        TASKID: soon.id,
        FIELDS: { POST_MESSAGE: 'Как дела?' },
      }),
    )
    assert.equal(n(await counters(co.ann), 'new_comments'), 1)
    ok(
      await co.ann.call('task.commentitem.add', {
        TASKID: soon.id,
        FIELDS: { POST_MESSAGE: 'Делаю' },
      }),
    )
    assert.equal(n(await counters(co.ann), 'new_comments'), 0, 'answering is reading')
    // Views and comments are stored in whole seconds: a comment in the same second as Ann's
    // last view counts as seen, so this one comes a second later.
    await new Promise((r) => setTimeout(r, 1100))
    ok(
      await co.carl.call('task.commentitem.add', {
        TASKID: soon.id,
        FIELDS: { POST_MESSAGE: 'Жду' },
      }),
    )
    assert.equal(n(await counters(co.ann), 'new_comments'), 1)
    ok(await co.ann.call('artel.task.viewed', { taskId: soon.id }))
    assert.equal(n(await counters(co.ann), 'new_comments'), 0)
    // Completing clears overdue; work waiting for Carl's control counts for Carl.
    const ctl = await co.task(co.carl, {
      RESPONSIBLE_ID: co.ann.id,
      TASK_CONTROL: 'Y',
      DEADLINE: iso(Date.now() + 86400e3 * 30),
    })
    ok(await co.ann.call('tasks.task.complete', { taskId: overdue.id }))
    ok(await co.ann.call('tasks.task.complete', { taskId: ctl.id }))
    c = await counters(co.ann)
    assert.equal(n(c, 'expired'), 0)
    const carl = await counters(co.carl)
    assert.equal(n(carl, 'wait_ctrl'), 1)
    // Without a deadline: tasks Carl gave others, still open.
    const before = n(carl, 'without_deadline')
    await co.task(co.carl, { RESPONSIBLE_ID: co.alex.id })
    assert.equal(n(await counters(co.carl), 'without_deadline'), before + 1)
    const list = await co.list(co.carl, {
      filter: {
        CREATED_BY: co.carl.id,
        '!RESPONSIBLE_ID': co.carl.id,
        DEADLINE: '',
        REAL_STATUS: [1, 2, 3],
      },
    })
    assert.equal(list.total, before + 1, 'the counter agrees with its list')
  })

  test('the role views count their role only', async () => {
    const t = await co.task(co.carl, {
      RESPONSIBLE_ID: co.boris.id,
      AUDITORS: [co.dora.id],
      DEADLINE: iso(Date.now() - 60e3),
    })
    assert.equal(n(await counters(co.dora, { type: 'view_role_auditor' }), 'expired'), 1)
    assert.equal(n(await counters(co.dora, { type: 'view_role_responsible' }), 'expired'), 0)
    assert.equal(n(await counters(co.boris, { type: 'view_role_responsible' }), 'expired'), 1)
    assert.ok(n(await counters(co.carl, { type: 'view_role_originator' }), 'expired') >= 1)
    ok(await co.boris.call('tasks.task.complete', { taskId: t.id }))
  })

  test("a subordinate's counters for their head and an administrator; [] for others", async () => {
    const t = await co.task(co.carl, {
      RESPONSIBLE_ID: co.alex.id,
      DEADLINE: iso(Date.now() - 60e3),
    })
    const own = await counters(co.alex)
    assert.deepEqual(
      await counters(co.eric, { userId: co.alex.id }),
      own,
      'the head of his department',
    )
    assert.deepEqual(await counters(co.helen, { userId: co.alex.id }), own, 'the head above')
    assert.deepEqual(await counters(co.admin, { userId: co.alex.id }), own)
    for (const who of [co.uma, co.boris, co.ann, co.xena])
      assert.deepEqual(await counters(who, { userId: co.alex.id }), [])
    assert.equal(n(await counters(co.eric, { type: 'view_subordinates' }), 'expired') >= 1, true)
    assert.equal(n(await counters(co.uma, { type: 'view_subordinates' }), 'expired'), 0)
    ok(await co.alex.call('tasks.task.complete', { taskId: t.id }))
  })

  test('bad input is a 400; no task scope is refused', async () => {
    fails(await co.ann.call('tasks.task.counters.get', { userId: 'me' }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('tasks.task.counters.get', { type: 'view_everything' }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.ann.call('tasks.task.counters.get', { groupId: 'g' }), 400, 'ERROR_ARGUMENT')
    fails(await co.noScope.call('tasks.task.counters.get', {}), 403, 'insufficient_scope')
    assert.deepEqual(await counters(co.admin, { userId: 99999999 }), [])
  })
})
