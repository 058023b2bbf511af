import { expect, test, type Page } from '@playwright/test'
import { choose, startEnglishPortal, type Portal } from './helpers'
import { addTask, daysFromNow, expectListed, loginAs, person, type Person } from './tasks-helpers'

// Large plans: group actions on the ticked rows of the task list (each one an ordinary method
// in a batch, so the server's per-task rights decide and its refusals are shown), and a plan
// pasted as indented lines on a card becoming a tree of subtasks.

let portal: Portal
let anna: Person // plans the work
let boris: Person
let carl: Person // has tasks of his own that Anna only observes

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await person(portal, 'Anna', 'Belova')
  boris = await person(portal, 'Boris', 'Orlov')
  carl = await person(portal, 'Carl', 'Weiss')
})

test.afterAll(async () => {
  await portal?.stop()
})

async function task(who: Person, id: string): Promise<any> {
  const r = await who.call('tasks.task.get', { taskId: id })
  return Array.isArray(r) ? null : r.task
}

/** The list with only the tasks of one tag. */
async function openTagged(page: Page, tag: string, ids: string[]) {
  await page.goto(`${portal.url}/tasks?tag=${tag}`)
  await expectListed(page, ids)
}

const panel = (page: Page) => page.getByTestId('task-bulk-panel')
const result = (page: Page) => page.getByTestId('task-bulk-result')

test('deadlines of the selected tasks move by two days, keeping the time of day', async ({
  page,
}) => {
  const dated = [
    await addTask(anna, {
      TITLE: 'Draft the offer',
      TAGS: ['SHIFT'],
      DEADLINE: daysFromNow(3, 18),
    }),
    await addTask(anna, { TITLE: 'Agree the offer', TAGS: ['SHIFT'], DEADLINE: daysFromNow(6, 9) }),
    await addTask(anna, {
      TITLE: 'Send the offer',
      TAGS: ['SHIFT'],
      DEADLINE: daysFromNow(-1, 14),
    }),
  ]
  const undated = await addTask(anna, { TITLE: 'Someday: a brochure', TAGS: ['SHIFT'] })
  const before = await Promise.all(dated.map((id) => task(anna, id)))

  await loginAs(page, portal, anna)
  await openTagged(page, 'SHIFT', [...dated, undated])
  await expect(panel(page)).toHaveCount(0)

  // "Select all on this page" ticks every row; the panel counts them.
  await page.getByTestId('task-select-all').check()
  await expect(page.getByTestId('task-bulk-count')).toHaveText('Selected: 4')
  for (const id of [...dated, undated])
    await expect(page.getByTestId(`task-select-${id}`)).toBeChecked()

  await page.getByTestId('task-bulk-shift').click()
  await page.getByTestId('task-bulk-days').fill('2')
  await page.getByTestId('task-bulk-apply').click()

  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText(
    'Move deadline: done for 3 of 3',
  )
  await expect(page.getByTestId('task-bulk-skipped')).toHaveText(
    'Without a deadline, skipped: Someday: a brochure',
  )
  // Done: the selection is gone with the panel.
  await expect(panel(page)).toHaveCount(0)

  for (let i = 0; i < dated.length; i++) {
    const after = await task(anna, dated[i])
    const was = before[i].deadline as string
    expect(Date.parse(after.deadline) - Date.parse(was), after.title).toBe(2 * 86400_000)
    expect(after.deadline.slice(11, 19)).toBe(was.slice(11, 19))
  }
  expect((await task(anna, undated)).deadline).toBeNull()
  // The list shows the moved deadlines (it was read again).
  await expect(page.getByTestId(`task-deadline-${dated[0]}`)).toContainText(
    (await task(anna, dated[0])).deadline.slice(8, 10),
  )

  // The selection also goes when the filter changes.
  await page.getByTestId(`task-select-${dated[1]}`).check()
  await expect(panel(page)).toBeVisible()
  await page.goto(`${portal.url}/tasks?tag=SHIFT&q=offer`)
  await expectListed(page, dated)
  await expect(panel(page)).toHaveCount(0)
})

test('a new responsible, a deadline and a co-executor for two of three tasks, by keyboard', async ({
  page,
}) => {
  const one = await addTask(anna, { TITLE: 'Order the stands', TAGS: ['RESP'] })
  const two = await addTask(anna, {
    TITLE: 'Book the hall',
    TAGS: ['RESP'],
    ACCOMPLICES: [carl.id],
  })
  const other = await addTask(anna, { TITLE: 'Print the badges', TAGS: ['RESP'] })

  await loginAs(page, portal, anna)
  await openTagged(page, 'RESP', [one, two, other])

  // Real checkboxes with labels: found by their name and ticked with the space bar.
  for (const title of ['Order the stands', 'Book the hall']) {
    const box = page.getByRole('checkbox', { name: `Select the task "${title}"` })
    await box.focus()
    await page.keyboard.press('Space')
    await expect(box).toBeChecked()
  }
  await expect(page.getByTestId('task-bulk-count')).toHaveText('Selected: 2')

  await page.getByTestId('task-bulk-responsible').click()
  await choose(page, 'task-bulk-person', /Boris Orlov/)
  await page.getByTestId('task-bulk-apply').click()
  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText(
    'Change responsible: done for 2 of 2',
  )
  for (const id of [one, two]) expect((await task(anna, id)).responsibleId).toBe(String(boris.id))
  expect((await task(anna, other)).responsibleId).toBe(String(anna.id))

  // Again for the same two: a deadline, and a co-executor added to those already there.
  for (const id of [one, two]) await page.getByTestId(`task-select-${id}`).check()
  await page.getByTestId('task-bulk-deadline').click()
  await page.getByTestId('task-bulk-deadline-input').fill(daysFromNow(9, 16).slice(0, 16))
  await page.getByTestId('task-bulk-apply').click()
  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText(
    'Set deadline: done for 2 of 2',
  )
  const want = Date.parse(`${daysFromNow(9, 16)}Z`) // the test portal's zone is UTC
  for (const id of [one, two]) expect(Date.parse((await task(anna, id)).deadline)).toBe(want)

  for (const id of [one, two]) await page.getByTestId(`task-select-${id}`).check()
  await page.getByTestId('task-bulk-accomplice').click()
  await choose(page, 'task-bulk-person', /Anna Belova/)
  await page.getByTestId('task-bulk-apply').click()
  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText(
    'Add co-executor: done for 2 of 2',
  )
  expect((await task(anna, one)).accomplices).toEqual([String(anna.id)])
  expect([...(await task(anna, two)).accomplices].sort()).toEqual(
    [String(anna.id), String(carl.id)].sort(),
  )
  expect((await task(anna, other)).accomplices).toEqual([])
})

test('completing a mixed selection reports the one task the server refuses, with its sentence', async ({
  page,
}) => {
  const mine = [
    await addTask(anna, { TITLE: 'Collect the invoices', TAGS: ['MIX'] }),
    await addTask(anna, { TITLE: 'File the invoices', TAGS: ['MIX'] }),
  ]
  // Carl's own task; Anna only observes it, so she may not complete it.
  const carls = await addTask(carl, {
    TITLE: 'Carl checks the stock',
    RESPONSIBLE_ID: carl.id,
    AUDITORS: [anna.id],
    TAGS: ['MIX'],
  })

  await loginAs(page, portal, anna)
  await openTagged(page, 'MIX', [...mine, carls])
  await page.getByTestId('task-select-all').check()
  await expect(page.getByTestId('task-bulk-count')).toHaveText('Selected: 3')
  await page.getByTestId('task-bulk-complete').click()

  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText('Complete: done for 2 of 3')
  await expect(result(page)).toHaveAttribute('data-failed', '1')
  await expect(page.getByTestId(`task-bulk-refused-${carls}`)).toHaveText(
    'Carl checks the stock: Action not allowed: you may not complete this task.',
  )
  // The refused task stays selected; the others are done and unticked.
  await expect(page.getByTestId('task-bulk-count')).toHaveText('Selected: 1')
  await expect(page.getByTestId(`task-select-${carls}`)).toBeChecked()

  for (const id of mine) expect((await task(anna, id)).status).toBe('5')
  expect((await task(carl, carls)).status).toBe('2')
  await expect(page.getByTestId(`task-status-${mine[0]}`)).toContainText('Completed')
})

test('deleting the selected tasks asks first', async ({ page }) => {
  const gone = [
    await addTask(anna, { TITLE: 'Old idea one', TAGS: ['DEL'] }),
    await addTask(anna, { TITLE: 'Old idea two', TAGS: ['DEL'] }),
  ]
  const kept = await addTask(anna, { TITLE: 'Idea to keep', TAGS: ['DEL'] })

  await loginAs(page, portal, anna)
  await openTagged(page, 'DEL', [...gone, kept])
  for (const id of gone) await page.getByTestId(`task-select-${id}`).check()

  // Cancelled: nothing happens.
  await page.getByTestId('task-bulk-delete').click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toContainText('2 tasks will be deleted.')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  for (const id of gone) expect(await task(anna, id)).not.toBeNull()

  await page.getByTestId('task-bulk-delete').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText('Delete: done for 2 of 2')
  await expectListed(page, [kept])
  for (const id of gone) expect(await task(anna, id)).toBeNull()
  expect(await task(anna, kept)).not.toBeNull()
})

test('a plan pasted as indented lines becomes a tree of subtasks', async ({ page }) => {
  const parent = await addTask(anna, { TITLE: 'Open the new office', RESPONSIBLE_ID: boris.id })

  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${parent}`)
  await page.getByTestId('task-add-plan').click()
  await page
    .getByTestId('task-plan-text')
    .fill(
      [
        '- Find the premises',
        '  1. Visit three offers',
        '  2. Sign the lease',
        '',
        'Furnish it',
        '\tOrder the desks',
        'Move in',
      ].join('\n'),
    )
  await expect(page.getByTestId('task-plan-preview')).toHaveText(
    'Will create 6 subtasks · 3 of them under other lines',
  )
  const deadline = daysFromNow(20, 17)
  await page.getByTestId('task-plan-deadline').fill(deadline.slice(0, 16))
  await page.getByTestId('task-plan-submit').click()
  await expect(page.getByTestId('task-plan-form')).toHaveCount(0)

  // On the card: the three top lines; the API has the whole tree.
  await expect(
    page.locator('[data-testid^="task-subtask-"]:not([data-testid*="count"])'),
  ).toHaveCount(3)
  const children = async (id: string) =>
    (
      await anna.call('tasks.task.list', {
        filter: { PARENT_ID: id },
        order: { ID: 'ASC' },
        select: ['ID', 'TITLE', 'RESPONSIBLE_ID', 'DEADLINE', 'PARENT_ID'],
      })
    ).tasks as Array<{ id: string; title: string; responsibleId: string; deadline: string }>
  const top = await children(parent)
  expect(top.map((t) => t.title)).toEqual(['Find the premises', 'Furnish it', 'Move in'])
  expect((await children(top[0].id)).map((t) => t.title)).toEqual([
    'Visit three offers',
    'Sign the lease',
  ])
  expect((await children(top[1].id)).map((t) => t.title)).toEqual(['Order the desks'])
  expect(await children(top[2].id)).toEqual([])
  const all = [...top, ...(await children(top[0].id)), ...(await children(top[1].id))]
  expect(all).toHaveLength(6)
  for (const t of all) {
    // The parent's responsible by default, and the one deadline for all.
    expect(t.responsibleId, t.title).toBe(String(boris.id))
    expect(Date.parse(t.deadline), t.title).toBe(Date.parse(`${deadline}Z`))
  }
  await expect(page.getByTestId(`task-subtask-count-${top[0].id}`)).toHaveText('2 subtasks')
})

test('at a phone width the panel stays in view, wraps, and works', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 })
  const ids: string[] = []
  for (let i = 1; i <= 12; i++)
    ids.push(await addTask(anna, { TITLE: `Phone task ${i}`, TAGS: ['PHONE'] }))

  await loginAs(page, portal, anna)
  await openTagged(page, 'PHONE', ids)
  // The newest is at the top; the list is longer than the screen.
  await page.getByTestId(`task-select-${ids[11]}`).check()
  await page.getByTestId(`task-select-${ids[10]}`).check()

  const bar = panel(page)
  await expect(bar).toBeVisible()
  await expect(bar).toBeInViewport({ ratio: 1 })
  const box = (await bar.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(375)
  // The buttons wrap onto several lines instead of running off the screen.
  expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  await expect(page.getByTestId('task-bulk-delete')).toBeInViewport()

  await page.getByTestId('task-bulk-favorite').click()
  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText(
    'Add to favourites: done for 2 of 2',
  )
  for (const id of ids.slice(10)) expect((await task(anna, id)).favorite).toBe('Y')
  expect((await task(anna, ids[0])).favorite).toBe('N')

  await page.getByTestId(`task-select-${ids[11]}`).check()
  await page.getByTestId('task-bulk-tag').click()
  await page.getByTestId('task-bulk-tag-input').fill('urgent')
  await page.getByTestId('task-bulk-apply').click()
  await expect(page.getByTestId('task-bulk-result-summary')).toHaveText('Add tag: done for 1 of 1')
  expect([...(await task(anna, ids[11])).tags].sort()).toEqual(['PHONE', 'urgent'])
})
