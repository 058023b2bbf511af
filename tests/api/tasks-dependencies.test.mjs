// Dependencies for the Gantt chart (C18): task.dependence.add / delete, artel.task.dependence.list,
// DEPENDS_ON on the task; cycles refused with ILLEGAL_NEW_LINK; who may link; hidden ends.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Gantt Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const link = (who, from, to, linkType = 2) =>
  who.call('task.dependence.add', { taskIdFrom: from, taskIdTo: to, linkType })
const links = async (who, ids) => ok(await who.call('artel.task.dependence.list', { taskIds: ids }))

describe('task.dependence.*', () => {
  test('add, list, delete; the later task shows dependsOn and the history records it', async () => {
    const a = await co.standard()
    const b = await co.standard()
    const c = await co.standard()
    assert.deepEqual(ok(await link(co.carl, a.id, b.id, 2)), [])
    assert.deepEqual(ok(await link(co.ann, b.id, c.id, 0)), [], 'the doer plans too')
    assert.deepEqual(await links(co.olga, [a.id, b.id, c.id]), [
      { taskIdFrom: String(a.id), taskIdTo: String(b.id), linkType: '2' },
      { taskIdFrom: String(b.id), taskIdTo: String(c.id), linkType: '0' },
    ])
    assert.deepEqual((await co.get(co.carl, b.id)).dependsOn, [String(a.id)])
    const { ids } = await co.list(co.carl, { filter: { DEPENDS_ON: a.id } })
    assert.deepEqual(ids, [Number(b.id)])
    const { list: h } = ok(
      await co.carl.call('tasks.task.history.list', {
        taskId: b.id,
        filter: { FIELD: 'DEPENDS_ON' },
      }),
    )
    assert.equal(h[0].value.to, String(a.id))
    assert.deepEqual(
      ok(await co.carl.call('task.dependence.delete', { taskIdFrom: a.id, taskIdTo: b.id })),
      [],
    )
    assert.deepEqual((await co.get(co.carl, b.id)).dependsOn, [])
    fails(
      await co.carl.call('task.dependence.delete', { taskIdFrom: a.id, taskIdTo: b.id }),
      400,
      'LINK_NOT_FOUND',
    )
  })

  test('a cycle is ILLEGAL_NEW_LINK, directly, through a chain, through DEPENDS_ON, and to itself', async () => {
    const a = await co.standard()
    const b = await co.standard()
    const c = await co.standard()
    ok(await link(co.carl, a.id, b.id))
    ok(await link(co.carl, b.id, c.id))
    fails(await link(co.carl, c.id, a.id), 400, 'ILLEGAL_NEW_LINK')
    fails(await link(co.carl, b.id, a.id), 400, 'ILLEGAL_NEW_LINK')
    fails(await link(co.carl, a.id, a.id), 400, 'ILLEGAL_NEW_LINK')
    fails(
      await co.carl.call('tasks.task.update', { taskId: a.id, fields: { DEPENDS_ON: [c.id] } }),
      400,
      'ILLEGAL_NEW_LINK',
    )
    assert.deepEqual((await co.get(co.carl, a.id)).dependsOn, [])
    assert.equal((await links(co.carl, [a.id, b.id, c.id])).length, 2)
  })

  test('refused: an observer, a task the caller cannot see at either end, bad input', async () => {
    const a = await co.standard()
    const b = await co.standard()
    const hidden = await co.task(co.boris, { TITLE: 'Скрытая задача Бориса' })
    fails(await link(co.olga, a.id, b.id), 403, 'ACCESS_DENIED')
    for (const [from, to] of [
      [hidden.id, a.id],
      [a.id, hidden.id],
    ]) {
      const r = await link(co.carl, from, to)
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, 'Скрытая'))
    }
    fails(await link(co.boris, a.id, hidden.id), 400, 'TASK_NOT_FOUND')
    fails(
      await co.noScope.call('task.dependence.add', {
        taskIdFrom: a.id,
        taskIdTo: b.id,
        linkType: 2,
      }),
      403,
      'insufficient_scope',
    )
    fails(
      await co.carl.call('task.dependence.add', { taskIdTo: b.id, linkType: 2 }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('task.dependence.add', { taskIdFrom: 'a', taskIdTo: b.id }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await link(co.carl, a.id, b.id, 7), 400, 'ERROR_ARGUMENT')
    fails(await link(co.carl, a.id, b.id, 'soon'), 400, 'ERROR_ARGUMENT')
    fails(await co.carl.call('artel.task.dependence.list', {}), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('artel.task.dependence.list', { taskIds: ['x'] }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.deepEqual(await links(co.carl, [a.id, b.id]), [])
  })

  test('the list never shows a link with a hidden end', async () => {
    const mine = await co.task(co.boris, {})
    const other = await co.task(co.boris, { RESPONSIBLE_ID: co.uma.id })
    ok(await link(co.boris, mine.id, other.id))
    assert.equal((await links(co.boris, [mine.id])).length, 1)
    assert.deepEqual(await links(co.carl, [mine.id, other.id]), [])
    assert.deepEqual(await links(co.xena, [mine.id, other.id]), [])
  })
})
