// The feed's boundary (E1, D3): an outside (extranet) person sees only the entries of their
// groups and those addressed to them — never a post to everyone, a department's or another
// group's — and writes only to their groups and the people they see. Nothing of an entry one
// does not see leaks through any log.* method: every registered method whose name starts with
// `log.` (from `methods` with full: true) must be in the table below, so no future method skips
// the check. Xena (outside, in Carl's extranet group) and Boris (an employee outside Uma's hidden
// group) call each method with the ids of the hidden group's post, comment and poll answer and
// with missing ids: the two answers must match once the ids are blanked, an entry's id must answer
// 400 ERROR_NOT_FOUND, and no answer may hold the hidden texts. Afterwards the post is as it was.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { badArgument, feedCompany, notFound, unique } from '../support/feed.mjs'
import { blankedAnswer } from '../support/leaks.mjs'
import { startPortal } from '../support/server.mjs'

const SECRET = 'Vrk-тайна'
const WORD = 'засекреченный' // a word of the hidden post, for SEARCH
const MISSING = 99999300

let portal
let co
let ext // Carl's extranet group, with Xena
let other // Uma's extranet group, with Yuri
let hidden // Uma's hidden group, with Dora
const seen = {} // entries Xena must see
const unseen = {} // entries Xena must not see
let secret // ids of the hidden group's things
let missing

before(async () => {
  portal = await startPortal({ portalName: 'Feed Boundary Ltd' })
  co = await feedCompany(portal)
  ext = await co.group(co.carl, { NAME: unique('Клиентский проект'), IS_EXTRANET: 'Y' })
  await co.join(co.carl, ext, [co.xena, co.ann])
  other = await co.group(co.uma, { NAME: unique('Другой клиент'), IS_EXTRANET: 'Y' })
  await co.join(co.uma, other, [co.yuri])
  hidden = await co.group(co.uma, { NAME: `${SECRET} группа`, VISIBLE: 'N' })
  await co.join(co.uma, hidden, [co.dora])

  seen.toGroup = await co.post(co.carl, { DEST: [`SG${ext}`], POST_MESSAGE: 'Смета согласована' })
  seen.toXena = await co.post(co.ann, { DEST: [`U${co.xena.id}`], POST_MESSAGE: 'Лично Ксене' })
  seen.groupTask = (
    await co.eventsOf(co.carl, 'task', (await co.task(co.carl, { GROUP_ID: ext })).id)
  )[0].ID
  seen.mentioned = await co.post(co.carl, {
    DEST: [`U${co.ann.id}`],
    POST_MESSAGE: `Спросим [USER=${co.xena.id}]Xena[/USER]`,
  })
  unseen.everyone = await co.post(co.carl, { DEST: ['UA'], POST_MESSAGE: 'Всем сотрудникам' })
  unseen.department = await co.post(co.carl, { DEST: [`DR${co.departments.sales}`] })
  unseen.otherGroup = await co.post(co.yuri, { DEST: [`SG${other}`], POST_MESSAGE: 'Чужой проект' })
  unseen.person = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
  unseen.task = (await co.eventsOf(co.carl, 'task', (await co.standard()).id))[0].ID
  unseen.arrival = (await co.eventsOf(co.admin, 'user', (await co.employee('Newcomer')).id))[0].ID

  const post = await co.post(co.uma, {
    DEST: [`SG${hidden}`],
    POST_TITLE: `${SECRET} заголовок`,
    POST_MESSAGE: `${SECRET} ${WORD} текст`,
    IMPORTANT: 'Y',
    POLL: { QUESTION: `${SECRET} вопрос`, ANSWERS: [`${SECRET} да`, `${SECRET} нет`] },
    FILES: [['secret.txt', Buffer.from(SECRET).toString('base64')]],
  })
  const comment = ok(
    await co.dora.call('log.blogcomment.add', { POST_ID: post, TEXT: `${SECRET} комментарий` }),
  )
  const answer = Number(ok(await co.uma.call('log.poll.get', { POST_ID: post })).ANSWERS[0].ID)
  secret = { post, comment, answer, group: hidden }
  missing = { post: MISSING, comment: MISSING + 1, answer: MISSING + 2, group: MISSING + 3 }
})

after(async () => {
  await portal?.stop()
})

describe('what an outside person sees', () => {
  test('only their groups’ entries and those addressed to them', async () => {
    const { entries } = await co.feed(co.xena, { LIMIT: 50 })
    const ids = entries.map((e) => Number(e.ID))
    for (const [what, id] of Object.entries(seen))
      assert.ok(ids.includes(Number(id)), `${what} (${id}) in ${ids}`)
    for (const [what, id] of Object.entries(unseen)) {
      assert.ok(!ids.includes(Number(id)), `${what} (${id}) is not for Xena`)
      assert.equal(await co.sees(co.xena, id), false, what)
    }
    for (const e of entries)
      assert.ok(
        e.DEST.includes(`SG${ext}`) || e.DEST.includes(`U${co.xena.id}`),
        `every entry is her group’s or hers: ${JSON.stringify(e)}`,
      )
    // The other outside person sees his group’s post, not Xena’s.
    assert.equal(await co.sees(co.yuri, unseen.otherGroup), true)
    assert.equal(await co.sees(co.yuri, seen.toGroup), false)
  })

  test('the posts list, the filters and the search keep to the same entries', async () => {
    const posts = (await co.posts(co.xena)).map((p) => Number(p.ID))
    assert.deepEqual(
      posts.filter((id) => Object.values(unseen).map(Number).includes(id)),
      [],
    )
    assert.ok(posts.includes(seen.toGroup))
    assert.deepEqual(await co.feedIds(co.xena, { GROUP_ID: other }), [])
    assert.deepEqual(await co.feedIds(co.xena, { ID: unseen.everyone }), [])
    assert.deepEqual(await co.feedIds(co.xena, { SEARCH: 'сотрудникам' }), [])
    assert.deepEqual(await co.feedIds(co.xena, { SEARCH: 'сметы' }), [seen.toGroup])
    assert.deepEqual(
      (await co.posts(co.xena, { LOG_RIGHTS: ['UA'] })).map((p) => Number(p.ID)),
      [],
    )
  })

  test('the counter counts only what is theirs', async () => {
    ok(await co.xena.call('log.feed.seen'))
    await co.post(co.carl, { DEST: ['UA'] })
    await co.post(co.uma, { DEST: [`SG${other}`] })
    assert.deepEqual(ok(await co.xena.call('log.feed.counter')), { NEW: 0 })
    await co.post(co.carl, { DEST: [`SG${ext}`] })
    assert.deepEqual(ok(await co.xena.call('log.feed.counter')), { NEW: 1 })
  })

  test('they write to their groups and the people they see, nowhere else', async () => {
    const mine = await co.post(co.xena, { DEST: [`SG${ext}`] })
    assert.equal(await co.sees(co.ann, mine), true)
    assert.equal(await co.sees(co.boris, mine), false)
    const toCarl = await co.post(co.xena, { DEST: [`U${co.carl.id}`] })
    assert.equal(await co.sees(co.carl, toCarl), true)
    const before = (await co.feed(co.admin, { LIMIT: 1 })).entries[0].ID
    for (const DEST of [
      ['UA'],
      [`DR${co.departments.sales}`],
      ['DR1'],
      [`SG${other}`],
      [`SG${hidden}`],
      [`U${co.boris.id}`],
      [`U${co.yuri.id}`],
      [`SG${ext}`, 'UA'],
    ])
      badArgument(await co.xena.call('log.blogpost.add', { POST_MESSAGE: 'x', DEST }), 'DEST')
    badArgument(await co.xena.call('log.blogpost.add', { POST_MESSAGE: 'x' }), 'DEST')
    badArgument(
      await co.xena.call('log.blogpost.share', { POST_ID: seen.toGroup, DEST: ['UA'] }),
      'DEST',
    )
    badArgument(await co.xena.call('log.blogpost.update', { POST_ID: mine, DEST: ['UA'] }), 'DEST')
    assert.equal((await co.feed(co.admin, { LIMIT: 1 })).entries[0].ID, before)
    assert.equal(await co.sees(co.boris, mine), false)
  })

  test('a mention by an outside person adds only people they see', async () => {
    const id = await co.post(co.xena, {
      DEST: [`SG${ext}`],
      POST_MESSAGE: `[USER=${co.boris.id}]Boris[/USER] и [USER=${co.carl.id}]Carl[/USER]`,
    })
    assert.equal(await co.sees(co.boris, id), false)
    assert.deepEqual(await co.notices(co.boris, id), [])
    assert.equal((await co.notices(co.carl, id))[0]?.setting_name, 'blog|mention')
  })
})

// kind 'entry':   about an entry — hidden and missing answers compared; 400 ERROR_NOT_FOUND;
//      'ids':     about other ids (a comment, a group) — hidden and missing answers compared;
//      'read':    nothing to compare — called once, checked to hold no secret;
//      'skip':    the administrators' own; the reason says why.
// calls(i, me) gives the parameters, one call or several.
const METHODS = {
  'log.blogpost.add': {
    kind: 'ids',
    calls: (i) => [{ POST_MESSAGE: 'x', DEST: [`SG${i.group}`] }],
  },
  'log.blogpost.update': { kind: 'entry', calls: (i) => [{ POST_ID: i.post, POST_MESSAGE: 'x' }] },
  'log.blogpost.delete': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.blogpost.get': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.blogpost.share': {
    kind: 'entry',
    calls: (i, me) => [{ POST_ID: i.post, DEST: [`U${me.id}`] }],
  },
  'log.blogpost.getusers.important': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.blogpost.important.read': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.blogpost.important.status': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.blogcomment.add': { kind: 'entry', calls: (i) => [{ POST_ID: i.post, TEXT: 'x' }] },
  'log.blogcomment.get': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.blogcomment.update': { kind: 'ids', calls: (i) => [{ COMMENT_ID: i.comment, TEXT: 'x' }] },
  'log.blogcomment.delete': { kind: 'ids', calls: (i) => [{ COMMENT_ID: i.comment }] },
  'log.like.add': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.like.delete': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.like.list': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.poll.vote': { kind: 'entry', calls: (i) => [{ POST_ID: i.post, ANSWERS: [i.answer] }] },
  'log.poll.get': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.poll.close': { kind: 'entry', calls: (i) => [{ POST_ID: i.post }] },
  'log.feed.get': {
    kind: 'ids',
    calls: (i) => [
      { FILTER: { ID: i.post } },
      { FILTER: { GROUP_ID: i.group } },
      { LAST_ID: i.post + 1, LIMIT: 1, FILTER: { ID: i.post } },
    ],
  },
  'log.feed.counter': { kind: 'read', calls: () => [{}] },
  'log.feed.seen': { kind: 'read', calls: () => [{}] },
  'log.settings.get': { kind: 'read', calls: () => [{}] },
  'log.settings.set': { kind: 'skip', why: 'administrators only' },
}
// The comment's id answers for likes by COMMENT_ID as well.
const COMMENT_CALLS = {
  'log.like.add': (i) => ({ COMMENT_ID: i.comment }),
  'log.like.delete': (i) => ({ COMMENT_ID: i.comment }),
  'log.like.list': (i) => ({ COMMENT_ID: i.comment }),
}

describe('no log.* method leaks an entry one does not see', () => {
  test('every registered log.* method is in the table of this test', async () => {
    const names = ok(await co.admin.call('methods', { full: true })).filter((m) =>
      m.startsWith('log.'),
    )
    const untested = names.filter((m) => !(m in METHODS))
    assert.deepEqual(untested, [], 'add these methods to METHODS in feed-extranet.test.mjs')
    const gone = Object.keys(METHODS).filter((m) => !names.includes(m))
    assert.deepEqual(gone, [], 'methods listed here that are no longer registered')
  })

  for (const who of ['xena', 'boris']) {
    test(`${who}: a hidden entry and a missing one get the same answer, with nothing of it in it`, async () => {
      const me = co[who]
      const differences = []
      for (const [method, spec] of Object.entries(METHODS)) {
        if (spec.kind === 'skip') continue
        const a = spec.calls(secret, me)
        const b = spec.calls(missing, me)
        if (COMMENT_CALLS[method]) {
          a.push(COMMENT_CALLS[method](secret))
          b.push(COMMENT_CALLS[method](missing))
        }
        for (let k = 0; k < a.length; k++) {
          const ra = await me.call(method, a[k])
          assert.ok(ra.status < 500, `${method}: ${ra.status} ${ra.text.slice(0, 300)}`)
          assert.ok(
            !ra.text.includes(SECRET) && !ra.text.includes('Vrk'),
            `${method} shows the hidden entry to ${who}: ${ra.text.slice(0, 500)}`,
          )
          if (spec.kind === 'read') continue
          const rb = await me.call(method, b[k])
          if (spec.kind === 'entry' && !('COMMENT_ID' in a[k])) {
            notFound(ra)
            notFound(rb)
          }
          const sa = blankedAnswer(ra, secret)
          const sb = blankedAnswer(rb, missing)
          if (JSON.stringify(sa) !== JSON.stringify(sb))
            differences.push(
              `${method} ${JSON.stringify(a[k])}:\n  hidden  ${JSON.stringify(sa)}\n  missing ${JSON.stringify(sb)}`,
            )
        }
      }
      assert.deepEqual(differences, [], differences.join('\n'))
    })
  }

  test('the search and the group filter find nothing of the hidden group for those outside it', async () => {
    for (const who of [co.xena, co.boris]) {
      const r = await who.call('log.feed.get', { FILTER: { SEARCH: WORD } })
      assert.deepEqual(ok(r).entries, [])
      assert.deepEqual(await co.feedIds(who, { GROUP_ID: hidden }), [])
      const posts = await who.call('log.blogpost.get', { LOG_RIGHTS: [`SG${hidden}`] })
      assert.deepEqual(ok(posts), [])
    }
    assert.deepEqual(await co.feedIds(co.dora, { SEARCH: WORD }), [secret.post])
  })

  test('the hidden entry is as it was', async () => {
    const [e] = (await co.feed(co.uma, { FILTER: { ID: secret.post } })).entries
    assert.equal(e.DETAIL_TEXT, `${SECRET} ${WORD} текст`)
    assert.equal(e.TITLE, `${SECRET} заголовок`)
    assert.equal(e.NUM_COMMENTS, 1)
    assert.deepEqual(e.LIKES, { COUNT: 0, MINE: 'N', RECENT: [] })
    assert.equal(e.IMPORTANT.READ_COUNT, 0)
    assert.equal(e.POLL.VOTERS, 0)
    assert.equal(e.POLL.CLOSED, 'N')
    assert.deepEqual(
      [...e.DEST].sort(),
      [`SG${hidden}`, `U${co.uma.id}`].sort(),
      'shared with nobody',
    )
    const [c] = ok(await co.uma.call('log.blogcomment.get', { POST_ID: secret.post }))
    assert.equal(c.POST_MESSAGE, `${SECRET} комментарий`)
    assert.deepEqual(c.LIKES, { COUNT: 0, MINE: 'N', RECENT: [] })
  })
})
