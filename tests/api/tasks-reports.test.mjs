// Reports (C19): artel.task.report.time (time per person, department with the ones below,
// project, task, over a period; tags in and out), artel.task.report.tasks (created, completed,
// on time, overdue), artel.task.report.export (the same tables as .xlsx); each report covers
// only the tasks the caller sees.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { startPortal } from '../support/server.mjs'
import { company, positional } from '../support/tasks.mjs'

let portal
let co
let tasks
const day = new Date().toISOString().slice(0, 10)

before(async () => {
  portal = await startPortal({ portalName: 'Reports Ltd' })
  co = await company(portal)
  // Ann and Alex (Sales East) work on a SALES task; Boris (Support) on his own NO task.
  const sales = await co.task(co.carl, {
    TITLE: 'Отчёт: продажи',
    RESPONSIBLE_ID: co.ann.id,
    ACCOMPLICES: [co.alex.id],
    TAGS: ['SALES'],
  })
  const support = await co.task(co.boris, { TITLE: 'Отчёт: поддержка', TAGS: ['NO'] })
  const add = (who, id, SECONDS, extra = {}) =>
    who.call('task.elapseditem.add', positional(id, { SECONDS, COMMENT_TEXT: 'работа', ...extra }))
  ok(await add(co.ann, sales.id, 3600))
  ok(await add(co.ann, sales.id, 1800))
  ok(await add(co.alex, sales.id, 900))
  ok(await add(co.alex, sales.id, 7200, { CREATED_DATE: '2020-01-15' }))
  ok(await add(co.boris, support.id, 600))
  ok(await co.ann.call('tasks.task.complete', { taskId: sales.id }))
  tasks = { sales, support }
})

after(async () => {
  await portal?.stop()
})

const report = async (who, params) =>
  ok(await who.call('artel.task.report.time', { DATE_FROM: day, DATE_TO: day, ...params }))
const rowsBy = (r) => Object.fromEntries(r.ROWS.map((x) => [x.ID, x]))

describe('artel.task.report.time', () => {
  test('by person over a day: the administrator sees everyone', async () => {
    const r = await report(co.admin, {})
    const rows = rowsBy(r)
    assert.equal(rows[co.ann.id].SECONDS, 5400)
    assert.equal(rows[co.ann.id].HOURS, '1.50')
    assert.equal(rows[co.ann.id].ENTRIES, 2)
    assert.equal(rows[co.ann.id].TASKS, 1)
    assert.equal(rows[co.ann.id].NAME, co.ann.name)
    assert.equal(rows[co.alex.id].SECONDS, 900, 'the entry of 2020 is outside the period')
    assert.equal(rows[co.boris.id].SECONDS, 600)
    assert.equal(r.TOTAL_SECONDS, 6900)
    assert.equal(r.GROUP_BY, 'USER')
    const year2020 = await report(co.admin, { DATE_FROM: '2020-01-01', DATE_TO: '2020-01-31' })
    assert.equal(year2020.TOTAL_SECONDS, 7200)
  })

  test('by department counts the departments; a department filter takes the ones below', async () => {
    const r = rowsBy(await report(co.admin, { GROUP_BY: 'DEPARTMENT' }))
    assert.equal(r[co.departments.east].SECONDS, 6300)
    assert.equal(r[co.departments.support].SECONDS, 600)
    const below = await report(co.admin, { FILTER: { DEPARTMENT_ID: co.departments.sales } })
    assert.equal(below.TOTAL_SECONDS, 6300, 'Sales East is below Sales')
    const people = await report(co.admin, { FILTER: { USER_ID: [co.alex.id, co.boris.id] } })
    assert.equal(people.TOTAL_SECONDS, 1500)
  })

  test('by task and by tag in or out', async () => {
    const r = rowsBy(await report(co.admin, { GROUP_BY: 'TASK' }))
    assert.equal(r[tasks.sales.id].NAME, 'Отчёт: продажи')
    assert.equal(r[tasks.sales.id].SECONDS, 6300)
    assert.equal((await report(co.admin, { FILTER: { TAG: 'SALES' } })).TOTAL_SECONDS, 6300)
    assert.equal(
      (await report(co.admin, { FILTER: { '!TAG': 'NO' } })).TOTAL_SECONDS,
      6300,
      '"NO" stays out',
    )
    assert.equal(
      (await report(co.admin, { FILTER: { TASK_ID: tasks.support.id } })).TOTAL_SECONDS,
      600,
    )
    const project = await report(co.admin, { GROUP_BY: 'GROUP' })
    assert.equal(project.ROWS[0].ID, '0')
  })

  test('a head gets the people below; a stranger gets only their own; nobody sees hidden titles', async () => {
    const helen = rowsBy(await report(co.helen, {}))
    assert.equal(helen[co.ann.id].SECONDS, 5400)
    assert.equal(helen[co.boris.id], undefined)
    const uma = await report(co.uma, { GROUP_BY: 'TASK' })
    assert.deepEqual(
      uma.ROWS.map((x) => x.NAME),
      ['Отчёт: поддержка'],
    )
    const dora = await co.dora.call('artel.task.report.time', {
      DATE_FROM: day,
      DATE_TO: day,
      GROUP_BY: 'TASK',
      FILTER: { TASK_ID: tasks.sales.id },
    })
    assert.deepEqual(ok(dora).ROWS, [])
    assert.ok(!dora.text.includes('продажи'))
    const xena = await report(co.xena, { GROUP_BY: 'TASK' })
    assert.equal(xena.TOTAL_SECONDS, 0)
  })

  test('bad input is a 400', async () => {
    for (const params of [
      {},
      { DATE_FROM: day },
      { DATE_FROM: 'yesterday', DATE_TO: day },
      { DATE_FROM: day, DATE_TO: '2000-01-01' },
      { DATE_FROM: day, DATE_TO: day, GROUP_BY: 'PLANET' },
      { DATE_FROM: day, DATE_TO: day, FILTER: { NOPE: 1 } },
      { DATE_FROM: day, DATE_TO: day, FILTER: { DEPARTMENT_ID: 'x' } },
      { DATE_FROM: day, DATE_TO: day, FILTER: { USER_ID: ['x'] } },
      { DATE_FROM: day, DATE_TO: day, FILTER: { TASK_ID: -1 } },
    ])
      fails(await co.admin.call('artel.task.report.time', params), 400, 'ERROR_ARGUMENT')
    fails(
      await co.noScope.call('artel.task.report.time', { DATE_FROM: day, DATE_TO: day }),
      403,
      'insufficient_scope',
    )
  })
})

describe('artel.task.report.tasks and the xlsx export', () => {
  test('created, completed, on time, overdue per responsible', async () => {
    // An hour ago, but not before today began: the report covers today only.
    const startOfDay = Date.parse(`${day}T00:00:00Z`)
    const late = new Date(Math.max(Date.now() - 3600e3, startOfDay))
      .toISOString()
      .replace(/\.\d+Z$/, '+00:00')
    await co.task(co.carl, { RESPONSIBLE_ID: co.alex.id, DEADLINE: late })
    const r = rowsBy(
      ok(await co.admin.call('artel.task.report.tasks', { DATE_FROM: day, DATE_TO: day })),
    )
    assert.equal(r[co.ann.id].CREATED, 1)
    assert.equal(r[co.ann.id].COMPLETED, 1)
    assert.equal(r[co.ann.id].COMPLETED_ON_TIME, 1)
    assert.equal(r[co.alex.id].OVERDUE, 1)
    assert.equal(r[co.alex.id].SECONDS, 900)
  })

  test('export: an .xlsx workbook with the same rows', async () => {
    const x = ok(
      await co.admin.call('artel.task.report.export', {
        TYPE: 'time',
        DATE_FROM: day,
        DATE_TO: day,
      }),
    )
    assert.equal(x.MIME, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    assert.match(x.NAME, /^time-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx$/)
    const bytes = Buffer.from(x.CONTENT, 'base64')
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    // Read it back with Python's zipfile: every name of the report is in the sheet.
    const text = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys,zipfile,io;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));print("".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml")))',
      ],
      { input: bytes },
    ).toString()
    for (const name of [co.ann.name, co.alex.name, co.boris.name])
      assert.ok(text.includes(name), name)
    const t = ok(
      await co.helen.call('artel.task.report.export', {
        TYPE: 'tasks',
        DATE_FROM: day,
        DATE_TO: day,
      }),
    )
    assert.match(t.NAME, /^tasks-/)
    fails(
      await co.admin.call('artel.task.report.export', {
        TYPE: 'pdf',
        DATE_FROM: day,
        DATE_TO: day,
      }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.admin.call('artel.task.report.export', { TYPE: 'time' }), 400, 'ERROR_ARGUMENT')
  })
})
