import { expect, test } from '@playwright/test'
import { api, startEnglishPortal, type Portal } from './helpers'
import {
  addTask,
  daysFromNow,
  expectListed,
  listedIds,
  loginAs,
  person,
  type Person,
} from './tasks-helpers'

// The task list: role tabs, trouble counters that filter, the filter panel with saved presets
// (the СТЭК backlog by a far deadline), search by word forms, sorting, subtasks under their
// parent, the address reproducing the view, and rows that follow live changes.

let portal: Portal
let anna: Person // heads Sales
let boris: Person // works in Sales
let carl: Person
const ids: Record<string, string> = {}

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await person(portal, 'Anna', 'Belova')
  boris = await person(portal, 'Boris', 'Orlov')
  carl = await person(portal, 'Carl', 'Weiss')
  const sales = await api(portal, 'department.add', { NAME: 'Sales', PARENT: 1, UF_HEAD: anna.id })
  await api(portal, 'user.update', { ID: boris.id, UF_DEPARTMENT: [sales] })

  ids.doing = await addTask(carl, {
    TITLE: 'Prepare the quarterly report',
    RESPONSIBLE_ID: anna.id,
    DEADLINE: daysFromNow(3),
  })
  ids.overdue = await addTask(carl, {
    TITLE: 'Call the client back',
    RESPONSIBLE_ID: anna.id,
    DEADLINE: daysFromNow(-2),
  })
  ids.helping = await addTask(carl, {
    TITLE: 'Review the website texts',
    RESPONSIBLE_ID: carl.id,
    ACCOMPLICES: [anna.id],
  })
  ids.observing = await addTask(carl, {
    TITLE: 'Ремонт офиса',
    RESPONSIBLE_ID: carl.id,
    AUDITORS: [anna.id],
  })
  ids.assigned = await addTask(anna, { TITLE: 'Проверить работу сайта', RESPONSIBLE_ID: carl.id })
  ids.backlog = await addTask(anna, {
    TITLE: 'СТЭК: пересмотреть регламент по ремаркетингу',
    RESPONSIBLE_ID: anna.id,
    DEADLINE: daysFromNow(365),
  })
  ids.subordinate = await addTask(boris, {
    TITLE: 'Boris plans his week',
    RESPONSIBLE_ID: boris.id,
  })
})

test.afterAll(async () => {
  await portal?.stop()
})

test('role tabs, counters that filter, and the address that reproduces them', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks`)

  // "All": every task Anna is in.
  await expectListed(page, [
    ids.doing,
    ids.overdue,
    ids.helping,
    ids.observing,
    ids.assigned,
    ids.backlog,
  ])
  // The overdue one is red.
  await expect(page.getByTestId(`task-deadline-${ids.overdue}`)).toHaveAttribute(
    'data-overdue',
    'true',
  )
  await expect(page.getByTestId(`task-deadline-${ids.doing}`)).toHaveAttribute(
    'data-overdue',
    'false',
  )

  await page.getByTestId('task-role-doing').click()
  await expectListed(page, [ids.doing, ids.overdue, ids.backlog])
  await expect(page).toHaveURL(/role=doing/)
  await page.getByTestId('task-role-helping').click()
  await expectListed(page, [ids.helping])
  await page.getByTestId('task-role-observing').click()
  await expectListed(page, [ids.observing])
  await page.getByTestId('task-role-assigned').click()
  await expectListed(page, [ids.assigned])
  // A head of a department sees the tasks of her people.
  await page.getByTestId('task-role-subordinates').click()
  await expectListed(page, [ids.subordinate])

  // Counters of the Doing tab: one overdue; a click lists it alone.
  await page.getByTestId('task-role-doing').click()
  const overdue = page.getByTestId('task-counter-expired')
  await expect(overdue).toHaveAttribute('data-count', '1')
  await overdue.click()
  await expectListed(page, [ids.overdue])
  await expect(page).toHaveURL(/counter=expired/)

  // The address is the view: opened anew, it shows the same.
  await page.reload()
  await expectListed(page, [ids.overdue])
  await expect(page.getByTestId('task-counter-expired')).toHaveAttribute('aria-pressed', 'true')

  // Clicking it again drops the counter.
  await page.getByTestId('task-counter-expired').click()
  await expectListed(page, [ids.doing, ids.overdue, ids.backlog])
})

test('search finds the other forms of a word', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks`)
  await expect(page.getByTestId(`task-row-${ids.assigned}`)).toBeVisible()

  // «работы» finds «Проверить работу сайта»; "reports" finds "Prepare the quarterly report".
  await page.getByTestId('task-search').fill('работы')
  await expectListed(page, [ids.assigned])
  await expect(page).toHaveURL(/q=/)
  await page.getByTestId('task-search').fill('reports')
  await expectListed(page, [ids.doing])
  await page.getByTestId('task-search').fill('')
  await expect.poll(async () => (await listedIds(page)).length).toBe(6)
})

test('the far deadline range as a saved filter (СТЭК)', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks`)
  await expect(page.getByTestId(`task-row-${ids.backlog}`)).toBeVisible()

  await page.getByTestId('task-filter-toggle').click()
  await page.getByTestId('task-filter-deadline').click()
  await page.getByRole('option', { name: /Far future/ }).click()
  await expectListed(page, [ids.backlog])
  await expect(page).toHaveURL(/deadline=far/)

  await page.getByTestId('task-filter-save').click()
  await page.getByTestId('task-filter-save-name').fill('СТЭК')
  await page.getByTestId('task-filter-save-submit').click()
  const preset = page.locator('[data-testid^="task-preset-"][data-name="СТЭК"]')
  await expect(preset).toBeVisible()

  // Another view, then the preset brings the backlog back.
  await page.getByTestId('task-filter-reset').click()
  await expect.poll(async () => (await listedIds(page)).length).toBe(6)
  await page.reload()
  await preset.click()
  await expectListed(page, [ids.backlog])

  // The preset is kept on the server: the API lists it for Anna.
  const saved = await anna.call('artel.task.filter.list')
  expect(saved.map((f: { NAME: string }) => f.NAME)).toContain('СТЭК')

  // Overdue as a deadline preset, combined with the tab.
  await page.getByTestId('task-filter-deadline').click()
  await page.getByRole('option', { name: 'Overdue' }).click()
  await expectListed(page, [ids.overdue])
})

test('sorting by a column and subtasks under their parent', async ({ page }) => {
  const parent = await addTask(anna, {
    TITLE: 'Общая: Заключить договор с Клиентом X',
    RESPONSIBLE_ID: anna.id,
  })
  const parts = [] as string[]
  for (const title of [
    'Подготовить договор',
    'Согласовать договор',
    'Получить оригинал документов',
  ])
    parts.push(
      await addTask(anna, { TITLE: title, RESPONSIBLE_ID: anna.id, PARENT_ID: Number(parent) }),
    )

  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks?root=1`)
  await expect(page.getByTestId(`task-row-${parent}`)).toBeVisible()
  // Only root tasks: the parts are not listed on their own.
  for (const id of parts) await expect(page.getByTestId(`task-row-${id}`)).toHaveCount(0)

  await page.getByTestId(`task-expand-${parent}`).click()
  for (const id of parts)
    await expect(page.getByTestId(`task-row-${id}`)).toHaveAttribute('data-depth', '1')
  const order = await listedIds(page)
  expect(order.indexOf(parts[0])).toBe(order.indexOf(parent) + 1)

  // Title, ascending: the server's order.
  await page.getByTestId('task-sort-TITLE').click()
  await expect(page).toHaveURL(/sort=TITLE&dir=asc/)
  await expect(page.getByTestId('task-sort-TITLE')).toHaveAttribute('data-sorted', 'asc')
  const firstTitle = () => page.locator('[data-testid^="task-title-"]').first()
  await expect(firstTitle()).toHaveText('Call the client back')
  await page.getByTestId('task-sort-TITLE').click()
  await expect(page).toHaveURL(/sort=TITLE&dir=desc/)
  await expect(firstTitle()).toHaveText(/^\s*СТЭК/)
})

test('a new task for me and a changed one show up without a reload', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks?role=doing`)
  await expect(page.getByTestId(`task-row-${ids.doing}`)).toBeVisible()
  const before = await page.getByTestId('task-counter-new_comments').getAttribute('data-count')

  const fresh = await addTask(carl, { TITLE: 'Sign the lease', RESPONSIBLE_ID: anna.id })
  await expect(page.getByTestId(`task-row-${fresh}`)).toBeVisible()

  await carl.call('tasks.task.update', { taskId: fresh, fields: { TITLE: 'Sign the new lease' } })
  await expect(page.getByTestId(`task-title-${fresh}`)).toHaveText(/Sign the new lease/)

  // A comment by someone else: the unread badge and the counter follow.
  await carl.call('task.commentitem.add', [fresh, { POST_MESSAGE: 'The landlord called' }])
  await expect(page.getByTestId(`task-comments-${fresh}`)).toHaveText('1')
  await expect(page.getByTestId('task-counter-new_comments')).not.toHaveAttribute(
    'data-count',
    before ?? '',
  )

  // "Not viewed" lists it; opening the card marks it viewed, and its comments read.
  await page.getByTestId('task-counter-not_viewed').click()
  await expect(page.getByTestId(`task-row-${fresh}`)).toBeVisible()
  await page.getByTestId(`task-title-${fresh}`).click()
  await expect(page.getByTestId('task-title')).toHaveText('Sign the new lease')
  await page.goBack()
  await expect(page.getByTestId('task-counter-not_viewed')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId(`task-row-${fresh}`)).toHaveCount(0)
  await page.getByTestId('task-counter-not_viewed').click()
  await expect(page.getByTestId(`task-row-${fresh}`)).toBeVisible()
  await expect(page.getByTestId(`task-comments-${fresh}`)).toHaveCount(0)
  await expect(page.getByTestId('task-counter-new_comments')).toHaveAttribute(
    'data-count',
    before ?? '',
  )

  // Delegated away: no longer Anna's to do, it leaves the Doing tab.
  await carl.call('tasks.task.delegate', { taskId: fresh, userId: boris.id })
  await expect(page.getByTestId(`task-row-${fresh}`)).toHaveCount(0)
})

test('a long list comes in pages: "show more" reads the next one', async ({ page }) => {
  const dora = await person(portal, 'Dora', 'Many')
  const made: string[] = []
  for (let i = 1; i <= 55; i++)
    made.push(await addTask(dora, { TITLE: `Routine check ${i}`, RESPONSIBLE_ID: dora.id }))
  await loginAs(page, portal, dora)
  await page.goto(`${portal.url}/tasks`)
  await expect(page.getByTestId('task-total')).toHaveText('Shown 50 of 55')
  expect(await listedIds(page)).toEqual(made.slice(5).reverse())
  await page.getByTestId('task-more').click()
  await expect(page.getByTestId('task-total')).toHaveText('Shown 55 of 55')
  await expect(page.getByTestId('task-more')).toHaveCount(0)
  expect(await listedIds(page)).toEqual([...made].reverse())
})
