// The mixed feed (E1, E4): log.feed.get — posts and portal events together, newest first, in
// the entry's shape; the filters AUTHOR_ID, GROUP_ID, TYPE, DATE_FROM / DATE_TO, SEARCH (Russian
// word forms) and ID; paging with LAST_ID / FIRST_ID and next_last_id; DEST_NAMES naming only
// what the reader may know; the menu counter (log.feed.counter, log.feed.seen).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ISO_WITH_OFFSET, ok } from '../support/expect.mjs'
import { badArgument, feedCompany, unique } from '../support/feed.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Feed List Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  await portal?.stop()
})

const KEYS = [
  'ID',
  'ENTRY_TYPE',
  'AUTHOR_ID',
  'AUTHOR_NAME',
  'AUTHOR_PHOTO',
  'DATE_PUBLISH',
  'DATE_UPDATE',
  'TITLE',
  'DETAIL_TEXT',
  'DETAIL_TEXT_HTML',
  'DEST',
  'DEST_NAMES',
  'FILES',
  'NUM_COMMENTS',
  'LIKES',
  'IMPORTANT',
  'POLL',
  'EVENT',
  'CAN_EDIT',
]

const byAuthor = (who, FILTER = {}, extra = {}) =>
  co.feedIds(who, { AUTHOR_ID: who.id, ...FILTER }, extra)

describe('log.feed.get: the entries', () => {
  test('posts and events mixed, newest first, each in the entry’s shape', async () => {
    const mixer = await co.employee('Mixer')
    const [joined] = await byAuthor(mixer)
    const first = await co.post(mixer, { POST_MESSAGE: '[B]Первый[/B] пост', DEST: ['UA'] })
    const task = await co.task(mixer, { RESPONSIBLE_ID: mixer.id })
    const second = await co.post(mixer, { POST_TITLE: 'Второй', DEST: [`U${mixer.id}`] })
    const { entries } = await co.feed(mixer, { FILTER: { AUTHOR_ID: mixer.id } })
    const ids = entries.map((e) => Number(e.ID))
    assert.equal(ids.length, 4, JSON.stringify(entries))
    assert.deepEqual([ids[0], ids[2], ids[3]], [second, first, joined])
    assert.ok(ids[1] > first && ids[1] < second)
    assert.deepEqual(
      entries.map((e) => e.ENTRY_TYPE),
      ['post', 'event', 'post', 'event'],
    )
    for (const e of entries) {
      assert.deepEqual(Object.keys(e).sort(), [...KEYS].sort(), JSON.stringify(e))
      assert.match(e.DATE_PUBLISH, ISO_WITH_OFFSET)
      assert.match(e.DATE_UPDATE, ISO_WITH_OFFSET)
      assert.equal(e.AUTHOR_ID, String(mixer.id))
      assert.equal(e.AUTHOR_NAME, mixer.name)
      assert.equal(typeof e.AUTHOR_PHOTO, 'string')
      assert.deepEqual(e.LIKES, { COUNT: 0, MINE: 'N', RECENT: [] })
      assert.equal(e.NUM_COMMENTS, 0)
      assert.equal(e.IMPORTANT, null)
      assert.equal(e.POLL, null)
      assert.deepEqual(e.FILES, [])
      assert.ok(Array.isArray(e.DEST) && Array.isArray(e.DEST_NAMES))
    }
    const [p2, ev, p1, j] = entries
    assert.equal(p1.DETAIL_TEXT, '[B]Первый[/B] пост')
    assert.match(p1.DETAIL_TEXT_HTML, /<b>Первый<\/b> пост/)
    assert.equal(p1.EVENT, null)
    assert.equal(p1.CAN_EDIT, 'Y')
    assert.equal(p2.TITLE, 'Второй')
    assert.deepEqual(ev.EVENT, {
      TYPE: 'task_created',
      OBJECT_TYPE: 'task',
      OBJECT_ID: String(task.id),
      LINK: `/tasks/task/view/${task.id}/`,
    })
    assert.equal(ev.CAN_EDIT, 'N')
    assert.deepEqual(j.EVENT, {
      TYPE: 'user_joined',
      OBJECT_TYPE: 'user',
      OBJECT_ID: String(mixer.id),
      LINK: `/company/personal/user/${mixer.id}/`,
    })
    // Another reader: the same entries less the one addressed to Mixer alone.
    assert.deepEqual(await byAuthor(co.boris, { AUTHOR_ID: mixer.id }), [first, joined])
    assert.equal((await co.entry(co.boris, first)).CAN_EDIT, 'N')
  })

  test('the administrator’s feed holds every entry', async () => {
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    const { entries } = await co.feed(co.admin, { LIMIT: 5 })
    assert.equal(Number(entries[0].ID), id)
    assert.equal(entries[0].CAN_EDIT, 'Y')
  })
})

describe('log.feed.get: filters', () => {
  let fil
  let group
  const made = {}
  before(async () => {
    fil = await co.employee('Filter')
    group = await co.group(fil, { NAME: unique('Группа фильтров') })
    made.plain = await co.post(fil, { POST_MESSAGE: 'Готовим отчёты за квартал', DEST: ['UA'] })
    made.toGroup = await co.post(fil, {
      POST_MESSAGE: 'Planning the reports',
      DEST: [`SG${group}`],
    })
    made.important = await co.post(fil, { POST_MESSAGE: 'Важно', IMPORTANT: 'Y' })
    made.poll = await co.post(fil, {
      POST_MESSAGE: 'Опрос',
      POLL: { QUESTION: 'Когда?', ANSWERS: ['Сегодня', 'Завтра'] },
    })
    made.task = await co.task(fil, {
      RESPONSIBLE_ID: fil.id,
      TITLE: 'Согласовать бюджеты филиалов',
    })
    made.byOther = await co.post(co.carl, { POST_MESSAGE: 'Отчёт Карла', DEST: ['UA'] })
  })

  test('AUTHOR_ID keeps one person’s entries', async () => {
    const ids = await byAuthor(fil)
    for (const k of ['plain', 'toGroup', 'important', 'poll'])
      assert.ok(ids.includes(made[k]), `${k} in ${ids}`)
    assert.ok(!ids.includes(made.byOther))
    assert.deepEqual(await co.feedIds(fil, { AUTHOR_ID: co.carl.id }, { LIMIT: 1 }), [made.byOther])
  })

  test('GROUP_ID keeps the entries of the group: its posts and its creation', async () => {
    const { entries } = await co.feed(fil, { FILTER: { GROUP_ID: group }, LIMIT: 50 })
    assert.deepEqual(
      entries.map((e) => [e.ENTRY_TYPE, e.EVENT?.TYPE ?? null]),
      [
        ['post', null],
        ['event', 'group_created'],
      ],
    )
    assert.equal(Number(entries[0].ID), made.toGroup)
    assert.deepEqual(await co.feedIds(fil, { GROUP_ID: 99999700 }), [])
  })

  test('TYPE post, event, important, poll', async () => {
    const post = await byAuthor(fil, { TYPE: 'post' })
    assert.deepEqual(post, [made.poll, made.important, made.toGroup, made.plain])
    const event = await co.feed(fil, { FILTER: { AUTHOR_ID: fil.id, TYPE: 'event' } })
    assert.deepEqual(
      event.entries.map((e) => e.EVENT.TYPE),
      ['task_created', 'group_created', 'user_joined'],
    )
    assert.deepEqual(await byAuthor(fil, { TYPE: 'important' }), [made.important])
    assert.deepEqual(await byAuthor(fil, { TYPE: 'poll' }), [made.poll])
    badArgument(await fil.call('log.feed.get', { FILTER: { TYPE: 'photo' } }), 'TYPE')
  })

  test('DATE_FROM and DATE_TO', async () => {
    const all = await byAuthor(fil)
    assert.equal(all.length, 7)
    assert.deepEqual(await byAuthor(fil, { DATE_FROM: '2000-01-01T00:00:00+00:00' }), all)
    assert.deepEqual(await byAuthor(fil, { DATE_FROM: '2100-01-01T00:00:00+00:00' }), [])
    assert.deepEqual(await byAuthor(fil, { DATE_TO: '2000-01-01T00:00:00+00:00' }), [])
    assert.deepEqual(await byAuthor(fil, { DATE_TO: '2100-01-01' }), all)
    const e = await co.entry(fil, made.plain)
    const sameSecond = await byAuthor(fil, { DATE_FROM: e.DATE_PUBLISH, DATE_TO: e.DATE_PUBLISH })
    assert.ok(sameSecond.includes(made.plain), `${made.plain} in ${sameSecond}`)
    badArgument(await fil.call('log.feed.get', { FILTER: { DATE_FROM: 'вчера' } }), 'DATE_FROM')
    badArgument(await fil.call('log.feed.get', { FILTER: { DATE_TO: 'завтра' } }), 'DATE_TO')
  })

  test('SEARCH finds the forms of a word, in Russian and in English, in posts and events', async () => {
    const search = (who, SEARCH) => co.feedIds(who, { SEARCH })
    for (const word of ['отчет', 'отчёт', 'ОТЧЁТЫ', 'отчетов', 'квартала'])
      assert.ok((await search(fil, word)).includes(made.plain), word)
    assert.deepEqual(await search(fil, 'отчеты квартал'), [made.plain])
    assert.deepEqual(
      (await search(fil, 'отчёт')).filter((id) => [made.plain, made.byOther].includes(id)),
      [made.byOther, made.plain],
    )
    assert.deepEqual(await search(fil, 'report'), [made.toGroup])
    assert.deepEqual(await search(fil, 'planned'), [made.toGroup])
    const [ev] = (await co.feed(fil, { FILTER: { SEARCH: 'бюджетов согласовать' } })).entries
    assert.equal(ev?.EVENT?.TYPE, 'task_created', 'a task’s event is found by its title')
    assert.deepEqual(await search(fil, 'несуществующееслово'), [])
    // Boris is not in the group: the search does not find its post for him.
    assert.deepEqual(await search(co.boris, 'report'), [])
  })

  test('ID picks one entry the reader sees', async () => {
    assert.deepEqual(await co.feedIds(fil, { ID: made.toGroup }), [made.toGroup])
    assert.deepEqual(await co.feedIds(co.boris, { ID: made.toGroup }), [])
    assert.deepEqual(await co.feedIds(fil, { ID: 99999700 }), [])
    badArgument(await fil.call('log.feed.get', { FILTER: { ID: 'abc' } }), 'ID')
    badArgument(await fil.call('log.feed.get', { FILTER: { AUTHOR_ID: 'abc' } }), 'AUTHOR_ID')
    badArgument(await fil.call('log.feed.get', { FILTER: { GROUP_ID: -1 } }), 'GROUP_ID')
  })
})

describe('log.feed.get: paging', () => {
  test('LIMIT and LAST_ID page back with next_last_id; FIRST_ID reads what is newer', async () => {
    const pager = await co.employee('Pager')
    const posts = []
    for (let i = 0; i < 5; i++) posts.unshift(await co.post(pager, { DEST: [`U${pager.id}`] }))
    const all = await byAuthor(pager)
    assert.equal(all.length, 6, 'five posts and the arrival')
    assert.deepEqual(all.slice(0, 5), posts)
    const page = (params) => co.feed(pager, { FILTER: { AUTHOR_ID: pager.id }, ...params })
    const ids = (r) => r.entries.map((e) => Number(e.ID))
    const p1 = await page({ LIMIT: 2 })
    assert.deepEqual(ids(p1), all.slice(0, 2))
    assert.equal(p1.next_last_id, String(all[1]))
    const p2 = await page({ LIMIT: 2, LAST_ID: p1.next_last_id })
    assert.deepEqual(ids(p2), all.slice(2, 4))
    assert.equal(p2.next_last_id, String(all[3]))
    const p3 = await page({ LIMIT: 2, LAST_ID: p2.next_last_id })
    assert.deepEqual(ids(p3), all.slice(4))
    assert.equal(p3.next_last_id, null)
    assert.deepEqual(ids(await page({ FIRST_ID: all[3] })), all.slice(0, 3))
    assert.equal((await page({ FIRST_ID: all[0] })).entries.length, 0)
  })

  test('20 entries by default, at most 50', async () => {
    const many = await co.employee('Many')
    for (let i = 0; i < 55; i++) await co.post(many, { DEST: [`U${many.id}`] })
    const filter = { FILTER: { AUTHOR_ID: many.id } }
    const first = await co.feed(many, filter)
    assert.equal(first.entries.length, 20)
    assert.equal(first.next_last_id, first.entries[19].ID)
    const big = await co.feed(many, { ...filter, LIMIT: 500 })
    assert.equal(big.entries.length, 50)
    assert.equal(big.next_last_id, big.entries[49].ID)
    const rest = await co.feed(many, { ...filter, LIMIT: 50, LAST_ID: big.next_last_id })
    assert.equal(rest.entries.length, 6, 'five more posts and the arrival')
    assert.equal(rest.next_last_id, null)
  })
})

describe('DEST and DEST_NAMES: only what the reader may know', () => {
  test('a hidden group’s code and name are not shown to a reader outside it', async () => {
    const secretName = unique('Скрытая группа Zq')
    const hidden = await co.group(co.carl, { NAME: secretName, VISIBLE: 'N' })
    const visibleName = unique('Открытая группа')
    const visible = await co.group(co.carl, { NAME: visibleName })
    const id = await co.post(co.carl, {
      DEST: [`SG${hidden}`, `SG${visible}`, `U${co.boris.id}`, `DR${co.departments.east}`],
    })
    const names = (e) => Object.fromEntries(e.DEST_NAMES.map((d) => [d.CODE, d.NAME]))
    const forCarl = names(await co.entry(co.carl, id))
    assert.equal(forCarl[`SG${hidden}`], secretName)
    assert.equal(forCarl[`SG${visible}`], visibleName)
    assert.equal(forCarl[`U${co.boris.id}`], co.boris.name)
    assert.equal(forCarl[`U${co.carl.id}`], co.carl.name)
    assert.equal(forCarl[`DR${co.departments.east}`], 'Sales East')

    const r = await co.boris.call('log.feed.get', { FILTER: { ID: id } })
    const [e] = ok(r).entries
    assert.ok(!r.text.includes(secretName) && !r.text.includes('Zq'), r.text)
    assert.ok(!e.DEST.includes(`SG${hidden}`), JSON.stringify(e.DEST))
    assert.deepEqual(names(e), {
      [`SG${visible}`]: visibleName,
      [`U${co.boris.id}`]: co.boris.name,
      [`U${co.carl.id}`]: co.carl.name,
      [`DR${co.departments.east}`]: 'Sales East',
    })
    const p = await co.boris.call('log.blogpost.get', { POST_ID: id })
    assert.ok(!ok(p)[0].DEST.includes(`SG${hidden}`), p.text)
    assert.ok(!p.text.includes('Zq'), p.text)
    // A member reads the name.
    await co.join(co.carl, hidden, [co.boris])
    assert.equal(names(await co.entry(co.boris, id))[`SG${hidden}`], secretName)
  })

  test('an outside reader is not told of departments nor of people outside their groups', async () => {
    const ext = unique('Клиентский проект')
    const gid = await co.group(co.carl, { NAME: ext, IS_EXTRANET: 'Y' })
    await co.join(co.carl, gid, [co.xena])
    const depName = unique('Отдел Qv')
    const dep = ok(await co.admin.call('department.add', { NAME: depName, PARENT: 1 }))
    const id = await co.post(co.carl, { DEST: [`SG${gid}`, `DR${dep}`, `U${co.ann.id}`] })
    const r = await co.xena.call('log.feed.get', { FILTER: { ID: id } })
    const [e] = ok(r).entries
    assert.ok(e, r.text)
    assert.deepEqual(Object.fromEntries(e.DEST_NAMES.map((d) => [d.CODE, d.NAME])), {
      [`SG${gid}`]: ext,
      [`U${co.carl.id}`]: co.carl.name,
    })
    assert.ok(!r.text.includes('Qv') && !r.text.includes(co.ann.name), r.text)
  })
})

describe('log.feed.counter and log.feed.seen', () => {
  test('the counter counts what others addressed to the reader since they opened the feed', async () => {
    const reader = await co.employee('Reader', co.departments.support)
    const counter = async () => ok(await reader.call('log.feed.counter'))
    assert.equal(ok(await reader.call('log.feed.seen')), true)
    assert.deepEqual(await counter(), { NEW: 0 })
    await co.post(co.carl, { DEST: [`U${reader.id}`] })
    assert.deepEqual(await counter(), { NEW: 1 })
    await co.post(reader, { DEST: ['UA'] }) // one’s own
    await co.post(co.carl, { DEST: [`U${co.ann.id}`] }) // not for the reader
    assert.deepEqual(await counter(), { NEW: 1 })
    await co.post(co.carl, { DEST: [`DR${co.departments.support}`] })
    await co.task(co.carl, { RESPONSIBLE_ID: reader.id })
    assert.deepEqual(await counter(), { NEW: 3 })
    assert.equal(ok(await reader.call('log.feed.seen')), true)
    assert.deepEqual(await counter(), { NEW: 0 })
    // Another person's counter is their own.
    ok(await co.ann.call('log.feed.seen'))
    await co.post(co.carl, { DEST: [`U${reader.id}`] })
    assert.deepEqual(ok(await co.ann.call('log.feed.counter')), { NEW: 0 })
    assert.deepEqual(await counter(), { NEW: 1 })
  })
})
