import { expect, test, type Page } from '@playwright/test'
import { startEnglishPortal, type Portal } from './helpers'
import { addTask, choosePeople, daysFromNow, loginAs, person, type Person } from './tasks-helpers'

// The task card and form: a task made in the form (with a server error shown at its field),
// a comment with a mention and a reply, checklists, a subtask, the rating whose negative side
// needs a comment, work sent for control and returned or accepted from the creator's browser,
// a deadline moved and read in the history, and comments arriving live.

let portal: Portal
let anna: Person // sets tasks
let boris: Person // does them
let carl: Person // gets mentioned

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await person(portal, 'Anna', 'Belova')
  boris = await person(portal, 'Boris', 'Orlov')
  carl = await person(portal, 'Carl', 'Weiss')
})

test.afterAll(async () => {
  await portal?.stop()
})

function taskIdOf(page: Page): string {
  const m = /\/tasks\/task\/view\/(\d+)/.exec(page.url())
  if (!m) throw new Error(`not on a task card: ${page.url()}`)
  return m[1]
}

test('a task made in the form shows every field on its card', async ({ page }) => {
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks`)
  await page.getByTestId('task-add').click()
  await expect(page.getByTestId('task-form')).toBeVisible()

  // Without a title the server refuses, and says so at the title.
  await page.getByTestId('task-form-submit').click()
  await expect(page.getByTestId('task-form').getByText('The task needs a title.')).toBeVisible()

  await page.getByTestId('task-form-title').fill('Prepare the contract for client X')
  await page.getByTestId('task-form-description-input').click()
  await page.keyboard.type('Three steps: draft, agree, sign.')
  await page.getByTestId('task-form-responsible').click()
  await page.getByRole('option', { name: /Boris Orlov/ }).click()
  await choosePeople(page, 'task-form-auditors', ['Carl Weiss'])
  await page.getByTestId('task-form-deadline').fill(daysFromNow(5).slice(0, 16))
  await page.getByTestId('task-form-time-tracking').click()
  await page.getByTestId('task-form-hours').fill('1')
  await page.getByTestId('task-form-minutes').fill('30')
  await page.getByTestId('task-form-task-control').click()
  await page.getByTestId('task-form-tags').fill('SALES')
  await page.getByTestId('task-form-tags').press('Enter')
  await page.getByTestId('task-form-crm').fill('D_10')
  await page.getByTestId('task-form-crm').press('Enter')
  await page.getByTestId('task-form-submit').click()

  await expect(page).toHaveURL(/\/tasks\/task\/view\/\d+$/)
  await expect(page.getByTestId('task-title')).toHaveText('Prepare the contract for client X')
  await expect(page.getByTestId('task-description')).toHaveText('Three steps: draft, agree, sign.')
  await expect(page.getByTestId('task-responsible')).toContainText('Boris Orlov')
  await expect(page.getByTestId('task-creator')).toContainText('Anna Belova')
  await expect(page.getByTestId('task-auditors')).toContainText('Carl Weiss')
  await expect(page.getByTestId('task-time-planned')).toContainText('1 h 30 min')
  await expect(page.getByTestId('task-flag-control')).toBeVisible()
  await expect(page.getByTestId('task-tags')).toContainText('#SALES')
  await expect(page.getByTestId('task-crm')).toContainText('Deal 10')

  const id = taskIdOf(page)
  const { task } = await anna.call('tasks.task.get', { taskId: id })
  expect(task.timeEstimate).toBe('5400')
  expect(task.taskControl).toBe('Y')
  expect(task.allowTimeTracking).toBe('Y')

  // Editing changes only what was touched.
  await page.getByTestId('task-action-edit').click()
  await expect(page.getByTestId('task-form-title')).toHaveValue('Prepare the contract for client X')
  await page.getByTestId('task-form-title').fill('Prepare the contract for client X (part 2)')
  await page.getByTestId('task-form-submit').click()
  await expect(page.getByTestId('task-title')).toHaveText(
    'Prepare the contract for client X (part 2)',
  )
})

test('a comment with a mention, a reply, and the mentioned person joins as an observer', async ({
  page,
}) => {
  const id = await addTask(anna, { TITLE: 'Agree the price list', RESPONSIBLE_ID: boris.id })
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)

  const editor = page.getByTestId('task-comment-editor-input')
  await editor.click()
  await page.keyboard.type('Please check, @Car')
  await page.getByRole('option', { name: /Carl Weiss/ }).click()
  await page.keyboard.type(' thanks')
  await page.getByTestId('task-comment-send').click()

  const comment = page.locator('[data-testid^="task-comment-"][data-parent="0"]').first()
  await expect(comment.getByTestId('task-comment-text')).toContainText(
    'Please check, Carl Weiss thanks',
  )
  await expect(comment.locator('a.mention')).toHaveText('Carl Weiss')
  // The server received the BB code of a mention.
  const [stored] = await anna.call('task.commentitem.getlist', [id])
  expect(stored.POST_MESSAGE).toBe(`Please check, [USER=${carl.id}]Carl Weiss[/USER] thanks`)
  // Carl was not in the task: the mention made him an observer (the card follows live).
  await expect(page.getByTestId('task-auditors')).toContainText('Carl Weiss')

  // A reply sits under the comment it answers.
  await comment.getByText('Reply').click()
  await expect(page.getByTestId('task-comment-reply-to')).toBeVisible()
  await editor.click()
  await page.keyboard.type('Checked, all fine.')
  await page.keyboard.press('Control+Enter')
  const reply = page.locator(`[data-parent="${stored.ID}"]`)
  await expect(reply.getByTestId('task-comment-text')).toHaveText('Checked, all fine.')
  await expect(page.getByTestId('task-comment-reply-to')).toHaveCount(0)

  // The mention opens Carl's profile inside the app, without reloading it.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
  await comment.locator('a.mention').click()
  await expect(page).toHaveURL(new RegExp(`/company/personal/user/${carl.id}$`))
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
})

test('checklists: add, check, rename, delete, a second list', async ({ page }) => {
  const id = await addTask(anna, { TITLE: 'Open the new office', RESPONSIBLE_ID: boris.id })
  await loginAs(page, portal, boris)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)

  await page.getByTestId('checklist-add-input-new').fill('Sign the lease')
  await page.getByTestId('checklist-add-new').click()
  const list = page.locator('[data-testid^="checklist-list-"]').first()
  await expect(list).toContainText('Sign the lease')
  const listId = (await list.getAttribute('data-testid'))!.replace('checklist-list-', '')
  await page.getByTestId(`checklist-add-input-${listId}`).fill('Buy furniture')
  await page.getByTestId(`checklist-add-input-${listId}`).press('Enter')
  await expect(list.locator('[data-testid^="checklist-item-"]')).toHaveCount(2)
  await expect(page.getByTestId(`checklist-progress-${listId}`)).toHaveText('0 of 2')

  const first = list.locator('[data-testid^="checklist-item-"]').first()
  const firstId = (await first.getAttribute('data-testid'))!.replace('checklist-item-', '')
  await page.getByTestId(`checklist-check-${firstId}`).click()
  await expect(first).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId(`checklist-progress-${listId}`)).toHaveText('1 of 2')

  await page.getByTestId(`checklist-rename-button-${firstId}`).click()
  await page.getByTestId(`checklist-rename-${firstId}`).fill('Sign the lease for 3 years')
  await page.getByTestId(`checklist-rename-${firstId}`).press('Enter')
  await expect(page.getByTestId(`checklist-title-${firstId}`)).toHaveText(
    'Sign the lease for 3 years',
  )

  const second = list.locator('[data-testid^="checklist-item-"]').nth(1)
  const secondId = (await second.getAttribute('data-testid'))!.replace('checklist-item-', '')
  await page.getByTestId(`checklist-delete-${secondId}`).click()
  await expect(list.locator('[data-testid^="checklist-item-"]')).toHaveCount(1)

  await page.getByTestId('checklist-add-list').click()
  await expect(page.locator('[data-testid^="checklist-list-"]')).toHaveCount(2)
  await expect(page.locator('[data-testid^="checklist-list-"]').nth(1)).toContainText('Checklist 2')

  const items = await boris.call('task.checklistitem.getlist', [id])
  expect(items.find((i: { ID: string }) => i.ID === firstId)).toMatchObject({
    TITLE: 'Sign the lease for 3 years',
    IS_COMPLETE: 'Y',
  })
})

test('a subtask from the card; the parent lists it', async ({ page }) => {
  const parent = await addTask(anna, {
    TITLE: 'Общая: Заключить договор с Клиентом X',
    RESPONSIBLE_ID: anna.id,
  })
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${parent}`)
  await page.getByTestId('task-add-subtask').click()
  await expect(page).toHaveURL(new RegExp(`/tasks/task/new\\?parent=${parent}`))
  await expect(page.getByTestId('task-form-parent')).toContainText('Общая: Заключить договор')
  await page.getByTestId('task-form-title').fill('Подготовить договор')
  await page.getByTestId('task-form-submit').click()
  await expect(page.getByTestId('task-title')).toHaveText('Подготовить договор')
  await expect(page.getByTestId('task-parent')).toHaveText('Общая: Заключить договор с Клиентом X')
  const child = taskIdOf(page)

  await page.getByTestId('task-parent').click()
  await expect(page.getByTestId(`task-subtask-${child}`)).toContainText('Подготовить договор')
})

test('a negative rating needs a comment', async ({ page }) => {
  const id = await addTask(anna, { TITLE: 'Write the price letter', RESPONSIBLE_ID: boris.id })
  await boris.call('tasks.task.complete', { taskId: id })
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)

  await page.getByTestId('task-rate-negative').click()
  await page.getByTestId('task-rate-submit').click()
  await expect(page.getByTestId('task-rate-form').getByTestId('form-error')).toHaveText(
    'A negative rating needs a comment.',
  )
  await page.getByTestId('task-rate-comment').fill('The prices of the old list were sent again.')
  await page.getByTestId('task-rate-submit').click()
  await expect(page.getByTestId('task-rating')).toHaveAttribute('data-mark', 'N')
  // The reason is posted as a comment for the responsible.
  await expect(page.getByTestId('task-comments')).toContainText(
    'The prices of the old list were sent again.',
  )

  // A positive one replaces it; a second click takes it back.
  await page.getByTestId('task-rate-positive').click()
  await expect(page.getByTestId('task-rating')).toHaveAttribute('data-mark', 'P')
  await page.getByTestId('task-rate-positive').click()
  await expect(page.getByTestId('task-rating')).toHaveAttribute('data-mark', '')
})

test('work sent for control: the creator returns it ("Return for more work"), then accepts it', async ({
  page,
  browser,
}) => {
  const id = await addTask(anna, {
    TITLE: 'Control: the monthly report',
    RESPONSIBLE_ID: boris.id,
    TASK_CONTROL: 'Y',
    DEADLINE: daysFromNow(2),
  })
  // Anna, the creator, has the card open in her browser.
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'pending')

  // Boris, in his own browser, starts and completes it.
  const his = await browser.newContext()
  const bp = await his.newPage()
  await loginAs(bp, portal, boris)
  await bp.goto(`${portal.url}/tasks/task/view/${id}`)
  await bp.getByTestId('task-action-start').click()
  await expect(bp.getByTestId('task-status')).toHaveAttribute('data-status', 'inProgress')
  await bp.getByTestId('task-action-complete').click()
  await expect(bp.getByTestId('task-status')).toHaveAttribute('data-status', 'awaitingControl')
  await expect(bp.getByTestId('task-action-approve')).toHaveCount(0)

  // Anna sees it wait for her, live, and sends it back.
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'awaitingControl')
  await page.getByTestId('task-action-disapprove').click()
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'pending')
  await expect(bp.getByTestId('task-status')).toHaveAttribute('data-status', 'pending')

  // Boris completes again; this time Anna accepts the work.
  await bp.getByTestId('task-action-complete').click()
  await expect(page.getByTestId('task-action-approve')).toBeVisible()
  await page.getByTestId('task-action-approve').click()
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'completed')
  await expect(bp.getByTestId('task-status')).toHaveAttribute('data-status', 'completed')

  // The history tells the story.
  await page.getByTestId('task-tab-history').click()
  await expect(page.locator('[data-field="STATUS"]')).toHaveCount(5)
  await expect(page.locator('[data-field="STATUS"]').first()).toContainText(
    'Awaiting control → Completed',
  )
  await his.close()
})

test('a moved deadline in the history, and how often it moved', async ({ page }) => {
  const id = await addTask(anna, {
    TITLE: 'Send the offer',
    RESPONSIBLE_ID: boris.id,
    DEADLINE: '2031-03-12T18:00:00',
  })
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)
  await page.getByTestId('task-deadline-edit').click()
  await page.getByTestId('task-deadline-input').fill('2031-03-15T18:00')
  await page.getByTestId('task-deadline-save').click()
  await expect(page.getByTestId('task-deadline')).toHaveText('15.03.2031 18:00')
  await expect(page.getByTestId('task-deadline-changes')).toHaveText('The deadline moved once')

  await page.getByTestId('task-tab-history').click()
  const line = page.locator('[data-field="DEADLINE"]').first()
  await expect(line.getByTestId('history-entry-text')).toHaveText(
    /Deadline:\s*12\.03\.2031 18:00\s*→\s*15\.03\.2031 18:00/,
  )
  await expect(line.getByTestId('history-entry-author')).toHaveText('Anna Belova')
  await expect(page.getByTestId('task-history-deadline-moves')).toHaveAttribute('data-moves', '1')
})

test('a comment written in one browser appears in another without a reload', async ({
  page,
  browser,
}) => {
  const id = await addTask(anna, { TITLE: 'Discuss the budget', RESPONSIBLE_ID: boris.id })
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)
  await expect(page.getByTestId('task-comments-empty')).toBeVisible()

  const his = await browser.newContext()
  const bp = await his.newPage()
  await loginAs(bp, portal, boris)
  await bp.goto(`${portal.url}/tasks/task/view/${id}`)
  await bp.getByTestId('task-comment-editor-input').click()
  await bp.keyboard.type('Budget draft is attached')
  await bp.getByTestId('task-comment-files').setInputFiles({
    name: 'budget.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('total: 100'),
  })
  await bp.getByTestId('task-comment-send').click()
  await expect(bp.getByTestId('task-comment-text')).toHaveText('Budget draft is attached')

  await expect(page.getByTestId('task-comment-text')).toHaveText('Budget draft is attached')
  await expect(page.getByTestId('task-comment-file')).toHaveText(/budget\.txt/)
  await expect(page.getByTestId('task-comment-author')).toHaveText('Boris Orlov')
  await his.close()
})

test('the other actions: favourite, mute, defer and renew, delegate, watch, copy with subtasks, files, links, delete', async ({
  page,
  browser,
}) => {
  const id = await addTask(anna, { TITLE: 'Общая: Launch the website', RESPONSIBLE_ID: boris.id })
  for (const title of ['Write the texts', 'Draw the layout'])
    await addTask(anna, { TITLE: title, RESPONSIBLE_ID: boris.id, PARENT_ID: Number(id) })
  const other = await addTask(anna, { TITLE: 'Buy the domain name', RESPONSIBLE_ID: boris.id })

  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/tasks/task/view/${id}`)

  await page.getByTestId('task-favorite').click()
  await expect(page.getByTestId('task-favorite')).toHaveAttribute('data-on', 'Y')

  await page.getByTestId('task-action-more').click()
  await page.getByTestId('task-action-mute').click()
  await expect(page.getByTestId('task-muted')).toBeVisible()
  await page.getByTestId('task-action-more').click()
  await page.getByTestId('task-action-unmute').click()
  await expect(page.getByTestId('task-muted')).toHaveCount(0)

  await page.getByTestId('task-action-defer').click()
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'deferred')
  await page.getByTestId('task-action-renew').click()
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'pending')

  // Files on the task.
  await page.getByTestId('task-file-input').setInputFiles({
    name: 'brief.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('the brief'),
  })
  const file = page.locator('[data-testid^="task-attachment-"]').filter({ hasText: 'brief.txt' })
  await expect(file).toBeVisible()
  const fileId = (await file.getAttribute('data-testid'))!.replace('task-attachment-', '')
  await page.getByTestId(`task-attachment-delete-${fileId}`).click()
  await expect(file).toHaveCount(0)

  // This task waits for another one (finish → start).
  await page.getByTestId('task-link-add').click()
  await page.getByTestId('task-link-task').click()
  await page.getByPlaceholder('Words of the title or the number').fill('domain')
  await page.getByRole('option', { name: /Buy the domain name/ }).click()
  await page.getByTestId('task-link-submit').click()
  await expect(page.getByTestId(`task-linked-${other}`)).toContainText('Buy the domain name')
  await expect(page.getByTestId(`task-linked-${other}`)).toContainText('finish → start')
  await page.getByTestId(`task-link-remove-${other}`).click()
  await expect(page.getByTestId(`task-linked-${other}`)).toHaveCount(0)

  // Delegate to Carl: Boris stays as an observer.
  await page.getByTestId('task-action-more').click()
  await page.getByTestId('task-action-delegate').click()
  await page.getByTestId('task-delegate-person').click()
  await page.getByRole('option', { name: /Carl Weiss/ }).click()
  await page.getByTestId('task-delegate-submit').click()
  await expect(page.getByTestId('task-responsible')).toContainText('Carl Weiss')
  await expect(page.getByTestId('task-auditors')).toContainText('Boris Orlov')

  // The administrator sees every task and may join as an observer.
  const admins = await browser.newContext()
  const ap = await admins.newPage()
  await ap.goto(`${portal.url}/login`)
  await ap.getByTestId('login-email').fill(portal.adminEmail)
  await ap.getByTestId('login-password').fill(portal.adminPassword)
  await ap.getByTestId('login-submit').click()
  await expect(ap.getByTestId('shell')).toBeVisible()
  await ap.goto(`${portal.url}/tasks/task/view/${id}`)
  await ap.getByTestId('task-action-more').click()
  await ap.getByTestId('task-action-watch').click()
  await expect(page.getByTestId('task-auditors')).toContainText(portal.adminEmail)
  await ap.getByTestId('task-action-more').click()
  await expect(ap.getByTestId('task-action-unwatch')).toBeVisible()
  await ap.keyboard.press('Escape')
  await admins.close()

  // Copy with the subtasks: the copy opens in the form to get its own title and deadline.
  await page.getByTestId('task-action-more').click()
  await page.getByTestId('task-action-copy').click()
  await expect(page.getByTestId('task-copy-subtasks')).toHaveAttribute('aria-checked', 'true')
  await page.getByTestId('task-copy-submit').click()
  await expect(page).toHaveURL(/\/tasks\/task\/edit\/\d+$/)
  await page.getByTestId('task-form-title').fill('Общая: Launch the second website')
  await page.getByTestId('task-form-submit').click()
  await expect(page.getByTestId('task-title')).toHaveText('Общая: Launch the second website')
  await expect(
    page.getByTestId('task-subtasks').locator('[data-testid^="task-subtask-"]'),
  ).toHaveCount(2)
  const copy = taskIdOf(page)
  expect(copy).not.toBe(id)

  // Delete the copy (its subtasks stay, without a parent).
  await page.getByTestId('task-action-more').click()
  await page.getByTestId('task-action-delete').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page).toHaveURL(/\/tasks$/)
  expect(await anna.call('tasks.task.get', { taskId: copy })).toEqual([])
})

test('the list and the card at a phone’s width', async ({ page }) => {
  const id = await addTask(anna, {
    TITLE: 'Продажи: Связаться с клиентом Иван Петров в 9:00 и обсудить условия договора',
    RESPONSIBLE_ID: boris.id,
    DEADLINE: daysFromNow(-1),
    ALLOW_TIME_TRACKING: 'Y',
  })
  await page.setViewportSize({ width: 390, height: 844 })
  await loginAs(page, portal, boris)
  await page.goto(`${portal.url}/tasks?role=doing`)
  const noSideScroll = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    )

  // The row keeps its title, status, deadline and the timer within the screen.
  const title = page.getByTestId(`task-title-${id}`)
  await expect(title).toBeVisible()
  const box = await title.boundingBox()
  expect(box!.x + box!.width).toBeLessThanOrEqual(390)
  await expect(page.getByTestId(`task-timer-${id}`)).toBeInViewport()
  await expect(page.getByTestId(`task-row-${id}`)).toContainText('Overdue')
  expect(await noSideScroll()).toBe(true)

  await title.click()
  await expect(page.getByTestId('task-title')).toBeVisible()
  await expect(page.getByTestId('task-action-start')).toBeInViewport()
  await expect(page.getByTestId('task-action-timer')).toBeVisible()
  expect(await noSideScroll()).toBe(true)
  await page.getByTestId('task-action-start').click()
  await expect(page.getByTestId('task-header-status')).toHaveAttribute('data-status', 'inProgress')
  await page.getByTestId('task-comment-editor-input').click()
  await page.keyboard.type('On my way')
  await page.getByTestId('task-comment-send').click()
  await expect(page.getByTestId('task-comment-text')).toHaveText('On my way')
  expect(await noSideScroll()).toBe(true)
})
