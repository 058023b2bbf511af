// department.get, department.add, department.update, department.delete, department.fields.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok, okList } from '../support/expect.mjs'
import { hook } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'

const PORTAL_NAME = 'Departments Ltd'
let portal
let admin
let H // webhook: user + department
let employee

before(async () => {
  portal = await startPortal({ portalName: PORTAL_NAME })
  admin = await portal.admin()
  H = hook(await portal.webhook(['user', 'department']))
  employee = await portal.addEmployee({ NAME: 'Dora' })
})

after(async () => {
  await portal?.stop()
})

async function dept(id) {
  const rows = okList(await H.call('department.get', { ID: id }))
  assert.equal(rows.length, 1, `department ${id}: ${JSON.stringify(rows)}`)
  return rows[0]
}

describe('department.get and department.fields', () => {
  test('the portal starts with one top department named after the company, headed by the admin', async () => {
    const r = await H.call('department.get')
    const rows = okList(r)
    assert.equal(rows.length, 1)
    assert.equal(r.body.total, 1)
    const root = rows[0]
    assert.equal(root.ID, '1')
    assert.equal(root.NAME, PORTAL_NAME)
    assert.equal(typeof root.SORT, 'number')
    assert.ok(!root.PARENT, `the top department has no parent: ${JSON.stringify(root)}`)
    assert.equal(root.UF_HEAD, '1')
  })

  test('department.fields lists ID, NAME, SORT, PARENT, UF_HEAD with titles', async () => {
    const f = ok(await H.call('department.fields'))
    assert.deepEqual(Object.keys(f).sort(), ['ID', 'NAME', 'PARENT', 'SORT', 'UF_HEAD'])
    for (const v of Object.values(f)) assert.equal(typeof v, 'string')
  })

  test('an employee reads departments', async () => {
    const rows = okList(await employee.session.call('department.get'))
    assert.ok(rows.some((d) => d.ID === '1'))
  })
})

describe('department.add', () => {
  test('NAME and PARENT create a department; the new ID is a number', async () => {
    const id = ok(await H.call('department.add', { NAME: 'Engineering', PARENT: 1 }))
    assert.equal(typeof id, 'number')
    const d = await dept(id)
    assert.deepEqual(
      { ID: d.ID, NAME: d.NAME, PARENT: d.PARENT },
      { ID: String(id), NAME: 'Engineering', PARENT: '1' },
    )
    assert.equal(typeof d.SORT, 'number')
  })

  test('SORT and UF_HEAD are stored; form encoding works', async () => {
    const id = ok(
      await H.call(
        'department.add',
        { NAME: 'Support', PARENT: '1', SORT: '300', UF_HEAD: String(employee.id) },
        { transport: 'form' },
      ),
    )
    const d = await dept(id)
    assert.equal(d.SORT, 300)
    assert.equal(d.UF_HEAD, String(employee.id))
  })

  test('bad input is refused with 400', async () => {
    fails(await H.call('department.add', { PARENT: 1 }), 400)
    fails(await H.call('department.add', { NAME: '', PARENT: 1 }), 400)
    fails(await H.call('department.add', { NAME: '   ', PARENT: 1 }), 400)
    fails(await H.call('department.add', { NAME: { x: 1 }, PARENT: 1 }), 400)
    fails(await H.call('department.add', { NAME: 'Orphan', PARENT: 987654 }), 400)
    fails(await H.call('department.add', { NAME: 'Orphan', PARENT: 'abc' }), 400)
    fails(await H.call('department.add', { NAME: 'Headless', PARENT: 1, UF_HEAD: 987654 }), 400)
  })

  test('a second top department is refused', async () => {
    fails(await H.call('department.add', { NAME: 'Another company' }), 400)
    fails(await H.call('department.add', { NAME: 'Another company', PARENT: 0 }), 400)
    const roots = okList(await H.call('department.get')).filter((d) => !d.PARENT)
    assert.equal(roots.length, 1)
  })

  test('only an administrator adds departments; a webhook needs the department scope', async () => {
    fails(
      await employee.session.call('department.add', { NAME: 'Rogue', PARENT: 1 }),
      403,
      'ACCESS_DENIED',
    )
    const userOnly = hook(await portal.webhook(['user']))
    fails(
      await userOnly.call('department.add', { NAME: 'Rogue', PARENT: 1 }),
      403,
      'insufficient_scope',
    )
    fails(await userOnly.call('department.get'), 403, 'insufficient_scope')
    const employeeHook = hook(await portal.webhook(['department'], { user: employee.id }))
    fails(
      await employeeHook.call('department.add', { NAME: 'Rogue', PARENT: 1 }),
      403,
      'ACCESS_DENIED',
    )
    assert.ok(!okList(await H.call('department.get')).some((d) => d.NAME === 'Rogue'))
  })
})

describe('department.update', () => {
  test('renames, re-sorts and moves a department', async () => {
    const a = ok(await H.call('department.add', { NAME: 'Alpha', PARENT: 1 }))
    const b = ok(await H.call('department.add', { NAME: 'Beta', PARENT: 1 }))
    assert.equal(
      ok(await H.call('department.update', { ID: a, NAME: 'Alpha Prime', SORT: 10 })),
      true,
    )
    let d = await dept(a)
    assert.equal(d.NAME, 'Alpha Prime')
    assert.equal(d.SORT, 10)
    assert.equal(ok(await H.call('department.update', { ID: a, PARENT: b })), true)
    d = await dept(a)
    assert.equal(d.PARENT, String(b))
  })

  test('a move under itself or its own sub-department (a cycle) is refused', async () => {
    const top = ok(await H.call('department.add', { NAME: 'Cycle top', PARENT: 1 }))
    const mid = ok(await H.call('department.add', { NAME: 'Cycle mid', PARENT: top }))
    const leaf = ok(await H.call('department.add', { NAME: 'Cycle leaf', PARENT: mid }))
    fails(await H.call('department.update', { ID: top, PARENT: top }), 400)
    fails(await H.call('department.update', { ID: top, PARENT: leaf }), 400)
    fails(await H.call('department.update', { ID: top, PARENT: mid }), 400)
    assert.equal((await dept(top)).PARENT, '1')
  })

  test('the top department cannot be moved under another one', async () => {
    const child = ok(await H.call('department.add', { NAME: 'Under root', PARENT: 1 }))
    fails(await H.call('department.update', { ID: 1, PARENT: child }), 400)
    assert.ok(!(await dept(1)).PARENT)
  })

  test('unknown or missing ID and bad values are refused', async () => {
    fails(await H.call('department.update', { NAME: 'No id' }), 400)
    fails(await H.call('department.update', { ID: 987654, NAME: 'Ghost' }), 400)
    fails(await H.call('department.update', { ID: 1, NAME: '' }), 400)
    fails(await H.call('department.update', { ID: 1, PARENT: 987654 }), 400)
    fails(await H.call('department.update', { ID: 'abc', NAME: 'x' }), 400)
  })

  test('only an administrator updates departments', async () => {
    fails(
      await employee.session.call('department.update', { ID: 1, NAME: 'Mine now' }),
      403,
      'ACCESS_DENIED',
    )
    assert.equal((await dept(1)).NAME, PORTAL_NAME)
  })
})

describe('department.delete', () => {
  test('an empty department is deleted', async () => {
    const id = ok(await H.call('department.add', { NAME: 'Short-lived', PARENT: 1 }))
    assert.equal(ok(await H.call('department.delete', { ID: id })), true)
    assert.deepEqual(okList(await H.call('department.get', { ID: id })), [])
    fails(await H.call('department.delete', { ID: id }), 400)
  })

  test('a department with people is not deleted: 400 DEPARTMENT_NOT_EMPTY with a sentence', async () => {
    const id = ok(await H.call('department.add', { NAME: 'Crowded', PARENT: 1 }))
    await portal.addUser({ NAME: 'Stayer', UF_DEPARTMENT: [id] })
    const e = fails(await H.call('department.delete', { ID: id }), 400, 'DEPARTMENT_NOT_EMPTY')
    assert.ok(e.error_description.includes('Crowded'), e.error_description)
    assert.ok(e.error_description.split(' ').length >= 4, `not a sentence: ${e.error_description}`)
    assert.equal((await dept(id)).NAME, 'Crowded')
  })

  test('a department with sub-departments is not deleted; the sentence names them', async () => {
    const parent = ok(await H.call('department.add', { NAME: 'Parent dept', PARENT: 1 }))
    ok(await H.call('department.add', { NAME: 'Child dept', PARENT: parent }))
    const e = fails(await H.call('department.delete', { ID: parent }), 400, 'DEPARTMENT_NOT_EMPTY')
    assert.ok(e.error_description.includes('Child dept'), e.error_description)
    assert.equal((await dept(parent)).NAME, 'Parent dept')
  })

  test('missing ID is refused; an employee may not delete', async () => {
    fails(await H.call('department.delete', {}), 400)
    const id = ok(await H.call('department.add', { NAME: 'Protected', PARENT: 1 }))
    fails(await employee.session.call('department.delete', { ID: id }), 403, 'ACCESS_DENIED')
    assert.equal((await dept(id)).NAME, 'Protected')
  })
})

describe('department.get filters, order and paging', () => {
  let parent
  const kids = []
  before(async () => {
    parent = ok(await H.call('department.add', { NAME: 'Many', PARENT: 1 }))
    for (let i = 0; i < 55; i++) {
      kids.push(
        ok(
          await H.call('department.add', {
            NAME: `Team ${String(i).padStart(2, '0')}`,
            PARENT: parent,
            SORT: 1000 - i,
          }),
        ),
      )
    }
  })

  test('PARENT filter at the top level and in FILTER', async () => {
    const top = await H.call('department.get', { PARENT: parent, start: -1 })
    assert.equal(okList(top).length, 50)
    const r = await H.call('department.get', { FILTER: { PARENT: parent } })
    assert.equal(r.body.total, 55)
    assert.ok(okList(r).every((d) => d.PARENT === String(parent)))
  })

  test('pages by 50 with total and next', async () => {
    const first = await H.call('department.get', { PARENT: parent })
    assert.equal(okList(first).length, 50)
    assert.equal(first.body.total, 55)
    assert.equal(first.body.next, 50)
    const second = await H.call('department.get', { PARENT: parent, start: 50 })
    assert.equal(okList(second).length, 5)
    assert.ok(!('next' in second.body))
    const ids = [...first.body.result, ...second.body.result].map((d) => Number(d.ID))
    assert.deepEqual(
      [...ids].sort((a, b) => a - b),
      kids,
    )
  })

  test('sort and order, legacy scalars and the object form', async () => {
    const byName = okList(
      await H.call('department.get', { PARENT: parent, sort: 'NAME', order: 'DESC' }),
    )
    assert.equal(byName[0].NAME, 'Team 54')
    const bySort = okList(
      await H.call('department.get', { PARENT: parent, order: { SORT: 'ASC' } }),
    )
    assert.equal(bySort[0].NAME, 'Team 54')
    const byId = okList(await H.call('department.get', { PARENT: parent, order: { ID: 'ASC' } }))
    assert.equal(Number(byId[0].ID), kids[0])
  })

  test('NAME filter and keyset paging with >ID', async () => {
    const named = okList(await H.call('department.get', { NAME: 'Team 07' }))
    assert.deepEqual(
      named.map((d) => Number(d.ID)),
      [kids[7]],
    )
    const keyset = await H.call('department.get', {
      filter: { PARENT: parent, '>ID': kids[49] },
      order: { ID: 'ASC' },
      start: -1,
    })
    assert.deepEqual(
      okList(keyset).map((d) => Number(d.ID)),
      kids.slice(50),
    )
    assert.ok(!('next' in keyset.body))
  })
})
