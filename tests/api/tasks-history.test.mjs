// The history of a task (C7): tasks.task.history.list — every change with who, when, from and
// to: creation, title, status changes, the deadline moves (and their count, deadlineChanges),
// the responsible handed on, members, time added; filter by FIELD, order; who may read it.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions, positional } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'History Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const history = async (who, id, params = {}) =>
  ok(await who.call('tasks.task.history.list', { taskId: id, ...params })).list

describe('tasks.task.history.list', () => {
  test('who, when, from and to of every change, the deadline moves counted', async () => {
    const t = await co.standard({ DEADLINE: '2031-03-01T18:00:00+03:00', ALLOW_TIME_TRACKING: 'Y' })
    ok(await co.carl.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'Новое имя' } }))
    ok(
      await co.ann.call('tasks.task.update', {
        taskId: t.id,
        fields: { DEADLINE: '2031-03-05T18:00:00+03:00' },
      }),
    )
    ok(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: { DEADLINE: '2031-03-10T18:00:00+03:00' },
      }),
    )
    ok(await co.ann.call('tasks.task.start', { taskId: t.id }))
    ok(await co.ann.call('tasks.task.delegate', { taskId: t.id, userId: co.alex.id }))
    ok(
      await co.alex.call(
        'task.elapseditem.add',
        positional(t.id, { SECONDS: 900, COMMENT_TEXT: 'звонок' }),
      ),
    )
    const list = await history(co.olga, t.id, { order: { ID: 'ASC' } })
    const by = (field) => list.filter((e) => e.field === field)
    assert.equal(list[0].field, 'NEW')
    assert.equal(list[0].user.id, co.carl.id)
    assert.match(list[0].createdDate, ISO_WITH_OFFSET)
    assert.deepEqual(by('TITLE')[0].value, { from: t.title, to: 'Новое имя' })
    const moves = by('DEADLINE')
    assert.equal(moves.length, 2)
    assert.equal(moves[0].user.id, co.ann.id)
    assert.equal(Date.parse(moves[0].value.from), Date.parse('2031-03-01T18:00:00+03:00'))
    assert.equal(Date.parse(moves[0].value.to), Date.parse('2031-03-05T18:00:00+03:00'))
    assert.match(moves[0].value.from, ISO_WITH_OFFSET)
    assert.equal(moves[1].user.id, co.carl.id)
    assert.deepEqual(
      by('STATUS').map((e) => [e.value.from, e.value.to]),
      [
        ['2', '3'],
        ['3', '2'],
      ],
    )
    const handed = by('RESPONSIBLE_ID')[0]
    assert.deepEqual(handed.value, { from: String(co.ann.id), to: String(co.alex.id) })
    assert.equal(handed.user.id, co.ann.id)
    assert.equal(handed.user.name, 'Ann')
    assert.equal(handed.user.lastName, 'Responsible')
    assert.ok(by('AUDITORS').length >= 1)
    const time = by('TIME_SPENT_IN_LOGS')[0]
    assert.deepEqual(time.value, { from: '0', to: '900' })
    assert.match(time.note, /звонок/)
    const g = await co.get(co.carl, t.id)
    assert.equal(g.deadlineChanges, 2, 'the first deadline is not a move')
    const withCount = await co.list(co.carl, {
      filter: { ID: t.id },
      select: ['ID', 'DEADLINE_CHANGES'],
    })
    assert.equal(withCount.tasks[0].deadlineChanges, 2)
  })

  test('filter by FIELD, order by createdDate or ID, camelCase keys', async () => {
    const t = await co.standard()
    for (const p of [0, 2, 1])
      ok(await co.carl.call('tasks.task.update', { taskId: t.id, fields: { PRIORITY: p } }))
    const only = await history(co.carl, t.id, {
      filter: { FIELD: 'PRIORITY' },
      order: { ID: 'ASC' },
    })
    assert.deepEqual(
      only.map((e) => e.value.to),
      ['0', '2', '1'],
    )
    const desc = await history(co.carl, t.id, {
      filter: { FIELD: 'PRIORITY' },
      order: { createdDate: 'DESC', id: 'DESC' },
    })
    assert.deepEqual(
      desc.map((e) => e.value.to),
      ['1', '2', '0'],
    )
    const byUser = await history(co.carl, t.id, { filter: { USER_ID: co.ann.id } })
    assert.deepEqual(byUser, [])
  })

  test('strangers get TASK_NOT_FOUND and no trace; bad input is a 400', async () => {
    const t = await co.standard({ TITLE: 'История с секретом' })
    for (const who of [co.boris, co.uma, co.xena, co.dora]) {
      const r = await who.call('tasks.task.history.list', { taskId: t.id })
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, 'секретом'))
    }
    fails(
      await co.noScope.call('tasks.task.history.list', { taskId: t.id }),
      403,
      'insufficient_scope',
    )
    fails(await co.carl.call('tasks.task.history.list', {}), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('tasks.task.history.list', { taskId: t.id, filter: { NOPE: 1 } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('tasks.task.history.list', { taskId: t.id, order: { NOPE: 'ASC' } }),
      400,
      'ERROR_ARGUMENT',
    )
    // The head above a member reads it (B3).
    assert.ok((await history(co.helen, t.id)).length >= 1)
  })
})
