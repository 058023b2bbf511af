// Tasks of a workgroup (D2, D3, D5): GROUP_ID needs membership; the group's members see its
// tasks and outsiders do not; an extranet member sees all of them or, with EXTRANET_TASKS OWN,
// only their own, and takes part only in tasks of their groups; curators join every new task of
// the group; task.changed reaches a member who is not in the task.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { groupCompany, refused, unique } from '../support/groups.mjs'
import { startPortal } from '../support/server.mjs'
import { live, mentions, positional } from '../support/tasks.mjs'

let portal
let co
const sockets = []

before(async () => {
  portal = await startPortal({ portalName: 'Group Tasks Ltd' })
  co = await groupCompany(portal)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
})

const MISSING = 99999900
const addTask = (who, fields) =>
  who.call('tasks.task.add', { fields: { TITLE: unique(), ...fields } })
const titled = async (title) => (await co.list(co.admin, { filter: { TITLE: title } })).ids

describe('GROUP_ID on a task', () => {
  test('needs membership of the group, or the administrator', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora])
    const title = unique('Чужая группа')
    refused(await addTask(co.boris, { TITLE: title, GROUP_ID: gid }))
    assert.deepEqual(await titled(title), [], 'nothing was created')
    const mine = await co.task(co.boris, {})
    refused(
      await co.boris.call('tasks.task.update', { taskId: mine.id, fields: { GROUP_ID: gid } }),
    )
    assert.equal((await co.get(co.boris, mine.id)).groupId, '0')
    // Members and the administrator may.
    const d = await co.task(co.dora, { GROUP_ID: gid })
    assert.equal(d.groupId, String(gid))
    const a = await co.task(co.admin, { GROUP_ID: gid, RESPONSIBLE_ID: co.boris.id })
    assert.equal(a.groupId, String(gid))
    const moved = ok(
      await co.dora.call('tasks.task.update', {
        taskId: (await co.task(co.dora, {})).id,
        fields: { GROUP_ID: gid },
      }),
    )
    assert.equal(moved.task.groupId, String(gid))
  })

  test('a hidden group and a missing one are refused alike', async () => {
    const gid = await co.group(co.carl, { VISIBLE: 'N', NAME: unique('Тайная') })
    const h = await addTask(co.boris, { GROUP_ID: gid })
    const m = await addTask(co.boris, { GROUP_ID: MISSING })
    refused(h)
    assert.deepEqual([h.status, h.body.error], [m.status, m.body.error])
    assert.ok(!h.text.includes('Тайная'))
  })
})

describe('who sees the tasks of a group', () => {
  test('every member sees them (and may comment); an outsider does not; leaving ends it', async () => {
    const gid = await co.group(co.carl, { VISIBLE: 'Y' })
    await co.join(co.carl, gid, [co.dora])
    const t = await co.task(co.carl, {
      TITLE: unique('Групповая'),
      GROUP_ID: gid,
      RESPONSIBLE_ID: co.ann.id,
    })
    assert.equal((await co.get(co.dora, t.id)).title, t.title)
    assert.deepEqual((await co.list(co.dora, { filter: { GROUP_ID: gid } })).ids, [Number(t.id)])
    ok(
      await co.dora.call('task.commentitem.add', positional(t.id, { POST_MESSAGE: 'член группы' })),
    )
    // Boris and Uma are employees outside the group; Xena is outside the portal.
    for (const who of [co.boris, co.uma, co.xena]) {
      assert.equal(await co.get(who, t.id), null, who.name)
      const l = await co.list(who, { filter: { GROUP_ID: gid } })
      assert.deepEqual([l.ids, l.total], [[], 0], who.name)
      assert.ok(!mentions((await co.list(who, {})).r, t.title), who.name)
    }
    ok(await co.dora.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.dora.id }))
    assert.equal(await co.get(co.dora, t.id), null, 'not after leaving')
    // Ann is in the task itself and keeps it.
    assert.equal((await co.get(co.ann, t.id)).title, t.title)
  })

  test('an extranet member sees all the group’s tasks, or with EXTRANET_TASKS OWN only her own', async () => {
    // Two clients of one shared board (D4): Xena and Yuri.
    const gid = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    await co.join(co.carl, gid, [co.xena, co.yuri, co.dora])
    const other = await co.task(co.carl, { GROUP_ID: gid, RESPONSIBLE_ID: co.dora.id })
    const hers = await co.task(co.carl, { GROUP_ID: gid, AUDITORS: [co.xena.id] })
    const his = await co.task(co.yuri, { GROUP_ID: gid, RESPONSIBLE_ID: co.carl.id })
    const outside = await co.task(co.carl, {})
    const seen = async (who) => (await co.list(who, {})).ids.sort()
    const all = [other, hers, his].map((t) => Number(t.id)).sort()
    assert.deepEqual(await seen(co.xena), all)
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: gid, EXTRANET_TASKS: 'OWN' }))
    assert.equal((await co.groupGet(co.carl, gid)).EXTRANET_TASKS, 'OWN')
    assert.deepEqual(await seen(co.xena), [Number(hers.id)])
    assert.deepEqual(await seen(co.yuri), [Number(his.id)])
    for (const t of [other, his, outside]) assert.equal(await co.get(co.xena, t.id), null)
    // The board's columns list each client's own cards only.
    const [first] = await co.stages(co.carl, gid)
    for (const t of [other, hers, his])
      ok(await co.carl.call('task.stages.movetask', { id: t.id, stageId: first.ID }))
    const column = async (who) =>
      (await co.list(who, { filter: { GROUP_ID: gid, STAGE_ID: first.ID } })).ids.sort()
    assert.deepEqual(await column(co.xena), [Number(hers.id)])
    assert.deepEqual(await column(co.yuri), [Number(his.id)])
    // Employees of the group still see every task of it.
    assert.deepEqual(await column(co.dora), all)
  })

  test('an extranet person takes part only in tasks of her groups', async () => {
    const ext = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    await co.join(co.carl, ext, [co.xena])
    const plain = await co.group(co.carl, {})
    const t1 = unique('Без группы')
    refused(await addTask(co.carl, { TITLE: t1, AUDITORS: [co.xena.id] }))
    const t2 = unique('Другая группа')
    refused(await addTask(co.carl, { TITLE: t2, GROUP_ID: plain, RESPONSIBLE_ID: co.xena.id }))
    assert.deepEqual([...(await titled(t1)), ...(await titled(t2))], [])
    const inGroup = await co.task(co.carl, { GROUP_ID: ext, RESPONSIBLE_ID: co.xena.id })
    assert.equal(inGroup.responsibleId, String(co.xena.id))
    // Moving her task out of her group is refused too.
    refused(
      await co.carl.call('tasks.task.update', { taskId: inGroup.id, fields: { GROUP_ID: plain } }),
    )
    assert.equal((await co.get(co.carl, inGroup.id)).groupId, String(ext))
    // She creates tasks in her group, not in another one.
    const own = await co.task(co.xena, { GROUP_ID: ext })
    assert.equal(own.groupId, String(ext))
    refused(await addTask(co.xena, { GROUP_ID: plain }))
  })
})

describe('curators (D5)', () => {
  test('the curators of both sides join every new task of the group as observers', async () => {
    const gid = await co.group(co.carl, { IS_EXTRANET: 'Y', PROJECT: 'Y' })
    await co.join(co.carl, gid, [co.dora, co.xena, co.ann])
    const before = await co.task(co.carl, { GROUP_ID: gid })
    ok(
      await co.carl.call('sonet_group.update', {
        GROUP_ID: gid,
        CURATORS: [co.dora.id, co.xena.id],
      }),
    )
    const g = await co.groupGet(co.carl, gid)
    assert.deepEqual([...g.CURATORS].sort(), [String(co.dora.id), String(co.xena.id)].sort())
    assert.equal(g.CURATOR_ROLE, 'AUDITOR')
    const t = await co.task(co.ann, { GROUP_ID: gid, RESPONSIBLE_ID: co.carl.id })
    assert.deepEqual([...t.auditors].sort(), [String(co.dora.id), String(co.xena.id)].sort())
    assert.deepEqual(t.accomplices, [])
    // The client's own task gets them too.
    const fromClient = await co.task(co.xena, { GROUP_ID: gid, RESPONSIBLE_ID: co.ann.id })
    assert.ok(fromClient.auditors.includes(String(co.dora.id)), JSON.stringify(fromClient.auditors))
    // Tasks made before, and tasks outside the group, stay as they were.
    assert.deepEqual((await co.get(co.carl, before.id)).auditors, [])
    assert.deepEqual((await co.task(co.carl, {})).auditors, [])
  })

  test('with CURATOR_ROLE ACCOMPLICE they join as co-executors; a curator must be a member', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora, co.olga])
    ok(
      await co.carl.call('sonet_group.update', {
        GROUP_ID: gid,
        CURATORS: [co.olga.id],
        CURATOR_ROLE: 'ACCOMPLICE',
      }),
    )
    const t = await co.task(co.dora, { GROUP_ID: gid })
    assert.deepEqual(t.accomplices, [String(co.olga.id)])
    assert.ok(!t.auditors.includes(String(co.olga.id)))
    refused(
      await co.carl.call('sonet_group.update', { GROUP_ID: gid, CURATORS: [co.boris.id] }),
      [400],
    )
    assert.deepEqual((await co.groupGet(co.carl, gid)).CURATORS, [String(co.olga.id)])
  })
})

describe('live', () => {
  test('task.changed reaches a member of the group who is not in the task, never an outsider', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora])
    const dora = await live(portal, co.dora.session, sockets)
    const boris = await live(portal, co.boris.session, sockets)
    const t = await co.task(co.carl, { GROUP_ID: gid, RESPONSIBLE_ID: co.ann.id })
    const isT = (action) => (m) =>
      m.type === 'task.changed' && m.data.ID === String(t.id) && m.data.ACTION === action
    await dora.next(isT('add'))
    ok(await co.ann.call('tasks.task.start', { taskId: t.id }))
    await dora.next(isT('status'))
    ok(await co.carl.call('tasks.task.update', { taskId: t.id, fields: { PRIORITY: 2 } }))
    await dora.next(isT('update'))
    assert.deepEqual(
      boris.messages.filter((m) => m.type?.startsWith('task.') && m.data.ID === String(t.id)),
      [],
    )
  })
})

describe('an archived group (CLOSED)', () => {
  test('keeps its tasks readable; no new task, no move on its board, nobody joins', async () => {
    const gid = await co.group(co.carl, { OPENED: 'Y' })
    await co.join(co.carl, gid, [co.dora])
    const kept = await co.task(co.carl, { GROUP_ID: gid, RESPONSIBLE_ID: co.dora.id })
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: gid, CLOSED: 'Y' }))
    const title = unique('В архиве')
    refused(await addTask(co.carl, { TITLE: title, GROUP_ID: gid }), [400], 'GROUP_ARCHIVED')
    assert.deepEqual(await titled(title), [], 'nothing was created')
    const other = await co.task(co.carl, {})
    refused(
      await co.carl.call('tasks.task.update', { taskId: other.id, fields: { GROUP_ID: gid } }),
      [400],
      'GROUP_ARCHIVED',
    )
    const columns = await co.stages(co.carl, gid)
    refused(
      await co.carl.call('task.stages.movetask', { id: kept.id, stageId: columns[1].ID }),
      [403],
      'ACCESS_DENIED_MOVE',
    )
    const seen = await co.get(co.dora, kept.id, ['ID', 'GROUP_ID', 'STAGE_ID'])
    assert.equal(seen.groupId, String(gid))
    assert.equal(seen.stageId, columns[0].ID)
    refused(
      await co.ann.call('sonet_group.user.request', { GROUP_ID: gid }),
      [400],
      'GROUP_ARCHIVED',
    )
    assert.equal((await co.roles(co.carl, gid))[String(co.ann.id)], undefined)
    // Reopened, it takes tasks again.
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: gid, CLOSED: 'N' }))
    assert.equal((await co.task(co.carl, { GROUP_ID: gid })).groupId, String(gid))
  })
})

describe('the group in a task object', () => {
  test('groupId and Bitrix24’s short group object; [] outside groups', async () => {
    const NAME = unique('Группа задачи')
    const gid = await co.group(co.carl, { NAME, OPENED: 'Y' })
    await co.join(co.carl, gid, [co.dora, co.ann])
    const t = await co.task(co.carl, { GROUP_ID: gid })
    const seen = await co.get(co.dora, t.id, ['ID', 'GROUP_ID'])
    assert.equal(seen.groupId, String(gid))
    assert.equal(seen.group.id, String(gid))
    assert.equal(seen.group.name, NAME)
    assert.equal(seen.group.opened, true)
    assert.equal(seen.group.membersCount, 3)
    const plain = await co.get(co.carl, (await co.task(co.carl, {})).id, ['ID', 'GROUP_ID'])
    assert.equal(plain.groupId, '0')
    assert.deepEqual(plain.group, [])
  })
})
