// Seed 000 ("Руководство по работе экстранет-пользователя на портале ПУСК") end to end through
// the real npm clients: the agency's account manager makes a client project with curators of
// both sides; invites the client by e-mail; the client registers through the link, sees only her
// project's board, creates a task and comments; the curators are in it; the agency's developer
// tracks time with the timer and by hand and moves the card across the columns; the board keeps
// the client from moving it where she should not; another client's project stays out of her
// sight; the hours report of the project over a period.
//
// @2bad/bitrix over HTTP for some steps, the official @bitrix24/b24jssdk over HTTPS for others
// (the helper process of tasks-seed001-sdk.mjs, which runs with the test CA).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Bitrix } from '@2bad/bitrix'

import { email, ok, PNG_1X1 } from '../support/expect.mjs'
import { request, sessionFrom } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'
import { startSdkProcess, twoBadFails } from './sdk-process.mjs'

const SCOPES = ['task', 'user', 'sonet_group']
const DAY = new Date().toISOString().slice(0, 10)

let smtp
let portal
let sdkProcess
// The agency: Елена, account manager and curator; Павел, the developer who does the work.
let elena
let pavel
// The clients: Клара (invited by e-mail, the client side's curator) and Борис of another
// company with a project of his own.
let klara
let boris
const state = {}

const sdk = (as, req) => sdkProcess.request(as, req)
const sdkCall = async (as, method, params) => {
  const a = await sdk(as, { op: 'call', method, params })
  assert.ok(a.ok, `${as} ${method}: ${JSON.stringify(a.error)}`)
  return a.result
}

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({ tls: true, smtp, portalName: 'ПУСК', mailFrom: 'b24@i-pusk.test' })
  const admin = await portal.hook(['department', 'user', 'sonet_group', 'task'])
  const prod = ok(await admin.call('department.add', { NAME: 'Производство', PARENT: 1 }))
  const person = async (NAME, LAST_NAME) => {
    const id = await portal.addUser({ NAME, LAST_NAME, UF_DEPARTMENT: [prod] })
    return { id, http: Bitrix(await portal.webhook(SCOPES, { user: id })) }
  }
  elena = await person('Елена', 'Самсонова')
  pavel = await person('Павел', 'Разработчик')
  // Борис: a client of another company, in a project of his own.
  const bAddress = email('boris')
  const bId = ok(
    await admin.call('user.add', {
      EMAIL: bAddress,
      PASSWORD: 'Boris-secret-1',
      EXTRANET: 'Y',
      NAME: 'Борис',
      LAST_NAME: 'Бета',
    }),
  )
  const other = ok(
    await admin.call('sonet_group.create', {
      NAME: 'ООО Бета: доработка',
      PROJECT: 'Y',
      IS_EXTRANET: 'Y',
      VISIBLE: 'N',
      OWNER_ID: elena.id,
    }),
  )
  ok(await admin.call('sonet_group.user.add', { GROUP_ID: other, USER_ID: [bId, pavel.id] }))
  const t = ok(
    await admin.call('tasks.task.add', {
      fields: { TITLE: 'Бета: отчёт по воронке', GROUP_ID: other, RESPONSIBLE_ID: pavel.id },
    }),
  ).task
  ok(
    await admin.call('task.elapseditem.add', {
      0: t.id,
      1: { SECONDS: 600, COMMENT_TEXT: 'Бета', USER_ID: pavel.id },
    }),
  )
  boris = { id: bId, project: other, task: t }
  sdkProcess = startSdkProcess(portal, {
    elena: await portal.webhook(SCOPES, { user: elena.id, https: true }),
    pavel: await portal.webhook(SCOPES, { user: pavel.id, https: true }),
  })
})

after(async () => {
  sdkProcess?.stop()
  await portal?.stop()
  await smtp?.stop()
})

describe('seed 000: a client project with an extranet client', () => {
  test('2bad: the account manager creates the client project and adds the developer', async () => {
    const { result: gid } = await elena.http.call('sonet_group.create', {
      NAME: 'ООО Альфа: настройка портала',
      DESCRIPTION: 'Настройка и доработка портала компании Альфа',
      PROJECT: 'Y',
      PROJECT_DATE_START: '2030-01-09T09:00:00+03:00',
      PROJECT_DATE_FINISH: '2030-12-30T18:00:00+03:00',
      IS_EXTRANET: 'Y',
      VISIBLE: 'N',
      OPENED: 'N',
      EXTRANET_TASKS: 'ALL',
    })
    assert.equal(typeof gid, 'number')
    state.gid = gid
    const { result: added } = await elena.http.call('sonet_group.user.add', {
      GROUP_ID: gid,
      USER_ID: [pavel.id],
    })
    assert.deepEqual(added, [String(pavel.id)])
    const { result: groups } = await pavel.http.call('sonet_group.user.groups', {})
    assert.ok(groups.some((g) => Number(g.GROUP_ID) === gid && g.PROJECT === 'Y'))
  })

  test('SDK: the client is invited by e-mail into the project', async () => {
    state.address = email('klara')
    state.klaraId = await sdkCall('elena', 'user.add', {
      EMAIL: state.address,
      EXTRANET: 'Y',
      SONET_GROUP_ID: [state.gid],
      NAME: 'Клара',
      LAST_NAME: 'Альфина',
    })
    assert.equal(typeof state.klaraId, 'number')
    const message = await smtp.waitFor((m) => m.to.includes(state.address), 15000)
    assert.equal(message.from, 'b24@i-pusk.test')
    assert.ok(message.subject.includes('ПУСК'), message.subject)
    assert.ok(message.text.includes('Елена Самсонова'), 'the e-mail says who invites')
    const m = /(https?:\/\/[^\s"'<>]+\/invite\/([A-Za-z0-9_-]+))/.exec(message.text)
    assert.ok(m, message.text)
    state.token = m[2]
  })

  test('the client registers through the link: name, photo, password; she lands in her project', async () => {
    const anonymous = (method, params) =>
      request(`${portal.url}/rest/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      })
    assert.equal(
      ok(await anonymous('artel.invitation.get', { TOKEN: state.token })).PORTAL_NAME,
      'ПУСК',
    )
    const r = await anonymous('artel.invitation.accept', {
      TOKEN: state.token,
      NAME: 'Клара',
      LAST_NAME: 'Альфина',
      PASSWORD: 'Klara-secret-1',
      PERSONAL_PHOTO: ['klara.png', PNG_1X1],
    })
    const session = sessionFrom(portal.url, r)
    assert.ok(session, r.text)
    assert.equal(ok(await session.call('user.current')).USER_TYPE, 'extranet')
    klara = {
      id: state.klaraId,
      session,
      http: Bitrix(await portal.webhook(SCOPES, { user: state.klaraId })),
    }
    const { result: mine } = await klara.http.call('sonet_group.user.groups', {})
    assert.deepEqual(
      mine.map((g) => Number(g.GROUP_ID)),
      [state.gid],
    )
  })

  test('2bad: the curators of both sides are set on the project', async () => {
    await elena.http.call('sonet_group.update', {
      GROUP_ID: state.gid,
      CURATORS: [elena.id, klara.id],
      CURATOR_ROLE: 'AUDITOR',
    })
    const { result } = await klara.http.call('sonet_group.get', { FILTER: { ID: state.gid } })
    assert.deepEqual([...result[0].CURATORS].sort(), [String(elena.id), String(klara.id)].sort())
  })

  test('2bad: the client creates a task in her project and comments; both curators are in it', async () => {
    const { result } = await klara.http.call('tasks.task.add', {
      fields: {
        TITLE: 'Настроить воронку продаж',
        DESCRIPTION: 'Нужны стадии «Новый», «Счёт», «Оплачен»',
        GROUP_ID: state.gid,
        RESPONSIBLE_ID: pavel.id,
        ALLOW_TIME_TRACKING: 'Y',
      },
    })
    state.task = result.task
    assert.equal(state.task.groupId, String(state.gid))
    const { result: comment } = await klara.http.call('task.commentitem.add', {
      0: state.task.id,
      1: { POST_MESSAGE: 'Срок — до конца месяца, пожалуйста' },
    })
    assert.equal(typeof comment, 'number')
    // The account manager's own task for the client, too.
    state.second = (
      await sdkCall('elena', 'tasks.task.add', {
        fields: {
          TITLE: 'Обучить сотрудников Альфы',
          GROUP_ID: state.gid,
          RESPONSIBLE_ID: pavel.id,
        },
      })
    ).task
    for (const t of [state.task, state.second]) {
      const { result: g } = await elena.http.call('tasks.task.get', { taskId: t.id })
      const people = [
        g.task.createdBy,
        g.task.responsibleId,
        ...g.task.auditors,
        ...g.task.accomplices,
      ]
      for (const curator of [elena.id, klara.id])
        assert.ok(people.includes(String(curator)), `${curator} in ${t.title}: ${people}`)
    }
    const second = await sdkCall('elena', 'tasks.task.get', { taskId: state.second.id })
    assert.ok(second.task.auditors.includes(String(klara.id)), 'the client curator observes')
    const comments = await sdkCall('pavel', 'task.commentitem.getlist', { 0: state.task.id })
    assert.ok(
      comments.some((c) => c.AUTHOR_ID === String(klara.id) && /конца месяца/.test(c.POST_MESSAGE)),
    )
  })

  test('SDK: the developer takes it: the timer, then time by hand', async () => {
    const started = await sdkCall('pavel', 'artel.task.timer.start', { taskId: state.task.id })
    assert.equal(started.TASK_ID, String(state.task.id))
    await new Promise((r) => setTimeout(r, 1100))
    const stopped = await sdkCall('pavel', 'artel.task.timer.stop', {})
    assert.ok(stopped.SECONDS >= 1)
    state.timer = stopped.SECONDS
    await sdkCall('pavel', 'task.elapseditem.add', {
      0: state.task.id,
      1: { SECONDS: 5400, COMMENT_TEXT: 'Настройка стадий воронки' },
    })
    await sdkCall('pavel', 'task.elapseditem.add', {
      0: state.second.id,
      1: { SECONDS: 1800, COMMENT_TEXT: 'Подготовка обучения' },
    })
    // An entry of last year is outside the report's period.
    await sdkCall('pavel', 'task.elapseditem.add', {
      0: state.second.id,
      1: { SECONDS: 900, COMMENT_TEXT: 'Давно', CREATED_DATE: '2020-03-02' },
    })
    const { result } = await klara.http.call('tasks.task.get', { taskId: state.task.id })
    assert.equal(result.task.status, '3', 'the timer started the task')
    assert.equal(
      Number(result.task.timeSpentInLogs),
      5400 + state.timer,
      'the client sees the time',
    )
  })

  test('the board: the developer moves the card; the client sees the column and may not skip to the end', async () => {
    const stages = Object.values(
      await sdkCall('pavel', 'task.stages.get', { entityId: state.gid }),
    ).sort((a, b) => Number(a.SORT) - Number(b.SORT))
    assert.equal(stages.length, 3)
    state.stages = stages
    // The client may move only between the first two columns.
    for (const [i, flag] of [
      [0, 'Y'],
      [1, 'Y'],
      [2, 'N'],
    ])
      await sdkCall('elena', 'task.stages.update', {
        id: stages[i].ID,
        fields: { EXTRANET_MOVE: flag },
      })
    assert.equal(
      await sdkCall('pavel', 'task.stages.movetask', { id: state.task.id, stageId: stages[1].ID }),
      true,
    )
    const { result: column } = await klara.http.call('tasks.task.list', {
      filter: { GROUP_ID: state.gid, STAGE_ID: stages[1].ID },
      select: ['ID', 'TITLE', 'STAGE_ID'],
    })
    assert.deepEqual(
      column.tasks.map((t) => t.title),
      ['Настроить воронку продаж'],
    )
    const e = await twoBadFails(
      klara.http.call('task.stages.movetask', { id: state.task.id, stageId: stages[2].ID }),
    )
    assert.deepEqual([e.status, e.body.error], [403, 'ACCESS_DENIED_MOVE'])
    await sdkCall('pavel', 'task.stages.movetask', { id: state.task.id, stageId: stages[2].ID })
    const { result } = await klara.http.call('tasks.task.get', { taskId: state.task.id })
    assert.equal(String(result.task.stageId), String(stages[2].ID))
  })

  test('2bad: the client sees only her own project — not another client’s', async () => {
    const { result: groups } = await klara.http.call('sonet_group.get', {})
    assert.deepEqual(
      groups.map((g) => Number(g.ID)),
      [state.gid],
    )
    const { result: tasks } = await klara.http.call('tasks.task.list', { select: ['ID', 'TITLE'] })
    assert.deepEqual(
      tasks.tasks.map((t) => Number(t.id)).sort(),
      [Number(state.task.id), Number(state.second.id)].sort(),
    )
    const { result: hidden } = await klara.http.call('tasks.task.get', { taskId: boris.task.id })
    assert.deepEqual(hidden, [])
    const { result: people } = await klara.http.call('user.get', {})
    const ids = people.map((u) => Number(u.ID))
    assert.ok(!ids.includes(boris.id), 'the other client is unknown to her')
    assert.deepEqual(ids.sort(), [elena.id, pavel.id, klara.id].sort())
    const e = await twoBadFails(klara.http.call('sonet_group.user.get', { ID: boris.project }))
    assert.equal(e.body.error, 'ERROR_GROUP_NOT_FOUND')
  })

  test('SDK: the hours report of the project over a period', async () => {
    const entries = async (taskId) =>
      (await sdkCall('elena', 'task.elapseditem.getlist', { 0: taskId }))
        .filter((x) => x.CREATED_DATE.slice(0, 10) === DAY)
        .reduce((sum, x) => sum + Number(x.SECONDS), 0)
    const expected = (await entries(state.task.id)) + (await entries(state.second.id))
    assert.equal(expected, 5400 + state.timer + 1800)
    const r = await sdkCall('elena', 'artel.task.report.time', {
      DATE_FROM: DAY,
      DATE_TO: DAY,
      GROUP_BY: 'TASK',
      FILTER: { GROUP_ID: state.gid },
    })
    assert.equal(r.TOTAL_SECONDS, expected)
    assert.deepEqual(
      r.ROWS.map((x) => Number(x.ID)).sort(),
      [Number(state.task.id), Number(state.second.id)].sort(),
    )
    const byGroup = await sdkCall('elena', 'artel.task.report.time', {
      DATE_FROM: DAY,
      DATE_TO: DAY,
      GROUP_BY: 'GROUP',
    })
    const rows = Object.fromEntries(byGroup.ROWS.map((x) => [Number(x.ID), x]))
    assert.equal(rows[state.gid].SECONDS, expected)
    assert.equal(rows[state.gid].NAME, 'ООО Альфа: настройка портала')
    assert.equal(rows[boris.project].SECONDS, 600)
    // The month of the old entry holds only it.
    const { result: old } = await elena.http.call('artel.task.report.time', {
      DATE_FROM: '2020-03-01',
      DATE_TO: '2020-03-31',
      FILTER: { GROUP_ID: state.gid },
    })
    assert.equal(old.TOTAL_SECONDS, 900)
  })
})
