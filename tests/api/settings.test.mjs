// Portal settings: artel.settings.get / artel.settings.set (administrator only, scope portal).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok, PNG_1X1 } from '../support/expect.mjs'
import { hook, request } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let admin
let employee

before(async () => {
  portal = await startPortal({ portalName: 'Settings SRL' })
  admin = await portal.admin()
  employee = await portal.addEmployee()
})

after(async () => {
  await portal?.stop()
})

const info = async () => ok(await request(`${portal.url}/rest/artel.portal.info`))

describe('artel.settings.get', () => {
  test('returns every setting', async () => {
    const s = ok(await admin.call('artel.settings.get'))
    for (const key of [
      'PORTAL_NAME',
      'LOGO',
      'CONTACT_EMAIL',
      'TIME_ZONE',
      'DATE_FORMAT',
      'TIME_FORMAT',
      'SELF_REGISTRATION',
      'ALLOWED_IPS',
      'LANGUAGE',
    ])
      assert.ok(key in s, `${key} missing: ${JSON.stringify(s)}`)
    assert.equal(s.PORTAL_NAME, 'Settings SRL')
    assert.equal(s.SELF_REGISTRATION, 'N')
    assert.deepEqual(s.ALLOWED_IPS, [])
  })

  test('is for the administrator only', async () => {
    fails(await employee.session.call('artel.settings.get'), 403, 'ACCESS_DENIED')
    fails(
      await employee.session.call('artel.settings.set', { fields: { PORTAL_NAME: 'Mine' } }),
      403,
      'ACCESS_DENIED',
    )
    const noPortalScope = hook(await portal.webhook(['user', 'department']))
    fails(await noPortalScope.call('artel.settings.get'), 403, 'insufficient_scope')
    fails(
      await noPortalScope.call('artel.settings.set', { fields: { PORTAL_NAME: 'Mine' } }),
      403,
      'insufficient_scope',
    )
    assert.equal((await info()).NAME, 'Settings SRL')
  })
})

describe('artel.settings.set', () => {
  test('changes the portal name, contact e-mail, formats and language and returns the new settings', async () => {
    const s = ok(
      await admin.call('artel.settings.set', {
        fields: {
          PORTAL_NAME: 'Renamed SRL',
          CONTACT_EMAIL: 'office@example.test',
          DATE_FORMAT: 'YYYY-MM-DD',
          TIME_FORMAT: 'HH:MI:SS',
          LANGUAGE: 'en',
        },
      }),
    )
    assert.equal(s.PORTAL_NAME, 'Renamed SRL')
    assert.equal(s.CONTACT_EMAIL, 'office@example.test')
    assert.equal(s.DATE_FORMAT, 'YYYY-MM-DD')
    assert.equal(s.TIME_FORMAT, 'HH:MI:SS')
    assert.equal(s.LANGUAGE, 'en')
    assert.deepEqual(ok(await admin.call('artel.settings.get')), s)
    const i = await info()
    assert.equal(i.NAME, 'Renamed SRL')
    assert.equal(i.LANGUAGE, 'en')
  })

  test('TIME_ZONE moves the offsets of server.time and of the envelope', async () => {
    ok(await admin.call('artel.settings.set', { fields: { TIME_ZONE: 'Asia/Kolkata' } }))
    try {
      const r = await admin.call('server.time')
      assert.match(ok(r), /\+05:30$/)
      assert.match(r.body.time.date_start, /\+05:30$/)
    } finally {
      ok(await admin.call('artel.settings.set', { fields: { TIME_ZONE: 'UTC' } }))
    }
    assert.match(ok(await admin.call('server.time')), /\+00:00$/)
  })

  test('LOGO takes ["name.png", base64] and "" removes it', async () => {
    const s = ok(
      await admin.call('artel.settings.set', { fields: { LOGO: ['logo.png', PNG_1X1] } }),
    )
    assert.equal(typeof s.LOGO, 'string')
    assert.ok(s.LOGO.length > 0)
    assert.equal((await info()).LOGO, s.LOGO)
    const res = await fetch(new URL(s.LOGO, portal.url))
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type'), /^image\/png/)
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), Buffer.from(PNG_1X1, 'base64'))
    const removed = ok(await admin.call('artel.settings.set', { fields: { LOGO: '' } }))
    assert.ok(!removed.LOGO, `LOGO after removal: ${JSON.stringify(removed.LOGO)}`)
  })

  test('bad values are refused with 400 and change nothing', async () => {
    const before = ok(await admin.call('artel.settings.get'))
    for (const fields of [
      { TIME_ZONE: 'Mars/Olympus_Mons' },
      { DATE_FORMAT: 'whenever' },
      { TIME_FORMAT: 'later' },
      { LANGUAGE: 'de' },
      { SELF_REGISTRATION: 'maybe' },
      { CONTACT_EMAIL: 'not-an-email' },
      { PORTAL_NAME: '' },
      { LOGO: ['logo.png', Buffer.from('plain text').toString('base64')] },
      { NO_SUCH_SETTING: 1 },
      { PORTAL_NAME: 'Half applied', LANGUAGE: 'xx' },
    ]) {
      fails(await admin.call('artel.settings.set', { fields }), 400)
    }
    fails(await admin.call('artel.settings.set', {}), 400)
    assert.deepEqual(ok(await admin.call('artel.settings.get')), before)
  })

  test('SELF_REGISTRATION shows in artel.portal.info', async () => {
    ok(await admin.call('artel.settings.set', { fields: { SELF_REGISTRATION: 'Y' } }))
    assert.equal((await info()).SELF_REGISTRATION, 'Y')
    ok(await admin.call('artel.settings.set', { fields: { SELF_REGISTRATION: 'N' } }))
    assert.equal((await info()).SELF_REGISTRATION, 'N')
  })

  test('the form encoding works too (fields[PORTAL_NAME]=…, fields[ALLOWED_IPS][]=…)', async () => {
    const s = ok(
      await admin.call(
        'artel.settings.set',
        { fields: { PORTAL_NAME: 'Form SRL', ALLOWED_IPS: ['127.0.0.1', '::1'] } },
        { transport: 'form' },
      ),
    )
    assert.equal(s.PORTAL_NAME, 'Form SRL')
    assert.deepEqual(s.ALLOWED_IPS, ['127.0.0.1', '::1'])
    ok(await admin.call('artel.settings.set', { fields: { ALLOWED_IPS: [] } }))
  })
})

describe('PUBLIC_URL', () => {
  test('is learned from the first browser session and kept after that', async () => {
    assert.equal(ok(await admin.call('artel.settings.get')).PUBLIC_URL, portal.url)
    // A later log-in through another address does not move it.
    const other = portal.url.replace('127.0.0.1', 'localhost')
    const r = await fetch(`${other}/rest/artel.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ LOGIN: portal.adminEmail, PASSWORD: portal.adminPassword }),
    })
    assert.equal(r.status, 200)
    assert.equal(ok(await admin.call('artel.settings.get')).PUBLIC_URL, portal.url)
  })

  test('the administrator sets it; anything but an address is refused', async () => {
    const s = ok(
      await admin.call('artel.settings.set', {
        fields: { PUBLIC_URL: 'https://portal.example.test/' },
      }),
    )
    assert.equal(s.PUBLIC_URL, 'https://portal.example.test')
    for (const bad of ['', 'portal.example.test', 'javascript:alert(1)', 'https://a.test/?x=1'])
      fails(
        await admin.call('artel.settings.set', { fields: { PUBLIC_URL: bad } }),
        400,
        'ERROR_ARGUMENT',
      )
    ok(await admin.call('artel.settings.set', { fields: { PUBLIC_URL: portal.url } }))
  })
})
