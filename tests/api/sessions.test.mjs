// Browser sessions: artel.login / logout / session, the cookie, CSRF, login throttling, the IP
// allow-list, dismissed people, password change, self-registration, first-run setup.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import https from 'node:https'
import { after, before, describe, test } from 'node:test'

import { email, fails, ok } from '../support/expect.mjs'
import { hook, login, request, sessionFrom } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let admin

before(async () => {
  portal = await startPortal({ tls: true, portalName: 'Sessions GmbH' })
  admin = await portal.admin()
})

after(async () => {
  await portal?.stop()
})

function cookieAttributes(line) {
  const parts = line.split(';').map((p) => p.trim())
  const attrs = {}
  for (const p of parts.slice(1)) {
    const [k, v = ''] = p.split('=')
    attrs[k.toLowerCase()] = v
  }
  return attrs
}

describe('artel.portal.info', () => {
  test('answers without login', async () => {
    const info = ok(await request(`${portal.url}/rest/artel.portal.info`))
    assert.equal(info.NAME, 'Sessions GmbH')
    assert.equal(info.SELF_REGISTRATION, 'N')
    assert.equal(info.NEEDS_SETUP, false)
    assert.equal(typeof info.LANGUAGE, 'string')
    assert.ok('LOGO' in info)
  })

  test('artel.setup is refused once the portal has an account', async () => {
    const r = await request(`${portal.url}/rest/artel.setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        EMAIL: email('setup'),
        PASSWORD: 'Setup-secret-1',
        NAME: 'Sly',
        PORTAL_NAME: 'Taken',
      }),
    })
    assert.ok(r.status === 400 || r.status === 403, `status ${r.status}: ${r.text}`)
    fails(r, r.status)
    assert.equal(r.headers.getSetCookie().length, 0)
    assert.equal(ok(await request(`${portal.url}/rest/artel.portal.info`)).NAME, 'Sessions GmbH')
  })
})

describe('login and logout', () => {
  test('artel.login returns the user and a CSRF token and sets an HttpOnly SameSite=Lax cookie', async () => {
    const r = await login(portal.url, portal.adminEmail, portal.adminPassword)
    const result = ok(r)
    assert.equal(result.user.ID, '1')
    assert.equal(result.user.EMAIL, portal.adminEmail)
    assert.equal(typeof result.csrf, 'string')
    assert.ok(result.csrf.length >= 16)
    assert.ok(r.setCookie, 'no artel_session cookie')
    const attrs = cookieAttributes(r.setCookie)
    assert.ok('httponly' in attrs, r.setCookie)
    assert.equal(attrs.samesite?.toLowerCase(), 'lax', r.setCookie)
    assert.equal(attrs.path, '/', r.setCookie)
    assert.ok(!('secure' in attrs), `Secure over plain HTTP would lose the cookie: ${r.setCookie}`)
    assert.ok(r.session.cookie.length >= 20, 'the session token is long')
  })

  test('the login e-mail is case-insensitive', async () => {
    const r = await login(portal.url, portal.adminEmail.toUpperCase(), portal.adminPassword)
    assert.equal(ok(r).user.ID, '1')
  })

  test('over HTTPS the cookie is also Secure', async () => {
    const { status, setCookie, body } = await new Promise((resolve, reject) => {
      const req = https.request(
        `${portal.tlsUrl}/rest/artel.login`,
        {
          method: 'POST',
          ca: readFileSync(portal.tls.caCert),
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (d) => (text += d))
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              setCookie: res.headers['set-cookie'] ?? [],
              body: JSON.parse(text),
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify({ LOGIN: portal.adminEmail, PASSWORD: portal.adminPassword }))
    })
    assert.equal(status, 200, JSON.stringify(body))
    const line = setCookie.find((l) => l.startsWith('artel_session='))
    assert.ok(line, `no cookie: ${setCookie}`)
    const attrs = cookieAttributes(line)
    assert.ok('secure' in attrs, line)
    assert.ok('httponly' in attrs, line)
    assert.equal(attrs.samesite?.toLowerCase(), 'lax', line)
  })

  test('a wrong password or an unknown e-mail: 401 INVALID_CREDENTIALS, no cookie', async () => {
    const employee = await portal.addEmployee()
    for (const [who, password] of [
      [employee.email, 'wrong-password'],
      [email('nobody'), 'whatever-password'],
    ]) {
      const r = await login(portal.url, who, password)
      fails(r, 401, 'INVALID_CREDENTIALS')
      assert.equal(r.setCookie, null)
    }
  })

  test('missing LOGIN or PASSWORD is bad input', async () => {
    const r1 = await request(`${portal.url}/rest/artel.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ PASSWORD: 'x' }),
    })
    fails(r1, 400)
    const r2 = await request(`${portal.url}/rest/artel.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ LOGIN: portal.adminEmail }),
    })
    fails(r2, 400)
  })

  test('artel.session returns the user, the same CSRF token and the portal', async () => {
    const s = await portal.login(portal.adminEmail, portal.adminPassword)
    const info = ok(await s.call('artel.session'))
    assert.equal(info.user.ID, '1')
    assert.equal(info.csrf, s.csrf)
    assert.equal(info.portal.NAME, 'Sessions GmbH')
  })

  test('artel.logout ends the session; the cookie stops working', async () => {
    const s = await portal.login(portal.adminEmail, portal.adminPassword)
    assert.equal(ok(await s.call('user.current')).ID, '1')
    const out = await s.logout()
    assert.equal(ok(out), true)
    const cleared = out.headers.getSetCookie().find((l) => l.startsWith('artel_session='))
    assert.ok(cleared, 'logout clears the cookie')
    const attrs = cookieAttributes(cleared)
    assert.ok(attrs['max-age'] === '0' || /1970/.test(attrs.expires ?? ''), cleared)
    fails(await s.call('user.current'), 401, 'NO_AUTH_FOUND')
    fails(await s.call('artel.session'), 401, 'NO_AUTH_FOUND')
    // Other sessions of the same person live on.
    assert.equal(ok(await admin.call('user.current')).ID, '1')
  })
})

describe('CSRF', () => {
  test('a cookie call without the token: 401 INVALID_CSRF', async () => {
    const r = await admin.call('user.current', {}, { csrf: false })
    fails(r, 401, 'INVALID_CSRF')
    fails(await admin.call('user.get', {}, { csrf: false, transport: 'get' }), 401, 'INVALID_CSRF')
  })

  test('a reloaded page with only the cookie gets its token back from artel.session', async () => {
    const r = ok(await admin.call('artel.session', {}, { csrf: false }))
    assert.equal(r.csrf, admin.csrf)
    assert.equal(r.user.ID, '1')
  })

  test('a wrong token: 401 INVALID_CSRF, and nothing changes', async () => {
    const r = await admin.call(
      'department.add',
      { NAME: 'Forged', PARENT: 1 },
      { headers: { 'x-csrf-token': 'forged' }, csrf: false },
    )
    fails(r, 401, 'INVALID_CSRF')
    const depts = ok(await admin.call('department.get'))
    assert.ok(!depts.some((d) => d.NAME === 'Forged'))
  })

  test('the token may travel as the sessid parameter', async () => {
    assert.equal(
      ok(await admin.call('user.current', { sessid: admin.csrf }, { csrf: false })).ID,
      '1',
    )
    const viaQuery = await admin.call(
      'user.current',
      {},
      { csrf: false, transport: 'get', query: { sessid: admin.csrf } },
    )
    assert.equal(ok(viaQuery).ID, '1')
  })

  test("another session's token does not fit", async () => {
    const other = await portal.login(portal.adminEmail, portal.adminPassword)
    fails(
      await admin.call(
        'user.current',
        {},
        { csrf: false, headers: { 'x-csrf-token': other.csrf } },
      ),
      401,
      'INVALID_CSRF',
    )
  })
})

describe('login throttling', () => {
  test('repeated failures for one account: 429 TOO_MANY_ATTEMPTS, even with the right password', async () => {
    const victim = await portal.addEmployee()
    let throttled = null
    for (let i = 0; i < 12 && !throttled; i++) {
      const r = await login(portal.url, victim.email, `wrong-${i}`)
      if (r.status === 429) throttled = r
      else fails(r, 401, 'INVALID_CREDENTIALS')
    }
    assert.ok(throttled, 'no 429 after 12 failed logins')
    fails(throttled, 429, 'TOO_MANY_ATTEMPTS')
    const right = await login(portal.url, victim.email, victim.password)
    fails(right, 429, 'TOO_MANY_ATTEMPTS')
    assert.equal(right.setCookie, null)
    // The victim's open session is untouched, and other accounts still log in.
    assert.equal(ok(await victim.session.call('user.current')).ID, String(victim.id))
    const other = await portal.addEmployee()
    assert.equal(ok(await login(portal.url, other.email, other.password)).user.ID, String(other.id))
  })
})

describe('login throttling by address', () => {
  test('many failures from one address: 429 TOO_MANY_ATTEMPTS for every account from it', async () => {
    // A portal of its own: the address 127.0.0.1 stays blocked there for a while.
    const other = await startPortal()
    try {
      const employee = await other.addEmployee()
      let throttled = null
      for (let i = 0; i < 80 && !throttled; i++) {
        const r = await login(other.url, email(`spray${i}`), `wrong-${i}`)
        if (r.status === 429) throttled = r
        else fails(r, 401, 'INVALID_CREDENTIALS')
      }
      assert.ok(throttled, 'no 429 after 80 failed logins from one address')
      fails(throttled, 429, 'TOO_MANY_ATTEMPTS')
      fails(await login(other.url, employee.email, employee.password), 429, 'TOO_MANY_ATTEMPTS')
      // People already logged in are not affected.
      assert.equal(ok(await employee.session.call('user.current')).ID, String(employee.id))
    } finally {
      await other.stop()
    }
  })
})

describe('IP allow-list', () => {
  test('a login from outside ALLOWED_IPS gets 403 IP_NOT_ALLOWED; the admin session still clears the list', async () => {
    const employee = await portal.addEmployee()
    const set = ok(
      await admin.call('artel.settings.set', {
        fields: { ALLOWED_IPS: ['10.20.30.40', '192.168.0.0/16'] },
      }),
    )
    assert.deepEqual(set.ALLOWED_IPS, ['10.20.30.40', '192.168.0.0/16'])
    try {
      fails(await login(portal.url, employee.email, employee.password), 403, 'IP_NOT_ALLOWED')
      fails(await login(portal.url, portal.adminEmail, portal.adminPassword), 403, 'IP_NOT_ALLOWED')
      // The administrator's existing session still works, and can clear the list.
      assert.deepEqual(ok(await admin.call('artel.settings.get')).ALLOWED_IPS, [
        '10.20.30.40',
        '192.168.0.0/16',
      ])
    } finally {
      const cleared = ok(await admin.call('artel.settings.set', { fields: { ALLOWED_IPS: [] } }))
      assert.deepEqual(cleared.ALLOWED_IPS, [])
    }
    assert.equal(
      ok(await login(portal.url, employee.email, employee.password)).user.ID,
      String(employee.id),
    )
  })

  test('a CIDR range that holds 127.0.0.1 lets people in', async () => {
    const employee = await portal.addEmployee()
    ok(await admin.call('artel.settings.set', { fields: { ALLOWED_IPS: ['127.0.0.0/8'] } }))
    try {
      assert.equal(
        ok(await login(portal.url, employee.email, employee.password)).user.ID,
        String(employee.id),
      )
    } finally {
      ok(await admin.call('artel.settings.set', { fields: { ALLOWED_IPS: [] } }))
    }
  })

  test('malformed entries are refused', async () => {
    fails(
      await admin.call('artel.settings.set', { fields: { ALLOWED_IPS: ['not-an-address'] } }),
      400,
    )
    fails(await admin.call('artel.settings.set', { fields: { ALLOWED_IPS: ['10.0.0.0/99'] } }), 400)
    assert.deepEqual(ok(await admin.call('artel.settings.get')).ALLOWED_IPS, [])
  })
})

describe('dismissed people', () => {
  test('cannot log in (403 USER_INACTIVE); their session and webhook stop working', async () => {
    const leaver = await portal.addEmployee()
    const leaverHook = hook(await portal.webhook(['user'], { user: leaver.id }))
    assert.equal(ok(await leaverHook.call('user.current')).ID, String(leaver.id))
    assert.equal(ok(await admin.call('user.update', { ID: leaver.id, ACTIVE: 'N' })), true)
    fails(await login(portal.url, leaver.email, leaver.password), 403, 'USER_INACTIVE')
    fails(await leaver.session.call('user.current'), 401, 'NO_AUTH_FOUND')
    fails(await leaverHook.call('user.current'), 401, 'NO_AUTH_FOUND')
    // Restored, they log in again.
    assert.equal(ok(await admin.call('user.update', { ID: leaver.id, ACTIVE: 'Y' })), true)
    assert.equal(
      ok(await login(portal.url, leaver.email, leaver.password)).user.ID,
      String(leaver.id),
    )
  })

  test('a dismissed person with a wrong password learns nothing more than 401', async () => {
    const leaver = await portal.addEmployee()
    ok(await admin.call('user.update', { ID: leaver.id, ACTIVE: 'N' }))
    fails(await login(portal.url, leaver.email, 'not-the-password'), 401, 'INVALID_CREDENTIALS')
  })
})

describe('artel.password.change', () => {
  test('changes the password: the old one stops working, the new one works', async () => {
    const p = await portal.addEmployee()
    assert.equal(
      ok(
        await p.session.call('artel.password.change', {
          OLD_PASSWORD: p.password,
          NEW_PASSWORD: 'Brand-new-secret-2',
        }),
      ),
      true,
    )
    fails(await login(portal.url, p.email, p.password), 401, 'INVALID_CREDENTIALS')
    assert.equal(ok(await login(portal.url, p.email, 'Brand-new-secret-2')).user.ID, String(p.id))
    assert.equal(ok(await p.session.call('user.current')).ID, String(p.id))
  })

  test('a wrong old password or a too short new one is refused', async () => {
    const p = await portal.addEmployee()
    const wrong = await p.session.call('artel.password.change', {
      OLD_PASSWORD: 'not-it',
      NEW_PASSWORD: 'Brand-new-secret-2',
    })
    assert.ok(wrong.status === 400 || wrong.status === 403, wrong.text)
    fails(wrong, wrong.status)
    fails(
      await p.session.call('artel.password.change', {
        OLD_PASSWORD: p.password,
        NEW_PASSWORD: '1',
      }),
      400,
    )
    fails(await p.session.call('artel.password.change', { OLD_PASSWORD: p.password }), 400)
    assert.equal(ok(await login(portal.url, p.email, p.password)).user.ID, String(p.id))
  })
})

describe('self-registration', () => {
  const register = (fields) =>
    request(`${portal.url}/rest/artel.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    })

  test('is refused while switched off', async () => {
    const address = email('reg')
    const r = await register({
      EMAIL: address,
      PASSWORD: 'Register-secret-1',
      NAME: 'Reg',
      LAST_NAME: 'Istered',
    })
    fails(r, 403)
    assert.equal(r.headers.getSetCookie().length, 0)
    fails(await login(portal.url, address, 'Register-secret-1'), 401, 'INVALID_CREDENTIALS')
  })

  test('when switched on, creates an active employee and logs them in', async () => {
    ok(await admin.call('artel.settings.set', { fields: { SELF_REGISTRATION: 'Y' } }))
    try {
      assert.equal(ok(await request(`${portal.url}/rest/artel.portal.info`)).SELF_REGISTRATION, 'Y')
      const address = email('reg')
      const r = await register({
        EMAIL: address,
        PASSWORD: 'Register-secret-1',
        NAME: 'Reg',
        LAST_NAME: 'Istered',
      })
      const s = sessionFrom(portal.url, r)
      assert.ok(s, `register did not log in: ${r.status} ${r.text}`)
      const me = ok(await s.call('user.current'))
      assert.equal(me.EMAIL, address)
      assert.equal(me.ACTIVE, true)
      assert.equal(me.USER_TYPE, 'employee')
      assert.equal(ok(await s.call('profile')).ADMIN, false)
      fails(await s.call('artel.settings.get'), 403, 'ACCESS_DENIED')
      // The same e-mail twice, a short password, no e-mail: refused.
      fails(await register({ EMAIL: address, PASSWORD: 'Register-secret-1', NAME: 'Again' }), 400)
      fails(await register({ EMAIL: email('reg'), PASSWORD: '1', NAME: 'Short' }), 400)
      fails(await register({ PASSWORD: 'Register-secret-1', NAME: 'NoMail' }), 400)
    } finally {
      ok(await admin.call('artel.settings.set', { fields: { SELF_REGISTRATION: 'N' } }))
    }
    fails(await register({ EMAIL: email('reg'), PASSWORD: 'Register-secret-1', NAME: 'Late' }), 403)
  })
})

describe('first-run setup', () => {
  test('an empty portal needs setup; artel.setup creates the administrator once', async () => {
    const empty = await startPortal({ init: false })
    try {
      const info = ok(await request(`${empty.url}/rest/artel.portal.info`))
      assert.equal(info.NEEDS_SETUP, true)
      const setup = (fields) =>
        request(`${empty.url}/rest/artel.setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(fields),
        })
      fails(await setup({ EMAIL: 'broken', PASSWORD: 'First-secret-1', NAME: 'F' }), 400)
      const r = await setup({
        EMAIL: 'first@example.test',
        PASSWORD: 'First-secret-1',
        NAME: 'First',
        LAST_NAME: 'Admin',
        PORTAL_NAME: 'Fresh Co',
      })
      const s = sessionFrom(empty.url, r)
      assert.ok(s, `setup did not log in: ${r.status} ${r.text}`)
      const me = ok(await s.call('user.current'))
      assert.equal(me.ID, '1')
      assert.equal(ok(await s.call('profile')).ADMIN, true)
      const after = ok(await request(`${empty.url}/rest/artel.portal.info`))
      assert.equal(after.NEEDS_SETUP, false)
      assert.equal(after.NAME, 'Fresh Co')
      const root = ok(await s.call('department.get'))
      assert.equal(root.length, 1)
      assert.equal(root[0].NAME, 'Fresh Co')
      assert.deepEqual(me.UF_DEPARTMENT, [1])
      const again = await setup({
        EMAIL: 'second@example.test',
        PASSWORD: 'Second-secret-1',
        NAME: 'Second',
      })
      assert.ok(again.status === 400 || again.status === 403, again.text)
      assert.equal(again.headers.getSetCookie().length, 0)
    } finally {
      await empty.stop()
    }
  })
})
