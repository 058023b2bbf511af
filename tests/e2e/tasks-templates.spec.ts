import { expect, test } from '@playwright/test'
import { startEnglishPortal, type Portal } from './helpers'
import { loginAs, person, type Person } from './tasks-helpers'

// Templates ("Задачи → Список всех шаблонов"): a recurring template with checklist points and a
// deadline after N days, its schedule readable in the list, a task made from it now, edit, delete.

let portal: Portal
let anna: Person

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await person(portal, 'Anna', 'Belova')
})

test.afterAll(async () => {
  await portal?.stop()
})

test('a weekly template with checklist points makes its task', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/templates`)
  await page.getByTestId('template-add').click()
  const form = page.getByTestId('template-form')
  await form.getByTestId('template-title').fill('Weekly sales report')
  await form.getByTestId('template-deadline-days').fill('2')
  await form.getByTestId('template-point-input').fill('Collect the numbers')
  await form.getByTestId('template-point-input').press('Enter')
  await form.getByTestId('template-point-input').fill('Send to the head')
  await form.getByTestId('template-point-add').click()
  await expect(form.getByTestId('template-checklist').locator('li')).toHaveCount(2)

  await form.getByTestId('template-replicate').click()
  await form.getByTestId('template-weekday-1').click()
  await form.getByTestId('template-weekday-5').click()
  await form.getByTestId('template-time').fill('09:30')
  await form.getByTestId('template-save').click()

  const row = page.locator('[data-testid^="template-row-"]', { hasText: 'Weekly sales report' })
  await expect(row).toBeVisible()
  const id = (await row.getAttribute('data-testid'))!.replace('template-row-', '')
  await expect(page.getByTestId(`template-schedule-${id}`)).toHaveText(
    /Every week on Mon, Fri, at 09:30/,
  )
  await expect(page.getByTestId(`template-next-${id}`)).not.toHaveText('—')

  const saved = await anna.call('tasks.template.get', { templateId: id })
  expect(saved.REPLICATE).toBe('Y')
  expect(saved.REPLICATE_PARAMS).toMatchObject({
    PERIOD: 'weekly',
    WEEK_DAYS: ['1', '5'],
    TIME: '09:30',
  })
  expect(saved.CHECKLIST).toEqual(['Collect the numbers', 'Send to the head'])
  expect(saved.DEADLINE_AFTER).toBe(String(2 * 86400))

  // Edit: monthly on the 10th, three times.
  await page.getByTestId(`template-edit-${id}`).click()
  await expect(form.getByTestId('template-title')).toHaveValue('Weekly sales report')
  await form.getByTestId('template-period').click()
  await page.getByRole('option', { name: 'Monthly' }).click()
  await form.getByTestId('template-month-day').fill('10')
  await form.getByTestId('template-till').click()
  await page.getByRole('option', { name: 'A number of times' }).click()
  await form.getByTestId('template-times').fill('3')
  await form.getByTestId('template-save').click()
  await expect(page.getByTestId(`template-schedule-${id}`)).toHaveText(
    /Monthly on day 10, at 09:30/,
  )
  const edited = await anna.call('tasks.template.get', { templateId: id })
  expect(edited.REPLICATE_PARAMS).toMatchObject({
    PERIOD: 'monthly',
    MONTHLY_DAY_NUM: '10',
    REPEAT_TILL: 'times',
    TIMES: '3',
  })

  // A task from the template now: its card has the checklist.
  await page.getByTestId(`template-create-task-${id}`).click()
  await expect(page).toHaveURL(/\/tasks\/task\/view\/\d+$/)
  await expect(page.getByTestId('task-title')).toHaveText('Weekly sales report')
  await expect(page.getByTestId('task-checklist')).toContainText('Collect the numbers')
  await expect(page.getByTestId('task-checklist')).toContainText('Send to the head')
  await expect(page.getByTestId('task-deadline')).not.toHaveText('No deadline')

  // Delete it.
  await page.goto(`${portal.url}/tasks/templates`)
  await page.getByTestId(`template-delete-${id}`).click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId(`template-row-${id}`)).toHaveCount(0)
})
