// Workgroups and projects (D1, D6): sonet_group.create / update / get / delete / setowner /
// user.groups — the group object, defaults, project dates, filters and paging, who may edit and
// delete, hidden groups answering as missing ones, bad input refused with nothing changed.
// Members and requests: groups-members.test.mjs; tasks of a group: groups-tasks.test.mjs; the
// board: groups-board.test.mjs; inviting an outside person: groups-extranet.test.mjs.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok, PNG_1X1 } from '../support/expect.mjs'
import { groupCompany, unique } from '../support/groups.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Groups Ltd' })
  co = await groupCompany(portal)
})

after(async () => {
  await portal?.stop()
})

const MISSING = 99999900
const count = async () => (await co.admin.call('sonet_group.get', {})).body.total
// A 400 ERROR_ARGUMENT that names the field (in `argument`, as the task errors do, or in words).
const namesField = (body, field) =>
  assert.ok(
    String(body.argument ?? '').includes(field) || body.error_description.includes(field),
    `${field}: ${JSON.stringify(body)}`,
  )

describe('sonet_group.create and the group object', () => {
  test('an employee creates a workgroup: the defaults, the owner, the caller’s role', async () => {
    const NAME = unique('Рабочая группа')
    const id = await co.group(co.carl, { NAME, DESCRIPTION: 'О чём группа', KEYWORDS: 'a,b' })
    const g = await co.groupGet(co.carl, id)
    assert.equal(g.ID, String(id))
    assert.equal(g.NAME, NAME)
    assert.equal(g.DESCRIPTION, 'О чём группа')
    assert.equal(g.KEYWORDS, 'a,b')
    assert.equal(g.OWNER_ID, String(co.carl.id))
    for (const [k, v] of Object.entries({
      ACTIVE: 'Y',
      VISIBLE: 'Y',
      OPENED: 'N',
      CLOSED: 'N',
      PROJECT: 'N',
      IS_EXTRANET: 'N',
      INITIATE_PERMS: 'E',
      CURATOR_ROLE: 'AUDITOR',
      EXTRANET_TASKS: 'ALL',
      MOVE_PERMS: 'K',
      USER_ROLE: 'A',
    }))
      assert.equal(g[k], v, `${k} of ${JSON.stringify(g)}`)
    assert.equal(Number(g.NUMBER_OF_MEMBERS), 1)
    assert.deepEqual(g.CURATORS, [])
    for (const k of ['DATE_CREATE', 'DATE_UPDATE', 'DATE_ACTIVITY'])
      assert.match(g[k], ISO_WITH_OFFSET, k)
    assert.ok(Math.abs(Date.parse(g.DATE_CREATE) - Date.now()) < 120e3, g.DATE_CREATE)
    assert.deepEqual(await co.roles(co.carl, id), { [co.carl.id]: 'A' })
    // Another employee sees a visible group, with no role in it.
    assert.equal((await co.groupGet(co.boris, id)).USER_ROLE, '')
  })

  test('a project with dates; flags as given; the dates come back in ISO 8601', async () => {
    const id = await co.group(co.carl, {
      PROJECT: 'Y',
      PROJECT_DATE_START: '2031-03-01T09:00:00+03:00',
      PROJECT_DATE_FINISH: '2031-06-30T18:00:00+03:00',
      OPENED: 'Y',
      INITIATE_PERMS: 'K',
      MOVE_PERMS: 'E',
    })
    const g = await co.groupGet(co.carl, id)
    assert.equal(g.PROJECT, 'Y')
    assert.equal(g.OPENED, 'Y')
    assert.equal(g.INITIATE_PERMS, 'K')
    assert.equal(g.MOVE_PERMS, 'E')
    assert.match(g.PROJECT_DATE_START, ISO_WITH_OFFSET)
    assert.equal(Date.parse(g.PROJECT_DATE_START), Date.parse('2031-03-01T09:00:00+03:00'))
    assert.equal(Date.parse(g.PROJECT_DATE_FINISH), Date.parse('2031-06-30T18:00:00+03:00'))
    assert.ok((await co.groupIds(co.carl, { PROJECT: 'Y' })).includes(id))
    assert.ok(!(await co.groupIds(co.carl, { PROJECT: 'N' })).includes(id))
  })

  test('the administrator may name the owner; an employee’s OWNER_ID makes nobody else owner', async () => {
    const id = await co.group(co.admin, { OWNER_ID: co.dora.id })
    assert.equal((await co.groupGet(co.admin, id)).OWNER_ID, String(co.dora.id))
    assert.equal((await co.roles(co.dora, id))[co.dora.id], 'A')
    const r = await co.carl.call('sonet_group.create', { NAME: unique(), OWNER_ID: co.dora.id })
    if (r.status === 200) {
      assert.equal((await co.groupGet(co.carl, r.body.result)).OWNER_ID, String(co.carl.id))
    } else fails(r, 403, 'ACCESS_DENIED')
  })

  test('an extranet person may not create a group', async () => {
    const before = await count()
    fails(await co.xena.call('sonet_group.create', { NAME: unique() }), 403, 'ACCESS_DENIED')
    assert.equal(await count(), before)
  })

  test('bad input is a 400 ERROR_ARGUMENT naming the field, and creates nothing', async () => {
    const before = await count()
    const cases = [
      [{}, 'NAME'],
      [{ NAME: '   ' }, 'NAME'],
      [{ NAME: 'x', VISIBLE: 'maybe' }, 'VISIBLE'],
      [{ NAME: 'x', OPENED: 'X' }, 'OPENED'],
      [{ NAME: 'x', INITIATE_PERMS: 'Z' }, 'INITIATE_PERMS'],
      [{ NAME: 'x', PROJECT: 'Y', PROJECT_DATE_START: 'soon' }, 'PROJECT_DATE_START'],
      [
        {
          NAME: 'x',
          PROJECT: 'Y',
          PROJECT_DATE_START: '2031-06-01',
          PROJECT_DATE_FINISH: '2031-05-01',
        },
        'PROJECT_DATE_FINISH',
      ],
      [{ NAME: 'x', CURATOR_ROLE: 'BOSS' }, 'CURATOR_ROLE'],
      [{ NAME: 'x', EXTRANET_TASKS: 'SOME' }, 'EXTRANET_TASKS'],
      [{ NAME: 'x', MOVE_PERMS: 'Q' }, 'MOVE_PERMS'],
      [{ NAME: 'x', CURATORS: [co.boris.id] }, 'CURATORS'], // not a member
      [{ NAME: 'x', OWNER_ID: MISSING }, 'OWNER_ID'],
    ]
    const accepted = []
    for (const [params, field] of cases) {
      const r = await co.admin.call('sonet_group.create', params)
      if (r.status === 200) accepted.push(`${field}: ${JSON.stringify(params)}`)
      else namesField(fails(r, 400, 'ERROR_ARGUMENT'), field)
    }
    assert.deepEqual(accepted, [], 'accepted bad input')
    assert.equal(await count(), before)
    fails(await co.noScope.call('sonet_group.create', { NAME: 'x' }), 403, 'insufficient_scope')
  })
})

describe('sonet_group.get: filters, order, paging', () => {
  test('FILTER with operators, ORDER, GROUP_ID', async () => {
    const tag = unique('Фильтр')
    const a = await co.group(co.carl, { NAME: `${tag} Альфа` })
    const b = await co.group(co.carl, { NAME: `${tag} Бета`, OPENED: 'Y' })
    const c = await co.group(co.dora, { NAME: `${tag} Гамма` })
    assert.deepEqual(await co.groupIds(co.boris, { '%NAME': tag }), [c, b, a], 'ID DESC by default')
    assert.deepEqual(await co.groupIds(co.boris, { '%NAME': tag }, { ORDER: { NAME: 'ASC' } }), [
      a,
      b,
      c,
    ])
    assert.deepEqual(await co.groupIds(co.boris, { '%NAME': tag, OPENED: 'Y' }), [b])
    assert.deepEqual(await co.groupIds(co.boris, { '%NAME': tag, OWNER_ID: co.dora.id }), [c])
    assert.deepEqual(await co.groupIds(co.boris, { '%NAME': tag, '!OWNER_ID': co.dora.id }), [b, a])
    assert.deepEqual(await co.groupIds(co.boris, { '%NAME': tag, '>ID': a }), [c, b])
    assert.deepEqual(await co.groupIds(co.boris, { NAME: `${tag} Бета` }), [b])
    const one = ok(await co.boris.call('sonet_group.get', { GROUP_ID: b }))
    assert.deepEqual(
      one.map((g) => Number(g.ID)),
      [b],
    )
    fails(
      await co.boris.call('sonet_group.get', { FILTER: { '%NAME': tag }, ORDER: { NAME: 'UP' } }),
      400,
      'ERROR_ARGUMENT',
    )
  })

  test('50 a page with total and next; start pages on', async () => {
    const tag = unique('Страница')
    // Two batches: a batch takes at most 50 commands.
    for (const [from, to] of [
      [0, 50],
      [50, 53],
    ]) {
      const cmd = {}
      for (let i = from; i < to; i++)
        cmd[`g${i}`] = `sonet_group.create?NAME=${encodeURIComponent(tag)}+${i}`
      const made = ok(await co.admin.call('batch', { halt: 1, cmd }))
      assert.equal(Object.keys(made.result).length, to - from)
    }
    const first = await co.boris.call('sonet_group.get', { FILTER: { '%NAME': tag } })
    assert.equal(ok(first).length, 50)
    assert.equal(first.body.total, 53)
    assert.equal(first.body.next, 50)
    const second = await co.boris.call('sonet_group.get', { FILTER: { '%NAME': tag }, start: 50 })
    assert.equal(ok(second).length, 3)
    assert.equal(second.body.next, undefined)
    const ids = new Set([...ok(first), ...ok(second)].map((g) => g.ID))
    assert.equal(ids.size, 53)
  })
})

describe('hidden groups', () => {
  test('an outsider employee neither lists nor reads a hidden group: the same answers as a missing id', async () => {
    const NAME = unique('Скрытая')
    const id = await co.group(co.carl, { NAME, VISIBLE: 'N', DESCRIPTION: 'тайна' })
    await co.join(co.carl, id, [co.dora])
    for (const who of [co.carl, co.dora, co.admin])
      assert.equal((await co.groupGet(who, id))?.NAME, NAME, `${who.name} sees it`)
    const boris = co.boris
    assert.equal(await co.groupGet(boris, id), null)
    assert.ok(!(await co.groupIds(boris)).includes(id))
    const hidden = await boris.call('sonet_group.get', { GROUP_ID: id })
    const missing = await boris.call('sonet_group.get', { GROUP_ID: MISSING })
    assert.ok(hidden.status < 500 && !hidden.text.includes(NAME), hidden.text)
    assert.deepEqual([hidden.status, hidden.body?.result], [missing.status, missing.body?.result])
    for (const [method, params] of [
      ['sonet_group.user.get', (g) => ({ ID: g })],
      ['sonet_group.update', (g) => ({ GROUP_ID: g, NAME: 'взлом' })],
      ['sonet_group.delete', (g) => ({ GROUP_ID: g })],
      ['sonet_group.user.request', (g) => ({ GROUP_ID: g })],
      ['sonet_group.setowner', (g) => ({ GROUP_ID: g, USER_ID: boris.id })],
    ]) {
      const h = fails(await boris.call(method, params(id)), 400, 'ERROR_GROUP_NOT_FOUND')
      const m = fails(await boris.call(method, params(MISSING)), 400, 'ERROR_GROUP_NOT_FOUND')
      assert.equal(h.error_description, m.error_description, method)
    }
    const g = await co.groupGet(co.carl, id)
    assert.equal(g.NAME, NAME)
    assert.equal(g.OWNER_ID, String(co.carl.id))
    assert.deepEqual(
      Object.keys(await co.roles(co.carl, id)).sort(),
      [co.carl.id, co.dora.id].map(String).sort(),
    )
  })

  test('turning a group hidden takes it out of an outsider’s list; visible again brings it back', async () => {
    const id = await co.group(co.carl, {})
    assert.ok((await co.groupIds(co.boris)).includes(id))
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: id, VISIBLE: 'N' }))
    assert.ok(!(await co.groupIds(co.boris)).includes(id))
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: id, VISIBLE: 'Y' }))
    assert.ok((await co.groupIds(co.boris)).includes(id))
  })
})

describe('sonet_group.update', () => {
  test('the owner, a moderator and the administrator edit; a member and an outsider may not', async () => {
    const id = await co.group(co.carl, { NAME: unique('Правка') })
    await co.join(co.carl, id, [co.dora, co.ann])
    ok(
      await co.carl.call('sonet_group.user.update', {
        GROUP_ID: id,
        USER_ID: co.dora.id,
        ROLE: 'E',
      }),
    )
    assert.equal(
      ok(await co.carl.call('sonet_group.update', { GROUP_ID: id, NAME: 'Владелец' })),
      id,
    )
    assert.equal((await co.groupGet(co.boris, id)).NAME, 'Владелец')
    ok(await co.dora.call('sonet_group.update', { GROUP_ID: id, DESCRIPTION: 'модератор' }))
    ok(
      await co.admin.call('sonet_group.update', {
        GROUP_ID: id,
        PROJECT: 'Y',
        PROJECT_DATE_START: '2031-01-10',
        PROJECT_DATE_FINISH: '2031-02-10',
      }),
    )
    fails(
      await co.ann.call('sonet_group.update', { GROUP_ID: id, NAME: 'член' }),
      403,
      'ACCESS_DENIED',
    )
    fails(
      await co.boris.call('sonet_group.update', { GROUP_ID: id, NAME: 'чужой' }),
      403,
      'ACCESS_DENIED',
    )
    const g = await co.groupGet(co.boris, id)
    assert.equal(g.NAME, 'Владелец')
    assert.equal(g.DESCRIPTION, 'модератор')
    assert.equal(g.PROJECT, 'Y')
    assert.equal(g.PROJECT_DATE_START.slice(0, 10), '2031-01-10')
  })

  test('bad input changes nothing', async () => {
    const id = await co.group(co.carl, { NAME: unique('Неизменная') })
    const before = await co.groupGet(co.carl, id)
    fails(await co.carl.call('sonet_group.update', { NAME: 'x' }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('sonet_group.update', { GROUP_ID: 'abc', NAME: 'x' }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(
      await co.carl.call('sonet_group.update', { GROUP_ID: MISSING, NAME: 'x' }),
      400,
      'ERROR_GROUP_NOT_FOUND',
    )
    const accepted = []
    for (const [params, field] of [
      [{ NAME: '' }, 'NAME'],
      [{ VISIBLE: 'maybe' }, 'VISIBLE'],
      [{ MOVE_PERMS: 'Z' }, 'MOVE_PERMS'],
      [{ CURATORS: [co.boris.id] }, 'CURATORS'],
      [{ PROJECT_DATE_START: '2031-05-01', PROJECT_DATE_FINISH: '2030-05-01' }, 'PROJECT_DATE'],
    ]) {
      const r = await co.carl.call('sonet_group.update', { GROUP_ID: id, ...params })
      if (r.status === 200) accepted.push(`${field}: ${JSON.stringify(params)}`)
      else namesField(fails(r, 400, 'ERROR_ARGUMENT'), field)
    }
    assert.deepEqual(accepted, [], 'accepted bad input')
    const after = await co.groupGet(co.carl, id)
    delete before.DATE_ACTIVITY
    delete after.DATE_ACTIVITY
    assert.deepEqual(after, before)
  })
})

describe('sonet_group.setowner', () => {
  test('the owner hands the group over and becomes a moderator; others may not', async () => {
    const id = await co.group(co.carl, {})
    await co.join(co.carl, id, [co.dora, co.ann])
    fails(
      await co.ann.call('sonet_group.setowner', { GROUP_ID: id, USER_ID: co.ann.id }),
      403,
      'ACCESS_DENIED',
    )
    fails(await co.carl.call('sonet_group.setowner', { GROUP_ID: id }), 400, 'ERROR_ARGUMENT')
    fails(
      await co.carl.call('sonet_group.setowner', { GROUP_ID: id, USER_ID: MISSING }),
      400,
      'ERROR_ARGUMENT',
    )
    assert.deepEqual(await co.roles(co.carl, id), {
      [co.carl.id]: 'A',
      [co.dora.id]: 'K',
      [co.ann.id]: 'K',
    })
    assert.equal(
      ok(await co.carl.call('sonet_group.setowner', { GROUP_ID: id, USER_ID: co.dora.id })),
      true,
    )
    assert.deepEqual(await co.roles(co.dora, id), {
      [co.carl.id]: 'E',
      [co.dora.id]: 'A',
      [co.ann.id]: 'K',
    })
    assert.equal((await co.groupGet(co.ann, id)).OWNER_ID, String(co.dora.id))
    // Carl, now a moderator, may no longer hand it on; the administrator may.
    fails(
      await co.carl.call('sonet_group.setowner', { GROUP_ID: id, USER_ID: co.carl.id }),
      403,
      'ACCESS_DENIED',
    )
    ok(await co.admin.call('sonet_group.setowner', { GROUP_ID: id, USER_ID: co.ann.id }))
    assert.equal((await co.roles(co.ann, id))[co.ann.id], 'A')
  })
})

describe('sonet_group.delete', () => {
  test('the owner or the administrator deletes; a moderator may not; the tasks stay, without a group', async () => {
    const id = await co.group(co.carl, {})
    await co.join(co.carl, id, [co.dora, co.ann])
    ok(
      await co.carl.call('sonet_group.user.update', {
        GROUP_ID: id,
        USER_ID: co.dora.id,
        ROLE: 'E',
      }),
    )
    const t = await co.task(co.carl, { GROUP_ID: id, RESPONSIBLE_ID: co.ann.id })
    assert.equal(t.groupId, String(id))
    fails(await co.dora.call('sonet_group.delete', { GROUP_ID: id }), 403, 'ACCESS_DENIED')
    fails(await co.ann.call('sonet_group.delete', { GROUP_ID: id }), 403, 'ACCESS_DENIED')
    fails(await co.carl.call('sonet_group.delete', {}), 400, 'ERROR_ARGUMENT')
    assert.ok(await co.groupGet(co.boris, id), 'still there after the refusals')
    assert.equal(ok(await co.carl.call('sonet_group.delete', { GROUP_ID: id })), true)
    assert.equal(await co.groupGet(co.admin, id), null)
    fails(await co.carl.call('sonet_group.user.get', { ID: id }), 400, 'ERROR_GROUP_NOT_FOUND')
    fails(await co.carl.call('sonet_group.delete', { GROUP_ID: id }), 400, 'ERROR_GROUP_NOT_FOUND')
    const after = await co.get(co.carl, t.id)
    assert.equal(after.groupId, '0')
    assert.equal((await co.get(co.ann, t.id)).title, t.title)
    // The detaching is in the task's history, by the person who deleted the group.
    const history = ok(await co.carl.call('tasks.task.history.list', { taskId: t.id })).list
    const detached = history.find((e) => e.field === 'GROUP_ID')
    assert.deepEqual(detached?.value, { from: String(id), to: '0' })
    assert.equal(detached.user.id, co.carl.id)
    assert.ok(history.some((e) => e.field === 'STAGE_ID' && e.value.to === '0'))
    assert.ok(
      !ok(await co.carl.call('sonet_group.user.groups')).some((g) => Number(g.GROUP_ID) === id),
    )

    const other = await co.group(co.dora, {})
    assert.equal(ok(await co.admin.call('sonet_group.delete', { GROUP_ID: other })), true)
    assert.equal(await co.groupGet(co.admin, other), null)
  })
})

describe('sonet_group.user.groups', () => {
  test('the caller’s groups with their role, nothing of others', async () => {
    const a = await co.group(co.olga, { NAME: unique('Мои А'), PROJECT: 'Y' })
    const b = await co.group(co.carl, { NAME: unique('Мои Б') })
    await co.join(co.carl, b, [co.olga])
    const c = await co.group(co.carl, { NAME: unique('Чужая') })
    const mine = ok(await co.olga.call('sonet_group.user.groups'))
    const byId = Object.fromEntries(mine.map((g) => [Number(g.GROUP_ID), g]))
    assert.equal(byId[a].ROLE, 'A')
    assert.equal(byId[a].PROJECT, 'Y')
    assert.equal(byId[a].IS_EXTRANET, 'N')
    assert.equal(byId[b].ROLE, 'K')
    assert.match(byId[b].GROUP_NAME, /^Мои Б/)
    assert.equal(byId[c], undefined)
  })
})

describe('the group’s picture (IMAGE)', () => {
  test('set on create as ["name", base64], served as an image, replaced and removed', async () => {
    const id = ok(
      await co.carl.call('sonet_group.create', {
        NAME: unique('С картинкой'),
        IMAGE: ['logo.png', PNG_1X1],
      }),
    )
    const g = await co.groupGet(co.carl, id)
    assert.match(g.IMAGE_ID, /^\d+$/)
    assert.ok(g.IMAGE.startsWith(portal.url), g.IMAGE)
    const picture = await fetch(g.IMAGE)
    assert.equal(picture.status, 200)
    assert.equal(picture.headers.get('content-type'), 'image/png')
    // A task of the group shows it in its short group object.
    const t = await co.task(co.carl, { GROUP_ID: id })
    assert.equal((await co.get(co.carl, t.id, ['ID', 'GROUP_ID'])).group.image, g.IMAGE)
    // Not an image: refused, the picture stays.
    const bad = await co.carl.call('sonet_group.update', {
      GROUP_ID: id,
      IMAGE: ['x.png', Buffer.from('<svg onload=alert(1)>').toString('base64')],
    })
    assert.equal(fails(bad, 400, 'ERROR_ARGUMENT').argument, 'IMAGE')
    assert.equal((await co.groupGet(co.carl, id)).IMAGE_ID, g.IMAGE_ID)
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: id, IMAGE_FILE_ID: 0 }))
    const removed = await co.groupGet(co.carl, id)
    assert.equal(removed.IMAGE_ID, '')
    assert.equal(removed.IMAGE, '')
  })
})
