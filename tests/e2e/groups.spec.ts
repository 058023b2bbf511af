import { expect, test } from '@playwright/test'
import { pngSquare, startEnglishPortal, type Portal } from './helpers'
import { choosePeople, loginAs, person, type Person } from './tasks-helpers'

let portal: Portal
let anna: Person
let boris: Person
let vera: Person

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await person(portal, 'Anna', 'Lebedeva')
  boris = await person(portal, 'Boris', 'Kovalev')
  vera = await person(portal, 'Vera', 'Sokolova')
})
test.afterAll(async () => {
  await portal?.stop()
})

test('an employee creates a project, adds a colleague, makes him curator, and sees the board', async ({
  page,
}) => {
  await loginAs(page, portal, anna)
  await page.getByTestId('menu-workgroups').click()
  await expect(page.getByTestId('groups-page')).toBeVisible()

  // Create a project with dates, by request, visible.
  await page.getByTestId('groups-create').click()
  await page.getByTestId('group-form-name').fill('Website relaunch')
  await page.getByTestId('group-form-description').fill('The new site of the shop')
  await page.getByTestId('group-form-project').click()
  await page.getByTestId('group-form-date-start').fill('2026-02-01')
  await page.getByTestId('group-form-date-finish').fill('2026-04-30')
  await page.getByTestId('group-create-submit').click()

  await expect(page.getByTestId('group-name')).toHaveText('Website relaunch')
  await expect(page.getByTestId('group-badge-project')).toBeVisible()
  await expect(page.getByTestId('group-dates')).toContainText('2026')
  const groupId = /\/workgroups\/group\/(\d+)\//.exec(page.url())?.[1] ?? ''
  expect(groupId).not.toBe('')
  const [created] = await anna.call('sonet_group.get', { FILTER: { ID: groupId } })
  expect(created).toMatchObject({ NAME: 'Website relaunch', PROJECT: 'Y', USER_ROLE: 'A' })

  // Add Boris on the Members tab.
  await page.getByTestId('group-tab-members').click()
  await expect(page.getByTestId(`group-member-${anna.id}`)).toHaveAttribute('data-role', 'A')
  await page.getByTestId('group-members-add').click()
  await choosePeople(page, 'add-members-people', ['Boris Kovalev'])
  await page.getByTestId('add-members-submit').click()
  await expect(page.getByTestId(`group-member-${boris.id}`)).toHaveAttribute('data-role', 'K')

  // Boris becomes the curator, joining every new task as an observer.
  await page.getByTestId('group-tab-settings').click()
  await choosePeople(page, 'group-settings-curators', ['Boris Kovalev'])
  await page.getByTestId('group-settings-save').click()
  await expect
    .poll(async () => (await anna.call('sonet_group.get', { FILTER: { ID: groupId } }))[0].CURATORS)
    .toEqual([String(boris.id)])

  // The board has the group's columns; a task added from it belongs to the group.
  await page.getByTestId('group-tab-board').click()
  const stages = Object.values(
    (await anna.call('task.stages.get', { entityId: Number(groupId) })) as Record<
      string,
      { ID: string; SORT: string; TITLE: string }
    >,
  ).sort((a, b) => Number(a.SORT) - Number(b.SORT))
  expect(stages.length).toBeGreaterThanOrEqual(3)
  for (const stage of stages)
    await expect(page.getByTestId(`board-column-title-${stage.ID}`)).toHaveText(stage.TITLE)

  await page.getByTestId('group-board-add').click()
  await expect(page.getByTestId('task-form-group')).toContainText('Website relaunch')
  await page.getByTestId('task-form-title').fill('Draw the new home page')
  await page.getByTestId('task-form-submit').click()
  await expect(page.getByTestId('task-title')).toHaveText('Draw the new home page')
  // The card shows its project as a link, and the curator among the observers.
  await expect(page.getByTestId('task-group')).toHaveText('Website relaunch')
  await expect(page.getByTestId('task-auditors')).toContainText('Boris Kovalev')
  const taskId = /\/tasks\/task\/view\/(\d+)/.exec(page.url())?.[1] ?? ''

  await page.getByTestId('task-group').click()
  await page.getByTestId('group-tab-board').click()
  await expect(
    page.getByTestId(`board-list-${stages[0].ID}`).getByTestId(`board-card-${taskId}`),
  ).toBeVisible()
  await expect(page.getByTestId(`board-column-count-${stages[0].ID}`)).toHaveText('1')

  // The group's task list keeps to the group's tasks.
  await anna.call('tasks.task.add', { fields: { TITLE: 'Not a project task' } })
  await page.getByTestId('group-tab-tasks').click()
  await expect(page.getByTestId(`task-row-${taskId}`)).toBeVisible()
  await expect(page.getByTestId('task-table')).not.toContainText('Not a project task')
})

test('a colleague asks to join a group by request; the owner accepts; he leaves again', async ({
  page,
  browser,
}) => {
  const id = String(
    await anna.call('sonet_group.create', { NAME: 'Accounting', VISIBLE: 'Y', OPENED: 'N' }),
  )

  await loginAs(page, portal, vera)
  await page.goto(`${portal.url}/workgroups`)
  await page.getByTestId('groups-search').fill('Accoun')
  await expect(page.getByTestId(`group-row-${id}`)).toBeVisible()
  await page.getByTestId(`group-row-${id}`).getByTestId('group-join').click()
  await expect(page.getByTestId(`group-row-${id}`).getByTestId('group-join')).toHaveCount(0)

  const owner = await browser.newContext()
  const annaPage = await owner.newPage()
  await loginAs(annaPage, portal, anna)
  await annaPage.goto(`${portal.url}/workgroups/group/${id}/members/`)
  await annaPage.getByTestId(`group-request-accept-${vera.id}`).click()
  await expect(annaPage.getByTestId(`group-member-${vera.id}`)).toHaveAttribute('data-role', 'K')
  // The owner makes her a moderator.
  await annaPage.getByTestId(`group-member-role-${vera.id}`).click()
  await annaPage.getByRole('option', { name: 'Moderator' }).click()
  await expect(annaPage.getByTestId(`group-member-${vera.id}`)).toHaveAttribute('data-role', 'E')
  await owner.close()

  await page.goto(`${portal.url}/workgroups/group/${id}/tasks/`)
  await page.getByTestId('group-leave').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('group-join')).toBeVisible()
  const members = await anna.call('sonet_group.user.get', { ID: id })
  expect(members.map((m: { USER_ID: string }) => String(m.USER_ID))).toEqual([String(anna.id)])
})

test('the owner deletes a group after confirming; its tasks stay without a group', async ({
  page,
}) => {
  const id = String(await anna.call('sonet_group.create', { NAME: 'Short-lived' }))
  const task = await anna.call('tasks.task.add', {
    fields: { TITLE: 'Outlives its group', GROUP_ID: Number(id) },
  })
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/workgroups/group/${id}/settings/`)
  await page.getByTestId('group-delete').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('groups-page')).toBeVisible()
  await expect(page.getByTestId(`group-row-${id}`)).toHaveCount(0)
  const after = await anna.call('tasks.task.get', { taskId: task.task.id })
  expect(String(after.task.groupId)).toBe('0')
})

test('the owner hands the group over to a colleague and stays as a moderator', async ({ page }) => {
  const id = String(await anna.call('sonet_group.create', { NAME: 'Handover', VISIBLE: 'Y' }))
  await anna.call('sonet_group.user.add', { GROUP_ID: id, USER_ID: vera.id })

  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/workgroups/group/${id}/members/`)
  await expect(page.getByTestId(`group-member-${anna.id}`)).toHaveAttribute('data-role', 'A')
  await page.getByTestId(`group-member-owner-${vera.id}`).click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId(`group-member-${vera.id}`)).toHaveAttribute('data-role', 'A')
  await expect(page.getByTestId(`group-member-${anna.id}`)).toHaveAttribute('data-role', 'E')
  // No longer the owner, she cannot hand it over again.
  await expect(page.getByTestId(`group-member-owner-${vera.id}`)).toHaveCount(0)
  const group = (await anna.call('sonet_group.get', { FILTER: { ID: id } }))[0]
  expect(group.OWNER_ID).toBe(String(vera.id))
})

test('the owner gives the group a picture in its settings, and takes it away again', async ({
  page,
}) => {
  const id = String(await anna.call('sonet_group.create', { NAME: 'Picture Club', VISIBLE: 'Y' }))
  await loginAs(page, portal, anna)
  await page.goto(`${portal.url}/workgroups/group/${id}/settings/`)
  await page.getByTestId('group-image-input').setInputFiles({
    name: 'club.png',
    mimeType: 'image/png',
    buffer: pngSquare(24, [40, 160, 90]),
  })
  await page.getByTestId('group-settings-save').click()
  await expect
    .poll(async () => (await anna.call('sonet_group.get', { FILTER: { ID: id } }))[0].IMAGE)
    .toMatch(/\/upload\//)
  const src = (await anna.call('sonet_group.get', { FILTER: { ID: id } }))[0].IMAGE
  // The page's header and the groups list show it (the kit's avatar is the img itself or holds it).
  const avatarImg = 'img[data-testid="group-avatar"], [data-testid="group-avatar"] img'
  await expect(page.locator(avatarImg).first()).toHaveAttribute('src', src)
  await page.goto(`${portal.url}/workgroups`)
  await page.getByTestId('groups-search').fill('Picture')
  await expect(page.getByTestId(`group-row-${id}`).locator(avatarImg)).toHaveAttribute('src', src)

  await page.goto(`${portal.url}/workgroups/group/${id}/settings/`)
  await page.getByTestId('group-image-remove').click()
  await page.getByTestId('group-settings-save').click()
  await expect
    .poll(async () => (await anna.call('sonet_group.get', { FILTER: { ID: id } }))[0].IMAGE)
    .toBe('')
  await expect(page.locator(avatarImg)).toHaveCount(0)
})
