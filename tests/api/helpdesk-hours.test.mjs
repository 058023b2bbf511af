// The studio's working hours (M7) and who one is at the desk: helpdesk.settings.get (the role,
// the client's company, the hours; Monday to Friday 10:00–19:00 by default) for everyone,
// helpdesk.settings.set for an administrator; a desired date outside the hours is kept and
// marked DESIRED_DATE_OUTSIDE_HOURS, one without a time means the end of that working day.
// The portal's time zone is Europe/Moscow (+03:00): the hours are in it.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ok } from '../support/expect.mjs'
import { badField, denied, desk } from '../support/helpdesk.mjs'
import { startPortal } from '../support/server.mjs'

let portal
let d

const DEFAULTS = { WORK_DAYS: [1, 2, 3, 4, 5], WORK_FROM: '10:00', WORK_TO: '19:00' }
// 2031-06-04 is a Wednesday, 2031-06-07 a Saturday, 2031-06-08 a Sunday.
const WEDNESDAY = '2031-06-04'
const SATURDAY = '2031-06-07'
const SUNDAY = '2031-06-08'

before(async () => {
  portal = await startPortal({ portalName: 'Сетевые Решения' })
  d = await desk(portal)
  ok(await d.admin.session.call('artel.settings.set', { fields: { TIME_ZONE: 'Europe/Moscow' } }))
})

after(async () => {
  await portal?.stop()
})

const settings = async (who) => ok(await who.call('helpdesk.settings.get', {}))
const hours = (s) => ({
  WORK_DAYS: s.WORK_DAYS.map(Number),
  WORK_FROM: s.WORK_FROM,
  WORK_TO: s.WORK_TO,
})
const setHours = async (fields) =>
  assert.equal(ok(await d.admin.call('helpdesk.settings.set', fields)), true)

// The ticket Борис of Beta (one site) sends with this desired date, as the studio reads it.
async function desired(DESIRED_DATE) {
  const id = await d.ticket(d.beta.boris, { DESIRED_DATE })
  const t = await d.get(d.manager, id)
  return [t.DESIRED_DATE, t.DESIRED_DATE_OUTSIDE_HOURS]
}

describe('helpdesk.settings.get', () => {
  test('an employee is the studio; the hours are Monday to Friday, 10:00 to 19:00', async () => {
    for (const who of [d.manager, d.dev, d.admin]) {
      const s = await settings(who)
      assert.equal(s.ROLE, 'studio')
      assert.deepEqual(hours(s), DEFAULTS)
    }
  })

  test('a contact is a client of their company and sees the same hours', async () => {
    for (const [who, company] of [
      [d.alfa.klara, d.alfa],
      [d.alfa.kirill, d.alfa],
      [d.beta.boris, d.beta],
    ]) {
      const s = await settings(who)
      assert.equal(s.ROLE, 'client')
      assert.equal(String(s.COMPANY_ID), String(company.id))
      assert.deepEqual(hours(s), DEFAULTS)
    }
    // Through the contact's webhook too.
    assert.equal(ok(await d.alfa.klara.hook.call('helpdesk.settings.get')).ROLE, 'client')
  })

  test('an extranet person who is no contact is nobody at the desk', async () => {
    const s = await settings(d.xena)
    assert.equal(s.ROLE, 'none')
    assert.ok(!s.COMPANY_ID || String(s.COMPANY_ID) === '0', JSON.stringify(s))
  })
})

describe('helpdesk.settings.set', () => {
  test('only an administrator changes the hours; everyone then sees the new ones', async () => {
    const change = { WORK_DAYS: [1, 2, 3, 4, 5, 6], WORK_FROM: '09:00', WORK_TO: '18:30' }
    for (const who of [d.manager, d.alfa.klara, d.xena])
      denied(await who.call('helpdesk.settings.set', change))
    assert.deepEqual(hours(await settings(d.manager)), DEFAULTS)
    await setHours(change)
    try {
      assert.deepEqual(hours(await settings(d.alfa.klara)), change)
      assert.deepEqual(hours(await settings(d.dev)), change)
      // Only the fields given change.
      await setHours({ WORK_TO: '20:00' })
      assert.deepEqual(hours(await settings(d.manager)), { ...change, WORK_TO: '20:00' })
    } finally {
      await setHours(DEFAULTS)
    }
    assert.deepEqual(hours(await settings(d.alfa.klara)), DEFAULTS)
  })

  test('bad hours: 400 naming the field, and the hours stay', async () => {
    const set = (fields) => d.admin.call('helpdesk.settings.set', fields)
    for (const [fields, field] of [
      [{ WORK_DAYS: [0, 1] }, 'WORK_DAYS'],
      [{ WORK_DAYS: [1, 8] }, 'WORK_DAYS'],
      [{ WORK_DAYS: 'weekdays' }, 'WORK_DAYS'],
      [{ WORK_DAYS: ['Mon'] }, 'WORK_DAYS'],
      [{ WORK_FROM: '25:00' }, 'WORK_FROM'],
      [{ WORK_FROM: '10:60' }, 'WORK_FROM'],
      [{ WORK_FROM: 'noon' }, 'WORK_FROM'],
      [{ WORK_TO: '7pm' }, 'WORK_TO'],
    ])
      badField(await set(fields), field)
    // From must come before to.
    for (const fields of [
      { WORK_FROM: '19:00', WORK_TO: '10:00' },
      { WORK_FROM: '12:00', WORK_TO: '12:00' },
      { WORK_FROM: '19:30' },
    ]) {
      const r = await set(fields)
      assert.equal(r.status, 400, JSON.stringify(r.body))
      assert.equal(r.body.error, 'ERROR_ARGUMENT')
      assert.match(r.body.argument ?? r.body.error_description, /WORK_(FROM|TO)/)
    }
    assert.deepEqual(hours(await settings(d.manager)), DEFAULTS)
  })
})

describe('DESIRED_DATE_OUTSIDE_HOURS', () => {
  test('Y on a day off or after hours, N within them; the date is kept as given', async () => {
    for (const [date, outside] of [
      [`${WEDNESDAY}T15:00:00+03:00`, 'N'],
      [`${WEDNESDAY}T10:00:00+03:00`, 'N'],
      [`${WEDNESDAY}T19:00:00+03:00`, 'N'],
      [`${WEDNESDAY}T21:00:00+03:00`, 'Y'],
      [`${WEDNESDAY}T09:59:00+03:00`, 'Y'],
      [`${WEDNESDAY}T19:01:00+03:00`, 'Y'],
      [`${SATURDAY}T12:00:00+03:00`, 'Y'],
      [`${SUNDAY}T12:00:00+03:00`, 'Y'],
    ])
      assert.deepEqual(await desired(date), [date, outside], date)
  })

  test('the hours are those of the portal’s time zone', async () => {
    // 08:00 UTC is 11:00 in Moscow; 17:00 UTC is 20:00.
    assert.deepEqual(await desired(`${WEDNESDAY}T08:00:00+00:00`), [
      `${WEDNESDAY}T11:00:00+03:00`,
      'N',
    ])
    assert.deepEqual(await desired(`${WEDNESDAY}T17:00:00Z`), [`${WEDNESDAY}T20:00:00+03:00`, 'Y'])
  })

  test('a date without a time means the end of that working day', async () => {
    assert.deepEqual(await desired(WEDNESDAY), [`${WEDNESDAY}T19:00:00+03:00`, 'N'])
    assert.deepEqual(await desired(SATURDAY), [`${SATURDAY}T19:00:00+03:00`, 'Y'])
    // The same on update.
    const id = await d.ticket(d.beta.boris, {})
    ok(
      await d.beta.boris.call('helpdesk.ticket.update', {
        ID: id,
        FIELDS: { DESIRED_DATE: SUNDAY },
      }),
    )
    const t = await d.get(d.beta.boris, id)
    assert.equal(t.DESIRED_DATE, `${SUNDAY}T19:00:00+03:00`)
    assert.equal(t.DESIRED_DATE_OUTSIDE_HOURS, 'Y')
    // An empty date removes it.
    ok(await d.beta.boris.call('helpdesk.ticket.update', { ID: id, FIELDS: { DESIRED_DATE: '' } }))
    const none = await d.get(d.beta.boris, id)
    assert.equal(none.DESIRED_DATE, '')
    assert.equal(none.DESIRED_DATE_OUTSIDE_HOURS, 'N')
  })

  test('new desired dates follow the hours the administrator sets', async () => {
    await setHours({ WORK_DAYS: [1, 2, 3, 4, 5, 6], WORK_FROM: '09:00', WORK_TO: '22:00' })
    try {
      assert.deepEqual(await desired(`${SATURDAY}T21:00:00+03:00`), [
        `${SATURDAY}T21:00:00+03:00`,
        'N',
      ])
      assert.deepEqual(await desired(`${WEDNESDAY}T09:30:00+03:00`), [
        `${WEDNESDAY}T09:30:00+03:00`,
        'N',
      ])
      assert.deepEqual(await desired(`${SUNDAY}T12:00:00+03:00`), [`${SUNDAY}T12:00:00+03:00`, 'Y'])
      assert.deepEqual(await desired(WEDNESDAY), [`${WEDNESDAY}T22:00:00+03:00`, 'N'])
    } finally {
      await setHours(DEFAULTS)
    }
  })
})
