// Important messages (E3): a post with IMPORTANT Y; readers press "I've read it"
// (log.blogpost.important.read), log.blogpost.getusers.important lists who did, and the author
// or an administrator sees who has and who has not (log.blogpost.important.status); IMPORTANT in
// log.feed.get, which IMPORTANT_DATE_END ends.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { badArgument, feedCompany, notFound } from '../support/feed.mjs'
import { startPortal } from '../support/server.mjs'

const MISSING = 99999400

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Feed Important Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  await portal?.stop()
})

const read = (who, POST_ID) => who.call('log.blogpost.important.read', { POST_ID })
const readers = async (who, POST_ID) =>
  ok(await who.call('log.blogpost.getusers.important', { POST_ID }))
const status = async (who, POST_ID) =>
  ok(await who.call('log.blogpost.important.status', { POST_ID }))
const ids = (rows) => rows.map((r) => r.USER_ID).sort()
const sorted = (people) => people.map((p) => String(p.id)).sort()

describe('an important post to a department', () => {
  let id
  before(async () => {
    id = await co.post(co.carl, {
      POST_TITLE: 'Новый регламент',
      POST_MESSAGE: 'Прочитайте все',
      IMPORTANT: 'Y',
      DEST: [`DR${co.departments.sales}`],
    })
  })

  test('it is marked important, nobody has read it yet', async () => {
    const [p] = ok(await co.ann.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.UF_BLOG_POST_IMPRTNT, '1')
    assert.deepEqual((await co.entry(co.ann, id)).IMPORTANT, {
      UNTIL: null,
      READ_COUNT: 0,
      READ_BY_ME: 'N',
    })
    assert.deepEqual(await readers(co.ann, id), [])
    const s = await status(co.carl, id)
    assert.equal(s.READ_COUNT, 0)
    assert.equal(s.AUDIENCE_COUNT, 5, 'Helen, Olga, Eric, Ann, Alex; not the author')
    assert.deepEqual(s.READ, [])
    assert.deepEqual(ids(s.UNREAD), sorted([co.helen, co.olga, co.eric, co.ann, co.alex]))
    assert.equal(s.UNREAD.find((u) => u.USER_ID === String(co.ann.id)).NAME, co.ann.name)
  })

  test('a reader confirms; pressing twice counts once', async () => {
    assert.equal(ok(await read(co.ann, id)), true)
    assert.equal(ok(await read(co.ann, id)), true)
    assert.deepEqual((await co.entry(co.ann, id)).IMPORTANT, {
      UNTIL: null,
      READ_COUNT: 1,
      READ_BY_ME: 'Y',
    })
    const other = (await co.entry(co.helen, id)).IMPORTANT
    assert.equal(other.READ_COUNT, 1)
    assert.equal(other.READ_BY_ME, 'N')
    assert.deepEqual(await readers(co.helen, id), [String(co.ann.id)])
  })

  test('the author sees who has read it and who has not', async () => {
    ok(await read(co.eric, id))
    assert.deepEqual((await readers(co.carl, id)).sort(), sorted([co.ann, co.eric]))
    const s = await status(co.carl, id)
    assert.equal(s.READ_COUNT, 2)
    assert.equal(s.AUDIENCE_COUNT, 5)
    assert.deepEqual(ids(s.READ), sorted([co.ann, co.eric]))
    const ann = s.READ.find((r) => r.USER_ID === String(co.ann.id))
    assert.equal(ann.NAME, co.ann.name)
    assert.match(ann.DATE, ISO_WITH_OFFSET)
    assert.deepEqual(ids(s.UNREAD), sorted([co.helen, co.olga, co.alex]))
  })

  test('the administrator sees it too; other readers get 403', async () => {
    assert.equal((await status(co.admin, id)).READ_COUNT, 2)
    for (const who of [co.ann, co.helen])
      fails(await who.call('log.blogpost.important.status', { POST_ID: id }), 403, 'ACCESS_DENIED')
  })

  test('someone who joins the department is among those who have not read it', async () => {
    const late = await co.employee('Late', co.departments.east)
    const s = await status(co.carl, id)
    assert.equal(s.AUDIENCE_COUNT, 6)
    assert.ok(ids(s.UNREAD).includes(String(late.id)), JSON.stringify(s.UNREAD))
    ok(await read(late, id))
    assert.equal((await status(co.carl, id)).READ_COUNT, 3)
  })

  test('outside the audience nobody reads it: ERROR_NOT_FOUND, nothing counted', async () => {
    notFound(await read(co.boris, id))
    notFound(await co.boris.call('log.blogpost.getusers.important', { POST_ID: id }))
    notFound(await co.boris.call('log.blogpost.important.status', { POST_ID: id }))
    assert.equal((await status(co.carl, id)).READ_COUNT, 3)
  })
})

describe('the end of importance and refusals', () => {
  test('IMPORTANT_DATE_END in the future is shown as UNTIL; in the past, IMPORTANT is null', async () => {
    const until = '2099-06-30T18:00:00+00:00'
    const lasting = await co.post(co.carl, { IMPORTANT: 'Y', IMPORTANT_DATE_END: until })
    const mark = (await co.entry(co.ann, lasting)).IMPORTANT
    assert.match(mark.UNTIL, ISO_WITH_OFFSET)
    assert.equal(Date.parse(mark.UNTIL), Date.parse(until))
    const over = await co.post(co.carl, {
      IMPORTANT: 'Y',
      IMPORTANT_DATE_END: '2020-01-01T00:00:00+00:00',
    })
    assert.equal((await co.entry(co.ann, over)).IMPORTANT, null)
    assert.equal((await co.entry(co.carl, over)).IMPORTANT, null)
    // An edit moves the end into the future: important again.
    ok(await co.carl.call('log.blogpost.update', { POST_ID: over, IMPORTANT_DATE_END: until }))
    assert.equal(Date.parse((await co.entry(co.ann, over)).IMPORTANT.UNTIL), Date.parse(until))
  })

  test('an edit makes a post important or plain', async () => {
    const id = await co.post(co.carl, {})
    assert.equal((await co.entry(co.ann, id)).IMPORTANT, null)
    fails(await read(co.ann, id), 400)
    ok(await co.carl.call('log.blogpost.update', { POST_ID: id, IMPORTANT: 'Y' }))
    assert.equal((await co.entry(co.ann, id)).IMPORTANT.READ_BY_ME, 'N')
    assert.equal(
      ok(await co.ann.call('log.blogpost.get', { POST_ID: id }))[0].UF_BLOG_POST_IMPRTNT,
      '1',
    )
    ok(await read(co.ann, id))
    ok(await co.carl.call('log.blogpost.update', { POST_ID: id, IMPORTANT: 'N' }))
    assert.equal((await co.entry(co.ann, id)).IMPORTANT, null)
    assert.equal(
      ok(await co.ann.call('log.blogpost.get', { POST_ID: id }))[0].UF_BLOG_POST_IMPRTNT,
      '0',
    )
  })

  test('a plain post, a missing post, no POST_ID', async () => {
    const plain = await co.post(co.carl, {})
    fails(await read(co.ann, plain), 400)
    fails(await co.ann.call('log.blogpost.getusers.important', { POST_ID: plain }), 400)
    fails(await co.carl.call('log.blogpost.important.status', { POST_ID: plain }), 400)
    for (const method of [
      'log.blogpost.important.read',
      'log.blogpost.getusers.important',
      'log.blogpost.important.status',
    ]) {
      notFound(await co.carl.call(method, { POST_ID: MISSING }))
      badArgument(await co.carl.call(method, {}), 'POST_ID')
    }
  })
})
