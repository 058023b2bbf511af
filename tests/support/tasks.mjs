// A small company for the task API tests: departments with heads, people in every role a task
// knows, an extranet person, webhooks with and without the `task` scope, and helpers to make
// tasks and read them as someone.
//
//   const co = await company(portal)
//   const t = await co.task(co.carl, { TITLE: 'x', RESPONSIBLE_ID: co.ann.id })
//   const seen = await co.get(co.ann, t.id)      // the task object or null when hidden
//
// The structure (B3):
//   Test Company (1, head: the administrator)
//   ├── Sales (head: Helen)            carl (creator), olga (observer)
//   │   └── Sales East (head: Eric)   ann (responsible), alex (co-executor)
//   └── Support (head: Uma)           boris (a stranger to the tasks)
//   dora: an employee of the top department, in no task
//   xena: an extranet person
import assert from 'node:assert/strict'

import { email, ok } from './expect.mjs'
import { openLive } from './live.mjs'
import { hook, show } from './rest.mjs'

let counter = 0
// A unique text for titles, so that several tests of a file never find each other's tasks.
export function unique(what = 'Task') {
  return `${what} ${process.pid}-${++counter}`
}

// Everything a test may read of a task, to look for a hidden task's title in an answer.
export function mentions(r, text) {
  return typeof r?.text === 'string' && r.text.includes(text)
}

export async function company(portal, { extranet = true } = {}) {
  const admin = await portal.admin()
  const adminHook = await portal.hook(['task', 'user', 'department', 'im'])
  const dep = async (NAME, PARENT, UF_HEAD) =>
    ok(await adminHook.call('department.add', { NAME, PARENT, ...(UF_HEAD ? { UF_HEAD } : {}) }))
  const sales = await dep('Sales', 1)
  const east = await dep('Sales East', sales)
  const support = await dep('Support', 1)

  const person = async (NAME, LAST_NAME, department, extra = {}) => {
    const p = await portal.addEmployee({ NAME, LAST_NAME, UF_DEPARTMENT: [department], ...extra })
    p.name = `${NAME} ${LAST_NAME}`
    p.hook = await portal.hook(['task', 'user', 'im'], { user: p.id })
    p.call = (method, params, opts) => p.hook.call(method, params, opts)
    return p
  }
  const helen = await person('Helen', 'Head', sales)
  const eric = await person('Eric', 'Easthead', east)
  const uma = await person('Uma', 'Unrelated', support)
  const carl = await person('Carl', 'Creator', sales)
  const olga = await person('Olga', 'Observer', sales)
  const ann = await person('Ann', 'Responsible', east)
  const alex = await person('Alex', 'Accomplice', east)
  const boris = await person('Boris', 'Stranger', support)
  const dora = await person('Dora', 'Top', 1)
  ok(await adminHook.call('department.update', { ID: sales, UF_HEAD: helen.id }))
  ok(await adminHook.call('department.update', { ID: east, UF_HEAD: eric.id }))
  ok(await adminHook.call('department.update', { ID: support, UF_HEAD: uma.id }))

  let xena = null
  if (extranet) {
    const xEmail = email('xena')
    const id = ok(
      await admin.call('user.add', {
        EMAIL: xEmail,
        PASSWORD: 'Extra-secret-1',
        EXTRANET: 'Y',
        NAME: 'Xena',
        LAST_NAME: 'Extranet',
      }),
    )
    xena = { id, email: xEmail, session: await portal.login(xEmail, 'Extra-secret-1') }
    xena.name = 'Xena Extranet'
    xena.hook = await portal.hook(['task', 'user'], { user: id })
    xena.call = (method, params, opts) => xena.hook.call(method, params, opts)
  }

  const adminP = {
    id: portal.adminId,
    session: admin,
    hook: adminHook,
    name: 'admin',
    call: (method, params, opts) => adminHook.call(method, params, opts),
  }
  // The administrator's webhook without the task scope.
  const noScope = await portal.hook(['user', 'department'])

  const co = {
    portal,
    departments: { sales, east, support },
    admin: adminP,
    helen,
    eric,
    uma,
    carl,
    olga,
    ann,
    alex,
    boris,
    dora,
    xena,
    noScope,

    // Creates a task as `who`; resolves to the task object of the answer.
    async task(who, fields = {}) {
      const r = await who.call('tasks.task.add', { fields: { TITLE: unique(), ...fields } })
      const result = ok(r)
      assert.ok(result?.task?.id, show(r))
      return result.task
    },

    // The usual task of these tests: Carl gives it to Ann, Alex helps, Olga watches.
    async standard(fields = {}) {
      return co.task(co.carl, {
        RESPONSIBLE_ID: co.ann.id,
        ACCOMPLICES: [co.alex.id],
        AUDITORS: [co.olga.id],
        ...fields,
      })
    },

    // tasks.task.get as `who`: the task, or null for Bitrix24's empty answer of a hidden one.
    async get(who, id, select) {
      const r = await who.call('tasks.task.get', { taskId: id, ...(select ? { select } : {}) })
      const result = ok(r)
      if (Array.isArray(result)) {
        assert.deepEqual(result, [], show(r))
        return null
      }
      return result.task
    },

    // The ids of tasks.task.list as `who` with a filter; also returns total.
    async list(who, params = {}) {
      const r = await who.call('tasks.task.list', params)
      const result = ok(r)
      return {
        ids: result.tasks.map((t) => Number(t.id)),
        tasks: result.tasks,
        total: r.body.total,
        r,
      }
    },
  }
  return co
}

// A person's live connection (see live.mjs).
export const live = (portal, session, sockets) => openLive(portal, session, sockets)

// Polls fn until it returns a truthy value; throws with the last value after `ms`.
export async function eventually(fn, { ms = 15000, every = 100, what = 'condition' } = {}) {
  const until = Date.now() + ms
  let last
  for (;;) {
    last = await fn()
    if (last) return last
    if (Date.now() > until)
      throw new Error(`${what} not reached within ${ms} ms; last: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, every))
  }
}

// Bitrix24's positional parameters as the JS SDK sends them: [55, {...}] → {"0": 55, "1": {...}}.
export function positional(...args) {
  return Object.fromEntries(args.map((v, i) => [String(i), v]))
}

export { hook }
