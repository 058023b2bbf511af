// Task statuses and actions (C4, C5, C17): start, pause, complete (with "accept work after
// completion"), approve, disapprove ("Доделать"), defer, renew, delegate; the rating with its
// reason; and the person's own switches: watch, mute, favourite, viewed. Who may do each,
// which status allows it, and that a refused action changes nothing.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Actions Ltd' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

const act = async (who, action, id, extra = {}) =>
  ok(await who.call(`tasks.task.${action}`, { taskId: id, ...extra })).task
const status = async (id) => (await co.get(co.admin, id)).status

describe('the status actions', () => {
  test('start, pause, complete, renew: the plain flow of the responsible', async () => {
    const t = await co.standard()
    assert.equal((await act(co.ann, 'start', t.id)).status, '3')
    const started = await co.get(co.ann, t.id)
    assert.ok(started.dateStart, 'the start date is set')
    assert.equal((await act(co.ann, 'pause', t.id)).status, '2')
    const done = await act(co.ann, 'complete', t.id)
    assert.equal(done.status, '5', 'no control: straight to completed')
    assert.equal(done.closedBy, String(co.ann.id))
    assert.ok(done.closedDate)
    // The doer renews only a deferred task: for a completed one it is the status that is wrong.
    fails(await co.ann.call('tasks.task.renew', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    assert.equal((await act(co.carl, 'renew', t.id)).status, '2')
    assert.equal((await co.get(co.carl, t.id)).closedDate, null)
  })

  test('accept work after completion: 4 on completion, back to 2 on disapprove, 5 on approve', async () => {
    const t = await co.standard({ TASK_CONTROL: 'Y' })
    await act(co.ann, 'start', t.id)
    assert.equal((await act(co.ann, 'complete', t.id)).status, '4', 'waits for the creator')
    // Only the creator (or an administrator) approves; not the doer, not the head above.
    for (const who of [co.ann, co.alex, co.olga, co.eric, co.helen])
      for (const a of ['approve', 'disapprove'])
        fails(await who.call(`tasks.task.${a}`, { taskId: t.id }), 403, 'ACCESS_DENIED')
    fails(await co.boris.call('tasks.task.approve', { taskId: t.id }), 400, 'TASK_NOT_FOUND')
    assert.equal(await status(t.id), '4', 'refusals changed nothing')
    assert.equal((await act(co.carl, 'disapprove', t.id)).status, '2', '«Доделать»: back to work')
    assert.equal((await act(co.ann, 'complete', t.id)).status, '4')
    assert.equal((await act(co.carl, 'approve', t.id)).status, '5')
    fails(await co.carl.call('tasks.task.approve', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
  })

  test('the creator completing their own controlled task goes straight to 5; so does an admin', async () => {
    const t = await co.standard({ TASK_CONTROL: 'Y' })
    assert.equal((await act(co.carl, 'complete', t.id)).status, '5')
    const u = await co.standard({ TASK_CONTROL: 'Y' })
    assert.equal((await act(co.admin, 'complete', u.id)).status, '5')
    // The head of the responsible directs it but is not its creator: the work waits for Carl.
    const v = await co.standard({ TASK_CONTROL: 'Y' })
    assert.equal((await act(co.eric, 'complete', v.id)).status, '4')
    assert.equal((await act(co.admin, 'approve', v.id)).status, '5', 'an administrator approves')
  })

  test('setting STATUS with tasks.task.update follows the same control rules', async () => {
    // Eric heads the responsible, so he directs the task, but the approval is Carl's.
    const t = await co.standard({ TASK_CONTROL: 'Y' })
    const u = ok(
      await co.eric.call('tasks.task.update', { taskId: t.id, fields: { STATUS: 5 } }),
    ).task
    assert.equal(u.status, '4', 'completed by a director who is not the creator: waits for control')
    for (const STATUS of [5, 2])
      fails(
        await co.eric.call('tasks.task.update', { taskId: t.id, fields: { STATUS } }),
        403,
        'ACCESS_DENIED',
      )
    assert.equal(await status(t.id), '4')
    assert.equal(
      ok(await co.carl.call('tasks.task.update', { taskId: t.id, fields: { STATUS: 5 } })).task
        .status,
      '5',
    )
    const plain = await co.standard()
    assert.equal(
      ok(await co.eric.call('tasks.task.update', { taskId: plain.id, fields: { STATUS: 5 } })).task
        .status,
      '5',
    )
  })

  test('approve and disapprove outside status 4 are ACTION_NOT_ALLOWED and change nothing', async () => {
    const t = await co.standard({ TASK_CONTROL: 'Y' })
    fails(await co.carl.call('tasks.task.approve', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    fails(await co.carl.call('tasks.task.disapprove', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    assert.equal(await status(t.id), '2')
  })

  test('defer and renew; the doer renews a deferred task but not a completed one', async () => {
    const t = await co.standard()
    assert.equal((await act(co.alex, 'defer', t.id)).status, '6')
    fails(await co.ann.call('tasks.task.defer', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    fails(await co.ann.call('tasks.task.start', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    assert.equal((await act(co.ann, 'renew', t.id)).status, '2')
    fails(await co.ann.call('tasks.task.renew', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    // Completing a deferred task is allowed.
    await act(co.ann, 'defer', t.id)
    assert.equal((await act(co.ann, 'complete', t.id)).status, '5')
  })

  test('wrong status is ACTION_NOT_ALLOWED for the right role', async () => {
    const t = await co.standard()
    fails(await co.ann.call('tasks.task.pause', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    await act(co.ann, 'start', t.id)
    fails(await co.ann.call('tasks.task.start', { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    await act(co.ann, 'complete', t.id)
    for (const a of ['start', 'pause'])
      fails(await co.ann.call(`tasks.task.${a}`, { taskId: t.id }), 400, 'ACTION_NOT_ALLOWED')
    for (const a of ['complete', 'defer', 'delegate'])
      fails(
        await co.carl.call(`tasks.task.${a}`, { taskId: t.id, userId: co.alex.id }),
        400,
        'ACTION_NOT_ALLOWED',
      )
    // The creator does not do the work: starting is a question of role in any status.
    fails(await co.carl.call('tasks.task.start', { taskId: t.id }), 403, 'ACCESS_DENIED')
    assert.equal(await status(t.id), '5')
  })

  test('an observer, a stranger, an unrelated head, an extranet person and a scope-less webhook may not act', async () => {
    const t = await co.standard()
    for (const a of ['start', 'complete', 'defer'])
      fails(await co.olga.call(`tasks.task.${a}`, { taskId: t.id }), 403, 'ACCESS_DENIED')
    for (const who of [co.boris, co.uma, co.xena, co.dora])
      for (const a of ['start', 'pause', 'complete', 'approve', 'disapprove', 'defer', 'renew'])
        fails(await who.call(`tasks.task.${a}`, { taskId: t.id }), 400, 'TASK_NOT_FOUND')
    fails(await co.noScope.call('tasks.task.start', { taskId: t.id }), 403, 'insufficient_scope')
    assert.equal(await status(t.id), '2')
  })

  test('the head above the responsible (B3) may complete and defer but not start', async () => {
    const t = await co.standard()
    fails(await co.helen.call('tasks.task.start', { taskId: t.id }), 403, 'ACCESS_DENIED')
    assert.equal((await act(co.helen, 'defer', t.id)).status, '6')
    assert.equal((await act(co.helen, 'renew', t.id)).status, '2')
    assert.equal((await act(co.helen, 'complete', t.id)).status, '5')
  })

  test('bad task ids are 400s', async () => {
    for (const a of ['start', 'pause', 'complete', 'approve', 'disapprove', 'defer', 'renew']) {
      fails(await co.ann.call(`tasks.task.${a}`, {}), 400, 'ERROR_ARGUMENT')
      fails(await co.ann.call(`tasks.task.${a}`, { taskId: 'one' }), 400, 'ERROR_ARGUMENT')
      fails(await co.ann.call(`tasks.task.${a}`, { taskId: 99999999 }), 400, 'TASK_NOT_FOUND')
    }
  })
})

describe('tasks.task.delegate', () => {
  test('the responsible hands the task on; the former one becomes an observer', async () => {
    const t = await co.standard()
    await act(co.ann, 'start', t.id)
    const d = await act(co.ann, 'delegate', t.id, { userId: co.alex.id })
    assert.equal(d.responsibleId, String(co.alex.id))
    assert.ok(d.auditors.includes(String(co.ann.id)))
    assert.ok(
      !d.accomplices.includes(String(co.alex.id)),
      'no longer a co-executor of their own task',
    )
    assert.equal(d.status, '2', 'an in-progress task waits for its new responsible')
    assert.ok(await co.get(co.ann, t.id), 'the former responsible still sees it')
  })

  test('refused: an observer, a co-executor, a missing or dismissed person, bad input', async () => {
    const t = await co.standard()
    fails(
      await co.olga.call('tasks.task.delegate', { taskId: t.id, userId: co.dora.id }),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await co.alex.call('tasks.task.delegate', { taskId: t.id, userId: co.dora.id }),
      403,
      'ACCESS_DENIED',
    )
    fails(await co.ann.call('tasks.task.delegate', { taskId: t.id }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.ann.call('tasks.task.delegate', { taskId: t.id, userId: 'x' }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.ann.call('tasks.task.delegate', { taskId: t.id, userId: 999999 }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.boris.call('tasks.task.delegate', { taskId: t.id, userId: co.boris.id }),
      400,
      'TASK_NOT_FOUND',
    )
    assert.equal((await co.get(co.carl, t.id)).responsibleId, String(co.ann.id))
  })

  test('an extranet responsible cannot hand a task to someone they do not see', async () => {
    const t = await co.task(co.xena, {})
    fails(
      await co.xena.call('tasks.task.delegate', { taskId: t.id, userId: co.ann.id }),
      400,
      'ERROR_ARGUMENT',
    )
  })
})

describe('rating (C5)', () => {
  test('a negative mark needs a comment: refused without, accepted with MARK_COMMENT', async () => {
    const t = await co.standard()
    await act(co.ann, 'complete', t.id)
    const body = fails(
      await co.carl.call('tasks.task.update', { taskId: t.id, fields: { MARK: 'N' } }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(body.argument, 'MARK_COMMENT')
    assert.equal((await co.get(co.carl, t.id)).mark, null)
    const u = ok(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: { MARK: 'N', MARK_COMMENT: 'Не доделан раздел 3' },
      }),
    ).task
    assert.equal(u.mark, 'N')
    const comments = ok(await co.carl.call('task.commentitem.getlist', { TASKID: t.id }))
    assert.ok(
      comments.some((c) => c.POST_MESSAGE === 'Не доделан раздел 3'),
      'the reason is a comment',
    )
  })

  test('a comment written first counts as the reason; a positive mark needs none', async () => {
    const t = await co.standard()
    await act(co.ann, 'complete', t.id)
    ok(
      await co.carl.call('task.commentitem.add', {
        TASKID: t.id,
        FIELDS: { POST_MESSAGE: 'Плохо' },
      }),
    )
    assert.equal(
      ok(await co.carl.call('tasks.task.update', { taskId: t.id, fields: { MARK: 'N' } })).task
        .mark,
      'N',
    )
    const p = await co.standard()
    assert.equal(
      ok(await co.carl.call('tasks.task.update', { taskId: p.id, fields: { MARK: 'P' } })).task
        .mark,
      'P',
    )
  })

  test('the doer and the observer may not rate', async () => {
    const t = await co.standard()
    for (const who of [co.ann, co.olga])
      fails(
        await who.call('tasks.task.update', { taskId: t.id, fields: { MARK: 'P' } }),
        403,
        'ACCESS_DENIED',
      )
    assert.equal((await co.get(co.carl, t.id)).mark, null)
  })
})

describe("the person's own switches", () => {
  test('startwatch and stopwatch make the caller an observer and back', async () => {
    const t = await co.standard()
    // Helen sees it as a head and joins as an observer.
    const w = await act(co.helen, 'startwatch', t.id)
    assert.ok(w.auditors.includes(String(co.helen.id)))
    const s = await act(co.helen, 'stopwatch', t.id)
    assert.ok(!s.auditors.includes(String(co.helen.id)))
    fails(await co.boris.call('tasks.task.startwatch', { taskId: t.id }), 400, 'TASK_NOT_FOUND')
    // An observer who stops watching leaves the task: the change is made and answered as such.
    const left = await act(co.olga, 'stopwatch', t.id)
    assert.ok(!left.auditors.includes(String(co.olga.id)))
    assert.equal(await co.get(co.olga, t.id), null)
    assert.ok(!(await co.get(co.carl, t.id)).auditors.includes(String(co.boris.id)))
  })

  test('mute and unmute, favourite add and remove, viewed', async () => {
    const t = await co.standard()
    assert.equal((await act(co.ann, 'mute', t.id)).isMuted, 'Y')
    assert.equal((await act(co.ann, 'unmute', t.id)).isMuted, 'N')
    assert.equal(ok(await co.ann.call('tasks.task.favorite.add', { taskId: t.id })), true)
    assert.equal((await co.get(co.ann, t.id)).favorite, 'Y')
    assert.equal((await co.get(co.carl, t.id)).favorite, 'N', 'favourites are per person')
    assert.equal(ok(await co.ann.call('tasks.task.favorite.remove', { taskId: t.id })), true)
    assert.equal((await co.get(co.ann, t.id)).favorite, 'N')
    assert.equal((await co.get(co.ann, t.id)).notViewed, 'Y')
    assert.equal(ok(await co.ann.call('artel.task.viewed', { taskId: t.id })), true)
    assert.equal((await co.get(co.ann, t.id)).notViewed, 'N')
    for (const m of [
      'tasks.task.mute',
      'tasks.task.unmute',
      'tasks.task.favorite.add',
      'tasks.task.favorite.remove',
      'artel.task.viewed',
    ]) {
      const r = await co.boris.call(m, { taskId: t.id })
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, t.title))
      fails(await co.noScope.call(m, { taskId: t.id }), 403, 'insufficient_scope')
      fails(await co.ann.call(m, {}), 400, 'ERROR_ARGUMENT')
    }
  })
})
