// Time on tasks (C8, C9): planned time, entries by hand with what the time went on, a correction
// that needs a reason kept in the history, entries of the timer; the timer per person (starting
// one stops the one running and records its time); a parent of subtasks keeps its own planned
// time. task.elapseditem.* (positional and named), artel.task.timer.*.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, eventually, mentions, positional } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Time Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const tracked = (fields = {}) =>
  co.standard({ ALLOW_TIME_TRACKING: 'Y', TIME_ESTIMATE: 3600, ...fields })
const entries = async (who, id) => ok(await who.call('task.elapseditem.getlist', positional(id)))
const spent = async (id) => Number((await co.get(co.admin, id)).timeSpentInLogs)

describe('task.elapseditem.add / get / getlist', () => {
  test('an entry by hand, positional as the JS SDK sends it, with what it went on', async () => {
    const t = await tracked()
    const id = ok(
      await co.ann.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 1800, COMMENT_TEXT: 'Звонил клиенту; забыл включить учёт' }),
      ),
    )
    assert.equal(typeof id, 'number')
    const e = ok(await co.ann.call('task.elapseditem.get', positional(t.id, id)))
    assert.equal(e.SECONDS, '1800')
    assert.equal(e.MINUTES, '30')
    assert.equal(e.SOURCE, '2', 'by hand')
    assert.equal(e.USER_ID, String(co.ann.id))
    assert.equal(e.COMMENT_TEXT, 'Звонил клиенту; забыл включить учёт')
    assert.equal(await spent(t.id), 1800)
    // MINUTES instead of SECONDS; named parameters.
    ok(
      await co.alex.call('task.elapseditem.add', {
        TASKID: t.id,
        ARFIELDS: { MINUTES: 10, COMMENT_TEXT: 'Помощь' },
      }),
    )
    assert.equal(await spent(t.id), 2400)
    const list = await co.carl.call('task.elapseditem.getlist', positional(t.id))
    assert.equal(ok(list).length, 2)
    assert.equal(list.body.total, 2)
    const mine = ok(
      await co.carl.call(
        'task.elapseditem.getlist',
        positional(t.id, { ID: 'DESC' }, { USER_ID: co.alex.id }),
      ),
    )
    assert.deepEqual(
      mine.map((x) => x.USER_ID),
      [String(co.alex.id)],
    )
  })

  test('without a comment, with bad seconds or a future date: 400 and nothing recorded', async () => {
    const t = await tracked()
    const cases = [
      [positional(t.id, { SECONDS: 60 }), 'COMMENT_TEXT'],
      [positional(t.id, { SECONDS: 60, COMMENT_TEXT: '   ' }), 'COMMENT_TEXT'],
      [positional(t.id, { COMMENT_TEXT: 'x' }), 'SECONDS'],
      [positional(t.id, { SECONDS: 0, COMMENT_TEXT: 'x' }), 'SECONDS'],
      [positional(t.id, { SECONDS: -5, COMMENT_TEXT: 'x' }), 'SECONDS'],
      [positional(t.id, { SECONDS: 'lots', COMMENT_TEXT: 'x' }), 'SECONDS'],
      [positional(t.id, { SECONDS: 10 ** 9, COMMENT_TEXT: 'x' }), 'SECONDS'],
      [
        positional(t.id, { SECONDS: 60, COMMENT_TEXT: 'x', CREATED_DATE: '2099-01-01' }),
        'CREATED_DATE',
      ],
      [
        positional(t.id, { SECONDS: 60, COMMENT_TEXT: 'x', CREATED_DATE: 'yesterday' }),
        'CREATED_DATE',
      ],
      [positional(t.id, { SECONDS: 60, COMMENT_TEXT: ['x'] }), 'COMMENT_TEXT'],
      [positional(t.id, 'not an object'), 'ARFIELDS'],
      [positional(t.id), 'ARFIELDS'],
    ]
    for (const [params, field] of cases) {
      const body = fails(await co.ann.call('task.elapseditem.add', params), 400, 'ERROR_ARGUMENT')
      assert.equal(body.argument, field, JSON.stringify(params))
    }
    fails(
      await co.ann.call(
        'task.elapseditem.add',
        positional(99999999, { SECONDS: 60, COMMENT_TEXT: 'x' }),
      ),
      400,
      'TASK_NOT_FOUND',
    )
    assert.deepEqual(await entries(co.ann, t.id), [])
    assert.equal(await spent(t.id), 0)
  })

  test('who may enter time: doers and the creator; not an observer, a stranger or a scope-less webhook', async () => {
    const t = await tracked()
    const add = (who, extra = {}) =>
      who.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 60, COMMENT_TEXT: 'x', ...extra }),
      )
    ok(await add(co.carl))
    fails(await add(co.olga), 403, 'ACCESS_DENIED')
    fails(await add(co.ann, { USER_ID: co.alex.id }), 403, 'ACCESS_DENIED')
    for (const who of [co.boris, co.uma, co.xena]) {
      const r = await add(who)
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, t.title))
    }
    fails(
      await co.noScope.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 60, COMMENT_TEXT: 'x' }),
      ),
      403,
      'insufficient_scope',
    )
    // The creator directs: may enter time for Ann.
    const forAnn = ok(await add(co.carl, { USER_ID: co.ann.id }))
    assert.equal(
      ok(await co.ann.call('task.elapseditem.get', positional(t.id, forAnn))).USER_ID,
      String(co.ann.id),
    )
    assert.equal((await entries(co.admin, t.id)).length, 2)
  })

  test("time in another person's name only for a doer of the task", async () => {
    const t = await tracked()
    // A director may book Alex's time (a co-executor), not the hours of someone outside the task.
    ok(
      await co.carl.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 60, COMMENT_TEXT: 'x', USER_ID: co.alex.id }),
      ),
    )
    for (const USER_ID of [co.boris.id, co.olga.id]) {
      const body = fails(
        await co.carl.call(
          'task.elapseditem.add',
          positional(t.id, { SECONDS: 60, COMMENT_TEXT: 'x', USER_ID }),
        ),
        400,
        'ERROR_ARGUMENT',
      )
      assert.equal(body.argument, 'USER_ID')
    }
    // An extranet person cannot book hours in an employee's name on their own task.
    const x = await co.task(co.xena, { ALLOW_TIME_TRACKING: 'Y' })
    fails(
      await co.xena.call(
        'task.elapseditem.add',
        positional(x.id, { SECONDS: 60, COMMENT_TEXT: 'x', USER_ID: co.ann.id }),
      ),
      400,
      'ERROR_ARGUMENT',
    )
    assert.deepEqual(
      (await entries(co.xena, x.id)).map((e) => e.USER_ID),
      [],
    )
    assert.deepEqual(
      (await entries(co.carl, t.id)).map((e) => e.USER_ID),
      [String(co.alex.id)],
    )
  })

  test('getlist without a task covers every task the caller sees, and only those', async () => {
    const mine = await tracked()
    const hidden = await co.task(co.boris, { ALLOW_TIME_TRACKING: 'Y' })
    ok(
      await co.ann.call(
        'task.elapseditem.add',
        positional(mine.id, { SECONDS: 61, COMMENT_TEXT: 'a' }),
      ),
    )
    ok(
      await co.boris.call(
        'task.elapseditem.add',
        positional(hidden.id, { SECONDS: 62, COMMENT_TEXT: 'secret' }),
      ),
    )
    const all = ok(await co.ann.call('task.elapseditem.getlist', {}))
    assert.ok(all.some((e) => e.TASK_ID === String(mine.id)))
    assert.ok(!all.some((e) => e.TASK_ID === String(hidden.id)))
    const r = await co.ann.call('task.elapseditem.getlist', positional(hidden.id))
    fails(r, 400, 'TASK_NOT_FOUND')
    const byOrder = await co.ann.call(
      'task.elapseditem.getlist',
      positional({ ID: 'ASC' }, { TASK_ID: hidden.id }),
    )
    assert.deepEqual(ok(byOrder), [])
    assert.equal(byOrder.body.total, 0)
    // Paging by NAV_PARAMS.
    for (let i = 0; i < 3; i++)
      ok(
        await co.ann.call(
          'task.elapseditem.add',
          positional(mine.id, { SECONDS: 1, COMMENT_TEXT: `p${i}` }),
        ),
      )
    const page = await co.ann.call(
      'task.elapseditem.getlist',
      positional(mine.id, { ID: 'ASC' }, {}, [], { NAV_PARAMS: { nPageSize: 2, iNumPage: 2 } }),
    )
    assert.equal(ok(page).length, 2)
    assert.equal(page.body.total, 4)
  })
})

describe('task.elapseditem.update / delete: correcting an entry', () => {
  test('a changed duration needs a reason; the history keeps old and new totals with it', async () => {
    const t = await tracked()
    const id = ok(
      await co.ann.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 3600, COMMENT_TEXT: 'Договор' }),
      ),
    )
    const body = fails(
      await co.ann.call('task.elapseditem.update', positional(t.id, id, { SECONDS: 1200 })),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(body.argument, 'COMMENT_TEXT')
    fails(
      await co.ann.call(
        'task.elapseditem.update',
        positional(t.id, id, { SECONDS: 1200, COMMENT_TEXT: 'Договор' }),
      ),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(await spent(t.id), 3600, 'a refused correction changes nothing')
    assert.equal(
      ok(
        await co.ann.call(
          'task.elapseditem.update',
          positional(t.id, id, { SECONDS: 1200, COMMENT_TEXT: 'Забыла нажать паузу' }),
        ),
      ),
      null,
    )
    assert.equal(await spent(t.id), 1200)
    const { list } = ok(
      await co.carl.call('tasks.task.history.list', {
        taskId: t.id,
        filter: { FIELD: 'TIME_SPENT_IN_LOGS' },
      }),
    )
    const fix = list.find((h) => h.value.from === '3600' && h.value.to === '1200')
    assert.ok(fix, JSON.stringify(list))
    assert.match(fix.note, /Забыла нажать паузу/)
    assert.equal(fix.user.id, co.ann.id)
  })

  test("another person's entry: only directors correct or delete it; delete keeps the history", async () => {
    const t = await tracked()
    const id = ok(
      await co.ann.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 600, COMMENT_TEXT: 'x' }),
      ),
    )
    fails(
      await co.alex.call(
        'task.elapseditem.update',
        positional(t.id, id, { SECONDS: 60, COMMENT_TEXT: 'y' }),
      ),
      403,
      'ACCESS_DENIED',
    )
    fails(await co.alex.call('task.elapseditem.delete', positional(t.id, id)), 403, 'ACCESS_DENIED')
    fails(
      await co.boris.call('task.elapseditem.delete', positional(t.id, id)),
      400,
      'TASK_NOT_FOUND',
    )
    assert.equal(
      ok(await co.ann.call('task.elapseditem.isactionallowed', positional(t.id, id, 2))),
      true,
    )
    assert.equal(
      ok(await co.alex.call('task.elapseditem.isactionallowed', positional(t.id, id, 3))),
      false,
    )
    assert.equal(
      ok(await co.alex.call('task.elapseditem.isactionallowed', positional(t.id, id, 1))),
      true,
    )
    assert.equal(ok(await co.carl.call('task.elapseditem.delete', positional(t.id, id))), null)
    assert.equal(await spent(t.id), 0)
    fails(
      await co.carl.call('task.elapseditem.get', positional(t.id, id)),
      400,
      'ELAPSED_ITEM_NOT_FOUND',
    )
    fails(
      await co.carl.call('task.elapseditem.delete', positional(t.id, id)),
      400,
      'ELAPSED_ITEM_NOT_FOUND',
    )
    fails(
      await co.carl.call('task.elapseditem.update', positional(t.id, 'x', {})),
      400,
      'ERROR_ARGUMENT',
    )
    const { list } = ok(
      await co.carl.call('tasks.task.history.list', {
        taskId: t.id,
        filter: { FIELD: 'TIME_SPENT_IN_LOGS' },
      }),
    )
    assert.ok(
      list.some((h) => h.value.to === '0' && Number(h.value.from) > 0),
      JSON.stringify(list),
    )
  })

  test('an entry of one task is not reachable through another task', async () => {
    const a = await tracked()
    const b = await tracked()
    const id = ok(
      await co.ann.call(
        'task.elapseditem.add',
        positional(a.id, { SECONDS: 60, COMMENT_TEXT: 'x' }),
      ),
    )
    fails(
      await co.ann.call('task.elapseditem.get', positional(b.id, id)),
      400,
      'ELAPSED_ITEM_NOT_FOUND',
    )
    fails(
      await co.ann.call('task.elapseditem.delete', positional(b.id, id)),
      400,
      'ELAPSED_ITEM_NOT_FOUND',
    )
    assert.equal(await spent(a.id), 60)
  })
})

describe('the timer (artel.task.timer.*, tasks.task.start)', () => {
  test('starting my timer starts the task; starting another stops the first and records its time', async () => {
    const a = await tracked()
    const b = await tracked()
    const run = ok(await co.ann.call('artel.task.timer.start', { taskId: a.id }))
    assert.equal(run.TASK_ID, String(a.id))
    assert.equal(run.TITLE, a.title)
    assert.equal((await co.get(co.ann, a.id)).status, '3', 'a pending task starts')
    assert.equal((await co.get(co.ann, a.id)).timerIsRunningForCurrentUser, 'Y')
    assert.equal(
      (await co.get(co.alex, a.id)).timerIsRunningForCurrentUser,
      'N',
      'the timer is per person',
    )
    await new Promise((r) => setTimeout(r, 1100))
    ok(await co.ann.call('artel.task.timer.start', { taskId: b.id }))
    assert.equal(ok(await co.ann.call('artel.task.timer.get')).TASK_ID, String(b.id))
    const rec = await entries(co.ann, a.id)
    assert.equal(rec.length, 1)
    assert.equal(rec[0].SOURCE, '1', 'recorded by the timer')
    assert.ok(Number(rec[0].SECONDS) >= 1)
    assert.equal(await spent(a.id), Number(rec[0].SECONDS))
    await new Promise((r) => setTimeout(r, 1100))
    const stop = ok(await co.ann.call('artel.task.timer.stop', {}))
    assert.equal(stop.TASK_ID, String(b.id))
    assert.ok(stop.SECONDS >= 1)
    assert.equal(ok(await co.ann.call('artel.task.timer.get')), null)
    assert.equal(await spent(b.id), stop.SECONDS)
  })

  test('pausing or completing a task with my timer running records the time and keeps the total', async () => {
    const t = await tracked()
    ok(await co.ann.call('tasks.task.start', { taskId: t.id }))
    assert.equal(
      ok(await co.ann.call('artel.task.timer.get')).TASK_ID,
      String(t.id),
      'start runs my timer',
    )
    await new Promise((r) => setTimeout(r, 1100))
    ok(await co.ann.call('tasks.task.pause', { taskId: t.id }))
    const afterPause = await entries(co.ann, t.id)
    assert.equal(afterPause.length, 1)
    const sum = afterPause.reduce((s, e) => s + Number(e.SECONDS), 0)
    assert.equal(await spent(t.id), sum, 'timeSpentInLogs is the sum of the entries after a pause')
    ok(await co.ann.call('artel.task.timer.start', { taskId: t.id }))
    await new Promise((r) => setTimeout(r, 1100))
    ok(await co.ann.call('tasks.task.complete', { taskId: t.id }))
    const all = await entries(co.ann, t.id)
    assert.equal(all.length, 2)
    assert.equal(
      await spent(t.id),
      all.reduce((s, e) => s + Number(e.SECONDS), 0),
      'and after completing',
    )
    assert.equal(
      ok(await co.ann.call('artel.task.timer.get')),
      null,
      'completing stops every timer',
    )
  })

  test('refused: time tracking off, an observer, a stranger, a completed task', async () => {
    const off = await co.standard({ ALLOW_TIME_TRACKING: 'N' })
    fails(await co.ann.call('artel.task.timer.start', { taskId: off.id }), 400, 'TIME_TRACKING_OFF')
    const t = await tracked()
    fails(await co.olga.call('artel.task.timer.start', { taskId: t.id }), 403, 'ACCESS_DENIED')
    fails(await co.boris.call('artel.task.timer.start', { taskId: t.id }), 400, 'TASK_NOT_FOUND')
    fails(
      await co.noScope.call('artel.task.timer.start', { taskId: t.id }),
      403,
      'insufficient_scope',
    )
    ok(await co.ann.call('tasks.task.complete', { taskId: t.id }))
    fails(await co.ann.call('artel.task.timer.start', { taskId: t.id }), 403, 'ACCESS_DENIED')
    fails(await co.ann.call('artel.task.timer.start', {}), 400, 'ERROR_ARGUMENT')
    assert.equal(ok(await co.olga.call('artel.task.timer.get')), null)
    assert.deepEqual(ok(await co.olga.call('artel.task.timer.stop', {})), {
      TASK_ID: '0',
      SECONDS: 0,
    })
  })

  test('timeElapsed counts the running timer for its owner', async () => {
    const t = await tracked()
    ok(await co.alex.call('artel.task.timer.start', { taskId: t.id }))
    await new Promise((r) => setTimeout(r, 1100))
    const g = await co.get(co.alex, t.id)
    assert.ok(Number(g.timeElapsed) >= 1, JSON.stringify(g.timeElapsed))
    assert.ok(g.timerStartedAt)
    ok(await co.alex.call('artel.task.timer.stop', { taskId: t.id }))
  })
})

describe('planned time of a general task and its subtasks (C9)', () => {
  test('a parent keeps its own planned time; its subtasks keep theirs', async () => {
    const parent = await co.standard({
      TITLE: 'Общая: Заключить договор',
      ALLOW_TIME_TRACKING: 'N',
      TIME_ESTIMATE: 0,
      DESCRIPTION: 'Планируемое время: 3 ч',
    })
    const kids = []
    for (const [title, est] of [
      ['Подготовить договор', 3600],
      ['Согласовать договор', 1800],
      ['Получить оригинал', 900],
    ])
      kids.push(
        await co.standard({
          TITLE: title,
          PARENT_ID: parent.id,
          ALLOW_TIME_TRACKING: 'Y',
          TIME_ESTIMATE: est,
        }),
      )
    const p = await co.get(co.carl, parent.id)
    assert.equal(p.timeEstimate, '0', 'not summed from the subtasks')
    assert.equal(p.allowTimeTracking, 'N')
    const { tasks } = await co.list(co.carl, {
      filter: { PARENT_ID: parent.id },
      select: ['ID', 'TIME_ESTIMATE', 'PARENT_ID'],
    })
    assert.deepEqual(tasks.map((t) => t.timeEstimate).sort(), ['1800', '3600', '900'])
    const counted = await co.list(co.carl, {
      filter: { ID: parent.id },
      select: ['ID', 'SUBTASKS_COUNT'],
    })
    assert.equal(counted.tasks[0].subtasksCount, 3)
    // Time goes on the subtasks; the parent's total stays its own.
    ok(
      await co.ann.call(
        'task.elapseditem.add',
        positional(kids[0].id, { SECONDS: 600, COMMENT_TEXT: 'черновик' }),
      ),
    )
    assert.equal(await spent(parent.id), 0)
    assert.equal(await spent(kids[0].id), 600)
    await eventually(async () => (await co.get(co.carl, kids[0].id)).timeSpentInLogs === '600')
  })
})
