// The boundary between client companies, and between clients and the studio: a client of Alfa
// never reads or changes anything of Beta — every id of Beta answers exactly as a missing one,
// lists hold nothing of it, and Beta's ids cannot be written into Alfa's tickets; a client
// calls none of the studio's methods; an extranet person who is no contact gets 403; a client
// sees nothing of the portal outside the desk.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { denied, desk, MISSING, unique } from '../support/helpdesk.mjs'
import { blankedAnswer } from '../support/leaks.mjs'
import { startPortal } from '../support/server.mjs'
import { positional } from '../support/tasks.mjs'

const SECRET = 'Бета-секрет'

let portal
let d
let beta // Beta's ids: { company, site, contact, ticket }
let missing
let snapshot // Beta's ticket as the studio read it before the attempts

before(async () => {
  portal = await startPortal({ portalName: 'Сетевые Решения' })
  d = await desk(portal)
  ok(
    await d.manager.call('helpdesk.company.update', {
      ID: d.beta.id,
      FIELDS: { COMMENTS: `${SECRET}: договор` },
    }),
  )
  const ticket = await d.ticket(d.beta.boris, {
    TITLE: `${SECRET}: новая витрина`,
    DESCRIPTION: `${SECRET} описание`,
  })
  await d.comment(d.beta.boris, ticket, `${SECRET} комментарий`)
  await d.status(ticket, 'WAITING_ACCEPTANCE')
  beta = {
    company: d.beta.id,
    site: d.beta.sites[0],
    contact: d.beta.boris.id,
    ticket,
  }
  missing = { company: MISSING, site: MISSING + 1, contact: MISSING + 2, ticket: MISSING + 3 }
  snapshot = await d.get(d.manager, ticket)
  // Alfa's own ticket, so that her lists are not empty.
  d.alfa.ticket = await d.ticket(d.alfa.klara, { SITE_ID: d.alfa.sites[0] })
})

after(async () => {
  await portal?.stop()
})

// Calls `method` as `who` with Beta's ids and with missing ones; the two answers must be the
// same once the ids are blanked, and neither may hold Beta's texts. Returns Beta's answer.
async function asMissing(who, method, params) {
  const a = await who.call(method, params(beta))
  const b = await who.call(method, params(missing))
  assert.ok(a.status >= 400, `${method} with Beta's ids must fail: ${a.text.slice(0, 300)}`)
  assert.deepEqual(blankedAnswer(a, beta), blankedAnswer(b, missing), method)
  assert.ok(!a.text.includes('Бета'), `${method}: ${a.text.slice(0, 300)}`)
  return a
}

describe('a client of Alfa and the company Beta', () => {
  test('every id of Beta answers as a missing one', async () => {
    const klara = d.alfa.klara
    const calls = [
      ['helpdesk.ticket.get', (i) => ({ ID: i.ticket })],
      ['helpdesk.ticket.update', (i) => ({ ID: i.ticket, FIELDS: { TITLE: 'Моё' } })],
      ['helpdesk.ticket.delete', (i) => ({ ID: i.ticket })],
      ['helpdesk.ticket.accept', (i) => ({ ID: i.ticket })],
      ['helpdesk.ticket.status.set', (i) => ({ ID: i.ticket, STATUS: 'IN_WORK' })],
      [
        'helpdesk.ticket.comment.add',
        (i) => ({ TICKET_ID: i.ticket, FIELDS: { POST_MESSAGE: 'Я тоже тут' } }),
      ],
      ['helpdesk.ticket.comment.list', (i) => ({ TICKET_ID: i.ticket })],
      ['helpdesk.company.get', (i) => ({ ID: i.company })],
      ['helpdesk.company.update', (i) => ({ ID: i.company, FIELDS: { TITLE: 'Моё' } })],
      ['helpdesk.site.delete', (i) => ({ ID: i.site })],
      [
        'helpdesk.site.add',
        (i) => ({ FIELDS: { COMPANY_ID: i.company, URL: 'https://mine.test' } }),
      ],
      [
        'helpdesk.contact.add',
        (i) => ({ FIELDS: { COMPANY_ID: i.company, EMAIL: `x${i.company}@x.test`, NAME: 'Я' } }),
      ],
    ]
    for (const [method, params] of calls) await asMissing(klara, method, params)
    // The same through her webhook.
    await asMissing(klara.hook, 'helpdesk.ticket.get', (i) => ({ ID: i.ticket }))
    const gone = await asMissing(klara, 'helpdesk.ticket.get', (i) => ({ ID: i.ticket }))
    assert.equal(gone.body.error, 'ERROR_NOT_FOUND')
  })

  test('Beta’s company, site and contact cannot be written into a ticket', async () => {
    const klara = d.alfa.klara
    const count = async () => (await d.list(d.manager, { FILTER: { COMPANY_ID: d.beta.id } })).total
    const before = await count()
    const mine = await d.list(klara)
    for (const fields of [
      (i) => ({ COMPANY_ID: i.company }),
      (i) => ({ COMPANY_ID: i.company, SITE_ID: i.site }),
      (i) => ({ SITE_ID: i.site }),
      (i) => ({ SITE_ID: d.alfa.sites[0], CONTACT_ID: i.contact }),
    ]) {
      const a = await asMissing(klara, 'helpdesk.ticket.add', (i) => ({
        FIELDS: { TITLE: unique('Чужой'), ...fields(i) },
      }))
      assert.equal(a.status, 400)
    }
    for (const fields of [(i) => ({ SITE_ID: i.site }), (i) => ({ CONTACT_ID: i.contact })]) {
      const a = await asMissing(klara, 'helpdesk.ticket.update', (i) => ({
        ID: d.alfa.ticket,
        FIELDS: fields(i),
      }))
      assert.equal(a.status, 400)
    }
    assert.equal(await count(), before)
    assert.equal((await d.list(klara)).total, mine.total)
    const t = await d.get(d.manager, d.alfa.ticket)
    assert.equal(t.COMPANY_ID, String(d.alfa.id))
    assert.equal(t.SITE_ID, String(d.alfa.sites[0]))
    assert.equal(t.CONTACT_ID, String(d.alfa.klara.id))
  })

  test('no list holds anything of Beta', async () => {
    const klara = d.alfa.klara
    const ids = async (method, params = {}) => {
      const r = await klara.call(method, params)
      assert.ok(!r.text.includes('Бета'), `${method} ${JSON.stringify(params)}: ${r.text}`)
      return ok(r).map((x) => Number(x.ID))
    }
    const tickets = await ids('helpdesk.ticket.list')
    assert.ok(tickets.includes(d.alfa.ticket))
    assert.ok(!tickets.includes(beta.ticket))
    for (const FILTER of [
      { COMPANY_ID: beta.company },
      { ID: beta.ticket },
      { SITE_ID: beta.site },
      { CONTACT_ID: beta.contact },
      { '%TITLE': SECRET },
      { STATUS: 'WAITING_ACCEPTANCE' },
    ])
      assert.deepEqual(await ids('helpdesk.ticket.list', { FILTER }), [], JSON.stringify(FILTER))
    assert.deepEqual(await ids('helpdesk.company.list'), [d.alfa.id])
    assert.deepEqual(await ids('helpdesk.company.list', { FILTER: { ID: beta.company } }), [])
    assert.deepEqual(await ids('helpdesk.site.list'), d.alfa.sites)
    assert.deepEqual(await ids('helpdesk.site.list', { FILTER: { COMPANY_ID: beta.company } }), [])
    assert.deepEqual(await ids('helpdesk.site.list', { FILTER: { ID: beta.site } }), [])
    const people = await ids('helpdesk.contact.list')
    assert.ok(people.includes(d.alfa.klara.id) && people.includes(d.alfa.kirill.id))
    assert.ok(!people.includes(beta.contact))
    assert.deepEqual(
      await ids('helpdesk.contact.list', { FILTER: { COMPANY_ID: beta.company } }),
      [],
    )
    assert.deepEqual(await ids('helpdesk.contact.list', { FILTER: { ID: beta.contact } }), [])
    // Her own company, as she reads it.
    const own = ok(await klara.call('helpdesk.company.get', { ID: d.alfa.id }))
    assert.equal(own.TITLE, 'ООО Альфа')
  })

  test('a batch of Beta’s ids gets what the single calls get', async () => {
    const r = await d.alfa.klara.call('batch', {
      halt: 0,
      cmd: {
        t: `helpdesk.ticket.get?ID=${beta.ticket}`,
        c: `helpdesk.ticket.comment.list?TICKET_ID=${beta.ticket}`,
        l: `helpdesk.ticket.list?FILTER[COMPANY_ID]=${beta.company}`,
      },
    })
    const b = ok(r)
    assert.ok(!r.text.includes('Бета'), r.text)
    assert.equal(b.result_error.t.error, 'ERROR_NOT_FOUND')
    assert.equal(b.result_error.c.error, 'ERROR_NOT_FOUND')
    assert.deepEqual(b.result.l, [])
  })

  test('the studio sees both companies; Beta’s ticket is as it was', async () => {
    const all = (await d.list(d.manager)).ids
    assert.ok(all.includes(beta.ticket) && all.includes(d.alfa.ticket))
    assert.deepEqual(await d.get(d.manager, beta.ticket), snapshot)
    const comments = await d.comments(d.manager, beta.ticket)
    assert.deepEqual(
      comments.map((c) => c.POST_MESSAGE),
      [`${SECRET} комментарий`],
    )
    const c = ok(await d.manager.call('helpdesk.company.get', { ID: beta.company }))
    assert.equal(c.TITLE, 'ООО Бета')
    assert.deepEqual(
      c.SITES.map((s) => Number(s.ID)),
      [beta.site],
    )
    assert.equal(Number(c.CONTACTS_COUNT), 1)
  })
})

describe('a client and the studio’s methods', () => {
  test('a client calls none of them, even about their own company: 403, nothing changes', async () => {
    const { alfa } = d
    const klara = alfa.klara
    const own = await d.ticket(klara, { SITE_ID: alfa.sites[0] })
    for (const [method, params] of [
      ['helpdesk.company.add', { FIELDS: { TITLE: 'Своя компания' } }],
      ['helpdesk.company.update', { ID: alfa.id, FIELDS: { TITLE: 'Переименовали' } }],
      ['helpdesk.site.add', { FIELDS: { COMPANY_ID: alfa.id, URL: 'https://new.alfa.test' } }],
      ['helpdesk.site.delete', { ID: alfa.sites[1] }],
      [
        'helpdesk.contact.add',
        { FIELDS: { COMPANY_ID: alfa.id, EMAIL: 'friend@alfa.test', NAME: 'Друг' } },
      ],
      ['helpdesk.ticket.status.set', { ID: own, STATUS: 'IN_WORK' }],
      ['helpdesk.settings.set', { WORK_DAYS: [1, 2, 3, 4, 5, 6, 7] }],
    ])
      for (const who of [klara, klara.hook]) denied(await who.call(method, params))
    const c = ok(await d.manager.call('helpdesk.company.get', { ID: alfa.id }))
    assert.equal(c.TITLE, 'ООО Альфа')
    assert.equal(c.SITES.length, 2)
    assert.equal(Number(c.CONTACTS_COUNT), 2)
    assert.equal((await d.get(d.manager, own)).STATUS, 'QUEUE')
    assert.equal(ok(await d.manager.call('helpdesk.settings.get')).WORK_DAYS.length, 5)
    assert.equal(
      ok(await d.manager.call('helpdesk.company.list', { FILTER: { TITLE: 'Своя компания' } }))
        .length,
      0,
    )
  })

  test('an extranet person who is no contact: 403 from every method but settings.get', async () => {
    const { xena, alfa } = d
    for (const [method, params] of [
      ['helpdesk.company.list', {}],
      ['helpdesk.company.get', { ID: alfa.id }],
      ['helpdesk.company.add', { FIELDS: { TITLE: 'x' } }],
      ['helpdesk.site.list', {}],
      ['helpdesk.contact.list', {}],
      ['helpdesk.ticket.list', {}],
      ['helpdesk.ticket.get', { ID: d.alfa.ticket }],
      ['helpdesk.ticket.get', { ID: MISSING }],
      ['helpdesk.ticket.add', { FIELDS: { TITLE: 'x', COMPANY_ID: alfa.id } }],
      ['helpdesk.ticket.comment.add', { TICKET_ID: d.alfa.ticket, FIELDS: { POST_MESSAGE: 'x' } }],
      ['helpdesk.ticket.comment.list', { TICKET_ID: d.alfa.ticket }],
      ['helpdesk.ticket.accept', { ID: d.alfa.ticket }],
    ])
      for (const who of [xena, xena.hook]) {
        const r = await who.call(method, params)
        denied(r)
        assert.ok(!r.text.includes('Альфа'), r.text)
      }
    assert.equal(ok(await xena.call('helpdesk.settings.get')).ROLE, 'none')
  })
})

describe('a client sees nothing of the portal outside the desk', () => {
  test('only themselves among the people, no task, no group, no department', async () => {
    const { alfa } = d
    const klara = alfa.klara
    // The studio works the ticket in a task of its own.
    const task = ok(
      await d.dev.call('tasks.task.add', {
        fields: { TITLE: unique('Внутренняя задача'), RESPONSIBLE_ID: d.dev.id },
      }),
    ).task
    ok(
      await d.dev.call('helpdesk.ticket.update', {
        ID: d.alfa.ticket,
        FIELDS: { TASK_ID: task.id },
      }),
    )
    ok(await d.dev.call('task.commentitem.add', positional(task.id, { POST_MESSAGE: 'внутри' })))
    for (const who of [klara, klara.hook]) {
      const people = ok(await who.call('user.get', {})).map((u) => Number(u.ID))
      assert.deepEqual(people, [klara.id])
      assert.deepEqual(ok(await who.call('user.get', { ID: d.manager.id })), [])
      assert.deepEqual(ok(await who.call('user.get', { ID: alfa.kirill.id })), [])
      assert.deepEqual(
        ok(await who.call('user.search', {})).map((u) => Number(u.ID)),
        [klara.id],
      )
      assert.deepEqual(ok(await who.call('tasks.task.list', {})).tasks, [])
      assert.deepEqual(ok(await who.call('tasks.task.get', { taskId: task.id })), [])
      assert.deepEqual(ok(await who.call('sonet_group.get', {})), [])
      assert.deepEqual(ok(await who.call('sonet_group.user.groups', {})), [])
      assert.deepEqual(ok(await who.call('department.get', {})), [])
    }
    // The ticket still tells her who works on it.
    const t = await d.get(klara, d.alfa.ticket)
    assert.equal(t.RESPONSIBLE_NAME, 'Людмила Садовникова')
    assert.equal(t.TASK_ID, String(task.id))
  })
})
