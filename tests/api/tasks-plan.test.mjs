// My Plan (C16): task.stages.get / add / update / delete / movetask with entityId 0 — three
// columns made at first use in the person's language, the first holds every task not placed;
// tasks.task.list with PLAN_STAGE_ID and order PLAN_SORT; each person's board is their own.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Plan Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

// The answer is keyed by id; JavaScript orders integer keys numerically, so sort by SORT.
const stages = async (who) =>
  Object.values(ok(await who.call('task.stages.get', { entityId: 0 }))).sort(
    (a, b) => Number(a.SORT) - Number(b.SORT),
  )
const column = async (who, stageId) =>
  (
    await co.list(who, {
      filter: { DOER: who.id, PLAN_STAGE_ID: stageId },
      order: { PLAN_SORT: 'ASC' },
      select: ['ID', 'PLAN_STAGE_ID'],
    })
  ).ids

describe('task.stages.* (My Plan)', () => {
  test('three columns at first use; every task of mine sits in the first until placed', async () => {
    const s = await stages(co.ann)
    assert.equal(s.length, 3)
    assert.deepEqual(
      s.map((x) => x.TITLE),
      ['Не спланированы', 'Сделаю на неделе', 'Сделаю позже'],
    )
    assert.equal(s[0].SYSTEM_TYPE, 'NEW')
    assert.equal(s[0].ENTITY_TYPE, 'U')
    assert.equal(s[0].ENTITY_ID, String(co.ann.id))
    assert.match(s[0].COLOR, /^[0-9A-F]{6}$/)
    const t1 = await co.standard()
    const t2 = await co.standard()
    assert.deepEqual(await column(co.ann, s[0].ID), [Number(t2.id), Number(t1.id)], 'newest first')
    assert.deepEqual(await column(co.ann, s[1].ID), [])
    // Move t1 to "this week", then t2 before it.
    assert.equal(
      ok(await co.ann.call('task.stages.movetask', { id: t1.id, stageId: s[1].ID })),
      true,
    )
    assert.equal(
      ok(await co.ann.call('task.stages.movetask', { id: t2.id, stageId: s[1].ID, before: t1.id })),
      true,
    )
    assert.deepEqual(await column(co.ann, s[1].ID), [Number(t2.id), Number(t1.id)])
    assert.deepEqual(await column(co.ann, s[0].ID), [])
    const g = await co.get(co.ann, t1.id, ['ID', 'PLAN_STAGE_ID'])
    assert.equal(g.planStageId, String(s[1].ID))
    // Alex's board is his own: the same tasks are still unplanned for him.
    const a = await stages(co.alex)
    assert.deepEqual(await column(co.alex, a[0].ID), [Number(t2.id), Number(t1.id)])
  })

  test('add, rename, recolour, reorder and delete columns; the first stays', async () => {
    const before = await stages(co.carl)
    const id = ok(
      await co.carl.call('task.stages.add', {
        fields: { TITLE: 'Срочно', COLOR: '#ff0000', AFTER_ID: before[0].ID },
      }),
    )
    let s = await stages(co.carl)
    assert.deepEqual(s.map((x) => Number(x.ID)).slice(0, 2), [Number(before[0].ID), id])
    assert.equal(s[1].COLOR, 'FF0000')
    assert.equal(
      ok(
        await co.carl.call('task.stages.update', {
          id,
          fields: { TITLE: 'Очень срочно', AFTER_ID: before[2].ID },
        }),
      ),
      true,
    )
    s = await stages(co.carl)
    assert.equal(s[s.length - 1].TITLE, 'Очень срочно')
    fails(
      await co.carl.call('task.stages.update', { id: before[0].ID, fields: { AFTER_ID: id } }),
      400,
      'IS_SYSTEM',
    )
    fails(await co.carl.call('task.stages.delete', { id: before[0].ID }), 400, 'CANT_DELETE_FIRST')
    // A task placed in a deleted column goes back to the first.
    const t = await co.task(co.carl, {})
    ok(await co.carl.call('task.stages.movetask', { id: t.id, stageId: id }))
    assert.equal(ok(await co.carl.call('task.stages.delete', { id })), true)
    assert.ok((await column(co.carl, before[0].ID)).includes(Number(t.id)))
  })

  test("nobody reaches another person's column; bad input is a 400", async () => {
    const mine = await stages(co.ann)
    fails(
      await co.boris.call('task.stages.update', { id: mine[1].ID, fields: { TITLE: 'x' } }),
      400,
      'NOT_FOUND',
    )
    fails(await co.boris.call('task.stages.delete', { id: mine[1].ID }), 400, 'NOT_FOUND')
    const t = await co.standard()
    fails(
      await co.boris.call('task.stages.movetask', { id: t.id, stageId: mine[1].ID }),
      400,
      'TASK_NOT_FOUND',
    )
    const b = await stages(co.boris)
    fails(
      await co.ann.call('task.stages.movetask', { id: t.id, stageId: b[1].ID }),
      400,
      'NOT_FOUND',
    )
    // Helen sees the task as a head but is not in it: it does not go into her plan.
    const h = await stages(co.helen)
    fails(
      await co.helen.call('task.stages.movetask', { id: t.id, stageId: h[1].ID }),
      403,
      'ACCESS_DENIED_MOVE',
    )
    fails(await co.noScope.call('task.stages.get', { entityId: 0 }), 403, 'insufficient_scope')
    fails(await co.ann.call('task.stages.get', { entityId: 7 }), 400, 'ERROR_ARGUMENT')
    fails(await co.ann.call('task.stages.add', { fields: { TITLE: '' } }), 400, 'EMPTY_TITLE')
    fails(
      await co.ann.call('task.stages.add', { fields: { TITLE: 'x', COLOR: 'red' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.ann.call('task.stages.add', { fields: { TITLE: 'x', AFTER_ID: 99999999 } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.ann.call('task.stages.add', {}), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('task.stages.update', { fields: { TITLE: 'x' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.ann.call('task.stages.movetask', { id: t.id }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('task.stages.movetask', { id: t.id, stageId: mine[1].ID, before: 'x' }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.deepEqual(
      (await stages(co.ann)).map((x) => x.TITLE),
      mine.map((x) => x.TITLE),
    )
  })

  test("columns are made in the person's language", async () => {
    ok(await co.admin.call('user.update', { ID: co.dora.id, LANGUAGE_ID: 'ro' }))
    assert.deepEqual(
      (await stages(co.dora)).map((x) => x.TITLE),
      ['Neplanificate', 'Săptămâna aceasta', 'Mai târziu'],
    )
  })
})
