// The notification centre over real HTTP: im.notify.* (send, list, read, delete, schema, history
// search), im.counters.get, artel.notify.settings.*, grouping by tag, the e-mail digest at a
// real SMTP sink, and the live notify.* messages on /ws.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { email, fails, ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { openLive } from '../support/live.mjs'
import { phpQuery } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'

let smtp
let portal
let admin
let adminHook // the administrator's webhook, scope im
let ann
let annHook
let boris
let borisHook
let xena // an extranet person
let xenaHook
const sockets = []

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({ env: { ARTEL_JOBS_SCALE: '60' }, smtp, portalName: 'Notice & Co' })
  admin = await portal.admin()
  adminHook = await portal.hook(['im'])
  ann = await portal.addEmployee({ NAME: 'Ann', LAST_NAME: 'Archer' })
  annHook = await portal.hook(['im'], { user: ann.id })
  boris = await portal.addEmployee({ NAME: 'Boris', LAST_NAME: 'Brown' })
  borisHook = await portal.hook(['im'], { user: boris.id })
  const xenaEmail = email('xena')
  const xenaId = ok(
    await admin.call('user.add', {
      EMAIL: xenaEmail,
      PASSWORD: 'Extra-secret-1',
      EXTRANET: 'Y',
      NAME: 'Xena',
    }),
  )
  xena = { id: xenaId, email: xenaEmail, session: await portal.login(xenaEmail, 'Extra-secret-1') }
  xenaHook = await portal.hook(['im'], { user: xenaId })
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
  await smtp?.stop()
})

let counter = 0
const unique = (what) => `${what} ${process.pid}-${++counter}`

// A notice from Boris to someone (through Boris's webhook); resolves to its id.
async function fromBoris(to, params = {}) {
  return ok(
    await borisHook.call('im.notify.personal.add', {
      USER_ID: to,
      MESSAGE: unique('Hello'),
      ...params,
    }),
  )
}

const list = async (person, params = {}) => ok(await person.session.call('im.notify.get', params))
const entry = async (person, id) =>
  (await list(person)).notifications?.find((n) => n.id === id) ?? null

const connect = (session) => openLive(portal, session, sockets)

describe('im.notify.personal.add, im.notify.system.add, im.notify', () => {
  test('a personal notice reaches the recipient with its author and the Bitrix24 fields', async () => {
    const text = unique('[B]Report[/B] is ready')
    const id = ok(
      await borisHook.call('im.notify.personal.add', {
        USER_ID: ann.id,
        MESSAGE: `  ${text}  `,
        MESSAGE_OUT: 'Report is ready (mail)',
        SUB_TAG: 'REPORT|1',
        LINK: '/company/structure',
      }),
    )
    assert.equal(typeof id, 'number')
    const got = await list(ann)
    assert.equal(typeof got.total_count, 'number')
    assert.equal(typeof got.total_unread_count, 'number')
    assert.equal(typeof got.chat_id, 'number')
    const n = got.notifications.find((x) => x.id === id)
    assert.ok(n, JSON.stringify(got))
    assert.equal(n.author_id, boris.id)
    assert.equal(n.notify_type, 2)
    assert.equal(n.notify_module, 'im')
    assert.equal(n.notify_event, 'default')
    assert.equal(n.setting_name, 'im|default')
    assert.equal(n.text, text, 'the text is trimmed, BB codes kept')
    assert.equal(n.notify_read, 'N')
    assert.equal(n.notify_count, 1)
    assert.equal(n.notify_link, '/company/structure')
    assert.match(n.notify_sub_tag, /^MP\|[0-9a-f]+\|REPORT\|1$/)
    assert.match(n.date, ISO_WITH_OFFSET)
    assert.equal(n.params, null)
    const author = got.users.find((u) => u.id === boris.id)
    assert.equal(author.name, 'Boris Brown')
    assert.equal(author.first_name, 'Boris')
    assert.equal(author.active, true)
    assert.equal(author.extranet, false)
  })

  test('a system notice has no author; im.notify sends either kind', async () => {
    const sys = ok(
      await adminHook.call('im.notify.system.add', { USER_ID: ann.id, MESSAGE: unique('Sys') }),
    )
    const n = await entry(ann, sys)
    assert.equal(n.author_id, 0)
    assert.equal(n.notify_type, 4)
    const viaAlias = ok(
      await adminHook.call('im.notify', { USER_ID: ann.id, MESSAGE: unique('Alias') }),
    )
    assert.equal((await entry(ann, viaAlias)).author_id, portal.adminId)
    const sysAlias = ok(
      await adminHook.call('im.notify', { USER_ID: ann.id, MESSAGE: 'x', TYPE: 'SYSTEM' }),
    )
    assert.equal((await entry(ann, sysAlias)).notify_type, 4)
  })

  test('ATTACH is kept and returned in params', async () => {
    const attach = [{ MESSAGE: 'attached line' }]
    const id = ok(
      await borisHook.call('im.notify.personal.add', {
        USER_ID: ann.id,
        MESSAGE: unique('With attach'),
        ATTACH: JSON.stringify(attach),
      }),
    )
    assert.deepEqual((await entry(ann, id)).params, { ATTACH: attach })
  })

  test('a notice to oneself creates nothing and answers false', async () => {
    assert.equal(
      ok(await borisHook.call('im.notify.personal.add', { USER_ID: boris.id, MESSAGE: 'me' })),
      false,
    )
  })

  test('a browser session may not send notices (WRONG_AUTH_TYPE)', async () => {
    for (const method of ['im.notify.personal.add', 'im.notify.system.add', 'im.notify'])
      fails(
        await boris.session.call(method, { USER_ID: ann.id, MESSAGE: 'x' }),
        400,
        'WRONG_AUTH_TYPE',
      )
  })

  test('a webhook without the im scope is refused', async () => {
    const userOnly = await portal.hook(['user'], { user: boris.id })
    fails(
      await userOnly.call('im.notify.personal.add', { USER_ID: ann.id, MESSAGE: 'x' }),
      403,
      'insufficient_scope',
    )
    fails(await userOnly.call('im.notify.get'), 403, 'insufficient_scope')
  })

  test('bad input gets 400 with a sentence', async () => {
    const send = (params) => borisHook.call('im.notify.personal.add', params)
    fails(await send({ MESSAGE: 'x' }), 400, 'USER_ID_EMPTY')
    fails(await send({ USER_ID: 'abc', MESSAGE: 'x' }), 400, 'USER_ID_EMPTY')
    fails(await send({ USER_ID: 0, MESSAGE: 'x' }), 400, 'USER_ID_EMPTY')
    fails(await send({ USER_ID: ann.id }), 400, 'MESSAGE_EMPTY')
    fails(await send({ USER_ID: ann.id, MESSAGE: '   ' }), 400, 'MESSAGE_EMPTY')
    fails(await send({ USER_ID: ann.id, MESSAGE: 'x', ATTACH: '{not json' }), 400, 'ATTACH_ERROR')
    fails(await send({ USER_ID: ann.id, MESSAGE: 'x', ATTACH: '"text"' }), 400, 'ATTACH_ERROR')
    fails(
      await send({ USER_ID: ann.id, MESSAGE: 'x', ATTACH: [{ MESSAGE: 'y'.repeat(40000) }] }),
      400,
      'ATTACH_OVERSIZE',
    )
    fails(
      await send({ USER_ID: ann.id, MESSAGE: 'x', LINK: 'javascript:alert(1)' }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await send({ USER_ID: ann.id, MESSAGE: 'x', TAG: 't'.repeat(300) }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await send({ USER_ID: ann.id, MESSAGE: 'x'.repeat(20001) }), 400, 'ERROR_ARGUMENT')
    fails(
      await borisHook.call('im.notify', { USER_ID: ann.id, MESSAGE: 'x', TYPE: 'LOUD' }),
      400,
      'ERROR_ARGUMENT',
    )
  })

  test('nobody sends to people they cannot see, nor to the dismissed', async () => {
    // An extranet person sees only themselves so far.
    fails(
      await xenaHook.call('im.notify.personal.add', { USER_ID: ann.id, MESSAGE: 'hi' }),
      403,
      'ACCESS_DENIED',
    )
    // An employee does not see extranet people (until workgroups join them).
    fails(
      await borisHook.call('im.notify.personal.add', { USER_ID: xena.id, MESSAGE: 'hi' }),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await borisHook.call('im.notify.personal.add', { USER_ID: 999999, MESSAGE: 'hi' }),
      403,
      'ACCESS_DENIED',
    )
    // The administrator sees everyone.
    const id = ok(
      await adminHook.call('im.notify.personal.add', { USER_ID: xena.id, MESSAGE: 'Welcome' }),
    )
    assert.equal((await entry(xena, id)).text, 'Welcome')
    const gone = await portal.addUser({ NAME: 'Gone' })
    ok(await admin.call('user.update', { ID: gone, ACTIVE: 'N' }))
    fails(
      await adminHook.call('im.notify.personal.add', { USER_ID: gone, MESSAGE: 'hi' }),
      400,
      'USER_INACTIVE',
    )
  })
})

describe('grouping by tag', () => {
  test('an unread entry with the same tag takes in new notices and moves to the top', async () => {
    const carl = await portal.addEmployee({ NAME: 'Carl' })
    const first = await fromBoris(carl.id, { TAG: 'TASK|17', MESSAGE: 'Task 17: first' })
    await fromBoris(carl.id, { MESSAGE: 'Something else' })
    const second = await fromBoris(carl.id, { TAG: 'TASK|17', MESSAGE: 'Task 17: second' })
    assert.equal(second, first, 'the same entry')
    const third = ok(
      await adminHook.call('im.notify.personal.add', {
        USER_ID: carl.id,
        MESSAGE: 'Task 17: third',
        TAG: 'TASK|17',
      }),
    )
    // Another application's tag is another tag.
    assert.notEqual(third, first)
    const got = await list(carl)
    assert.equal(got.total_count, 3)
    assert.equal(got.total_unread_count, 3)
    assert.equal(got.notifications[0].id, third)
    assert.equal(got.notifications[1].id, first, 'the grouped entry moved above the later one')
    assert.equal(got.notifications[1].notify_count, 2)
    assert.equal(got.notifications[1].text, 'Task 17: second')
    assert.equal(got.notifications[2].text, 'Something else')

    // Once read, the next notice with the tag starts a new entry.
    ok(await carl.session.call('im.notify.read', { ID: first, ONLY_CURRENT: 'Y' }))
    const fourth = await fromBoris(carl.id, { TAG: 'TASK|17', MESSAGE: 'Task 17: fourth' })
    assert.notEqual(fourth, first)
    const n = await entry(carl, fourth)
    assert.equal(n.notify_count, 1)
    assert.equal((await entry(carl, first)).notify_read, 'Y')
  })
})

describe('im.notify.get', () => {
  test('pages newest first with LAST_ID and LAST_TYPE; LIMIT caps at 50', async () => {
    const dora = await portal.addEmployee({ NAME: 'Dora' })
    const ids = []
    for (let i = 0; i < 5; i++) ids.push(await fromBoris(dora.id, { MESSAGE: `page ${i}` }))
    const one = await list(dora, { LIMIT: 2 })
    assert.deepEqual(
      one.notifications.map((n) => n.id),
      [ids[4], ids[3]],
    )
    assert.equal(one.total_count, 5)
    const two = await list(dora, { LIMIT: 2, LAST_ID: ids[3], LAST_TYPE: 3 })
    assert.deepEqual(
      two.notifications.map((n) => n.id),
      [ids[2], ids[1]],
    )
    const three = await list(dora, { LIMIT: 2, LAST_ID: ids[1], LAST_TYPE: 3 })
    assert.deepEqual(
      three.notifications.map((n) => n.id),
      [ids[0]],
    )
    assert.equal((await list(dora, { LIMIT: 500 })).notifications.length, 5)
  })

  test('an empty bell answers only notifications and users', async () => {
    const eve = await portal.addEmployee({ NAME: 'Eve' })
    assert.deepEqual(await list(eve), { notifications: [], users: [] })
  })

  test('CONVERT_TEXT=Y gives HTML made from the BB codes, escaped', async () => {
    const fred = await portal.addEmployee({ NAME: 'Fred' })
    await fromBoris(fred.id, { MESSAGE: '[B]bold[/B] <i>raw</i>' })
    const [n] = (await list(fred, { CONVERT_TEXT: 'Y' })).notifications
    assert.equal(n.text, '<b>bold</b> &lt;i&gt;raw&lt;/i&gt;')
  })

  test('shows only the caller’s own notices', async () => {
    const id = await fromBoris(ann.id)
    const mine = await list(boris)
    assert.ok(!(mine.notifications ?? []).some((n) => n.id === id))
    const adminList = ok(await admin.call('im.notify.get'))
    assert.ok(!(adminList.notifications ?? []).some((n) => n.id === id))
  })

  test('bad paging parameters get 400', async () => {
    fails(await ann.session.call('im.notify.get', { LAST_ID: 5 }), 400, 'LAST_ID_AND_LAST_TYPE')
    fails(await ann.session.call('im.notify.get', { LAST_TYPE: 3 }), 400, 'LAST_ID_AND_LAST_TYPE')
    fails(
      await ann.session.call('im.notify.get', { LAST_ID: 'abc', LAST_TYPE: 3 }),
      400,
      'LAST_ID_STRING',
    )
    fails(await ann.session.call('im.notify.get', { LIMIT: 'many' }), 400, 'ERROR_ARGUMENT')
  })
})

describe('im.notify.read, im.notify.read.list, im.notify.read.all', () => {
  test('ONLY_CURRENT=Y changes one notice; ACTION=N makes it unread again', async () => {
    const gina = await portal.addEmployee({ NAME: 'Gina' })
    const a = await fromBoris(gina.id)
    const b = await fromBoris(gina.id)
    assert.equal(ok(await gina.session.call('im.notify.read', { ID: a, ONLY_CURRENT: 'Y' })), true)
    assert.equal((await entry(gina, a)).notify_read, 'Y')
    assert.equal((await entry(gina, b)).notify_read, 'N')
    assert.equal((await list(gina)).total_unread_count, 1)
    ok(await gina.session.call('im.notify.read', { ID: a, ONLY_CURRENT: 'Y', ACTION: 'N' }))
    assert.equal((await entry(gina, a)).notify_read, 'N')
  })

  test('without ONLY_CURRENT, the notice and every later one change (Bitrix24)', async () => {
    const hugo = await portal.addEmployee({ NAME: 'Hugo' })
    const a = await fromBoris(hugo.id)
    const b = await fromBoris(hugo.id)
    const c = await fromBoris(hugo.id)
    ok(await hugo.session.call('im.notify.read', { ID: b }))
    assert.equal((await entry(hugo, a)).notify_read, 'N')
    assert.equal((await entry(hugo, b)).notify_read, 'Y')
    assert.equal((await entry(hugo, c)).notify_read, 'Y')
  })

  test('without ID nothing changes; bad ID and ACTION get 400', async () => {
    assert.equal(ok(await ann.session.call('im.notify.read', {})), true)
    fails(await ann.session.call('im.notify.read', { ID: 'x' }), 400, 'ID_ERROR')
    const id = await fromBoris(ann.id)
    fails(
      await ann.session.call('im.notify.read', { ID: id, ACTION: 'maybe' }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await ann.session.call('im.notify.read', { ID: 99999999, ONLY_CURRENT: 'Y' }),
      400,
      'ERROR_NOT_FOUND',
    )
  })

  test('nobody reads someone else’s notices', async () => {
    const id = await fromBoris(ann.id)
    fails(
      await boris.session.call('im.notify.read', { ID: id, ONLY_CURRENT: 'Y' }),
      403,
      'ACCESS_DENIED',
    )
    ok(await boris.session.call('im.notify.read.list', { IDS: [id] }))
    ok(await boris.session.call('im.notify.read', { ID: 1 }))
    ok(await boris.session.call('im.notify.read.all'))
    assert.equal((await entry(ann, id)).notify_read, 'N')
  })

  test('read.list marks the listed ones, stopping at an id <= 0', async () => {
    const ida = await portal.addEmployee({ NAME: 'Ida' })
    const a = await fromBoris(ida.id)
    const b = await fromBoris(ida.id)
    const c = await fromBoris(ida.id)
    ok(await ida.session.call('im.notify.read.list', { IDS: [a, 0, c] }))
    assert.equal((await entry(ida, a)).notify_read, 'Y')
    assert.equal((await entry(ida, c)).notify_read, 'N')
    ok(await ida.session.call('im.notify.read.list', { IDS: [b, c] }, { transport: 'form' }))
    assert.equal((await list(ida)).total_unread_count, 0)
    ok(await ida.session.call('im.notify.read.list', { IDS: [a], ACTION: 'N' }))
    assert.equal((await entry(ida, a)).notify_read, 'N')
    fails(await ida.session.call('im.notify.read.list', {}), 400, 'PARAMS_ERROR')
    fails(await ida.session.call('im.notify.read.list', { IDS: 5 }), 400, 'PARAMS_ERROR')
    fails(await ida.session.call('im.notify.read.list', { IDS: ['x'] }), 400, 'PARAMS_ERROR')
  })

  test('read.all marks everything and answers the new counter', async () => {
    const jon = await portal.addEmployee({ NAME: 'Jon' })
    await fromBoris(jon.id)
    await fromBoris(jon.id)
    assert.deepEqual(ok(await jon.session.call('im.notify.read.all')), {
      result: true,
      newCounter: 0,
    })
    assert.equal((await list(jon)).total_unread_count, 0)
  })
})

describe('im.notify.delete', () => {
  test('a person deletes their own notice by ID, not someone else’s', async () => {
    const id = await fromBoris(ann.id)
    fails(await boris.session.call('im.notify.delete', { ID: id }), 403, 'ACCESS_DENIED')
    assert.ok(await entry(ann, id))
    assert.equal(ok(await ann.session.call('im.notify.delete', { ID: id })), true)
    assert.equal(await entry(ann, id), null)
    fails(await ann.session.call('im.notify.delete', { ID: id }), 400, 'ERROR_NOT_FOUND')
  })

  test('an application deletes what it sent, by ID, TAG or SUB_TAG, to whomever it went', async () => {
    const kim = await portal.addEmployee({ NAME: 'Kim' })
    const byId = await fromBoris(kim.id)
    ok(await borisHook.call('im.notify.delete', { ID: byId }))
    assert.equal(await entry(kim, byId), null)

    const toKim = await fromBoris(kim.id, { TAG: 'ORDER|5' })
    const toAnn = await fromBoris(ann.id, { TAG: 'ORDER|5' })
    const otherApp = ok(
      await adminHook.call('im.notify.personal.add', {
        USER_ID: kim.id,
        MESSAGE: 'x',
        TAG: 'ORDER|5',
      }),
    )
    ok(await borisHook.call('im.notify.delete', { TAG: 'ORDER|5' }))
    assert.equal(await entry(kim, toKim), null)
    assert.equal(await entry(ann, toAnn), null)
    assert.ok(await entry(kim, otherApp), 'another application’s notice stays')

    const sub = await fromBoris(kim.id, { SUB_TAG: 'LINE|9' })
    ok(await borisHook.call('im.notify.delete', { SUB_TAG: 'LINE|9' }))
    assert.equal(await entry(kim, sub), null)

    // The same CLIENT_ID is the same application, whichever webhook calls.
    const client = ok(
      await adminHook.call('im.notify.personal.add', {
        USER_ID: kim.id,
        MESSAGE: 'from the app',
        TAG: 'APP|1',
        CLIENT_ID: 'my.app',
      }),
    )
    ok(await annHook.call('im.notify.delete', { TAG: 'APP|1' }))
    assert.ok(await entry(kim, client), 'Ann’s webhook is another application')
    ok(await annHook.call('im.notify.delete', { TAG: 'APP|1', CLIENT_ID: 'my.app' }))
    assert.equal(await entry(kim, client), null)
  })

  test('another application may not delete by ID what it did not send', async () => {
    const id = await fromBoris(ann.id)
    fails(await adminHook.call('im.notify.delete', { ID: id }), 403, 'ACCESS_DENIED')
  })

  test('bad input gets 400', async () => {
    fails(await ann.session.call('im.notify.delete', {}), 400, 'PARAMS_ERROR')
    fails(await ann.session.call('im.notify.delete', { ID: 'x' }), 400, 'PARAMS_ERROR')
    fails(await ann.session.call('im.notify.delete', { TAG: 'ORDER|5' }), 400, 'PARAMS_ERROR')
  })
})

describe('im.notify.schema.get, im.notify.history.search, im.counters.get', () => {
  test('the schema lists the catalogue by module in the caller’s language', async () => {
    const schema = ok(await ann.session.call('im.notify.schema.get'))
    assert.deepEqual(Object.keys(schema), ['tasks', 'socialnetwork', 'blog', 'helpdesk', 'im'])
    assert.equal(schema.tasks.module_id, 'tasks')
    assert.deepEqual(
      schema.tasks.list.map((t) => t.id),
      [
        'tasks|task_assigned',
        'tasks|task_comment',
        'tasks|task_status',
        'tasks|task_changed',
        'tasks|task_control',
        'tasks|task_deadline',
      ],
    )
    assert.deepEqual(
      schema.socialnetwork.list.map((t) => t.id),
      ['socialnetwork|group_invite'],
    )
    assert.deepEqual(
      schema.blog.list.map((t) => t.id),
      ['blog|post', 'blog|mention', 'blog|comment'],
    )
    assert.deepEqual(
      schema.helpdesk.list.map((t) => t.id),
      [
        'helpdesk|ticket_action',
        'helpdesk|ticket_new',
        'helpdesk|ticket_comment',
        'helpdesk|ticket_status',
      ],
    )
    assert.deepEqual(
      schema.im.list.map((t) => t.id),
      ['im|default'],
    )
    ok(await ann.session.call('user.update', { ID: ann.id, LANGUAGE_ID: 'en' }))
    const en = ok(await ann.session.call('im.notify.schema.get'))
    assert.equal(en.tasks.name, 'Tasks')
    assert.equal(en.tasks.list[0].name, 'A task was given to me')
  })

  test('history search finds the caller’s notices by text, case-folded', async () => {
    const lena = await portal.addEmployee({ NAME: 'Lena' })
    const hit = await fromBoris(lena.id, { MESSAGE: 'Счёт №42 оплачен' })
    await fromBoris(lena.id, { MESSAGE: 'Unrelated' })
    await fromBoris(ann.id, { MESSAGE: 'Счет №42 чужой' })
    const r = ok(await lena.session.call('im.notify.history.search', { SEARCH_TEXT: 'СЧЕТ №42' }))
    assert.equal(r.total_results, 1)
    assert.deepEqual(
      r.notifications.map((n) => n.id),
      [hit],
    )
    assert.ok(r.users.some((u) => u.id === boris.id))
    const byType = ok(
      await lena.session.call('im.notify.history.search', { SEARCH_TYPE: 'im|default' }),
    )
    assert.equal(byType.total_results, 2)
    const none = ok(await lena.session.call('im.notify.history.search', { SEARCH_TYPE: 'tasks' }))
    assert.equal(none.total_results, 0)
    const byAuthor = ok(
      await lena.session.call('im.notify.history.search', {
        SEARCH_TEXT: 'unrelated',
        SEARCH_AUTHORS: [boris.id],
      }),
    )
    assert.equal(byAuthor.total_results, 1)
    const today = ok(
      await lena.session.call('im.notify.history.search', {
        SEARCH_DATE: new Date().toISOString(),
      }),
    )
    assert.equal(today.total_results, 2)
  })

  test('history search needs three characters unless a type or a date narrows it', async () => {
    fails(
      await ann.session.call('im.notify.history.search', { SEARCH_TEXT: 'ab' }),
      400,
      'SEARCH_TEXT_ERROR',
    )
    fails(await ann.session.call('im.notify.history.search', {}), 400, 'SEARCH_TEXT_ERROR')
    fails(
      await ann.session.call('im.notify.history.search', { SEARCH_DATE: 'yesterday-ish' }),
      400,
      'ERROR_ARGUMENT',
    )
    ok(await ann.session.call('im.notify.history.search', { SEARCH_TEXT: 'ab', SEARCH_TYPE: 'im' }))
  })

  test('im.counters.get counts unread notices in Bitrix24’s shape', async () => {
    const max = await portal.addEmployee({ NAME: 'Max' })
    await fromBoris(max.id)
    await fromBoris(max.id)
    const c = ok(await max.session.call('im.counters.get'))
    assert.deepEqual(c.TYPE, { ALL: 2, NOTIFY: 2, CHAT: 0, LINES: 0, DIALOG: 0, MESSENGER: 0 })
    for (const key of ['CHAT', 'CHAT_MUTED', 'CHAT_UNREAD', 'LINES', 'DIALOG', 'DIALOG_UNREAD'])
      assert.ok(key in c, key)
    ok(await max.session.call('im.notify.read.all'))
    assert.equal(ok(await max.session.call('im.counters.get')).TYPE.NOTIFY, 0)
  })
})

describe('artel.notify.settings.get / set', () => {
  test('lists every type with the catalogue’s defaults', async () => {
    const s = ok(await boris.session.call('artel.notify.settings.get'))
    // Tasks 6, workgroups 1, feed 3, ticket desk 4, applications 1.
    assert.equal(s.length, 15)
    for (const row of s) {
      assert.deepEqual(Object.keys(row).sort(), [
        'EMAIL',
        'EVENT',
        'MODULE',
        'MODULE_TITLE',
        'PORTAL',
        'TITLE',
      ])
      assert.equal(row.PORTAL, 'Y')
      assert.ok(row.TITLE.length > 0)
    }
    const im = s.find((r) => r.MODULE === 'im' && r.EVENT === 'default')
    assert.equal(im.EMAIL, 'Y')
    const status = s.find((r) => r.EVENT === 'task_status')
    assert.equal(status.EMAIL, 'N')
  })

  test('the bell switched off for a type: such notices no longer reach it', async () => {
    const nina = await portal.addEmployee({ NAME: 'Nina' })
    const after = ok(
      await nina.session.call('artel.notify.settings.set', {
        SETTINGS: [{ MODULE: 'im', EVENT: 'default', PORTAL: 'N' }],
      }),
    )
    const im = after.find((r) => r.MODULE === 'im')
    assert.equal(im.PORTAL, 'N')
    assert.equal(im.EMAIL, 'Y', 'what was not given stays')
    assert.equal(
      ok(await borisHook.call('im.notify.personal.add', { USER_ID: nina.id, MESSAGE: 'lost' })),
      false,
    )
    assert.deepEqual(await list(nina), { notifications: [], users: [] })
    // Only hers: Ann's bell still gets them.
    assert.ok(await entry(ann, await fromBoris(ann.id)))
    ok(
      await nina.session.call('artel.notify.settings.set', {
        SETTINGS: [{ MODULE: 'im', EVENT: 'default', PORTAL: 'Y' }],
      }),
    )
    assert.ok(await entry(nina, await fromBoris(nina.id)))
  })

  test('bad settings get 400', async () => {
    const set = (params) => boris.session.call('artel.notify.settings.set', params)
    fails(await set({}), 400, 'ERROR_ARGUMENT')
    fails(await set({ SETTINGS: [] }), 400, 'ERROR_ARGUMENT')
    fails(await set({ SETTINGS: ['x'] }), 400, 'ERROR_ARGUMENT')
    fails(await set({ SETTINGS: [{ MODULE: 'tasks', EVENT: 'nope', PORTAL: 'N' }] }), 400)
    fails(await set({ SETTINGS: [{ MODULE: 'im', EVENT: 'default' }] }), 400, 'ERROR_ARGUMENT')
    fails(
      await set({ SETTINGS: [{ MODULE: 'im', EVENT: 'default', EMAIL: 'perhaps' }] }),
      400,
      'ERROR_ARGUMENT',
    )
    const s = ok(await boris.session.call('artel.notify.settings.get'))
    assert.ok(
      s.every((r) => r.PORTAL === 'Y'),
      'nothing changed',
    )
  })
})

describe('e-mail', () => {
  test('notices with one tag within a few minutes arrive as one e-mail listing them', async () => {
    const olga = await portal.addEmployee({ NAME: 'Olga', LAST_NAME: 'Orlova' })
    const texts = ['Task <17>: first', 'Task <17>: second', 'Task <17>: third']
    // One batch: the three notices leave within milliseconds of each other.
    const cmd = {}
    texts.forEach((text, i) => {
      const params = {
        USER_ID: olga.id,
        MESSAGE: text,
        TAG: 'TASK|17',
        LINK: '/tasks/task/view/17/',
      }
      cmd[`n${i}`] = `im.notify.personal.add?${phpQuery(params)}`
    })
    const batch = ok(await borisHook.call('batch', { halt: 1, cmd }))
    assert.deepEqual(batch.result_error, [], JSON.stringify(batch))
    const ids = Object.values(batch.result)
    assert.equal(ids.length, 3)
    assert.ok(
      ids.every((id) => id === ids[0]),
      'one grouped entry',
    )

    const mail = await smtp.waitFor((m) => m.to.includes(olga.email), 30000)
    assert.match(mail.subject, /^Notice & Co: /)
    for (const text of texts) {
      assert.ok(mail.text.includes(text), `${text} in:\n${mail.text}`)
      assert.ok(mail.html.includes(text.replace('<', '&lt;').replace('>', '&gt;')), mail.html)
    }
    assert.ok(!mail.html.includes('<17>'), 'the HTML part escapes the text')
    assert.ok(mail.text.includes('Boris Brown'))
    assert.ok(mail.text.includes(`${portal.url}/tasks/task/view/17/`), mail.text)
    assert.ok(mail.html.includes(`href="${portal.url}/tasks/task/view/17/"`), mail.html)

    // A later notice about something else comes as its own e-mail, after the first group's; by
    // then any second e-mail of the first group would have arrived before it.
    await fromBoris(olga.id, { MESSAGE: 'Another thing', TAG: 'TASK|18' })
    const later = await smtp.waitFor(
      (m) => m.to.includes(olga.email) && m.text.includes('Another thing'),
      30000,
    )
    assert.ok(!later.text.includes('Task <17>'))
    assert.equal(smtp.messages.filter((m) => m.to.includes(olga.email)).length, 2)
  })

  test('before any browser session, the links use the address the notice was sent to', async () => {
    const fresh = await startPortal({ env: { ARTEL_JOBS_SCALE: '60' }, smtp })
    try {
      const h = await fresh.hook(['im', 'user', 'portal'])
      const to = email('fresh')
      const id = ok(
        await h.call('user.add', {
          EMAIL: to,
          PASSWORD: 'Fresh-secret-1',
          NAME: 'Fresh',
          UF_DEPARTMENT: [1],
        }),
      )
      ok(
        await h.call('im.notify.system.add', {
          USER_ID: id,
          MESSAGE: 'Fresh portal notice',
          LINK: '/company/structure',
        }),
      )
      const mail = await smtp.waitFor((m) => m.to.includes(to), 30000)
      assert.ok(mail.text.includes(`${fresh.url}/company/structure`), mail.text)
      assert.equal(ok(await h.call('artel.settings.get')).PUBLIC_URL, '', 'nothing was learned')
    } finally {
      await fresh.stop()
    }
  })

  test('e-mail switched off for a type: the bell still gets it, the inbox does not', async () => {
    const pia = await portal.addEmployee({ NAME: 'Pia' })
    ok(
      await pia.session.call('artel.notify.settings.set', {
        SETTINGS: [{ MODULE: 'im', EVENT: 'default', EMAIL: 'N' }],
      }),
    )
    const quiet = await fromBoris(pia.id, { MESSAGE: 'Only in the bell' })
    assert.ok(await entry(pia, quiet))
    ok(
      await pia.session.call('artel.notify.settings.set', {
        SETTINGS: [{ MODULE: 'im', EVENT: 'default', EMAIL: 'Y' }],
      }),
    )
    await fromBoris(pia.id, { MESSAGE: 'By mail too' })
    const mail = await smtp.waitFor(
      (m) => m.to.includes(pia.email) && m.text.includes('By mail too'),
      30000,
    )
    assert.ok(!mail.text.includes('Only in the bell'))
    assert.equal(smtp.messages.filter((m) => m.to.includes(pia.email)).length, 1)
  })
})

describe('live', () => {
  test('notify.added, notify.read and notify.deleted reach the recipient’s tabs only', async () => {
    const quinn = await portal.addEmployee({ NAME: 'Quinn' })
    const mine = await connect(quinn.session)
    const others = await connect(ann.session)
    const id = await fromBoris(quinn.id, { MESSAGE: 'Live one', TAG: 'LIVE|1' })
    const added = await mine.next((m) => m.type === 'notify.added')
    assert.equal(added.data.notification.id, id)
    assert.equal(added.data.notification.text, 'Live one')
    assert.equal(added.data.notification.notify_read, 'N')
    assert.equal(added.data.counter, 1)
    assert.ok(added.data.users.some((u) => u.id === boris.id))

    // Grouped: the same entry arrives again with its count.
    await fromBoris(quinn.id, { MESSAGE: 'Live two', TAG: 'LIVE|1' })
    const grouped = await mine.next(
      (m) => m.type === 'notify.added' && m.data.notification.text === 'Live two',
    )
    assert.equal(grouped.data.notification.id, id)
    assert.equal(grouped.data.notification.notify_count, 2)
    assert.equal(grouped.data.counter, 1)

    ok(await quinn.session.call('im.notify.read', { ID: id, ONLY_CURRENT: 'Y' }))
    const read = await mine.next((m) => m.type === 'notify.read')
    assert.deepEqual(read.data, { ids: [id], read: true, counter: 0 })

    ok(await quinn.session.call('im.notify.delete', { ID: id }))
    const deleted = await mine.next((m) => m.type === 'notify.deleted')
    assert.deepEqual(deleted.data, { ids: [id], counter: 0 })

    // Ann's socket heard none of it: her own notice arrives as the first notify.* message.
    const hers = await fromBoris(ann.id, { MESSAGE: 'For Ann' })
    const first = await others.next((m) => m.type.startsWith('notify.'))
    assert.equal(first.data.notification.id, hers)
  })
})
