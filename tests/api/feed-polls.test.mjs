// Polls in posts (E2): log.blogpost.add with POLL, log.poll.get / vote / close — one answer or
// several, voting again replacing the vote, results hidden until one votes (RESULTS AFTER_VOTE)
// or shown to all (ALL), always to the author and administrators and to everyone once closed;
// a closed poll takes no votes (POLL_CLOSED); bad answers refused with the votes untouched.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { badArgument, feedCompany, notFound } from '../support/feed.mjs'
import { startPortal } from '../support/server.mjs'

const MISSING = 99999500

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Feed Polls Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  await portal?.stop()
})

const poll = async (who, POST_ID) => ok(await who.call('log.poll.get', { POST_ID }))
const vote = async (who, POST_ID, ANSWERS) =>
  ok(await who.call('log.poll.vote', { POST_ID, ANSWERS }))
// A poll post by Carl to everyone; resolves to { id, answers (ids as strings) }.
async function pollPost(POLL) {
  const id = await co.post(co.carl, { POST_MESSAGE: 'Опрос', POLL })
  const p = await poll(co.carl, id)
  return { id, answers: p.ANSWERS.map((a) => a.ID) }
}
const votes = (p) => p.ANSWERS.map((a) => a.VOTES)
const percents = (p) => p.ANSWERS.map((a) => a.PERCENT)

describe('a poll with one answer, results after voting', () => {
  let id
  let answers
  before(async () => {
    ;({ id, answers } = await pollPost({
      QUESTION: '  Где проведём праздник?  ',
      ANSWERS: ['В офисе', 'В кафе', ' На природе '],
    }))
  })

  test('before voting a reader sees the question and answers, not the results', async () => {
    const p = await poll(co.ann, id)
    assert.deepEqual(p, {
      QUESTION: 'Где проведём праздник?',
      MULTIPLE: 'N',
      RESULTS: 'AFTER_VOTE',
      CLOSED: 'N',
      VOTED: 'N',
      MY_ANSWERS: [],
      VOTERS: null,
      ANSWERS: [
        { ID: answers[0], TEXT: 'В офисе', VOTES: null, PERCENT: null },
        { ID: answers[1], TEXT: 'В кафе', VOTES: null, PERCENT: null },
        { ID: answers[2], TEXT: 'На природе', VOTES: null, PERCENT: null },
      ],
    })
    assert.deepEqual((await co.entry(co.ann, id)).POLL, p, 'log.feed.get shows the same poll')
  })

  test('the author and the administrator see the results from the start', async () => {
    for (const who of [co.carl, co.admin]) {
      const p = await poll(who, id)
      assert.deepEqual(votes(p), [0, 0, 0])
      assert.deepEqual(percents(p), [0, 0, 0])
      assert.equal(p.VOTERS, 0)
      assert.equal(p.VOTED, 'N')
    }
  })

  test('a vote shows the voter the results; others still do not see them', async () => {
    const p = await vote(co.ann, id, [answers[1]])
    assert.equal(p.VOTED, 'Y')
    assert.deepEqual(p.MY_ANSWERS, [answers[1]])
    assert.deepEqual(votes(p), [0, 1, 0])
    assert.deepEqual(percents(p), [0, 100, 0])
    assert.equal(p.VOTERS, 1)
    assert.deepEqual(await poll(co.ann, id), p)
    const boris = await poll(co.boris, id)
    assert.deepEqual(votes(boris), [null, null, null])
    assert.equal(boris.VOTERS, null)
    assert.equal(boris.VOTED, 'N')
    assert.deepEqual((await co.entry(co.ann, id)).POLL, p)
  })

  test('more votes: counts and percents of the voters', async () => {
    await vote(co.boris, id, [answers[0]])
    const p = await vote(co.dora, id, [answers[1]])
    assert.deepEqual(votes(p), [1, 2, 0])
    assert.deepEqual(percents(p), [33, 67, 0])
    assert.equal(p.VOTERS, 3)
  })

  test('voting again replaces the vote', async () => {
    const p = await vote(co.ann, id, [answers[2]])
    assert.deepEqual(p.MY_ANSWERS, [answers[2]])
    assert.deepEqual(votes(p), [1, 1, 1])
    assert.equal(p.VOTERS, 3)
    const again = await vote(co.ann, id, [answers[2]])
    assert.deepEqual(votes(again), [1, 1, 1])
  })

  test('two answers to a one-answer poll, answers of another poll, no answers: 400', async () => {
    const other = await pollPost({ QUESTION: 'Другой?', ANSWERS: ['a', 'b'] })
    const before = await poll(co.carl, id)
    for (const ANSWERS of [
      [answers[0], answers[1]],
      [other.answers[0]],
      [MISSING],
      ['abc'],
      [0],
      [],
    ])
      badArgument(await co.olga.call('log.poll.vote', { POST_ID: id, ANSWERS }), 'ANSWERS')
    badArgument(await co.olga.call('log.poll.vote', { POST_ID: id }), 'ANSWERS')
    assert.deepEqual(await poll(co.carl, id), before)
    assert.equal((await poll(co.olga, id)).VOTED, 'N')
  })

  test('only the author or an administrator closes it; closed, it takes no votes and shows all', async () => {
    for (const who of [co.ann, co.boris])
      fails(await who.call('log.poll.close', { POST_ID: id }), 403, 'ACCESS_DENIED')
    assert.equal((await poll(co.olga, id)).CLOSED, 'N')
    const closed = ok(await co.carl.call('log.poll.close', { POST_ID: id }))
    assert.equal(closed.CLOSED, 'Y')
    assert.deepEqual(votes(closed), [1, 1, 1])
    fails(
      await co.olga.call('log.poll.vote', { POST_ID: id, ANSWERS: [answers[0]] }),
      400,
      'POLL_CLOSED',
    )
    fails(
      await co.ann.call('log.poll.vote', { POST_ID: id, ANSWERS: [answers[0]] }),
      400,
      'POLL_CLOSED',
    )
    const olga = await poll(co.olga, id)
    assert.equal(olga.CLOSED, 'Y')
    assert.equal(olga.VOTED, 'N')
    assert.deepEqual(votes(olga), [1, 1, 1], 'a closed poll shows its results to all')
    assert.equal(olga.VOTERS, 3)
    assert.deepEqual((await poll(co.ann, id)).MY_ANSWERS, [answers[2]])
  })
})

describe('a poll with several answers', () => {
  test('a vote takes several answers; again, it replaces them', async () => {
    const { id, answers } = await pollPost({
      QUESTION: 'Какие дни удобны?',
      ANSWERS: ['Пн', 'Вт', 'Ср', 'Чт'],
      MULTIPLE: 'Y',
    })
    assert.equal((await poll(co.ann, id)).MULTIPLE, 'Y')
    let p = await vote(co.ann, id, [answers[0], answers[2]])
    assert.deepEqual([...p.MY_ANSWERS].sort(), [answers[0], answers[2]].sort())
    assert.deepEqual(votes(p), [1, 0, 1, 0])
    assert.deepEqual(percents(p), [100, 0, 100, 0], 'percent of the voters')
    assert.equal(p.VOTERS, 1)
    p = await vote(co.boris, id, [answers[2], answers[3], answers[2]])
    assert.deepEqual(votes(p), [1, 0, 2, 1])
    assert.deepEqual(percents(p), [50, 0, 100, 50])
    assert.equal(p.VOTERS, 2)
    p = await vote(co.ann, id, [answers[1]])
    assert.deepEqual(p.MY_ANSWERS, [answers[1]])
    assert.deepEqual(votes(p), [0, 1, 1, 1])
    assert.equal(p.VOTERS, 2)
  })
})

describe('a poll whose results everyone sees', () => {
  test('RESULTS ALL: the counts are shown before one votes', async () => {
    const { id, answers } = await pollPost({
      QUESTION: 'Чай или кофе?',
      ANSWERS: ['Чай', 'Кофе'],
      RESULTS: 'ALL',
    })
    await vote(co.ann, id, [answers[1]])
    const p = await poll(co.boris, id)
    assert.equal(p.RESULTS, 'ALL')
    assert.equal(p.VOTED, 'N')
    assert.deepEqual(votes(p), [0, 1])
    assert.deepEqual(percents(p), [0, 100])
    assert.equal(p.VOTERS, 1)
  })
})

describe('refusals of the poll methods', () => {
  test('a post without a poll, a missing post, no POST_ID', async () => {
    const plain = await co.post(co.carl, {})
    assert.equal((await co.entry(co.ann, plain)).POLL, null)
    fails(await co.ann.call('log.poll.get', { POST_ID: plain }), 400)
    fails(await co.ann.call('log.poll.vote', { POST_ID: plain, ANSWERS: [1] }), 400)
    fails(await co.carl.call('log.poll.close', { POST_ID: plain }), 400)
    notFound(await co.ann.call('log.poll.get', { POST_ID: MISSING }))
    notFound(await co.ann.call('log.poll.vote', { POST_ID: MISSING, ANSWERS: [1] }))
    notFound(await co.carl.call('log.poll.close', { POST_ID: MISSING }))
    badArgument(await co.ann.call('log.poll.get', {}), 'POST_ID')
  })

  test('the administrator closes anyone’s poll', async () => {
    const { id } = await pollPost({ QUESTION: 'Закрыть?', ANSWERS: ['Да', 'Нет'] })
    assert.equal(ok(await co.admin.call('log.poll.close', { POST_ID: id })).CLOSED, 'Y')
    assert.equal((await poll(co.ann, id)).CLOSED, 'Y')
  })
})
