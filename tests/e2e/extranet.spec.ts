import { expect, test } from '@playwright/test'
import { startSmtp } from '../support/smtp.mjs'
import { invitationLink, login, pngSquare, startEnglishPortal, type Portal } from './helpers'
import { addTask, loginAs, person, type Person } from './tasks-helpers'

// An agency's outside client: invited by e-mail into their company's project, registers, lands
// on the project's board, sees only that project and what a client may use, and comments.
let smtp: Awaited<ReturnType<typeof startSmtp>>
let portal: Portal
let manager: Person
let projectId: string
let projectTask: string
let internalTask: string
let otherClientTask: string

test.beforeAll(async () => {
  smtp = await startSmtp()
  portal = await startEnglishPortal({ smtp: smtp.url })
  manager = await person(portal, 'Elena', 'Samsonova')
  projectId = String(
    await manager.call('sonet_group.create', {
      NAME: 'Alpha Ltd: portal setup',
      PROJECT: 'Y',
      IS_EXTRANET: 'Y',
      VISIBLE: 'N',
    }),
  )
  const other = String(
    await manager.call('sonet_group.create', { NAME: 'Beta Ltd: CRM', IS_EXTRANET: 'Y' }),
  )
  const internal = String(await manager.call('sonet_group.create', { NAME: 'Agency internal' }))
  projectTask = await addTask(manager, { TITLE: 'Set up the sales pipeline', GROUP_ID: projectId })
  otherClientTask = await addTask(manager, { TITLE: 'Import Beta contacts', GROUP_ID: other })
  internalTask = await addTask(manager, { TITLE: 'Plan the agency party', GROUP_ID: internal })
})
test.afterAll(async () => {
  await portal?.stop()
  await smtp?.stop()
})

test('a client is invited by e-mail, registers, lands on the board and works on a task', async ({
  page,
  browser,
}) => {
  const email = `ivan.${Date.now()}@alpha.example`

  // The manager invites the client from the project's members.
  await loginAs(page, portal, manager)
  await page.goto(`${portal.url}/workgroups/group/${projectId}/members/`)
  await page.getByTestId('group-invite-client').click()
  await page.getByTestId('invite-client-email').fill(email)
  await page.getByTestId('invite-client-name').fill('Ivan')
  await page.getByTestId('invite-client-last-name').fill('Petrov')
  await page.getByTestId('invite-client-send').click()
  await expect(page.getByText(`The invitation was sent to ${email}`, { exact: true })).toBeVisible()
  // They are in the project already, marked as a client.
  const row = page.getByTestId('group-members').getByRole('listitem').filter({ hasText: 'Ivan' })
  await expect(row).toContainText('Client')

  const mail = await smtp.waitFor(
    (m: { to: string[] }) => m.to.some((to) => to.includes(email)),
    20_000,
  )
  const link = invitationLink(mail, portal.url)

  // The client opens the link in their own browser and registers.
  const theirs = await browser.newContext()
  const client = await theirs.newPage()
  await client.goto(link)
  await expect(client.getByTestId('invite-form')).toBeVisible()
  await client.getByTestId('invite-name').fill('Ivan')
  await client.getByTestId('invite-last-name').fill('Petrov')
  await client.getByTestId('invite-password').fill('Ivan-secret-2026')
  await client.getByTestId('invite-photo').setInputFiles({
    name: 'ivan.png',
    mimeType: 'image/png',
    buffer: pngSquare(16),
  })
  await client.getByTestId('invite-submit').click()

  // They land on their project's board, with its task on it.
  await expect(client).toHaveURL(new RegExp(`/workgroups/group/${projectId}/tasks/board/$`))
  await expect(client.getByTestId('group-name')).toHaveText('Alpha Ltd: portal setup')
  await expect(client.getByTestId(`board-card-${projectTask}`)).toBeVisible()
  await expect(client.getByTestId('user-menu-name')).toHaveText('Ivan Petrov')
  await expect(client.getByTestId('user-menu').locator('img')).toBeVisible()

  // Only what a client may use: their groups, their tasks and the feed of their groups; no
  // employees, no structure, no search.
  await expect(client.getByTestId('menu-workgroups')).toBeVisible()
  await expect(client.getByTestId('menu-tasks')).toBeVisible()
  await expect(client.getByTestId('menu-feed')).toBeVisible()
  await expect(client.getByTestId('side-menu').getByRole('link')).toHaveCount(3)
  await expect(client.getByTestId('global-search')).toHaveCount(0)
  await expect(client.getByTestId('group-tab-settings')).toHaveCount(0)
  for (const path of [
    '/company/employees',
    '/company/structure',
    '/stream',
    '/settings',
    '/tasks/reports',
  ]) {
    await client.goto(`${portal.url}${path}`)
    await expect(client).toHaveURL(new RegExp(`/workgroups/group/${projectId}/tasks/board/$`))
  }

  // Their groups: only this project.
  await client.getByTestId('menu-workgroups').click()
  await expect(client.locator('[data-testid^="group-row-"]')).toHaveCount(1)
  await expect(client.getByTestId(`group-row-${projectId}`)).toBeVisible()
  await expect(client.getByTestId('groups-create')).toHaveCount(0)

  // Their tasks: the project's, none of the agency's or another client's.
  await client.goto(`${portal.url}/workgroups/group/${projectId}/tasks/`)
  await expect(client.getByTestId(`task-row-${projectTask}`)).toBeVisible()
  await expect(client.locator('[data-testid^="task-row-"]')).toHaveCount(1)
  for (const hidden of [internalTask, otherClientTask]) {
    await client.goto(`${portal.url}/tasks/task/view/${hidden}`)
    await expect(client.getByTestId('task-title')).toHaveCount(0)
  }

  // They open the task from the board and answer in a comment.
  await client.goto(`${portal.url}/workgroups/group/${projectId}/tasks/board/`)
  await client.getByTestId(`board-card-title-${projectTask}`).click()
  await expect(client.getByTestId('task-title')).toHaveText('Set up the sales pipeline')
  await expect(client.getByTestId('task-group')).toHaveText('Alpha Ltd: portal setup')
  // The task views are a client's too, but not the agency's reports and templates.
  await expect(client.getByTestId('tasks-tab-list')).toBeVisible()
  await expect(client.getByTestId('tasks-tab-reports')).toHaveCount(0)
  await expect(client.getByTestId('tasks-tab-templates')).toHaveCount(0)
  await client.getByTestId('task-comment-editor-input').click()
  await client.keyboard.type('The pipeline stages are attached in the brief.')
  await client.getByTestId('task-comment-send').click()
  await expect(client.getByTestId('task-comment-text').first()).toContainText(
    'The pipeline stages are attached in the brief.',
  )
  const comments = await manager.call('task.commentitem.getlist', [projectTask])
  const theirComment = comments.find((c: { POST_MESSAGE: string }) =>
    c.POST_MESSAGE.includes('The pipeline stages are attached'),
  )
  expect(theirComment?.AUTHOR_NAME).toContain('Ivan')

  // At the next login they land on the board again.
  await client.getByTestId('user-menu').click()
  await client.getByTestId('user-menu-logout').click()
  await login(client, portal, email, 'Ivan-secret-2026')
  await expect(client).toHaveURL(new RegExp(`/workgroups/group/${projectId}/tasks/board/$`))
  await expect(client.getByTestId(`board-card-${projectTask}`)).toBeVisible()
  await theirs.close()
})
