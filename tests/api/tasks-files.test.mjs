// Files on a task (C2): task.item.addfile / getfiles / deletefile; the task object's files and
// ufTaskWebdavFiles; the 20 MB limit; who may attach and remove; bad input.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok, PNG_1X1 } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions, positional } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Files Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const attach = (who, id, NAME = 'plan.png', CONTENT = PNG_1X1) =>
  who.call('task.item.addfile', positional(id, { NAME, CONTENT }))
const files = async (who, id) => ok(await who.call('task.item.getfiles', positional(id)))

describe('task.item.addfile, getfiles, deletefile', () => {
  test('a doer attaches; everyone who sees the task lists and downloads it', async () => {
    const t = await co.standard()
    const id = ok(await attach(co.ann, t.id))
    assert.equal(typeof id, 'number')
    const list = await files(co.olga, t.id)
    assert.equal(list.length, 1)
    assert.equal(list[0].NAME, 'plan.png')
    assert.equal(list[0].SIZE, String(Buffer.from(PNG_1X1, 'base64').length))
    assert.equal(list[0].CREATED_BY, String(co.ann.id))
    const res = await fetch(list[0].DOWNLOAD_URL)
    assert.equal(res.status, 200)
    const g = await co.get(co.carl, t.id)
    assert.deepEqual(g.ufTaskWebdavFiles, [`n${id}`])
    assert.equal(g.files[0].name, 'plan.png')
    const { list: h } = ok(
      await co.carl.call('tasks.task.history.list', { taskId: t.id, filter: { FIELD: 'FILES' } }),
    )
    assert.equal(h[0].value.to, 'plan.png')
    // Named parameters.
    ok(
      await co.carl.call('task.item.addfile', {
        TASK_ID: t.id,
        FILE: { NAME: 'b.txt', CONTENT: Buffer.from('hello').toString('base64') },
      }),
    )
    assert.equal((await files(co.ann, t.id)).length, 2)
  })

  test('an observer may not attach; strangers see nothing; the uploader or a director removes', async () => {
    const t = await co.standard()
    fails(await attach(co.olga, t.id), 403, 'ACCESS_DENIED')
    const id = ok(await attach(co.ann, t.id, 'secret-plan.png'))
    for (const who of [co.boris, co.uma, co.xena]) {
      const r = await who.call('task.item.getfiles', positional(t.id))
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, 'secret-plan'))
      fails(await attach(who, t.id), 400, 'TASK_NOT_FOUND')
      fails(await who.call('task.item.deletefile', positional(t.id, id)), 400, 'TASK_NOT_FOUND')
    }
    fails(await co.noScope.call('task.item.getfiles', positional(t.id)), 403, 'insufficient_scope')
    fails(await co.alex.call('task.item.deletefile', positional(t.id, id)), 403, 'ACCESS_DENIED')
    assert.equal(ok(await co.carl.call('task.item.deletefile', positional(t.id, id))), true)
    assert.deepEqual(await files(co.ann, t.id), [])
    fails(await co.carl.call('task.item.deletefile', positional(t.id, id)), 400, 'FILE_NOT_FOUND')
  })

  test('bad input: no FILE, no CONTENT, broken base64, too large, wrong ids', async () => {
    const t = await co.standard()
    for (const params of [
      positional(t.id),
      positional(t.id, 'x'),
      positional(t.id, { NAME: 'a.txt' }),
      positional(t.id, { CONTENT: PNG_1X1 }),
      positional(t.id, { NAME: 'a.txt', CONTENT: '%%% not base64 %%%' }),
      positional(t.id, {
        NAME: 'big.bin',
        CONTENT: Buffer.alloc(20 * 1024 * 1024 + 1).toString('base64'),
      }),
    ]) {
      const r = await co.ann.call('task.item.addfile', params)
      assert.equal(r.status, 400, r.text.slice(0, 300))
      fails(r, 400, 'ERROR_ARGUMENT')
    }
    fails(await attach(co.ann, 99999999), 400, 'TASK_NOT_FOUND')
    fails(await co.ann.call('task.item.deletefile', positional(t.id)), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('task.item.deletefile', positional(t.id, 99999999)),
      400,
      'FILE_NOT_FOUND',
    )
    assert.deepEqual(await files(co.ann, t.id), [])
  })

  test("a comment's file is not a task file: task.item.deletefile leaves it", async () => {
    const t = await co.standard()
    const c = ok(
      await co.ann.call(
        'task.commentitem.add',
        positional(t.id, { POST_MESSAGE: 'скан', FILES: [['scan.png', PNG_1X1]] }),
      ),
    )
    const [att] = Object.keys(
      ok(await co.ann.call('task.commentitem.get', positional(t.id, c))).ATTACHED_OBJECTS,
    )
    fails(await co.carl.call('task.item.deletefile', positional(t.id, att)), 400, 'FILE_NOT_FOUND')
    const after = ok(
      await co.ann.call('task.commentitem.get', positional(t.id, c)),
    ).ATTACHED_OBJECTS
    assert.deepEqual(Object.keys(after), [att])
  })

  test('a file of another task cannot be removed through this one', async () => {
    const a = await co.standard()
    const b = await co.standard()
    const id = ok(await attach(co.ann, a.id))
    fails(await co.carl.call('task.item.deletefile', positional(b.id, id)), 400, 'FILE_NOT_FOUND')
    assert.equal((await files(co.ann, a.id)).length, 1)
  })
})
