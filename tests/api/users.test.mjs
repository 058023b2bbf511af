// user.get, user.current, user.search, user.fields, user.add, user.update.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { email, fails, ISO_WITH_OFFSET, ok, okList, PNG_1X1 } from '../support/expect.mjs'
import { hook, login, request } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let admin // the administrator's session
let H // webhook with user + department
let sales // a department under the root
let employee // { id, email, password, session }

before(async () => {
  portal = await startPortal({ portalName: 'Users Inc' })
  admin = await portal.admin()
  H = hook(await portal.webhook(['user', 'department']))
  sales = ok(await admin.call('department.add', { NAME: 'Sales', PARENT: 1 }))
  employee = await portal.addEmployee({
    NAME: 'Erin',
    LAST_NAME: 'Employee',
    UF_DEPARTMENT: [sales],
  })
})

after(async () => {
  await portal?.stop()
})

async function getUser(id, caller = H) {
  const rows = okList(await caller.call('user.get', { FILTER: { ID: id } }))
  assert.equal(rows.length, 1, `user ${id}: ${JSON.stringify(rows)}`)
  return rows[0]
}

describe('user.current and user.fields', () => {
  test('user.current returns the Bitrix24 user object of the caller', async () => {
    for (const caller of [H, admin]) {
      const u = ok(await caller.call('user.current'))
      assert.equal(u.ID, '1')
      assert.equal(u.ACTIVE, true)
      assert.equal(u.EMAIL, portal.adminEmail)
      assert.deepEqual(u.UF_DEPARTMENT, [1])
      assert.equal(u.USER_TYPE, 'employee')
      assert.match(u.DATE_REGISTER, ISO_WITH_OFFSET)
    }
    const e = ok(await employee.session.call('user.current'))
    assert.equal(e.ID, String(employee.id))
    assert.equal(e.NAME, 'Erin')
    assert.deepEqual(e.UF_DEPARTMENT, [sales])
  })

  test('user.fields maps field names to titles', async () => {
    const f = ok(await H.call('user.fields'))
    for (const key of [
      'ID',
      'ACTIVE',
      'NAME',
      'LAST_NAME',
      'EMAIL',
      'PERSONAL_PHOTO',
      'UF_DEPARTMENT',
      'WORK_POSITION',
    ]) {
      assert.equal(typeof f[key], 'string', `${key} in ${JSON.stringify(f)}`)
      assert.ok(f[key].length > 0)
    }
  })
})

describe('user.add', () => {
  test('with PASSWORD the account is active at once and can log in', async () => {
    const address = email('added')
    const id = ok(
      await admin.call('user.add', {
        EMAIL: address,
        PASSWORD: 'Added-secret-1',
        NAME: 'Ada',
        LAST_NAME: 'Added',
        WORK_POSITION: 'Engineer',
        UF_DEPARTMENT: [sales],
      }),
    )
    assert.equal(typeof id, 'number')
    const u = await getUser(id)
    assert.equal(u.ID, String(id))
    assert.equal(u.ACTIVE, true)
    assert.equal(u.EMAIL, address)
    assert.equal(u.NAME, 'Ada')
    assert.equal(u.WORK_POSITION, 'Engineer')
    assert.deepEqual(u.UF_DEPARTMENT, [sales])
    const l = await login(portal.url, address, 'Added-secret-1')
    assert.equal(l.status, 200, l.text)
    assert.equal(l.body.result.user.ID, String(id))
  })

  test('through a webhook with the user scope', async () => {
    const id = ok(
      await H.call('user.add', {
        EMAIL: email('hooked'),
        PASSWORD: 'Hooked-secret-1',
        UF_DEPARTMENT: [1],
      }),
    )
    assert.equal(typeof id, 'number')
    assert.equal((await getUser(id)).ACTIVE, true)
  })

  test('with form-urlencoded PHP nesting (UF_DEPARTMENT[]=…)', async () => {
    const address = email('form')
    const r = await H.call(
      'user.add',
      { EMAIL: address, PASSWORD: 'Formed-secret-1', NAME: 'Form', UF_DEPARTMENT: [sales] },
      { transport: 'form' },
    )
    const id = ok(r)
    assert.deepEqual((await getUser(id)).UF_DEPARTMENT, [sales])
  })

  test('EXTRANET: "Y" creates an extranet user without a department', async () => {
    const id = ok(
      await admin.call('user.add', {
        EMAIL: email('extra'),
        PASSWORD: 'Extra-secret-1',
        EXTRANET: 'Y',
        NAME: 'Xena',
      }),
    )
    const u = await getUser(id, admin)
    assert.equal(u.USER_TYPE, 'extranet')
    const extranet = okList(await admin.call('user.get', { FILTER: { USER_TYPE: 'extranet' } }))
    assert.ok(extranet.some((x) => x.ID === String(id)))
    assert.ok(extranet.every((x) => x.USER_TYPE === 'extranet'))
  })

  test('missing or malformed e-mail is refused', async () => {
    // Bitrix24 documents ERROR_ARGUMENT "wrong_email" for both.
    fails(
      await admin.call('user.add', { PASSWORD: 'Secret-123', UF_DEPARTMENT: [1] }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await admin.call('user.add', {
        EMAIL: 'no-at-sign',
        PASSWORD: 'Secret-123',
        UF_DEPARTMENT: [1],
      }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await admin.call('user.add', { EMAIL: 'a@b', PASSWORD: 'Secret-123', UF_DEPARTMENT: [1] }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await admin.call('user.add', { EMAIL: { x: 1 }, PASSWORD: 'Secret-123', UF_DEPARTMENT: [1] }),
      400,
    )
  })

  test('a duplicate e-mail is refused with a sentence naming it, whatever its case', async () => {
    const address = email('dup')
    ok(
      await admin.call('user.add', {
        EMAIL: address,
        PASSWORD: 'Dup-secret-1',
        UF_DEPARTMENT: [1],
      }),
    )
    const again = fails(
      await admin.call('user.add', {
        EMAIL: address,
        PASSWORD: 'Dup-secret-1',
        UF_DEPARTMENT: [1],
      }),
      400,
    )
    assert.ok(again.error_description.includes(address), again.error_description)
    fails(
      await admin.call('user.add', {
        EMAIL: address.toUpperCase(),
        PASSWORD: 'Dup-secret-1',
        UF_DEPARTMENT: [1],
      }),
      400,
    )
    fails(
      await admin.call('user.add', {
        EMAIL: portal.adminEmail,
        PASSWORD: 'Dup-secret-1',
        UF_DEPARTMENT: [1],
      }),
      400,
    )
  })

  test("a duplicate e-mail answers Bitrix24's code ERROR_ARGUMENT", async () => {
    // api-reference/user/user-add.md: ERROR_ARGUMENT "Пользователь с таким email уже существует".
    fails(
      await admin.call('user.add', {
        EMAIL: portal.adminEmail,
        PASSWORD: 'Dup-secret-1',
        UF_DEPARTMENT: [1],
      }),
      400,
      'ERROR_ARGUMENT',
    )
  })

  test('every profile field of the Bitrix24 user.add table is kept', async () => {
    // The fields user.add documents (api-reference/user/user-add.md) besides the special ones.
    const fields = {
      SECOND_NAME: 'Second',
      PERSONAL_PROFESSION: 'Tester',
      PERSONAL_WWW: 'https://example.test/me',
      PERSONAL_ICQ: '12345',
      PERSONAL_PHONE: '+373 22 000 001',
      PERSONAL_FAX: '+373 22 000 002',
      PERSONAL_MOBILE: '+373 69 000 003',
      PERSONAL_PAGER: '000 004',
      PERSONAL_STREET: 'Main street 1',
      PERSONAL_CITY: 'Chisinau',
      PERSONAL_STATE: 'Centru',
      PERSONAL_ZIP: 'MD-2001',
      PERSONAL_COUNTRY: 'Moldova',
      PERSONAL_MAILBOX: 'PO 5',
      PERSONAL_NOTES: 'Notes',
      WORK_PHONE: '+373 22 000 005',
      WORK_COMPANY: 'Company',
      WORK_POSITION: 'Position',
      WORK_DEPARTMENT: 'Department text',
      WORK_WWW: 'https://example.test',
      WORK_FAX: '000 006',
      WORK_PAGER: '000 007',
      WORK_STREET: 'Work street 2',
      WORK_MAILBOX: 'PO 6',
      WORK_CITY: 'Iasi',
      WORK_STATE: 'Iasi county',
      WORK_ZIP: '700000',
      WORK_COUNTRY: 'Romania',
      WORK_PROFILE: 'Profile',
      WORK_NOTES: 'Work notes',
      UF_SKYPE_LINK: 'skype:someone?chat',
      UF_ZOOM: 'https://zoom.example.test/j/1',
      UF_INTERESTS: 'Chess',
      UF_SKILLS: 'C++',
      UF_WEB_SITES: 'https://blog.example.test',
      UF_XING: 'xing-id',
      UF_LINKEDIN: 'linkedin-id',
      UF_FACEBOOK: 'facebook-id',
      UF_TWITTER: 'twitter-id',
      UF_SKYPE: 'skype-id',
      UF_DISTRICT: 'District',
      UF_PHONE_INNER: '321',
    }
    const id = ok(
      await admin.call('user.add', {
        EMAIL: email('fields'),
        PASSWORD: 'Fields-secret-1',
        UF_DEPARTMENT: [1],
        ...fields,
      }),
    )
    const u = await getUser(id)
    const lost = Object.keys(fields).filter((k) => u[k] !== fields[k])
    assert.deepEqual(
      lost,
      [],
      `fields not kept: ${lost.map((k) => `${k}=${JSON.stringify(u[k])}`).join(', ')}`,
    )
  })

  test('an employee needs an existing department', async () => {
    fails(await admin.call('user.add', { EMAIL: email(), PASSWORD: 'Secret-123' }), 400)
    fails(
      await admin.call('user.add', { EMAIL: email(), PASSWORD: 'Secret-123', UF_DEPARTMENT: [] }),
      400,
    )
    fails(
      await admin.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        UF_DEPARTMENT: [99999],
      }),
      400,
    )
    fails(
      await admin.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        UF_DEPARTMENT: ['abc'],
      }),
      400,
    )
  })

  test('a too short password or a wrongly typed field is refused', async () => {
    fails(
      await admin.call('user.add', { EMAIL: email(), PASSWORD: '123', UF_DEPARTMENT: [1] }),
      400,
    )
    fails(
      await admin.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        NAME: { a: 1 },
        UF_DEPARTMENT: [1],
      }),
      400,
    )
    fails(
      await admin.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        PERSONAL_GENDER: 'X',
        UF_DEPARTMENT: [1],
      }),
      400,
    )
  })

  test('a refused user.add creates nobody', async () => {
    const address = email('ghost')
    fails(await admin.call('user.add', { EMAIL: address, PASSWORD: '1', UF_DEPARTMENT: [1] }), 400)
    assert.deepEqual(okList(await admin.call('user.get', { FILTER: { EMAIL: address } })), [])
  })

  test('only an administrator may add people', async () => {
    fails(
      await employee.session.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        UF_DEPARTMENT: [1],
      }),
      403,
      'ACCESS_DENIED',
    )
    const employeeHook = hook(await portal.webhook(['user'], { user: employee.id }))
    fails(
      await employeeHook.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        UF_DEPARTMENT: [1],
      }),
      403,
      'ACCESS_DENIED',
    )
    const departmentOnly = hook(await portal.webhook(['department']))
    fails(
      await departmentOnly.call('user.add', {
        EMAIL: email(),
        PASSWORD: 'Secret-123',
        UF_DEPARTMENT: [1],
      }),
      403,
      'insufficient_scope',
    )
  })
})

describe('user.update', () => {
  test('an employee edits their own profile', async () => {
    const r = await employee.session.call('user.update', {
      ID: employee.id,
      NAME: 'Erina',
      WORK_POSITION: 'Seller',
      PERSONAL_CITY: 'Chișinău',
      PERSONAL_BIRTHDAY: '1990-05-31',
    })
    assert.equal(ok(r), true)
    const u = await getUser(employee.id)
    assert.equal(u.NAME, 'Erina')
    assert.equal(u.WORK_POSITION, 'Seller')
    assert.equal(u.PERSONAL_CITY, 'Chișinău')
    assert.match(u.PERSONAL_BIRTHDAY, /^1990-05-31/)
  })

  test('an employee may not edit someone else, dismiss, or move departments', async () => {
    const other = await portal.addUser({ NAME: 'Other' })
    fails(
      await employee.session.call('user.update', { ID: other, NAME: 'Hacked' }),
      403,
      'ACCESS_DENIED',
    )
    assert.equal((await getUser(other)).NAME, 'Other')
    fails(
      await employee.session.call('user.update', { ID: other, ACTIVE: 'N' }),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await employee.session.call('user.update', { ID: employee.id, UF_DEPARTMENT: [1] }),
      403,
      'ACCESS_DENIED',
    )
    assert.deepEqual((await getUser(employee.id)).UF_DEPARTMENT, [sales])
    assert.equal((await getUser(other)).ACTIVE, true)
  })

  test('the administrator moves a person to another department', async () => {
    const id = await portal.addUser({ NAME: 'Mover' })
    assert.equal(ok(await admin.call('user.update', { ID: id, UF_DEPARTMENT: [sales] })), true)
    assert.deepEqual((await getUser(id)).UF_DEPARTMENT, [sales])
    fails(await admin.call('user.update', { ID: id, UF_DEPARTMENT: [424242] }), 400)
  })

  test('ACTIVE: "N" dismisses; the person leaves ACTIVE=true lists', async () => {
    const id = await portal.addUser({ NAME: 'Leaver' })
    assert.equal(ok(await H.call('user.update', { ID: id, ACTIVE: 'N' })), true)
    assert.equal((await getUser(id)).ACTIVE, false)
    const active = okList(
      await H.call('user.get', { FILTER: { ACTIVE: true }, start: -1, order: { ID: 'DESC' } }),
    )
    assert.ok(!active.some((u) => u.ID === String(id)))
    const all = okList(await H.call('user.get', { FILTER: { ID: id } }))
    assert.equal(all.length, 1)
  })

  test('LANGUAGE_ID takes ru, en or ro', async () => {
    assert.equal(
      ok(await employee.session.call('user.update', { ID: employee.id, LANGUAGE_ID: 'en' })),
      true,
    )
    assert.equal((await getUser(employee.id)).LANGUAGE_ID, 'en')
    fails(await employee.session.call('user.update', { ID: employee.id, LANGUAGE_ID: 'de' }), 400)
  })

  test('PERSONAL_PHOTO takes ["name.png", base64] and serves the file', async () => {
    const r = await employee.session.call('user.update', {
      ID: employee.id,
      PERSONAL_PHOTO: ['me.png', PNG_1X1],
    })
    assert.equal(ok(r), true)
    const photo = (await getUser(employee.id)).PERSONAL_PHOTO
    assert.equal(typeof photo, 'string')
    assert.ok(photo.length > 0, 'no photo URL')
    const url = new URL(photo, portal.url)
    const res = await fetch(url)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type'), /^image\/png/)
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), Buffer.from(PNG_1X1, 'base64'))
    fails(
      await employee.session.call('user.update', {
        ID: employee.id,
        PERSONAL_PHOTO: ['me.png', Buffer.from('not an image at all').toString('base64')],
      }),
      400,
    )
  })

  test('PERSONAL_PHOTO is an absolute URL, as Bitrix24 returns it to REST clients', async () => {
    ok(
      await employee.session.call('user.update', {
        ID: employee.id,
        PERSONAL_PHOTO: ['abs.png', PNG_1X1],
      }),
    )
    const photo = (await getUser(employee.id)).PERSONAL_PHOTO
    assert.match(
      photo,
      /^https?:\/\/127\.0\.0\.1:\d+\/upload\//,
      `a webhook client cannot fetch ${photo}`,
    )
  })

  test('bad input: missing or unknown ID, duplicate e-mail, wrong types', async () => {
    fails(await admin.call('user.update', { NAME: 'Nobody' }), 400)
    fails(await admin.call('user.update', { ID: 999999, NAME: 'Nobody' }), 400)
    fails(await admin.call('user.update', { ID: 'abc', NAME: 'Nobody' }), 400)
    fails(await admin.call('user.update', { ID: employee.id, EMAIL: portal.adminEmail }), 400)
    fails(await admin.call('user.update', { ID: employee.id, EMAIL: 'broken' }), 400)
    fails(await admin.call('user.update', { ID: employee.id, ACTIVE: 'maybe' }), 400)
    fails(await admin.call('user.update', { ID: employee.id, NAME: ['a', 'b'] }), 400)
    assert.equal((await getUser(employee.id)).EMAIL, employee.email)
  })
})

describe('user.get filters', () => {
  let ids
  before(async () => {
    ids = []
    for (const [NAME, LAST_NAME, PERSONAL_CITY] of [
      ['Filippa', 'Filterson', 'Moscow'],
      ['Filip', 'Filterson', 'Iasi'],
      ['Fiona', 'Filtermann', 'Chisinau'],
    ]) {
      ids.push(
        await portal.addUser({
          NAME,
          LAST_NAME,
          PERSONAL_CITY,
          WORK_POSITION: 'Filterer',
          UF_DEPARTMENT: [sales],
        }),
      )
    }
  })

  const idsOf = (rows) => rows.map((u) => Number(u.ID)).sort((a, b) => a - b)

  test('ID, >ID, >=ID, <ID, @ID, !ID', async () => {
    const [a, b, c] = ids
    const base = { WORK_POSITION: 'Filterer' }
    assert.deepEqual(idsOf(okList(await H.call('user.get', { FILTER: { ...base, ID: b } }))), [b])
    assert.deepEqual(idsOf(okList(await H.call('user.get', { FILTER: { ...base, '>ID': a } }))), [
      b,
      c,
    ])
    assert.deepEqual(idsOf(okList(await H.call('user.get', { FILTER: { ...base, '>=ID': b } }))), [
      b,
      c,
    ])
    assert.deepEqual(idsOf(okList(await H.call('user.get', { FILTER: { ...base, '<ID': c } }))), [
      a,
      b,
    ])
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { ...base, '@ID': [a, c] } }))),
      [a, c],
    )
    assert.deepEqual(idsOf(okList(await H.call('user.get', { FILTER: { ...base, '!ID': b } }))), [
      a,
      c,
    ])
  })

  test('% (substring) and exact matches on names', async () => {
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { '%LAST_NAME': 'filters' } }))),
      [ids[0], ids[1]],
    )
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { LAST_NAME: 'Filtermann' } }))),
      [ids[2]],
    )
    assert.deepEqual(okList(await H.call('user.get', { FILTER: { LAST_NAME: 'Filter' } })), [])
  })

  test('UF_DEPARTMENT at the top level and in FILTER; NAME_SEARCH', async () => {
    const top = okList(await H.call('user.get', { UF_DEPARTMENT: sales }))
    for (const id of ids) assert.ok(top.some((u) => u.ID === String(id)))
    assert.ok(
      top.every((u) => u.UF_DEPARTMENT.includes(sales)),
      JSON.stringify(top.map((u) => u.UF_DEPARTMENT)),
    )
    const inFilter = okList(
      await H.call('user.get', { FILTER: { UF_DEPARTMENT: sales, WORK_POSITION: 'Filterer' } }),
    )
    assert.deepEqual(idsOf(inFilter), ids)
    const search = okList(await H.call('user.get', { FILTER: { NAME_SEARCH: 'fiona' } }))
    assert.deepEqual(idsOf(search), [ids[2]])
  })

  test('a % in the value of a plain filter is a wildcard (NAME: "Fil%")', async () => {
    // api-reference/user/user-get.md: {"filter":{"NAME":"Ива%"}} finds names starting with «Ива».
    const rows = okList(
      await H.call('user.get', { FILTER: { NAME: 'Fil%', WORK_POSITION: 'Filterer' } }),
    )
    assert.deepEqual(idsOf(rows), [ids[0], ids[1]])
  })

  test('=% / %= (explicit pattern), !% and !=% (NOT LIKE)', async () => {
    const base = { WORK_POSITION: 'Filterer' }
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { ...base, '=%NAME': 'Fil%' } }))),
      [ids[0], ids[1]],
    )
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { ...base, '%=NAME': '%na' } }))),
      [ids[2]],
    )
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { ...base, '!%LAST_NAME': 'mann' } }))),
      [ids[0], ids[1]],
    )
    assert.deepEqual(
      idsOf(okList(await H.call('user.get', { FILTER: { ...base, '!=%LAST_NAME': '%son' } }))),
      [ids[2]],
    )
  })

  test('@ and !@ take lists of values (@PERSONAL_CITY)', async () => {
    const base = { WORK_POSITION: 'Filterer' }
    assert.deepEqual(
      idsOf(
        okList(
          await H.call('user.get', {
            FILTER: { ...base, '@PERSONAL_CITY': ['Moscow', 'Chisinau'] },
          }),
        ),
      ),
      [ids[0], ids[2]],
    )
    assert.deepEqual(
      idsOf(
        okList(
          await H.call('user.get', {
            FILTER: { ...base, '!@PERSONAL_CITY': ['Moscow', 'Chisinau'] },
          }),
        ),
      ),
      [ids[1]],
    )
    assert.deepEqual(
      idsOf(
        okList(
          await H.call('user.get', { FILTER: { ...base, PERSONAL_CITY: ['Moscow', 'Iasi'] } }),
        ),
      ),
      [ids[0], ids[1]],
    )
  })

  test('dates in filters: ISO 8601 works; an unrecognised date selects nobody (no error)', async () => {
    const base = { WORK_POSITION: 'Filterer' }
    const since = okList(
      await H.call('user.get', {
        FILTER: { ...base, '>=DATE_REGISTER': '2020-01-01T00:00:00+03:00' },
      }),
    )
    assert.deepEqual(idsOf(since), ids)
    const future = okList(
      await H.call('user.get', {
        FILTER: { ...base, '>DATE_REGISTER': '2999-01-01T00:00:00+00:00' },
      }),
    )
    assert.deepEqual(future, [])
    // api-reference/user/user-get.md: «Если значение не распознано как дата, условие не отберет ни одной записи».
    const garbage = await H.call('user.get', {
      FILTER: { ...base, '>=DATE_REGISTER': 'not a date' },
    })
    assert.deepEqual(okList(garbage), [])
  })

  test('select: UF_* gives the user fields, * gives everything, unknown names are skipped', async () => {
    const [uf] = okList(await H.call('user.get', { FILTER: { ID: ids[0] }, select: ['UF_*'] }))
    for (const key of ['UF_DEPARTMENT', 'UF_PHONE_INNER', 'UF_SKILLS', 'UF_INTERESTS'])
      assert.ok(key in uf, `${key} missing from select UF_*: ${JSON.stringify(uf)}`)
    assert.ok(!('NAME' in uf), `UF_* returned NAME: ${JSON.stringify(uf)}`)
    const [all] = okList(await H.call('user.get', { FILTER: { ID: ids[0] }, select: ['*'] }))
    for (const key of [
      'ID',
      'NAME',
      'LAST_NAME',
      'EMAIL',
      'ACTIVE',
      'UF_DEPARTMENT',
      'WORK_POSITION',
    ])
      assert.ok(key in all, `${key} missing from select *`)
    const unknown = await H.call('user.get', {
      FILTER: { ID: ids[0] },
      select: ['ID', 'NAME', 'NO_SUCH_FIELD'],
    })
    const [row] = okList(unknown)
    assert.equal(row.NAME, 'Filippa')
    assert.ok(!('NO_SUCH_FIELD' in row))
  })

  test('user.search with FIND or FILTER, not both', async () => {
    const found = okList(await H.call('user.search', { FIND: 'Filippa' }))
    assert.deepEqual(idsOf(found), [ids[0]])
    const byName = okList(await H.call('user.search', { FILTER: { NAME: 'Fil' } }))
    assert.deepEqual(idsOf(byName), [ids[0], ids[1]])
    const byDept = okList(
      await H.call('user.search', {
        FILTER: { UF_DEPARTMENT_NAME: 'Sales', WORK_POSITION: 'Filterer' },
      }),
    )
    assert.deepEqual(idsOf(byDept), ids)
    fails(await H.call('user.search', { FIND: 'Fil', FILTER: { NAME: 'Fil' } }), 400)
  })

  test('an employee sees colleagues through user.get', async () => {
    const rows = okList(
      await employee.session.call('user.get', { FILTER: { WORK_POSITION: 'Filterer' } }),
    )
    assert.deepEqual(idsOf(rows), ids)
  })

  test('a webhook without the user scope gets insufficient_scope', async () => {
    const departmentOnly = hook(await portal.webhook(['department']))
    for (const method of [
      'user.get',
      'user.current',
      'user.search',
      'user.fields',
      'user.update',
    ]) {
      fails(await departmentOnly.call(method, { ID: 1 }), 403, 'insufficient_scope')
    }
  })

  test('an unknown upload address answers 404', async () => {
    const r = await request(`${portal.url}/upload/999999/0000000000000000/x.png`)
    assert.equal(r.status, 404)
  })
})
