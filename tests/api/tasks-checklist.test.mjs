// Checklists (C3): task.checklistitem.add / getlist / get / update / delete / complete / renew /
// moveafteritem / isactionallowed; the first list made on demand in the person's language; the
// history of each change; who may change it; bad input.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions, positional } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Checklists Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const add = (who, id, fields) => who.call('task.checklistitem.add', positional(id, fields))
const items = async (who, id) => ok(await who.call('task.checklistitem.getlist', positional(id)))

describe('task.checklistitem.*', () => {
  test('points go into the first list, made when needed; complete, renew, rename, reorder, delete', async () => {
    const t = await co.standard()
    const a = ok(await add(co.ann, t.id, { TITLE: 'Подготовить проект' }))
    const b = ok(await add(co.ann, t.id, { TITLE: 'Отправить клиенту', IS_IMPORTANT: 'Y' }))
    const c = ok(await add(co.carl, t.id, { TITLE: 'Получить подпись' }))
    let rows = await items(co.olga, t.id)
    const list = rows.find((r) => r.PARENT_ID === '0')
    assert.equal(list.TITLE, 'Чек-лист 1', 'in the default language')
    const points = rows.filter((r) => r.PARENT_ID === list.ID)
    assert.deepEqual(
      points.map((r) => Number(r.ID)),
      [a, b, c],
    )
    assert.equal(points[1].IS_IMPORTANT, 'Y')
    assert.equal(points[0].IS_COMPLETE, 'N')
    assert.equal(ok(await co.ann.call('task.checklistitem.complete', positional(t.id, a))), true)
    assert.equal(
      ok(await co.ann.call('task.checklistitem.complete', positional(t.id, a))),
      true,
      'idempotent',
    )
    const done = ok(await co.ann.call('task.checklistitem.get', positional(t.id, a)))
    assert.equal(done.IS_COMPLETE, 'Y')
    assert.equal(done.TOGGLED_BY, String(co.ann.id))
    assert.ok(done.TOGGLED_DATE)
    assert.equal(ok(await co.ann.call('task.checklistitem.renew', positional(t.id, a))), true)
    assert.equal(
      ok(
        await co.ann.call(
          'task.checklistitem.update',
          positional(t.id, b, { TITLE: 'Отправить Клиенту X', IS_COMPLETE: 'Y' }),
        ),
      ),
      null,
    )
    assert.equal(
      ok(await co.ann.call('task.checklistitem.moveafteritem', positional(t.id, a, c))),
      true,
    )
    rows = (await items(co.ann, t.id)).filter((r) => r.PARENT_ID === list.ID)
    assert.deepEqual(
      rows.map((r) => Number(r.ID)),
      [b, c, a],
    )
    assert.equal(ok(await co.carl.call('task.checklistitem.delete', positional(t.id, c))), true)
    fails(
      await co.carl.call('task.checklistitem.get', positional(t.id, c)),
      400,
      'CHECKLIST_ITEM_NOT_FOUND',
    )
    const tree = (await co.get(co.ann, t.id)).checklist
    assert.ok(tree[a] && tree[b] && !tree[c], JSON.stringify(tree))
    const { list: h } = ok(
      await co.carl.call('tasks.task.history.list', { taskId: t.id, order: { ID: 'ASC' } }),
    )
    const fields = h.map((e) => e.field)
    for (const f of [
      'CHECKLIST_ITEM_CREATE',
      'CHECKLIST_ITEM_CHECK',
      'CHECKLIST_ITEM_UNCHECK',
      'CHECKLIST_ITEM_RENAME',
      'CHECKLIST_ITEM_REMOVE',
    ])
      assert.ok(fields.includes(f), `${f} in ${fields}`)
    assert.ok(
      h.some(
        (e) =>
          e.field === 'CHECKLIST_ITEM_RENAME' &&
          e.value.from === 'Отправить клиенту' &&
          e.value.to === 'Отправить Клиенту X',
      ),
    )
  })

  test('PARENT_ID 0 makes a new list; a list in English for an English speaker', async () => {
    ok(await co.admin.call('user.update', { ID: co.alex.id, LANGUAGE_ID: 'en' }))
    const t = await co.standard()
    ok(await add(co.alex, t.id, { TITLE: 'first' }))
    const second = ok(await add(co.alex, t.id, { TITLE: 'Второй список', PARENT_ID: 0 }))
    const p = ok(await add(co.alex, t.id, { TITLE: 'point', PARENT_ID: second }))
    const rows = await items(co.alex, t.id)
    assert.ok(rows.some((r) => r.TITLE === 'Checklist 1' && r.PARENT_ID === '0'))
    assert.equal(rows.find((r) => Number(r.ID) === p).PARENT_ID, String(second))
    fails(await add(co.alex, t.id, { TITLE: 'x', PARENT_ID: p }), 400, 'ERROR_ARGUMENT')
  })

  test('an observer, a stranger, an unrelated head, an extranet person may not change it', async () => {
    const t = await co.standard()
    const a = ok(await add(co.ann, t.id, { TITLE: 'Секретный пункт' }))
    fails(await add(co.olga, t.id, { TITLE: 'x' }), 403, 'ACCESS_DENIED')
    fails(
      await co.olga.call('task.checklistitem.complete', positional(t.id, a)),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await co.olga.call('task.checklistitem.delete', positional(t.id, a)),
      403,
      'ACCESS_DENIED',
    )
    assert.equal(
      ok(await co.olga.call('task.checklistitem.isactionallowed', positional(t.id, a, 4))),
      false,
    )
    assert.equal(
      ok(await co.ann.call('task.checklistitem.isactionallowed', positional(t.id, a, 4))),
      true,
    )
    for (const who of [co.boris, co.uma, co.xena]) {
      for (const [m, params] of [
        ['task.checklistitem.getlist', positional(t.id)],
        ['task.checklistitem.get', positional(t.id, a)],
        ['task.checklistitem.add', positional(t.id, { TITLE: 'x' })],
        ['task.checklistitem.update', positional(t.id, a, { TITLE: 'x' })],
        ['task.checklistitem.complete', positional(t.id, a)],
        ['task.checklistitem.delete', positional(t.id, a)],
      ]) {
        const r = await who.call(m, params)
        fails(r, 400, 'TASK_NOT_FOUND')
        assert.ok(!mentions(r, 'Секретный'))
      }
    }
    fails(
      await co.noScope.call('task.checklistitem.getlist', positional(t.id)),
      403,
      'insufficient_scope',
    )
    const rows = await items(co.ann, t.id)
    assert.equal(rows.length, 2)
    assert.ok(rows.every((r) => r.IS_COMPLETE === 'N'))
  })

  test('bad input: titles, ids, flags; items of another task', async () => {
    const t = await co.standard()
    const other = await co.standard()
    const a = ok(await add(co.ann, t.id, { TITLE: 'a' }))
    for (const fields of [
      {},
      { TITLE: '' },
      { TITLE: ['x'] },
      { TITLE: 'x'.repeat(2001) },
      { TITLE: 'x', PARENT_ID: 'p' },
      { TITLE: 'x', SORT_INDEX: 'z' },
    ])
      fails(await add(co.ann, t.id, fields), 400, 'ERROR_ARGUMENT')
    fails(await co.ann.call('task.checklistitem.add', positional(t.id, 'x')), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('task.checklistitem.update', positional(t.id, a, { IS_COMPLETE: 'maybe' })),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.ann.call('task.checklistitem.update', positional(t.id, a, { TITLE: '' })),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.ann.call('task.checklistitem.update', positional(t.id, a)),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.ann.call('task.checklistitem.get', positional(t.id)), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('task.checklistitem.moveafteritem', positional(t.id, a, -1)),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.ann.call('task.checklistitem.moveafteritem', positional(t.id, a, 99999999)),
      400,
      'CHECKLIST_ITEM_NOT_FOUND',
    )
    fails(
      await co.ann.call('task.checklistitem.isactionallowed', positional(t.id, a)),
      400,
      'ERROR_ARGUMENT',
    )
    for (const m of [
      'task.checklistitem.get',
      'task.checklistitem.complete',
      'task.checklistitem.renew',
      'task.checklistitem.delete',
    ])
      fails(await co.ann.call(m, positional(other.id, a)), 400, 'CHECKLIST_ITEM_NOT_FOUND')
    assert.equal(ok(await co.ann.call('task.checklistitem.get', positional(t.id, a))).TITLE, 'a')
  })
})
