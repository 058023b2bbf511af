import { expect, test, type Browser, type Page } from '@playwright/test'
import { api, login, sessionCall, startEnglishPortal, type Person, type Portal } from './helpers'

let portal: Portal
let sales: number
let groupId: string
let anna: Person
let boris: Person
let carl: Person

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  sales = await api(portal, 'department.add', { NAME: 'Sales', PARENT: 1 })
  anna = (await portal.addEmployee({
    NAME: 'Anna',
    LAST_NAME: 'Author',
    UF_DEPARTMENT: [sales],
  })) as Person
  boris = (await portal.addEmployee({
    NAME: 'Boris',
    LAST_NAME: 'Reader',
    UF_DEPARTMENT: [sales],
  })) as Person
  carl = (await portal.addEmployee({ NAME: 'Carl', LAST_NAME: 'Outsider' })) as Person
  groupId = String(
    await sessionCall(anna, 'sonet_group.create', { NAME: 'Design team', VISIBLE: 'N' }),
  )
  await sessionCall(anna, 'sonet_group.user.add', { GROUP_ID: groupId, USER_ID: [boris.id] })
})
test.afterAll(async () => {
  await portal?.stop()
})

/** A person's own browser, logged in; employees land on the feed. */
async function open(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await login(page, portal, person.email, person.password)
  await expect(page).toHaveURL(/\/feed$/)
  await expect(page.getByTestId('feed-page')).toBeVisible()
  return page
}

test('an important message with a poll to a department: read and voted live', async ({
  browser,
}) => {
  const author = await open(browser, anna)
  const reader = await open(browser, boris)

  // Anna writes to her department only: the "all employees" chip goes, Sales comes.
  await author.getByTestId('feed-composer-open').click()
  await author.getByTestId('feed-composer-title').fill('Office move on Monday')
  await author.getByTestId('feed-composer-text-input').click()
  await author.keyboard.type('We move to the third floor. Please confirm.')
  await author.getByTestId('feed-composer-recipients-remove-UA').click()
  await author.getByTestId('feed-composer-recipients-add').click()
  await author.getByRole('option', { name: 'Sales' }).click()
  await author.keyboard.press('Escape')
  await expect(author.getByTestId(`feed-composer-recipients-chip-DR${sales}`)).toBeVisible()
  await author.getByTestId('feed-composer-important').click()
  await author.getByTestId('feed-composer-poll').click()
  await author.getByTestId('feed-poll-question-input').fill('Which time suits you?')
  await author.getByTestId('feed-poll-answer-input-0').fill('Morning')
  await author.getByTestId('feed-poll-answer-input-1').fill('Afternoon')
  await author.getByTestId('feed-composer-send').click()

  const mine = author
    .locator('[data-entry-type="post"]')
    .filter({ hasText: 'Office move on Monday' })
  await expect(mine).toBeVisible()
  const id = await mine.getAttribute('data-entry-id')
  await expect(mine.getByTestId('feed-entry-dest')).toContainText('Sales')
  await expect(mine.getByTestId('feed-important-status')).toHaveAttribute('data-count', '0')

  // Boris's open feed shows it without a reload: important, with the poll still to vote.
  const theirs = reader.getByTestId(`feed-entry-${id}`)
  await expect(theirs.getByTestId('feed-entry-title')).toHaveText('Office move on Monday')
  await expect(theirs.getByTestId('feed-entry-text')).toContainText('third floor')
  await expect(theirs.getByTestId('feed-important-read')).toBeVisible()
  await expect(theirs.getByTestId(/^feed-poll-result-/)).toHaveCount(0)

  // He votes: the results show after his vote; then he confirms reading.
  await theirs
    .getByTestId(/^feed-poll-option-/)
    .first()
    .check()
  await theirs.getByTestId('feed-poll-vote').click()
  const first = theirs.getByTestId(/^feed-poll-result-/).first()
  await expect(first).toHaveAttribute('data-percent', '100')
  await expect(theirs.getByTestId('feed-poll-voters')).toHaveText('1 person voted')
  await theirs.getByTestId('feed-important-read').click()
  await expect(theirs.getByTestId('feed-important-done')).toBeVisible()

  // Anna's page follows live: one vote, one reader — and she sees who.
  await expect(mine.getByTestId('feed-poll-voters')).toHaveText('1 person voted')
  await expect(mine.getByTestId('feed-important-status')).toHaveAttribute('data-count', '1')
  await mine.getByTestId('feed-important-status').click()
  await expect(author.getByTestId('feed-read-summary')).toHaveText('Read by 1 of 1')
  await expect(author.getByTestId('feed-read-person')).toContainText('Boris Reader')
  await expect(author.getByTestId('feed-unread-person')).toHaveCount(0)
  await author.keyboard.press('Escape')

  // Closing the poll reaches Boris too: no more votes.
  await mine.getByTestId('feed-poll-close').click()
  await expect(theirs.getByTestId('feed-poll-closed')).toBeVisible()
  await expect(theirs.getByTestId('feed-poll-change')).toHaveCount(0)
  await author.context().close()
  await reader.context().close()
})

test('a comment, an answer to it and likes appear live in the other browser', async ({
  browser,
}) => {
  const id = String(
    await sessionCall(anna, 'log.blogpost.add', {
      POST_TITLE: 'Lunch plans',
      POST_MESSAGE: 'Pizza on Friday?',
      DEST: [`DR${sales}`],
    }),
  )
  const author = await open(browser, anna)
  const reader = await open(browser, boris)
  const mine = author.getByTestId(`feed-entry-${id}`)
  const theirs = reader.getByTestId(`feed-entry-${id}`)
  await expect(theirs).toBeVisible()

  // Boris comments.
  await theirs.getByTestId('feed-entry-comment').click()
  await theirs.getByTestId('feed-comment-editor-input').click()
  await reader.keyboard.type('Yes, with olives')
  await theirs.getByTestId('feed-comment-send').click()

  // Anna sees it arrive and answers it.
  const comment = mine.locator('article[data-parent="0"]')
  await expect(comment.getByTestId('feed-comment-text')).toHaveText('Yes, with olives')
  await expect(mine.getByTestId('feed-entry-comments-count')).toHaveText('1')
  const commentId = (await comment.getAttribute('data-testid'))!.replace('feed-comment-', '')
  await mine.getByTestId(`feed-comment-reply-${commentId}`).click()
  await author.keyboard.type('Olives it is')
  await mine.getByTestId('feed-comment-send').click()

  // The answer sits under Boris's comment in his browser; he likes it.
  const answer = theirs.locator(`article[data-parent="${commentId}"]`)
  await expect(answer.getByTestId('feed-comment-text')).toHaveText('Olives it is')
  const answerId = (await answer.getAttribute('data-testid'))!.replace('feed-comment-', '')
  await answer.getByTestId(`feed-comment-like-${answerId}`).click()
  await expect(mine.getByTestId(`feed-comment-like-${answerId}-count`)).toHaveText('1')

  // Anna likes the post; Boris sees the count and who it was.
  await mine.getByTestId('feed-entry-like').click()
  await expect(mine.getByTestId('feed-entry-like')).toHaveAttribute('data-mine', 'Y')
  await expect(theirs.getByTestId('feed-entry-like-count')).toHaveText('1')
  await theirs.getByTestId('feed-entry-like-count').click()
  await expect(reader.getByTestId('feed-entry-like-list')).toContainText('Anna Author')
  await author.context().close()
  await reader.context().close()
})

test('a post to a group reaches its members only; the menu counts it until the feed opens', async ({
  browser,
}) => {
  const member = await open(browser, boris)
  const outsider = await open(browser, carl)
  // Boris works elsewhere in the portal: the menu tells him of new entries.
  await member.getByTestId('menu-tasks').click()
  await expect(member).toHaveURL(/\/tasks$/)
  await expect(member.getByTestId('menu-feed-counter')).toHaveCount(0)

  const secret = String(
    await sessionCall(anna, 'log.blogpost.add', {
      POST_TITLE: 'Design review',
      POST_MESSAGE: 'Only for the design team',
      DEST: [`SG${groupId}`],
    }),
  )
  await expect(member.getByTestId('menu-feed-counter')).toHaveText('1')

  // A later post to everyone reaches Carl live; the group's post, sent before it, did not.
  const open_ = String(
    await sessionCall(anna, 'log.blogpost.add', {
      POST_TITLE: 'Coffee machine fixed',
      POST_MESSAGE: 'Enjoy',
    }),
  )
  await expect(outsider.getByTestId(`feed-entry-${open_}`)).toBeVisible()
  await expect(outsider.getByTestId(`feed-entry-${secret}`)).toHaveCount(0)
  await expect(outsider.getByText('Design review')).toHaveCount(0)
  const seenByCarl = await sessionCall(carl, 'log.feed.get', { FILTER: { ID: secret } })
  expect(seenByCarl.entries).toEqual([])
  // Even the notice-style link to it shows nothing of it.
  await outsider.goto(`${portal.url}/feed/?entry=${secret}`)
  await expect(outsider.getByTestId('feed-entry-missing')).toBeVisible()
  await expect(outsider.getByTestId(`feed-entry-${secret}`)).toHaveCount(0)

  // Boris: two new entries; opening the feed shows them and the counter goes.
  await expect(member.getByTestId('menu-feed-counter')).toHaveText('2')
  await member.getByTestId('menu-feed').click()
  await expect(member.getByTestId(`feed-entry-${secret}`)).toContainText('Design review')
  await expect(
    member.getByTestId(`feed-entry-${secret}`).getByTestId('feed-entry-dest'),
  ).toContainText('Design team')
  await expect(member.getByTestId(`feed-entry-${open_}`)).toBeVisible()
  await expect(member.getByTestId('menu-feed-counter')).toHaveCount(0)
  expect((await sessionCall(boris, 'log.feed.counter')).NEW).toBe(0)

  // The group filter keeps to the group's entries.
  await member.goto(`${portal.url}/feed?group=${groupId}`)
  await expect(member.getByTestId(`feed-entry-${secret}`)).toBeVisible()
  await expect(member.getByTestId(`feed-entry-${open_}`)).toHaveCount(0)
  await member.context().close()
  await outsider.context().close()
})

test('the administrator limits who writes to everyone; a post becomes a task', async ({
  page,
  browser,
}) => {
  // The administrator lets only Anna write to all employees (A8).
  await login(page, portal)
  await page.goto(`${portal.url}/settings`)
  await page.getByTestId('feed-settings-restrict').click()
  await page.getByTestId('feed-settings-writers').click()
  await page.getByRole('option', { name: /Anna Author/ }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('feed-settings-save').click()
  await expect
    .poll(async () => (await api(portal, 'log.settings.get')).EVERYONE_ALLOWED)
    .toEqual([String(anna.id)])

  // Boris is not offered "all employees": he chooses recipients himself.
  const reader = await open(browser, boris)
  await reader.getByTestId('feed-composer-open').click()
  await expect(reader.getByTestId('feed-composer-recipients-chip-UA')).toHaveCount(0)
  await reader.getByTestId('feed-composer-text-input').click()
  await reader.keyboard.type('Can we order new chairs?')
  await reader.getByTestId('feed-composer-send').click()
  await expect(reader.getByTestId('feed-composer-problem')).toHaveText(
    'Choose whom the message is for.',
  )
  await reader.getByTestId('feed-composer-recipients-add').click()
  await expect(reader.getByRole('option', { name: 'All employees' })).toHaveCount(0)
  await reader.getByRole('option', { name: /Anna Author/ }).click()
  await reader.keyboard.press('Escape')
  await reader.getByTestId('feed-composer-send').click()
  const post = reader.locator('[data-entry-type="post"]').filter({ hasText: 'new chairs' })
  await expect(post.getByTestId('feed-entry-dest')).toContainText('Anna Author')

  // Anna turns it into a task: the form opens with the text and a link back to the post.
  const author = await open(browser, anna)
  const id = await post.getAttribute('data-entry-id')
  const hers = author.getByTestId(`feed-entry-${id}`)
  await hers.getByTestId('feed-entry-menu').click()
  await author.getByTestId('feed-entry-action-task').click()
  await expect(author).toHaveURL(/\/tasks\/task\/new\?/)
  await expect(author.getByTestId('task-form-title')).toHaveValue('Can we order new chairs?')
  await expect(author.getByTestId('task-form-description')).toContainText('The post in the feed')
  await api(portal, 'log.settings.set', { EVERYONE_ALLOWED: [] })
  await reader.context().close()
  await author.context().close()
})
