// Seed 004 ("Инструкция по работе в сервисе клиентской поддержки сайтов") end to end through
// the real npm clients: the studio makes a client company with two sites and a contact; the
// contact gets the login and password in the accompanying letter and logs in (step 1); creates
// a ticket — a short title, the site chosen of two, the contact filled in, the details, the
// desired date, files, the priority (steps 2–4); comments with a file (step 5); the studio asks
// for clarification («Требует уточнений») and the client answers; the work waits for acceptance
// («Ожидает приемку»), the client's remarks send it back, then the client accepts it («Принять
// работы»); the list shows every ticket with its status; the studio's hours, Mon–Fri 10–19.
//
// @2bad/bitrix over HTTP with webhooks for some steps, the official @bitrix24/b24jssdk over
// HTTPS (the helper process of sdk-process.mjs, with the test CA) for others, batch and
// callList included.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { Bitrix } from '@2bad/bitrix'

import { email, ok, PNG_1X1 } from '../support/expect.mjs'
import { credentialsIn } from '../support/helpdesk.mjs'
import { login } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'
import { startSdkProcess, twoBadFails } from './sdk-process.mjs'

const STUDIO = ['helpdesk', 'task', 'user', 'im']
const CLIENT = ['helpdesk', 'user']
const PORTAL = 'Сетевые Решения 2.0'

let smtp
let portal
let studioSdk
let clientSdk
// The studio: Людмила, the manager the instruction names; Павел, who does the work.
let lyuda
let pavel
// Мария of ООО «Ромашка», and Борис, the client of another company.
let maria
let boris
const state = {}

const sdkOk = async (process, as, req) => {
  const a = await process.request(as, req)
  assert.ok(a.ok, `${as} ${req.method ?? req.op}: ${JSON.stringify(a.error)}`)
  return a
}
const studio = (as, method, params) =>
  sdkOk(studioSdk, as, { op: 'call', method, params }).then((a) => a.result)
const client = (method, params) =>
  sdkOk(clientSdk, 'maria', { op: 'call', method, params }).then((a) => a.result)
const ticket = async (http, ID) => (await http.call('helpdesk.ticket.get', { ID })).result

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({
    tls: true,
    smtp,
    portalName: PORTAL,
    mailFrom: 'lgs@setere.test',
    env: { ARTEL_JOBS_SCALE: '60' },
  })
  const admin = await portal.hook(['helpdesk', 'user', 'department', 'portal'])
  ok(await admin.call('artel.settings.set', { fields: { TIME_ZONE: 'Europe/Moscow' } }))
  const dep = ok(await admin.call('department.add', { NAME: 'Поддержка сайтов', PARENT: 1 }))
  const person = async (NAME, LAST_NAME) => {
    const id = await portal.addUser({ NAME, LAST_NAME, UF_DEPARTMENT: [dep] })
    return { id, http: Bitrix(await portal.webhook(STUDIO, { user: id })) }
  }
  lyuda = await person('Людмила', 'Садовникова')
  pavel = await person('Павел', 'Разработчик')
  studioSdk = startSdkProcess(portal, {
    lyuda: await portal.webhook(STUDIO, { user: lyuda.id, https: true }),
    pavel: await portal.webhook(STUDIO, { user: pavel.id, https: true }),
  })
  // Борис of ООО «Бета» with a ticket of his own.
  const beta = ok(await admin.call('helpdesk.company.add', { FIELDS: { TITLE: 'ООО «Бета»' } }))
  ok(
    await admin.call('helpdesk.site.add', {
      FIELDS: { COMPANY_ID: beta, URL: 'https://beta.test' },
    }),
  )
  const bId = ok(
    await admin.call('helpdesk.contact.add', {
      FIELDS: {
        COMPANY_ID: beta,
        EMAIL: email('boris'),
        NAME: 'Борис',
        PASSWORD: 'Boris-secret-1',
      },
    }),
  )
  boris = { id: bId, http: Bitrix(await portal.webhook(CLIENT, { user: bId })) }
  const { result } = await boris.http.call('helpdesk.ticket.add', {
    FIELDS: { TITLE: 'Бета: обновить прайс' },
  })
  boris.ticket = result
})

after(async () => {
  clientSdk?.stop()
  studioSdk?.stop()
  await portal?.stop()
  await smtp?.stop()
})

describe('seed 004: the client ticket desk of a web studio', () => {
  test('2bad: the studio makes the client company with its two sites', async () => {
    const { result: id } = await lyuda.http.call('helpdesk.company.add', {
      FIELDS: { TITLE: 'ООО «Ромашка»', RESPONSIBLE_ID: lyuda.id, COMMENTS: 'Поддержка 20 ч/мес' },
    })
    assert.equal(typeof id, 'number')
    state.company = id
    state.sites = []
    for (const URL of ['https://romashka.test', 'https://shop.romashka.test']) {
      const { result } = await lyuda.http.call('helpdesk.site.add', {
        FIELDS: { COMPANY_ID: id, URL },
      })
      state.sites.push(result)
    }
    const { result: c } = await pavel.http.call('helpdesk.company.get', { ID: id })
    assert.deepEqual(
      c.SITES.map((s) => s.URL),
      ['https://romashka.test', 'https://shop.romashka.test'],
    )
    assert.equal(c.RESPONSIBLE_ID, String(lyuda.id))
  })

  test('SDK: the contact is added; the accompanying letter carries the login and a password', async () => {
    state.address = email('maria')
    state.mariaId = await studio('lyuda', 'helpdesk.contact.add', {
      FIELDS: {
        COMPANY_ID: state.company,
        EMAIL: state.address,
        NAME: 'Мария',
        LAST_NAME: 'Ромашкина',
        PERSONAL_PHONE: '+7 495 000-00-00',
      },
    })
    assert.equal(typeof state.mariaId, 'number')
    const letter = await smtp.waitFor((m) => m.to.includes(state.address), 15000)
    assert.equal(letter.from, 'lgs@setere.test')
    assert.ok(letter.subject.includes(PORTAL), letter.subject)
    state.password = credentialsIn(letter, state.address).password
  })

  test('step 1: the client logs in with her e-mail and the password; the desk knows her', async () => {
    const r = await login(portal.url, state.address, state.password)
    assert.ok(r.session, r.text)
    const s = ok(await r.session.call('helpdesk.settings.get'))
    assert.equal(s.ROLE, 'client')
    assert.equal(String(s.COMPANY_ID), String(state.company))
    // «ВРЕМЯ РАБОТЫ: ПН-ПТ с 10 до 19».
    assert.deepEqual(s.WORK_DAYS.map(Number), [1, 2, 3, 4, 5])
    assert.equal(s.WORK_FROM, '10:00')
    assert.equal(s.WORK_TO, '19:00')
    maria = {
      id: state.mariaId,
      session: r.session,
      http: Bitrix(await portal.webhook(CLIENT, { user: state.mariaId })),
    }
    clientSdk = startSdkProcess(portal, {
      maria: await portal.webhook(CLIENT, { user: state.mariaId, https: true }),
    })
    const { result: sites } = await maria.http.call('helpdesk.site.list', {})
    assert.deepEqual(
      sites.map((x) => Number(x.ID)),
      state.sites,
      'the site choice of the form',
    )
  })

  test('steps 2–4 (SDK): the ticket — title, site of two, contact filled in, details, date, files, priority', async () => {
    // With two sites the site must be chosen.
    const unchosen = await clientSdk.request('maria', {
      op: 'call',
      method: 'helpdesk.ticket.add',
      params: { FIELDS: { TITLE: 'Обновить баннер' } },
    })
    assert.equal(unchosen.ok, false)
    assert.ok(unchosen.error.codes.includes('ERROR_ARGUMENT'), JSON.stringify(unchosen.error))
    state.ticket = await client('helpdesk.ticket.add', {
      FIELDS: {
        TITLE: 'Обновить баннер на главной',
        SITE_ID: state.sites[1],
        DESCRIPTION: 'Заменить баннер на https://shop.romashka.test/ — макет во вложении',
        DESIRED_DATE: '2031-06-04',
        PRIORITY: 'HIGH',
        FILES: [['maket.png', PNG_1X1]],
      },
    })
    assert.equal(typeof state.ticket, 'number')
    // Step 4: the card of the new ticket.
    const t = await client('helpdesk.ticket.get', { ID: state.ticket })
    assert.equal(t.TITLE, 'Обновить баннер на главной')
    assert.equal(t.SITE_URL, 'https://shop.romashka.test')
    assert.equal(t.CONTACT_ID, String(maria.id))
    assert.equal(t.CONTACT_NAME, 'Мария Ромашкина')
    assert.equal(t.DESIRED_DATE, '2031-06-04T19:00:00+03:00', 'the end of that working day')
    assert.equal(t.DESIRED_DATE_OUTSIDE_HOURS, 'N')
    assert.equal(t.PRIORITY, 'HIGH')
    assert.equal(t.STATUS, 'QUEUE')
    assert.equal(t.RESPONSIBLE_ID, String(lyuda.id))
    assert.deepEqual(
      t.FILES.map((f) => f.name),
      ['maket.png'],
    )
    // The studio hears of it.
    const { result: bell } = await lyuda.http.call('im.notify.get', {})
    assert.ok(
      bell.notifications.some(
        (n) => n.notify_module === 'helpdesk' && n.text.includes('Обновить баннер на главной'),
      ),
      JSON.stringify(bell.notifications),
    )
  })

  test('step 5 (2bad): the client adds a comment with a file; both sides read it', async () => {
    const { result } = await maria.http.call('helpdesk.ticket.comment.add', {
      TICKET_ID: state.ticket,
      FIELDS: { POST_MESSAGE: 'Добавляю текст для баннера', FILES: [['text.png', PNG_1X1]] },
    })
    assert.equal(typeof result, 'number')
    for (const http of [maria.http, pavel.http]) {
      const { result: rows } = await http.call('helpdesk.ticket.comment.list', {
        TICKET_ID: state.ticket,
      })
      assert.deepEqual(
        rows.map((c) => [c.AUTHOR_ID, c.AUTHOR_SIDE, Object.values(c.ATTACHED_OBJECTS).length]),
        [[String(maria.id), 'client', 1]],
      )
    }
  })

  test('2bad: «Требует уточнений» — the client is told, answers, and the ticket is in work again', async () => {
    await pavel.http.call('helpdesk.ticket.comment.add', {
      TICKET_ID: state.ticket,
      FIELDS: { POST_MESSAGE: 'Какой размер баннера нужен?' },
    })
    await pavel.http.call('helpdesk.ticket.status.set', { ID: state.ticket, STATUS: 'NEED_INFO' })
    assert.equal((await ticket(maria.http, state.ticket)).STATUS, 'NEED_INFO')
    const mail = await smtp.waitFor(
      (m) => m.to.includes(state.address) && m.text.includes('Обновить баннер на главной'),
      30000,
    )
    assert.ok(mail.text.includes(portal.url), mail.text)
    const bell = ok(await maria.session.call('im.notify.get', {})).notifications
    assert.ok(
      bell.some((n) => n.notify_module === 'helpdesk' && n.text.includes('Обновить баннер')),
      JSON.stringify(bell),
    )
    await maria.http.call('helpdesk.ticket.comment.add', {
      TICKET_ID: state.ticket,
      FIELDS: { POST_MESSAGE: '1200 на 400' },
    })
    assert.equal((await ticket(lyuda.http, state.ticket)).STATUS, 'IN_WORK')
  })

  test('SDK: «Ожидает приемку» — remarks in a comment send the ticket back to work', async () => {
    await studio('pavel', 'helpdesk.ticket.status.set', {
      ID: state.ticket,
      STATUS: 'WAITING_ACCEPTANCE',
    })
    assert.equal(
      (await client('helpdesk.ticket.get', { ID: state.ticket })).STATUS,
      'WAITING_ACCEPTANCE',
    )
    await client('helpdesk.ticket.comment.add', {
      TICKET_ID: state.ticket,
      FIELDS: { POST_MESSAGE: 'На телефоне баннер обрезан' },
    })
    assert.equal(
      (await studio('lyuda', 'helpdesk.ticket.get', { ID: state.ticket })).STATUS,
      'IN_WORK',
    )
  })

  test('SDK: the client accepts the work («Принять работы»); the studio sees it closed', async () => {
    await studio('pavel', 'helpdesk.ticket.status.set', {
      ID: state.ticket,
      STATUS: 'WAITING_ACCEPTANCE',
    })
    assert.equal(await client('helpdesk.ticket.accept', { ID: state.ticket }), true)
    assert.equal((await ticket(lyuda.http, state.ticket)).STATUS, 'ACCEPTED')
    const again = await clientSdk.request('maria', {
      op: 'call',
      method: 'helpdesk.ticket.accept',
      params: { ID: state.ticket },
    })
    assert.equal(again.ok, false)
    assert.ok(
      again.error.codes.includes('TICKET_NOT_AWAITING_ACCEPTANCE'),
      JSON.stringify(again.error),
    )
    const e = await twoBadFails(
      maria.http.call('helpdesk.ticket.update', { ID: state.ticket, FIELDS: { TITLE: 'Ещё' } }),
    )
    assert.deepEqual([e.status, e.body.error], [403, 'ACCESS_DENIED'])
  })

  test('the list shows every ticket with its status: 2bad list, SDK batch and callList', async () => {
    const { result: second } = await maria.http.call('helpdesk.ticket.add', {
      FIELDS: { TITLE: 'Добавить раздел «Вакансии»', SITE_ID: state.sites[0] },
    })
    state.second = second
    const all = await maria.http.list('helpdesk.ticket.list', {})
    assert.deepEqual(
      all.result.map((t) => [Number(t.ID), t.STATUS]),
      [
        [second, 'QUEUE'],
        [state.ticket, 'ACCEPTED'],
      ],
    )
    const { result: batch } = await sdkOk(clientSdk, 'maria', {
      op: 'batch',
      calls: {
        closed: { method: 'helpdesk.ticket.list', params: { FILTER: { STATUS: 'ACCEPTED' } } },
        card: { method: 'helpdesk.ticket.get', params: { ID: second } },
        talk: { method: 'helpdesk.ticket.comment.list', params: { TICKET_ID: state.ticket } },
      },
    })
    assert.deepEqual(
      batch.closed.map((t) => Number(t.ID)),
      [state.ticket],
    )
    assert.equal(batch.card.SITE_URL, 'https://romashka.test')
    assert.deepEqual(
      batch.talk.map((c) => c.AUTHOR_SIDE),
      ['client', 'studio', 'client', 'client'],
    )
    const { result: queue } = await sdkOk(studioSdk, 'lyuda', {
      op: 'callList',
      method: 'helpdesk.ticket.list',
      params: { filter: { COMPANY_ID: state.company } },
      options: { idKey: 'ID' },
    })
    assert.deepEqual(
      queue.map((t) => Number(t.ID)).sort((a, b) => a - b),
      [state.ticket, second].sort((a, b) => a - b),
    )
    // The studio's batch through 2bad: take the new ticket into work and read it back.
    const payload = await lyuda.http.batch({
      take: { method: 'helpdesk.ticket.status.set', params: { ID: second, STATUS: 'IN_WORK' } },
      read: { method: 'helpdesk.ticket.get', params: { ID: second } },
    })
    assert.equal(payload.result.result.take, true)
    assert.equal(payload.result.result.read.STATUS, 'IN_WORK')
  })

  test('2bad: the client of another company sees none of it', async () => {
    const e = await twoBadFails(boris.http.call('helpdesk.ticket.get', { ID: state.ticket }))
    assert.deepEqual([e.status, e.body.error], [400, 'ERROR_NOT_FOUND'])
    const { result } = await boris.http.call('helpdesk.ticket.list', {})
    assert.deepEqual(
      result.map((t) => Number(t.ID)),
      [boris.ticket],
    )
    const c = await twoBadFails(
      boris.http.call('helpdesk.ticket.comment.add', {
        TICKET_ID: state.ticket,
        FIELDS: { POST_MESSAGE: 'Я тоже' },
      }),
    )
    assert.deepEqual([c.status, c.body.error], [400, 'ERROR_NOT_FOUND'])
    const { result: companies } = await boris.http.call('helpdesk.company.list', {})
    assert.ok(!companies.some((x) => Number(x.ID) === state.company))
  })
})
