// The client ticket desk for the API tests (M1–M7, seed 004): a studio of employees and client
// companies with their sites and contacts, who log in with the password they were given.
//
//   const d = await desk(portal)
//   d.manager, d.dev, d.olga          employees: the companies' responsible, a developer, another
//   d.alfa  { id, title, sites: [id, id], klara, kirill }   two sites, two contacts
//   d.beta  { id, title, sites: [id], boris }                one site, one contact
//   d.xena                            an extranet person of a workgroup, no contact
//   const id = await d.ticket(d.alfa.klara, { TITLE: 'x', SITE_ID: d.alfa.sites[0] })
//   const t = await d.get(d.manager, id)
//
// Employees call through their webhooks (scope helpdesk and the rest), contacts through their
// browser sessions, as the web client does; each person also has `hook` and `session`.
import assert from 'node:assert/strict'

import { email, fails, ok } from './expect.mjs'
import { show } from './rest.mjs'

export const HD_SCOPES = ['helpdesk', 'task', 'user', 'department', 'im', 'sonet_group']
export const STATUSES = ['QUEUE', 'IN_WORK', 'NEED_INFO', 'WAITING_ACCEPTANCE', 'ACCEPTED']
export const MISSING = 99999700

let counter = 0
// A unique text for titles, so that the tests of a file never find each other's tickets.
export function unique(what = 'Тикет') {
  return `${what} ${process.pid}-${++counter}`
}

// A 400 ERROR_ARGUMENT that names the field (in `argument` or in the description).
export function badField(r, field) {
  const body = fails(r, 400, 'ERROR_ARGUMENT')
  assert.ok(
    String(body.argument ?? '').includes(field) || body.error_description.includes(field),
    `the error should name ${field}: ${JSON.stringify(body)}`,
  )
  return body
}

export const notFound = (r) => fails(r, 400, 'ERROR_NOT_FOUND')
// A field naming an object that does not exist, or that the caller may not see (a site,
// contact, company or task of another company): 400, as for a missing object.
export const badRef = (r, codes = []) =>
  fails(r, 400, ['ERROR_NOT_FOUND', 'ERROR_ARGUMENT', ...codes])
export const denied = (r) => fails(r, 403, 'ACCESS_DENIED')

// The credentials in the e-mail a new contact receives: the login (their e-mail address) and
// the password, on a line that names it.
export function credentialsIn(message, address) {
  const text = message.text ?? ''
  assert.ok(text.includes(address), `the e-mail names the login ${address}:\n${text}`)
  const m = /(?:пароль|password|parola|parolă)[^:\n]*:\s*(\S+)/i.exec(text)
  assert.ok(m, `the e-mail names the password:\n${text}`)
  return { login: address, password: m[1] }
}

export async function desk(portal) {
  const adminSession = await portal.admin()
  const adminHook = await portal.hook(HD_SCOPES)
  const admin = {
    id: portal.adminId,
    email: portal.adminEmail,
    session: adminSession,
    hook: adminHook,
    call: (method, params, opts) => adminHook.call(method, params, opts),
  }

  const employee = async (NAME, LAST_NAME) => {
    const p = await portal.addEmployee({ NAME, LAST_NAME })
    p.name = `${NAME} ${LAST_NAME}`
    p.hook = await portal.hook(HD_SCOPES, { user: p.id })
    p.call = (method, params, opts) => p.hook.call(method, params, opts)
    return p
  }
  const manager = await employee('Людмила', 'Садовникова')
  const dev = await employee('Павел', 'Разработчик')
  const olga = await employee('Ольга', 'Сотрудница')

  const d = {
    portal,
    admin,
    manager,
    dev,
    olga,

    // helpdesk.company.add as `who` (the manager by default); resolves to the new id.
    async company(fields = {}, who = manager) {
      const r = await who.call('helpdesk.company.add', {
        FIELDS: { TITLE: unique('ООО Клиент'), RESPONSIBLE_ID: manager.id, ...fields },
      })
      const id = ok(r)
      assert.equal(typeof id, 'number', show(r))
      return id
    },

    async site(companyId, URL, who = manager) {
      const r = await who.call('helpdesk.site.add', { FIELDS: { COMPANY_ID: companyId, URL } })
      const id = ok(r)
      assert.equal(typeof id, 'number', show(r))
      return id
    },

    // helpdesk.contact.add with a password; the contact logs in with it. Resolves to the person.
    async contact(companyId, fields = {}, who = manager) {
      const address = fields.EMAIL ?? email('contact')
      const password = fields.PASSWORD ?? 'Contact-secret-1'
      const r = await who.call('helpdesk.contact.add', {
        FIELDS: {
          COMPANY_ID: companyId,
          NAME: 'Контакт',
          LAST_NAME: 'Клиентский',
          ...fields,
          EMAIL: address,
          PASSWORD: password,
        },
      })
      const id = ok(r)
      assert.equal(typeof id, 'number', show(r))
      const p = {
        id,
        email: address,
        password,
        companyId,
        name: `${fields.NAME ?? 'Контакт'} ${fields.LAST_NAME ?? 'Клиентский'}`,
      }
      p.session = await portal.login(address, password)
      p.hook = await portal.hook(HD_SCOPES, { user: id })
      p.call = (method, params, opts) => p.session.call(method, params, opts)
      return p
    },

    // A company with its sites and contacts: { id, title, sites: [ids], contacts: [persons] }.
    async client({ title = unique('ООО Клиент'), sites = [], contacts = [], fields = {} } = {}) {
      const id = await d.company({ TITLE: title, ...fields })
      const c = { id, title, sites: [], contacts: [] }
      for (const url of sites) c.sites.push(await d.site(id, url))
      for (const person of contacts) c.contacts.push(await d.contact(id, person))
      return c
    },

    // helpdesk.ticket.add as `who`; resolves to the new id.
    async ticket(who, fields = {}) {
      const r = await who.call('helpdesk.ticket.add', { FIELDS: { TITLE: unique(), ...fields } })
      const id = ok(r)
      assert.equal(typeof id, 'number', show(r))
      return id
    },

    async get(who, id) {
      const t = ok(await who.call('helpdesk.ticket.get', { ID: id }))
      assert.equal(t.ID, String(id))
      return t
    },

    // helpdesk.ticket.list as `who`: { rows, ids, total, next }.
    async list(who, params = {}) {
      const r = await who.call('helpdesk.ticket.list', params)
      const rows = ok(r)
      assert.ok(Array.isArray(rows), show(r))
      return { rows, ids: rows.map((t) => Number(t.ID)), total: r.body.total, next: r.body.next }
    },

    async status(id, STATUS, who = manager) {
      assert.equal(ok(await who.call('helpdesk.ticket.status.set', { ID: id, STATUS })), true)
    },

    async comment(who, ticketId, POST_MESSAGE, extra = {}) {
      const r = await who.call('helpdesk.ticket.comment.add', {
        TICKET_ID: ticketId,
        FIELDS: { POST_MESSAGE, ...extra },
      })
      const id = ok(r)
      assert.equal(typeof id, 'number', show(r))
      return id
    },

    async comments(who, ticketId) {
      const rows = ok(await who.call('helpdesk.ticket.comment.list', { TICKET_ID: ticketId }))
      assert.ok(Array.isArray(rows), JSON.stringify(rows))
      return rows
    },
  }

  const alfa = await d.client({
    title: 'ООО Альфа',
    sites: ['https://alfa.test', 'https://shop.alfa.test'],
    contacts: [
      { NAME: 'Клара', LAST_NAME: 'Альфина' },
      { NAME: 'Кирилл', LAST_NAME: 'Альфин' },
    ],
  })
  ;[alfa.klara, alfa.kirill] = alfa.contacts
  const beta = await d.client({
    title: 'ООО Бета',
    sites: ['https://beta.test'],
    contacts: [{ NAME: 'Борис', LAST_NAME: 'Бетов' }],
  })
  ;[beta.boris] = beta.contacts
  d.alfa = alfa
  d.beta = beta

  // An extranet person in a workgroup of the studio, who is no company's contact.
  const xAddress = email('xena')
  const xId = ok(
    await adminSession.call('user.add', {
      EMAIL: xAddress,
      PASSWORD: 'Extra-secret-1',
      EXTRANET: 'Y',
      NAME: 'Xena',
      LAST_NAME: 'Extranet',
    }),
  )
  const gid = ok(await dev.call('sonet_group.create', { NAME: unique('Проект'), IS_EXTRANET: 'Y' }))
  ok(await dev.call('sonet_group.user.add', { GROUP_ID: gid, USER_ID: [xId] }))
  d.xena = { id: xId, email: xAddress, group: gid }
  d.xena.session = await portal.login(xAddress, 'Extra-secret-1')
  d.xena.hook = await portal.hook(HD_SCOPES, { user: xId })
  d.xena.call = (method, params, opts) => d.xena.session.call(method, params, opts)
  return d
}
