// Nothing of a hidden task leaks through any task method. Every registered method whose name
// starts with tasks. / task. / artel.task. (from `methods` with full: true) must be in the table
// below, which says how to call it about a task; a new method that is not in the table fails
// this test, so no future method skips the check.
//
// For each method that reads or changes something of a task, two outsiders — an employee
// outside the task (Ann: another department, no head of its members) and an extranet person —
// call it on Boris's hidden task and on an id that does not exist. The two answers must be the
// same once the ids are blanked out, and no answer may hold any of the hidden task's texts.
// Methods about the caller's own things (their board, filters, templates, timer) must not show
// the hidden task's texts either. Afterwards the hidden task is as it was.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { after, before, describe, test } from 'node:test'

import { ok, PNG_1X1 } from '../support/expect.mjs'
import { blankedAnswer } from '../support/leaks.mjs'
import { startPortal } from '../support/server.mjs'
import { company, positional } from '../support/tasks.mjs'

const SECRET = 'Zqx-секрет'
const MISSING = 99999990

let portal
let co
let hidden // ids of the hidden task and its parts
let missing // the same shape with nothing behind it

// kind: 'task' — about a task (hidden and missing answers compared);
//       'own'  — about the caller's own things: called, and checked to hold no secret;
//       'skip' — makes something new of the caller's own (add/update of their own items),
//                not about another person's task; listed so the table stays complete.
// call(ids) gives the parameters.
const report = (i, extra = {}) => ({
  DATE_FROM: '2000-01-01',
  DATE_TO: '2100-01-01',
  GROUP_BY: 'TASK',
  FILTER: { TASK_ID: i.task },
  ...extra,
})
const METHODS = {
  'tasks.task.add': { kind: 'task', call: (i) => ({ fields: { TITLE: 'x', PARENT_ID: i.task } }) },
  'tasks.task.update': { kind: 'task', call: (i) => ({ taskId: i.task, fields: { TITLE: 'x' } }) },
  'tasks.task.get': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.list': { kind: 'task', call: (i) => ({ filter: { ID: i.task } }) },
  'tasks.task.delete': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.getfields': { kind: 'own', call: () => ({}) },
  'tasks.task.getaccess': { kind: 'task', call: (i) => ({ taskId: i.task, users: [i.owner] }) },
  'tasks.task.history.list': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.start': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.pause': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.complete': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.approve': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.disapprove': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.defer': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.renew': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.delegate': { kind: 'task', call: (i) => ({ taskId: i.task, userId: i.owner }) },
  'tasks.task.startwatch': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.stopwatch': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.mute': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.unmute': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.favorite.add': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.favorite.remove': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'tasks.task.counters.get': { kind: 'task', call: (i) => ({ userId: i.owner }) },
  'artel.task.viewed': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'artel.task.copy': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'artel.task.dependence.list': { kind: 'task', call: (i) => ({ taskIds: [i.task, i.other] }) },
  'artel.task.timer.start': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'artel.task.timer.stop': { kind: 'task', call: (i) => ({ taskId: i.task }) },
  'artel.task.timer.get': { kind: 'own', call: () => ({}) },
  'artel.task.report.time': { kind: 'task', call: (i) => report(i) },
  'artel.task.report.tasks': { kind: 'task', call: (i) => report(i) },
  'artel.task.report.export': { kind: 'task', call: (i) => report(i, { TYPE: 'time' }) },
  'artel.task.template.createtask': { kind: 'task', call: (i) => ({ templateId: i.template }) },
  'artel.task.filter.list': { kind: 'own', call: () => ({}) },
  'artel.task.filter.add': { kind: 'skip' },
  'artel.task.filter.update': { kind: 'task', call: (i) => ({ ID: i.filter, NAME: 'x' }) },
  'artel.task.filter.delete': { kind: 'task', call: (i) => ({ ID: i.filter }) },
  'task.commentitem.add': { kind: 'task', call: (i) => positional(i.task, { POST_MESSAGE: 'x' }) },
  'task.commentitem.getlist': { kind: 'task', call: (i) => positional(i.task) },
  'task.commentitem.get': { kind: 'task', call: (i) => positional(i.task, i.comment) },
  'task.commentitem.update': {
    kind: 'task',
    call: (i) => positional(i.task, i.comment, { POST_MESSAGE: 'x' }),
  },
  'task.commentitem.delete': { kind: 'task', call: (i) => positional(i.task, i.comment) },
  'task.elapseditem.add': {
    kind: 'task',
    call: (i) => positional(i.task, { SECONDS: 60, COMMENT_TEXT: 'x' }),
  },
  'task.elapseditem.getlist': { kind: 'task', call: (i) => positional(i.task) },
  'task.elapseditem.get': { kind: 'task', call: (i) => positional(i.task, i.elapsed) },
  'task.elapseditem.update': {
    kind: 'task',
    call: (i) => positional(i.task, i.elapsed, { SECONDS: 1, COMMENT_TEXT: 'x' }),
  },
  'task.elapseditem.delete': { kind: 'task', call: (i) => positional(i.task, i.elapsed) },
  'task.elapseditem.isactionallowed': {
    kind: 'task',
    call: (i) => positional(i.task, i.elapsed, 2),
  },
  'task.checklistitem.add': { kind: 'task', call: (i) => positional(i.task, { TITLE: 'x' }) },
  'task.checklistitem.getlist': { kind: 'task', call: (i) => positional(i.task) },
  'task.checklistitem.get': { kind: 'task', call: (i) => positional(i.task, i.checklist) },
  'task.checklistitem.update': {
    kind: 'task',
    call: (i) => positional(i.task, i.checklist, { TITLE: 'x' }),
  },
  'task.checklistitem.delete': { kind: 'task', call: (i) => positional(i.task, i.checklist) },
  'task.checklistitem.complete': { kind: 'task', call: (i) => positional(i.task, i.checklist) },
  'task.checklistitem.renew': { kind: 'task', call: (i) => positional(i.task, i.checklist) },
  'task.checklistitem.moveafteritem': {
    kind: 'task',
    call: (i) => positional(i.task, i.checklist, 0),
  },
  'task.checklistitem.isactionallowed': {
    kind: 'task',
    call: (i) => positional(i.task, i.checklist, 2),
  },
  'task.item.addfile': {
    kind: 'task',
    call: (i) => positional(i.task, { NAME: 'a.png', CONTENT: PNG_1X1 }),
  },
  'task.item.getfiles': { kind: 'task', call: (i) => positional(i.task) },
  'task.item.deletefile': { kind: 'task', call: (i) => positional(i.task, i.file) },
  'task.dependence.add': {
    kind: 'task',
    call: (i) => ({ taskIdFrom: i.task, taskIdTo: i.mine, linkType: 2 }),
  },
  'task.dependence.delete': {
    kind: 'task',
    call: (i) => ({ taskIdFrom: i.other, taskIdTo: i.task }),
  },
  'task.stages.get': { kind: 'own', call: () => ({ entityId: 0 }) },
  'task.stages.add': { kind: 'skip' },
  'task.stages.update': { kind: 'task', call: (i) => ({ id: i.stage, fields: { TITLE: 'x' } }) },
  'task.stages.delete': { kind: 'task', call: (i) => ({ id: i.stage }) },
  'task.stages.movetask': { kind: 'task', call: (i) => ({ id: i.task, stageId: i.myStage }) },
  'tasks.template.add': {
    kind: 'task',
    call: (i) => ({ fields: { TITLE: 'x', PARENT_ID: i.task } }),
  },
  'tasks.template.update': {
    kind: 'task',
    call: (i) => ({ templateId: i.template, fields: { TITLE: 'x' } }),
  },
  'tasks.template.get': { kind: 'task', call: (i) => ({ templateId: i.template }) },
  'tasks.template.list': { kind: 'own', call: () => ({}) },
  'tasks.template.delete': { kind: 'task', call: (i) => ({ templateId: i.template }) },
  'tasks.template.fields': { kind: 'own', call: () => ({}) },
}

before(async () => {
  portal = await startPortal({ portalName: 'Leaks Ltd' })
  co = await company(portal)
  const b = co.boris
  const other = await co.task(b, { TITLE: `${SECRET} предшественник`, RESPONSIBLE_ID: co.uma.id })
  const t = await co.task(b, {
    TITLE: `${SECRET} заголовок`,
    DESCRIPTION: `${SECRET} описание`,
    RESPONSIBLE_ID: co.uma.id,
    TAGS: [`${SECRET}-tag`],
    ALLOW_TIME_TRACKING: 'Y',
    TASK_CONTROL: 'Y',
    DEPENDS_ON: [other.id],
    DEADLINE: new Date(Date.now() + 3600e3).toISOString(),
  })
  const comment = ok(
    await b.call(
      'task.commentitem.add',
      positional(t.id, { POST_MESSAGE: `${SECRET} комментарий` }),
    ),
  )
  const elapsed = ok(
    await b.call(
      'task.elapseditem.add',
      positional(t.id, { SECONDS: 600, COMMENT_TEXT: `${SECRET} время` }),
    ),
  )
  const checklist = ok(
    await b.call('task.checklistitem.add', positional(t.id, { TITLE: `${SECRET} пункт` })),
  )
  const file = ok(
    await b.call(
      'task.item.addfile',
      positional(t.id, { NAME: `${SECRET}.png`, CONTENT: PNG_1X1 }),
    ),
  )
  const template = ok(await b.call('tasks.template.add', { fields: { TITLE: `${SECRET} шаблон` } }))
  const filter = ok(
    await b.call('artel.task.filter.add', { NAME: `${SECRET} фильтр`, FIELDS: { TITLE: SECRET } }),
  )
  const stage = ok(await b.call('task.stages.add', { fields: { TITLE: `${SECRET} колонка` } }))
  ok(await b.call('task.stages.movetask', { id: t.id, stageId: stage }))
  hidden = {
    task: t.id,
    other: other.id,
    owner: b.id,
    comment,
    elapsed,
    checklist,
    file,
    template,
    filter,
    stage,
  }
  missing = {
    task: MISSING,
    other: MISSING + 1,
    owner: MISSING + 2,
    comment: MISSING + 3,
    elapsed: MISSING + 4,
    checklist: MISSING + 5,
    file: MISSING + 6,
    template: MISSING + 7,
    filter: MISSING + 8,
    stage: MISSING + 9,
  }
})

after(async () => {
  await portal?.stop()
})

function holdsSecret(method, r) {
  if (r.text.includes(SECRET) || r.text.includes('Zqx')) return true
  if (method === 'artel.task.report.export' && r.status === 200) {
    const xml = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys,zipfile,io;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));print("".join(z.read(n).decode() for n in z.namelist()))',
      ],
      { input: Buffer.from(r.body.result.CONTENT, 'base64') },
    ).toString()
    return xml.includes('Zqx')
  }
  return false
}

describe('no task method leaks a hidden task', () => {
  test('every registered task method is in the table of this test', async () => {
    const names = ok(await co.admin.call('methods', { full: true })).filter((m) =>
      /^(tasks\.|task\.|artel\.task\.)/.test(m),
    )
    const untested = names.filter((m) => !(m in METHODS))
    assert.deepEqual(untested, [], 'add these methods to METHODS in tasks-leaks.test.mjs')
    const gone = Object.keys(METHODS).filter((m) => !names.includes(m))
    assert.deepEqual(gone, [], 'methods listed here that are no longer registered')
  })

  for (const who of ['ann', 'xena']) {
    test(`${who}: a hidden task and a missing one get the same answer, with nothing of the task in it`, async () => {
      const person = co[who]
      // Ann needs a task and a column of her own for the methods that take two ends.
      const mine = await co.task(person, { TITLE: 'own task' })
      const myStage = Object.values(ok(await person.call('task.stages.get', { entityId: 0 })))[1].ID
      const differences = []
      for (const [method, spec] of Object.entries(METHODS)) {
        if (spec.kind === 'skip') continue
        const withHidden = { ...hidden, mine: mine.id, myStage }
        const withMissing = { ...missing, mine: mine.id, myStage }
        const a = await person.call(method, spec.call(withHidden))
        assert.ok(a.status < 500, `${method}: ${a.status} ${a.text.slice(0, 300)}`)
        assert.ok(
          !holdsSecret(method, a),
          `${method} shows the hidden task to ${who}: ${a.text.slice(0, 500)}`,
        )
        if (spec.kind !== 'task') continue
        const b = await person.call(method, spec.call(withMissing))
        assert.ok(b.status < 500, `${method} (missing): ${b.status} ${b.text.slice(0, 300)}`)
        // The export's workbook differs by its timestamps; its content was checked above.
        const sa = blankedAnswer(a, withHidden)
        const sb = blankedAnswer(b, withMissing)
        if (method === 'artel.task.report.export' && sa.status === 200) {
          delete sa.body.result.CONTENT
          delete sb.body.result.CONTENT
        }
        if (JSON.stringify(sa) !== JSON.stringify(sb))
          differences.push(
            `${method}:\n  hidden  ${JSON.stringify(sa)}\n  missing ${JSON.stringify(sb)}`,
          )
      }
      assert.deepEqual(differences, [], differences.join('\n'))
    })
  }

  test('the hidden task is as it was', async () => {
    const t = await co.get(co.boris, hidden.task)
    assert.match(t.title, /заголовок$/)
    assert.equal(t.status, '2')
    assert.equal(t.responsibleId, String(co.uma.id))
    assert.deepEqual(t.auditors, [])
    assert.equal(t.commentsCount, '1')
    assert.equal(t.timeSpentInLogs, '600')
    assert.equal(Object.keys(t.checklist).length, 2)
    assert.equal(t.files.length, 1)
    assert.deepEqual(t.dependsOn, [String(hidden.other)])
    assert.equal(
      ok(await co.boris.call('tasks.template.get', { templateId: hidden.template })).TITLE,
      `${SECRET} шаблон`,
    )
    assert.equal(ok(await co.boris.call('artel.task.filter.list'))[0].NAME, `${SECRET} фильтр`)
    assert.equal((await co.list(co.admin, { filter: { PARENT_ID: hidden.task } })).total, 0)
  })
})
