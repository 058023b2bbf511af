// Workgroups for the API tests: the company of tasks.mjs with every person's webhook also in
// the `sonet_group` and `department` scopes, a second extranet person, and helpers to make
// groups and read them as someone.
//
//   const co = await groupCompany(portal)
//   const gid = await co.group(co.carl, { VISIBLE: 'N' })       // Carl owns it
//   await co.join(co.carl, gid, [co.dora, co.ann])               // sonet_group.user.add
//   await co.roles(co.carl, gid)                                 // { '12': 'A', '15': 'K', … }
//   await co.groupGet(co.dora, gid)                              // the group object or null
import assert from 'node:assert/strict'

import { email, fails, ok } from './expect.mjs'
import { show } from './rest.mjs'
import { company, unique } from './tasks.mjs'

export const SCOPES = ['task', 'user', 'department', 'im', 'sonet_group']
const PEOPLE = ['helen', 'eric', 'uma', 'carl', 'olga', 'ann', 'alex', 'boris', 'dora', 'xena']

// An extranet person added by the administrator with a password, logged in, with a webhook.
export async function extranetPerson(portal, NAME, LAST_NAME, extra = {}) {
  const address = email(NAME.toLowerCase())
  const admin = await portal.admin()
  const id = ok(
    await admin.call('user.add', {
      EMAIL: address,
      PASSWORD: 'Extra-secret-1',
      EXTRANET: 'Y',
      NAME,
      LAST_NAME,
      ...extra,
    }),
  )
  const p = { id, email: address, name: `${NAME} ${LAST_NAME}` }
  p.session = await portal.login(address, 'Extra-secret-1')
  p.hook = await portal.hook(SCOPES, { user: id })
  p.call = (method, params, opts) => p.hook.call(method, params, opts)
  return p
}

// A 4xx refusal in the Bitrix24 envelope with one of the given statuses; returns the body.
export function refused(r, statuses = [400, 403], code) {
  assert.ok(statuses.includes(r.status), `expected HTTP ${statuses.join('/')}: ${show(r)}`)
  return fails(r, r.status, code)
}

export async function groupCompany(portal, opts) {
  const co = await company(portal, opts)
  for (const name of PEOPLE) {
    const p = co[name]
    if (!p) continue
    p.hook = await portal.hook(SCOPES, { user: p.id })
    p.call = (method, params, o) => p.hook.call(method, params, o)
  }
  co.admin.hook = await portal.hook(SCOPES)
  co.admin.call = (method, params, o) => co.admin.hook.call(method, params, o)
  co.yuri = opts?.extranet === false ? null : await extranetPerson(portal, 'Yuri', 'Outsider')

  // sonet_group.create as `who`; resolves to the new id (a number).
  co.group = async (who, fields = {}) => {
    const r = await who.call('sonet_group.create', { NAME: unique('Group'), ...fields })
    const id = ok(r)
    assert.equal(typeof id, 'number', show(r))
    return id
  }
  // sonet_group.user.add as `who`; resolves to the ids added.
  co.join = async (who, gid, people) =>
    ok(await who.call('sonet_group.user.add', { GROUP_ID: gid, USER_ID: people.map((p) => p.id) }))
  // The rows of sonet_group.user.get as `who`, keyed by USER_ID.
  co.members = async (who, gid) => {
    const r = await who.call('sonet_group.user.get', { ID: gid })
    const rows = ok(r)
    assert.ok(Array.isArray(rows), show(r))
    return Object.fromEntries(rows.map((x) => [String(x.USER_ID), x]))
  }
  co.roles = async (who, gid) =>
    Object.fromEntries(Object.entries(await co.members(who, gid)).map(([k, v]) => [k, v.ROLE]))
  // The group as `who` sees it through sonet_group.get with FILTER ID; null when not listed.
  co.groupGet = async (who, gid) => {
    const r = await who.call('sonet_group.get', { FILTER: { ID: gid } })
    const rows = ok(r)
    assert.ok(Array.isArray(rows), show(r))
    assert.ok(rows.length <= 1, show(r))
    return rows[0] ?? null
  }
  // The ids of the groups `who` finds with a filter.
  co.groupIds = async (who, FILTER = {}, extra = {}) => {
    const r = await who.call('sonet_group.get', { FILTER, ...extra })
    return ok(r).map((g) => Number(g.ID))
  }
  // The group's board columns as `who`, in their order.
  co.stages = async (who, gid) => {
    const r = await who.call('task.stages.get', { entityId: gid })
    return Object.values(ok(r)).sort((a, b) => Number(a.SORT) - Number(b.SORT))
  }
  return co
}

export { unique }
