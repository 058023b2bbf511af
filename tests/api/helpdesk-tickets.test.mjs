// Tickets (M2, M4): helpdesk.ticket.add with every field of the client's form — the title, the
// site (chosen when the company has several), the contact filled in, the details, the desired
// date, files and the priority — get, list with filters, order and pages of 50, update (what a
// client may change, and not after acceptance), delete (the author while it is in the queue,
// an administrator always), and helpdesk calls inside batch.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok, PNG_1X1 } from '../support/expect.mjs'
import { badField, badRef, denied, desk, MISSING, notFound, unique } from '../support/helpdesk.mjs'
import { refused } from '../support/groups.mjs'
import { phpQuery } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let d

before(async () => {
  portal = await startPortal({ portalName: 'Сетевые Решения' })
  d = await desk(portal)
  ok(await d.admin.session.call('artel.settings.set', { fields: { TIME_ZONE: 'Europe/Moscow' } }))
})

after(async () => {
  await portal?.stop()
})

const BRIEF = Buffer.from('Страницы: /catalog, /about\n').toString('base64')

// A file of a ticket, downloaded as `who` (with their browser session).
async function download(who, file) {
  const res = await fetch(new URL(file.url, portal.url), {
    headers: { cookie: `artel_session=${who.session.cookie}` },
  })
  assert.equal(res.status, 200, `${file.url}: HTTP ${res.status}`)
  return Buffer.from(await res.arrayBuffer()).toString('base64')
}

// A fresh company with its own sites and a contact, so that its lists hold only this test's.
const fresh = (sites = ['https://fresh.test']) =>
  d.client({ sites, contacts: [{ NAME: 'Фёдор', LAST_NAME: 'Свежий' }] })

describe('helpdesk.ticket.add and get (M2)', () => {
  test('a client sends a ticket with every field of the form; the card has them all', async () => {
    const { alfa, manager } = d
    const TITLE = unique('Поменять баннер на главной')
    const id = await d.ticket(alfa.klara, {
      TITLE,
      SITE_ID: alfa.sites[1],
      DESCRIPTION: 'Баннер 1200×400, ссылки: https://shop.alfa.test/catalog',
      DESIRED_DATE: '2031-06-04T15:00:00+03:00',
      PRIORITY: 'HIGH',
      FILES: [
        ['brief.txt', BRIEF],
        ['screen.png', PNG_1X1],
      ],
    })
    const t = await d.get(alfa.klara, id)
    const expected = {
      ID: String(id),
      TITLE,
      COMPANY_ID: String(alfa.id),
      COMPANY_TITLE: 'ООО Альфа',
      SITE_ID: String(alfa.sites[1]),
      SITE_URL: 'https://shop.alfa.test',
      CONTACT_ID: String(alfa.klara.id),
      CONTACT_NAME: 'Клара Альфина',
      DESCRIPTION: 'Баннер 1200×400, ссылки: https://shop.alfa.test/catalog',
      DESIRED_DATE: '2031-06-04T15:00:00+03:00',
      DESIRED_DATE_OUTSIDE_HOURS: 'N',
      PRIORITY: 'HIGH',
      STATUS: 'QUEUE',
      RESPONSIBLE_ID: String(manager.id),
      RESPONSIBLE_NAME: 'Людмила Садовникова',
      TASK_ID: '0',
      CREATED_BY: String(alfa.klara.id),
      SOURCE: 'portal',
    }
    for (const [k, v] of Object.entries(expected))
      assert.equal(t[k], v, `${k} of ${JSON.stringify(t)}`)
    assert.equal(Number(t.TIME_SPENT), 0)
    assert.equal(Number(t.COMMENTS_COUNT), 0)
    for (const k of ['CREATED_AT', 'UPDATED_AT', 'STATUS_CHANGED_AT'])
      assert.match(t[k], ISO_WITH_OFFSET, k)
    assert.deepEqual(
      t.FILES.map((f) => [f.name, Number(f.size), f.createdBy]),
      [
        ['brief.txt', Buffer.from(BRIEF, 'base64').length, String(alfa.klara.id)],
        ['screen.png', Buffer.from(PNG_1X1, 'base64').length, String(alfa.klara.id)],
      ],
    )
    const png = t.FILES[1]
    assert.equal(png.mime, 'image/png')
    assert.match(png.createdDate, ISO_WITH_OFFSET)
    assert.equal(typeof png.id, 'string')
    assert.equal(await download(alfa.klara, png), PNG_1X1)
    assert.equal(await download(manager, t.FILES[0]), BRIEF)
    // The studio reads the same card.
    assert.deepEqual(await d.get(manager, id), t)
  })

  test('the contact is the calling client unless they name another contact of the company', async () => {
    const { alfa } = d
    const own = await d.get(alfa.kirill, await d.ticket(alfa.kirill, { SITE_ID: alfa.sites[0] }))
    assert.equal(own.CONTACT_ID, String(alfa.kirill.id))
    assert.equal(own.CONTACT_NAME, 'Кирилл Альфин')
    // The defaults of the fields not given.
    assert.equal(own.PRIORITY, 'NORMAL')
    assert.equal(own.DESCRIPTION, '')
    assert.equal(own.DESIRED_DATE, '')
    assert.equal(own.DESIRED_DATE_OUTSIDE_HOURS, 'N')
    assert.deepEqual(own.FILES, [])
    const forKlara = await d.get(
      alfa.kirill,
      await d.ticket(alfa.kirill, { SITE_ID: alfa.sites[0], CONTACT_ID: alfa.klara.id }),
    )
    assert.equal(forKlara.CONTACT_ID, String(alfa.klara.id))
    assert.equal(forKlara.CREATED_BY, String(alfa.kirill.id))
  })

  test('SITE_ID: required when the company has more than one site, the only one otherwise', async () => {
    const { alfa, beta } = d
    const before = (await d.list(d.manager, { FILTER: { COMPANY_ID: alfa.id } })).total
    badField(await alfa.klara.call('helpdesk.ticket.add', { FIELDS: { TITLE: 'x' } }), 'SITE_ID')
    badRef(
      await alfa.klara.call('helpdesk.ticket.add', { FIELDS: { TITLE: 'x', SITE_ID: MISSING } }),
    )
    assert.equal((await d.list(d.manager, { FILTER: { COMPANY_ID: alfa.id } })).total, before)
    const t = await d.get(beta.boris, await d.ticket(beta.boris, { TITLE: unique('Один сайт') }))
    assert.equal(t.SITE_ID, String(beta.sites[0]))
    assert.equal(t.SITE_URL, 'https://beta.test')
    // The studio names the site of another company for Alfa: refused.
    badRef(
      await d.manager.call('helpdesk.ticket.add', {
        FIELDS: { TITLE: 'x', COMPANY_ID: alfa.id, SITE_ID: beta.sites[0] },
      }),
    )
    assert.equal((await d.list(d.manager, { FILTER: { COMPANY_ID: alfa.id } })).total, before)
  })

  test('the studio names the company; the contact defaults to its first one; another responsible', async () => {
    const { beta, manager, dev } = d
    badField(await manager.call('helpdesk.ticket.add', { FIELDS: { TITLE: 'x' } }), 'COMPANY_ID')
    notFound(
      await manager.call('helpdesk.ticket.add', { FIELDS: { TITLE: 'x', COMPANY_ID: MISSING } }),
    )
    const t = await d.get(dev, await d.ticket(dev, { COMPANY_ID: beta.id }))
    assert.equal(t.CONTACT_ID, String(beta.boris.id))
    assert.equal(t.RESPONSIBLE_ID, String(manager.id), "the company's responsible")
    assert.equal(t.CREATED_BY, String(dev.id))
    assert.equal(t.STATUS, 'QUEUE')
    const other = await d.get(
      manager,
      await d.ticket(manager, { COMPANY_ID: beta.id, RESPONSIBLE_ID: dev.id }),
    )
    assert.equal(other.RESPONSIBLE_ID, String(dev.id))
    assert.equal(other.RESPONSIBLE_NAME, 'Павел Разработчик')
  })

  test('bad fields: 400 ERROR_ARGUMENT naming the field, and no ticket added', async () => {
    const { alfa, beta } = d
    const count = async () => (await d.list(d.manager, { FILTER: { COMPANY_ID: alfa.id } })).total
    const before = await count()
    const add = (fields) =>
      alfa.klara.call('helpdesk.ticket.add', {
        FIELDS: { TITLE: 'Плохой', SITE_ID: alfa.sites[0], ...fields },
      })
    for (const [fields, field] of [
      [{ TITLE: undefined }, 'TITLE'],
      [{ TITLE: '   ' }, 'TITLE'],
      [{ TITLE: 'x'.repeat(1000) }, 'TITLE'],
      [{ PRIORITY: 'URGENT' }, 'PRIORITY'],
      [{ PRIORITY: 2 }, 'PRIORITY'],
      [{ DESIRED_DATE: 'tomorrow' }, 'DESIRED_DATE'],
      [{ DESIRED_DATE: '2031-02-30' }, 'DESIRED_DATE'],
      [{ FILES: 'nope' }, 'FILES'],
      [{ FILES: [['a.txt', '%%% not base64 %%%']] }, 'FILES'],
    ])
      badField(await add(fields), field)
    // A contact who is an employee, missing, or of another company.
    badRef(await add({ CONTACT_ID: d.manager.id }))
    badRef(await add({ CONTACT_ID: MISSING }))
    badRef(
      await d.manager.call('helpdesk.ticket.add', {
        FIELDS: {
          TITLE: 'x',
          COMPANY_ID: alfa.id,
          SITE_ID: alfa.sites[0],
          CONTACT_ID: beta.boris.id,
        },
      }),
    )
    badField(
      await d.manager.call('helpdesk.ticket.add', {
        FIELDS: { TITLE: 'x', COMPANY_ID: beta.id, RESPONSIBLE_ID: beta.boris.id },
      }),
      'RESPONSIBLE_ID',
    )
    assert.equal(await count(), before)
  })

  test('a client does not choose the responsible person or a task', async () => {
    const { alfa } = d
    const count = async () => (await d.list(d.manager, { FILTER: { COMPANY_ID: alfa.id } })).total
    const before = await count()
    const task = ok(
      await d.dev.call('tasks.task.add', { fields: { TITLE: unique('Задача') } }),
    ).task
    for (const fields of [{ RESPONSIBLE_ID: d.dev.id }, { TASK_ID: task.id }])
      refused(
        await alfa.klara.call('helpdesk.ticket.add', {
          FIELDS: { TITLE: 'x', SITE_ID: alfa.sites[0], ...fields },
        }),
      )
    assert.equal(await count(), before)
  })
})

describe('helpdesk.ticket.list', () => {
  test('filters by STATUS, SITE_ID, PRIORITY (a list value means one of), contact, text; order', async () => {
    const c = await fresh(['https://a.fresh.test', 'https://b.fresh.test'])
    const [sa, sb] = c.sites
    const f = c.contacts[0]
    const a = await d.ticket(f, {
      TITLE: 'Б: форма',
      SITE_ID: sa,
      PRIORITY: 'LOW',
      DESIRED_DATE: '2031-06-02T12:00:00+03:00',
    })
    const b = await d.ticket(f, { TITLE: 'А: меню', SITE_ID: sb, PRIORITY: 'HIGH' })
    const e = await d.ticket(f, {
      TITLE: 'В: футер',
      SITE_ID: sa,
      PRIORITY: 'HIGH',
      DESIRED_DATE: '2031-06-09T12:00:00+03:00',
    })
    const g = await d.ticket(d.manager, {
      TITLE: 'Г: счёт',
      COMPANY_ID: c.id,
      SITE_ID: sb,
      RESPONSIBLE_ID: d.dev.id,
    })
    await d.status(b, 'IN_WORK')
    await d.status(e, 'NEED_INFO')
    const ids = async (FILTER, extra = {}) =>
      (await d.list(d.manager, { FILTER: { COMPANY_ID: c.id, ...FILTER }, ...extra })).ids
    assert.deepEqual(await ids({}), [g, e, b, a], 'ID DESC by default')
    assert.deepEqual(await ids({}, { ORDER: { ID: 'ASC' } }), [a, b, e, g])
    assert.deepEqual(await ids({}, { ORDER: { TITLE: 'ASC' } }), [b, a, e, g])
    assert.deepEqual(await ids({ STATUS: 'QUEUE' }), [g, a])
    assert.deepEqual(await ids({ STATUS: ['IN_WORK', 'NEED_INFO'] }), [e, b])
    assert.deepEqual(await ids({ '!STATUS': 'QUEUE' }), [e, b])
    assert.deepEqual(await ids({ SITE_ID: sa }), [e, a])
    assert.deepEqual(await ids({ PRIORITY: 'HIGH' }), [e, b])
    assert.deepEqual(await ids({ PRIORITY: ['LOW', 'NORMAL'] }), [g, a])
    assert.deepEqual(await ids({ PRIORITY: 'HIGH', SITE_ID: sa }), [e])
    assert.deepEqual(await ids({ '%TITLE': 'меню' }), [b])
    assert.deepEqual(await ids({ '>ID': b }), [g, e])
    assert.deepEqual(await ids({ ID: [a, g] }), [g, a])
    assert.deepEqual(await ids({ STATUS: 'ACCEPTED' }), [])
    assert.deepEqual(await ids({ RESPONSIBLE_ID: d.dev.id }), [g])
    assert.deepEqual(await ids({ CONTACT_ID: f.id }), [g, e, b, a])
    assert.deepEqual(await ids({ '>=DESIRED_DATE': '2031-06-05T00:00:00+03:00' }), [e])
    assert.deepEqual(await ids({ '<DESIRED_DATE': '2031-06-05T00:00:00+03:00' }), [a])
    // The client's list is the same, without naming the company.
    const mine = await d.list(f, { FILTER: { PRIORITY: 'HIGH' } })
    assert.deepEqual(mine.ids, [e, b])
    assert.equal(mine.total, 2)
    const all = await d.list(f)
    assert.deepEqual(all.ids, [g, e, b, a])
    assert.deepEqual(
      all.rows.map((t) => t.STATUS),
      ['QUEUE', 'NEED_INFO', 'IN_WORK', 'QUEUE'],
      'the list shows every ticket with its status',
    )
  })

  test('pages of 50 with total and next; start reads the next page', async () => {
    const c = await fresh()
    const f = c.contacts[0]
    const made = []
    for (let i = 0; i < 53; i++) made.push(await d.ticket(f, { TITLE: `Страница ${i}` }))
    const first = await d.list(f, { ORDER: { ID: 'ASC' } })
    assert.equal(first.rows.length, 50)
    assert.equal(first.total, 53)
    assert.equal(first.next, 50)
    assert.deepEqual(first.ids, made.slice(0, 50))
    const second = await d.list(f, { ORDER: { ID: 'ASC' }, start: 50 })
    assert.deepEqual(second.ids, made.slice(50))
    assert.equal(second.total, 53)
    assert.equal(second.next, undefined)
    const studio = await d.list(d.manager, { FILTER: { COMPANY_ID: c.id }, start: 50 })
    assert.deepEqual(studio.ids, made.slice(0, 3).reverse())
  })
})

describe('helpdesk.ticket.update', () => {
  test('a client edits the ticket and adds files; the studio also names the responsible', async () => {
    const { alfa } = d
    const id = await d.ticket(alfa.klara, {
      SITE_ID: alfa.sites[0],
      FILES: [['first.png', PNG_1X1]],
    })
    const before = await d.get(alfa.klara, id)
    const TITLE = unique('Уточнённый тикет')
    ok(
      await alfa.klara.call('helpdesk.ticket.update', {
        ID: id,
        FIELDS: {
          TITLE,
          SITE_ID: alfa.sites[1],
          CONTACT_ID: alfa.kirill.id,
          DESCRIPTION: 'Подробнее',
          DESIRED_DATE: '2031-06-02T11:30:00+03:00',
          PRIORITY: 'LOW',
          FILES: [['second.txt', BRIEF]],
        },
      }),
    )
    const t = await d.get(d.manager, id)
    assert.equal(t.TITLE, TITLE)
    assert.equal(t.SITE_ID, String(alfa.sites[1]))
    assert.equal(t.CONTACT_ID, String(alfa.kirill.id))
    assert.equal(t.DESCRIPTION, 'Подробнее')
    assert.equal(t.DESIRED_DATE, '2031-06-02T11:30:00+03:00')
    assert.equal(t.PRIORITY, 'LOW')
    assert.deepEqual(
      t.FILES.map((f) => f.name),
      ['first.png', 'second.txt'],
      'FILES adds to the files',
    )
    assert.equal(t.CREATED_BY, before.CREATED_BY)
    assert.equal(t.STATUS, 'QUEUE')
    ok(
      await d.manager.call('helpdesk.ticket.update', {
        ID: id,
        fields: { RESPONSIBLE_ID: d.dev.id },
      }),
    )
    const r = await d.get(alfa.klara, id)
    assert.equal(r.RESPONSIBLE_ID, String(d.dev.id))
    assert.equal(r.RESPONSIBLE_NAME, 'Павел Разработчик')
    assert.equal(r.TITLE, TITLE, 'the fields not given stay')
  })

  test('a client may not set RESPONSIBLE_ID, TASK_ID or STATUS', async () => {
    const { alfa } = d
    const id = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    const task = ok(
      await d.dev.call('tasks.task.add', { fields: { TITLE: unique('Задача') } }),
    ).task
    const before = await d.get(d.manager, id)
    for (const FIELDS of [
      { RESPONSIBLE_ID: d.dev.id },
      { TASK_ID: task.id },
      { STATUS: 'ACCEPTED' },
      { STATUS: 'IN_WORK' },
    ])
      refused(await alfa.klara.call('helpdesk.ticket.update', { ID: id, FIELDS }))
    const t = await d.get(d.manager, id)
    assert.equal(t.RESPONSIBLE_ID, before.RESPONSIBLE_ID)
    assert.equal(t.TASK_ID, '0')
    assert.equal(t.STATUS, 'QUEUE')
  })

  test('an accepted ticket is closed to the client; the studio may still correct it', async () => {
    const { alfa } = d
    const id = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0], TITLE: unique('Закрытый') })
    await d.status(id, 'WAITING_ACCEPTANCE')
    ok(await alfa.klara.call('helpdesk.ticket.accept', { ID: id }))
    const before = await d.get(d.manager, id)
    for (const who of [alfa.klara, alfa.kirill])
      denied(await who.call('helpdesk.ticket.update', { ID: id, FIELDS: { TITLE: 'Снова' } }))
    assert.equal((await d.get(d.manager, id)).TITLE, before.TITLE)
    ok(await d.manager.call('helpdesk.ticket.update', { ID: id, FIELDS: { TITLE: 'Исправлено' } }))
    const t = await d.get(alfa.klara, id)
    assert.equal(t.TITLE, 'Исправлено')
    assert.equal(t.STATUS, 'ACCEPTED')
  })

  test('bad fields: 400 naming the field; a missing ticket is not found', async () => {
    const { alfa, beta } = d
    const id = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    const update = (FIELDS, ID = id) => alfa.klara.call('helpdesk.ticket.update', { ID, FIELDS })
    badField(await update({ TITLE: '' }), 'TITLE')
    badField(await update({ PRIORITY: 'SOON' }), 'PRIORITY')
    badField(await update({ DESIRED_DATE: 'someday' }), 'DESIRED_DATE')
    badRef(await update({ SITE_ID: beta.sites[0] }))
    badRef(await update({ CONTACT_ID: beta.boris.id }))
    notFound(await update({ TITLE: 'x' }, MISSING))
    notFound(await alfa.klara.call('helpdesk.ticket.get', { ID: MISSING }))
    badRef(
      await d.manager.call('helpdesk.ticket.update', { ID: id, FIELDS: { TASK_ID: MISSING } }),
      ['TASK_NOT_FOUND'],
    )
    const t = await d.get(d.manager, id)
    assert.equal(t.SITE_ID, String(alfa.sites[0]))
    assert.equal(t.TASK_ID, '0')
  })
})

describe('helpdesk.ticket.delete', () => {
  test('the author deletes their ticket while it is in the queue', async () => {
    const { alfa } = d
    const id = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    denied(await alfa.kirill.call('helpdesk.ticket.delete', { ID: id }))
    denied(await d.manager.call('helpdesk.ticket.delete', { ID: id }))
    assert.equal(ok(await alfa.klara.call('helpdesk.ticket.delete', { ID: id })), true)
    notFound(await alfa.klara.call('helpdesk.ticket.get', { ID: id }))
    notFound(await d.manager.call('helpdesk.ticket.get', { ID: id }))
    notFound(await alfa.klara.call('helpdesk.ticket.delete', { ID: id }))
    // A ticket an employee wrote, likewise.
    const mine = await d.ticket(d.dev, { COMPANY_ID: alfa.id, SITE_ID: alfa.sites[0] })
    assert.equal(ok(await d.dev.call('helpdesk.ticket.delete', { ID: mine })), true)
  })

  test('once it has left the queue only an administrator deletes it', async () => {
    const { alfa } = d
    const id = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    await d.status(id, 'IN_WORK')
    denied(await alfa.klara.call('helpdesk.ticket.delete', { ID: id }))
    denied(await d.manager.call('helpdesk.ticket.delete', { ID: id }))
    assert.equal((await d.get(d.manager, id)).STATUS, 'IN_WORK')
    assert.equal(ok(await d.admin.call('helpdesk.ticket.delete', { ID: id })), true)
    notFound(await d.manager.call('helpdesk.ticket.get', { ID: id }))
    notFound(await d.admin.call('helpdesk.ticket.delete', { ID: MISSING }))
  })
})

describe('helpdesk methods in batch', () => {
  test('a client adds, reads, comments and lists in one batch with $result references', async () => {
    const { alfa } = d
    const TITLE = unique('Из пакета')
    const cmd = {
      t: `helpdesk.ticket.add?${phpQuery({ FIELDS: { TITLE, SITE_ID: alfa.sites[0] } })}`,
      g: 'helpdesk.ticket.get?ID=$result[t]',
      c: `helpdesk.ticket.comment.add?TICKET_ID=$result[t]&${phpQuery({ FIELDS: { POST_MESSAGE: 'Из пакета' } })}`,
      l: 'helpdesk.ticket.list?FILTER[ID]=$result[t]',
      s: 'helpdesk.settings.get',
    }
    const b = ok(await alfa.klara.call('batch', { halt: 1, cmd }))
    assert.equal(Object.keys(b.result_error).length, 0, JSON.stringify(b.result_error))
    assert.equal(typeof b.result.t, 'number')
    assert.equal(b.result.g.TITLE, TITLE)
    assert.equal(b.result.g.CONTACT_ID, String(alfa.klara.id))
    assert.equal(typeof b.result.c, 'number')
    assert.deepEqual(
      b.result.l.map((t) => Number(t.ID)),
      [b.result.t],
    )
    assert.equal(b.result_total.l, 1)
    assert.equal(b.result.s.ROLE, 'client')
    assert.equal(Number((await d.get(alfa.klara, b.result.t)).COMMENTS_COUNT), 1)
  })

  test('the studio sets statuses in a batch; a refused command is reported, the others done', async () => {
    const { alfa } = d
    const a = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    const b = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    const r = ok(
      await d.manager.call('batch', {
        halt: 0,
        cmd: {
          a: `helpdesk.ticket.status.set?ID=${a}&STATUS=IN_WORK`,
          bad: `helpdesk.ticket.status.set?ID=${b}&STATUS=DONE`,
          gone: `helpdesk.ticket.get?ID=${MISSING}`,
          b: `helpdesk.ticket.status.set?ID=${b}&STATUS=NEED_INFO`,
        },
      }),
    )
    assert.equal(r.result.a, true)
    assert.equal(r.result.b, true)
    assert.equal(r.result_error.bad.error, 'ERROR_ARGUMENT')
    assert.equal(r.result_error.gone.error, 'ERROR_NOT_FOUND')
    assert.equal((await d.get(d.manager, a)).STATUS, 'IN_WORK')
    assert.equal((await d.get(d.manager, b)).STATUS, 'NEED_INFO')
    // The client's batch cannot do what the client may not.
    const c = ok(
      await alfa.klara.call('batch', {
        halt: 0,
        cmd: { s: `helpdesk.ticket.status.set?ID=${a}&STATUS=ACCEPTED` },
      }),
    )
    assert.equal(c.result_error.s.error, 'ACCESS_DENIED')
    assert.equal((await d.get(d.manager, a)).STATUS, 'IN_WORK')
  })
})

test('a webhook without the helpdesk scope is refused', async () => {
  const noScope = await portal.hook(['task', 'user'], { user: d.manager.id })
  for (const [method, params] of [
    ['helpdesk.ticket.list', {}],
    ['helpdesk.ticket.get', { ID: 1 }],
    ['helpdesk.company.list', {}],
    ['helpdesk.settings.get', {}],
  ])
    fails(await noScope.call(method, params), 403, 'insufficient_scope')
})
