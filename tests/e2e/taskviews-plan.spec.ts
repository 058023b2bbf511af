import { expect, test, type Page } from '@playwright/test'
import { api, login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let stages: string[]
const ids: Record<string, string> = {}

async function addTask(title: string, fields: Record<string, unknown> = {}) {
  const r = await api(portal, 'tasks.task.add', { fields: { TITLE: title, ...fields } })
  return String(r.task.id)
}

async function planStage(taskId: string): Promise<string> {
  const r = await api(portal, 'tasks.task.list', {
    filter: { ID: taskId },
    select: ['ID', 'PLAN_STAGE_ID'],
  })
  return String(r.tasks[0]?.planStageId ?? '')
}

/** The task ids of a column, top to bottom, as the server orders them. */
async function columnOrder(stageId: string): Promise<string[]> {
  const r = await api(portal, 'tasks.task.list', {
    filter: { DOER: 1, PLAN_STAGE_ID: stageId, '!REAL_STATUS': 5 },
    order: { PLAN_SORT: 'ASC' },
    select: ['ID'],
  })
  return r.tasks.map((t: { id: string }) => String(t.id))
}

function cardsOf(page: Page, stageId: string) {
  return page.getByTestId(`plan-list-${stageId}`).locator('[data-task-id]')
}

function shownOrder(page: Page, stageId: string): Promise<string[]> {
  return cardsOf(page, stageId).evaluateAll((els) =>
    els.map((e) => String(e.getAttribute('data-task-id'))),
  )
}

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  for (const name of ['Prepare the brief', 'Call the client', 'Draft the estimate'])
    ids[name] = await addTask(name)
  const r = await api(portal, 'task.stages.get', { entityId: 0 })
  stages = Object.values(r as Record<string, { ID: string; SORT: string }>)
    .sort((a, b) => Number(a.SORT) - Number(b.SORT))
    .map((s) => s.ID)
})
test.afterAll(async () => {
  await portal?.stop()
})

test('drag a card to another column: it stays there, the API agrees, another browser sees it live', async ({
  page,
  browser,
}) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/plan`)
  const [first, second] = stages
  const task = ids['Call the client']
  await expect(cardsOf(page, first)).toHaveCount(3)
  await expect(page.getByTestId(`plan-column-title-${second}`)).toHaveText('This week')

  // The same person in a second browser watches the board.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await login(otherPage, portal)
  await otherPage.goto(`${portal.url}/tasks/plan`)
  await expect(cardsOf(otherPage, first)).toHaveCount(3)

  await page.getByTestId(`plan-card-${task}`).dragTo(page.getByTestId(`plan-list-${second}`))

  await expect(
    page.getByTestId(`plan-list-${second}`).getByTestId(`plan-card-${task}`),
  ).toBeVisible()
  await expect(page.getByTestId(`plan-column-count-${second}`)).toHaveText('1')
  await expect.poll(() => planStage(task)).toBe(second)

  // Live in the other browser, without a reload.
  await expect(
    otherPage.getByTestId(`plan-list-${second}`).getByTestId(`plan-card-${task}`),
  ).toBeVisible()
  await expect(cardsOf(otherPage, first)).toHaveCount(2)
  await other.close()

  // And after a reload.
  await page.reload()
  await expect(
    page.getByTestId(`plan-list-${second}`).getByTestId(`plan-card-${task}`),
  ).toBeVisible()
  await expect(cardsOf(page, first)).toHaveCount(2)
})

test('reorder inside a column by drag and by keyboard; the server keeps the order', async ({
  page,
}) => {
  const [, , third] = stages
  const a = await addTask('Order one')
  const b = await addTask('Order two')
  const c = await addTask('Order three')
  for (const id of [a, b, c]) await api(portal, 'task.stages.movetask', { id, stageId: third })
  expect(await columnOrder(third)).toEqual([a, b, c])

  await login(page, portal)
  await page.goto(`${portal.url}/tasks/plan`)
  await expect(cardsOf(page, third)).toHaveCount(3)

  // Drag the last card above the first.
  await page.getByTestId(`plan-card-${c}`).dragTo(page.getByTestId(`plan-card-${a}`), {
    targetPosition: { x: 20, y: 5 },
  })
  await expect.poll(() => columnOrder(third)).toEqual([c, a, b])
  await expect.poll(() => shownOrder(page, third)).toEqual([c, a, b])

  // Keyboard: focus the card, Alt+Down moves it one place down.
  await page.getByTestId(`plan-card-${c}`).focus()
  await page.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => columnOrder(third)).toEqual([a, c, b])
  await expect(page.getByTestId(`plan-card-${c}`)).toBeFocused()

  // Alt+Left moves it to the column on the left, on top.
  await page.keyboard.press('Alt+ArrowLeft')
  await expect.poll(() => planStage(c)).toBe(stages[1])
  await expect(
    page.getByTestId(`plan-list-${stages[1]}`).getByTestId(`plan-card-${c}`),
  ).toBeVisible()

  await page.reload()
  await expect.poll(() => shownOrder(page, third)).toEqual([a, b])
})

test('add, rename and recolour a column, quick-add a task into it, delete it', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/plan`)
  await expect(page.getByTestId(`plan-column-${stages[0]}`)).toBeVisible()

  await page.getByTestId('plan-add-column').click()
  await page.getByTestId('plan-stage-title').fill('Waiting for the client')
  await page.getByTestId('plan-stage-color-FF5752').click()
  await page.getByTestId('plan-stage-save').click()
  const column = page.locator('[data-testid^="plan-column-title-"]', {
    hasText: 'Waiting for the client',
  })
  await expect(column).toBeVisible()
  const stageId = String(await column.getAttribute('data-testid')).replace('plan-column-title-', '')
  let server = await api(portal, 'task.stages.get', { entityId: 0 })
  expect(server[stageId]).toMatchObject({ TITLE: 'Waiting for the client', COLOR: 'FF5752' })
  // It went last.
  expect(Math.max(...Object.values(server).map((s: any) => Number(s.SORT)))).toBe(
    Number(server[stageId].SORT),
  )

  // Rename it.
  await page.getByTestId(`plan-column-actions-${stageId}`).click()
  await page.getByTestId(`plan-column-edit-${stageId}`).click()
  await expect(page.getByTestId('plan-stage-title')).toHaveValue('Waiting for the client')
  await page.getByTestId('plan-stage-title').fill('On hold')
  await page.getByTestId('plan-stage-color-A861FF').click()
  await page.getByTestId('plan-stage-save').click()
  await expect(page.getByTestId(`plan-column-title-${stageId}`)).toHaveText('On hold')
  server = await api(portal, 'task.stages.get', { entityId: 0 })
  expect(server[stageId]).toMatchObject({ TITLE: 'On hold', COLOR: 'A861FF' })

  // Quick-add a task straight into it.
  await page.getByTestId(`plan-quick-add-${stageId}`).click()
  await page.getByTestId(`plan-quick-input-${stageId}`).fill('Remind about the contract')
  await page.getByTestId(`plan-quick-input-${stageId}`).press('Enter')
  const card = page.getByTestId(`plan-list-${stageId}`).locator('[data-task-id]')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Remind about the contract')
  const newId = String(await card.getAttribute('data-task-id'))
  await expect.poll(() => planStage(newId)).toBe(stageId)

  // Move it one place left through the menu.
  await page.getByTestId(`plan-column-actions-${stageId}`).click()
  await page.getByTestId(`plan-column-left-${stageId}`).click()
  await expect
    .poll(async () => {
      const s = await api(portal, 'task.stages.get', { entityId: 0 })
      return (Object.values(s) as Array<{ ID: string; SORT: string }>)
        .sort((a, b) => Number(a.SORT) - Number(b.SORT))
        .map((x) => x.ID)
    })
    .toEqual([stages[0], stages[1], stageId, stages[2]])

  // Delete it: its task goes back to the first column.
  await page.getByTestId(`plan-column-actions-${stageId}`).click()
  await page.getByTestId(`plan-column-delete-${stageId}`).click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId(`plan-column-${stageId}`)).toHaveCount(0)
  await expect(
    page.getByTestId(`plan-list-${stages[0]}`).getByTestId(`plan-card-${newId}`),
  ).toBeVisible()
  await expect.poll(() => planStage(newId)).toBe('0')
})

test('a card opens the task; completed tasks show on demand; a long column loads on scroll', async ({
  page,
}) => {
  const done = await addTask('Already finished')
  await api(portal, 'tasks.task.complete', { taskId: done })
  const many: string[] = []
  for (let i = 0; i < 56; i++) many.push(await addTask(`Bulk task ${i}`))

  await login(page, portal)
  await page.goto(`${portal.url}/tasks/plan`)
  const first = stages[0]
  await expect(cardsOf(page, first)).toHaveCount(50)
  const total = Number(await page.getByTestId(`plan-column-count-${first}`).textContent())
  expect(total).toBeGreaterThan(50)
  await expect(page.getByTestId(`plan-card-${done}`)).toHaveCount(0)

  // Scrolling to the end of the column loads the rest.
  await page.getByTestId(`plan-column-end-${first}`).scrollIntoViewIfNeeded()
  await expect(cardsOf(page, first)).toHaveCount(total)

  await page.getByTestId('plan-show-completed').click()
  await expect(page.getByTestId(`plan-card-${done}`)).toBeVisible()
  await expect(page.getByTestId(`plan-card-${done}`)).toHaveAttribute('data-state', 'completed')

  await page.getByTestId(`plan-card-title-${many[0]}`).click()
  await expect(page).toHaveURL(new RegExp(`/tasks/task/view/${many[0]}$`))
})
