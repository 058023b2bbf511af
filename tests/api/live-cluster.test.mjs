// Several `artel serve` processes on one PostgreSQL database: a change made through one process
// reaches the browsers connected to another (NOTIFY, sent in the change's transaction), exactly
// once, whatever the size of the message (large ones go through the live_relay table). SQLite
// serves one process, so this runs with ARTEL_TEST_DATABASE=postgres (the CI's second API run).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { groupCompany, unique } from '../support/groups.mjs'
import { openLive } from '../support/live.mjs'
import { usePostgres } from '../support/postgres.mjs'
import { startPortal } from '../support/server.mjs'

const skip = usePostgres ? false : 'several processes share a PostgreSQL database only'

let first
let second
let co
const sockets = []

before(async () => {
  if (skip) return
  first = await startPortal()
  second = await startPortal({ shareWith: first })
  co = await groupCompany(first)
})

after(async () => {
  for (const ws of sockets) ws.terminate()
  await second?.stop()
  await first?.stop()
})

describe('live messages between processes', { skip }, () => {
  test('a move on a group board made through one process reaches a board open on the other, once', async () => {
    const gid = await co.group(co.carl, {})
    await co.join(co.carl, gid, [co.dora])
    const t = await co.task(co.carl, { GROUP_ID: gid })
    const columns = await co.stages(co.carl, gid)
    const elsewhere = await openLive(second, co.dora.session, sockets)
    const here = await openLive(first, co.dora.session, sockets)
    ok(await co.carl.call('task.stages.movetask', { id: t.id, stageId: columns[1].ID }))
    const moved = (m) =>
      m.type === 'task.changed' && m.data?.ID === String(t.id) && m.data?.ACTION === 'move'
    await elsewhere.next(moved)
    await here.next(moved)
    // A later message on each socket proves nothing more of the move is on its way.
    ok(await co.dora.call('user.update', { ID: co.dora.id, WORK_POSITION: unique('probe') }))
    for (const live of [elsewhere, here]) {
      await live.next((m) => m.type === 'user.updated' && m.data?.ID === String(co.dora.id))
      assert.equal(live.messages.filter(moved).length, 1, JSON.stringify(live.messages))
    }
  })

  test('a message too large for NOTIFY goes through the relay table', async () => {
    const elsewhere = await openLive(second, co.ann.session, sockets)
    const notes = 'n'.repeat(4000)
    ok(
      await co.carl.call('user.update', {
        ID: co.carl.id,
        PERSONAL_NOTES: notes,
        WORK_NOTES: notes,
      }),
    )
    const msg = await elsewhere.next(
      (m) => m.type === 'user.updated' && m.data?.ID === String(co.carl.id),
    )
    assert.equal(msg.data.PERSONAL_NOTES, notes)
    assert.equal(msg.data.WORK_NOTES, notes)
  })

  test('a change through the second process reaches the first; nothing reaches those who may not see it', async () => {
    const gid = await co.group(co.carl, { VISIBLE: 'N' })
    const t = await co.task(co.carl, { GROUP_ID: gid, TITLE: unique('Скрытая') })
    const member = await openLive(first, co.carl.session, sockets)
    const outsider = await openLive(first, co.boris.session, sockets)
    const carlThere = await second.login(co.carl.email, co.carl.password)
    ok(
      await carlThere.call('tasks.task.update', {
        taskId: t.id,
        fields: { TITLE: unique('Новое') },
      }),
    )
    const changed = (m) => m.type === 'task.changed' && m.data?.ID === String(t.id)
    await member.next(changed)
    // Boris's own change comes after the task's on his socket, had it been sent to him.
    const probe = unique('probe')
    ok(await co.boris.call('user.update', { ID: co.boris.id, WORK_POSITION: probe }))
    await outsider.next((m) => m.type === 'user.updated' && m.data?.WORK_POSITION === probe)
    assert.equal(outsider.messages.filter(changed).length, 0)
  })
})
