// The group board (C16, D4): task.stages.* with a group id — default columns, who changes them;
// task.stages.movetask by MOVE_PERMS, an extranet member moving only her own tasks and only
// between EXTRANET_MOVE columns, ACCESS_DENIED_MOVE otherwise; the STAGE_ID filter; the move
// reaching every open board of the group.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ok } from '../support/expect.mjs'
import { groupCompany, refused, unique } from '../support/groups.mjs'
import { startPortal } from '../support/server.mjs'
import { live } from '../support/tasks.mjs'

let portal
let co
const sockets = []

before(async () => {
  portal = await startPortal({ portalName: 'Board Ltd' })
  co = await groupCompany(portal)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await portal?.stop()
})

const MISSING = 99999900
// A group of Carl's with Dora a moderator, Ann a member and Xena an extranet member.
async function board(fields = {}) {
  const gid = await co.group(co.carl, { IS_EXTRANET: 'Y', ...fields })
  await co.join(co.carl, gid, [co.dora, co.ann, co.xena])
  ok(
    await co.carl.call('sonet_group.user.update', {
      GROUP_ID: gid,
      USER_ID: co.dora.id,
      ROLE: 'E',
    }),
  )
  return gid
}
const move = (who, task, stageId, extra = {}) =>
  who.call('task.stages.movetask', { id: task.id, stageId, ...extra })
const column = async (who, gid, stageId) =>
  (await co.list(who, { filter: { GROUP_ID: gid, STAGE_ID: stageId }, order: { ID: 'ASC' } })).ids

describe('the columns of a group', () => {
  test('three columns at first use, the same for every member', async () => {
    const gid = await board()
    const s = await co.stages(co.ann, gid)
    assert.equal(s.length, 3)
    assert.equal(new Set(s.map((x) => x.TITLE)).size, 3)
    assert.equal(s[0].SYSTEM_TYPE, 'NEW')
    for (const x of s) {
      assert.equal(x.ENTITY_TYPE, 'G')
      assert.equal(x.ENTITY_ID, String(gid))
      assert.match(x.EXTRANET_MOVE, /^[YN]$/)
      assert.match(x.COLOR, /^[0-9A-F]{6}$/)
      assert.ok(x.TITLE.length > 0)
    }
    assert.deepEqual(
      (await co.stages(co.xena, gid)).map((x) => x.ID),
      s.map((x) => x.ID),
    )
    // Another group's board is its own.
    const other = await board()
    const o = await co.stages(co.carl, other)
    assert.equal(o.filter((x) => s.some((y) => y.ID === x.ID)).length, 0)
  })

  test('a hidden group’s board answers an outsider as a missing group’s does', async () => {
    const gid = await co.group(co.carl, { VISIBLE: 'N' })
    await co.stages(co.carl, gid)
    const h = await co.boris.call('task.stages.get', { entityId: gid })
    const m = await co.boris.call('task.stages.get', { entityId: MISSING })
    assert.ok(h.status < 500, h.text)
    const blank = (r, id) =>
      JSON.stringify([r.status, { ...r.body, time: undefined }]).replace(
        new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'),
        '<ID>',
      )
    assert.equal(blank(h, gid), blank(m, MISSING))
  })

  test('the owner, a moderator and the administrator add, rename and delete columns; a member may not', async () => {
    const gid = await board()
    const s = await co.stages(co.carl, gid)
    const a = ok(
      await co.carl.call('task.stages.add', {
        fields: { TITLE: 'Согласование', ENTITY_ID: gid, AFTER_ID: s[1].ID, COLOR: '00AA00' },
      }),
    )
    const b = ok(
      await co.dora.call('task.stages.add', {
        fields: { TITLE: 'Тест', ENTITY_ID: gid, AFTER_ID: a },
      }),
    )
    ok(await co.admin.call('task.stages.update', { id: b, fields: { TITLE: 'Тестирование' } }))
    const after = await co.stages(co.ann, gid)
    assert.deepEqual(
      after.map((x) => Number(x.ID)),
      [s[0].ID, s[1].ID, a, b, s[2].ID].map(Number),
    )
    assert.equal(after[3].TITLE, 'Тестирование')
    assert.equal(after[2].COLOR, '00AA00')
    const denied = [
      await co.ann.call('task.stages.add', { fields: { TITLE: 'x', ENTITY_ID: gid } }),
      await co.ann.call('task.stages.update', { id: a, fields: { TITLE: 'x' } }),
      await co.ann.call('task.stages.delete', { id: a }),
      await co.xena.call('task.stages.update', { id: a, fields: { EXTRANET_MOVE: 'Y' } }),
    ]
    for (const r of denied) fails(r, 403, 'ACCESS_DENIED')
    refused(await co.boris.call('task.stages.add', { fields: { TITLE: 'x', ENTITY_ID: gid } }))
    fails(
      await co.carl.call('task.stages.add', { fields: { TITLE: '', ENTITY_ID: gid } }),
      400,
      'EMPTY_TITLE',
    )
    fails(
      await co.carl.call('task.stages.update', { id: a, fields: { EXTRANET_MOVE: 'maybe' } }),
      400,
      'ERROR_ARGUMENT',
    )
    fails(await co.carl.call('task.stages.delete', { id: s[0].ID }), 400, 'CANT_DELETE_FIRST')
    assert.deepEqual(await co.stages(co.ann, gid), after, 'nothing changed by the refusals')
    // A task in a deleted column goes back to the first.
    const t = await co.task(co.ann, { GROUP_ID: gid })
    ok(await move(co.ann, t, a))
    assert.equal(ok(await co.carl.call('task.stages.delete', { id: a })), true)
    assert.equal((await co.stages(co.carl, gid)).length, 4)
    const stage = (await co.get(co.ann, t.id)).stageId
    assert.equal(String(stage), String(s[0].ID))
    // Both moves are in the task's history: the member's, then the deletion's by the owner.
    const moves = ok(
      await co.ann.call('tasks.task.history.list', {
        taskId: t.id,
        filter: { FIELD: 'STAGE_ID' },
        order: { ID: 'ASC' },
      }),
    ).list
    assert.deepEqual(
      moves.map((e) => [e.value.from, e.value.to, e.user.id]),
      [
        [String(s[0].ID), String(a), co.ann.id],
        [String(a), String(s[0].ID), co.carl.id],
      ],
    )
  })
})

describe('task.stages.movetask on a group board', () => {
  test('a member moves a task (MOVE_PERMS K); STAGE_ID filters the column', async () => {
    const gid = await board()
    const s = await co.stages(co.ann, gid)
    const t1 = await co.task(co.carl, { GROUP_ID: gid })
    const t2 = await co.task(co.carl, { GROUP_ID: gid })
    assert.equal(ok(await move(co.ann, t1, s[1].ID)), true)
    assert.equal(String((await co.get(co.carl, t1.id)).stageId), String(s[1].ID))
    assert.deepEqual(await column(co.carl, gid, s[1].ID), [Number(t1.id)])
    ok(await move(co.ann, t2, s[1].ID, { before: t1.id }))
    assert.deepEqual(
      (await column(co.carl, gid, s[1].ID)).sort(),
      [t1.id, t2.id].map(Number).sort(),
    )
    assert.deepEqual(await column(co.carl, gid, s[2].ID), [])
    // An outsider does not see the task to move it.
    refused(await move(co.boris, t1, s[2].ID))
    // A column of another board, or a task of another group, does not fit.
    const other = await board()
    const o = await co.stages(co.carl, other)
    refused(await move(co.carl, t1, o[1].ID), [400])
    const foreign = await co.task(co.carl, { GROUP_ID: other })
    refused(await move(co.carl, foreign, s[1].ID), [400])
    fails(await move(co.carl, t1, MISSING), 400)
    assert.deepEqual(
      (await column(co.carl, gid, s[1].ID)).sort(),
      [t1.id, t2.id].map(Number).sort(),
    )
  })

  test('MOVE_PERMS E: the owner and moderators; A: the owner; the administrator always', async () => {
    const gid = await board({ MOVE_PERMS: 'E' })
    const s = await co.stages(co.carl, gid)
    const t = await co.task(co.carl, { GROUP_ID: gid, RESPONSIBLE_ID: co.ann.id })
    fails(await move(co.ann, t, s[1].ID), 403, 'ACCESS_DENIED_MOVE')
    ok(await move(co.dora, t, s[1].ID))
    ok(await co.carl.call('sonet_group.update', { GROUP_ID: gid, MOVE_PERMS: 'A' }))
    fails(await move(co.dora, t, s[2].ID), 403, 'ACCESS_DENIED_MOVE')
    assert.deepEqual(await column(co.carl, gid, s[1].ID), [Number(t.id)])
    ok(await move(co.carl, t, s[2].ID))
    ok(await move(co.admin, t, s[0].ID))
    assert.deepEqual(await column(co.carl, gid, s[2].ID), [])
  })

  test('an extranet member moves only her own tasks, only between EXTRANET_MOVE columns', async () => {
    const gid = await board()
    const s = await co.stages(co.carl, gid)
    const flags = { [s[0].ID]: 'Y', [s[1].ID]: 'Y', [s[2].ID]: 'N' }
    for (const [id, EXTRANET_MOVE] of Object.entries(flags))
      ok(await co.carl.call('task.stages.update', { id, fields: { EXTRANET_MOVE } }))
    assert.deepEqual(
      (await co.stages(co.xena, gid)).map((x) => x.EXTRANET_MOVE),
      ['Y', 'Y', 'N'],
    )
    const hers = await co.task(co.xena, { GROUP_ID: gid, RESPONSIBLE_ID: co.ann.id })
    const notHers = await co.task(co.carl, { GROUP_ID: gid, RESPONSIBLE_ID: co.ann.id })
    assert.ok(await co.get(co.xena, notHers.id), 'she sees it (EXTRANET_TASKS ALL)')
    ok(await move(co.xena, hers, s[1].ID))
    fails(await move(co.xena, hers, s[2].ID), 403, 'ACCESS_DENIED_MOVE')
    fails(await move(co.xena, notHers, s[1].ID), 403, 'ACCESS_DENIED_MOVE')
    // Out of a column she may not touch, she may not take it either.
    ok(await move(co.ann, hers, s[2].ID))
    fails(await move(co.xena, hers, s[1].ID), 403, 'ACCESS_DENIED_MOVE')
    assert.deepEqual(await column(co.carl, gid, s[2].ID), [Number(hers.id)])
    assert.deepEqual(await column(co.carl, gid, s[1].ID), [])
  })

  test('a move reaches the open board of a member who is not in the task', async () => {
    const gid = await board()
    const s = await co.stages(co.carl, gid)
    const t = await co.task(co.carl, { GROUP_ID: gid, TITLE: unique('Карточка') })
    const dora = await live(portal, co.dora.session, sockets)
    ok(await move(co.ann, t, s[1].ID))
    await dora.next((m) => m.type === 'task.changed' && m.data.ID === String(t.id))
  })
})
