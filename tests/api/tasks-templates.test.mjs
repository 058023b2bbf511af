// Templates, recurring tasks and copies (C10, C11): tasks.template.add / get / update / delete /
// list / fields, artel.task.template.createtask, a recurring template that creates its task on
// schedule (the job runs every second with ARTEL_JOBS_SCALE=60), and artel.task.copy with the
// subtasks duplicated (the seed's warning), checklist unchecked, tags and files kept.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok, PNG_1X1 } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, eventually, mentions, positional, unique } from '../support/tasks.mjs'

let portal
let co
let recurring // { id, title, at } — made first, checked last, so the file does not wait for it

before(async () => {
  portal = await startPortal({ portalName: 'Templates Ltd', env: { ARTEL_JOBS_SCALE: '60' } })
  co = await company(portal)
  // The schedule's TIME is in minutes of the portal's zone: the next whole minute (two when the
  // current one is about to end), so that the run comes within about a minute.
  const offset = (await co.task(co.carl, {})).createdDate.slice(-6)
  const sign = offset[0] === '-' ? -1 : 1
  const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60e3
  const now = Date.now()
  const ahead = new Date(now).getUTCSeconds() > 50 ? 2 : 1
  const at = new Date(Math.floor((now + offsetMs) / 60e3) * 60e3 + ahead * 60e3)
  const TIME = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`
  const title = unique('Еженедельный отчёт')
  const id = ok(
    await co.carl.call('tasks.template.add', {
      fields: {
        TITLE: title,
        RESPONSIBLE_ID: co.ann.id,
        REPLICATE: 'Y',
        REPLICATE_PARAMS: { PERIOD: 'daily', EVERY_DAY: 1, TIME },
        DEADLINE_AFTER: 86400,
        CHECKLIST: ['Собрать цифры'],
      },
    }),
  )
  recurring = { id, title, TIME }
})

after(async () => {
  await portal?.stop()
})

describe('tasks.template.*', () => {
  test('add, get, update, list, delete; fields', async () => {
    const id = ok(
      await co.carl.call('tasks.template.add', {
        fields: {
          TITLE: 'Шаблон: договор',
          DESCRIPTION: 'План',
          RESPONSIBLE_ID: co.ann.id,
          AUDITORS: [co.olga.id],
          TAGS: ['SALES'],
          PRIORITY: 2,
          TIME_ESTIMATE: 1800,
          ALLOW_TIME_TRACKING: 'Y',
          TASK_CONTROL: 'Y',
          DEADLINE_AFTER: 3 * 86400,
          CHECKLIST: ['Подготовить', { TITLE: 'Отправить' }],
        },
      }),
    )
    assert.equal(typeof id, 'number')
    const g = ok(await co.carl.call('tasks.template.get', { templateId: id }))
    assert.equal(g.TITLE, 'Шаблон: договор')
    assert.equal(g.RESPONSIBLE_ID, String(co.ann.id))
    assert.deepEqual(g.AUDITORS, [String(co.olga.id)])
    assert.equal(g.DEADLINE_AFTER, String(3 * 86400))
    assert.deepEqual(g.CHECKLIST, ['Подготовить', 'Отправить'])
    assert.equal(g.REPLICATE, 'N')
    assert.equal(g.NEXT_EXECUTION_TIME, null)
    ok(
      await co.carl.call('tasks.template.update', {
        templateId: id,
        fields: { TITLE: 'Шаблон: договор v2' },
      }),
    )
    assert.equal(
      ok(await co.carl.call('tasks.template.get', { templateId: id })).TITLE,
      'Шаблон: договор v2',
    )
    const list = await co.carl.call('tasks.template.list', {})
    assert.ok(ok(list).some((x) => x.ID === String(id)))
    assert.equal(typeof list.body.total, 'number')
    const { fields } = ok(await co.carl.call('tasks.template.fields', {}))
    assert.equal(fields.TITLE.required, true)
    assert.ok(fields.REPLICATE_PARAMS)
    assert.equal(ok(await co.carl.call('tasks.template.delete', { templateId: id })), true)
    fails(await co.carl.call('tasks.template.get', { templateId: id }), 400, 'TEMPLATE_NOT_FOUND')
  })

  test('a template makes a task now: fields, deadline after creation, checklist', async () => {
    const id = ok(
      await co.carl.call('tasks.template.add', {
        fields: {
          TITLE: 'Из шаблона',
          RESPONSIBLE_ID: co.ann.id,
          DEADLINE_AFTER: 7200,
          CHECKLIST: ['Пункт'],
          TAGS: ['T'],
        },
      }),
    )
    const t = ok(await co.carl.call('artel.task.template.createtask', { templateId: id })).task
    assert.equal(t.title, 'Из шаблона')
    assert.equal(t.responsibleId, String(co.ann.id))
    assert.equal(t.forkedByTemplateId, String(id))
    assert.deepEqual(t.tags, ['T'])
    const due = Date.parse(t.deadline) - Date.parse(t.createdDate)
    assert.ok(Math.abs(due - 7200e3) < 5000, `deadline ${due} ms after creation`)
    const points = ok(await co.ann.call('task.checklistitem.getlist', positional(t.id)))
    assert.ok(points.some((p) => p.TITLE === 'Пункт'))
  })

  test("templates are their creator's: others get TEMPLATE_NOT_FOUND; the admin sees them", async () => {
    const id = ok(await co.carl.call('tasks.template.add', { fields: { TITLE: 'Личный шаблон' } }))
    for (const who of [co.ann, co.helen, co.boris, co.xena]) {
      for (const [m, p] of [
        ['tasks.template.get', { templateId: id }],
        ['tasks.template.update', { templateId: id, fields: { TITLE: 'x' } }],
        ['tasks.template.delete', { templateId: id }],
        ['artel.task.template.createtask', { templateId: id }],
      ]) {
        const r = await who.call(m, p)
        fails(r, 400, 'TEMPLATE_NOT_FOUND')
        assert.ok(!mentions(r, 'Личный'))
      }
      assert.ok(!ok(await who.call('tasks.template.list', {})).some((x) => x.ID === String(id)))
    }
    assert.equal(
      ok(await co.admin.call('tasks.template.get', { templateId: id })).TITLE,
      'Личный шаблон',
    )
    fails(await co.noScope.call('tasks.template.list', {}), 403, 'insufficient_scope')
  })

  test('bad input: no title, wrong people, wrong schedule, another creator; nothing saved', async () => {
    const before = ok(await co.dora.call('tasks.template.list', {})).length
    for (const fields of [
      {},
      { DESCRIPTION: 'x' },
      { TITLE: 'x', RESPONSIBLE_ID: 999999 },
      { TITLE: 'x', RESPONSIBLE_ID: 'me' },
      { TITLE: 'x', DEADLINE_AFTER: -1 },
      { TITLE: 'x', DEADLINE_AFTER: 'soon' },
      { TITLE: 'x', CHECKLIST: [''] },
      { TITLE: 'x', REPLICATE: 'Y' },
      { TITLE: 'x', REPLICATE: 'perhaps' },
      { TITLE: 'x', REPLICATE: 'Y', REPLICATE_PARAMS: 'daily' },
      { TITLE: 'x', REPLICATE: 'Y', REPLICATE_PARAMS: { PERIOD: 'hourly' } },
      { TITLE: 'x', REPLICATE: 'Y', REPLICATE_PARAMS: { PERIOD: 'daily', TIME: '25:00' } },
      { TITLE: 'x', REPLICATE: 'Y', REPLICATE_PARAMS: { PERIOD: 'weekly', WEEK_DAYS: [8] } },
      { TITLE: 'x', REPLICATE: 'Y', REPLICATE_PARAMS: { PERIOD: 'monthly', MONTHLY_DAY_NUM: 32 } },
      {
        TITLE: 'x',
        REPLICATE: 'Y',
        REPLICATE_PARAMS: {
          PERIOD: 'daily',
          START_DATE: '2030-02-01',
          END_DATE: '2030-01-01',
          REPEAT_TILL: 'date',
        },
      },
    ])
      fails(await co.dora.call('tasks.template.add', { fields }), 400, 'ERROR_ARGUMENT')
    fails(await co.dora.call('tasks.template.add', {}), 400, 'ERROR_ARGUMENT')
    // A parent task that is missing or hidden from the creator is refused now, not at each run.
    const hidden = await co.task(co.boris, {})
    for (const PARENT_ID of [99999999, hidden.id]) {
      const body = fails(
        await co.dora.call('tasks.template.add', { fields: { TITLE: 'x', PARENT_ID } }),
        400,
        'ERROR_ARGUMENT',
      )
      assert.equal(body.argument, 'PARENT_ID')
    }
    const own = await co.task(co.dora, {})
    const sub = ok(
      await co.dora.call('tasks.template.add', {
        fields: { TITLE: 'Подзадача', PARENT_ID: own.id },
      }),
    )
    assert.equal(
      ok(await co.dora.call('artel.task.template.createtask', { templateId: sub })).task.parentId,
      String(own.id),
    )
    ok(await co.dora.call('tasks.template.delete', { templateId: sub }))
    fails(
      await co.dora.call('tasks.template.add', { fields: { TITLE: 'x', CREATED_BY: co.ann.id } }),
      403,
      'ACCESS_DENIED',
    )
    fails(await co.dora.call('tasks.template.get', {}), 400, 'ERROR_ARGUMENT')
    fails(
      await co.dora.call('tasks.template.get', { templateId: 99999999 }),
      400,
      'TEMPLATE_NOT_FOUND',
    )
    fails(
      await co.xena.call('tasks.template.add', {
        fields: { TITLE: 'x', RESPONSIBLE_ID: co.ann.id },
      }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(ok(await co.dora.call('tasks.template.list', {})).length, before)
  })

  test('a weekly schedule computes its next run on a chosen weekday', async () => {
    const id = ok(
      await co.carl.call('tasks.template.add', {
        fields: {
          TITLE: 'По средам',
          REPLICATE: 'Y',
          REPLICATE_PARAMS: { PERIOD: 'weekly', WEEK_DAYS: [3], TIME: '09:30' },
        },
      }),
    )
    const g = ok(await co.carl.call('tasks.template.get', { templateId: id }))
    assert.ok(g.NEXT_EXECUTION_TIME, JSON.stringify(g))
    const next = new Date(Date.parse(g.NEXT_EXECUTION_TIME))
    const local = g.NEXT_EXECUTION_TIME.slice(11, 16)
    assert.equal(local, '09:30')
    assert.ok(next.getTime() > Date.now() && next.getTime() < Date.now() + 8 * 86400e3)
    assert.deepEqual(g.REPLICATE_PARAMS.WEEK_DAYS, ['3'])
    ok(await co.carl.call('tasks.template.update', { templateId: id, fields: { REPLICATE: 'N' } }))
    assert.equal(
      ok(await co.carl.call('tasks.template.get', { templateId: id })).NEXT_EXECUTION_TIME,
      null,
    )
  })
})

describe('artel.task.copy', () => {
  test('a general task copied with its subtasks: subtasks duplicated, checklist unchecked, tags and files kept', async () => {
    const parent = await co.standard({
      TITLE: 'Общая: Заключить договор с Клиентом X',
      TAGS: ['SALES'],
      DEADLINE: '2031-04-01T10:00:00',
    })
    const kids = []
    for (const title of [
      'Подготовить договор',
      'Согласовать договор',
      'Получить оригинал документов',
    ])
      kids.push(await co.standard({ TITLE: title, PARENT_ID: parent.id, TIME_ESTIMATE: 1800 }))
    const grandchild = await co.standard({ TITLE: 'Проверить реквизиты', PARENT_ID: kids[0].id })
    const point = ok(
      await co.ann.call('task.checklistitem.add', positional(parent.id, { TITLE: 'Скан' })),
    )
    ok(await co.ann.call('task.checklistitem.complete', positional(parent.id, point)))
    ok(
      await co.ann.call(
        'task.item.addfile',
        positional(parent.id, { NAME: 'draft.png', CONTENT: PNG_1X1 }),
      ),
    )
    const copy = ok(await co.carl.call('artel.task.copy', { taskId: parent.id })).task
    assert.notEqual(copy.id, parent.id)
    assert.equal(copy.title, parent.title)
    assert.deepEqual(copy.tags, ['SALES'])
    assert.equal(copy.deadline, parent.deadline)
    assert.equal(copy.responsibleId, String(co.ann.id))
    assert.equal(copy.files.length, 1)
    const points = Object.values(copy.checklist).filter((p) => p.parentId !== '0')
    assert.deepEqual(
      points.map((p) => [p.title, p.isComplete]),
      [['Скан', 'N']],
    )
    const { tasks } = await co.list(co.carl, {
      filter: { PARENT_ID: copy.id },
      order: { ID: 'ASC' },
      select: ['ID', 'TITLE', 'TIME_ESTIMATE'],
    })
    assert.deepEqual(
      tasks.map((t) => t.title),
      kids.map((k) => k.title),
      'the subtasks are duplicated',
    )
    assert.ok(tasks.every((t) => t.timeEstimate === '1800'))
    const deeper = await co.list(co.carl, { filter: { PARENT_ID: tasks[0].id } })
    assert.equal(deeper.tasks[0].title, grandchild.title, 'recursively')
    // The originals are untouched.
    assert.equal((await co.list(co.carl, { filter: { PARENT_ID: parent.id } })).total, 3)
  })

  test('withSubtasks N copies the task alone; fields override; only visible subtasks are copied', async () => {
    const parent = await co.standard({ TITLE: 'Разовая' })
    await co.standard({ TITLE: 'Часть', PARENT_ID: parent.id })
    const alone = ok(
      await co.carl.call('artel.task.copy', {
        taskId: parent.id,
        withSubtasks: 'N',
        fields: { TITLE: '(часть 2) Разовая', DEADLINE: '2032-02-02T10:00:00' },
      }),
    ).task
    assert.equal(alone.title, '(часть 2) Разовая')
    assert.equal((await co.list(co.carl, { filter: { PARENT_ID: alone.id } })).total, 0)
    // Ann copies a task of hers whose one subtask she cannot see.
    const mine = await co.task(co.ann, {})
    const theirs = await co.task(co.boris, { TITLE: 'Чужая подзадача' })
    ok(
      await co.admin.call('tasks.task.update', {
        taskId: theirs.id,
        fields: { PARENT_ID: mine.id },
      }),
    )
    const c = ok(await co.ann.call('artel.task.copy', { taskId: mine.id })).task
    assert.equal((await co.list(co.admin, { filter: { PARENT_ID: c.id } })).total, 0)
  })

  test('refused: strangers, scope-less webhook, bad input', async () => {
    const t = await co.standard({ TITLE: 'Не для копирования' })
    for (const who of [co.boris, co.uma, co.xena]) {
      const r = await who.call('artel.task.copy', { taskId: t.id })
      fails(r, 400, 'TASK_NOT_FOUND')
      assert.ok(!mentions(r, 'Не для копирования'))
    }
    fails(await co.noScope.call('artel.task.copy', { taskId: t.id }), 403, 'insufficient_scope')
    fails(await co.carl.call('artel.task.copy', {}), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('artel.task.copy', { taskId: t.id, fields: { TITLE: '' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.carl.call('artel.task.copy', { taskId: t.id, withSubtasks: 'sometimes' }), 400)
    assert.equal((await co.list(co.admin, { filter: { TITLE: 'Не для копирования' } })).total, 1)
  })
})

describe('recurring templates (ARTEL_JOBS_SCALE=60)', () => {
  test(
    'a recurring template creates its task at the scheduled minute',
    { timeout: 150000 },
    async () => {
      const g = ok(await co.carl.call('tasks.template.get', { templateId: recurring.id }))
      assert.equal(g.REPLICATE, 'Y')
      assert.equal(g.NEXT_EXECUTION_TIME.slice(11, 16), recurring.TIME, JSON.stringify(g))
      const made = await eventually(
        async () => (await co.list(co.ann, { filter: { TITLE: recurring.title } })).tasks[0],
        { ms: 140000, every: 500, what: 'the recurring task' },
      )
      assert.equal(made.responsibleId, String(co.ann.id))
      assert.equal(made.createdBy, String(co.carl.id))
      assert.equal(made.forkedByTemplateId, String(recurring.id))
      const after = ok(await co.carl.call('tasks.template.get', { templateId: recurring.id }))
      assert.equal(after.TIMES_CREATED, '1')
      assert.ok(
        Date.parse(after.NEXT_EXECUTION_TIME) > Date.now() + 3600e3,
        'the next run is tomorrow',
      )
      // Ann is told of the new task.
      const bell = ok(await co.ann.call('im.notify.get', {}))
      assert.ok(
        bell.notifications.some(
          (n) =>
            n.notify_tag === `TASKS|TASK|${made.id}` || (n.text ?? '').includes(recurring.title),
        ),
        JSON.stringify(bell).slice(0, 500),
      )
    },
  )
})
