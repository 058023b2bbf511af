// Saved filters of the task list (C14): artel.task.filter.list / add / update / delete — a
// person's named filters ("СТЭК": a far deadline range), each person's own; the saved filter
// runs as a tasks.task.list filter.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Filters Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

describe('artel.task.filter.*', () => {
  test('add, list, run, update, delete a saved filter: the СТЭК backlog', async () => {
    const stack = await co.task(co.ann, {
      TITLE: 'СТЭК: пересмотреть регламент',
      DEADLINE: '2040-01-01T10:00:00',
    })
    await co.task(co.ann, { TITLE: 'Сегодня', DEADLINE: '2030-01-01T10:00:00' })
    const FIELDS = { '>DEADLINE': '2035-01-01T00:00:00', RESPONSIBLE_ID: co.ann.id }
    const id = ok(await co.ann.call('artel.task.filter.add', { NAME: 'СТЭК', FIELDS, SORT: 10 }))
    assert.equal(typeof id, 'number')
    const [saved] = ok(await co.ann.call('artel.task.filter.list'))
    assert.deepEqual(saved, { ID: String(id), NAME: 'СТЭК', FIELDS, SORT: '10' })
    const { ids } = await co.list(co.ann, { filter: saved.FIELDS })
    assert.deepEqual(ids, [Number(stack.id)])
    assert.equal(
      ok(await co.ann.call('artel.task.filter.update', { ID: id, NAME: 'Бэклог', SORT: 5 })),
      true,
    )
    assert.equal(ok(await co.ann.call('artel.task.filter.list'))[0].NAME, 'Бэклог')
    assert.equal(ok(await co.ann.call('artel.task.filter.delete', { ID: id })), true)
    assert.deepEqual(ok(await co.ann.call('artel.task.filter.list')), [])
  })

  test("each person's filters are their own", async () => {
    const id = ok(
      await co.carl.call('artel.task.filter.add', {
        NAME: 'Мои',
        FIELDS: { CREATED_BY: co.carl.id },
      }),
    )
    assert.deepEqual(ok(await co.boris.call('artel.task.filter.list')), [])
    assert.deepEqual(ok(await co.admin.call('artel.task.filter.list')), [])
    fails(
      await co.boris.call('artel.task.filter.update', { ID: id, NAME: 'x' }),
      400,
      'FILTER_NOT_FOUND',
    )
    fails(await co.boris.call('artel.task.filter.delete', { ID: id }), 400, 'FILTER_NOT_FOUND')
    fails(await co.xena.call('artel.task.filter.delete', { ID: id }), 400, 'FILTER_NOT_FOUND')
    fails(await co.noScope.call('artel.task.filter.list'), 403, 'insufficient_scope')
    assert.equal(ok(await co.carl.call('artel.task.filter.list'))[0].NAME, 'Мои')
  })

  test('bad input is a 400 and saves nothing', async () => {
    for (const params of [
      {},
      { NAME: '', FIELDS: {} },
      { NAME: 'x' },
      { NAME: 'x', FIELDS: 'DEADLINE' },
      { NAME: 'x'.repeat(256), FIELDS: {} },
      { NAME: 'x', FIELDS: { a: 'y'.repeat(20001) } },
    ])
      fails(await co.dora.call('artel.task.filter.add', params), 400, 'ERROR_ARGUMENT')
    fails(await co.dora.call('artel.task.filter.update', { NAME: 'x' }), 400, 'ERROR_ARGUMENT')
    fails(await co.dora.call('artel.task.filter.delete', { ID: 'abc' }), 400, 'ERROR_ARGUMENT')
    const id = ok(await co.dora.call('artel.task.filter.add', { NAME: 'ok', FIELDS: {} }))
    fails(
      await co.dora.call('artel.task.filter.update', { ID: id, FIELDS: [1] }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.deepEqual(
      ok(await co.dora.call('artel.task.filter.list')).map((f) => f.NAME),
      ['ok'],
    )
  })
})
