// The extranet boundary and hidden groups, for every registered method (D3). Every name that
// `methods` (full: true) lists must be in the table below, or be a task method — those are the
// table of tasks-leaks.test.mjs, which fails on any task method it does not list — so no future
// method skips the check. A name in neither fails this test.
//
// Uma owns a hidden group with secret texts: its name, description, a task, a comment, a board
// column and a member employee (Quentin, whose very name is unknown to the client). Carl owns an
// extranet group with Xena, the client. Each method is called by (a) Xena and (b) Boris, an
// employee outside the hidden group, with the hidden objects' ids and with missing ids: no
// answer may hold a secret, and the hidden and the missing answer must match once the ids are
// blanked. Afterwards the hidden group is as it was.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { blankedAnswer } from '../support/leaks.mjs'
import { groupCompany } from '../support/groups.mjs'
import { startPortal } from '../support/server.mjs'
import { positional } from '../support/tasks.mjs'

const SECRET = 'Wkj-тайна'
const WORD = 'сверхсекретный' // a word of the hidden task's title, for SEARCH_INDEX
const PERSON = 'Quentinqz' // the hidden member's name, a secret for the client only
const MISSING = 99999800
const TASK_METHOD = /^(tasks\.|task\.|artel\.task\.)/
const DAY = new Date().toISOString().slice(0, 10)

let portal
let co
let quentin
let hidden
let missing

// kind 'ids':  about the hidden objects — called with hidden and with missing ids, compared;
//      'read': no ids to compare — called once, checked to hold no secret;
//      'skip': touches nothing of anyone else (logging in, one's own settings, the
//              administrators' methods) — the reason says why; listed so the table stays whole.
// who: the callers it applies to (default both); call(ids) gives the parameters.
const both = ['client', 'outsider']
const client = ['client']
const skip = (why) => ({ kind: 'skip', why })
const report = (i) => ({
  DATE_FROM: DAY,
  DATE_TO: DAY,
  GROUP_BY: 'GROUP',
  FILTER: { GROUP_ID: i.group },
})
const METHODS = {
  'app.info': { kind: 'read', call: () => ({}) },
  'artel.invitation.accept': skip('an invitation token, not a login'),
  'artel.invitation.get': { kind: 'read', call: () => ({ TOKEN: 'no-such-token-0123456789' }) },
  'artel.login': skip('logging in'),
  'artel.logout': skip('would end the session of this test'),
  'artel.notify.settings.get': { kind: 'read', call: () => ({}) },
  'artel.notify.settings.set': skip("the caller's own settings"),
  'artel.password.change': skip("the caller's own password"),
  'artel.portal.info': { kind: 'read', call: () => ({}) },
  'artel.register': skip('self-registration, without a login'),
  'artel.session': { kind: 'read', call: () => ({}) },
  'artel.settings.get': { kind: 'read', call: () => ({}) },
  'artel.settings.set': skip('administrators only (rest-layer and settings tests)'),
  'artel.setup': skip('the first-run page'),
  'artel.webhook.add': skip("the caller's own webhooks"),
  'artel.webhook.delete': skip("the caller's own webhooks"),
  'artel.webhook.list': { kind: 'read', call: () => ({}) },
  batch: {
    kind: 'ids',
    call: (i) => ({
      halt: 0,
      cmd: {
        g: `sonet_group.get?GROUP_ID=${i.group}`,
        u: `sonet_group.user.get?ID=${i.group}`,
        t: `tasks.task.get?taskId=${i.task}`,
      },
    }),
  },
  'department.add': skip('administrators only'),
  'department.delete': skip('administrators only'),
  'department.update': skip('administrators only'),
  'department.fields': { kind: 'read', call: () => ({}) },
  'department.get': { kind: 'read', call: () => ({}) },
  'im.counters.get': { kind: 'read', call: () => ({}) },
  'im.notify': { kind: 'ids', who: client, call: (i) => ({ USER_ID: i.member, MESSAGE: 'x' }) },
  'im.notify.personal.add': {
    kind: 'ids',
    who: client,
    call: (i) => ({ USER_ID: i.member, MESSAGE: 'x' }),
  },
  'im.notify.system.add': {
    kind: 'ids',
    who: client,
    call: (i) => ({ USER_ID: i.member, MESSAGE: 'x' }),
  },
  'im.notify.delete': skip("the caller's own notices"),
  'im.notify.get': { kind: 'read', call: () => ({}) },
  'im.notify.history.search': { kind: 'read', call: () => ({ SEARCH_TEXT: 'Wkj' }) },
  'im.notify.read': skip("the caller's own notices"),
  'im.notify.read.all': skip("the caller's own notices"),
  'im.notify.read.list': skip("the caller's own notices"),
  'im.notify.schema.get': { kind: 'read', call: () => ({}) },
  'method.get': { kind: 'read', call: () => ({ name: 'sonet_group.get' }) },
  methods: { kind: 'read', call: () => ({ full: true }) },
  profile: { kind: 'read', call: () => ({}) },
  scope: { kind: 'read', call: () => ({ full: true }) },
  'server.time': { kind: 'read', call: () => ({}) },
  'user.add': {
    kind: 'ids',
    call: (i) => ({
      EMAIL: `leak-${i.group}@example.test`,
      EXTRANET: 'Y',
      SONET_GROUP_ID: [i.group],
    }),
  },
  'user.current': { kind: 'read', call: () => ({}) },
  'user.fields': { kind: 'read', call: () => ({}) },
  'user.get': [
    { kind: 'ids', who: client, call: (i) => ({ ID: i.member }) },
    { kind: 'ids', who: client, call: (i) => ({ FILTER: { ID: i.member } }) },
    { kind: 'read', call: () => ({ FILTER: { NAME: PERSON } }) },
    { kind: 'read', call: () => ({}) },
  ],
  'user.search': [
    { kind: 'read', call: () => ({ FIND: PERSON }) },
    { kind: 'read', call: () => ({}) },
  ],
  'user.update': {
    kind: 'ids',
    who: client,
    call: (i) => ({ ID: i.member, WORK_POSITION: 'x' }),
  },
  'sonet_group.create': skip("makes a group of the caller's own (groups.test.mjs)"),
  'sonet_group.update': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, NAME: 'x' }) },
  'sonet_group.delete': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group }) },
  'sonet_group.get': [
    { kind: 'ids', call: (i) => ({ GROUP_ID: i.group }) },
    { kind: 'ids', call: (i) => ({ FILTER: { ID: i.group } }) },
    { kind: 'read', call: () => ({ FILTER: { '%NAME': 'Wkj' } }) },
    { kind: 'read', call: () => ({}) },
  ],
  'sonet_group.setowner': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, USER_ID: i.member }) },
  'sonet_group.user.add': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, USER_ID: i.self }) },
  'sonet_group.user.delete': {
    kind: 'ids',
    call: (i) => ({ GROUP_ID: i.group, USER_ID: i.member }),
  },
  'sonet_group.user.get': { kind: 'ids', call: (i) => ({ ID: i.group }) },
  'sonet_group.user.groups': { kind: 'read', call: () => ({}) },
  'sonet_group.user.invite': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, USER_ID: i.self }) },
  'sonet_group.user.request': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group }) },
  'sonet_group.user.update': {
    kind: 'ids',
    call: (i) => ({ GROUP_ID: i.group, USER_ID: i.member, ROLE: 'E' }),
  },
}

// The task methods that take a group or reach a group's things; the rest of each task method's
// check is in tasks-leaks.test.mjs.
const TASK_CALLS = [
  ['tasks.task.list', { kind: 'ids', call: (i) => ({ filter: { GROUP_ID: i.group } }) }],
  ['tasks.task.list', { kind: 'read', call: () => ({ filter: { SEARCH_INDEX: WORD } }) }],
  ['tasks.task.add', { kind: 'ids', call: (i) => ({ fields: { TITLE: 'x', GROUP_ID: i.group } }) }],
  ['tasks.task.get', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['tasks.task.update', { kind: 'ids', call: (i) => ({ taskId: i.task, fields: { TITLE: 'x' } }) }],
  ['tasks.task.history.list', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['tasks.task.getaccess', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['tasks.task.startwatch', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['task.commentitem.getlist', { kind: 'ids', call: (i) => positional(i.task) }],
  ['task.commentitem.get', { kind: 'ids', call: (i) => positional(i.task, i.comment) }],
  ['task.commentitem.add', { kind: 'ids', call: (i) => positional(i.task, { POST_MESSAGE: 'x' }) }],
  ['task.elapseditem.getlist', { kind: 'ids', call: (i) => positional(i.task) }],
  ['task.stages.get', { kind: 'ids', call: (i) => ({ entityId: i.group }) }],
  [
    'task.stages.add',
    { kind: 'ids', call: (i) => ({ fields: { TITLE: 'x', ENTITY_ID: i.group } }) },
  ],
  ['task.stages.update', { kind: 'ids', call: (i) => ({ id: i.stage, fields: { TITLE: 'x' } }) }],
  ['task.stages.delete', { kind: 'ids', call: (i) => ({ id: i.stage }) }],
  ['task.stages.movetask', { kind: 'ids', call: (i) => ({ id: i.task, stageId: i.stage }) }],
  ['artel.task.report.time', { kind: 'ids', call: (i) => report(i) }],
  ['artel.task.report.tasks', { kind: 'ids', call: (i) => report(i) }],
]

before(async () => {
  portal = await startPortal({ portalName: 'Boundary Ltd' })
  co = await groupCompany(portal)
  const q = await portal.addEmployee({ NAME: PERSON, LAST_NAME: 'Hidden' })
  quentin = { ...q, call: (m, p) => q.session.call(m, p) }
  const group = await co.group(co.uma, {
    NAME: `${SECRET} группа`,
    DESCRIPTION: `${SECRET} описание`,
    KEYWORDS: `${SECRET}-слово`,
    VISIBLE: 'N',
    PROJECT: 'Y',
  })
  await co.join(co.uma, group, [quentin])
  const task = await co.task(co.uma, {
    TITLE: `${SECRET} ${WORD} проект`,
    DESCRIPTION: `${SECRET} описание задачи`,
    GROUP_ID: group,
    RESPONSIBLE_ID: quentin.id,
  })
  const comment = ok(
    await co.uma.call('task.commentitem.add', positional(task.id, { POST_MESSAGE: `${SECRET} 1` })),
  )
  ok(
    await co.uma.call(
      'task.elapseditem.add',
      positional(task.id, { SECONDS: 60, COMMENT_TEXT: `${SECRET} 2` }),
    ),
  )
  const stage = ok(
    await co.uma.call('task.stages.add', {
      fields: { TITLE: `${SECRET} колонка`, ENTITY_ID: group },
    }),
  )
  ok(await co.uma.call('task.stages.movetask', { id: task.id, stageId: stage }))
  hidden = { group, task: task.id, comment, stage, member: quentin.id }
  missing = {
    group: MISSING,
    task: MISSING + 1,
    comment: MISSING + 2,
    stage: MISSING + 3,
    member: MISSING + 4,
  }
  // Xena's extranet group, with a task of her own, so that her answers are not all empty.
  const ext = await co.group(co.carl, { IS_EXTRANET: 'Y' })
  await co.join(co.carl, ext, [co.xena, co.dora])
  await co.task(co.carl, { GROUP_ID: ext, RESPONSIBLE_ID: co.xena.id, TITLE: 'Задача клиента' })
  co.ext = ext
})

after(async () => {
  await portal?.stop()
})

const callers = () => ({ client: co.xena, outsider: co.boris })

const secrets = (as) => (as === 'client' ? ['Wkj', WORD, PERSON] : ['Wkj', WORD])
const leaked = (as, r) => secrets(as).filter((s) => r.text.includes(s))

// Calls every spec of the list as each caller; returns the differences and leaks found.
async function check(specs) {
  const problems = []
  for (const [as, person] of Object.entries(callers())) {
    const self = person.id
    for (const [method, spec] of specs) {
      if (spec.kind === 'skip' || !(spec.who ?? both).includes(as)) continue
      const withHidden = { ...hidden, self }
      const a = await person.session.call(method, spec.call(withHidden))
      if (a.status >= 500) problems.push(`${as} ${method}: ${a.status} ${a.text.slice(0, 300)}`)
      const l = leaked(as, a)
      if (l.length) problems.push(`${as} ${method} shows ${l}: ${a.text.slice(0, 400)}`)
      if (spec.kind !== 'ids') continue
      const withMissing = { ...missing, self }
      const b = await person.session.call(method, spec.call(withMissing))
      const sa = JSON.stringify(blankedAnswer(a, withHidden))
      const sb = JSON.stringify(blankedAnswer(b, withMissing))
      if (sa !== sb) problems.push(`${as} ${method}:\n  hidden  ${sa}\n  missing ${sb}`)
    }
  }
  return problems
}

const specsOf = (table) =>
  Object.entries(table).flatMap(([m, s]) => (Array.isArray(s) ? s : [s]).map((x) => [m, x]))

describe('nothing of a hidden group, and nothing outside the extranet, leaks through any method', () => {
  test('every registered method is in this table or is a task method', async () => {
    const names = ok(await co.admin.call('methods', { full: true }))
    const untested = names.filter((m) => !(m in METHODS) && !TASK_METHOD.test(m))
    assert.deepEqual(untested, [], 'add these methods to METHODS in portal-leaks.test.mjs')
    const gone = Object.keys(METHODS).filter((m) => !names.includes(m))
    assert.deepEqual(gone, [], 'methods listed here that are not registered')
    for (const [m] of TASK_CALLS) assert.ok(names.includes(m), `${m} is not registered`)
  })

  test('the portal methods: no secret, and a hidden id answers as a missing one', async () => {
    const problems = await check(specsOf(METHODS))
    assert.deepEqual(problems, [], problems.join('\n'))
  })

  test('the task methods about a group: no secret, and a hidden id answers as a missing one', async () => {
    const problems = await check(TASK_CALLS)
    assert.deepEqual(problems, [], problems.join('\n'))
  })

  test('the client sees only the people of her groups, no department, only her groups', async () => {
    const s = co.xena.session
    const mates = [co.carl.id, co.dora.id, co.xena.id].sort()
    assert.deepEqual(
      ok(await s.call('user.get', {}))
        .map((u) => Number(u.ID))
        .sort(),
      mates,
    )
    assert.deepEqual(
      ok(await s.call('user.search', {}))
        .map((u) => Number(u.ID))
        .sort(),
      mates,
    )
    assert.deepEqual(ok(await s.call('user.get', { ID: co.ann.id })), [])
    assert.deepEqual(ok(await s.call('department.get', {})), [])
    assert.deepEqual(
      ok(await s.call('sonet_group.get', {})).map((g) => Number(g.ID)),
      [co.ext],
    )
    // Every visible group is hidden from her too.
    const visible = await co.group(co.ann, { NAME: 'Открытая для сотрудников', OPENED: 'Y' })
    assert.ok((await co.groupIds(co.boris)).includes(visible))
    assert.ok(!(await co.groupIds(co.xena)).includes(visible))
  })

  test('search never returns the hidden task’s title to an outsider; a member finds it', async () => {
    const find = async (who) =>
      ok(
        await who.call('tasks.task.list', {
          filter: { SEARCH_INDEX: WORD },
          select: ['ID', 'TITLE'],
        }),
      ).tasks.map((t) => Number(t.id))
    assert.deepEqual(await find(quentin), [Number(hidden.task)])
    assert.deepEqual(await find(co.boris.session), [])
    assert.deepEqual(await find(co.xena.session), [])
  })

  test('the hidden group is as it was', async () => {
    const [g] = ok(await co.uma.call('sonet_group.get', { FILTER: { ID: hidden.group } }))
    assert.equal(g.NAME, `${SECRET} группа`)
    assert.equal(g.OWNER_ID, String(co.uma.id))
    assert.deepEqual(await co.roles(co.uma, hidden.group), {
      [co.uma.id]: 'A',
      [quentin.id]: 'K',
    })
    const t = await co.get(co.uma, hidden.task)
    assert.equal(t.groupId, String(hidden.group))
    assert.equal(String(t.stageId), String(hidden.stage))
    assert.equal(t.commentsCount, '1')
    const s = await co.stages(co.uma, hidden.group)
    assert.equal(s.length, 4)
    assert.equal(s.find((x) => Number(x.ID) === hidden.stage)?.TITLE, `${SECRET} колонка`)
  })
})
