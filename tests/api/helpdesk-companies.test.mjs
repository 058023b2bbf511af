// The ticket desk's client companies, their sites and contacts (M1, M2): helpdesk.company.*,
// helpdesk.site.*, helpdesk.contact.* — the objects, filters and order, bad fields refused with
// the field named and nothing changed, site URLs, a site with tickets kept; a new contact gets
// an e-mail at a real SMTP server with the login and password, logs in with them and is a
// client of their company.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { email, fails, ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { badField, credentialsIn, desk, MISSING, notFound, unique } from '../support/helpdesk.mjs'
import { login } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'

let smtp
let portal
let d

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({
    smtp,
    portalName: 'Сетевые Решения',
    mailFrom: 'support@studio.test',
  })
  d = await desk(portal)
})

after(async () => {
  await portal?.stop()
  await smtp?.stop()
})

const company = async (who, id) => ok(await who.call('helpdesk.company.get', { ID: id }))
const companies = async (who, params = {}) => ok(await who.call('helpdesk.company.list', params))
const sites = async (who, COMPANY_ID) =>
  ok(await who.call('helpdesk.site.list', { FILTER: { COMPANY_ID } }))
const contacts = async (who, FILTER = {}) => ok(await who.call('helpdesk.contact.list', { FILTER }))
const noUser = async (address) =>
  assert.deepEqual(ok(await d.admin.call('user.get', { FILTER: { EMAIL: address } })), [])

describe('helpdesk.company.add, get, update, list', () => {
  test('the studio adds a company; get returns every field of it', async () => {
    const TITLE = unique('ООО Гамма')
    const group = ok(await d.dev.call('sonet_group.create', { NAME: unique('Проект Гаммы') }))
    const id = await d.company(
      { TITLE, RESPONSIBLE_ID: d.dev.id, GROUP_ID: group, COMMENTS: 'Договор № 7' },
      d.olga,
    )
    const c = await company(d.manager, id)
    assert.equal(c.ID, String(id))
    assert.equal(c.TITLE, TITLE)
    assert.equal(c.RESPONSIBLE_ID, String(d.dev.id))
    assert.equal(c.GROUP_ID, String(group))
    assert.equal(c.COMMENTS, 'Договор № 7')
    assert.deepEqual(c.SITES, [])
    assert.equal(Number(c.CONTACTS_COUNT), 0)
    assert.equal(Number(c.TICKETS_OPEN), 0)
    assert.match(c.CREATED_AT, ISO_WITH_OFFSET)
    assert.match(c.UPDATED_AT, ISO_WITH_OFFSET)
    // `fields` in lower case is the same parameter.
    const lower = ok(
      await d.manager.call('helpdesk.company.add', { fields: { TITLE: `${TITLE} 2` } }),
    )
    assert.equal((await company(d.manager, lower)).TITLE, `${TITLE} 2`)
  })

  test('SITES, CONTACTS_COUNT and TICKETS_OPEN follow the sites, contacts and open tickets', async () => {
    const { alfa } = d
    const c = await company(d.olga, alfa.id)
    assert.deepEqual(c.SITES, [
      { ID: String(alfa.sites[0]), URL: 'https://alfa.test' },
      { ID: String(alfa.sites[1]), URL: 'https://shop.alfa.test' },
    ])
    assert.equal(Number(c.CONTACTS_COUNT), 2)
    const open = Number(c.TICKETS_OPEN)
    const a = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[0] })
    const b = await d.ticket(alfa.klara, { SITE_ID: alfa.sites[1] })
    assert.equal(Number((await company(d.olga, alfa.id)).TICKETS_OPEN), open + 2)
    await d.status(a, 'WAITING_ACCEPTANCE')
    ok(await alfa.klara.call('helpdesk.ticket.accept', { ID: a }))
    await d.status(b, 'NEED_INFO')
    assert.equal(
      Number((await company(d.olga, alfa.id)).TICKETS_OPEN),
      open + 1,
      'an accepted ticket is closed; one waiting for the client is open',
    )
  })

  test('update changes the fields it is given and keeps the others', async () => {
    const id = await d.company({ TITLE: unique('ООО Дельта'), COMMENTS: 'старый договор' })
    assert.equal(
      ok(
        await d.dev.call('helpdesk.company.update', {
          ID: id,
          FIELDS: { TITLE: 'ООО «Дельта Плюс»', RESPONSIBLE_ID: d.dev.id },
        }),
      ),
      true,
    )
    const c = await company(d.manager, id)
    assert.equal(c.TITLE, 'ООО «Дельта Плюс»')
    assert.equal(c.RESPONSIBLE_ID, String(d.dev.id))
    assert.equal(c.COMMENTS, 'старый договор')
    ok(await d.manager.call('helpdesk.company.update', { ID: id, fields: { COMMENTS: '' } }))
    assert.equal((await company(d.manager, id)).COMMENTS, '')
    assert.equal((await company(d.manager, id)).TITLE, 'ООО «Дельта Плюс»')
  })

  test('list: every company for the studio, filters, order, total', async () => {
    const tag = unique('Фильтр')
    const ids = []
    for (const suffix of ['Б', 'А', 'В'])
      ids.push(await d.company({ TITLE: `${tag} ${suffix}`, RESPONSIBLE_ID: d.olga.id }))
    const r = await d.dev.call('helpdesk.company.list', {
      FILTER: { '%TITLE': tag },
      ORDER: { TITLE: 'ASC' },
    })
    assert.deepEqual(
      ok(r).map((c) => c.TITLE),
      [`${tag} А`, `${tag} Б`, `${tag} В`],
    )
    assert.equal(r.body.total, 3)
    const desc = await companies(d.dev, { FILTER: { '%TITLE': tag }, ORDER: { ID: 'DESC' } })
    assert.deepEqual(
      desc.map((c) => Number(c.ID)),
      [...ids].reverse(),
    )
    const byPerson = await companies(d.dev, { FILTER: { RESPONSIBLE_ID: d.olga.id } })
    assert.deepEqual(
      byPerson.map((c) => Number(c.ID)).sort((a, b) => a - b),
      ids,
    )
    const one = await companies(d.dev, { FILTER: { ID: ids[1] } })
    assert.deepEqual(
      one.map((c) => c.TITLE),
      [`${tag} А`],
    )
    const after = await companies(d.dev, { FILTER: { '>ID': ids[0], '%TITLE': tag } })
    assert.deepEqual(
      after.map((c) => Number(c.ID)).sort((a, b) => a - b),
      ids.slice(1),
    )
    const all = (await companies(d.manager)).map((c) => Number(c.ID))
    for (const id of [d.alfa.id, d.beta.id, ...ids]) assert.ok(all.includes(id), `${id} in ${all}`)
  })

  test('bad fields: 400 ERROR_ARGUMENT naming the field, and no company added', async () => {
    const count = async () => (await d.admin.call('helpdesk.company.list', {})).body.total
    const before = await count()
    const add = (FIELDS) => d.manager.call('helpdesk.company.add', { FIELDS })
    badField(await add({}), 'TITLE')
    badField(await add({ TITLE: '   ' }), 'TITLE')
    badField(await add({ TITLE: ['a'] }), 'TITLE')
    badField(await add({ TITLE: 'x', RESPONSIBLE_ID: d.xena.id }), 'RESPONSIBLE_ID')
    badField(await add({ TITLE: 'x', RESPONSIBLE_ID: d.alfa.klara.id }), 'RESPONSIBLE_ID')
    badField(await add({ TITLE: 'x', RESPONSIBLE_ID: MISSING }), 'RESPONSIBLE_ID')
    badField(await add({ TITLE: 'x', RESPONSIBLE_ID: 'someone' }), 'RESPONSIBLE_ID')
    badField(await add({ TITLE: 'x', GROUP_ID: MISSING }), 'GROUP_ID')
    assert.equal(await count(), before)

    const id = await d.company({ TITLE: unique('ООО Эпсилон') })
    const update = (FIELDS, ID = id) => d.manager.call('helpdesk.company.update', { ID, FIELDS })
    badField(await update({ TITLE: '' }), 'TITLE')
    badField(await update({ RESPONSIBLE_ID: MISSING }), 'RESPONSIBLE_ID')
    notFound(await update({ TITLE: 'x' }, MISSING))
    notFound(await d.manager.call('helpdesk.company.get', { ID: MISSING }))
    fails(await d.manager.call('helpdesk.company.get', {}), 400)
    assert.equal((await company(d.manager, id)).RESPONSIBLE_ID, String(d.manager.id))
  })
})

describe('helpdesk.site.add, list, delete', () => {
  test('the studio adds the sites of a company; list gives them by company, in order', async () => {
    const id = await d.company()
    const a = await d.site(id, 'http://old.example.test', d.dev)
    const b = await d.site(id, 'https://new.example.test/shop')
    assert.deepEqual(await sites(d.olga, id), [
      { ID: String(a), COMPANY_ID: String(id), URL: 'http://old.example.test' },
      { ID: String(b), COMPANY_ID: String(id), URL: 'https://new.example.test/shop' },
    ])
    const one = ok(await d.olga.call('helpdesk.site.list', { FILTER: { ID: b } }))
    assert.deepEqual(
      one.map((s) => s.URL),
      ['https://new.example.test/shop'],
    )
    const desc = ok(
      await d.olga.call('helpdesk.site.list', {
        FILTER: { COMPANY_ID: id },
        ORDER: { ID: 'DESC' },
      }),
    )
    assert.deepEqual(
      desc.map((s) => Number(s.ID)),
      [b, a],
    )
    const byUrl = ok(await d.olga.call('helpdesk.site.list', { FILTER: { '%URL': 'old.example' } }))
    assert.ok(byUrl.some((s) => Number(s.ID) === a))
    assert.ok(!byUrl.some((s) => Number(s.ID) === b))
    assert.equal(
      ok(await d.olga.call('helpdesk.site.list', { FILTER: { COMPANY_ID: id } })).length,
      (await company(d.olga, id)).SITES.length,
    )
  })

  test('a site URL is http:// or https:// with a host; anything else is 400 naming URL', async () => {
    const id = await d.company()
    for (const URL of [
      '',
      'alfa.test',
      'ftp://alfa.test',
      'javascript:alert(1)',
      'http://',
      'https:// spaces.test',
      ['https://a.test'],
    ])
      badField(
        await d.manager.call('helpdesk.site.add', { FIELDS: { COMPANY_ID: id, URL } }),
        'URL',
      )
    badField(await d.manager.call('helpdesk.site.add', { FIELDS: { COMPANY_ID: id } }), 'URL')
    badField(
      await d.manager.call('helpdesk.site.add', { FIELDS: { URL: 'https://a.test' } }),
      'COMPANY_ID',
    )
    const missing = await d.manager.call('helpdesk.site.add', {
      FIELDS: { COMPANY_ID: MISSING, URL: 'https://a.test' },
    })
    fails(missing, 400, ['ERROR_ARGUMENT', 'ERROR_NOT_FOUND'])
    assert.deepEqual(await sites(d.manager, id), [])
  })

  test('a site named by a ticket is kept (SITE_HAS_TICKETS); without tickets it is deleted', async () => {
    const c = await d.client({
      sites: ['https://one.test', 'https://two.test', 'https://three.test'],
      contacts: [{ NAME: 'Сергей' }],
    })
    const [one, two, three] = c.sites
    assert.equal(ok(await d.manager.call('helpdesk.site.delete', { ID: three })), true)
    assert.deepEqual(
      (await sites(d.manager, c.id)).map((s) => Number(s.ID)),
      [one, two],
    )
    const t = await d.ticket(c.contacts[0], { SITE_ID: one })
    fails(await d.manager.call('helpdesk.site.delete', { ID: one }), 400, 'SITE_HAS_TICKETS')
    assert.deepEqual(
      (await company(d.manager, c.id)).SITES.map((s) => Number(s.ID)),
      [one, two],
    )
    assert.equal((await d.get(d.manager, t)).SITE_ID, String(one))
    // The ticket moves to the other site: the first one may go.
    ok(await d.manager.call('helpdesk.ticket.update', { ID: t, FIELDS: { SITE_ID: two } }))
    assert.equal(ok(await d.manager.call('helpdesk.site.delete', { ID: one })), true)
    fails(await d.manager.call('helpdesk.site.delete', { ID: two }), 400, 'SITE_HAS_TICKETS')
    notFound(await d.manager.call('helpdesk.site.delete', { ID: MISSING }))
    notFound(await d.manager.call('helpdesk.site.delete', { ID: one }))
  })
})

describe('helpdesk.contact.add and list: the client’s login (M1)', () => {
  test('a new contact gets the login and a password by e-mail, logs in and is a client of the company', async () => {
    const address = email('newcontact')
    const id = ok(
      await d.manager.call('helpdesk.contact.add', {
        FIELDS: {
          COMPANY_ID: d.beta.id,
          EMAIL: address,
          NAME: 'Вера',
          LAST_NAME: 'Бетова',
          PERSONAL_PHONE: '+7 900 000-00-01',
        },
      }),
    )
    assert.equal(typeof id, 'number')
    const message = await smtp.waitFor((m) => m.to.includes(address), 15000)
    assert.equal(message.from, 'support@studio.test')
    const { password } = credentialsIn(message, address)
    assert.ok(message.text.includes(portal.url), `the e-mail links the portal:\n${message.text}`)
    const r = await login(portal.url, address, password)
    assert.ok(r.session, `artel.login with the e-mailed password: ${r.text}`)
    const me = ok(await r.session.call('user.current'))
    assert.equal(me.ID, String(id))
    assert.equal(me.USER_TYPE, 'extranet')
    assert.equal(me.NAME, 'Вера')
    const s = ok(await r.session.call('helpdesk.settings.get'))
    assert.equal(s.ROLE, 'client')
    assert.equal(String(s.COMPANY_ID), String(d.beta.id))
    const [row] = await contacts(d.manager, { ID: id })
    assert.deepEqual(row, {
      ID: String(id),
      COMPANY_ID: String(d.beta.id),
      NAME: 'Вера',
      LAST_NAME: 'Бетова',
      EMAIL: address,
      PERSONAL_PHONE: '+7 900 000-00-01',
      ACTIVE: 'Y',
    })
    // A wrong password is still refused.
    assert.equal((await login(portal.url, address, `${password}-not`)).session, null)
  })

  test('a password chosen by the studio is the one the e-mail carries', async () => {
    const address = email('chosen')
    const count = Number((await company(d.manager, d.alfa.id)).CONTACTS_COUNT)
    const c = await d.contact(d.alfa.id, { EMAIL: address, PASSWORD: 'Chosen-secret-77' })
    const message = await smtp.waitFor((m) => m.to.includes(address), 15000)
    assert.equal(credentialsIn(message, address).password, 'Chosen-secret-77')
    const s = ok(await c.session.call('helpdesk.settings.get'))
    assert.equal(s.ROLE, 'client')
    assert.equal(String(s.COMPANY_ID), String(d.alfa.id))
    assert.equal(Number((await company(d.manager, d.alfa.id)).CONTACTS_COUNT), count + 1)
  })

  test('list: by company and e-mail; a client lists the contacts of their own company', async () => {
    const { alfa, beta } = d
    const ofAlfa = (await contacts(d.dev, { COMPANY_ID: alfa.id })).map((c) => Number(c.ID))
    assert.ok(ofAlfa.includes(alfa.klara.id) && ofAlfa.includes(alfa.kirill.id), `${ofAlfa}`)
    assert.ok(!ofAlfa.includes(beta.boris.id))
    const byMail = await contacts(d.dev, { EMAIL: alfa.kirill.email })
    assert.deepEqual(
      byMail.map((c) => [Number(c.ID), c.NAME, c.LAST_NAME]),
      [[alfa.kirill.id, 'Кирилл', 'Альфин']],
    )
    const seen = (await contacts(alfa.kirill)).map((c) => Number(c.ID))
    assert.deepEqual(seen, ofAlfa)
    const desc = ok(
      await d.dev.call('helpdesk.contact.list', {
        FILTER: { COMPANY_ID: alfa.id },
        ORDER: { ID: 'DESC' },
      }),
    ).map((c) => Number(c.ID))
    assert.deepEqual(
      desc,
      [...ofAlfa].sort((a, b) => b - a),
    )
  })

  test('bad fields: 400 naming the field, and no person made', async () => {
    const add = (FIELDS) => d.manager.call('helpdesk.contact.add', { FIELDS })
    const fields = () => ({ COMPANY_ID: d.beta.id, EMAIL: email('bad'), NAME: 'Нет' })
    for (const [change, field] of [
      [{ COMPANY_ID: undefined }, 'COMPANY_ID'],
      [{ EMAIL: undefined }, 'EMAIL'],
      [{ EMAIL: 'not-an-address' }, 'EMAIL'],
      [{ NAME: undefined }, 'NAME'],
      [{ NAME: '  ' }, 'NAME'],
      [{ PASSWORD: '1' }, 'PASSWORD'],
    ]) {
      const f = { ...fields(), ...change }
      badField(await add(f), field)
      if (f.EMAIL && f.EMAIL.includes('@')) await noUser(f.EMAIL)
    }
    const missing = fields()
    fails(await add({ ...missing, COMPANY_ID: MISSING }), 400, [
      'ERROR_ARGUMENT',
      'ERROR_NOT_FOUND',
    ])
    await noUser(missing.EMAIL)
    // The address of a person the portal already has.
    const taken = await add({ ...fields(), EMAIL: d.dev.email })
    fails(taken, 400)
    assert.equal(
      ok(await d.admin.call('user.get', { FILTER: { EMAIL: d.dev.email } })).length,
      1,
      'the employee is left as they were',
    )
    assert.deepEqual(await contacts(d.manager, { EMAIL: d.dev.email }), [])
  })
})
