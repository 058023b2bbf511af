// A ticket's way through the studio (M3–M5): helpdesk.ticket.status.set by the studio only;
// helpdesk.ticket.accept on a ticket awaiting acceptance, by a client of the company or an
// administrator; a client's comment on a ticket awaiting acceptance or clarification sends it
// back to work, a studio comment changes nothing; comments of both sides with files, in the
// shape of task comments; the studio's task linked to a ticket, whose tracked time is the
// ticket's TIME_SPENT.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok, PNG_1X1 } from '../support/expect.mjs'
import {
  badField,
  badRef,
  denied,
  desk,
  MISSING,
  notFound,
  STATUSES,
  unique,
} from '../support/helpdesk.mjs'
import { startPortal } from '../support/server.mjs'
import { positional } from '../support/tasks.mjs'

let portal
let d

before(async () => {
  portal = await startPortal({ portalName: 'Сетевые Решения' })
  d = await desk(portal)
})

after(async () => {
  await portal?.stop()
})

// A ticket of Клара's on Alfa's first site, in the given status.
async function ticketIn(status = 'QUEUE', fields = {}) {
  const id = await d.ticket(d.alfa.klara, { SITE_ID: d.alfa.sites[0], ...fields })
  if (status !== 'QUEUE') await d.status(id, status)
  return id
}
const statusOf = async (id) => (await d.get(d.manager, id)).STATUS
const seconds = (iso) => Date.parse(iso) / 1000
const pause = () => new Promise((r) => setTimeout(r, 1100))

describe('helpdesk.ticket.status.set (M4)', () => {
  test('any employee moves a ticket to any status', async () => {
    const id = await ticketIn()
    for (const status of [...STATUSES.slice(1), 'IN_WORK', 'QUEUE']) {
      await d.status(id, status, d.dev)
      assert.equal(await statusOf(id), status)
      assert.equal((await d.get(d.alfa.klara, id)).STATUS, status, 'the client sees it')
    }
  })

  test('STATUS_CHANGED_AT moves with the status and not with other edits', async () => {
    const id = await ticketIn()
    const created = await d.get(d.manager, id)
    assert.equal(created.STATUS_CHANGED_AT, created.CREATED_AT)
    await pause()
    await d.status(id, 'IN_WORK')
    const moved = await d.get(d.manager, id)
    assert.ok(
      seconds(moved.STATUS_CHANGED_AT) > seconds(created.STATUS_CHANGED_AT),
      JSON.stringify(moved),
    )
    await pause()
    ok(await d.manager.call('helpdesk.ticket.update', { ID: id, FIELDS: { PRIORITY: 'HIGH' } }))
    const edited = await d.get(d.manager, id)
    assert.equal(edited.STATUS_CHANGED_AT, moved.STATUS_CHANGED_AT)
    assert.ok(seconds(edited.UPDATED_AT) > seconds(moved.STATUS_CHANGED_AT))
  })

  test('a client may not set a status; a bad STATUS is 400 naming it; a missing ticket is not found', async () => {
    const id = await ticketIn('IN_WORK')
    for (const who of [d.alfa.klara, d.alfa.kirill])
      for (const STATUS of ['ACCEPTED', 'QUEUE'])
        denied(await who.call('helpdesk.ticket.status.set', { ID: id, STATUS }))
    for (const STATUS of ['DONE', '', 'in work', ['IN_WORK']])
      badField(await d.manager.call('helpdesk.ticket.status.set', { ID: id, STATUS }), 'STATUS')
    const body = badField(await d.manager.call('helpdesk.ticket.status.set', { ID: id }), 'STATUS')
    assert.ok(body.error_description.length > 0)
    notFound(await d.manager.call('helpdesk.ticket.status.set', { ID: MISSING, STATUS: 'QUEUE' }))
    assert.equal(await statusOf(id), 'IN_WORK')
  })
})

describe('helpdesk.ticket.accept (M5)', () => {
  test('a ticket not awaiting acceptance: 400 TICKET_NOT_AWAITING_ACCEPTANCE, the status stays', async () => {
    for (const status of ['QUEUE', 'IN_WORK', 'NEED_INFO', 'ACCEPTED']) {
      const id = await ticketIn(status)
      fails(
        await d.alfa.klara.call('helpdesk.ticket.accept', { ID: id }),
        400,
        'TICKET_NOT_AWAITING_ACCEPTANCE',
      )
      assert.equal(await statusOf(id), status)
    }
  })

  test('a client of the company accepts the work — the ticket’s contact or another one', async () => {
    const own = await ticketIn('WAITING_ACCEPTANCE')
    assert.equal(ok(await d.alfa.klara.call('helpdesk.ticket.accept', { ID: own })), true)
    assert.equal(await statusOf(own), 'ACCEPTED')
    const other = await ticketIn('WAITING_ACCEPTANCE')
    assert.equal(ok(await d.alfa.kirill.call('helpdesk.ticket.accept', { ID: other })), true)
    assert.equal(await statusOf(other), 'ACCEPTED')
    fails(
      await d.alfa.klara.call('helpdesk.ticket.accept', { ID: other }),
      400,
      'TICKET_NOT_AWAITING_ACCEPTANCE',
    )
  })

  test('an employee does not accept for the client; an administrator may', async () => {
    const id = await ticketIn('WAITING_ACCEPTANCE')
    for (const who of [d.manager, d.dev])
      denied(await who.call('helpdesk.ticket.accept', { ID: id }))
    assert.equal(await statusOf(id), 'WAITING_ACCEPTANCE')
    assert.equal(ok(await d.admin.call('helpdesk.ticket.accept', { ID: id })), true)
    assert.equal(await statusOf(id), 'ACCEPTED')
    notFound(await d.admin.call('helpdesk.ticket.accept', { ID: MISSING }))
  })
})

describe('a comment of the client sends the ticket back to work (M5)', () => {
  test('remarks on a ticket awaiting acceptance: IN_WORK', async () => {
    const id = await ticketIn('WAITING_ACCEPTANCE')
    const before = await d.get(d.manager, id)
    await pause()
    await d.comment(d.alfa.klara, id, 'Кнопка всё ещё синяя, а нужна зелёная')
    const t = await d.get(d.manager, id)
    assert.equal(t.STATUS, 'IN_WORK')
    assert.ok(seconds(t.STATUS_CHANGED_AT) > seconds(before.STATUS_CHANGED_AT))
  })

  test('the answer on a ticket that needs clarification: IN_WORK, also from another contact', async () => {
    const id = await ticketIn('NEED_INFO')
    await d.comment(d.alfa.kirill, id, 'Логин от хостинга: alfa-admin')
    assert.equal(await statusOf(id), 'IN_WORK')
  })

  test('a studio comment changes no status; a client comment in the queue or in work neither', async () => {
    for (const status of ['NEED_INFO', 'WAITING_ACCEPTANCE', 'IN_WORK', 'QUEUE']) {
      const id = await ticketIn(status)
      await d.comment(d.manager, id, 'Напоминаем')
      await d.comment(d.dev, id, 'Вопрос от разработчика')
      assert.equal(await statusOf(id), status, `a studio comment on ${status}`)
    }
    for (const status of ['QUEUE', 'IN_WORK']) {
      const id = await ticketIn(status)
      await d.comment(d.alfa.klara, id, 'Дополнение')
      assert.equal(await statusOf(id), status, `a client comment on ${status}`)
    }
  })
})

describe('comments (M3)', () => {
  test('both sides comment with files; the list is oldest first with AUTHOR_SIDE', async () => {
    const { alfa, manager } = d
    const id = await ticketIn()
    const first = await d.comment(alfa.klara, id, '[B]Срочно[/B]: вот скриншот', {
      FILES: [['screen.png', PNG_1X1]],
    })
    const second = await d.comment(manager, id, 'Приняли, смотрим')
    const third = await d.comment(alfa.kirill, id, 'И ещё один файл', {
      FILES: [
        ['a.txt', Buffer.from('a').toString('base64')],
        ['b.txt', Buffer.from('bb').toString('base64')],
      ],
    })
    for (const who of [alfa.kirill, d.dev]) {
      const rows = await d.comments(who, id)
      assert.deepEqual(
        rows.map((c) => [Number(c.ID), c.AUTHOR_ID, c.AUTHOR_SIDE]),
        [
          [first, String(alfa.klara.id), 'client'],
          [second, String(manager.id), 'studio'],
          [third, String(alfa.kirill.id), 'client'],
        ],
      )
      const dates = rows.map((c) => Date.parse(c.POST_DATE))
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => a - b),
      )
    }
    const [c1, c2, c3] = await d.comments(alfa.klara, id)
    assert.equal(c1.AUTHOR_NAME, 'Клара Альфина')
    assert.equal(c1.AUTHOR_EMAIL, alfa.klara.email)
    assert.equal(c2.AUTHOR_NAME, 'Людмила Садовникова')
    assert.match(c1.POST_DATE, ISO_WITH_OFFSET)
    assert.equal(c1.POST_MESSAGE, '[B]Срочно[/B]: вот скриншот')
    assert.match(c1.POST_MESSAGE_HTML, /<b>Срочно<\/b>/)
    assert.equal(c1.PARENT_ID, '0')
    const [file] = Object.values(c1.ATTACHED_OBJECTS)
    assert.equal(file.NAME, 'screen.png')
    const res = await fetch(new URL(file.DOWNLOAD_URL, portal.url), {
      headers: { cookie: `artel_session=${d.dev.session.cookie}` },
    })
    assert.equal(res.status, 200)
    assert.equal(Buffer.from(await res.arrayBuffer()).toString('base64'), PNG_1X1)
    assert.deepEqual(c2.ATTACHED_OBJECTS, [])
    assert.deepEqual(
      Object.values(c3.ATTACHED_OBJECTS)
        .map((f) => f.NAME)
        .sort(),
      ['a.txt', 'b.txt'],
    )
    assert.equal(Number((await d.get(manager, id)).COMMENTS_COUNT), 3)
  })

  test('a comment has the fields of task.commentitem.getlist, and AUTHOR_SIDE', async () => {
    const task = ok(
      await d.dev.call('tasks.task.add', { fields: { TITLE: unique('Задача для сравнения') } }),
    ).task
    ok(
      await d.dev.call(
        'task.commentitem.add',
        positional(task.id, { POST_MESSAGE: 'x', FILES: [['f.png', PNG_1X1]] }),
      ),
    )
    const [taskComment] = ok(await d.dev.call('task.commentitem.getlist', positional(task.id)))
    const id = await ticketIn()
    await d.comment(d.dev, id, 'x', { FILES: [['f.png', PNG_1X1]] })
    const [ticketComment] = await d.comments(d.dev, id)
    assert.deepEqual(
      Object.keys(ticketComment).sort(),
      [...Object.keys(taskComment), 'AUTHOR_SIDE'].sort(),
    )
    assert.deepEqual(
      Object.keys(Object.values(ticketComment.ATTACHED_OBJECTS)[0]).sort(),
      Object.keys(Object.values(taskComment.ATTACHED_OBJECTS)[0]).sort(),
    )
  })

  test('bad comments: no text, bad files, a missing ticket; nothing added', async () => {
    const id = await ticketIn()
    const add = (FIELDS, TICKET_ID = id) =>
      d.alfa.klara.call('helpdesk.ticket.comment.add', { TICKET_ID, FIELDS })
    badField(await add({}), 'POST_MESSAGE')
    badField(await add({ POST_MESSAGE: '   ' }), 'POST_MESSAGE')
    badField(await add({ POST_MESSAGE: 'x', FILES: 'nope' }), 'FILES')
    badField(await add({ POST_MESSAGE: 'x', FILES: [['a.txt', '%%% not base64']] }), 'FILES')
    notFound(await add({ POST_MESSAGE: 'x' }, MISSING))
    notFound(await d.alfa.klara.call('helpdesk.ticket.comment.list', { TICKET_ID: MISSING }))
    assert.deepEqual(await d.comments(d.manager, id), [])
    assert.equal(Number((await d.get(d.manager, id)).COMMENTS_COUNT), 0)
  })
})

describe('TASK_ID: the studio’s task for a ticket and its time', () => {
  test('the studio links a task; the time tracked on it is TIME_SPENT; 0 unlinks', async () => {
    const id = await ticketIn('IN_WORK')
    const add = (fields) =>
      d.dev.call('tasks.task.add', {
        fields: {
          TITLE: unique('Баннер'),
          RESPONSIBLE_ID: d.dev.id,
          ALLOW_TIME_TRACKING: 'Y',
          ...fields,
        },
      })
    // A task the manager does not see is as a missing one.
    const unseen = ok(await add({})).task
    badRef(
      await d.manager.call('helpdesk.ticket.update', { ID: id, FIELDS: { TASK_ID: unseen.id } }),
      ['TASK_NOT_FOUND'],
    )
    assert.equal((await d.get(d.manager, id)).TASK_ID, '0')
    const task = ok(await add({ AUDITORS: [d.manager.id] })).task
    ok(await d.manager.call('helpdesk.ticket.update', { ID: id, FIELDS: { TASK_ID: task.id } }))
    const linked = await d.get(d.manager, id)
    assert.equal(linked.TASK_ID, String(task.id))
    assert.equal(Number(linked.TIME_SPENT), 0)
    for (const SECONDS of [1800, 600])
      ok(
        await d.dev.call(
          'task.elapseditem.add',
          positional(task.id, { SECONDS, COMMENT_TEXT: 'Вёрстка баннера' }),
        ),
      )
    assert.equal(Number((await d.get(d.manager, id)).TIME_SPENT), 2400)
    assert.equal(Number((await d.get(d.alfa.klara, id)).TIME_SPENT), 2400, 'the client sees it')
    // The task itself stays the studio's: the client does not see it.
    assert.deepEqual(ok(await d.alfa.klara.call('tasks.task.get', { taskId: task.id })), [])
    ok(await d.manager.call('helpdesk.ticket.update', { ID: id, FIELDS: { TASK_ID: 0 } }))
    const unlinked = await d.get(d.manager, id)
    assert.equal(unlinked.TASK_ID, '0')
    assert.equal(Number(unlinked.TIME_SPENT), 0)
  })

  test('a task named when the studio adds the ticket', async () => {
    const task = ok(
      await d.dev.call('tasks.task.add', {
        fields: { TITLE: unique('Сразу с задачей'), ALLOW_TIME_TRACKING: 'Y' },
      }),
    ).task
    ok(
      await d.dev.call(
        'task.elapseditem.add',
        positional(task.id, { SECONDS: 900, COMMENT_TEXT: 'Оценка' }),
      ),
    )
    const id = await d.ticket(d.dev, {
      COMPANY_ID: d.beta.id,
      TASK_ID: task.id,
      RESPONSIBLE_ID: d.dev.id,
    })
    const t = await d.get(d.beta.boris, id)
    assert.equal(t.TASK_ID, String(task.id))
    assert.equal(Number(t.TIME_SPENT), 900)
  })
})
