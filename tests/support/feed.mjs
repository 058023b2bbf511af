// The live feed for the API tests: the company of groups.mjs (departments with heads, Xena and
// Yuri outside the company) with every webhook also in the `log` scope, and helpers to post and
// to read the feed as someone.
//
//   const co = await feedCompany(portal)
//   const id = await co.post(co.carl, { DEST: [`DR${co.departments.sales}`] })
//   await co.entry(co.ann, id)          // the entry of log.feed.get (FILTER ID), or null
//   await co.feedIds(co.ann, { TYPE: 'poll' })
//   await co.notices(co.ann, id)        // her bell's notices about the entry
//
// The structure (tasks.mjs):
//   Test Company (1, head: the administrator)              dora
//   ├── Sales (head: Helen)            carl, olga
//   │   └── Sales East (head: Eric)   ann, alex
//   └── Support (head: Uma)           boris
//   xena, yuri: extranet people, in no group yet
import assert from 'node:assert/strict'

import { fails, ok } from './expect.mjs'
import { groupCompany, SCOPES, unique } from './groups.mjs'
import { openLive } from './live.mjs'
import { show } from './rest.mjs'

export const FEED_SCOPES = [...SCOPES, 'log']
const PEOPLE = ['helen', 'eric', 'uma', 'carl', 'olga', 'ann', 'alex', 'boris', 'dora', 'xena']

// A 400 ERROR_ARGUMENT that names the parameter (in `argument` or in the sentence); `name` may
// be a list of the names the parameter goes by.
export function badArgument(r, name) {
  const body = fails(r, 400, 'ERROR_ARGUMENT')
  const names = Array.isArray(name) ? name : [name]
  assert.ok(
    names.some(
      (n) => String(body.argument ?? '').includes(n) || body.error_description.includes(n),
    ),
    `the error names ${names.join(' or ')}: ${JSON.stringify(body)}`,
  )
  return body
}

// 400 ERROR_NOT_FOUND, as for an entry that does not exist.
export const notFound = (r) => fails(r, 400, 'ERROR_NOT_FOUND')

// Gives a person of the company a webhook with the feed's scope.
export async function withFeedHook(portal, p) {
  p.hook = await portal.hook(FEED_SCOPES, { user: p.id })
  p.call = (method, params, o) => p.hook.call(method, params, o)
  return p
}

export async function feedCompany(portal, opts) {
  const co = await groupCompany(portal, opts)
  for (const name of PEOPLE) if (co[name]) await withFeedHook(portal, co[name])
  if (co.yuri) await withFeedHook(portal, co.yuri)
  co.admin.hook = await portal.hook(FEED_SCOPES)
  co.admin.call = (method, params, o) => co.admin.hook.call(method, params, o)

  // An employee added for one test, with a feed webhook and a session.
  co.employee = async (NAME, department = 1, extra = {}) => {
    const p = await portal.addEmployee({
      NAME,
      LAST_NAME: 'Feedov',
      UF_DEPARTMENT: [department],
      ...extra,
    })
    p.name = `${NAME} Feedov`
    return withFeedHook(portal, p)
  }

  // log.blogpost.add as `who`; resolves to the new post's id (a number).
  co.post = async (who, params = {}) => {
    const r = await who.call('log.blogpost.add', { POST_MESSAGE: unique('Пост'), ...params })
    const id = ok(r)
    assert.equal(typeof id, 'number', show(r))
    return id
  }
  // log.feed.get as `who`: { entries, next_last_id }.
  co.feed = async (who, params = {}) => {
    const r = await who.call('log.feed.get', params)
    const result = ok(r)
    assert.ok(Array.isArray(result?.entries), show(r))
    return result
  }
  // The ids (numbers) of one page of log.feed.get as `who`, newest first.
  co.feedIds = async (who, FILTER = {}, extra = {}) =>
    (await co.feed(who, { FILTER, LIMIT: 50, ...extra })).entries.map((e) => Number(e.ID))
  // The entry as `who` reads it in log.feed.get; null when it is not in their feed.
  co.entry = async (who, id) => {
    const { entries } = await co.feed(who, { FILTER: { ID: id } })
    assert.ok(entries.length <= 1, JSON.stringify(entries))
    return entries[0] ?? null
  }
  // Does `who` see the entry: in log.feed.get and in log.blogcomment.get (which every entry has).
  co.sees = async (who, id) => {
    const inFeed = (await co.entry(who, id)) !== null
    const r = await who.call('log.blogcomment.get', { POST_ID: id })
    if (inFeed) ok(r)
    else notFound(r)
    return inFeed
  }
  // The posts of log.blogpost.get as `who`.
  co.posts = async (who, params = {}) => {
    const r = await who.call('log.blogpost.get', params)
    const rows = ok(r)
    assert.ok(Array.isArray(rows), show(r))
    return rows
  }
  // The notices in the bell of `who` about the entry.
  co.notices = async (who, id) =>
    ok(await who.call('im.notify.get', {})).notifications.filter(
      (n) => n.notify_tag === `BLOG|POST|${id}` || n.notify_link === `/feed/?entry=${id}`,
    )
  // The group events of a new workgroup as `who` reads them: the ids of its group_created entries.
  co.eventsOf = async (who, objectType, objectId, FILTER = {}) =>
    (await co.feed(who, { FILTER: { TYPE: 'event', ...FILTER }, LIMIT: 50 })).entries.filter(
      (e) => e.EVENT?.OBJECT_TYPE === objectType && e.EVENT?.OBJECT_ID === String(objectId),
    )
  return co
}

// Live connections of several people: { name: live }.
export async function listen(portal, people, sockets) {
  const out = {}
  for (const [name, p] of Object.entries(people))
    out[name] = await openLive(portal, p.session, sockets)
  return out
}

export const feedEntry = (id, action) => (m) =>
  m.type === 'feed.entry' && m.data?.ID === String(id) && (!action || m.data?.ACTION === action)

export { unique }
