// Task comments (C6): task.commentitem.add / getlist / get / update / delete, positional and
// named; mentions ([USER=id]) that bring the person in as an observer; replies; files on a
// comment; who may write, edit and delete; bad input.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok, PNG_1X1 } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions, positional } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Comments Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const add = (who, id, fields) => who.call('task.commentitem.add', positional(id, fields))
const list = async (who, id) => ok(await who.call('task.commentitem.getlist', positional(id)))

describe('task.commentitem.add and getlist', () => {
  test('anyone who sees the task comments; the list has the Bitrix24 fields', async () => {
    const t = await co.standard()
    const ids = []
    for (const who of [co.carl, co.ann, co.alex, co.olga, co.helen, co.admin])
      ids.push(ok(await add(who, t.id, { POST_MESSAGE: `[B]Hi[/B] from ${who.name}` })))
    const rows = await list(co.ann, t.id)
    assert.deepEqual(
      rows.map((r) => Number(r.ID)),
      ids,
    )
    const first = rows[0]
    assert.equal(first.AUTHOR_ID, String(co.carl.id))
    assert.equal(first.AUTHOR_NAME, co.carl.name)
    assert.equal(first.AUTHOR_EMAIL, co.carl.email)
    assert.match(first.POST_DATE, ISO_WITH_OFFSET)
    assert.equal(first.POST_MESSAGE, `[B]Hi[/B] from ${co.carl.name}`)
    assert.match(first.POST_MESSAGE_HTML, /<b>Hi<\/b>/)
    assert.equal(first.PARENT_ID, '0')
    assert.deepEqual(first.ATTACHED_OBJECTS, [])
    assert.equal((await co.get(co.carl, t.id)).commentsCount, String(ids.length))
    // Named parameters and order/filter.
    const desc = ok(
      await co.ann.call('task.commentitem.getlist', {
        TASKID: t.id,
        ORDER: { ID: 'DESC' },
        FILTER: { AUTHOR_ID: co.ann.id },
      }),
    )
    assert.deepEqual(
      desc.map((r) => r.AUTHOR_ID),
      [String(co.ann.id)],
    )
  })

  test('a reply names the comment it answers, which must be of the same task', async () => {
    const t = await co.standard()
    const other = await co.standard()
    const q = ok(await add(co.carl, t.id, { POST_MESSAGE: 'Вопрос?' }))
    const a = ok(await add(co.ann, t.id, { POST_MESSAGE: 'Ответ', PARENT_ID: q }))
    assert.equal(
      ok(await co.ann.call('task.commentitem.get', positional(t.id, a))).PARENT_ID,
      String(q),
    )
    const body = fails(
      await add(co.ann, other.id, { POST_MESSAGE: 'x', PARENT_ID: q }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(body.argument, 'PARENT_ID')
  })

  test('a mention tells the person and brings them in as an observer; the history says so', async () => {
    const t = await co.standard()
    assert.equal(await co.get(co.dora, t.id), null)
    ok(
      await add(co.carl, t.id, { POST_MESSAGE: `[USER=${co.dora.id}]Dora Top[/USER], посмотрите` }),
    )
    const seen = await co.get(co.dora, t.id)
    assert.ok(seen && seen.auditors.includes(String(co.dora.id)))
    // The stored text keeps the code; the HTML links the profile as a mention.
    const [posted] = ok(await co.carl.call('task.commentitem.getlist', [t.id]))
    assert.match(
      posted.POST_MESSAGE_HTML,
      /<a class="mention" href="[^"]*\/company\/personal\/user\/\d+\/">Dora Top<\/a>/,
    )
    const { list: h } = ok(
      await co.carl.call('tasks.task.history.list', {
        taskId: t.id,
        filter: { FIELD: 'AUDITORS' },
      }),
    )
    assert.ok(h.some((e) => e.value.to.split(',').includes(String(co.dora.id))))
    // An extranet author cannot bring in someone they do not see.
    const x = await co.task(co.xena, {})
    ok(await add(co.xena, x.id, { POST_MESSAGE: `[USER=${co.ann.id}]Ann[/USER]` }))
    assert.equal(await co.get(co.ann, x.id), null)
  })

  test('files on a comment come back in ATTACHED_OBJECTS', async () => {
    const t = await co.standard()
    const id = ok(await add(co.ann, t.id, { POST_MESSAGE: 'Скан', FILES: [['scan.png', PNG_1X1]] }))
    const c = ok(await co.carl.call('task.commentitem.get', positional(t.id, id)))
    const files = Object.values(c.ATTACHED_OBJECTS)
    assert.equal(files.length, 1)
    assert.equal(files[0].NAME, 'scan.png')
    const file = await fetch(files[0].DOWNLOAD_URL)
    assert.equal(file.status, 200)
    assert.equal(Buffer.from(await file.arrayBuffer()).toString('base64'), PNG_1X1)
    fails(await add(co.ann, t.id, { POST_MESSAGE: 'x', FILES: 'nope' }), 400, 'ERROR_ARGUMENT')
  })

  test('refused: strangers, extranet, scope-less webhook, another author name, bad input', async () => {
    const t = await co.standard()
    for (const who of [co.boris, co.uma, co.xena, co.dora]) {
      const r = await add(who, t.id, { POST_MESSAGE: 'x' })
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, t.title))
      fails(await who.call('task.commentitem.getlist', positional(t.id)), 400, 'TASK_NOT_FOUND')
    }
    fails(
      await co.noScope.call('task.commentitem.add', positional(t.id, { POST_MESSAGE: 'x' })),
      403,
      'insufficient_scope',
    )
    fails(
      await add(co.ann, t.id, { POST_MESSAGE: 'x', AUTHOR_ID: co.carl.id }),
      403,
      'ACCESS_DENIED',
    )
    for (const fields of [
      {},
      { POST_MESSAGE: '' },
      { POST_MESSAGE: '  ' },
      { POST_MESSAGE: ['x'] },
      { POST_MESSAGE: 'x'.repeat(100001) },
      { POST_MESSAGE: 'x', PARENT_ID: 'y' },
    ])
      fails(await add(co.ann, t.id, fields), 400, 'ERROR_ARGUMENT')
    fails(await co.ann.call('task.commentitem.add', positional(t.id)), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('task.commentitem.add', positional(t.id, 'text')),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.ann.call('task.commentitem.add', {}), 400, 'ERROR_ARGUMENT')
    fails(await add(co.ann, 99999999, { POST_MESSAGE: 'x' }), 400, 'TASK_NOT_FOUND')
    assert.deepEqual(await list(co.carl, t.id), [])
  })

  test("an administrator may write in another person's name", async () => {
    const t = await co.standard()
    const id = ok(await add(co.admin, t.id, { POST_MESSAGE: 'от имени', AUTHOR_ID: co.carl.id }))
    assert.equal(
      ok(await co.carl.call('task.commentitem.get', positional(t.id, id))).AUTHOR_ID,
      String(co.carl.id),
    )
  })
})

describe('task.commentitem.get, update, delete', () => {
  test('the author edits and deletes; others may not; an administrator may', async () => {
    const t = await co.standard()
    const id = ok(await add(co.ann, t.id, { POST_MESSAGE: 'Черновик' }))
    fails(
      await co.carl.call(
        'task.commentitem.update',
        positional(t.id, id, { POST_MESSAGE: 'чужое' }),
      ),
      403,
      'ACCESS_DENIED',
    )
    fails(await co.carl.call('task.commentitem.delete', positional(t.id, id)), 403, 'ACCESS_DENIED')
    fails(await co.boris.call('task.commentitem.get', positional(t.id, id)), 400, 'TASK_NOT_FOUND')
    assert.equal(
      ok(
        await co.ann.call(
          'task.commentitem.update',
          positional(t.id, id, { POST_MESSAGE: 'Итог' }),
        ),
      ),
      true,
    )
    assert.equal(
      ok(await co.carl.call('task.commentitem.get', positional(t.id, id))).POST_MESSAGE,
      'Итог',
    )
    fails(
      await co.ann.call('task.commentitem.update', positional(t.id, id, { POST_MESSAGE: '' })),
      400,
      'ERROR_ARGUMENT',
    )
    const other = ok(await add(co.carl, t.id, { POST_MESSAGE: 'второй' }))
    assert.equal(ok(await co.admin.call('task.commentitem.delete', positional(t.id, other))), true)
    assert.equal(
      ok(await co.ann.call('task.commentitem.delete', { TASKID: t.id, ITEMID: id })),
      true,
    )
    fails(await co.ann.call('task.commentitem.get', positional(t.id, id)), 400, 'COMMENT_NOT_FOUND')
    assert.equal((await co.get(co.carl, t.id)).commentsCount, '0')
    const { list: h } = ok(
      await co.carl.call('tasks.task.history.list', {
        taskId: t.id,
        filter: { FIELD: 'COMMENT_DEL' },
      }),
    )
    assert.equal(h.length, 2)
  })

  test('a comment is reachable only through its own task; bad ids are 400s', async () => {
    const a = await co.standard()
    const b = await co.standard()
    const id = ok(await add(co.carl, a.id, { POST_MESSAGE: 'a' }))
    fails(
      await co.carl.call('task.commentitem.get', positional(b.id, id)),
      400,
      'COMMENT_NOT_FOUND',
    )
    fails(
      await co.carl.call('task.commentitem.update', positional(b.id, id, { POST_MESSAGE: 'b' })),
      400,
      'COMMENT_NOT_FOUND',
    )
    fails(
      await co.carl.call('task.commentitem.delete', positional(b.id, id)),
      400,
      'COMMENT_NOT_FOUND',
    )
    fails(await co.carl.call('task.commentitem.get', positional(a.id)), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('task.commentitem.get', positional(a.id, 'one')),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(
      ok(await co.carl.call('task.commentitem.get', positional(a.id, id))).POST_MESSAGE,
      'a',
    )
  })

  test('comments are searched with the task', async () => {
    const t = await co.standard()
    ok(await add(co.ann, t.id, { POST_MESSAGE: 'Согласование бюджетов завершено' }))
    const { ids } = await co.list(co.carl, { filter: { SEARCH_INDEX: 'бюджет', ID: t.id } })
    assert.deepEqual(ids, [Number(t.id)])
  })
})
