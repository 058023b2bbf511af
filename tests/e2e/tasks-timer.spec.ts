import { expect, test } from '@playwright/test'
import { startEnglishPortal, type Portal } from './helpers'
import { addTask, loginAs, person, type Person } from './tasks-helpers'

// Time tracking as the regulation describes it: "start tracking my time" in the list or the
// card, a pause that records the entry in the time tab, the pencil that corrects an entry only
// with a reason, time added by hand with what it went on, and one timer per person — starting
// another task's timer stops the first.

let portal: Portal
let anna: Person
let first: string
let second: string

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await person(portal, 'Anna', 'Belova')
  const boss = await person(portal, 'Victor', 'Head')
  first = await addTask(boss, {
    TITLE: 'Check the incoming requests',
    RESPONSIBLE_ID: anna.id,
    ALLOW_TIME_TRACKING: 'Y',
    TIME_ESTIMATE: 1200,
  })
  second = await addTask(boss, {
    TITLE: 'Call the supplier',
    RESPONSIBLE_ID: anna.id,
    ALLOW_TIME_TRACKING: 'Y',
  })
  // A task without time tracking has no timer button.
  await addTask(boss, { TITLE: 'Общая: a general task', RESPONSIBLE_ID: anna.id })
})

test.afterAll(async () => {
  await portal?.stop()
})

test('start in the list, running on the card, stop, an entry to correct with a reason', async ({
  page,
}) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks`)
  const listTimer = page.getByTestId(`task-timer-${first}`)
  await expect(listTimer).toHaveAttribute('data-running', 'false')
  await expect(page.locator('[data-testid^="task-timer-"]')).toHaveCount(2)
  await listTimer.click()
  await expect(listTimer).toHaveAttribute('data-running', 'true')
  expect((await anna.call('artel.task.timer.get')).TASK_ID).toBe(first)
  // The top bar shows it wherever Anna goes.
  await expect(page.getByTestId('running-timer')).toHaveAttribute('data-task', first)
  await expect(page.getByTestId('running-timer')).toContainText('Check the incoming requests')

  // The card shows the same timer running, with its clock.
  await page.getByTestId(`task-title-${first}`).click()
  const cardTimer = page.getByTestId('task-action-timer')
  await expect(cardTimer).toHaveAttribute('data-running', 'true')
  await expect(cardTimer).toHaveText(/Pause · 0:00:0[2-9]|Pause · 0:00:[1-5]\d/, {
    timeout: 15_000,
  })

  await cardTimer.click()
  await expect(cardTimer).toHaveAttribute('data-running', 'false')
  await expect(cardTimer).toHaveText('Start tracking my time')
  await expect(page.getByTestId('running-timer')).toHaveCount(0)

  await page.getByTestId('task-tab-time').click()
  const entry = page.locator('[data-testid^="time-entry-"][data-seconds]')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('Timer')
  const entryId = (await entry.getAttribute('data-testid'))!.replace('time-entry-', '')

  // The pencil: a new duration without a reason is refused.
  await page.getByTestId(`time-entry-edit-${entryId}`).click()
  await page.getByTestId('time-edit-hours').fill('0')
  await page.getByTestId('time-edit-minutes').fill('25')
  await page.getByTestId('time-edit-submit').click()
  await expect(page.getByTestId('time-edit-form').getByTestId('form-error')).toHaveText(
    'Say why the time is corrected.',
  )
  await page.getByTestId('time-edit-reason').fill('Forgot to press pause during the call')
  await page.getByTestId('time-edit-submit').click()
  await expect(page.getByTestId(`time-entry-${entryId}`)).toHaveAttribute('data-seconds', '1500')
  await expect(
    page.getByTestId(`time-entry-${entryId}`).getByTestId('time-entry-duration'),
  ).toHaveText('25 min')
  await expect(page.getByTestId('task-time-spent')).toHaveText('25 min')

  // The history keeps the correction and its reason.
  await page.getByTestId('task-tab-history').click()
  await expect(page.locator('[data-field="TIME_SPENT_IN_LOGS"]').first()).toContainText(
    /Time spent:.*→\s*25 min\s*\(Forgot to press pause during the call\)/,
  )

  // Time entered by hand says what it went on.
  await page.getByTestId('task-tab-time').click()
  await page.getByTestId('time-add').click()
  await page.getByTestId('time-add-minutes').fill('15')
  await page.getByTestId('time-add-submit').click()
  await expect(page.getByTestId('time-add-form').getByTestId('form-error')).toHaveText(
    'Say what the time went on.',
  )
  await page.getByTestId('time-add-comment').fill('Sorted the requests on paper, timer was off')
  await page.getByTestId('time-add-submit').click()
  await expect(page.locator('[data-testid^="time-entry-"][data-seconds]')).toHaveCount(2)
  await expect(page.getByTestId('time-total')).toContainText('Spent: 40 min')
  await expect(page.getByTestId('time-total')).toContainText('planned: 20 min')
})

test('starting a second task’s timer stops the first', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${first}`)
  await page.getByTestId('task-action-timer').click()
  await expect(page.getByTestId('task-action-timer')).toHaveAttribute('data-running', 'true')

  await page.goto(`${portal.url}/tasks`)
  await expect(page.getByTestId(`task-timer-${first}`)).toHaveAttribute('data-running', 'true')
  await page.getByTestId(`task-timer-${second}`).click()
  await expect(page.getByTestId(`task-timer-${second}`)).toHaveAttribute('data-running', 'true')
  await expect(page.getByTestId(`task-timer-${first}`)).toHaveAttribute('data-running', 'false')
  expect((await anna.call('artel.task.timer.get')).TASK_ID).toBe(second)

  // A timer started elsewhere (another tab, the API) shows here live.
  await anna.call('artel.task.timer.start', { taskId: first })
  await expect(page.getByTestId(`task-timer-${first}`)).toHaveAttribute('data-running', 'true')
  await expect(page.getByTestId(`task-timer-${second}`)).toHaveAttribute('data-running', 'false')
  await expect(page.getByTestId('running-timer')).toHaveAttribute('data-task', first)
  // The top bar's stop button.
  await page.getByTestId('running-timer-stop').click()
  await expect(page.getByTestId(`task-timer-${first}`)).toHaveAttribute('data-running', 'false')
  expect(await anna.call('artel.task.timer.get')).toBeNull()
})
