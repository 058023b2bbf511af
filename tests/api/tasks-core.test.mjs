// Tasks over real HTTP, the core: tasks.task.add / update / get / list / delete / getFields /
// getaccess; list filters, order, select and paging; word-form search (C13) on both databases;
// bad input of every kind answered with a 4xx Bitrix24 envelope and nothing changed.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, mentions, unique } from '../support/tasks.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Core Tasks' })
  co = await company(portal)
})

after(async () => {
  await portal?.stop()
})

describe('tasks.task.add', () => {
  test('creates a task with every documented field and answers the full camelCase object', async () => {
    const title = unique('Подготовить договор')
    const r = await co.carl.call('tasks.task.add', {
      fields: {
        TITLE: `  ${title}  `,
        DESCRIPTION: 'План: [B]три[/B] шага',
        PRIORITY: 2,
        RESPONSIBLE_ID: co.ann.id,
        ACCOMPLICES: [co.alex.id],
        AUDITORS: [co.olga.id],
        DEADLINE: '2031-12-31T18:00:00+03:00',
        START_DATE_PLAN: '2031-12-01T09:00:00+03:00',
        END_DATE_PLAN: '2031-12-20T18:00:00+03:00',
        ALLOW_CHANGE_DEADLINE: 'N',
        ALLOW_TIME_TRACKING: 'Y',
        TASK_CONTROL: 'Y',
        TIME_ESTIMATE: 5400,
        TAGS: ['SALES', 'CONTROL'],
        UF_CRM_TASK: ['L_4', 'D_10', 'C_7', 'CO_5'],
        XML_ID: 'ext-1',
        UF_SOMETHING_ELSE: 'ignored',
      },
    })
    const t = ok(r).task
    assert.equal(t.title, title, 'the title is trimmed')
    assert.equal(t.description, 'План: [B]три[/B] шага')
    assert.equal(t.priority, '2')
    assert.equal(t.status, '2', 'a new task waits (2)')
    assert.equal(t.createdBy, String(co.carl.id))
    assert.equal(t.responsibleId, String(co.ann.id))
    assert.deepEqual(t.accomplices, [String(co.alex.id)])
    assert.deepEqual(t.auditors, [String(co.olga.id)])
    assert.equal(t.creator.name, co.carl.name)
    assert.equal(t.responsible.name, co.ann.name)
    assert.equal(t.accomplicesData[co.alex.id].name, co.alex.name)
    assert.match(t.deadline, ISO_WITH_OFFSET)
    assert.equal(Date.parse(t.deadline), Date.parse('2031-12-31T18:00:00+03:00'))
    assert.equal(Date.parse(t.startDatePlan), Date.parse('2031-12-01T09:00:00+03:00'))
    assert.equal(t.allowChangeDeadline, 'N')
    assert.equal(t.allowTimeTracking, 'Y')
    assert.equal(t.taskControl, 'Y')
    assert.equal(t.timeEstimate, '5400')
    assert.deepEqual([...t.tags].sort(), ['CONTROL', 'SALES'])
    assert.deepEqual([...t.ufCrmTask].sort(), ['CO_5', 'C_7', 'D_10', 'L_4'])
    assert.equal(t.xmlId, 'ext-1')
    assert.match(t.guid, /^\{[0-9a-f-]{36}\}$/)
    assert.match(t.createdDate, ISO_WITH_OFFSET)
    assert.equal(typeof t.action, 'object')
    assert.equal(t.action.edit, true, 'the creator edits')
    assert.deepEqual(t.checklist, [])
    assert.equal(t.deadlineChanges, 0)
    assert.equal(t.timerIsRunningForCurrentUser, 'N')
    assert.ok(!('ufSomethingElse' in t) && !('UF_SOMETHING_ELSE' in t))
  })

  test('camelCase field names are accepted; the caller is creator and responsible by default', async () => {
    const t = ok(
      await co.ann.call('tasks.task.add', {
        fields: { title: unique('camel'), timeEstimate: 60, allowTimeTracking: 'Y' },
      }),
    ).task
    assert.equal(t.createdBy, String(co.ann.id))
    assert.equal(t.responsibleId, String(co.ann.id))
    assert.equal(t.timeEstimate, '60')
  })

  test('the responsible may name their manager as the creator (the regulation), others may not', async () => {
    const t = await co.task(co.ann, { CREATED_BY: co.eric.id, RESPONSIBLE_ID: co.ann.id })
    assert.equal(t.createdBy, String(co.eric.id))
    const title = unique('fake creator')
    fails(
      await co.ann.call('tasks.task.add', {
        fields: { TITLE: title, CREATED_BY: co.eric.id, RESPONSIBLE_ID: co.alex.id },
      }),
      403,
      'ACCESS_DENIED',
    )
    const { total } = await co.list(co.admin, { filter: { TITLE: title } })
    assert.equal(total, 0, 'nothing was created')
  })

  test('bad input is a 400 naming the field, never a 500, and creates nothing', async () => {
    const before = (await co.list(co.admin, { start: 0 })).total
    const cases = [
      [{}, 'fields'],
      [{ fields: {} }, 'fields'],
      [{ fields: 'TITLE' }, 'fields'],
      [{ fields: { DESCRIPTION: 'no title' } }, 'TITLE'],
      [{ fields: { TITLE: '   ' } }, 'TITLE'],
      [{ fields: { TITLE: 'x'.repeat(251) } }, 'TITLE'],
      [{ fields: { TITLE: ['a'] } }, 'TITLE'],
      [{ fields: { TITLE: 'x', PRIORITY: 5 } }, 'PRIORITY'],
      [{ fields: { TITLE: 'x', PRIORITY: 'high' } }, 'PRIORITY'],
      [{ fields: { TITLE: 'x', STATUS: 9 } }, 'STATUS'],
      [{ fields: { TITLE: 'x', RESPONSIBLE_ID: 999999 } }, 'RESPONSIBLE_ID'],
      [{ fields: { TITLE: 'x', RESPONSIBLE_ID: 'abc' } }, 'RESPONSIBLE_ID'],
      [{ fields: { TITLE: 'x', RESPONSIBLE_ID: -3 } }, 'RESPONSIBLE_ID'],
      [{ fields: { TITLE: 'x', ACCOMPLICES: [0] } }, 'ACCOMPLICES'],
      [{ fields: { TITLE: 'x', ACCOMPLICES: [{ a: 1 }] } }, 'ACCOMPLICES'],
      [{ fields: { TITLE: 'x', AUDITORS: [888888] } }, 'AUDITORS'],
      [{ fields: { TITLE: 'x', DEADLINE: 'tomorrow' } }, 'DEADLINE'],
      [{ fields: { TITLE: 'x', DEADLINE: 12345 } }, 'DEADLINE'],
      [{ fields: { TITLE: 'x', START_DATE_PLAN: '2030-02-30T10:00:00' } }, 'START_DATE_PLAN'],
      [
        {
          fields: {
            TITLE: 'x',
            START_DATE_PLAN: '2030-02-10T10:00:00',
            END_DATE_PLAN: '2030-02-01T10:00:00',
          },
        },
        'END_DATE_PLAN',
      ],
      [{ fields: { TITLE: 'x', ALLOW_TIME_TRACKING: 'maybe' } }, 'ALLOW_TIME_TRACKING'],
      [{ fields: { TITLE: 'x', TIME_ESTIMATE: -1 } }, 'TIME_ESTIMATE'],
      [{ fields: { TITLE: 'x', TIME_ESTIMATE: 'an hour' } }, 'TIME_ESTIMATE'],
      [{ fields: { TITLE: 'x', UF_CRM_TASK: ['LEAD 4'] } }, 'UF_CRM_TASK'],
      [{ fields: { TITLE: 'x', TAGS: [['nested']] } }, 'TAGS'],
      [{ fields: { TITLE: 'x', PARENT_ID: 999999 } }, 'PARENT_ID'],
      [{ fields: { TITLE: 'x', GROUP_ID: 5 } }, 'GROUP_ID'],
      [{ fields: { TITLE: 'x', DEPENDS_ON: [999999] } }, 'DEPENDS_ON'],
      [{ fields: { TITLE: 'x', MARK: 'Z' } }, 'MARK'],
      [{ fields: { TITLE: 'x', DURATION_TYPE: 'fortnights' } }, 'DURATION_TYPE'],
      [{ fields: { TITLE: 'x', SORTING: 'first' } }, 'SORTING'],
    ]
    for (const [params, field] of cases) {
      const body = fails(await co.carl.call('tasks.task.add', params), 400, 'ERROR_ARGUMENT')
      assert.equal(body.argument, field, `${JSON.stringify(params)} → ${JSON.stringify(body)}`)
    }
    assert.equal((await co.list(co.admin, { start: 0 })).total, before, 'nothing was created')
  })

  test('a dismissed person cannot be made responsible', async () => {
    const gone = await portal.addUser({ NAME: 'Gone', UF_DEPARTMENT: [co.departments.east] })
    ok(await co.admin.call('user.update', { ID: gone, ACTIVE: 'N' }))
    const body = fails(
      await co.carl.call('tasks.task.add', { fields: { TITLE: 'x', RESPONSIBLE_ID: gone } }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(body.argument, 'RESPONSIBLE_ID')
  })

  test('an extranet person cannot pull in people they do not see', async () => {
    const body = fails(
      await co.xena.call('tasks.task.add', { fields: { TITLE: 'x', RESPONSIBLE_ID: co.ann.id } }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(body.argument, 'RESPONSIBLE_ID')
    // Their own task is fine.
    const t = await co.task(co.xena, {})
    assert.equal(t.responsibleId, String(co.xena.id))
  })

  test('a parent the caller cannot see is refused like a missing one', async () => {
    const hidden = await co.task(co.boris, {})
    const body = fails(
      await co.carl.call('tasks.task.add', { fields: { TITLE: 'x', PARENT_ID: hidden.id } }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(body.argument, 'PARENT_ID')
    assert.ok(!mentions({ text: JSON.stringify(body) }, hidden.title))
  })

  test('a webhook without the task scope is refused with insufficient_scope', async () => {
    fails(
      await co.noScope.call('tasks.task.add', { fields: { TITLE: 'x' } }),
      403,
      'insufficient_scope',
    )
  })

  test('hostile text is stored as text', async () => {
    const title = `'; DROP TABLE tasks; -- <script>alert(1)</script> ${unique()}`
    const t = await co.task(co.carl, { TITLE: title, DESCRIPTION: '\u0000\u202e' })
    assert.equal((await co.get(co.carl, t.id)).title, title)
  })
})

describe('tasks.task.update', () => {
  test('the creator changes fields; the answer and a later get agree', async () => {
    const t = await co.standard()
    const u = ok(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: {
          TITLE: 'Renamed',
          PRIORITY: 0,
          TAGS: ['A'],
          AUDITORS: [],
          DEADLINE: '2032-01-01T10:00:00',
        },
      }),
    ).task
    assert.equal(u.title, 'Renamed')
    assert.equal(u.priority, '0')
    assert.deepEqual(u.tags, ['A'])
    assert.deepEqual(u.auditors, [])
    const g = await co.get(co.carl, t.id)
    assert.equal(g.title, 'Renamed')
    assert.equal(g.deadline, u.deadline)
    // Olga was removed and no longer sees it.
    assert.equal(await co.get(co.olga, t.id), null)
  })

  test('the responsible may move the deadline and plan dates only, and the deadline only when allowed', async () => {
    const t = await co.standard({ ALLOW_CHANGE_DEADLINE: 'Y', DEADLINE: '2031-05-05T10:00:00' })
    const u = ok(
      await co.ann.call('tasks.task.update', {
        taskId: t.id,
        fields: {
          DEADLINE: '2031-05-06T10:00:00',
          START_DATE_PLAN: '2031-05-01T10:00:00',
          END_DATE_PLAN: '2031-05-02T10:00:00',
        },
      }),
    ).task
    assert.notEqual(u.deadline, t.deadline)
    fails(
      await co.ann.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'mine now' } }),
      403,
      'ACCESS_DENIED',
    )
    const fixed = await co.standard({ ALLOW_CHANGE_DEADLINE: 'N', DEADLINE: '2031-05-05T10:00:00' })
    fails(
      await co.ann.call('tasks.task.update', {
        taskId: fixed.id,
        fields: { DEADLINE: '2031-06-06T10:00:00' },
      }),
      403,
      'ACCESS_DENIED',
    )
    assert.equal(
      (await co.get(co.carl, fixed.id)).deadline,
      fixed.deadline,
      'a hard deadline stays',
    )
    assert.equal((await co.get(co.carl, t.id)).title, t.title)
  })

  test('an observer, a co-executor on director fields, and an unrelated head may not edit', async () => {
    const t = await co.standard()
    fails(
      await co.olga.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'o' } }),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await co.alex.call('tasks.task.update', { taskId: t.id, fields: { PRIORITY: 2 } }),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await co.uma.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'u' } }),
      400,
      'TASK_NOT_FOUND',
    )
    fails(
      await co.boris.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'b' } }),
      400,
      'TASK_NOT_FOUND',
    )
    fails(
      await co.xena.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'x' } }),
      400,
      'TASK_NOT_FOUND',
    )
    fails(
      await co.noScope.call('tasks.task.update', { taskId: t.id, fields: { TITLE: 'n' } }),
      403,
      'insufficient_scope',
    )
    const g = await co.get(co.carl, t.id)
    assert.equal(g.title, t.title)
    assert.equal(g.priority, t.priority)
  })

  test('the head of the responsible directs the task (B3): edits it', async () => {
    const t = await co.standard()
    const u = ok(
      await co.eric.call('tasks.task.update', { taskId: t.id, fields: { PRIORITY: 2 } }),
    ).task
    assert.equal(u.priority, '2')
    const h = ok(
      await co.helen.call('tasks.task.update', { taskId: t.id, fields: { PRIORITY: 0 } }),
    ).task
    assert.equal(h.priority, '0')
  })

  test('only the creator or an administrator changes the creator', async () => {
    const t = await co.standard()
    fails(
      await co.helen.call('tasks.task.update', {
        taskId: t.id,
        fields: { CREATED_BY: co.helen.id },
      }),
      403,
      'ACCESS_DENIED',
    )
    const u = ok(
      await co.admin.call('tasks.task.update', {
        taskId: t.id,
        fields: { CREATED_BY: co.helen.id },
      }),
    ).task
    assert.equal(u.createdBy, String(co.helen.id))
  })

  test('a creator who hands the task to their manager gets a success answer for the change', async () => {
    // The regulation: "set your manager as the creator". Carl is then no longer in the task; the
    // change is made, so the answer must not be an error.
    const t = await co.standard()
    const u = ok(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: { CREATED_BY: co.helen.id },
      }),
    ).task
    assert.equal(u.createdBy, String(co.helen.id))
    assert.equal((await co.get(co.helen, t.id)).createdBy, String(co.helen.id))
  })

  test('a task cannot go under itself or its own subtask', async () => {
    const parent = await co.standard()
    const child = await co.standard({ PARENT_ID: parent.id })
    for (const p of [parent.id, child.id]) {
      const body = fails(
        await co.carl.call('tasks.task.update', { taskId: parent.id, fields: { PARENT_ID: p } }),
        400,
        'ERROR_ARGUMENT',
      )
      assert.equal(body.argument, 'PARENT_ID')
    }
    assert.equal((await co.get(co.carl, parent.id)).parentId, null)
  })

  test('bad ids and bad values are 400s; the task stays as it was', async () => {
    const t = await co.standard()
    fails(
      await co.carl.call('tasks.task.update', { fields: { TITLE: 'x' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('tasks.task.update', { taskId: 'abc', fields: { TITLE: 'x' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('tasks.task.update', { taskId: -1, fields: { TITLE: 'x' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('tasks.task.update', { taskId: 99999999, fields: { TITLE: 'x' } }),
      400,
      'TASK_NOT_FOUND',
    )
    fails(await co.carl.call('tasks.task.update', { taskId: t.id }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('tasks.task.update', { taskId: t.id, fields: { TITLE: '' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('tasks.task.update', {
        taskId: t.id,
        fields: { TITLE: 'ok', RESPONSIBLE_ID: 777777 },
      }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.equal(
      (await co.get(co.carl, t.id)).title,
      t.title,
      'the valid part of a refused call is not applied',
    )
  })

  test('unknown fields alone change nothing and answer the task', async () => {
    const t = await co.standard()
    const u = ok(
      await co.carl.call('tasks.task.update', { taskId: t.id, fields: { UF_OTHER: 1 } }),
    ).task
    assert.equal(u.changedDate, t.changedDate)
  })
})

describe('tasks.task.get', () => {
  test('select picks fields; a hidden or absent task answers []', async () => {
    const t = await co.standard()
    const g = await co.get(co.ann, t.id, ['ID', 'TITLE'])
    assert.equal(g.title, t.title)
    assert.ok(!('description' in g), JSON.stringify(g))
    const absent = ok(await co.carl.call('tasks.task.get', { taskId: 99999999 }))
    const hidden = await co.boris.call('tasks.task.get', { taskId: t.id })
    assert.deepEqual(ok(hidden), absent)
    assert.deepEqual(absent, [])
    assert.ok(!mentions(hidden, t.title))
  })

  test('the id under taskId, TASKID, id or as the first positional parameter', async () => {
    const t = await co.standard()
    for (const p of [
      { taskId: t.id },
      { TASKID: t.id },
      { id: t.id },
      { 0: t.id },
      { taskId: String(t.id) },
    ])
      assert.equal(ok(await co.ann.call('tasks.task.get', p)).task.id, t.id, JSON.stringify(p))
    fails(await co.ann.call('tasks.task.get', {}), 400, 'ERROR_ARGUMENT')
    fails(await co.ann.call('tasks.task.get', { taskId: 'x; DROP' }), 400, 'ERROR_ARGUMENT')
  })
})

describe('tasks.task.list', () => {
  let tag
  let ids
  before(async () => {
    tag = unique('L').replace(/\s/g, '_')
    ids = []
    for (let i = 0; i < 7; i++) {
      const t = await co.task(co.carl, {
        TITLE: `List ${tag} ${String.fromCharCode(70 - i)}`,
        RESPONSIBLE_ID: i % 2 ? co.ann.id : co.alex.id,
        PRIORITY: i % 3,
        TAGS: [tag],
        DEADLINE: i < 5 ? `2033-01-0${i + 1}T10:00:00` : '',
        TIME_ESTIMATE: i * 60,
      })
      ids.push(Number(t.id))
    }
  })

  test('default order is ID DESC; total counts; select limits the fields', async () => {
    const {
      ids: got,
      total,
      tasks,
    } = await co.list(co.carl, {
      filter: { TAG: tag },
      select: ['ID', 'TITLE'],
    })
    assert.deepEqual(got, [...ids].reverse())
    assert.equal(total, 7)
    assert.deepEqual(Object.keys(tasks[0]).sort(), ['id', 'title'])
  })

  test('filters with operators: >ID, @RESPONSIBLE_ID, !PRIORITY, %TITLE, DEADLINE ranges, empty DEADLINE', async () => {
    const f = async (filter) =>
      (await co.list(co.carl, { filter: { TAG: tag, ...filter }, order: { ID: 'ASC' } })).ids
    assert.deepEqual(await f({ '>ID': ids[4] }), ids.slice(5))
    assert.deepEqual(await f({ '>=ID': ids[4] }), ids.slice(4))
    assert.deepEqual(
      await f({ RESPONSIBLE_ID: co.ann.id }),
      ids.filter((_, i) => i % 2),
    )
    assert.deepEqual(await f({ '@RESPONSIBLE_ID': [co.ann.id, co.alex.id] }), ids)
    assert.deepEqual(
      await f({ '!PRIORITY': 0 }),
      ids.filter((_, i) => i % 3),
    )
    assert.deepEqual(await f({ '%TITLE': `${tag} e` }), [ids[1]], 'case-folded substring')
    assert.deepEqual(await f({ '<DEADLINE': '2033-01-03T00:00:00' }), ids.slice(0, 2))
    assert.deepEqual(
      await f({ '><DEADLINE': ['2033-01-02T00:00:00', '2033-01-04T23:00:00'] }),
      ids.slice(1, 4),
    )
    assert.deepEqual(await f({ DEADLINE: '' }), ids.slice(5))
    assert.deepEqual(await f({ '>TIME_ESTIMATE': 240 }), ids.slice(5))
    assert.deepEqual(
      await f({ responsibleId: co.alex.id }),
      ids.filter((_, i) => i % 2 === 0),
      'camelCase keys',
    )
    assert.deepEqual(
      await f({ '::SUBFILTER-PARAMS': { PRIORITY: 1 } }),
      ids.filter((_, i) => i % 3 === 1),
    )
  })

  test('filters by tag, CRM item, predecessor, role, root tasks, not viewed, favourites', async () => {
    const crm = `L_${process.pid}${Date.now() % 100000}`
    const a = await co.task(co.carl, {
      RESPONSIBLE_ID: co.ann.id,
      UF_CRM_TASK: [crm, 'D_10'],
      TAGS: ['solo-tag'],
    })
    const b = await co.task(co.carl, {
      RESPONSIBLE_ID: co.ann.id,
      DEPENDS_ON: [a.id],
      PARENT_ID: a.id,
      ACCOMPLICES: [co.alex.id],
    })
    const ids = async (filter, who = co.carl) =>
      (await co.list(who, { filter: { '>=ID': a.id, ...filter }, order: { ID: 'ASC' } })).ids
    assert.deepEqual(await ids({ TAG: 'solo-tag' }), [Number(a.id)])
    assert.deepEqual(await ids({ TAG: ['solo-tag', 'none'] }), [Number(a.id)])
    assert.deepEqual(await ids({ '!TAG': 'solo-tag' }), [Number(b.id)])
    assert.deepEqual(await ids({ UF_CRM_TASK: crm }), [Number(a.id)])
    assert.deepEqual(await ids({ UF_CRM_TASK: [crm, 'C_1'] }), [Number(a.id)])
    assert.deepEqual(await ids({ DEPENDS_ON: a.id }), [Number(b.id)])
    assert.deepEqual(await ids({ PARENT_ID: a.id }), [Number(b.id)])
    assert.deepEqual(await ids({ ONLY_ROOT_TASKS: 'Y' }), [Number(a.id)])
    assert.deepEqual(await ids({ ACCOMPLICE: co.alex.id }), [Number(b.id)])
    assert.deepEqual(await ids({ DOER: co.alex.id }), [Number(b.id)])
    assert.deepEqual(await ids({ MEMBER: co.ann.id }), [Number(a.id), Number(b.id)])
    // Ann has opened neither; then she opens a.
    assert.deepEqual(await ids({ NOT_VIEWED: 'Y' }, co.ann), [Number(a.id), Number(b.id)])
    assert.deepEqual(await ids({ STATUS: -2 }, co.ann), [Number(a.id), Number(b.id)])
    ok(await co.ann.call('artel.task.viewed', { taskId: a.id }))
    assert.deepEqual(await ids({ NOT_VIEWED: 'Y' }, co.ann), [Number(b.id)])
    assert.deepEqual(await ids({ NOT_VIEWED: 'Y' }), [], 'the creator has nothing unviewed')
    ok(await co.ann.call('tasks.task.favorite.add', { taskId: b.id }))
    assert.deepEqual(await ids({ FAVORITE: 'Y' }, co.ann), [Number(b.id)])
    assert.deepEqual(await ids({ FAVORITE: 'N' }, co.ann), [Number(a.id)])
  })

  test('order by TITLE, DEADLINE (nulls first ascending), PRIORITY then ID', async () => {
    const o = async (order) => (await co.list(co.carl, { filter: { TAG: tag }, order })).ids
    assert.deepEqual(await o({ TITLE: 'ASC' }), [...ids].reverse())
    assert.deepEqual(await o({ DEADLINE: 'ASC' }), [ids[6], ids[5], ...ids.slice(0, 5)])
    assert.deepEqual(await o({ DEADLINE: 'DESC' }), [...ids.slice(0, 5).reverse(), ids[6], ids[5]])
    const byPriority = await o({ PRIORITY: 'DESC', ID: 'ASC' })
    assert.deepEqual(byPriority, [ids[2], ids[5], ids[1], ids[4], ids[0], ids[3], ids[6]])
    fails(
      await co.carl.call('tasks.task.list', { order: { TITLE: 'sideways' } }),
      400,
      'ERROR_ARGUMENT',
    )
  })

  test('paging: start and next; start=-1 has no total (keyset paging as the JS SDK does)', async () => {
    for (let i = 0; i < 50; i++) await co.task(co.dora, { TITLE: `page ${i}` })
    const first = await co.dora.call('tasks.task.list', { filter: { '%TITLE': 'page ' } })
    assert.equal(ok(first).tasks.length, 50)
    assert.equal(first.body.total, 50 + 0)
    assert.ok(!('next' in first.body), 'exactly one page: no next')
    await co.task(co.dora, { TITLE: 'page 50' })
    const again = await co.dora.call('tasks.task.list', { filter: { '%TITLE': 'page ' } })
    assert.equal(again.body.next, 50)
    assert.equal(again.body.total, 51)
    const second = await co.dora.call('tasks.task.list', {
      filter: { '%TITLE': 'page ' },
      start: 50,
    })
    assert.equal(ok(second).tasks.length, 1)
    const keyset = await co.dora.call('tasks.task.list', {
      filter: { '%TITLE': 'page ', '>ID': 0 },
      order: { ID: 'ASC' },
      start: -1,
    })
    assert.equal(ok(keyset).tasks.length, 50)
    assert.ok(!('total' in keyset.body))
  })

  test('bad filters and orders are 400s, not 500s', async () => {
    for (const params of [
      { filter: { NO_SUCH_FIELD: 1 } },
      { filter: { '>ID': 'abc' } },
      { filter: { STATUS: 99 } },
      { filter: { '>STATUS': [1, 2] } },
      { filter: { ONLY_ROOT_TASKS: 'perhaps' } },
      { filter: { MEMBER: ['x'] } },
      { filter: { SEARCH_INDEX: { a: 1 } } },
      { filter: { '::SUBFILTER-PARAMS': 'x' } },
      { order: { NO_SUCH: 'ASC' } },
    ]) {
      const r = await co.carl.call('tasks.task.list', params)
      assert.ok(
        r.status >= 400 && r.status < 500,
        `${JSON.stringify(params)} → ${r.status} ${r.text}`,
      )
      fails(r, r.status)
    }
  })
})

describe('SEARCH_INDEX: word forms (C13)', () => {
  let made
  let stag
  before(async () => {
    made = {}
    stag = unique('S').replace(/\s/g, '_')
    for (const [key, title, description] of [
      ['rabota', 'Проверить качество работы подрядчика', ''],
      ['rabote', 'Отчёт о работе склада', ''],
      ['podgotovka', 'Подготовка договора с клиентом', ''],
      ['en', 'Preparation of the quarterly report', 'prepared by sales'],
      ['ro', 'Pregătirea sălii de renovare', ''],
      ['other', 'Совсем другое дело', 'ничего общего'],
    ])
      made[key] = Number(
        (
          await co.task(co.helen, {
            TITLE: `${title} ${unique('s')}`,
            DESCRIPTION: description,
            TAGS: [stag],
          })
        ).id,
      )
  })

  const search = async (text, who = co.helen) =>
    (await co.list(who, { filter: { SEARCH_INDEX: text, TAG: stag } })).ids.sort()

  test('«работа» finds «работы» and «работе»; «подготовить» finds «подготовка»', async () => {
    assert.deepEqual(await search('работа'), [made.rabota, made.rabote].sort())
    assert.deepEqual(await search('подготовить'), [made.podgotovka])
    assert.deepEqual(
      await search('ПОДГОТОВИТЬ договор'),
      [made.podgotovka],
      'case and several words',
    )
  })

  test('English and Romanian word forms', async () => {
    assert.deepEqual(await search('prepare'), [made.en])
    assert.deepEqual(await search('reports'), [made.en])
    assert.deepEqual(await search('pregătire'), [made.ro])
  })

  test('Romanian plurals in -ări: «lucrare» finds «lucrările», «renovări» finds «renovare»', async () => {
    const t = await co.task(co.helen, { TITLE: 'Verificarea lucrărilor', TAGS: ['ro-todo'] })
    const found = async (text) =>
      (await co.list(co.helen, { filter: { SEARCH_INDEX: text, TAG: 'ro-todo' } })).ids
    assert.deepEqual(await found('lucrare'), [Number(t.id)])
    assert.deepEqual(await search('renovări'), [made.ro])
  })

  test('a stranger searching finds nothing of these tasks, and total agrees', async () => {
    const r = await co.list(co.boris, { filter: { SEARCH_INDEX: 'работа', TAG: stag } })
    assert.deepEqual(r.ids, [])
    assert.equal(r.total, 0)
  })

  test('hostile search text is a plain search: no error, no leak', async () => {
    for (const text of [
      '"',
      "'",
      '*',
      'работ*',
      '(',
      'a OR b',
      'NEAR(a b)',
      '-',
      '& | !',
      ':*',
      '\\',
      "'; DROP TABLE tasks; --",
      '\u0000',
      '%',
      '_',
    ]) {
      const r = await co.helen.call('tasks.task.list', { filter: { SEARCH_INDEX: text } })
      assert.equal(r.status, 200, `${JSON.stringify(text)} → ${r.text}`)
    }
    assert.deepEqual(await search('работ*'), [made.rabota, made.rabote].sort(), 'a prefix')
    assert.deepEqual(
      await search(''),
      Object.values(made)
        .sort()
        .filter((id) => id),
      'empty: no condition',
    )
  })

  test('the index follows a renamed title', async () => {
    ok(
      await co.helen.call('tasks.task.update', {
        taskId: made.other,
        fields: { TITLE: 'Работал над планом' },
      }),
    )
    assert.deepEqual(await search('работа'), [made.rabota, made.rabote, made.other].sort())
  })
})

describe('tasks.task.delete', () => {
  test('directors delete; subtasks stay without a parent; others are refused', async () => {
    const parent = await co.standard()
    const child = await co.standard({ PARENT_ID: parent.id })
    fails(await co.ann.call('tasks.task.delete', { taskId: parent.id }), 403, 'ACCESS_DENIED')
    fails(await co.olga.call('tasks.task.delete', { taskId: parent.id }), 403, 'ACCESS_DENIED')
    fails(await co.boris.call('tasks.task.delete', { taskId: parent.id }), 400, 'TASK_NOT_FOUND')
    fails(
      await co.noScope.call('tasks.task.delete', { taskId: parent.id }),
      403,
      'insufficient_scope',
    )
    assert.ok(await co.get(co.carl, parent.id))
    assert.deepEqual(ok(await co.carl.call('tasks.task.delete', { taskId: parent.id })), {
      task: true,
    })
    assert.equal(await co.get(co.carl, parent.id), null)
    assert.equal((await co.get(co.carl, child.id)).parentId, null)
    fails(await co.carl.call('tasks.task.delete', { taskId: parent.id }), 400, 'TASK_NOT_FOUND')
    fails(await co.carl.call('tasks.task.delete', {}), 400, 'ERROR_ARGUMENT')
  })

  test('the head of the creator deletes', async () => {
    const t = await co.standard()
    ok(await co.helen.call('tasks.task.delete', { taskId: t.id }))
    assert.equal(await co.get(co.admin, t.id), null)
  })
})

describe('tasks.task.getFields and tasks.task.getaccess', () => {
  test('getFields lists the fields with title and type', async () => {
    const { fields } = ok(await co.ann.call('tasks.task.getFields'))
    for (const name of [
      'ID',
      'TITLE',
      'RESPONSIBLE_ID',
      'DEADLINE',
      'STATUS',
      'TIME_ESTIMATE',
      'UF_CRM_TASK',
    ]) {
      assert.ok(fields[name], name)
      assert.equal(typeof fields[name].title, 'string')
      assert.equal(typeof fields[name].type, 'string')
    }
    assert.equal(fields.TITLE.required, true)
    fails(await co.noScope.call('tasks.task.getFields'), 403, 'insufficient_scope')
  })

  test('getaccess says what each person may do; a hidden task answers nothing', async () => {
    const t = await co.standard({ TASK_CONTROL: 'Y' })
    const { allowedActions } = ok(
      await co.carl.call('tasks.task.getaccess', {
        taskId: t.id,
        users: [co.carl.id, co.ann.id, co.olga.id, co.boris.id],
      }),
    )
    assert.equal(allowedActions[co.carl.id].EDIT, true)
    assert.equal(allowedActions[co.carl.id].REMOVE, true)
    assert.equal(allowedActions[co.ann.id].EDIT, false)
    assert.equal(allowedActions[co.ann.id].START, true)
    assert.equal(allowedActions[co.ann.id].COMPLETE, true)
    assert.equal(allowedActions[co.olga.id].COMPLETE, false)
    assert.equal(allowedActions[co.boris.id].COMPLETE, false)
    assert.equal(allowedActions[co.boris.id].EDIT, false)
    const own = ok(await co.ann.call('tasks.task.getaccess', { taskId: t.id }))
    assert.deepEqual(Object.keys(own.allowedActions), [String(co.ann.id)])
    const hidden = await co.boris.call('tasks.task.getaccess', { taskId: t.id })
    assert.deepEqual(
      ok(hidden),
      ok(await co.boris.call('tasks.task.getaccess', { taskId: 99999999 })),
    )
    assert.ok(!mentions(hidden, t.title))
    fails(await co.carl.call('tasks.task.getaccess', { taskId: t.id, users: 'all' }), 400)
    const many = Array.from({ length: 51 }, (_, i) => 100000 + i)
    fails(await co.carl.call('tasks.task.getaccess', { taskId: t.id, users: many }), 400)
    // Repeats count once.
    const twice = ok(
      await co.carl.call('tasks.task.getaccess', {
        taskId: t.id,
        users: [...many.slice(0, 49), co.ann.id, co.ann.id],
      }),
    )
    assert.equal(Object.keys(twice.allowedActions).length, 50)
  })
})
