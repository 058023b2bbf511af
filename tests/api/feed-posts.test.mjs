// Posts of the live feed and their audiences (E1, A8): log.blogpost.add / update / delete / get
// / share with the destination codes UA, U<id>, SG<id> and DR<id> (a department with the ones
// below it), the author always in the audience, the defaults, refusals naming the parameter,
// who may edit, mentions and the notices they send, who may write to everyone
// (log.settings.*), the paging of log.blogpost.get and its LOG_RIGHTS, the old name SPERM.
// The mixed feed (log.feed.get): feed-get.test.mjs; the extranet boundary: feed-extranet.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { fails, ISO_WITH_OFFSET, ok, PNG_1X1 } from '../support/expect.mjs'
import { badArgument, feedCompany, notFound, unique } from '../support/feed.mjs'
import { startPortal } from '../support/server.mjs'

const MISSING = 99999700

let portal
let co

before(async () => {
  portal = await startPortal({ portalName: 'Feed Ltd' })
  co = await feedCompany(portal)
})

after(async () => {
  await portal?.stop()
})

// Does `who` see the post: in log.feed.get, in log.blogpost.get (by POST_ID) and its comments.
async function seesPost(who, id) {
  const inFeed = await co.sees(who, id)
  const r = await who.call('log.blogpost.get', { POST_ID: id })
  if (inFeed)
    assert.deepEqual(
      ok(r).map((p) => p.ID),
      [String(id)],
    )
  else notFound(r)
  return inFeed
}

// The people of the company who see the post, by name.
async function audience(id, names) {
  const out = []
  for (const name of names) if (await seesPost(co[name], id)) out.push(name)
  return out
}
const EVERYONE = ['helen', 'eric', 'uma', 'carl', 'olga', 'ann', 'alex', 'boris', 'dora']
const ALL = [...EVERYONE, 'xena', 'yuri', 'admin']

// The newest entry of the portal, to tell that a refusal made nothing.
const newest = async () => (await co.feed(co.admin, { LIMIT: 1 })).entries[0]?.ID

describe('log.blogpost.add and who sees the post', () => {
  test('without DEST a post goes to everyone: every employee, no extranet person', async () => {
    const text = unique('Всем привет')
    const id = await co.post(co.carl, { POST_MESSAGE: text })
    assert.deepEqual(await audience(id, ALL), [...EVERYONE, 'admin'])
    const [p] = ok(await co.ann.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.ID, String(id))
    assert.equal(p.BLOG_ID, '1')
    assert.equal(p.PUBLISH_STATUS, 'P')
    assert.equal(p.AUTHOR_ID, String(co.carl.id))
    assert.equal(p.DETAIL_TEXT, text)
    assert.equal(p.TITLE, '')
    assert.equal(p.MICRO, 'Y', 'a post without a title is a micro post')
    assert.equal(p.ENABLE_COMMENTS, 'Y')
    assert.equal(p.NUM_COMMENTS, '0')
    assert.equal(p.HAS_SOCNET_ALL, 'Y')
    assert.equal(p.UF_BLOG_POST_IMPRTNT, '0')
    assert.deepEqual(p.UF_BLOG_POST_FILE, [])
    assert.match(p.DATE_PUBLISH, ISO_WITH_OFFSET)
    assert.deepEqual([...p.DEST].sort(), [`U${co.carl.id}`, 'UA'].sort())
    const e = await co.entry(co.boris, id)
    assert.equal(e.ENTRY_TYPE, 'post')
    assert.equal(e.AUTHOR_ID, String(co.carl.id))
    assert.equal(e.AUTHOR_NAME, co.carl.name)
    assert.equal(e.DETAIL_TEXT, text)
    assert.ok(e.DEST.includes('UA'), JSON.stringify(e))
  })

  test('a title makes a full post; DEST UA is the same as no DEST', async () => {
    const TITLE = unique('Заголовок')
    const id = await co.post(co.carl, { POST_TITLE: `  ${TITLE}  `, DEST: ['UA'] })
    const [p] = ok(await co.carl.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.TITLE, TITLE, 'the title is trimmed')
    assert.equal(p.MICRO, 'N')
    assert.equal(p.HAS_SOCNET_ALL, 'Y')
    assert.equal(await seesPost(co.boris, id), true)
    assert.equal(await seesPost(co.xena, id), false)
  })

  test('a post to a person: that person, the author and the administrator', async () => {
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    assert.deepEqual(await audience(id, ALL), ['carl', 'ann', 'admin'])
    const [p] = ok(await co.ann.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.HAS_SOCNET_ALL, 'N')
    assert.deepEqual([...p.DEST].sort(), [`U${co.ann.id}`, `U${co.carl.id}`].sort())
  })

  test('a post to a department reaches it and the departments below it, not a sibling nor the one above', async () => {
    const { sales, east, support } = co.departments
    const toSales = await co.post(co.carl, { DEST: [`DR${sales}`] })
    assert.deepEqual(await audience(toSales, ALL), [
      'helen',
      'eric',
      'carl',
      'olga',
      'ann',
      'alex',
      'admin',
    ])
    const toEast = await co.post(co.boris, { DEST: [`DR${east}`] })
    assert.deepEqual(await audience(toEast, ALL), ['eric', 'ann', 'alex', 'boris', 'admin'])
    const toSupport = await co.post(co.ann, { DEST: [`DR${support}`] })
    assert.deepEqual(await audience(toSupport, ALL), ['uma', 'ann', 'boris', 'admin'])
    // The top department holds every department.
    const toTop = await co.post(co.dora, { DEST: ['DR1'] })
    assert.deepEqual(await audience(toTop, ALL), [...EVERYONE, 'admin'])
  })

  test('a person moved into the department reads its posts; moved out, no longer', async () => {
    const { east, support } = co.departments
    const mover = await co.employee('Mover', support)
    const id = await co.post(co.eric, { DEST: [`DR${east}`] })
    assert.equal(await seesPost(mover, id), false)
    ok(await co.admin.call('user.update', { ID: mover.id, UF_DEPARTMENT: [east] }))
    assert.equal(await seesPost(mover, id), true)
    ok(await co.admin.call('user.update', { ID: mover.id, UF_DEPARTMENT: [support] }))
    assert.equal(await seesPost(mover, id), false)
  })

  test('a post to a group reaches its members, visible group or hidden', async () => {
    for (const VISIBLE of ['Y', 'N']) {
      const gid = await co.group(co.carl, { VISIBLE })
      await co.join(co.carl, gid, [co.dora])
      const id = await co.post(co.dora, { DEST: [`SG${gid}`] })
      assert.deepEqual(await audience(id, ALL), ['carl', 'dora', 'admin'], `VISIBLE ${VISIBLE}`)
      // A new member reads the group's earlier posts.
      await co.join(co.carl, gid, [co.boris])
      assert.equal(await seesPost(co.boris, id), true)
    }
  })

  test('the administrator writes to any group, also one they are not in', async () => {
    const gid = await co.group(co.uma, { VISIBLE: 'N' })
    await co.join(co.uma, gid, [co.olga])
    const id = await co.post(co.admin, { DEST: [`SG${gid}`] })
    assert.deepEqual(await audience(id, ALL), ['uma', 'olga', 'admin'])
  })

  test('several codes: everyone any of them reaches', async () => {
    const gid = await co.group(co.uma)
    await co.join(co.uma, gid, [co.olga])
    const id = await co.post(co.uma, {
      DEST: [`SG${gid}`, `U${co.dora.id}`, `DR${co.departments.east}`, `U${co.dora.id}`],
    })
    assert.deepEqual(await audience(id, ALL), [
      'eric',
      'uma',
      'olga',
      'ann',
      'alex',
      'dora',
      'admin',
    ])
    const [p] = ok(await co.uma.call('log.blogpost.get', { POST_ID: id }))
    assert.deepEqual(
      [...p.DEST].sort(),
      [`SG${gid}`, `U${co.dora.id}`, `DR${co.departments.east}`, `U${co.uma.id}`].sort(),
      'each code once, the author included',
    )
  })

  test('the author always sees the post, also after leaving the group it went to', async () => {
    const gid = await co.group(co.carl)
    await co.join(co.carl, gid, [co.alex])
    const id = await co.post(co.alex, { DEST: [`SG${gid}`] })
    ok(await co.carl.call('sonet_group.user.delete', { GROUP_ID: gid, USER_ID: co.alex.id }))
    assert.equal(await seesPost(co.alex, id), true)
    assert.equal((await co.entry(co.alex, id)).CAN_EDIT, 'Y')
    const toOther = await co.post(co.alex, { DEST: [`U${co.boris.id}`] })
    assert.equal(await seesPost(co.alex, toOther), true)
  })

  test('the administrator posts in another person’s name with USER_ID; nobody else may', async () => {
    const id = await co.post(co.admin, { USER_ID: co.dora.id, DEST: [`U${co.ann.id}`] })
    const [p] = ok(await co.dora.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.AUTHOR_ID, String(co.dora.id))
    assert.equal((await co.entry(co.dora, id)).CAN_EDIT, 'Y')
    assert.equal(await seesPost(co.ann, id), true)
    const before = await newest()
    fails(
      await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', USER_ID: co.dora.id }),
      403,
      'ACCESS_DENIED',
    )
    assert.equal(await newest(), before)
  })

  test('files are kept with the post', async () => {
    const content = Buffer.from(unique('содержимое файла'))
    const id = await co.post(co.carl, {
      DEST: [`U${co.ann.id}`],
      FILES: [['план.txt', content.toString('base64')]],
    })
    const [p] = ok(await co.ann.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.UF_BLOG_POST_FILE.length, 1)
    assert.equal(p.FILES.length, 1)
    const e = await co.entry(co.ann, id)
    assert.equal(e.FILES.length, 1)
    const file = e.FILES[0]
    const url = Object.values(file).find((v) => typeof v === 'string' && /^https?:\/\//.test(v))
    assert.ok(url, JSON.stringify(file))
    assert.ok(JSON.stringify(file).includes('план.txt'), JSON.stringify(file))
    const res = await fetch(url)
    assert.equal(res.status, 200)
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), content)
    assert.equal(p.HAS_IMAGES, 'N')
    const withImage = await co.post(co.carl, { FILES: [['фото.png', PNG_1X1]] })
    assert.equal(
      ok(await co.ann.call('log.blogpost.get', { POST_ID: withImage }))[0].HAS_IMAGES,
      'Y',
    )
  })
})

describe('refusals of log.blogpost.add', () => {
  test('a webhook without the log scope is refused', async () => {
    const noLog = await portal.hook(['user', 'task'], { user: co.carl.id })
    for (const method of ['log.blogpost.add', 'log.blogpost.get', 'log.feed.get'])
      fails(await noLog.call(method, { POST_MESSAGE: 'x' }), 403, 'insufficient_scope')
  })

  test('a missing or empty text, a long title, a bad date: 400 naming the parameter', async () => {
    const before = await newest()
    badArgument(await co.carl.call('log.blogpost.add', {}), 'POST_MESSAGE')
    badArgument(await co.carl.call('log.blogpost.add', { POST_MESSAGE: '   ' }), 'POST_MESSAGE')
    badArgument(
      await co.carl.call('log.blogpost.add', { POST_TITLE: 'Только заголовок' }),
      'POST_MESSAGE',
    )
    badArgument(
      await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', POST_TITLE: 'я'.repeat(256) }),
      'POST_TITLE',
    )
    badArgument(
      await co.carl.call('log.blogpost.add', {
        POST_MESSAGE: 'x',
        IMPORTANT: 'Y',
        IMPORTANT_DATE_END: 'не дата',
      }),
      'IMPORTANT_DATE_END',
    )
    assert.equal(await newest(), before)
  })

  test('malformed and unknown destination codes: 400 naming DEST, nothing posted', async () => {
    const strange = await co.group(co.uma) // a group Carl is not in
    const hidden = await co.group(co.uma, { VISIBLE: 'N' })
    const before = await newest()
    const answers = {}
    for (const DEST of [
      ['ZZ'],
      ['U'],
      ['U0'],
      ['Uabc'],
      ['SG'],
      ['DR-1'],
      [''],
      [],
      ['UA', 'X1'],
      [`U${MISSING}`],
      [`SG${MISSING}`],
      [`DR${MISSING}`],
      [`SG${strange}`],
      [`SG${hidden}`],
      [`U${co.xena.id}`], // an outside person Carl shares no group with
    ]) {
      const r = await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', DEST })
      answers[JSON.stringify(DEST)] = badArgument(r, 'DEST')
    }
    assert.equal(await newest(), before)
    // A hidden group answers as a missing one.
    const hiddenAnswer = answers[JSON.stringify([`SG${hidden}`])].error_description
    const missingAnswer = answers[JSON.stringify([`SG${MISSING}`])].error_description
    assert.equal(
      hiddenAnswer.replace(String(hidden), '<ID>'),
      missingAnswer.replace(String(MISSING), '<ID>'),
    )
  })

  test('a person one shares a group with may be addressed, an outside person included', async () => {
    const gid = await co.group(co.carl, { IS_EXTRANET: 'Y' })
    await co.join(co.carl, gid, [co.xena])
    const id = await co.post(co.carl, { DEST: [`U${co.xena.id}`] })
    assert.equal(await seesPost(co.xena, id), true)
    assert.equal(await seesPost(co.yuri, id), false)
  })

  test('a bad poll: 400 naming POLL', async () => {
    const before = await newest()
    for (const POLL of [
      'Вопрос?',
      { ANSWERS: ['a', 'b'] },
      { QUESTION: '  ', ANSWERS: ['a', 'b'] },
      { QUESTION: 'Q', ANSWERS: ['a'] },
      { QUESTION: 'Q', ANSWERS: [] },
      { QUESTION: 'Q' },
      { QUESTION: 'Q', ANSWERS: Array.from({ length: 21 }, (_, i) => `a${i}`) },
      { QUESTION: 'Q', ANSWERS: ['a', ' '] },
      { QUESTION: 'Q', ANSWERS: ['a', 'b'], MULTIPLE: 'maybe' },
      { QUESTION: 'Q', ANSWERS: ['a', 'b'], RESULTS: 'NEVER' },
    ]) {
      const r = await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', POLL })
      badArgument(r, 'POLL')
    }
    assert.equal(await newest(), before)
  })
})

describe('log.blogpost.update and log.blogpost.delete', () => {
  test('the author changes the text, the title and the audience', async () => {
    const id = await co.post(co.carl, { POST_MESSAGE: 'Первая версия' })
    assert.equal(await seesPost(co.boris, id), true)
    const TITLE = unique('Новый заголовок')
    const r = await co.carl.call('log.blogpost.update', {
      POST_ID: id,
      POST_MESSAGE: 'Вторая версия',
      POST_TITLE: TITLE,
      DEST: [`U${co.ann.id}`],
    })
    assert.equal(ok(r), id)
    const [p] = ok(await co.carl.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.DETAIL_TEXT, 'Вторая версия')
    assert.equal(p.TITLE, TITLE)
    assert.equal(p.MICRO, 'N')
    assert.equal(p.HAS_SOCNET_ALL, 'N')
    assert.deepEqual(await audience(id, ALL), ['carl', 'ann', 'admin'])
    // Without DEST the audience stays.
    ok(await co.carl.call('log.blogpost.update', { POST_ID: id, POST_MESSAGE: 'Третья' }))
    assert.deepEqual(await audience(id, ['carl', 'ann', 'boris']), ['carl', 'ann'])
    const e = await co.entry(co.ann, id)
    assert.equal(e.DETAIL_TEXT, 'Третья')
    assert.ok(Date.parse(e.DATE_UPDATE) >= Date.parse(e.DATE_PUBLISH), JSON.stringify(e))
  })

  test('only the author or an administrator edits or deletes: others get 403, nothing changes', async () => {
    const id = await co.post(co.carl, { POST_MESSAGE: 'Текст автора' })
    for (const who of [co.helen, co.boris, co.dora]) {
      assert.equal((await co.entry(who, id)).CAN_EDIT, 'N')
      fails(
        await who.call('log.blogpost.update', { POST_ID: id, POST_MESSAGE: 'чужой' }),
        403,
        'ACCESS_DENIED',
      )
      fails(await who.call('log.blogpost.delete', { POST_ID: id }), 403, 'ACCESS_DENIED')
    }
    assert.equal((await co.entry(co.carl, id)).DETAIL_TEXT, 'Текст автора')
    assert.equal((await co.entry(co.carl, id)).CAN_EDIT, 'Y')
    assert.equal((await co.entry(co.admin, id)).CAN_EDIT, 'Y')
    ok(await co.admin.call('log.blogpost.update', { POST_ID: id, POST_MESSAGE: 'Правка админа' }))
    assert.equal((await co.entry(co.boris, id)).DETAIL_TEXT, 'Правка админа')
    assert.equal(ok(await co.admin.call('log.blogpost.delete', { POST_ID: id })), true)
    assert.equal(await seesPost(co.carl, id), false)
  })

  test('the author deletes the post: it is gone for everyone, and its id answers as missing', async () => {
    const id = await co.post(co.carl, { POST_MESSAGE: unique('Удаляемый') })
    ok(await co.carl.call('log.blogcomment.add', { POST_ID: id, TEXT: 'комментарий' }))
    assert.equal(ok(await co.carl.call('log.blogpost.delete', { POST_ID: id })), true)
    assert.deepEqual(await audience(id, ALL), [])
    notFound(await co.carl.call('log.blogpost.delete', { POST_ID: id }))
    notFound(await co.carl.call('log.blogpost.update', { POST_ID: id, POST_MESSAGE: 'x' }))
  })

  test('neither a title nor a text: EMPTY_TITLE; the post stays as it was', async () => {
    const id = await co.post(co.carl, { POST_MESSAGE: 'Текст', POST_TITLE: 'Заголовок' })
    fails(
      await co.carl.call('log.blogpost.update', { POST_ID: id, POST_MESSAGE: '', POST_TITLE: '' }),
      400,
      'EMPTY_TITLE',
    )
    const [p] = ok(await co.carl.call('log.blogpost.get', { POST_ID: id }))
    assert.equal(p.DETAIL_TEXT, 'Текст')
    assert.equal(p.TITLE, 'Заголовок')
  })

  test('bad input to update and delete: 400 naming the parameter, missing ids ERROR_NOT_FOUND', async () => {
    const id = await co.post(co.carl, { POST_MESSAGE: 'Остаётся' })
    badArgument(await co.carl.call('log.blogpost.update', { POST_MESSAGE: 'x' }), 'POST_ID')
    badArgument(await co.carl.call('log.blogpost.update', { POST_ID: 'abc' }), 'POST_ID')
    badArgument(await co.carl.call('log.blogpost.delete', {}), 'POST_ID')
    badArgument(await co.carl.call('log.blogpost.update', { POST_ID: id, DEST: ['ZZ'] }), 'DEST')
    badArgument(await co.carl.call('log.blogpost.update', { POST_ID: id, DEST: [] }), 'DEST')
    badArgument(
      await co.carl.call('log.blogpost.update', { POST_ID: id, POST_TITLE: 'я'.repeat(256) }),
      'POST_TITLE',
    )
    notFound(await co.carl.call('log.blogpost.update', { POST_ID: MISSING, POST_MESSAGE: 'x' }))
    notFound(await co.carl.call('log.blogpost.delete', { POST_ID: MISSING }))
    assert.equal((await co.entry(co.boris, id)).DETAIL_TEXT, 'Остаётся')
  })

  test('an event of the portal is not a post: update and delete refuse it', async () => {
    const task = await co.task(co.carl, { RESPONSIBLE_ID: co.ann.id })
    const [event] = await co.eventsOf(co.carl, 'task', task.id)
    assert.ok(event, 'the task has its event')
    assert.equal(event.CAN_EDIT, 'N')
    const r = await co.carl.call('log.blogpost.update', { POST_ID: event.ID, POST_MESSAGE: 'x' })
    assert.ok([400, 403].includes(r.status), r.text)
    const d = await co.carl.call('log.blogpost.delete', { POST_ID: event.ID })
    assert.ok([400, 403].includes(d.status), d.text)
    const kept = await co.entry(co.carl, event.ID)
    assert.equal(kept?.DETAIL_TEXT, '')
    assert.equal(kept.EVENT.TYPE, 'task_created')
    notFound(await co.carl.call('log.blogpost.get', { POST_ID: event.ID }))
  })
})

describe('mentions and the notices of posts', () => {
  test('a post to a person tells that person (blog|post); the author and others are not told', async () => {
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`], POST_MESSAGE: 'Лично тебе' })
    const [n] = await co.notices(co.ann, id)
    assert.ok(n, 'Ann has a notice')
    assert.equal(n.setting_name, 'blog|post')
    assert.equal(n.notify_module, 'blog')
    assert.equal(n.notify_event, 'post')
    assert.equal(n.author_id, co.carl.id)
    assert.equal(n.notify_link, `/feed/?entry=${id}`)
    assert.ok(n.text.includes('Лично тебе'), n.text)
    assert.deepEqual(await co.notices(co.carl, id), [])
    assert.deepEqual(await co.notices(co.boris, id), [])
    // A post to everyone, to a group or a department tells nobody by name.
    const wide = await co.post(co.carl, { DEST: ['UA', `DR${co.departments.east}`] })
    assert.deepEqual(await co.notices(co.ann, wide), [])
  })

  test('a mention adds the person to the audience and tells them (blog|mention)', async () => {
    const id = await co.post(co.carl, {
      DEST: [`U${co.ann.id}`],
      POST_MESSAGE: `Смотри, [USER=${co.boris.id}]Boris Stranger[/USER]`,
    })
    assert.equal(await seesPost(co.boris, id), true)
    assert.ok((await co.entry(co.boris, id)).DEST.includes(`U${co.boris.id}`))
    const [n] = await co.notices(co.boris, id)
    assert.ok(n, 'Boris has a notice')
    assert.equal(n.setting_name, 'blog|mention')
    assert.equal(n.author_id, co.carl.id)
    assert.equal((await co.notices(co.ann, id))[0]?.setting_name, 'blog|post')
    assert.equal(await seesPost(co.dora, id), false)
  })

  test('a mention added by an edit adds and tells the person then', async () => {
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`], POST_MESSAGE: 'Без упоминаний' })
    assert.equal(await seesPost(co.dora, id), false)
    ok(
      await co.carl.call('log.blogpost.update', {
        POST_ID: id,
        POST_MESSAGE: `Теперь с [USER=${co.dora.id}]Dora[/USER]`,
      }),
    )
    assert.equal(await seesPost(co.dora, id), true)
    assert.equal((await co.notices(co.dora, id))[0]?.setting_name, 'blog|mention')
  })

  test('a mention of someone the author may not see adds nobody', async () => {
    const id = await co.post(co.carl, {
      DEST: [`U${co.ann.id}`],
      POST_MESSAGE: `Привет [USER=${co.yuri.id}]Yuri[/USER] и [USER=${MISSING}]никто[/USER]`,
    })
    assert.equal(await seesPost(co.yuri, id), false)
    assert.deepEqual(await co.notices(co.yuri, id), [])
  })
})

describe('log.blogpost.share', () => {
  test('a reader adds recipients; those already there keep it', async () => {
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    assert.equal(
      ok(
        await co.ann.call('log.blogpost.share', {
          POST_ID: id,
          DEST: [`U${co.boris.id}`, `DR${co.departments.support}`],
        }),
      ),
      true,
    )
    assert.deepEqual(await audience(id, ALL), ['uma', 'carl', 'ann', 'boris', 'admin'])
    const gid = await co.group(co.ann)
    await co.join(co.ann, gid, [co.olga])
    ok(await co.ann.call('log.blogpost.share', { POST_ID: id, DEST: [`SG${gid}`] }))
    assert.equal(await seesPost(co.olga, id), true)
    ok(await co.boris.call('log.blogpost.share', { POST_ID: id, DEST: ['UA'] }))
    assert.equal(await seesPost(co.dora, id), true)
    assert.equal(await seesPost(co.xena, id), false)
  })

  test('refusals: no DEST, a code the sharer may not use, a post they do not see', async () => {
    const id = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    const foreign = await co.group(co.uma)
    badArgument(await co.ann.call('log.blogpost.share', { POST_ID: id }), 'DEST')
    badArgument(await co.ann.call('log.blogpost.share', { POST_ID: id, DEST: ['ZZ'] }), 'DEST')
    badArgument(
      await co.ann.call('log.blogpost.share', { POST_ID: id, DEST: [`SG${foreign}`] }),
      'DEST',
    )
    badArgument(await co.ann.call('log.blogpost.share', { DEST: ['UA'] }), 'POST_ID')
    notFound(await co.boris.call('log.blogpost.share', { POST_ID: id, DEST: ['UA'] }))
    notFound(await co.boris.call('log.blogpost.share', { POST_ID: MISSING, DEST: ['UA'] }))
    assert.deepEqual(await audience(id, ALL), ['carl', 'ann', 'admin'])
  })
})

describe('who may write to everyone (A8): log.settings.get / set', () => {
  test('by default every employee may; an outside person may not', async () => {
    const mine = ok(await co.carl.call('log.settings.get'))
    assert.deepEqual(mine, { EVERYONE_ALLOWED: [], CAN_POST_TO_EVERYONE: 'Y' })
    assert.equal(ok(await co.xena.call('log.settings.get')).CAN_POST_TO_EVERYONE, 'N')
    badArgument(await co.xena.call('log.blogpost.add', { POST_MESSAGE: 'x', DEST: ['UA'] }), 'DEST')
  })

  test('only an administrator sets it', async () => {
    for (const who of [co.carl, co.helen, co.xena])
      fails(
        await who.call('log.settings.set', { EVERYONE_ALLOWED: [who.id] }),
        403,
        /ACCESS_DENIED|insufficient_scope/,
      )
    assert.deepEqual(ok(await co.admin.call('log.settings.get')).EVERYONE_ALLOWED, [])
  })

  test('bad lists are refused naming EVERYONE_ALLOWED', async () => {
    badArgument(await co.admin.call('log.settings.set', {}), 'EVERYONE_ALLOWED')
    badArgument(
      await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: ['abc'] }),
      'EVERYONE_ALLOWED',
    )
    badArgument(
      await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: [MISSING] }),
      'EVERYONE_ALLOWED',
    )
    badArgument(
      await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: [co.xena.id] }),
      'EVERYONE_ALLOWED',
    )
    assert.deepEqual(ok(await co.admin.call('log.settings.get')).EVERYONE_ALLOWED, [])
  })
})

describe('writing to everyone restricted to some people (A8)', () => {
  before(async () => {
    assert.equal(
      ok(await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: [co.helen.id] })),
      true,
    )
  })
  after(async () => {
    ok(await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: [] }))
  })

  test('log.settings.get tells each person whether they may', async () => {
    assert.deepEqual(ok(await co.carl.call('log.settings.get')), {
      EVERYONE_ALLOWED: [String(co.helen.id)],
      CAN_POST_TO_EVERYONE: 'N',
    })
    assert.equal(ok(await co.helen.call('log.settings.get')).CAN_POST_TO_EVERYONE, 'Y')
    assert.equal(ok(await co.admin.call('log.settings.get')).CAN_POST_TO_EVERYONE, 'Y')
  })

  test('the others get 400 naming DEST for UA, by DEST or SPERM', async () => {
    const before = await newest()
    badArgument(await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', DEST: ['UA'] }), 'DEST')
    badArgument(
      await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', SPERM: ['UA'] }),
      'DEST',
    )
    assert.equal(await newest(), before)
  })

  test('no DEST means UA, which they may no longer use either', async () => {
    const before = await newest()
    badArgument(await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x' }), 'DEST')
    assert.equal(await newest(), before)
  })

  test('nor by an edit or a share; to people and groups they still write', async () => {
    const own = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    badArgument(await co.carl.call('log.blogpost.update', { POST_ID: own, DEST: ['UA'] }), 'DEST')
    badArgument(await co.ann.call('log.blogpost.share', { POST_ID: own, DEST: ['UA'] }), 'DEST')
    assert.equal(await seesPost(co.boris, own), false)
  })

  test('the people named and the administrators write to everyone', async () => {
    const byHelen = await co.post(co.helen, { DEST: ['UA'] })
    assert.equal(await seesPost(co.boris, byHelen), true)
    const byAdmin = await co.post(co.admin, {})
    assert.equal(await seesPost(co.boris, byAdmin), true)
  })

  test('an empty list lets every employee write to everyone again', async () => {
    ok(await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: [] }))
    try {
      assert.equal(ok(await co.carl.call('log.settings.get')).CAN_POST_TO_EVERYONE, 'Y')
      const again = await co.post(co.carl, {})
      assert.equal(await seesPost(co.boris, again), true)
    } finally {
      ok(await co.admin.call('log.settings.set', { EVERYONE_ALLOWED: [co.helen.id] }))
    }
  })
})

describe('log.blogpost.get: lists, cursors, pages, LOG_RIGHTS', () => {
  let pager
  let ids // Pager's posts to themselves, newest first
  before(async () => {
    pager = await co.employee('Pager')
    ids = []
    for (let i = 0; i < 7; i++) ids.unshift(await co.post(pager, { DEST: [`U${pager.id}`] }))
  })
  const mine = (extra = {}) => co.posts(pager, { LOG_RIGHTS: [`U${pager.id}`], ...extra })
  const idsOf = (rows) => rows.map((p) => Number(p.ID))

  test('posts only, newest first; what the caller sees', async () => {
    const task = await co.task(pager, { TITLE: unique('Задача Пейджера') })
    const rows = await co.posts(pager)
    assert.ok(rows.length > 7)
    const got = idsOf(rows)
    assert.deepEqual(
      got,
      [...got].sort((a, b) => b - a),
    )
    for (const id of ids) assert.ok(got.includes(id), `${id} in ${got}`)
    assert.ok(
      !rows.some((p) => p.TITLE === task.title || p.DETAIL_TEXT === task.title),
      'events are not posts',
    )
    // Boris sees none of them.
    const borisIds = idsOf(await co.posts(co.boris))
    assert.deepEqual(
      borisIds.filter((id) => ids.includes(id)),
      [],
    )
  })

  test('LOG_RIGHTS keeps the posts to those codes', async () => {
    assert.deepEqual(idsOf(await mine()), ids)
    const gid = await co.group(pager)
    const toGroup = await co.post(pager, { DEST: [`SG${gid}`] })
    assert.deepEqual(idsOf(await co.posts(pager, { LOG_RIGHTS: [`SG${gid}`] })), [toGroup])
    assert.deepEqual(idsOf(await co.posts(pager, { LOG_RIGHTS: [`sg${gid}`, `U${MISSING}`] })), [
      toGroup,
    ])
    ok(await pager.call('log.blogpost.delete', { POST_ID: toGroup }))
  })

  test('LIMIT, LAST_ID (older than) and FIRST_ID (newer than)', async () => {
    assert.deepEqual(idsOf(await mine({ LIMIT: 3 })), ids.slice(0, 3))
    assert.deepEqual(idsOf(await mine({ LIMIT: 3, LAST_ID: ids[2] })), ids.slice(3, 6))
    assert.deepEqual(idsOf(await mine({ LIMIT: 3, LAST_ID: ids[5] })), ids.slice(6))
    assert.deepEqual(idsOf(await mine({ FIRST_ID: ids[3] })), ids.slice(0, 3))
    assert.deepEqual(idsOf(await mine({ FIRST_ID: ids[5], LAST_ID: ids[1] })), ids.slice(2, 5))
    assert.deepEqual(idsOf(await mine({ LAST_ID: ids[6] })), [])
  })

  test('pages by start: 50 a page, `next` while there are more; LIMIT at most 200', async () => {
    const more = await co.employee('Many')
    const posted = []
    for (let i = 0; i < 203; i++) posted.unshift(await co.post(more, { DEST: [`U${more.id}`] }))
    const page = (params) =>
      more.call('log.blogpost.get', { LOG_RIGHTS: [`U${more.id}`], ...params })
    const first = await page({})
    assert.deepEqual(idsOf(ok(first)), posted.slice(0, 50))
    assert.equal(first.body.next, 50)
    const second = await page({ start: 50 })
    assert.deepEqual(idsOf(ok(second)), posted.slice(50, 100))
    assert.equal(second.body.next, 100)
    const last = await page({ start: 200 })
    assert.deepEqual(idsOf(ok(last)), posted.slice(200))
    assert.equal(last.body.next, undefined)
    assert.deepEqual(idsOf(ok(await page({ LIMIT: 500 }))), posted.slice(0, 200))
    assert.deepEqual(idsOf(ok(await page({ LIMIT: 500, LAST_ID: posted[199] }))), posted.slice(200))
  })

  test('LOG_DATE_FROM and LOG_DATE_TO', async () => {
    assert.deepEqual(idsOf(await mine({ LOG_DATE_FROM: '2000-01-01T00:00:00+00:00' })), ids)
    assert.deepEqual(idsOf(await mine({ LOG_DATE_FROM: '2100-01-01T00:00:00+00:00' })), [])
    assert.deepEqual(idsOf(await mine({ LOG_DATE_TO: '2000-01-01T00:00:00+00:00' })), [])
    assert.deepEqual(idsOf(await mine({ LOG_DATE_TO: '2100-01-01T00:00:00+00:00' })), ids)
  })

  test('POST_ID of a missing post: ERROR_NOT_FOUND', async () => {
    notFound(await pager.call('log.blogpost.get', { POST_ID: MISSING }))
  })
})

describe('SPERM, the old name of DEST', () => {
  test('SPERM addresses the post as DEST does', async () => {
    const id = await co.post(co.carl, { SPERM: [`U${co.ann.id}`] })
    assert.deepEqual(await audience(id, ['carl', 'ann', 'boris', 'dora']), ['carl', 'ann'])
    badArgument(
      await co.carl.call('log.blogpost.add', { POST_MESSAGE: 'x', SPERM: ['ZZ'] }),
      'DEST',
    )
    const shared = await co.post(co.carl, { DEST: [`U${co.ann.id}`] })
    ok(await co.carl.call('log.blogpost.share', { POST_ID: shared, SPERM: [`U${co.dora.id}`] }))
    assert.equal(await seesPost(co.dora, shared), true)
  })
})
