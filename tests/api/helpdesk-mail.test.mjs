// Who hears of a ticket (M4, M5): NEED_INFO and WAITING_ACCEPTANCE tell the ticket's contact in
// the bell (im.notify.get) and by e-mail at a real SMTP server (event helpdesk|ticket_action,
// e-mail on by default; the digest runs with ARTEL_JOBS_SCALE=60); the responsible person hears
// of a client's new ticket, comments and acceptance; the live message helpdesk.ticket reaches
// the company's contacts and the employees, never a client of another company.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { desk, HD_SCOPES, unique } from '../support/helpdesk.mjs'
import { openLive } from '../support/live.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'

let smtp
let portal
let d
const sockets = []

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({
    smtp,
    portalName: 'Сетевые Решения',
    env: { ARTEL_JOBS_SCALE: '60' },
  })
  d = await desk(portal)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
  await smtp?.stop()
})

// The ticket desk's entries in a person's bell.
const bell = async (who) =>
  ok(await who.call('im.notify.get', {})).notifications.filter(
    (n) => n.notify_module === 'helpdesk',
  )
// How many ticket-desk notices a person has had (grouped entries count each notice).
const heard = async (who) => (await bell(who)).reduce((sum, n) => sum + n.notify_count, 0)

// A company of its own with a responsible employee of its own and one contact, so that their
// bells and inboxes hold only this test's notices.
async function client() {
  const responsible = await portal.addEmployee({
    NAME: 'Роман',
    LAST_NAME: unique('Ответственный'),
  })
  responsible.hook = await portal.hook(HD_SCOPES, { user: responsible.id })
  responsible.call = (method, params, opts) => responsible.hook.call(method, params, opts)
  const c = await d.client({
    sites: ['https://own.test'],
    contacts: [{ NAME: 'Нина', LAST_NAME: 'Клиентова' }],
    fields: { RESPONSIBLE_ID: responsible.id },
  })
  return { ...c, responsible, contact: c.contacts[0] }
}

describe('the contact is told when they must act (M4)', () => {
  for (const status of ['NEED_INFO', 'WAITING_ACCEPTANCE'])
    test(`${status}: a notice in the contact's bell and an e-mail naming the ticket`, async () => {
      const c = await client()
      const TITLE = unique('Форма обратной связи')
      const id = await d.ticket(c.contact, { TITLE })
      assert.deepEqual(await bell(c.contact), [])
      await d.status(id, status, d.dev)
      const [n] = await bell(c.contact)
      assert.ok(n, 'the contact has a notice')
      assert.equal(n.notify_event, 'ticket_action')
      assert.equal(n.setting_name, 'helpdesk|ticket_action')
      assert.ok(n.text.includes(TITLE), n.text)
      assert.equal(n.notify_read, 'N')
      assert.ok(n.notify_link.includes(String(id)), n.notify_link)
      const mail = await smtp.waitFor(
        (m) => m.to.includes(c.contact.email) && m.text.includes(TITLE),
        30000,
      )
      assert.ok(mail.subject.includes('Сетевые Решения'), mail.subject)
      assert.ok(mail.text.includes(portal.url), `the e-mail links the portal:\n${mail.text}`)
      assert.ok(mail.html.includes(TITLE), mail.html)
    })

  test('the event is in the contact’s settings, in the bell and by e-mail by default', async () => {
    const c = await client()
    const rows = ok(await c.contact.call('artel.notify.settings.get'))
    const row = rows.find((r) => r.MODULE === 'helpdesk' && r.EVENT === 'ticket_action')
    assert.ok(row, JSON.stringify(rows))
    assert.equal(row.PORTAL, 'Y')
    assert.equal(row.EMAIL, 'Y')
  })

  test('switched off by e-mail: the bell still has it, the inbox does not', async () => {
    const c = await client()
    ok(
      await c.contact.call('artel.notify.settings.set', {
        SETTINGS: [{ MODULE: 'helpdesk', EVENT: 'ticket_action', EMAIL: 'N' }],
      }),
    )
    const quiet = unique('Без письма')
    await d.status(await d.ticket(c.contact, { TITLE: quiet }), 'NEED_INFO')
    assert.ok((await bell(c.contact)).some((n) => n.text.includes(quiet)))
    ok(
      await c.contact.call('artel.notify.settings.set', {
        SETTINGS: [{ MODULE: 'helpdesk', EVENT: 'ticket_action', EMAIL: 'Y' }],
      }),
    )
    const loud = unique('С письмом')
    await d.status(await d.ticket(c.contact, { TITLE: loud }), 'WAITING_ACCEPTANCE')
    const mail = await smtp.waitFor(
      (m) => m.to.includes(c.contact.email) && m.text.includes(loud),
      30000,
    )
    assert.ok(!mail.text.includes(quiet))
    assert.ok(!smtp.messages.some((m) => m.to.includes(c.contact.email) && m.text.includes(quiet)))
  })
})

describe('the responsible person is told (M5)', () => {
  test('of a new ticket from a client; nobody else of the studio is', async () => {
    const c = await client()
    const before = await heard(d.olga)
    const TITLE = unique('Новый тикет')
    await d.ticket(c.contact, { TITLE })
    const [n] = await bell(c.responsible)
    assert.ok(n, 'the responsible has a notice')
    assert.ok(n.text.includes(TITLE), n.text)
    assert.equal(await heard(d.olga), before)
  })

  test('of a client’s comment, not of their own', async () => {
    const c = await client()
    const id = await d.ticket(c.contact, {})
    const before = await heard(c.responsible)
    await d.comment(c.contact, id, 'Добавлю подробностей')
    assert.equal(await heard(c.responsible), before + 1)
    await d.comment(c.responsible, id, 'Спасибо, учтём')
    assert.equal(await heard(c.responsible), before + 1)
  })

  test('of remarks that send the work back, and of the acceptance', async () => {
    const c = await client()
    const TITLE = unique('Приёмка')
    const id = await d.ticket(c.contact, { TITLE })
    await d.status(id, 'WAITING_ACCEPTANCE', c.responsible)
    const before = await heard(c.responsible)
    await d.comment(c.contact, id, 'Не работает на телефоне')
    assert.equal((await d.get(c.responsible, id)).STATUS, 'IN_WORK')
    assert.equal(await heard(c.responsible), before + 1)
    await d.status(id, 'WAITING_ACCEPTANCE', c.responsible)
    ok(await c.contact.call('helpdesk.ticket.accept', { ID: id }))
    assert.equal(await heard(c.responsible), before + 2)
    const entries = await bell(c.responsible)
    assert.ok(
      entries.some((n) => n.text.includes(TITLE)),
      JSON.stringify(entries),
    )
  })
})

describe('live: helpdesk.ticket on /ws', () => {
  test('reaches the company’s contacts and the employees, never another company’s client', async () => {
    const { alfa, beta } = d
    const live = async (who) => openLive(portal, who.session, sockets)
    const [klara, kirill, manager, olga, boris, xena] = await Promise.all(
      [alfa.klara, alfa.kirill, d.manager, d.olga, beta.boris, d.xena].map(live),
    )
    const id = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    const of = (action) => (m) =>
      m.type === 'helpdesk.ticket' && String(m.data?.ID) === String(id) && m.data.ACTION === action
    const added = await manager.next(of('add'))
    assert.equal(String(added.data.COMPANY_ID), String(alfa.id))
    assert.equal(added.data.STATUS, 'QUEUE')
    await kirill.next(of('add'))
    await klara.next(of('add'))
    ok(await alfa.klara.call('helpdesk.ticket.update', { ID: id, FIELDS: { PRIORITY: 'HIGH' } }))
    await olga.next(of('update'))
    await d.status(id, 'NEED_INFO')
    const status = await klara.next(of('status'))
    assert.equal(status.data.STATUS, 'NEED_INFO')
    await d.comment(alfa.kirill, id, 'Ответ')
    const comment = await manager.next(of('comment'))
    assert.equal(comment.data.STATUS, 'IN_WORK')
    ok(await d.admin.call('helpdesk.ticket.delete', { ID: id }))
    for (const s of [klara, kirill, manager, olga]) await s.next(of('delete'))
    // The last message has reached the others; Beta's client and the outsider would have had
    // theirs by now.
    for (const s of [boris, xena])
      assert.deepEqual(
        s.messages.filter((m) => m.type === 'helpdesk.ticket'),
        [],
      )
    // Beta's client hears of Beta's tickets, and Alfa's contacts do not.
    const heardBefore = klara.messages.length
    const own = await d.ticket(beta.boris, {})
    const ofOwn = (m) => m.type === 'helpdesk.ticket' && String(m.data.ID) === String(own)
    await boris.next(ofOwn)
    await manager.next(ofOwn)
    assert.deepEqual(
      klara.messages.slice(heardBefore).filter((m) => m.type === 'helpdesk.ticket'),
      [],
    )
  })
})
