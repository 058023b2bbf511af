import { expect, test, type Page } from '@playwright/test'
import { startEnglishPortal, type Portal } from './helpers'
import { addTask, loginAs, person, type Person } from './tasks-helpers'

let portal: Portal
let owner: Person
let member: Person
let groupId: string
let stages: string[]

/** The stage of a task as the server has it. */
async function stageOf(taskId: string): Promise<string> {
  const r = await owner.call('tasks.task.get', { taskId, select: ['ID', 'STAGE_ID'] })
  return String(r.task.stageId)
}

function card(page: Page, stageId: string, taskId: string) {
  return page.getByTestId(`board-list-${stageId}`).getByTestId(`board-card-${taskId}`)
}

async function openBoard(page: Page, who: Person) {
  await loginAs(page, portal, who)
  await page.goto(`${portal.url}/workgroups/group/${groupId}/tasks/board/`)
  await expect(page.getByTestId('group-board')).toBeVisible()
}

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  owner = await person(portal, 'Olga', 'Petrova')
  member = await person(portal, 'Mark', 'Ivanov')
  groupId = String(await owner.call('sonet_group.create', { NAME: 'Shop support', OPENED: 'Y' }))
  await owner.call('sonet_group.user.add', { GROUP_ID: groupId, USER_ID: [member.id] })
  const r = await owner.call('task.stages.get', { entityId: Number(groupId) })
  stages = Object.values(r as Record<string, { ID: string; SORT: string }>)
    .sort((a, b) => Number(a.SORT) - Number(b.SORT))
    .map((s) => String(s.ID))
})
test.afterAll(async () => {
  await portal?.stop()
})

test('two browsers on one board: a card dragged in one moves in the other without a reload', async ({
  page,
  browser,
}) => {
  const [first, second] = stages
  const moving = await addTask(owner, { TITLE: 'Fix the checkout button', GROUP_ID: groupId })
  const staying = await addTask(owner, { TITLE: 'Update the price list', GROUP_ID: groupId })

  await openBoard(page, owner)
  const theirs = await browser.newContext()
  const other = await theirs.newPage()
  await openBoard(other, member)
  for (const p of [page, other]) {
    await expect(card(p, first, moving)).toBeVisible()
    await expect(card(p, first, staying)).toBeVisible()
  }

  await page.getByTestId(`board-card-${moving}`).dragTo(page.getByTestId(`board-list-${second}`))
  await expect(card(page, second, moving)).toBeVisible()
  await expect.poll(() => stageOf(moving)).toBe(second)
  await expect(page.getByTestId(`board-column-count-${second}`)).toHaveText('1')

  // The member's board follows at once.
  await expect(card(other, second, moving)).toBeVisible()
  await expect(card(other, first, moving)).toHaveCount(0)
  await expect(other.getByTestId(`board-column-count-${first}`)).toHaveText('1')
  await expect(other.getByTestId(`board-column-count-${second}`)).toHaveText('1')

  // A task added elsewhere appears on both boards too.
  const added = await addTask(member, { TITLE: 'Answer the new review', GROUP_ID: groupId })
  await expect(card(page, first, added)).toBeVisible()
  await expect(card(other, first, added)).toBeVisible()
  await theirs.close()
})

test('a move the board forbids puts the card back and says why', async ({ page }) => {
  const [first, , third] = stages
  // Only the owner and the moderators move cards now.
  await owner.call('sonet_group.update', { GROUP_ID: groupId, MOVE_PERMS: 'E' })
  const task = await addTask(owner, { TITLE: 'Renew the certificate', GROUP_ID: groupId })

  await openBoard(page, member)
  await expect(card(page, first, task)).toBeVisible()
  await page.getByTestId(`board-card-${task}`).dragTo(page.getByTestId(`board-list-${third}`))

  // The toast tells the refusal and the server's reason under it.
  await expect(
    page.getByText('The board’s rules do not let you move this card', { exact: true }),
  ).toBeVisible()
  await expect(page.getByText(/^You may not move this task/)).toBeVisible()
  await expect(card(page, first, task)).toBeVisible()
  await expect(card(page, third, task)).toHaveCount(0)
  expect(await stageOf(task)).not.toBe(third)
  await owner.call('sonet_group.update', { GROUP_ID: groupId, MOVE_PERMS: 'K' })
})
