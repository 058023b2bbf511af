// Invitations: user.add without PASSWORD sends a real e-mail (caught by an SMTP server), the
// link's token works once with artel.invitation.get / artel.invitation.accept.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'

import { email, fails, ok, okList } from '../support/expect.mjs'
import { login, request, sessionFrom } from '../support/rest.mjs'
import { startPortal, webDist } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'

const PORTAL_NAME = 'Invites & Co'
const MAIL_FROM = 'portal@invites.example.test'
let smtp
let portal
let admin

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({ smtp: smtp.url, mailFrom: MAIL_FROM, portalName: PORTAL_NAME })
  admin = await portal.admin()
})

after(async () => {
  await portal?.stop()
  await smtp?.stop()
})

const call = (method, params) =>
  request(`${portal.url}/rest/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  })

// Invites someone and returns { id, address, message, link, token }.
async function invite(fields = {}) {
  const address = fields.EMAIL ?? email('invitee')
  const id = ok(
    await admin.call('user.add', {
      EMAIL: address,
      NAME: 'Ivy',
      LAST_NAME: 'Invited',
      UF_DEPARTMENT: [1],
      ...fields,
    }),
  )
  assert.equal(typeof id, 'number')
  const message = await smtp.waitFor((m) => m.to.includes(address), 15000)
  const text = `${message.text ?? ''}\n${message.html ?? ''}`
  const m = /(https?:\/\/[^\s"'<>]+\/invite\/([A-Za-z0-9_-]+))/.exec(text)
  assert.ok(m, `no /invite/TOKEN link in the e-mail:\n${text}`)
  return { id, address, message, link: m[1], token: m[2] }
}

describe('invitation e-mail', () => {
  test('user.add without PASSWORD sends an e-mail with a link to this portal', async () => {
    const inv = await invite()
    assert.deepEqual(inv.message.to, [inv.address])
    assert.equal(inv.message.from, MAIL_FROM)
    assert.ok(inv.message.subject.length > 0)
    assert.ok(inv.message.subject.includes(PORTAL_NAME), `subject: ${inv.message.subject}`)
    assert.ok(inv.message.text, 'a plain-text part')
    assert.ok(inv.message.html, 'an HTML part')
    assert.ok(inv.message.text.includes(inv.link), inv.message.text)
    assert.ok(inv.message.html.includes(inv.token), inv.message.html)
    assert.ok(inv.link.startsWith(portal.url), `the link ${inv.link} points at ${portal.url}`)
    // The link opens the web client's page (served by the same server, when it is built).
    if (existsSync(webDist)) {
      const page = await fetch(inv.link)
      assert.equal(page.status, 200)
      assert.match(page.headers.get('content-type'), /text\/html/)
    }
  })

  test('the invited person is listed but cannot log in before accepting', async () => {
    const inv = await invite()
    const rows = okList(await admin.call('user.get', { FILTER: { ID: inv.id } }))
    assert.equal(rows.length, 1)
    assert.equal(rows[0].EMAIL, inv.address)
    fails(await login(portal.url, inv.address, 'any-password'), 401, 'INVALID_CREDENTIALS')
  })
})

describe('artel.invitation.get and accept', () => {
  test('get describes the invitation; accept activates the account and logs in; a second accept fails', async () => {
    const inv = await invite({ NAME: 'Vera', LAST_NAME: 'Invitee' })
    const info = ok(await call('artel.invitation.get', { TOKEN: inv.token }))
    assert.equal(info.EMAIL, inv.address)
    assert.equal(info.NAME, 'Vera')
    assert.equal(info.LAST_NAME, 'Invitee')
    assert.equal(info.PORTAL_NAME, PORTAL_NAME)

    const accepted = await call('artel.invitation.accept', {
      TOKEN: inv.token,
      NAME: 'Veronica',
      LAST_NAME: 'Joined',
      PASSWORD: 'Accepted-secret-1',
    })
    const s = sessionFrom(portal.url, accepted)
    assert.ok(s, `accept did not log in: ${accepted.status} ${accepted.text}`)
    const me = ok(await s.call('user.current'))
    assert.equal(me.ID, String(inv.id))
    assert.equal(me.NAME, 'Veronica')
    assert.equal(me.LAST_NAME, 'Joined')
    assert.equal(me.ACTIVE, true)
    assert.equal(me.EMAIL, inv.address)
    assert.deepEqual(me.UF_DEPARTMENT, [1])

    assert.equal(
      ok(await login(portal.url, inv.address, 'Accepted-secret-1')).user.ID,
      String(inv.id),
    )

    const again = await call('artel.invitation.accept', {
      TOKEN: inv.token,
      NAME: 'Evil',
      PASSWORD: 'Evil-secret-123',
    })
    fails(again, 400, 'INVITATION_INVALID')
    assert.equal(again.headers.getSetCookie().length, 0)
    fails(await call('artel.invitation.get', { TOKEN: inv.token }), 400, 'INVITATION_INVALID')
    fails(await login(portal.url, inv.address, 'Evil-secret-123'), 401, 'INVALID_CREDENTIALS')
  })

  test('accept with the form encoding', async () => {
    const inv = await invite()
    const r = await request(`${portal.url}/rest/artel.invitation.accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        TOKEN: inv.token,
        NAME: 'Formal',
        PASSWORD: 'Formal-secret-1',
      }).toString(),
    })
    const s = sessionFrom(portal.url, r)
    assert.ok(s, `${r.status} ${r.text}`)
    assert.equal(ok(await s.call('user.current')).NAME, 'Formal')
  })

  test('an unknown token: 400 INVITATION_INVALID', async () => {
    fails(
      await call('artel.invitation.get', { TOKEN: 'no-such-token-0123456789' }),
      400,
      'INVITATION_INVALID',
    )
    fails(
      await call('artel.invitation.accept', {
        TOKEN: 'no-such-token-0123456789',
        NAME: 'X',
        PASSWORD: 'Whatever-123',
      }),
      400,
      'INVITATION_INVALID',
    )
  })

  test('missing TOKEN, PASSWORD or a too short password is bad input and keeps the invitation', async () => {
    const inv = await invite()
    fails(await call('artel.invitation.get', {}), 400)
    fails(await call('artel.invitation.accept', { NAME: 'N', PASSWORD: 'Long-enough-1' }), 400)
    fails(await call('artel.invitation.accept', { TOKEN: inv.token, NAME: 'N' }), 400)
    fails(
      await call('artel.invitation.accept', { TOKEN: inv.token, NAME: 'N', PASSWORD: '1' }),
      400,
    )
    // Still valid after the refusals.
    assert.equal(ok(await call('artel.invitation.get', { TOKEN: inv.token })).EMAIL, inv.address)
  })

  test('a dismissed invitee cannot accept', async () => {
    const inv = await invite()
    ok(await admin.call('user.update', { ID: inv.id, ACTIVE: 'N' }))
    fails(
      await call('artel.invitation.accept', {
        TOKEN: inv.token,
        NAME: 'Late',
        PASSWORD: 'Late-secret-1',
      }),
      400,
      'INVITATION_INVALID',
    )
  })

  test('an extranet invitation arrives too', async () => {
    const inv = await invite({ EXTRANET: 'Y', UF_DEPARTMENT: undefined })
    const accepted = await call('artel.invitation.accept', {
      TOKEN: inv.token,
      NAME: 'Ext',
      PASSWORD: 'Extranet-secret-1',
    })
    const s = sessionFrom(portal.url, accepted)
    assert.ok(s, accepted.text)
    assert.equal(ok(await s.call('user.current')).USER_TYPE, 'extranet')
  })

  test('an e-mail already in the portal is not invited twice', async () => {
    const inv = await invite()
    fails(await admin.call('user.add', { EMAIL: inv.address, UF_DEPARTMENT: [1] }), 400)
    await new Promise((r) => setTimeout(r, 500))
    assert.equal(smtp.messages.filter((m) => m.to.includes(inv.address)).length, 1)
  })
})
