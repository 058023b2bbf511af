// The extranet boundary and hidden groups, for every registered method (D3). Every name that
// `methods` (full: true) lists must be in the table below, or be a task method — those are the
// table of tasks-leaks.test.mjs, which fails on any task method it does not list — so no future
// method skips the check. A name in neither fails this test.
//
// Uma owns a hidden group with secret texts: its name, description, a task, a comment, a board
// column and a member employee (Quentin, whose very name is unknown to the client). Carl owns an
// extranet group with Xena, the client. Each method is called by (a) Xena and (b) Boris, an
// employee outside the hidden group, with the hidden objects' ids and with missing ids: no
// answer may hold a secret, and the hidden and the missing answer must match once the ids are
// blanked. Afterwards the hidden group is as it was.
//
// The ticket desk: Uma's client company, whose project is another hidden group of hers, has a
// site, a contact and a ticket awaiting acceptance, all with secret texts of their own. Rita is
// a client of another company. The desk's methods are called by Xena (an extranet person who is
// no contact: 403 from all but helpdesk.settings.get), Rita (the company's ids answer as missing
// ones) and Boris (an employee: he sees every company and ticket, but nothing of the hidden
// groups or tasks through them).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { email, fails, ok, PNG_1X1 } from '../support/expect.mjs'
import { blankedAnswer } from '../support/leaks.mjs'
import { groupCompany } from '../support/groups.mjs'
import { startPortal } from '../support/server.mjs'
import { positional } from '../support/tasks.mjs'

const SECRET = 'Wkj-тайна'
const WORD = 'сверхсекретный' // a word of the hidden task's title, for SEARCH_INDEX
const PERSON = 'Quentinqz' // the hidden member's name, a secret for the client only
const MISSING = 99999800
// The ticket desk's secrets: known to the employees, never to another company's client.
const DESK_SECRETS = ['Hdx', 'hdx-secret', 'Hdxname']
const TASK_METHOD = /^(tasks\.|task\.|artel\.task\.)/
const DAY = new Date().toISOString().slice(0, 10)

let portal
let co
let quentin
let hidden
let missing
let rita // a client of another company than Uma's client
let desk0 // the desk's objects as Uma read them before the checks

// kind 'ids':  about the hidden objects — called with hidden and with missing ids, compared;
//      'read': no ids to compare — called once, checked to hold no secret;
//      'skip': touches nothing of anyone else (logging in, one's own settings, the
//              administrators' methods) — the reason says why; listed so the table stays whole.
// who: the callers it applies to (default both); call(ids) gives the parameters.
const both = ['client', 'outsider']
const client = ['client']
// The ticket desk's callers: Xena and Rita, who may see nothing of Uma's client company, and
// Boris, an employee, who sees the company but not the hidden groups and tasks.
const desk = ['client', 'rival']
const everyone = ['client', 'outsider', 'rival']
const outsider = ['outsider']
const skip = (why) => ({ kind: 'skip', why })
const report = (i) => ({
  DATE_FROM: DAY,
  DATE_TO: DAY,
  GROUP_BY: 'GROUP',
  FILTER: { GROUP_ID: i.group },
})
const METHODS = {
  'app.info': { kind: 'read', call: () => ({}) },
  'artel.invitation.accept': skip('an invitation token, not a login'),
  'artel.invitation.get': { kind: 'read', call: () => ({ TOKEN: 'no-such-token-0123456789' }) },
  'artel.login': skip('logging in'),
  'artel.logout': skip('would end the session of this test'),
  'artel.notify.settings.get': { kind: 'read', call: () => ({}) },
  'artel.notify.settings.set': skip("the caller's own settings"),
  'artel.password.change': skip("the caller's own password"),
  'artel.portal.info': { kind: 'read', call: () => ({}) },
  'artel.register': skip('self-registration, without a login'),
  'artel.session': { kind: 'read', call: () => ({}) },
  'artel.settings.get': { kind: 'read', call: () => ({}) },
  'artel.settings.set': skip('administrators only (rest-layer and settings tests)'),
  'artel.setup': skip('the first-run page'),
  'artel.webhook.add': skip("the caller's own webhooks"),
  'artel.webhook.delete': skip("the caller's own webhooks"),
  'artel.webhook.list': { kind: 'read', call: () => ({}) },
  batch: [
    {
      kind: 'ids',
      call: (i) => ({
        halt: 0,
        cmd: {
          g: `sonet_group.get?GROUP_ID=${i.group}`,
          u: `sonet_group.user.get?ID=${i.group}`,
          t: `tasks.task.get?taskId=${i.task}`,
        },
      }),
    },
    {
      kind: 'ids',
      who: desk,
      call: (i) => ({
        halt: 0,
        cmd: {
          t: `helpdesk.ticket.get?ID=${i.hdTicket}`,
          c: `helpdesk.company.get?ID=${i.hdCompany}`,
          l: `helpdesk.ticket.comment.list?TICKET_ID=${i.hdTicket}`,
        },
      }),
    },
  ],
  'department.add': skip('administrators only'),
  'helpdesk.settings.get': { kind: 'read', who: everyone, call: () => ({}) },
  'helpdesk.settings.set': {
    kind: 'read',
    who: everyone,
    call: () => ({ WORK_DAYS: [1, 2, 3, 4, 5], WORK_FROM: '10:00', WORK_TO: '19:00' }),
  },
  'helpdesk.company.add': {
    kind: 'ids',
    who: everyone,
    call: (i) => ({ FIELDS: { TITLE: 'x', GROUP_ID: i.group } }),
  },
  'helpdesk.company.update': [
    { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdCompany, FIELDS: { TITLE: 'x' } }) },
    {
      kind: 'ids',
      who: outsider,
      call: (i) => ({ ID: i.scratch, FIELDS: { GROUP_ID: i.group } }),
    },
  ],
  'helpdesk.company.get': [
    { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdCompany }) },
    { kind: 'read', who: outsider, call: (i) => ({ ID: i.hdCompany }) },
  ],
  'helpdesk.company.list': [
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { ID: i.hdCompany } }) },
    { kind: 'ids', who: everyone, call: (i) => ({ FILTER: { GROUP_ID: i.group } }) },
    { kind: 'read', who: everyone, call: () => ({}) },
  ],
  'helpdesk.site.add': {
    kind: 'ids',
    who: desk,
    call: (i) => ({ FIELDS: { COMPANY_ID: i.hdCompany, URL: 'https://x.test' } }),
  },
  'helpdesk.site.list': [
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { COMPANY_ID: i.hdCompany } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { ID: i.hdSite } }) },
    { kind: 'read', who: everyone, call: () => ({}) },
  ],
  'helpdesk.site.delete': { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdSite }) },
  'helpdesk.contact.add': {
    kind: 'ids',
    who: desk,
    call: (i) => ({
      FIELDS: { COMPANY_ID: i.hdCompany, EMAIL: `leak-${i.hdCompany}@example.test`, NAME: 'x' },
    }),
  },
  'helpdesk.contact.list': [
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { COMPANY_ID: i.hdCompany } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { ID: i.hdContact } }) },
    { kind: 'read', who: everyone, call: () => ({}) },
  ],
  'helpdesk.ticket.add': [
    { kind: 'ids', who: desk, call: (i) => ({ FIELDS: { TITLE: 'x', COMPANY_ID: i.hdCompany } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FIELDS: { TITLE: 'x', SITE_ID: i.hdSite } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FIELDS: { TITLE: 'x', CONTACT_ID: i.hdContact } }) },
    {
      kind: 'ids',
      who: outsider,
      call: (i) => ({ FIELDS: { TITLE: 'x', COMPANY_ID: i.scratch, TASK_ID: i.task } }),
    },
  ],
  'helpdesk.ticket.get': [
    { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdTicket }) },
    { kind: 'read', who: outsider, call: (i) => ({ ID: i.hdTicket }) },
  ],
  'helpdesk.ticket.list': [
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { ID: i.hdTicket } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { COMPANY_ID: i.hdCompany } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { SITE_ID: i.hdSite } }) },
    { kind: 'ids', who: desk, call: (i) => ({ FILTER: { CONTACT_ID: i.hdContact } }) },
    { kind: 'ids', who: everyone, call: (i) => ({ FILTER: { TASK_ID: i.task } }) },
    { kind: 'read', who: desk, call: () => ({ FILTER: { '%TITLE': 'Hdx' } }) },
    { kind: 'read', who: everyone, call: () => ({}) },
  ],
  'helpdesk.ticket.update': [
    { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdTicket, FIELDS: { TITLE: 'x' } }) },
    {
      kind: 'ids',
      who: outsider,
      call: (i) => ({ ID: i.scratchTicket, FIELDS: { TASK_ID: i.task } }),
    },
  ],
  'helpdesk.ticket.delete': { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdTicket }) },
  'helpdesk.ticket.status.set': {
    kind: 'ids',
    who: desk,
    call: (i) => ({ ID: i.hdTicket, STATUS: 'IN_WORK' }),
  },
  'helpdesk.ticket.accept': { kind: 'ids', who: desk, call: (i) => ({ ID: i.hdTicket }) },
  'helpdesk.ticket.comment.add': {
    kind: 'ids',
    who: desk,
    call: (i) => ({ TICKET_ID: i.hdTicket, FIELDS: { POST_MESSAGE: 'x' } }),
  },
  'helpdesk.ticket.comment.list': [
    { kind: 'ids', who: desk, call: (i) => ({ TICKET_ID: i.hdTicket }) },
    { kind: 'read', who: outsider, call: (i) => ({ TICKET_ID: i.hdTicket }) },
  ],
  'department.delete': skip('administrators only'),
  'department.update': skip('administrators only'),
  'department.fields': { kind: 'read', call: () => ({}) },
  'department.get': { kind: 'read', call: () => ({}) },
  'im.counters.get': { kind: 'read', call: () => ({}) },
  'im.notify': { kind: 'ids', who: client, call: (i) => ({ USER_ID: i.member, MESSAGE: 'x' }) },
  'im.notify.personal.add': {
    kind: 'ids',
    who: client,
    call: (i) => ({ USER_ID: i.member, MESSAGE: 'x' }),
  },
  'im.notify.system.add': {
    kind: 'ids',
    who: client,
    call: (i) => ({ USER_ID: i.member, MESSAGE: 'x' }),
  },
  'im.notify.delete': skip("the caller's own notices"),
  'im.notify.get': { kind: 'read', call: () => ({}) },
  'im.notify.history.search': { kind: 'read', call: () => ({ SEARCH_TEXT: 'Wkj' }) },
  'im.notify.read': skip("the caller's own notices"),
  'im.notify.read.all': skip("the caller's own notices"),
  'im.notify.read.list': skip("the caller's own notices"),
  'im.notify.schema.get': { kind: 'read', call: () => ({}) },
  'log.blogpost.add': {
    kind: 'ids',
    call: (i) => ({ POST_MESSAGE: 'x', DEST: [`SG${i.group}`] }),
  },
  'log.blogpost.update': { kind: 'ids', call: (i) => ({ POST_ID: i.post, POST_MESSAGE: 'x' }) },
  'log.blogpost.delete': { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
  'log.blogpost.get': [
    { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
    { kind: 'ids', call: (i) => ({ LOG_RIGHTS: [`SG${i.group}`] }) },
    { kind: 'read', call: () => ({}) },
  ],
  'log.blogpost.share': { kind: 'ids', call: (i) => ({ POST_ID: i.post, DEST: [`U${i.self}`] }) },
  'log.blogpost.getusers.important': { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
  'log.blogpost.important.read': { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
  'log.blogpost.important.status': { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
  'log.blogcomment.add': { kind: 'ids', call: (i) => ({ POST_ID: i.post, TEXT: 'x' }) },
  'log.blogcomment.get': [
    { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
    { kind: 'ids', call: (i) => ({ POST_ID: i.taskEvent }) },
  ],
  'log.blogcomment.update': {
    kind: 'ids',
    call: (i) => ({ COMMENT_ID: i.feedComment, TEXT: 'x' }),
  },
  'log.blogcomment.delete': { kind: 'ids', call: (i) => ({ COMMENT_ID: i.feedComment }) },
  'log.like.add': [
    { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
    { kind: 'ids', call: (i) => ({ COMMENT_ID: i.feedComment }) },
  ],
  'log.like.delete': [
    { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
    { kind: 'ids', call: (i) => ({ COMMENT_ID: i.feedComment }) },
  ],
  'log.like.list': [
    { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
    { kind: 'ids', call: (i) => ({ COMMENT_ID: i.feedComment }) },
  ],
  'log.poll.vote': { kind: 'ids', call: (i) => ({ POST_ID: i.post, ANSWERS: [1] }) },
  'log.poll.get': { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
  'log.poll.close': { kind: 'ids', call: (i) => ({ POST_ID: i.post }) },
  'log.feed.get': [
    { kind: 'read', call: () => ({}) },
    { kind: 'read', call: () => ({ FILTER: { SEARCH: WORD } }) },
    { kind: 'ids', call: (i) => ({ FILTER: { ID: i.post } }) },
    { kind: 'ids', call: (i) => ({ FILTER: { ID: i.taskEvent } }) },
    { kind: 'ids', call: (i) => ({ FILTER: { GROUP_ID: i.group } }) },
  ],
  'log.feed.counter': { kind: 'read', call: () => ({}) },
  'log.feed.seen': skip("the caller's own counter"),
  'log.settings.get': { kind: 'read', call: () => ({}) },
  'log.settings.set': skip('administrators only (feed tests)'),
  'method.get': { kind: 'read', call: () => ({ name: 'sonet_group.get' }) },
  methods: { kind: 'read', call: () => ({ full: true }) },
  profile: { kind: 'read', call: () => ({}) },
  scope: { kind: 'read', call: () => ({ full: true }) },
  'server.time': { kind: 'read', call: () => ({}) },
  'user.add': {
    kind: 'ids',
    call: (i) => ({
      EMAIL: `leak-${i.group}@example.test`,
      EXTRANET: 'Y',
      SONET_GROUP_ID: [i.group],
    }),
  },
  'user.current': { kind: 'read', call: () => ({}) },
  'user.fields': { kind: 'read', call: () => ({}) },
  'user.get': [
    { kind: 'ids', who: client, call: (i) => ({ ID: i.member }) },
    { kind: 'ids', who: client, call: (i) => ({ FILTER: { ID: i.member } }) },
    { kind: 'read', call: () => ({ FILTER: { NAME: PERSON } }) },
    { kind: 'read', call: () => ({}) },
  ],
  'user.search': [
    { kind: 'read', call: () => ({ FIND: PERSON }) },
    { kind: 'read', call: () => ({}) },
  ],
  'user.update': {
    kind: 'ids',
    who: client,
    call: (i) => ({ ID: i.member, WORK_POSITION: 'x' }),
  },
  'sonet_group.create': skip("makes a group of the caller's own (groups.test.mjs)"),
  'sonet_group.update': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, NAME: 'x' }) },
  'sonet_group.delete': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group }) },
  'sonet_group.get': [
    { kind: 'ids', call: (i) => ({ GROUP_ID: i.group }) },
    { kind: 'ids', call: (i) => ({ FILTER: { ID: i.group } }) },
    { kind: 'read', call: () => ({ FILTER: { '%NAME': 'Wkj' } }) },
    { kind: 'read', call: () => ({}) },
  ],
  'sonet_group.setowner': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, USER_ID: i.member }) },
  'sonet_group.user.add': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, USER_ID: i.self }) },
  'sonet_group.user.delete': {
    kind: 'ids',
    call: (i) => ({ GROUP_ID: i.group, USER_ID: i.member }),
  },
  'sonet_group.user.get': { kind: 'ids', call: (i) => ({ ID: i.group }) },
  'sonet_group.user.groups': { kind: 'read', call: () => ({}) },
  'sonet_group.user.invite': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group, USER_ID: i.self }) },
  'sonet_group.user.request': { kind: 'ids', call: (i) => ({ GROUP_ID: i.group }) },
  'sonet_group.user.update': {
    kind: 'ids',
    call: (i) => ({ GROUP_ID: i.group, USER_ID: i.member, ROLE: 'E' }),
  },
}

// The task methods that take a group or reach a group's things; the rest of each task method's
// check is in tasks-leaks.test.mjs.
const TASK_CALLS = [
  ['tasks.task.list', { kind: 'ids', call: (i) => ({ filter: { GROUP_ID: i.group } }) }],
  ['tasks.task.list', { kind: 'read', call: () => ({ filter: { SEARCH_INDEX: WORD } }) }],
  ['tasks.task.add', { kind: 'ids', call: (i) => ({ fields: { TITLE: 'x', GROUP_ID: i.group } }) }],
  ['tasks.task.get', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['tasks.task.update', { kind: 'ids', call: (i) => ({ taskId: i.task, fields: { TITLE: 'x' } }) }],
  ['tasks.task.history.list', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['tasks.task.getaccess', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['tasks.task.startwatch', { kind: 'ids', call: (i) => ({ taskId: i.task }) }],
  ['task.commentitem.getlist', { kind: 'ids', call: (i) => positional(i.task) }],
  ['task.commentitem.get', { kind: 'ids', call: (i) => positional(i.task, i.comment) }],
  ['task.commentitem.add', { kind: 'ids', call: (i) => positional(i.task, { POST_MESSAGE: 'x' }) }],
  ['task.elapseditem.getlist', { kind: 'ids', call: (i) => positional(i.task) }],
  ['task.stages.get', { kind: 'ids', call: (i) => ({ entityId: i.group }) }],
  [
    'task.stages.add',
    { kind: 'ids', call: (i) => ({ fields: { TITLE: 'x', ENTITY_ID: i.group } }) },
  ],
  ['task.stages.update', { kind: 'ids', call: (i) => ({ id: i.stage, fields: { TITLE: 'x' } }) }],
  ['task.stages.delete', { kind: 'ids', call: (i) => ({ id: i.stage }) }],
  ['task.stages.movetask', { kind: 'ids', call: (i) => ({ id: i.task, stageId: i.stage }) }],
  ['artel.task.report.time', { kind: 'ids', call: (i) => report(i) }],
  ['artel.task.report.tasks', { kind: 'ids', call: (i) => report(i) }],
]

before(async () => {
  portal = await startPortal({ portalName: 'Boundary Ltd' })
  co = await groupCompany(portal)
  const q = await portal.addEmployee({ NAME: PERSON, LAST_NAME: 'Hidden' })
  quentin = { ...q, call: (m, p) => q.session.call(m, p) }
  const group = await co.group(co.uma, {
    NAME: `${SECRET} группа`,
    DESCRIPTION: `${SECRET} описание`,
    KEYWORDS: `${SECRET}-слово`,
    VISIBLE: 'N',
    PROJECT: 'Y',
  })
  await co.join(co.uma, group, [quentin])
  const task = await co.task(co.uma, {
    TITLE: `${SECRET} ${WORD} проект`,
    DESCRIPTION: `${SECRET} описание задачи`,
    GROUP_ID: group,
    RESPONSIBLE_ID: quentin.id,
  })
  const comment = ok(
    await co.uma.call('task.commentitem.add', positional(task.id, { POST_MESSAGE: `${SECRET} 1` })),
  )
  ok(
    await co.uma.call(
      'task.elapseditem.add',
      positional(task.id, { SECONDS: 60, COMMENT_TEXT: `${SECRET} 2` }),
    ),
  )
  const stage = ok(
    await co.uma.call('task.stages.add', {
      fields: { TITLE: `${SECRET} колонка`, ENTITY_ID: group },
    }),
  )
  ok(await co.uma.call('task.stages.movetask', { id: task.id, stageId: stage }))
  // The hidden group's feed: a post with a poll, marked important, and a comment on it; and
  // the entry the hidden task made.
  const post = ok(
    await co.uma.session.call('log.blogpost.add', {
      POST_TITLE: `${SECRET} заголовок`,
      POST_MESSAGE: `${SECRET} сообщение`,
      DEST: [`SG${group}`],
      IMPORTANT: 'Y',
      POLL: { QUESTION: `${SECRET} вопрос`, ANSWERS: [`${SECRET} да`, `${SECRET} нет`] },
    }),
  )
  const feedComment = ok(
    await quentin.call('log.blogcomment.add', { POST_ID: post, TEXT: `${SECRET} ответ` }),
  )
  const events = ok(
    await co.uma.session.call('log.feed.get', { FILTER: { TYPE: 'event', SEARCH: WORD } }),
  ).entries
  const taskEvent = Number(events.find((e) => e.EVENT.OBJECT_ID === String(task.id)).ID)
  hidden = {
    group,
    task: task.id,
    comment,
    stage,
    member: quentin.id,
    post,
    feedComment,
    taskEvent,
  }
  missing = {
    group: MISSING,
    task: MISSING + 1,
    comment: MISSING + 2,
    stage: MISSING + 3,
    member: MISSING + 4,
    post: MISSING + 9,
    feedComment: MISSING + 10,
    taskEvent: MISSING + 11,
  }
  // Xena's extranet group, with a task of her own, so that her answers are not all empty.
  const ext = await co.group(co.carl, { IS_EXTRANET: 'Y' })
  await co.join(co.carl, ext, [co.xena, co.dora])
  await co.task(co.carl, { GROUP_ID: ext, RESPONSIBLE_ID: co.xena.id, TITLE: 'Задача клиента' })
  co.ext = ext

  // The ticket desk. Uma's client company, whose project is another hidden group of hers.
  const uma = (method, params) => co.uma.session.call(method, params)
  const project = await co.group(co.uma, {
    NAME: `${SECRET} проект клиента`,
    VISIBLE: 'N',
    PROJECT: 'Y',
    IS_EXTRANET: 'Y',
  })
  const hdCompany = ok(
    await uma('helpdesk.company.add', {
      FIELDS: {
        TITLE: 'Hdx-тайна компания',
        RESPONSIBLE_ID: co.uma.id,
        GROUP_ID: project,
        COMMENTS: 'Hdx-тайна договор',
      },
    }),
  )
  const hdSite = ok(
    await uma('helpdesk.site.add', {
      FIELDS: { COMPANY_ID: hdCompany, URL: 'https://hdx-secret.test' },
    }),
  )
  const contactEmail = email('hdxname')
  const hdContact = ok(
    await uma('helpdesk.contact.add', {
      FIELDS: {
        COMPANY_ID: hdCompany,
        EMAIL: contactEmail,
        NAME: 'Hdxname',
        LAST_NAME: 'Клиент',
        PASSWORD: 'Contact-secret-1',
      },
    }),
  )
  const contact = await portal.login(contactEmail, 'Contact-secret-1')
  const hdTicket = ok(
    await contact.call('helpdesk.ticket.add', {
      FIELDS: {
        TITLE: 'Hdx-тайна тикет',
        DESCRIPTION: 'Hdx-тайна описание',
        FILES: [['hdx-secret.png', PNG_1X1]],
      },
    }),
  )
  ok(
    await contact.call('helpdesk.ticket.comment.add', {
      TICKET_ID: hdTicket,
      FIELDS: { POST_MESSAGE: 'Hdx-тайна комментарий' },
    }),
  )
  ok(await uma('helpdesk.ticket.status.set', { ID: hdTicket, STATUS: 'WAITING_ACCEPTANCE' }))
  // A company of Carl's for Boris to write into, and Rita, a client of yet another company.
  const carl = (method, params) => co.carl.session.call(method, params)
  const scratch = ok(await carl('helpdesk.company.add', { FIELDS: { TITLE: 'Черновик' } }))
  ok(await carl('helpdesk.site.add', { FIELDS: { COMPANY_ID: scratch, URL: 'https://s.test' } }))
  ok(
    await carl('helpdesk.contact.add', {
      FIELDS: { COMPANY_ID: scratch, EMAIL: email('scratch'), NAME: 'Черновой' },
    }),
  )
  const scratchTicket = ok(
    await carl('helpdesk.ticket.add', { FIELDS: { TITLE: 'Черновой тикет', COMPANY_ID: scratch } }),
  )
  const rival = ok(await carl('helpdesk.company.add', { FIELDS: { TITLE: 'Соперник' } }))
  ok(await carl('helpdesk.site.add', { FIELDS: { COMPANY_ID: rival, URL: 'https://r.test' } }))
  const ritaEmail = email('rita')
  const ritaId = ok(
    await carl('helpdesk.contact.add', {
      FIELDS: {
        COMPANY_ID: rival,
        EMAIL: ritaEmail,
        NAME: 'Rita',
        LAST_NAME: 'Rival',
        PASSWORD: 'Contact-secret-1',
      },
    }),
  )
  rita = { id: ritaId, company: rival, session: await portal.login(ritaEmail, 'Contact-secret-1') }
  rita.ticket = ok(
    await rita.session.call('helpdesk.ticket.add', { FIELDS: { TITLE: 'Тикет соперника' } }),
  )
  Object.assign(hidden, { hdCompany, hdSite, hdContact, hdTicket, scratch, scratchTicket })
  Object.assign(missing, {
    hdCompany: MISSING + 5,
    hdSite: MISSING + 6,
    hdContact: MISSING + 7,
    hdTicket: MISSING + 8,
    scratch,
    scratchTicket,
  })
  co.project = project
  desk0 = {
    company: ok(await uma('helpdesk.company.get', { ID: hdCompany })),
    ticket: ok(await uma('helpdesk.ticket.get', { ID: hdTicket })),
    comments: ok(await uma('helpdesk.ticket.comment.list', { TICKET_ID: hdTicket })),
  }
})

after(async () => {
  await portal?.stop()
})

const callers = () => ({ client: co.xena, outsider: co.boris, rival: rita })

const secrets = (as) => (as === 'outsider' ? ['Wkj', WORD] : ['Wkj', WORD, PERSON, ...DESK_SECRETS])
const leaked = (as, r) => secrets(as).filter((s) => r.text.includes(s))

// Calls every spec of the list as each caller; returns the differences and leaks found.
async function check(specs) {
  const problems = []
  for (const [as, person] of Object.entries(callers())) {
    const self = person.id
    for (const [method, spec] of specs) {
      if (spec.kind === 'skip' || !(spec.who ?? both).includes(as)) continue
      const withHidden = { ...hidden, self }
      const a = await person.session.call(method, spec.call(withHidden))
      if (a.status >= 500) problems.push(`${as} ${method}: ${a.status} ${a.text.slice(0, 300)}`)
      const l = leaked(as, a)
      if (l.length) problems.push(`${as} ${method} shows ${l}: ${a.text.slice(0, 400)}`)
      if (spec.kind !== 'ids') continue
      const withMissing = { ...missing, self }
      const b = await person.session.call(method, spec.call(withMissing))
      const sa = JSON.stringify(blankedAnswer(a, withHidden))
      const sb = JSON.stringify(blankedAnswer(b, withMissing))
      if (sa !== sb) problems.push(`${as} ${method}:\n  hidden  ${sa}\n  missing ${sb}`)
    }
  }
  return problems
}

const specsOf = (table) =>
  Object.entries(table).flatMap(([m, s]) => (Array.isArray(s) ? s : [s]).map((x) => [m, x]))

describe('nothing of a hidden group, and nothing outside the extranet, leaks through any method', () => {
  test('every registered method is in this table or is a task method', async () => {
    const names = ok(await co.admin.call('methods', { full: true }))
    const untested = names.filter((m) => !(m in METHODS) && !TASK_METHOD.test(m))
    assert.deepEqual(untested, [], 'add these methods to METHODS in portal-leaks.test.mjs')
    const gone = Object.keys(METHODS).filter((m) => !names.includes(m))
    assert.deepEqual(gone, [], 'methods listed here that are not registered')
    for (const [m] of TASK_CALLS) assert.ok(names.includes(m), `${m} is not registered`)
  })

  test('the portal methods: no secret, and a hidden id answers as a missing one', async () => {
    const problems = await check(specsOf(METHODS))
    assert.deepEqual(problems, [], problems.join('\n'))
  })

  test('the task methods about a group: no secret, and a hidden id answers as a missing one', async () => {
    const problems = await check(TASK_CALLS)
    assert.deepEqual(problems, [], problems.join('\n'))
  })

  test('the client sees only the people of her groups, no department, only her groups', async () => {
    const s = co.xena.session
    const mates = [co.carl.id, co.dora.id, co.xena.id].sort()
    assert.deepEqual(
      ok(await s.call('user.get', {}))
        .map((u) => Number(u.ID))
        .sort(),
      mates,
    )
    assert.deepEqual(
      ok(await s.call('user.search', {}))
        .map((u) => Number(u.ID))
        .sort(),
      mates,
    )
    assert.deepEqual(ok(await s.call('user.get', { ID: co.ann.id })), [])
    assert.deepEqual(ok(await s.call('department.get', {})), [])
    assert.deepEqual(
      ok(await s.call('sonet_group.get', {})).map((g) => Number(g.ID)),
      [co.ext],
    )
    // Every visible group is hidden from her too.
    const visible = await co.group(co.ann, { NAME: 'Открытая для сотрудников', OPENED: 'Y' })
    assert.ok((await co.groupIds(co.boris)).includes(visible))
    assert.ok(!(await co.groupIds(co.xena)).includes(visible))
  })

  test('search never returns the hidden task’s title to an outsider; a member finds it', async () => {
    const find = async (who) =>
      ok(
        await who.call('tasks.task.list', {
          filter: { SEARCH_INDEX: WORD },
          select: ['ID', 'TITLE'],
        }),
      ).tasks.map((t) => Number(t.id))
    assert.deepEqual(await find(quentin), [Number(hidden.task)])
    assert.deepEqual(await find(co.boris.session), [])
    assert.deepEqual(await find(co.xena.session), [])
  })

  test('the desk: an extranet person who is no contact gets 403 from all but settings.get', async () => {
    const names = ok(await co.admin.call('methods', { full: true })).filter((m) =>
      m.startsWith('helpdesk.'),
    )
    assert.ok(names.includes('helpdesk.ticket.accept'), names.join(', '))
    const problems = []
    for (const method of names) {
      const spec = specsOf({ [method]: METHODS[method] ?? [] }).find(([, x]) => x.kind !== 'skip')
      const params = spec ? spec[1].call({ ...hidden, self: co.xena.id }) : {}
      const r = await co.xena.session.call(method, params)
      if (method === 'helpdesk.settings.get') {
        if (r.status !== 200 || r.body?.result?.ROLE !== 'none')
          problems.push(`${method}: ${r.text}`)
      } else if (r.status !== 403 || r.body?.error !== 'ACCESS_DENIED') {
        problems.push(`${method}: ${r.status} ${r.text.slice(0, 300)}`)
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'))
  })

  test('the desk: a client of another company has her own company only; no studio method', async () => {
    const s = rita.session
    const ids = async (method, params = {}) =>
      ok(await s.call(method, params)).map((x) => Number(x.ID))
    assert.deepEqual(await ids('helpdesk.company.list'), [rita.company])
    assert.deepEqual(await ids('helpdesk.ticket.list'), [rita.ticket])
    assert.deepEqual(await ids('helpdesk.contact.list'), [rita.id])
    assert.equal((await ids('helpdesk.site.list')).length, 1)
    const me = ok(await s.call('helpdesk.settings.get'))
    assert.equal(me.ROLE, 'client')
    assert.equal(String(me.COMPANY_ID), String(rita.company))
    for (const [method, params] of [
      ['helpdesk.company.add', { FIELDS: { TITLE: 'x' } }],
      ['helpdesk.company.update', { ID: rita.company, FIELDS: { TITLE: 'x' } }],
      ['helpdesk.site.add', { FIELDS: { COMPANY_ID: rita.company, URL: 'https://x.test' } }],
      [
        'helpdesk.contact.add',
        { FIELDS: { COMPANY_ID: rita.company, EMAIL: email('x'), NAME: 'x' } },
      ],
      ['helpdesk.ticket.status.set', { ID: rita.ticket, STATUS: 'ACCEPTED' }],
      ['helpdesk.settings.set', { WORK_FROM: '09:00' }],
    ])
      fails(await s.call(method, params), 403, 'ACCESS_DENIED')
    // Nobody of the portal but herself.
    assert.deepEqual(
      ok(await s.call('user.get', {})).map((u) => Number(u.ID)),
      [rita.id],
    )
    assert.deepEqual(ok(await s.call('sonet_group.get', {})), [])
    assert.deepEqual(ok(await s.call('tasks.task.list', {})).tasks, [])
  })

  test('the desk: an employee sees every company and ticket, nothing of the hidden group', async () => {
    const s = co.boris.session
    const company = ok(await s.call('helpdesk.company.get', { ID: hidden.hdCompany }))
    assert.equal(company.TITLE, 'Hdx-тайна компания')
    const ticket = ok(await s.call('helpdesk.ticket.get', { ID: hidden.hdTicket }))
    assert.equal(ticket.TITLE, 'Hdx-тайна тикет')
    const comments = ok(
      await s.call('helpdesk.ticket.comment.list', { TICKET_ID: hidden.hdTicket }),
    )
    assert.equal(comments.length, 1)
    const listed = ok(await s.call('helpdesk.ticket.list', {})).map((t) => Number(t.ID))
    for (const id of [hidden.hdTicket, rita.ticket]) assert.ok(listed.includes(id), `${id}`)
    assert.equal(ok(await s.call('helpdesk.settings.get')).ROLE, 'studio')
    for (const r of [company, ticket, comments])
      assert.ok(!JSON.stringify(r).includes('Wkj'), JSON.stringify(r))
  })

  test('the desk’s objects are as they were', async () => {
    const uma = (method, params) => co.uma.session.call(method, params)
    assert.deepEqual(ok(await uma('helpdesk.company.get', { ID: hidden.hdCompany })), desk0.company)
    assert.deepEqual(ok(await uma('helpdesk.ticket.get', { ID: hidden.hdTicket })), desk0.ticket)
    assert.equal(desk0.ticket.STATUS, 'WAITING_ACCEPTANCE')
    assert.deepEqual(
      ok(await uma('helpdesk.ticket.comment.list', { TICKET_ID: hidden.hdTicket })),
      desk0.comments,
    )
    const scratch = ok(await uma('helpdesk.company.get', { ID: hidden.scratch }))
    assert.notEqual(scratch.GROUP_ID, String(hidden.group))
    const t = ok(await uma('helpdesk.ticket.get', { ID: hidden.scratchTicket }))
    assert.equal(t.TASK_ID, '0')
    assert.equal(t.TITLE, 'Черновой тикет')
  })

  test('the hidden group is as it was', async () => {
    const [g] = ok(await co.uma.call('sonet_group.get', { FILTER: { ID: hidden.group } }))
    assert.equal(g.NAME, `${SECRET} группа`)
    assert.equal(g.OWNER_ID, String(co.uma.id))
    assert.deepEqual(await co.roles(co.uma, hidden.group), {
      [co.uma.id]: 'A',
      [quentin.id]: 'K',
    })
    const t = await co.get(co.uma, hidden.task)
    assert.equal(t.groupId, String(hidden.group))
    assert.equal(String(t.stageId), String(hidden.stage))
    assert.equal(t.commentsCount, '1')
    const s = await co.stages(co.uma, hidden.group)
    assert.equal(s.length, 4)
    assert.equal(s.find((x) => Number(x.ID) === hidden.stage)?.TITLE, `${SECRET} колонка`)
    const [post] = ok(await co.uma.session.call('log.blogpost.get', { POST_ID: hidden.post }))
    assert.equal(post.DETAIL_TEXT, `${SECRET} сообщение`)
    const comments = ok(await co.uma.session.call('log.blogcomment.get', { POST_ID: hidden.post }))
    assert.deepEqual(
      comments.map((c) => [c.POST_MESSAGE, c.LIKES.COUNT]),
      [[`${SECRET} ответ`, 0]],
    )
    const poll = ok(await co.uma.session.call('log.poll.get', { POST_ID: hidden.post }))
    assert.equal(poll.CLOSED, 'N')
    assert.equal(poll.VOTERS, 0)
    assert.deepEqual(
      ok(await co.uma.session.call('log.blogpost.getusers.important', { POST_ID: hidden.post })),
      [],
    )
  })

  test('the feed: outsiders see none of the hidden group’s entries, its members all', async () => {
    const ids = async (who, filter = {}) =>
      ok(await who.call('log.feed.get', { FILTER: filter, LIMIT: 50 })).entries.map((e) =>
        Number(e.ID),
      )
    for (const who of [co.xena.session, co.boris.session]) {
      const seen = await ids(who)
      assert.ok(!seen.includes(hidden.post) && !seen.includes(hidden.taskEvent), `${seen}`)
      assert.deepEqual(await ids(who, { SEARCH: WORD }), [])
      assert.deepEqual(await ids(who, { GROUP_ID: hidden.group }), [])
    }
    const theirs = await ids(quentin)
    assert.ok(theirs.includes(hidden.post) && theirs.includes(hidden.taskEvent), `${theirs}`)
  })
})
