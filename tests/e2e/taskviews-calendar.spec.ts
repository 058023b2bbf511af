import { expect, test, type Page } from '@playwright/test'
import { api, login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let worker: { id: number; email: string; password: string; session: unknown }
const DAY = 86400_000

/** The local calendar day of a moment, as the calendar's cells name it. */
function day(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function todayAt(hours: number): Date {
  const d = new Date()
  d.setHours(hours, 0, 0, 0)
  return d
}

async function addTask(fields: Record<string, unknown>) {
  const r = await api(portal, 'tasks.task.add', { fields })
  return String(r.task.id)
}

async function deadline(id: string): Promise<number> {
  const r = await api(portal, 'tasks.task.get', { taskId: id })
  return new Date(r.task.deadline).getTime()
}

function event(page: Page, id: string) {
  return page.getByTestId(`calendar-task-${id}`)
}

function cell(page: Page, date: string) {
  return page.locator(`[role="gridcell"][data-date="${date}"]`)
}

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  worker = await portal.addEmployee({ NAME: 'Ivan', LAST_NAME: 'Doer' })
})
test.afterAll(async () => {
  await portal?.stop()
})

test('tasks sit on their deadlines: overdue in red, completed dimmed; a drag moves the deadline', async ({
  page,
}) => {
  const due = todayAt(15)
  const open = await addTask({ TITLE: 'Send the invoice', DEADLINE: due.toISOString() })
  // A minute ago, but not within the day's last two hours: the week view draws an event as an
  // hour, and one that runs past midnight is drawn twice.
  const late = new Date(Date.now() - 60_000)
  if (late.getHours() >= 22) late.setHours(22, 0, 0, 0)
  const overdue = await addTask({ TITLE: 'Late report', DEADLINE: late.toISOString() })
  const done = await addTask({ TITLE: 'Finished call', DEADLINE: todayAt(11).toISOString() })
  await api(portal, 'tasks.task.complete', { taskId: done })

  await login(page, portal)
  await page.goto(`${portal.url}/tasks/calendar`)
  await expect(cell(page, day(due)).getByTestId(`calendar-task-${open}`)).toBeVisible()
  await expect(event(page, open)).toContainText('Send the invoice')
  await expect(cell(page, day(late)).getByTestId(`calendar-task-${overdue}`)).toBeVisible()
  await expect(event(page, overdue)).toHaveAttribute('data-state', 'overdue')
  await expect(event(page, done)).toHaveAttribute('data-state', 'completed')

  // Drag the invoice one day later: the deadline moves by a day and keeps its time.
  const next = day(new Date(due.getTime() + DAY))
  const before = await deadline(open)
  await event(page, open).dragTo(cell(page, next))
  await expect.poll(() => deadline(open)).toBe(before + DAY)
  await expect(cell(page, next).getByTestId(`calendar-task-${open}`)).toBeVisible()
  await page.reload()
  await expect(cell(page, next).getByTestId(`calendar-task-${open}`)).toBeVisible()

  // A change made elsewhere arrives live.
  await api(portal, 'tasks.task.update', {
    taskId: overdue,
    fields: { TITLE: 'Late report, renamed' },
  })
  await expect(event(page, overdue)).toContainText('Late report, renamed')

  // The week view shows it too; a click opens the task.
  await page.getByRole('tab', { name: /Week/ }).click()
  await expect(event(page, overdue)).toBeVisible()
  await event(page, overdue).click()
  await expect(page).toHaveURL(new RegExp(`/tasks/task/view/${overdue}$`))
})

test('a deadline the person may not move goes back, with the server’s sentence', async ({
  page,
}) => {
  const due = todayAt(16)
  const fixed = await addTask({
    TITLE: 'Fixed deadline',
    RESPONSIBLE_ID: worker.id,
    DEADLINE: due.toISOString(),
    ALLOW_CHANGE_DEADLINE: 'N',
  })
  const refusal = await portal.call(
    'tasks.task.update',
    { taskId: fixed, fields: { DEADLINE: new Date(due.getTime() + DAY).toISOString() } },
    { session: worker.session },
  )
  expect(refusal.status).toBe(403)

  await login(page, portal, worker.email, worker.password)
  await page.goto(`${portal.url}/tasks/calendar`)
  await expect(cell(page, day(due)).getByTestId(`calendar-task-${fixed}`)).toBeVisible()
  const before = await deadline(fixed)
  await event(page, fixed).dragTo(cell(page, day(new Date(due.getTime() + DAY))))
  await expect(page.getByText(refusal.body.error_description).first()).toBeVisible()
  await expect(cell(page, day(due)).getByTestId(`calendar-task-${fixed}`)).toBeVisible()
  expect(await deadline(fixed)).toBe(before)
})
