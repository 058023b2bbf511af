import { expect, test, type Page } from '@playwright/test'
import { api, login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let auditor: { id: number; email: string; password: string }
const DAY = 86400_000
/** Today at 09:00 UTC, so every bar is near the today line in the day scale. */
const base = new Date()
base.setUTCHours(9, 0, 0, 0)
const at = (days: number, hours = 0) => new Date(base.getTime() + days * DAY + hours * 3600_000)

let design: string
let build: string
let review: string
let watched: string

async function addTask(fields: Record<string, unknown>) {
  const r = await api(portal, 'tasks.task.add', { fields })
  return String(r.task.id)
}

async function taskDates(id: string) {
  const r = await api(portal, 'tasks.task.get', { taskId: id })
  return {
    start: new Date(r.task.startDatePlan).getTime(),
    end: new Date(r.task.endDatePlan).getTime(),
    deadline: r.task.deadline ? new Date(r.task.deadline).getTime() : null,
  }
}

async function links(ids: string[]) {
  const r = await api(portal, 'artel.task.dependence.list', { taskIds: ids })
  return (r as Array<{ taskIdFrom: string; taskIdTo: string; linkType: string }>).map(
    (l) => `${l.taskIdFrom}>${l.taskIdTo}:${l.linkType}`,
  )
}

/** A drawn link: its element has no size of its own, its line segments do. */
function linkLine(page: Page, from: string, to: string) {
  return page.locator(`.gantt_task_link[data-link-id="${from}-${to}"] .gantt_line_wrapper`).first()
}

function bar(page: Page, id: string) {
  return page.locator(`.gantt_task_line[data-task-id="${id}"]`)
}

/**
 * Focuses the chart and waits until keyboard navigation has made the task's row the active one:
 * the chart moves the focus there itself, a moment after the chart takes it, and the Alt+arrow
 * keys act on that row only.
 */
async function focusRow(page: Page, id: string) {
  await page.getByTestId('gantt-chart').locator('[tabindex="0"]').first().focus()
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.activeElement?.closest('[data-task-id]')?.getAttribute('data-task-id'),
      ),
    )
    .toBe(id)
}

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  auditor = await portal.addEmployee({ NAME: 'Olga', LAST_NAME: 'Watcher' })
  design = await addTask({
    TITLE: 'Design the landing page',
    START_DATE_PLAN: at(0).toISOString(),
    END_DATE_PLAN: at(2).toISOString(),
  })
  build = await addTask({
    TITLE: 'Build the landing page',
    START_DATE_PLAN: at(3).toISOString(),
    END_DATE_PLAN: at(5).toISOString(),
  })
  review = await addTask({
    TITLE: 'Review with the client',
    PARENT_ID: build,
    START_DATE_PLAN: at(6).toISOString(),
    END_DATE_PLAN: at(7).toISOString(),
  })
  watched = await addTask({
    TITLE: 'Only watched by Olga',
    AUDITORS: [auditor.id],
    START_DATE_PLAN: at(1).toISOString(),
    END_DATE_PLAN: at(3).toISOString(),
  })
  await api(portal, 'task.dependence.add', { taskIdFrom: design, taskIdTo: build, linkType: 2 })
})
test.afterAll(async () => {
  await portal?.stop()
})

test('renders the tasks, the subtask tree, a link and the today line', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/gantt`)
  await expect(bar(page, design)).toBeVisible()
  await expect(bar(page, build)).toBeVisible()
  await expect(page.getByTestId('gantt-loading')).toHaveCount(0)
  await expect(page.getByTestId('gantt-count')).toContainText('Tasks: 4')
  // The subtask sits under its parent in the grid.
  await expect(
    page.locator(`.gantt_row[data-task-id="${review}"] .gantt_tree_indent`),
  ).not.toHaveCount(0)
  // The finish-to-start link is drawn.
  await expect(linkLine(page, design, build)).toBeVisible()
  await expect(page.getByTestId('gantt-today')).toBeAttached()

  // Each scale renders; a bar click opens the task.
  await page.getByTestId('gantt-zoom-week').click()
  await expect(bar(page, design)).toBeVisible()
  await page.getByTestId('gantt-zoom-month').click()
  await expect(bar(page, design)).toBeVisible()
  await page.getByTestId('gantt-zoom-day').click()
  await page.getByTestId('gantt-filter-search').fill('client')
  await expect(bar(page, design)).toHaveCount(0)
  await expect(bar(page, review)).toBeVisible()
  await bar(page, review).click()
  await expect(page).toHaveURL(new RegExp(`/tasks/task/view/${review}$`))
})

test('dragging a bar moves the task on the server; the keyboard moves it too', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/gantt`)
  const before = await taskDates(design)
  const box = await bar(page, design).boundingBox()
  if (!box) throw new Error('no bar')
  const day = await page.evaluate(() => {
    const cells = document.querySelectorAll('.gantt_scale_line:last-child .gantt_scale_cell')
    return (cells[1] as HTMLElement).getBoundingClientRect().width
  })
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + day, box.y + box.height / 2, { steps: 5 })
  await page.mouse.move(box.x + box.width / 2 + 2 * day, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()

  await expect
    .poll(async () => Math.round(((await taskDates(design)).start - before.start) / DAY))
    .toBe(2)
  const after = await taskDates(design)
  expect(after.end - after.start).toBe(before.end - before.start)
  await expect(
    page.getByText('Dates of "Design the landing page" saved', { exact: true }),
  ).toBeVisible()

  // Keyboard: focus the chart (its first row, "Design", is active), Alt+Right moves the task a
  // day later, Alt+Shift+Right makes it a day longer.
  await focusRow(page, design)
  await page.keyboard.press('Alt+ArrowRight')
  await expect
    .poll(async () => Math.round(((await taskDates(design)).start - before.start) / DAY))
    .toBe(3)
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect
    .poll(async () => {
      const d = await taskDates(design)
      return Math.round((d.end - d.start - (before.end - before.start)) / DAY)
    })
    .toBe(1)
})

test('a link drawn by dragging between bars is saved; a cycle is refused with the reason', async ({
  page,
}) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/gantt`)
  await expect(bar(page, review)).toBeVisible()

  // From the end handle of "Build" to the start of its review.
  await bar(page, build).hover()
  const handle = bar(page, build).locator('.gantt_link_control.task_end_date .gantt_link_point')
  await expect(handle).toBeVisible()
  const from = await handle.boundingBox()
  const target = await bar(page, review).boundingBox()
  if (!from || !target) throw new Error('no handle')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x + 10, target.y + target.height / 2, { steps: 8 })
  await bar(page, review).locator('.gantt_link_control.task_start_date').hover()
  await page.mouse.up()
  await expect.poll(() => links([review])).toEqual([`${build}>${review}:2`])
  await expect(linkLine(page, build, review)).toBeVisible()

  // Through the dialog: "Design" after "Review" would close a cycle.
  const refused = await portal.call('task.dependence.add', {
    taskIdFrom: review,
    taskIdTo: design,
    linkType: 2,
  })
  expect(refused.body.error).toBe('ILLEGAL_NEW_LINK')
  await page.getByTestId('gantt-add-link').click()
  const dialog = page.getByTestId('gantt-link-dialog')
  await page.getByTestId('gantt-link-from').click()
  await page.getByRole('option', { name: `Review with the client #${review}` }).click()
  await page.getByTestId('gantt-link-to').click()
  await page.getByRole('option', { name: `Design the landing page #${design}` }).click()
  await page.getByTestId('gantt-link-save').click()
  await expect(dialog.getByTestId('form-error')).toContainText(refused.body.error_description)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect(await links([design])).toEqual([`${design}>${build}:2`])
  await expect(page.locator(`.gantt_task_link[data-link-id="${review}-${design}"]`)).toHaveCount(0)

  // Clicking a link offers to delete it.
  await page
    .locator(`.gantt_task_link[data-link-id="${build}-${review}"] .gantt_line_wrapper`)
    .last()
    .click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.locator(`.gantt_task_link[data-link-id="${build}-${review}"]`)).toHaveCount(0)
  expect(await links([review])).toEqual([])
})

test('a change the server refuses rolls back with its sentence; changes arrive live', async ({
  page,
}) => {
  // Olga only watches this task: she may not move it.
  await login(page, portal, auditor.email, auditor.password)
  await page.goto(`${portal.url}/tasks/gantt`)
  await expect(bar(page, watched)).toBeVisible()
  const before = await bar(page, watched).boundingBox()
  const datesBefore = await taskDates(watched)
  if (!before) throw new Error('no bar')
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
  await page.mouse.down()
  await page.mouse.move(before.x + before.width / 2 + 150, before.y + before.height / 2, {
    steps: 8,
  })
  await page.mouse.up()
  const refusal = await portal.call(
    'tasks.task.update',
    { taskId: watched, fields: { START_DATE_PLAN: at(4).toISOString() } },
    { session: auditor.session },
  )
  expect(refusal.status).toBe(403)
  await expect(page.getByText(refusal.body.error_description).first()).toBeVisible()
  await expect.poll(async () => (await bar(page, watched).boundingBox())?.x).toBe(before.x)
  expect(await taskDates(watched)).toEqual(datesBefore)

  // The creator renames and re-plans it: Olga's chart follows without a reload.
  await api(portal, 'tasks.task.update', {
    taskId: watched,
    fields: { TITLE: 'Renamed while Olga looks', END_DATE_PLAN: at(5).toISOString() },
  })
  await expect(bar(page, watched)).toContainText('Renamed while Olga looks')
  await expect
    .poll(async () => (await bar(page, watched).boundingBox())?.width)
    .toBeGreaterThan(before.width)
})

test('with "move linked tasks along", the tasks after a moved one keep their distance', async ({
  page,
}) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/gantt`)
  await expect(bar(page, design)).toBeVisible()
  const designBefore = await taskDates(design)
  const buildBefore = await taskDates(build)
  const reviewBefore = await taskDates(review)
  await page.getByTestId('gantt-move-linked').click()

  // Design one day later, by keyboard: Build (linked after it) follows; Review (not linked) stays.
  await focusRow(page, design)
  await page.keyboard.press('Alt+ArrowRight')
  await expect.poll(async () => (await taskDates(design)).start - designBefore.start).toBe(DAY)
  await expect.poll(async () => (await taskDates(build)).start - buildBefore.start).toBe(DAY)
  expect((await taskDates(build)).end - buildBefore.end).toBe(DAY)
  expect(await taskDates(review)).toEqual(reviewBefore)
  await expect(page.getByText(/linked tasks moved along: 1/).first()).toBeVisible()
})
