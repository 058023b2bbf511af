// Comments and likes of the feed (E1): log.blogcomment.add / get / update / delete with replies
// (PARENT_ID), files and the notices they send (blog|comment to the post's author and to the
// author of the comment answered, blog|mention); log.like.add / delete / list on posts and on
// comments, liking twice being one like, and LIKES in log.feed.get and in the comments. Comments
// and likes on portal events too.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { badArgument, feedCompany, notFound, unique } from '../support/feed.mjs'
import { startPortal } from '../support/server.mjs'

const MISSING = 99999600

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Feed Comments Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  await portal?.stop()
})

const comment = async (who, POST_ID, params = {}) => {
  const r = await who.call('log.blogcomment.add', {
    POST_ID,
    TEXT: unique('Комментарий'),
    ...params,
  })
  const id = ok(r)
  assert.equal(typeof id, 'number', r.text)
  return id
}
const comments = async (who, POST_ID) => ok(await who.call('log.blogcomment.get', { POST_ID }))
const settings = async (who, id) => (await co.notices(who, id)).map((n) => n.setting_name)

describe('log.blogcomment.add and log.blogcomment.get', () => {
  test('everyone who sees the entry comments; the list is oldest first in the comment’s shape', async () => {
    const post = await co.post(co.carl, { DEST: ['UA'] })
    const ids = []
    for (const who of [co.ann, co.boris, co.carl, co.admin])
      ids.push(await comment(who, post, { TEXT: `[B]Мнение[/B] ${who.id}` }))
    const rows = await comments(co.dora, post)
    assert.deepEqual(
      rows.map((c) => Number(c.ID)),
      ids,
    )
    const first = rows[0]
    assert.equal(first.AUTHOR_ID, String(co.ann.id))
    assert.equal(first.AUTHOR_NAME, co.ann.name)
    assert.equal(first.POST_MESSAGE, `[B]Мнение[/B] ${co.ann.id}`)
    assert.match(first.POST_MESSAGE_HTML, /<b>Мнение<\/b>/)
    assert.match(first.POST_DATE, ISO_WITH_OFFSET)
    assert.equal(first.PARENT_ID, '0')
    assert.equal(first.POST_ID, String(post))
    assert.deepEqual(first.LIKES, { COUNT: 0, MINE: 'N', RECENT: [] })
    assert.equal((await co.entry(co.dora, post)).NUM_COMMENTS, 4)
    assert.equal(ok(await co.dora.call('log.blogpost.get', { POST_ID: post }))[0].NUM_COMMENTS, '4')
  })

  test('POST_MESSAGE is read as the text too; an empty text is refused naming TEXT', async () => {
    const post = await co.post(co.carl, {})
    const id = await comment(co.ann, post, { TEXT: undefined, POST_MESSAGE: 'Через POST_MESSAGE' })
    assert.equal(
      (await comments(co.ann, post)).find((c) => Number(c.ID) === id).POST_MESSAGE,
      'Через POST_MESSAGE',
    )
    badArgument(await co.ann.call('log.blogcomment.add', { POST_ID: post }), [
      'TEXT',
      'POST_MESSAGE',
    ])
    badArgument(await co.ann.call('log.blogcomment.add', { POST_ID: post, TEXT: '  ' }), 'TEXT')
    badArgument(await co.ann.call('log.blogcomment.add', { TEXT: 'x' }), 'POST_ID')
    notFound(await co.ann.call('log.blogcomment.add', { POST_ID: MISSING, TEXT: 'x' }))
    notFound(await co.ann.call('log.blogcomment.get', { POST_ID: MISSING }))
    assert.equal((await comments(co.ann, post)).length, 1)
  })

  test('replies name the comment they answer; one of another entry is refused', async () => {
    const post = await co.post(co.carl, {})
    const other = await co.post(co.carl, {})
    const root = await comment(co.ann, post)
    const reply = await comment(co.boris, post, { PARENT_ID: root })
    const deeper = await comment(co.carl, post, { PARENT_ID: reply })
    const rows = await comments(co.ann, post)
    assert.deepEqual(
      rows.map((c) => [Number(c.ID), c.PARENT_ID]),
      [
        [root, '0'],
        [reply, String(root)],
        [deeper, String(reply)],
      ],
    )
    const elsewhere = await comment(co.ann, other)
    badArgument(
      await co.boris.call('log.blogcomment.add', {
        POST_ID: post,
        TEXT: 'x',
        PARENT_ID: elsewhere,
      }),
      'PARENT_ID',
    )
    badArgument(
      await co.boris.call('log.blogcomment.add', { POST_ID: post, TEXT: 'x', PARENT_ID: MISSING }),
      'PARENT_ID',
    )
    assert.equal((await comments(co.ann, post)).length, 3)
  })

  test('files on a comment', async () => {
    const post = await co.post(co.carl, {})
    const content = Buffer.from(unique('вложение'))
    const id = await comment(co.ann, post, { FILES: [['отчёт.txt', content.toString('base64')]] })
    const row = (await comments(co.boris, post)).find((c) => Number(c.ID) === id)
    const files = Object.values(row.ATTACHED_OBJECTS)
    assert.equal(files.length, 1)
    assert.equal(files[0].NAME, 'отчёт.txt')
    assert.equal(files[0].SIZE, String(content.length))
    const res = await fetch(files[0].DOWNLOAD_URL)
    assert.equal(res.status, 200)
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), content)
    badArgument(
      await co.ann.call('log.blogcomment.add', { POST_ID: post, TEXT: 'x', FILES: 'not files' }),
      'FILES',
    )
  })

  test('the administrator comments in another person’s name; nobody else may', async () => {
    const post = await co.post(co.carl, {})
    const id = await comment(co.admin, post, { USER_ID: co.dora.id })
    assert.equal(
      (await comments(co.carl, post)).find((c) => Number(c.ID) === id).AUTHOR_ID,
      String(co.dora.id),
    )
    fails(
      await co.ann.call('log.blogcomment.add', { POST_ID: post, TEXT: 'x', USER_ID: co.dora.id }),
      403,
      'ACCESS_DENIED',
    )
    assert.equal((await comments(co.carl, post)).length, 1)
  })
})

describe('the notices of comments', () => {
  test('a comment tells the post’s author (blog|comment), not the one who wrote it', async () => {
    const post = await co.post(co.carl, { POST_MESSAGE: 'Пост Карла' })
    await comment(co.ann, post, { TEXT: 'Хороший пост' })
    const [n] = await co.notices(co.carl, post)
    assert.ok(n, 'Carl has a notice')
    assert.equal(n.setting_name, 'blog|comment')
    assert.equal(n.author_id, co.ann.id)
    assert.equal(n.notify_link, `/feed/?entry=${post}`)
    assert.ok(n.text.includes('Хороший пост'), n.text)
    assert.deepEqual(await co.notices(co.ann, post), [])
    assert.deepEqual(await co.notices(co.boris, post), [])
    // The author's own comment tells nobody.
    const quiet = await co.post(co.carl, {})
    await comment(co.carl, quiet)
    assert.deepEqual(await co.notices(co.carl, quiet), [])
  })

  test('an answer tells the author of the comment answered, and the post’s author', async () => {
    const post = await co.post(co.carl, {})
    const asked = await comment(co.ann, post, { TEXT: 'Вопрос' })
    const before = (await co.notices(co.carl, post))[0]?.notify_count ?? 0
    await comment(co.boris, post, { TEXT: 'Ответ Бориса', PARENT_ID: asked })
    const [n] = await co.notices(co.ann, post)
    assert.ok(n, 'Ann has a notice')
    assert.equal(n.setting_name, 'blog|comment')
    assert.equal(n.author_id, co.boris.id)
    assert.ok(n.text.includes('Ответ Бориса'), n.text)
    const [forCarl] = await co.notices(co.carl, post)
    assert.equal(forCarl.notify_count, before + 1, JSON.stringify(forCarl))
    assert.ok(forCarl.text.includes('Ответ Бориса'), forCarl.text)
    assert.deepEqual(await co.notices(co.boris, post), [])
  })

  test('a mention in a comment tells the person who reads the entry (blog|mention)', async () => {
    const post = await co.post(co.carl, { DEST: ['UA'] })
    await comment(co.ann, post, { TEXT: `Посмотри, [USER=${co.dora.id}]Dora[/USER]` })
    assert.deepEqual(await settings(co.dora, post), ['blog|mention'])
  })
})

describe('log.blogcomment.update and log.blogcomment.delete', () => {
  test('the author edits and deletes a comment; the count follows', async () => {
    const post = await co.post(co.carl, {})
    const id = await comment(co.ann, post, { TEXT: 'Было' })
    const kept = await comment(co.boris, post)
    assert.equal(
      ok(await co.ann.call('log.blogcomment.update', { COMMENT_ID: id, TEXT: 'Стало' })),
      true,
    )
    assert.equal((await comments(co.carl, post))[0].POST_MESSAGE, 'Стало')
    assert.equal((await comments(co.ann, post))[0].CAN_EDIT, 'Y')
    assert.equal((await comments(co.carl, post))[0].CAN_EDIT, 'N')
    assert.equal(ok(await co.ann.call('log.blogcomment.delete', { COMMENT_ID: id })), true)
    assert.deepEqual(
      (await comments(co.carl, post)).map((c) => Number(c.ID)),
      [kept],
    )
    assert.equal((await co.entry(co.carl, post)).NUM_COMMENTS, 1)
  })

  test('others get 403 — the post’s author too; an administrator may', async () => {
    const post = await co.post(co.carl, {})
    const id = await comment(co.ann, post, { TEXT: 'Моё' })
    for (const who of [co.carl, co.boris]) {
      fails(
        await who.call('log.blogcomment.update', { COMMENT_ID: id, TEXT: 'x' }),
        403,
        'ACCESS_DENIED',
      )
      fails(await who.call('log.blogcomment.delete', { COMMENT_ID: id }), 403, 'ACCESS_DENIED')
    }
    assert.equal((await comments(co.ann, post))[0].POST_MESSAGE, 'Моё')
    ok(await co.admin.call('log.blogcomment.update', { COMMENT_ID: id, TEXT: 'Админ' }))
    assert.equal((await comments(co.ann, post))[0].POST_MESSAGE, 'Админ')
    ok(await co.admin.call('log.blogcomment.delete', { COMMENT_ID: id }))
    assert.deepEqual(await comments(co.ann, post), [])
    assert.equal((await co.entry(co.ann, post)).NUM_COMMENTS, 0)
  })

  test('bad input: no COMMENT_ID, an empty text, a missing comment', async () => {
    const post = await co.post(co.carl, {})
    const id = await comment(co.ann, post, { TEXT: 'Целый' })
    badArgument(await co.ann.call('log.blogcomment.update', { TEXT: 'x' }), 'COMMENT_ID')
    badArgument(await co.ann.call('log.blogcomment.update', { COMMENT_ID: id, TEXT: ' ' }), 'TEXT')
    badArgument(await co.ann.call('log.blogcomment.delete', {}), 'COMMENT_ID')
    fails(await co.ann.call('log.blogcomment.update', { COMMENT_ID: MISSING, TEXT: 'x' }), 400)
    fails(await co.ann.call('log.blogcomment.delete', { COMMENT_ID: MISSING }), 400)
    assert.equal((await comments(co.ann, post))[0].POST_MESSAGE, 'Целый')
  })
})

describe('log.like.*', () => {
  test('a like of a post: twice is one like; COUNT, MINE and RECENT in the feed; the list', async () => {
    const post = await co.post(co.carl, {})
    assert.equal(ok(await co.ann.call('log.like.add', { POST_ID: post })), true)
    assert.equal(ok(await co.ann.call('log.like.add', { POST_ID: post })), true)
    ok(await co.boris.call('log.like.add', { POST_ID: post }))
    const forAnn = (await co.entry(co.ann, post)).LIKES
    assert.equal(forAnn.COUNT, 2)
    assert.equal(forAnn.MINE, 'Y')
    assert.deepEqual([...forAnn.RECENT].sort(), [co.ann.name, co.boris.name].sort())
    const forDora = (await co.entry(co.dora, post)).LIKES
    assert.equal(forDora.COUNT, 2)
    assert.equal(forDora.MINE, 'N')
    const list = ok(await co.dora.call('log.like.list', { POST_ID: post }))
    assert.equal(list.length, 2)
    assert.deepEqual(
      list.map((l) => l.USER_ID).sort(),
      [String(co.ann.id), String(co.boris.id)].sort(),
    )
    for (const l of list) {
      assert.deepEqual(Object.keys(l).sort(), ['DATE', 'NAME', 'PHOTO', 'USER_ID'])
      assert.match(l.DATE, ISO_WITH_OFFSET)
    }
    assert.equal(list.find((l) => l.USER_ID === String(co.boris.id)).NAME, co.boris.name)
    const dates = list.map((l) => Date.parse(l.DATE))
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
      'newest first',
    )

    assert.equal(ok(await co.ann.call('log.like.delete', { POST_ID: post })), true)
    assert.equal(ok(await co.ann.call('log.like.delete', { POST_ID: post })), true)
    const after = (await co.entry(co.ann, post)).LIKES
    assert.deepEqual(after, { COUNT: 1, MINE: 'N', RECENT: [co.boris.name] })
    assert.deepEqual(
      ok(await co.ann.call('log.like.list', { POST_ID: post })).map((l) => l.USER_ID),
      [String(co.boris.id)],
    )
  })

  test('a like of a comment is the comment’s, not the post’s', async () => {
    const post = await co.post(co.carl, {})
    const id = await comment(co.ann, post)
    ok(await co.boris.call('log.like.add', { COMMENT_ID: id }))
    ok(await co.boris.call('log.like.add', { COMMENT_ID: id }))
    ok(await co.dora.call('log.like.add', { COMMENT_ID: id }))
    const [forBoris] = await comments(co.boris, post)
    assert.equal(forBoris.LIKES.COUNT, 2)
    assert.equal(forBoris.LIKES.MINE, 'Y')
    assert.deepEqual([...forBoris.LIKES.RECENT].sort(), [co.boris.name, co.dora.name].sort())
    assert.equal((await comments(co.ann, post))[0].LIKES.MINE, 'N')
    assert.deepEqual((await co.entry(co.boris, post)).LIKES, { COUNT: 0, MINE: 'N', RECENT: [] })
    assert.deepEqual(
      ok(await co.ann.call('log.like.list', { COMMENT_ID: id }))
        .map((l) => l.USER_ID)
        .sort(),
      [String(co.boris.id), String(co.dora.id)].sort(),
    )
    ok(await co.boris.call('log.like.delete', { COMMENT_ID: id }))
    assert.equal((await comments(co.ann, post))[0].LIKES.COUNT, 1)
  })

  test('refusals: nothing named, a missing post or comment', async () => {
    badArgument(await co.ann.call('log.like.add', {}), 'POST_ID')
    notFound(await co.ann.call('log.like.add', { POST_ID: MISSING }))
    notFound(await co.ann.call('log.like.list', { POST_ID: MISSING }))
    notFound(await co.ann.call('log.like.delete', { POST_ID: MISSING }))
    fails(await co.ann.call('log.like.add', { COMMENT_ID: MISSING }), 400)
  })
})

describe('comments and likes on portal events', () => {
  test('a task’s event takes comments and likes from those who see it', async () => {
    const task = await co.task(co.carl, { RESPONSIBLE_ID: co.ann.id })
    const [event] = await co.eventsOf(co.ann, 'task', task.id)
    assert.ok(event, 'Ann sees the task’s event')
    const id = await comment(co.ann, event.ID, { TEXT: 'Берусь' })
    ok(await co.carl.call('log.like.add', { POST_ID: event.ID }))
    ok(await co.carl.call('log.like.add', { COMMENT_ID: id }))
    const after = await co.entry(co.carl, event.ID)
    assert.equal(after.NUM_COMMENTS, 1)
    assert.equal(after.LIKES.COUNT, 1)
    assert.equal(after.LIKES.MINE, 'Y')
    const [c] = await comments(co.carl, event.ID)
    assert.equal(c.POST_MESSAGE, 'Берусь')
    assert.equal(c.LIKES.COUNT, 1)
    // Boris does not see the task: not its event either.
    notFound(await co.boris.call('log.blogcomment.add', { POST_ID: event.ID, TEXT: 'x' }))
    notFound(await co.boris.call('log.like.add', { POST_ID: event.ID }))
  })

  test('a person’s arrival takes comments and likes from everyone', async () => {
    const newcomer = await co.employee('Newcomer')
    const [event] = await co.eventsOf(co.boris, 'user', newcomer.id)
    assert.equal(event.EVENT.TYPE, 'user_joined')
    await comment(co.boris, event.ID, { TEXT: 'Добро пожаловать!' })
    ok(await co.dora.call('log.like.add', { POST_ID: event.ID }))
    const seen = await co.entry(newcomer, event.ID)
    assert.equal(seen.NUM_COMMENTS, 1)
    assert.equal(seen.LIKES.COUNT, 1)
    assert.equal((await comments(newcomer, event.ID))[0].POST_MESSAGE, 'Добро пожаловать!')
  })
})
