import { expect, test, type Browser, type Page } from '@playwright/test'
import { login, sessionCall, startEnglishPortal, type Person, type Portal } from './helpers'

// A workgroup's own feed (the group page's Feed tab): members write to the group and see each
// other's posts arrive live; an outside client of an extranet group writes to it too; an
// employee outside a hidden group cannot reach it.
let portal: Portal
let anna: Person
let boris: Person
let carl: Person
let xena: Person
let groupId: string
let clientGroupId: string

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = (await portal.addEmployee({ NAME: 'Anna', LAST_NAME: 'Owner' })) as Person
  boris = (await portal.addEmployee({ NAME: 'Boris', LAST_NAME: 'Member' })) as Person
  carl = (await portal.addEmployee({ NAME: 'Carl', LAST_NAME: 'Outsider' })) as Person
  xena = (await portal.addEmployee({
    NAME: 'Xena',
    LAST_NAME: 'Client',
    EXTRANET: 'Y',
    UF_DEPARTMENT: [],
  })) as Person
  groupId = String(
    await sessionCall(anna, 'sonet_group.create', { NAME: 'Design team', VISIBLE: 'N' }),
  )
  await sessionCall(anna, 'sonet_group.user.add', { GROUP_ID: groupId, USER_ID: [boris.id] })
  clientGroupId = String(
    await sessionCall(anna, 'sonet_group.create', {
      NAME: 'Alpha Ltd',
      IS_EXTRANET: 'Y',
      VISIBLE: 'N',
    }),
  )
  await sessionCall(anna, 'sonet_group.user.add', { GROUP_ID: clientGroupId, USER_ID: [xena.id] })
})
test.afterAll(async () => {
  await portal?.stop()
})

/** A person's own browser, logged in. */
async function open(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await login(page, portal, person.email, person.password)
  return page
}

/** The group's page, on its Feed tab reached from the tabs. */
async function openGroupFeed(page: Page, id: string) {
  await page.goto(`${portal.url}/workgroups/group/${id}/tasks/`)
  await page.getByTestId('group-tab-feed').click()
  await expect(page).toHaveURL(new RegExp(`/workgroups/group/${id}/feed/$`))
  await expect(page.getByTestId('group-feed')).toBeVisible()
}

/** Writes a post in the group feed's composer, which starts addressed to the group. */
async function post(page: Page, id: string, title: string, text: string) {
  const feed = page.getByTestId('group-feed')
  await feed.getByTestId('feed-composer-open').click()
  await expect(feed.getByTestId(`feed-composer-recipients-chip-SG${id}`)).toBeVisible()
  await expect(feed.getByTestId('feed-composer-recipients-chip-UA')).toHaveCount(0)
  await feed.getByTestId('feed-composer-title').fill(title)
  await feed.getByTestId('feed-composer-text-input').click()
  await page.keyboard.type(text)
  await feed.getByTestId('feed-composer-send').click()
  const mine = feed.locator('[data-entry-type="post"]').filter({ hasText: title })
  await expect(mine).toBeVisible()
  return mine
}

test("a member posts in the group's feed; another member sees it arrive live and likes it", async ({
  browser,
}) => {
  const author = await open(browser, anna)
  const reader = await open(browser, boris)
  await openGroupFeed(author, groupId)
  await openGroupFeed(reader, groupId)
  await expect(reader.getByTestId('feed-composer')).toBeVisible()

  const mine = await post(author, groupId, 'Logo drafts', 'Three drafts are ready for review.')
  const id = await mine.getAttribute('data-entry-id')
  await expect(mine.getByTestId('feed-entry-dest')).toContainText('Design team')

  // Boris's open tab shows it without a reload; his like reaches Anna live.
  const theirs = reader.getByTestId('group-feed').getByTestId(`feed-entry-${id}`)
  await expect(theirs.getByTestId('feed-entry-title')).toHaveText('Logo drafts')
  await expect(theirs.getByTestId('feed-entry-text')).toContainText('Three drafts')
  await theirs.getByTestId('feed-entry-like').click()
  await expect(mine.getByTestId('feed-entry-like-count')).toHaveText('1')

  // The post is in the main feed as well.
  await reader.goto(`${portal.url}/feed`)
  await expect(reader.getByTestId('feed-page').getByTestId(`feed-entry-${id}`)).toBeVisible()
  await author.context().close()
  await reader.context().close()
})

test("an outside client writes in their group's feed; the owner sees it live", async ({
  browser,
}) => {
  const owner = await open(browser, anna)
  const client = await open(browser, xena)
  // An outside person lands on their group's board, not on the portal's feed.
  await expect(client).toHaveURL(new RegExp(`/workgroups/group/${clientGroupId}/tasks/board/$`))
  await openGroupFeed(owner, clientGroupId)
  await openGroupFeed(client, clientGroupId)

  const theirs = await post(client, clientGroupId, 'Question', 'When is the next demo?')
  const id = await theirs.getAttribute('data-entry-id')
  await expect(
    owner.getByTestId('group-feed').getByTestId(`feed-entry-${id}`).getByTestId('feed-entry-text'),
  ).toContainText('next demo')
  await owner.context().close()
  await client.context().close()
})

test("an employee outside a hidden group cannot open the group's feed", async ({ browser }) => {
  const outsider = await open(browser, carl)
  await outsider.goto(`${portal.url}/workgroups/group/${groupId}/feed/`)
  await expect(outsider.getByTestId('group-not-found')).toBeVisible()
  await expect(outsider.getByTestId('group-feed')).toHaveCount(0)
  await expect(outsider.getByTestId('feed-composer')).toHaveCount(0)
  await outsider.context().close()
})
