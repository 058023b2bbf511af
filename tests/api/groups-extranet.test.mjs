// Inviting an outside person into a group (A5, D3): user.add with EXTRANET Y and SONET_GROUP_ID
// by the group's owner, an employee; the invitation e-mail at a real SMTP server; accepting it
// with a name, photo and password; then what the new extranet person sees — the group, its
// people, its tasks and board, and nothing else of the portal. Who may invite whom.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { email, fails, ok, PNG_1X1 } from '../support/expect.mjs'
import { groupCompany, refused, unique } from '../support/groups.mjs'
import { request, sessionFrom } from '../support/rest.mjs'
import { startPortal } from '../support/server.mjs'
import { startSmtp } from '../support/smtp.mjs'

let smtp
let portal
let co

before(async () => {
  smtp = await startSmtp()
  portal = await startPortal({ smtp, portalName: 'Agency Ltd', mailFrom: 'portal@agency.test' })
  co = await groupCompany(portal)
})

after(async () => {
  await portal?.stop()
  await smtp?.stop()
})

// The web client's calls, without a login.
const anonymous = (method, params) =>
  request(`${portal.url}/rest/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  })
const noSuchPerson = async (address) =>
  assert.deepEqual(ok(await co.admin.call('user.get', { FILTER: { EMAIL: address } })), [])

describe('an employee who owns an extranet group invites a client', () => {
  const state = {}

  test('user.add with EXTRANET and SONET_GROUP_ID: the person is in the group, the e-mail arrives', async () => {
    state.groupName = unique('Проект клиента')
    state.gid = await co.group(co.carl, {
      NAME: state.groupName,
      IS_EXTRANET: 'Y',
      PROJECT: 'Y',
    })
    await co.join(co.carl, state.gid, [co.dora])
    state.task = await co.task(co.carl, { GROUP_ID: state.gid, TITLE: unique('Задача проекта') })
    state.outside = await co.task(co.carl, { TITLE: unique('Внутренняя задача') })
    state.address = email('client')
    const r = await co.carl.call('user.add', {
      EMAIL: state.address,
      EXTRANET: 'Y',
      SONET_GROUP_ID: [state.gid],
      NAME: 'Клара',
      LAST_NAME: 'Клиентова',
    })
    state.id = ok(r)
    assert.equal(typeof state.id, 'number')
    assert.equal((await co.roles(co.carl, state.gid))[state.id], 'K')
    const message = await smtp.waitFor((m) => m.to.includes(state.address), 15000)
    assert.equal(message.from, 'portal@agency.test')
    // As in seed 000: the e-mail says who invites, into which portal and which project.
    assert.ok(message.text.includes(co.carl.name), message.text)
    assert.ok(message.text.includes(`«${state.groupName}»`), message.text)
    assert.ok(message.html.includes(state.groupName), message.html)
    assert.ok(message.subject.includes('Agency Ltd'), message.subject)
    const m = /(https?:\/\/[^\s"'<>]+\/invite\/([A-Za-z0-9_-]+))/.exec(message.text)
    assert.ok(m, message.text)
    assert.ok(m[1].startsWith(portal.url), m[1])
    state.token = m[2]
  })

  test('the link registers the person with a name, a photo and a password', async () => {
    const info = ok(await anonymous('artel.invitation.get', { TOKEN: state.token }))
    assert.equal(info.EMAIL, state.address)
    assert.equal(info.NAME, 'Клара')
    const r = await anonymous('artel.invitation.accept', {
      TOKEN: state.token,
      NAME: 'Клара',
      LAST_NAME: 'Клиентова',
      PASSWORD: 'Client-secret-1',
      PERSONAL_PHOTO: ['me.png', PNG_1X1],
    })
    state.session = sessionFrom(portal.url, r)
    assert.ok(state.session, r.text)
    const me = ok(await state.session.call('user.current'))
    assert.equal(me.ID, String(state.id))
    assert.equal(me.USER_TYPE, 'extranet')
    assert.ok(me.PERSONAL_PHOTO, 'the photo is kept')
  })

  test('the client sees the group, its people, tasks and board — and nothing else', async () => {
    const s = state.session
    const groups = ok(await s.call('sonet_group.user.groups'))
    assert.deepEqual(
      groups.map((g) => [Number(g.GROUP_ID), g.ROLE, g.IS_EXTRANET]),
      [[state.gid, 'K', 'Y']],
    )
    assert.deepEqual(
      ok(await s.call('sonet_group.get', {})).map((g) => Number(g.ID)),
      [state.gid],
    )
    const people = ok(await s.call('user.get', {})).map((u) => Number(u.ID))
    assert.deepEqual(people.sort(), [co.carl.id, co.dora.id, state.id].sort())
    assert.deepEqual(ok(await s.call('department.get', {})), [])
    const tasks = ok(await s.call('tasks.task.list', {})).tasks.map((t) => Number(t.id))
    assert.deepEqual(tasks, [Number(state.task.id)])
    assert.deepEqual(ok(await s.call('tasks.task.get', { taskId: state.outside.id })), [])
    assert.equal(
      Object.keys(ok(await s.call('task.stages.get', { entityId: state.gid }))).length,
      3,
    )
    // She comments on the group's task, which its members read.
    ok(
      await s.call('task.commentitem.add', {
        0: state.task.id,
        1: { POST_MESSAGE: 'Здравствуйте' },
      }),
    )
    const comments = ok(await co.dora.call('task.commentitem.getlist', { 0: state.task.id }))
    assert.ok(comments.some((c) => c.AUTHOR_ID === String(state.id)))
  })
})

describe('who may invite whom', () => {
  test('an employee adds no employees, and invites only into extranet groups they may invite into', async () => {
    const ext = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    await co.join(co.carl, ext, [co.ann])
    const plain = await co.group(co.carl, {})
    const hidden = await co.group(co.uma, { IS_EXTRANET: 'Y', VISIBLE: 'N' })
    const tries = [
      // an employee, not an extranet person
      [co.carl, { UF_DEPARTMENT: [1] }, 403],
      [co.carl, { EXTRANET: 'N', UF_DEPARTMENT: [1], SONET_GROUP_ID: [ext] }, 403],
      // a group that takes no extranet people
      [co.carl, { EXTRANET: 'Y', SONET_GROUP_ID: [plain] }, 400],
      // a plain member of a group with INITIATE_PERMS E
      [co.ann, { EXTRANET: 'Y', SONET_GROUP_ID: [ext] }, 403],
      // a group the caller does not know: as a missing one
      [co.carl, { EXTRANET: 'Y', SONET_GROUP_ID: [hidden] }, 400],
      [co.carl, { EXTRANET: 'Y', SONET_GROUP_ID: [99999900] }, 400],
      // an extranet person invites nobody
      [co.xena, { EXTRANET: 'Y', SONET_GROUP_ID: [ext] }, 403],
    ]
    const answers = []
    for (const [who, fields, status] of tries) {
      const address = email('refused')
      const r = await who.call('user.add', { EMAIL: address, NAME: 'Нет', ...fields })
      answers.push(refused(r, [status]))
      await noSuchPerson(address)
    }
    assert.deepEqual(answers[4], answers[5], 'a hidden group answers as a missing one')
    assert.equal(Object.keys(await co.roles(co.carl, ext)).length, 2)
    assert.deepEqual(Object.keys(await co.roles(co.uma, hidden)), [String(co.uma.id)])
  })

  test('the administrator invites an outside person into any extranet group', async () => {
    const ext = await co.group(co.dora, { IS_EXTRANET: 'Y' })
    const address = email('byadmin')
    const id = ok(
      await co.admin.call('user.add', { EMAIL: address, EXTRANET: 'Y', SONET_GROUP_ID: [ext] }),
    )
    assert.equal((await co.roles(co.dora, ext))[id], 'K')
    await smtp.waitFor((m) => m.to.includes(address), 15000)
    fails(
      await co.admin.call('user.add', { EMAIL: email('x'), EXTRANET: 'Y', SONET_GROUP_ID: 'abc' }),
      400,
      'ERROR_ARGUMENT',
    )
  })
})
