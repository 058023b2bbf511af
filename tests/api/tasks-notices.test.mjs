// Task notices and live messages: a new task reaches the responsible's bell (im.notify.get);
// the events of one task group into one entry; a muted task sends nothing to who muted it;
// work waiting for control reaches the creator; mentions; the e-mail digest at a real SMTP sink;
// "deadline soon" and "overdue" from the job (ARTEL_JOBS_SCALE=60); task.changed, task.comment,
// task.timer and task.plan on /ws to those who see the task and never to a stranger.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'
import { company, eventually, live, positional, unique } from '../support/tasks.mjs'

let smtp
let portal
let co
const sockets = []

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({ smtp, portalName: 'Notices Ltd', env: { ARTEL_JOBS_SCALE: '60' } })
  co = await company(portal)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
  await smtp?.stop()
})

const bell = async (who) => ok(await who.call('im.notify.get', {})).notifications
const ofTask = async (who, id) =>
  (await bell(who)).filter((n) => n.notify_tag === `TASKS|TASK|${id}`)
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, '+00:00')

describe('notices of tasks', () => {
  test('a new task reaches the responsible, co-executor and observer; not the creator', async () => {
    const t = await co.standard()
    const [n] = await ofTask(co.ann, t.id)
    assert.ok(n, 'Ann has a notice')
    assert.equal(n.notify_module, 'tasks')
    assert.equal(n.notify_event, 'task_assigned')
    assert.equal(n.author_id, co.carl.id)
    assert.equal(n.notify_link, `/tasks/task/view/${t.id}/`)
    assert.ok(n.text.includes(t.title))
    assert.match(n.text, /поставил\(а\) вам задачу/)
    assert.equal((await ofTask(co.alex, t.id)).length, 1)
    assert.equal((await ofTask(co.olga, t.id)).length, 1)
    assert.deepEqual(await ofTask(co.carl, t.id), [])
    assert.deepEqual(await ofTask(co.boris, t.id), [])
  })

  test('several events of one task group into one unread entry', async () => {
    const t = await co.standard()
    ok(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: { DEADLINE: '2031-07-07T10:00:00' },
      }),
    )
    ok(
      await co.carl.call('tasks.task.update', { taskId: t.id, fields: { TITLE: `${t.title} v2` } }),
    )
    ok(await co.carl.call('task.commentitem.add', positional(t.id, { POST_MESSAGE: 'Уточнение' })))
    const entries = await ofTask(co.ann, t.id)
    assert.equal(entries.length, 1, JSON.stringify(entries))
    assert.equal(entries[0].notify_count, 4)
    assert.match(entries[0].text, /Уточнение/, 'the newest text')
  })

  test('a muted task sends nothing to who muted it; the others still hear', async () => {
    const t = await co.standard()
    ok(await co.ann.call('tasks.task.mute', { taskId: t.id }))
    const before = (await ofTask(co.ann, t.id))[0].notify_count
    ok(await co.carl.call('task.commentitem.add', positional(t.id, { POST_MESSAGE: 'Тишина' })))
    ok(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: { DEADLINE: '2031-08-08T10:00:00' },
      }),
    )
    assert.equal((await ofTask(co.ann, t.id))[0].notify_count, before)
    assert.ok((await ofTask(co.alex, t.id))[0].notify_count > 1)
    ok(await co.ann.call('tasks.task.unmute', { taskId: t.id }))
    ok(
      await co.carl.call(
        'task.commentitem.add',
        positional(t.id, { POST_MESSAGE: 'Снова слышно' }),
      ),
    )
    assert.equal((await ofTask(co.ann, t.id))[0].notify_count, before + 1)
  })

  test('completed work waiting for control reaches the creator; «Доделать» reaches the doers', async () => {
    const t = await co.standard({ TASK_CONTROL: 'Y' })
    ok(await co.ann.call('tasks.task.complete', { taskId: t.id }))
    const [c] = await ofTask(co.carl, t.id)
    assert.equal(c.notify_event, 'task_control')
    assert.match(c.text, /ждёт вашего контроля/)
    ok(await co.carl.call('im.notify.read', { ID: c.id, ONLY_CURRENT: 'Y' }))
    ok(await co.carl.call('tasks.task.disapprove', { taskId: t.id }))
    const entries = await ofTask(co.ann, t.id)
    assert.ok(
      entries.some((n) => /на доработку/.test(n.text)),
      JSON.stringify(entries),
    )
  })

  test('a mention reaches the person mentioned, in their language', async () => {
    ok(await co.admin.call('user.update', { ID: co.dora.id, LANGUAGE_ID: 'en' }))
    const t = await co.standard()
    ok(
      await co.carl.call(
        'task.commentitem.add',
        positional(t.id, { POST_MESSAGE: `[USER=${co.dora.id}]Dora[/USER] please look` }),
      ),
    )
    const [n] = await ofTask(co.dora, t.id)
    assert.equal(n.notify_event, 'task_comment')
    assert.match(n.text, /mentioned you in/)
  })

  test("the e-mail digest lists one task's events in one message", async () => {
    const title = unique('Письмо по задаче')
    const t = await co.standard({ TITLE: title })
    ok(
      await co.carl.call(
        'task.commentitem.add',
        positional(t.id, { POST_MESSAGE: 'Первый вопрос' }),
      ),
    )
    const mail = await smtp.waitFor(
      (m) => m.to.includes(co.ann.email) && m.text.includes(title),
      30000,
    )
    assert.match(mail.text, /Первый вопрос/)
    assert.ok(mail.text.includes(`/tasks/task/view/${t.id}/`))
    assert.equal(
      smtp.messages.filter((m) => m.to.includes(co.ann.email) && m.text.includes(title)).length,
      1,
    )
  })

  test('the deadline job: «deadline soon» to the doers, «overdue» to them and the creator, once', async () => {
    const soon = await co.standard({ DEADLINE: iso(Date.now() + 2 * 3600e3) })
    const late = await co.standard({ DEADLINE: iso(Date.now() - 3600e3) })
    const deadlineNotices = async (who, id) =>
      (await ofTask(who, id)).filter(
        (n) => n.notify_event === 'task_deadline' || /крайний срок|просрочена/.test(n.text),
      )
    await eventually(
      async () => (await ofTask(co.ann, soon.id))[0]?.text.includes('Скоро крайний срок'),
      { what: 'deadline soon for Ann' },
    )
    await eventually(async () => (await ofTask(co.ann, late.id))[0]?.text.includes('просрочена'), {
      what: 'overdue for Ann',
    })
    await eventually(async () => (await ofTask(co.carl, late.id))[0]?.text.includes('просрочена'), {
      what: 'overdue for Carl',
    })
    assert.deepEqual(await deadlineNotices(co.carl, soon.id), [], '«soon» is for the doers')
    assert.deepEqual(
      await deadlineNotices(co.olga, late.id).then((x) =>
        x.filter((n) => /просрочена/.test(n.text)),
      ),
      [],
    )
    // Once per deadline: the count does not grow while the job keeps running.
    const count = (await ofTask(co.ann, late.id))[0].notify_count
    await new Promise((r) => setTimeout(r, 2500))
    assert.equal((await ofTask(co.ann, late.id))[0].notify_count, count)
  })
})

describe('live messages on /ws', () => {
  test('task.changed reaches members and the head above, never a stranger or an extranet person', async () => {
    const ann = await live(portal, co.ann.session, sockets)
    const helen = await live(portal, co.helen.session, sockets)
    const boris = await live(portal, co.boris.session, sockets)
    const xena = await live(portal, co.xena.session, sockets)
    const t = await co.standard()
    const isT = (action) => (m) =>
      m.type === 'task.changed' && m.data.ID === String(t.id) && m.data.ACTION === action
    const added = await ann.next(isT('add'))
    assert.equal(added.data.USER_ID, String(co.carl.id))
    await helen.next(isT('add'))
    ok(await co.ann.call('tasks.task.start', { taskId: t.id }))
    await ann.next(isT('status'))
    ok(await co.carl.call('task.commentitem.add', positional(t.id, { POST_MESSAGE: 'живое' })))
    const c = await ann.next((m) => m.type === 'task.comment' && m.data.TASK_ID === String(t.id))
    assert.equal(c.data.ACTION, 'add')
    ok(await co.carl.call('tasks.task.update', { taskId: t.id, fields: { PRIORITY: 2 } }))
    await helen.next(isT('update'))
    // The last message has reached Helen; Boris and Xena would have had theirs by now.
    for (const s of [boris, xena])
      assert.deepEqual(
        s.messages.filter(
          (m) => m.type?.startsWith('task.') && (m.data.ID ?? m.data.TASK_ID) === String(t.id),
        ),
        [],
      )
    ok(await co.carl.call('tasks.task.delete', { taskId: t.id }))
    await ann.next(isT('delete'))
    assert.deepEqual(
      boris.messages.filter((m) => m.type?.startsWith('task.')),
      [],
    )
  })

  test('task.timer goes to the person in every tab; task.plan to the board owner', async () => {
    const t = await co.standard({ ALLOW_TIME_TRACKING: 'Y' })
    const tab1 = await live(portal, co.alex.session, sockets)
    const tab2 = await live(portal, co.alex.session, sockets)
    const other = await live(portal, co.ann.session, sockets)
    ok(await co.alex.call('artel.task.timer.start', { taskId: t.id }))
    for (const tab of [tab1, tab2]) {
      const m = await tab.next((x) => x.type === 'task.timer' && x.data.TASK_ID === String(t.id))
      assert.equal(m.data.RUNNING, true)
      assert.ok(m.data.TIMER_STARTED_AT)
    }
    ok(await co.alex.call('artel.task.timer.stop', {}))
    await tab1.next((x) => x.type === 'task.timer' && x.data.RUNNING === false)
    const stages = Object.values(ok(await co.alex.call('task.stages.get', { entityId: 0 })))
    ok(await co.alex.call('task.stages.movetask', { id: t.id, stageId: stages[1].ID }))
    const p = await tab1.next((x) => x.type === 'task.plan')
    assert.equal(p.data.TASK_ID, String(t.id))
    assert.deepEqual(
      other.messages.filter((m) => m.type === 'task.timer' || m.type === 'task.plan'),
      [],
    )
  })
})
