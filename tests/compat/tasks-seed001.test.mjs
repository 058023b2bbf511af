// The task regulation of seed 001 ("Регламент по добавлению новых задач…") end to end through
// the real npm clients: @2bad/bitrix over HTTP for some steps, the official @bitrix24/b24jssdk
// over HTTPS (a helper process with the test CA, tasks-seed001-sdk.mjs) for others, including a
// batch and callList over tasks.task.list with result.tasks.
//
// Helen heads Sales and gives the work; Ann, in Sales East below it, does it.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Bitrix } from '@2bad/bitrix'

import { startPortal } from '../support/server.mjs'
import { startSdkProcess, twoBadFails } from './sdk-process.mjs'

let portal
let sdkProcess
let helen // { id, http: 2bad client, sdk(op, …) }
let ann

const sdk = (as, req) => sdkProcess.request(as, req)
const sdkOk = async (as, req) => {
  const a = await sdk(as, req)
  assert.ok(a.ok, `${req.method ?? req.op}: ${JSON.stringify(a.error)}`)
  return a
}

before(async () => {
  portal = await startPortal({ tls: true, portalName: 'Открытая Студия' })
  const admin = await portal.hook(['department', 'user'])
  const sales = (await admin.call('department.add', { NAME: 'Продажи', PARENT: 1 })).body.result
  const east = (await admin.call('department.add', { NAME: 'Продажи: Восток', PARENT: sales })).body
    .result
  const helenId = await portal.addUser({
    NAME: 'Елена',
    LAST_NAME: 'Руководитель',
    UF_DEPARTMENT: [sales],
  })
  const annId = await portal.addUser({
    NAME: 'Анна',
    LAST_NAME: 'Исполнитель',
    UF_DEPARTMENT: [east],
  })
  assert.equal((await admin.call('department.update', { ID: sales, UF_HEAD: helenId })).status, 200)
  const hookOf = async (user, https) => portal.webhook(['task', 'user'], { user, https })
  helen = { id: helenId, http: Bitrix(await hookOf(helenId, false)) }
  ann = { id: annId, http: Bitrix(await hookOf(annId, false)) }
  sdkProcess = startSdkProcess(portal, {
    helen: await hookOf(helenId, true),
    ann: await hookOf(annId, true),
  })
})

after(async () => {
  sdkProcess?.stop()
  await portal?.stop()
})

const state = {}

describe('seed 001: a general task with subtasks, time, control, rating, copy, search, history', () => {
  test('2bad: the general task — «Общая:», planned time in the description, time tracking off', async () => {
    const { result } = await helen.http.call('tasks.task.add', {
      fields: {
        TITLE: 'Общая: Заключить договор с Клиентом X',
        DESCRIPTION: 'Планируемое время: 2 ч 30 мин (у подзадач)',
        RESPONSIBLE_ID: ann.id,
        ALLOW_TIME_TRACKING: 'N',
        TIME_ESTIMATE: 0,
        ALLOW_CHANGE_DEADLINE: 'Y',
        DEADLINE: '2031-06-10T18:00:00+03:00',
        TAGS: ['SALES'],
        UF_CRM_TASK: ['CO_5', 'D_10'],
      },
    })
    state.parent = result.task
    assert.equal(state.parent.allowTimeTracking, 'N')
    assert.equal(state.parent.responsibleId, String(ann.id))
  })

  test('SDK batch: the three subtasks with planned time, tracking on, control on', async () => {
    const sub = (TITLE, TIME_ESTIMATE) => ({
      method: 'tasks.task.add',
      params: {
        fields: {
          TITLE,
          PARENT_ID: state.parent.id,
          RESPONSIBLE_ID: ann.id,
          ALLOW_TIME_TRACKING: 'Y',
          TASK_CONTROL: 'Y',
          TIME_ESTIMATE,
          TAGS: ['SALES'],
        },
      },
    })
    const { result } = await sdkOk('helen', {
      op: 'batch',
      calls: {
        prepare: sub('Подготовить договор', 3600),
        agree: sub('Согласовать договор', 3600),
        originals: sub('Получить оригинал документов', 1800),
      },
    })
    state.subs = ['prepare', 'agree', 'originals'].map((k) => result[k].task)
    for (const s of state.subs) assert.equal(s.parentId, String(state.parent.id))
    const { result: check } = await helen.http.call('tasks.task.list', {
      filter: { PARENT_ID: state.parent.id },
      order: { ID: 'ASC' },
      select: ['ID', 'TITLE', 'TIME_ESTIMATE'],
    })
    assert.deepEqual(
      check.tasks.map((t) => t.timeEstimate),
      ['3600', '3600', '1800'],
    )
    const { result: parent } = await helen.http.call('tasks.task.get', { taskId: state.parent.id })
    assert.equal(parent.task.timeEstimate, '0', 'the planned time of the parent is not summed')
  })

  test('SDK: the timer — starting another task pauses the running one and records its time', async () => {
    const [prepare, agree] = state.subs
    const started = await sdkOk('ann', {
      op: 'call',
      method: 'artel.task.timer.start',
      params: { taskId: prepare.id },
    })
    assert.equal(started.result.TASK_ID, String(prepare.id))
    await new Promise((r) => setTimeout(r, 1100))
    await sdkOk('ann', {
      op: 'call',
      method: 'artel.task.timer.start',
      params: { taskId: agree.id },
    })
    const running = await sdkOk('ann', { op: 'call', method: 'artel.task.timer.get', params: {} })
    assert.equal(running.result.TASK_ID, String(agree.id))
    await new Promise((r) => setTimeout(r, 1100))
    const stopped = await sdkOk('ann', { op: 'call', method: 'artel.task.timer.stop', params: {} })
    assert.ok(stopped.result.SECONDS >= 1)
    const { result: entries } = await ann.http.call('task.elapseditem.getlist', { 0: prepare.id })
    assert.equal(entries.length, 1)
    assert.equal(entries[0].SOURCE, '1')
  })

  test('SDK: time by hand, positional {"0": id, "1": {...}} as the SDK sends it; 2bad reads it', async () => {
    const originals = state.subs[2]
    const { result: id } = await sdkOk('ann', {
      op: 'call',
      method: 'task.elapseditem.add',
      params: {
        0: originals.id,
        1: { SECONDS: 1200, COMMENT_TEXT: 'Забыла включить учёт: ездила за оригиналами' },
      },
    })
    assert.equal(typeof id, 'number')
    const refused = await sdk('ann', {
      op: 'call',
      method: 'task.elapseditem.add',
      params: { 0: originals.id, 1: { SECONDS: 60 } },
    })
    assert.equal(refused.ok, false, 'a hand entry needs its comment')
    assert.ok(
      refused.error.codes.includes('ERROR_ARGUMENT') ||
        refused.error.messages.join(' ').includes('COMMENT_TEXT'),
      JSON.stringify(refused.error),
    )
    // The correction needs a reason (2bad, GET with qs-encoded positional parameters).
    const e = await twoBadFails(
      ann.http.call('task.elapseditem.update', { 0: originals.id, 1: id, 2: { SECONDS: 900 } }),
    )
    assert.equal(e.status, 400)
    assert.equal(e.body.error, 'ERROR_ARGUMENT')
    await ann.http.call('task.elapseditem.update', {
      0: originals.id,
      1: id,
      2: { SECONDS: 900, COMMENT_TEXT: 'Минус обед' },
    })
    const { result: task } = await ann.http.call('tasks.task.get', { taskId: originals.id })
    assert.equal(task.task.timeSpentInLogs, '900')
  })

  test('2bad and SDK: the deadline moved twice (by Ann, then by Helen)', async () => {
    await ann.http.call('tasks.task.update', {
      taskId: state.parent.id,
      fields: { DEADLINE: '2031-06-12T18:00:00+03:00' },
    })
    await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.update',
      params: { taskId: state.parent.id, fields: { DEADLINE: '2031-06-15T18:00:00+03:00' } },
    })
  })

  test('complete with control → 4; «Доделать» → 2; complete again → 4; approve → 5', async () => {
    const prepare = state.subs[0]
    const a = await ann.http.call('tasks.task.complete', { taskId: prepare.id })
    assert.equal(a.result.task.status, '4', 'waits for Helen')
    const e = await twoBadFails(ann.http.call('tasks.task.approve', { taskId: prepare.id }))
    assert.equal(e.body.error, 'ACCESS_DENIED', 'the doer does not approve her own work')
    const d = await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.disapprove',
      params: { taskId: prepare.id },
    })
    assert.equal(d.result.task.status, '2')
    assert.equal(
      (await ann.http.call('tasks.task.complete', { taskId: prepare.id })).result.task.status,
      '4',
    )
    const ap = await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.approve',
      params: { taskId: prepare.id },
    })
    assert.equal(ap.result.task.status, '5')
  })

  test('SDK: rating — a negative mark without a comment is refused, with one it is accepted', async () => {
    const prepare = state.subs[0]
    const refused = await sdk('helen', {
      op: 'call',
      method: 'tasks.task.update',
      params: { taskId: prepare.id, fields: { MARK: 'N' } },
    })
    assert.equal(refused.ok, false)
    assert.ok(refused.error.codes.includes('ERROR_ARGUMENT'), JSON.stringify(refused.error))
    const ok = await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.update',
      params: {
        taskId: prepare.id,
        fields: { MARK: 'N', MARK_COMMENT: 'Замечание повторяется: нет реквизитов' },
      },
    })
    assert.equal(ok.result.task.mark, 'N')
    const { result: comments } = await ann.http.call('task.commentitem.getlist', { 0: prepare.id })
    assert.ok(comments.some((c) => /нет реквизитов/.test(c.POST_MESSAGE)))
  })

  test('2bad: copying the general task duplicates its subtasks (the seed warns about it)', async () => {
    const { result } = await helen.http.call('artel.task.copy', {
      taskId: state.parent.id,
      withSubtasks: 'Y',
    })
    state.copy = result.task
    assert.equal(state.copy.title, state.parent.title)
    const { result: kids } = await helen.http.call('tasks.task.list', {
      filter: { PARENT_ID: state.copy.id },
      order: { ID: 'ASC' },
      select: ['ID', 'TITLE', 'STATUS'],
    })
    assert.deepEqual(
      kids.tasks.map((t) => t.title),
      ['Подготовить договор', 'Согласовать договор', 'Получить оригинал документов'],
    )
    assert.ok(
      kids.tasks.every((t) => t.status === '2'),
      'the copies start afresh',
    )
  })

  test('search by a word form, through both clients', async () => {
    const { result } = await ann.http.call('tasks.task.list', {
      filter: { SEARCH_INDEX: 'подготовка', '::SUBFILTER-PARAMS': { PARENT_ID: state.parent.id } },
      select: ['ID', 'TITLE'],
    })
    assert.deepEqual(
      result.tasks.map((t) => t.title),
      ['Подготовить договор'],
    )
    const viaSdk = await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.list',
      params: {
        filter: { SEARCH_INDEX: 'договора клиентом', ONLY_ROOT_TASKS: 'Y' },
        select: ['ID', 'TITLE'],
      },
    })
    assert.deepEqual(
      viaSdk.result.tasks.map((t) => Number(t.id)).sort(),
      [Number(state.parent.id), Number(state.copy.id)].sort(),
    )
  })

  test('SDK callList over tasks.task.list (result.tasks, >ID paging) sees every page', async () => {
    // 53 more tasks through 2bad's batch (chunks of 50), then one callList.
    const commands = {}
    for (let i = 0; i < 53; i++)
      commands[`t${i}`] = {
        method: 'tasks.task.add',
        params: {
          fields: {
            TITLE: `СТЭК: идея ${i}`,
            TAGS: ['STACK'],
            DEADLINE: '2032-01-01T10:00:00+03:00',
          },
        },
      }
    const made = await helen.http.batch(commands)
    assert.equal(Object.keys(made.result.result).length, 53)
    const list = await sdkOk('helen', {
      op: 'callList',
      method: 'tasks.task.list',
      params: { filter: { TAG: 'STACK' }, select: ['ID', 'TITLE'] },
      options: { idKey: 'id', cursorIdKey: 'ID', customKeyForResult: 'tasks' },
    })
    assert.equal(list.result.length, 53)
    assert.equal(new Set(list.result.map((t) => t.id)).size, 53)
    // Ann sees none of Helen's own backlog.
    const hers = await sdkOk('ann', {
      op: 'callList',
      method: 'tasks.task.list',
      params: { filter: { TAG: 'STACK' }, select: ['ID'] },
      options: { idKey: 'id', cursorIdKey: 'ID', customKeyForResult: 'tasks' },
    })
    assert.deepEqual(hers.result, [])
  })

  test('SDK: the history shows the deadline moves and every status change', async () => {
    const h = await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.history.list',
      params: { taskId: state.parent.id, filter: { FIELD: 'DEADLINE' }, order: { ID: 'ASC' } },
    })
    const moves = h.result.list
    assert.equal(moves.length, 2)
    assert.deepEqual(
      moves.map((m) => m.user.id),
      [ann.id, helen.id],
    )
    assert.equal(Date.parse(moves[1].value.to), Date.parse('2031-06-15T18:00:00+03:00'))
    const { result: g } = await helen.http.call('tasks.task.get', { taskId: state.parent.id })
    assert.equal(g.task.deadlineChanges, 2)
    const s = await sdkOk('helen', {
      op: 'call',
      method: 'tasks.task.history.list',
      params: { taskId: state.subs[0].id, filter: { FIELD: 'STATUS' }, order: { ID: 'ASC' } },
    })
    assert.deepEqual(
      s.result.list.map((e) => `${e.value.from}→${e.value.to}`),
      ['2→3', '3→4', '4→2', '2→4', '4→5'],
    )
    const { result: time } = await helen.http.call('tasks.task.history.list', {
      taskId: state.subs[2].id,
      filter: { FIELD: 'TIME_SPENT_IN_LOGS' },
    })
    assert.ok(
      time.list.some((e) => /Минус обед/.test(e.note ?? '')),
      JSON.stringify(time.list),
    )
  })
})
