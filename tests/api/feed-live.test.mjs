// The live feed over /ws (E5): after each change everyone in the entry's audience receives
// feed.entry {ID, ACTION, USER_ID} — add, update, delete, comment, like, vote, read — and nobody
// outside the audience does: a department's post reaches the department and the ones below it,
// a group's post its members, a task's event the task's people, never an outside person.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { feedCompany, feedEntry, listen, unique } from '../support/feed.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let co
const sockets = []

before(async () => {
  portal = await startPortal({ portalName: 'Feed Live Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
})

const PEOPLE = ['helen', 'eric', 'uma', 'carl', 'olga', 'ann', 'alex', 'boris', 'dora']
// The administrator sees every entry but is in the audience only by its codes: not listened to.
const ALL = [...PEOPLE, 'xena', 'yuri']
const people = (names) => Object.fromEntries(names.map((n) => [n, co[n]]))

// Waits until each of `yes` has feed.entry about the entry with the action, and checks that
// none of `no` has: each of them then posts to themselves, and a connection's messages arrive
// in order, so once their own post's message is in, the other one would have come before it.
async function reached(live, id, action, yes, no) {
  const got = {}
  for (const name of yes)
    got[name] = await live[name].next(feedEntry(id, action)).catch((e) => {
      throw new Error(`${name}: ${e.message}`)
    })
  for (const name of no) {
    const probe = await co.post(co[name], {
      DEST: [`U${co[name].id}`],
      POST_MESSAGE: unique('probe'),
    })
    await live[name].next(feedEntry(probe, 'add'))
    assert.ok(
      !live[name].messages.some(feedEntry(id, action)),
      `${name} got ${action} of ${id}: ${JSON.stringify(live[name].messages)}`,
    )
  }
  return got
}
const others = (names) => ALL.filter((n) => !names.includes(n))

describe('feed.entry add', () => {
  test('a post to a department: its people and those below it; not a sibling, not outside', async () => {
    const live = await listen(portal, people(ALL), sockets)
    const id = await co.post(co.carl, { DEST: [`DR${co.departments.sales}`] })
    const yes = ['helen', 'eric', 'carl', 'olga', 'ann', 'alex']
    const got = await reached(live, id, 'add', yes, others(yes))
    assert.deepEqual(got.ann, {
      type: 'feed.entry',
      data: { ID: String(id), ACTION: 'add', USER_ID: String(co.carl.id) },
    })
  })

  test('a post to everyone: every employee, no outside person', async () => {
    const live = await listen(portal, people(ALL), sockets)
    const id = await co.post(co.boris, {})
    await reached(live, id, 'add', PEOPLE, ['xena', 'yuri'])
  })

  test('a post to a group: its members, an outside member too', async () => {
    const gid = await co.group(co.uma, { IS_EXTRANET: 'Y' })
    await co.join(co.uma, gid, [co.dora, co.xena])
    const live = await listen(portal, people(ALL), sockets)
    const id = await co.post(co.xena, { DEST: [`SG${gid}`] })
    const yes = ['uma', 'dora', 'xena']
    await reached(live, id, 'add', yes, others(yes))
  })

  test('a post to a person and a mention: those two and the author', async () => {
    const live = await listen(portal, people(ALL), sockets)
    const id = await co.post(co.ann, {
      DEST: [`U${co.boris.id}`],
      POST_MESSAGE: `И [USER=${co.dora.id}]Dora[/USER]`,
    })
    const yes = ['ann', 'boris', 'dora']
    await reached(live, id, 'add', yes, others(yes))
  })

  test('a task’s event: the task’s people and their heads', async () => {
    const live = await listen(portal, people(ALL), sockets)
    const task = await co.standard()
    const [e] = await co.eventsOf(co.carl, 'task', task.id)
    const yes = ['helen', 'eric', 'carl', 'olga', 'ann', 'alex']
    await reached(live, e.ID, 'add', yes, others(yes))
  })
})

describe('feed.entry for the other actions', () => {
  let id
  let live
  const yes = ['carl', 'ann', 'alex', 'eric']
  before(async () => {
    live = await listen(portal, people(ALL), sockets)
    id = await co.post(co.carl, {
      DEST: [`DR${co.departments.east}`],
      IMPORTANT: 'Y',
      POLL: { QUESTION: 'Да?', ANSWERS: ['Да', 'Нет'] },
    })
    await reached(live, id, 'add', yes, [])
  })

  test('comment: a comment added, edited or deleted', async () => {
    const c = ok(await co.ann.call('log.blogcomment.add', { POST_ID: id, TEXT: 'Мнение' }))
    const got = await reached(live, id, 'comment', yes, others(yes))
    assert.equal(got.carl.data.USER_ID, String(co.ann.id))
    for (const name of yes) live[name].messages.length = 0
    ok(await co.ann.call('log.blogcomment.update', { COMMENT_ID: c, TEXT: 'Другое мнение' }))
    await reached(live, id, 'comment', yes, [])
    for (const name of yes) live[name].messages.length = 0
    ok(await co.ann.call('log.blogcomment.delete', { COMMENT_ID: c }))
    await reached(live, id, 'comment', yes, [])
  })

  test('like: of the post and of a comment', async () => {
    ok(await co.alex.call('log.like.add', { POST_ID: id }))
    const got = await reached(live, id, 'like', yes, others(yes))
    assert.equal(got.ann.data.USER_ID, String(co.alex.id))
    for (const name of yes) live[name].messages.length = 0
    const c = ok(await co.carl.call('log.blogcomment.add', { POST_ID: id, TEXT: 'x' }))
    ok(await co.ann.call('log.like.add', { COMMENT_ID: c }))
    await reached(live, id, 'like', yes, [])
  })

  test('vote: a vote and closing the poll', async () => {
    const answer = ok(await co.ann.call('log.poll.get', { POST_ID: id })).ANSWERS[0].ID
    ok(await co.eric.call('log.poll.vote', { POST_ID: id, ANSWERS: [answer] }))
    const got = await reached(live, id, 'vote', yes, others(yes))
    assert.equal(got.carl.data.USER_ID, String(co.eric.id))
    for (const name of yes) live[name].messages.length = 0
    ok(await co.carl.call('log.poll.close', { POST_ID: id }))
    const closed = await reached(live, id, 'vote', yes, others(yes))
    assert.equal(closed.ann.data.USER_ID, String(co.carl.id))
  })

  test('read: "I’ve read it" of the important post', async () => {
    ok(await co.alex.call('log.blogpost.important.read', { POST_ID: id }))
    const got = await reached(live, id, 'read', yes, others(yes))
    assert.equal(got.carl.data.USER_ID, String(co.alex.id))
  })

  test('update: an edit, and a share that reaches the new recipients', async () => {
    ok(await co.carl.call('log.blogpost.update', { POST_ID: id, POST_MESSAGE: 'Правка' }))
    await reached(live, id, 'update', yes, others(yes))
    ok(await co.ann.call('log.blogpost.share', { POST_ID: id, DEST: [`U${co.boris.id}`] }))
    await live.boris.next(feedEntry(id, 'update'))
  })

  test('delete: everyone who had the post hears it is gone', async () => {
    ok(await co.carl.call('log.blogpost.delete', { POST_ID: id }))
    await reached(live, id, 'delete', [...yes, 'boris'], ['dora', 'uma', 'xena', 'helen'])
  })
})

describe('a change of the audience', () => {
  test('people added by an edit hear it; outside people never do', async () => {
    const live = await listen(portal, people(ALL), sockets)
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    await reached(live, id, 'add', ['carl', 'ann'], [])
    ok(
      await co.carl.call('log.blogpost.update', {
        POST_ID: id,
        DEST: [`U${co.ann.id}`, `DR${co.departments.support}`],
      }),
    )
    await reached(
      live,
      id,
      'update',
      ['carl', 'ann', 'uma', 'boris'],
      ['dora', 'xena', 'yuri', 'helen'],
    )
  })
})
