import { expect, test, type Browser, type Page } from '@playwright/test'
import { startSmtp } from '../support/smtp.mjs'
import {
  api,
  choose,
  credentialsIn,
  login,
  nextWeekday,
  pngSquare,
  startEnglishPortal,
  type Portal,
} from './helpers'
import { loginAs, person, type Person } from './tasks-helpers'

// The client ticket desk (seed 004): a studio's client logs in with the login and password the
// portal e-mailed them, opens tickets, talks with the studio in comments, answers when the
// studio needs it, and accepts the work or sends it back with remarks.
let smtp: Awaited<ReturnType<typeof startSmtp>>
let portal: Portal
let manager: Person
let companyId: number
let mainSite: number
const SHOP = 'https://shop.alfa.example'
const CLIENT_EMAIL = `klara.${Date.now()}@alfa.example`
let contactId: number
let contactMail: { subject: string; text: string; to: string[] }
let client: { login: string; password: string }

test.beforeAll(async () => {
  smtp = await startSmtp()
  // The notice e-mails of the desk go out in digests: scaled down to seconds.
  portal = await startEnglishPortal({ smtp: smtp.url, env: { ARTEL_JOBS_SCALE: '60' } })
  manager = await person(portal, 'Lyudmila', 'Sadovnikova')
  // The studio (the administrator, through the API) sets up its client: the company, its two
  // sites and its contact, whom the portal e-mails the login and password.
  companyId = await api(portal, 'helpdesk.company.add', {
    FIELDS: { TITLE: 'Alfa Ltd', RESPONSIBLE_ID: manager.id },
  })
  mainSite = await api(portal, 'helpdesk.site.add', {
    FIELDS: { COMPANY_ID: companyId, URL: 'https://alfa.example' },
  })
  await api(portal, 'helpdesk.site.add', { FIELDS: { COMPANY_ID: companyId, URL: SHOP } })
  contactId = await api(portal, 'helpdesk.contact.add', {
    FIELDS: { COMPANY_ID: companyId, NAME: 'Klara', LAST_NAME: 'Klientova', EMAIL: CLIENT_EMAIL },
  })
  contactMail = await smtp.waitFor(
    (m: { to: string[] }) => m.to.some((to) => to.includes(CLIENT_EMAIL)),
    20_000,
  )
  client = credentialsIn(contactMail, CLIENT_EMAIL)
})
test.afterAll(async () => {
  await portal?.stop()
  await smtp?.stop()
})

/** The client's own browser, logged in with what the e-mail said; they land on the desk. */
async function clientBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, portal, client.login, client.password)
  await expect(page).toHaveURL(/\/helpdesk$/)
  return page
}

/** A ticket of the client's, opened by the studio through the API. */
async function ticketOfClient(title: string): Promise<string> {
  const id = await api(portal, 'helpdesk.ticket.add', {
    FIELDS: { TITLE: title, COMPANY_ID: companyId, SITE_ID: mainSite, CONTACT_ID: contactId },
  })
  return String(id)
}

async function comment(page: Page, text: string) {
  await page.getByTestId('ticket-comment-editor-input').click()
  await page.keyboard.type(text)
  await page.getByTestId('ticket-comment-send').click()
  await expect(page.getByTestId('ticket-comment-text').last()).toContainText(text)
}

test('a client logs in with the e-mailed password and opens a ticket, as the seed’s five steps', async ({
  browser,
}) => {
  // Step 1: the e-mail names the login and the password; the client logs in with them.
  expect(contactMail.subject).toContain('Test Company')
  expect(contactMail.text).toContain(portal.url)
  const page = await clientBrowser(browser)
  // The client's shell: the desk alone (they are in no workgroup), and the studio's hours.
  await expect(page.getByTestId('side-menu').getByRole('link')).toHaveCount(1)
  await expect(page.getByTestId('menu-helpdesk')).toBeVisible()
  await expect(page.getByTestId('helpdesk-hours')).toHaveText('Studio hours: Mon–Fri 10:00–19:00')
  await expect(page.getByTestId('ticket-list-empty')).toBeVisible()
  await expect(page.getByTestId('helpdesk-tab-board')).toHaveCount(0)

  // Step 2: "Create ticket" at the top right.
  await page.getByTestId('ticket-create').click()
  await expect(page).toHaveURL(/\/helpdesk\/new$/)

  // Step 3: title, site (two to choose from), the contact filled in, details, desired date,
  // a file, the priority, Save.
  await page.getByTestId('ticket-form-title').fill('The order form does not send')
  await choose(page, 'ticket-form-site', SHOP)
  await expect(page.getByTestId('ticket-form-contact')).toContainText('Klara Klientova')
  await page
    .getByTestId('ticket-form-description')
    .fill('On https://shop.alfa.example/order the "Send" button does nothing.')
  await page.getByTestId('ticket-form-date').fill(nextWeekday(3))
  await page.getByTestId('ticket-form-time').fill('12:30')
  await expect(page.getByTestId('ticket-form-outside-hours')).toHaveCount(0)
  await page.getByTestId('ticket-form-files').setInputFiles({
    name: 'screenshot.png',
    mimeType: 'image/png',
    buffer: pngSquare(16),
  })
  await expect(page.getByTestId('ticket-form-file')).toHaveText('screenshot.png')
  await choose(page, 'ticket-form-priority', 'High')
  await page.screenshot({ path: test.info().outputPath('ticket-form.png'), fullPage: true })
  await page.getByTestId('ticket-form-submit').click()

  // Step 4: the new ticket's card opens, with everything that was filled in.
  await expect(page).toHaveURL(/\/helpdesk\/ticket\/\d+$/)
  const id = /\/ticket\/(\d+)$/.exec(page.url())![1]
  await expect(page.getByTestId('ticket-title')).toContainText('The order form does not send')
  await expect(page.getByTestId('ticket-status')).toHaveText('In queue')
  await expect(page.getByTestId('ticket-site')).toHaveText(SHOP)
  await expect(page.getByTestId('ticket-contact')).toHaveText('Klara Klientova')
  await expect(page.getByTestId('ticket-priority')).toHaveText('High')
  await expect(page.getByTestId('ticket-description')).toContainText('"Send" button')
  await expect(page.getByTestId('ticket-desired-date')).toContainText('12:30')
  await expect(page.getByTestId('ticket-outside-hours')).toHaveCount(0)
  await expect(page.getByTestId('ticket-file-name')).toHaveText('screenshot.png')

  // Step 5: a comment with a file, in the field on the right.
  await page.getByTestId('ticket-comment-files').setInputFiles({
    name: 'second.png',
    mimeType: 'image/png',
    buffer: pngSquare(8),
  })
  await comment(page, 'The same happens on the phone.')
  await expect(page.getByTestId('ticket-comment-file')).toHaveText('second.png')
  await expect(page.getByTestId('ticket-comment-side')).toHaveText('Client')
  await page.screenshot({ path: test.info().outputPath('ticket-card-client.png'), fullPage: true })

  const saved = await api(portal, 'helpdesk.ticket.get', { ID: id })
  expect(saved).toMatchObject({
    SITE_URL: SHOP,
    CONTACT_ID: String(contactId),
    PRIORITY: 'HIGH',
    STATUS: 'QUEUE',
    RESPONSIBLE_ID: String(manager.id),
  })
  expect(saved.FILES.map((f: { name: string }) => f.name)).toEqual(['screenshot.png'])

  // The list shows it with its status.
  await page.getByTestId('menu-helpdesk').click()
  await expect(page.getByTestId(`ticket-status-${id}`)).toHaveText('In queue')
  await page.screenshot({ path: test.info().outputPath('ticket-list-client.png'), fullPage: true })
  await page.context().close()
})

test('the studio answers in its own browser; the client answers and accepts the work, live', async ({
  page,
  browser,
}) => {
  const title = 'Replace the logo'
  const id = await ticketOfClient(title)
  const theirs = await clientBrowser(browser)
  await expect(theirs.getByTestId(`ticket-status-${id}`)).toHaveText('In queue')
  await theirs.getByTestId(`ticket-link-${id}`).click()
  await expect(theirs.getByTestId('ticket-status')).toHaveText('In queue')

  // The studio sees it in the queue, and on the board takes it into work.
  await loginAs(page, portal, manager)
  await page.getByTestId('menu-helpdesk').click()
  await expect(page.getByTestId(`ticket-status-${id}`)).toHaveText('In queue')
  await expect(page.getByTestId(`ticket-company-${id}`)).toHaveText('Alfa Ltd')
  await page.screenshot({ path: test.info().outputPath('ticket-list-studio.png'), fullPage: true })
  await page.getByTestId('helpdesk-tab-board').click()
  await expect(
    page.getByTestId('helpdesk-list-QUEUE').getByTestId(`helpdesk-card-${id}`),
  ).toBeVisible()
  await page.getByTestId(`helpdesk-card-${id}`).dragTo(page.getByTestId('helpdesk-list-IN_WORK'))
  await expect(
    page.getByTestId('helpdesk-list-IN_WORK').getByTestId(`helpdesk-card-${id}`),
  ).toBeVisible()
  await expect(theirs.getByTestId('ticket-status')).toHaveText('In work')

  await page.screenshot({ path: test.info().outputPath('board.png'), fullPage: true })
  // It comments: the client sees it without a reload, marked as the studio's.
  await page.getByTestId(`helpdesk-card-title-${id}`).click()
  await expect(page.getByTestId('ticket-title')).toContainText(title)
  await comment(page, 'Which file should the new logo come from?')
  await expect(theirs.getByTestId('ticket-comment-text')).toContainText('Which file')
  await expect(theirs.getByTestId('ticket-comment-side')).toHaveText('Studio')

  // "Needs clarification": the client sees the status and the hint, and gets an e-mail.
  await choose(page, 'ticket-status-select', 'Needs clarification')
  await expect(page.getByTestId('ticket-status')).toHaveText('Needs clarification')
  await expect(theirs.getByTestId('ticket-status')).toHaveText('Needs clarification')
  await expect(theirs.getByTestId('ticket-need-info')).toBeVisible()
  await theirs.screenshot({ path: test.info().outputPath('need-info-client.png'), fullPage: true })
  await smtp.waitFor(
    (m: { to: string[]; text: string }) =>
      m.to.some((to) => to.includes(CLIENT_EMAIL)) && m.text.includes(title),
    20_000,
  )

  // The client answers: the ticket is back in work, on both sides.
  await comment(theirs, 'Take it from the brand book, page 3.')
  await expect(theirs.getByTestId('ticket-status')).toHaveText('In work')
  await expect(theirs.getByTestId('ticket-need-info')).toHaveCount(0)
  await expect(page.getByTestId('ticket-status')).toHaveText('In work')
  await expect(page.getByTestId('ticket-comment-text').last()).toContainText('brand book')

  // Done: awaiting acceptance; the client presses the green "Accept work".
  await choose(page, 'ticket-status-select', 'Awaiting acceptance')
  await expect(theirs.getByTestId('ticket-accept-hint')).toBeVisible()
  await theirs.screenshot({ path: test.info().outputPath('accept-client.png'), fullPage: true })
  await theirs.getByTestId('ticket-accept').click()
  await expect(theirs.getByTestId('ticket-status')).toHaveText('Accepted')
  await expect(theirs.getByTestId('ticket-accept')).toHaveCount(0)
  await expect(page.getByTestId('ticket-status')).toHaveText('Accepted')
  await page.screenshot({ path: test.info().outputPath('studio-card.png'), fullPage: true })
  expect((await api(portal, 'helpdesk.ticket.get', { ID: id })).STATUS).toBe('ACCEPTED')
  await theirs.context().close()
})

test('a ticket awaiting acceptance goes back to work with the client’s remarks', async ({
  browser,
}) => {
  const page = await clientBrowser(browser)
  // A desired date on a Saturday is outside the studio's hours: the client is warned, and
  // saves it anyway.
  await page.getByTestId('ticket-create').click()
  await page.getByTestId('ticket-form-title').fill('Add a delivery page')
  await choose(page, 'ticket-form-site', 'https://alfa.example')
  await page.getByTestId('ticket-form-date').fill(nextWeekday(6))
  await expect(page.getByTestId('ticket-form-outside-hours')).toContainText('Mon–Fri 10:00–19:00')
  await page.getByTestId('ticket-form-submit').click()
  await expect(page.getByTestId('confirm-dialog')).toBeVisible()
  await page.getByTestId('confirm-ok').click()
  await expect(page).toHaveURL(/\/helpdesk\/ticket\/\d+$/)
  const id = /\/ticket\/(\d+)$/.exec(page.url())![1]
  await expect(page.getByTestId('ticket-outside-hours')).toBeVisible()
  // Still in the queue, its author may delete it; once the studio works on it, no more.
  await expect(page.getByTestId('ticket-delete')).toBeVisible()

  // The studio reports it done.
  await api(portal, 'helpdesk.ticket.status.set', { ID: id, STATUS: 'WAITING_ACCEPTANCE' })
  await expect(page.getByTestId('ticket-status')).toHaveText('Awaiting acceptance')
  await expect(page.getByTestId('ticket-accept')).toBeVisible()
  await expect(page.getByTestId('ticket-delete')).toHaveCount(0)

  // The client has remarks: a comment sends it back to work.
  await comment(page, 'The delivery prices are missing.')
  await expect(page.getByTestId('ticket-status')).toHaveText('In work')
  await expect(page.getByTestId('ticket-accept')).toHaveCount(0)
  expect((await api(portal, 'helpdesk.ticket.get', { ID: id })).STATUS).toBe('IN_WORK')
  await page.getByTestId('menu-helpdesk').click()
  await expect(page.getByTestId(`ticket-status-${id}`)).toHaveText('In work')
  await page.context().close()
})

test('the studio adds a client company with a site and a contact, and sets its hours', async ({
  page,
}) => {
  const email = `boris.${Date.now()}@beta.example`
  await login(page, portal)
  await page.goto(`${portal.url}/helpdesk/companies`)
  await page.getByTestId('companies-create').click()
  await page.getByTestId('company-form-title').fill('Beta LLC')
  await page.getByTestId('company-create-submit').click()
  await expect(page).toHaveURL(/\/helpdesk\/companies\/\d+$/)
  const id = /\/companies\/(\d+)$/.exec(page.url())![1]
  await expect(page.getByTestId('company-form-title')).toHaveValue('Beta LLC')

  // A site that is no address is refused with the server's word; a good one is added.
  await page.getByTestId('company-site-input').fill('beta')
  await page.getByTestId('company-site-add').click()
  await expect(page.getByTestId('company-sites')).toContainText('URL')
  await page.getByTestId('company-site-input').fill('https://beta.example')
  await page.getByTestId('company-site-add').click()
  await expect(page.getByTestId('company-site-url')).toHaveText('https://beta.example')

  // A contact: they are e-mailed their login and password.
  await page.getByTestId('company-contact-add').click()
  await page.getByTestId('contact-add-name').fill('Boris')
  await page.getByTestId('contact-add-last-name').fill('Betov')
  await page.getByTestId('contact-add-email').fill(email)
  await page.getByTestId('contact-add-phone').fill('+373 22 000 000')
  await page.getByTestId('contact-add-submit').click()
  await expect(page.getByTestId('company-contact-name')).toHaveText('Boris Betov')
  await page.screenshot({ path: test.info().outputPath('company.png'), fullPage: true })
  const mail = await smtp.waitFor(
    (m: { to: string[] }) => m.to.some((to) => to.includes(email)),
    20_000,
  )
  expect(credentialsIn(mail, email).password.length).toBeGreaterThan(5)
  const company = await api(portal, 'helpdesk.company.get', { ID: id })
  expect(company).toMatchObject({ TITLE: 'Beta LLC', SITES: [{ URL: 'https://beta.example' }] })

  // The administrator sets the studio's hours: Saturday becomes a working day.
  await page.getByTestId('helpdesk-tab-companies').click()
  await expect(page.getByTestId(`company-row-${id}`)).toContainText('1 contact')
  await page.getByTestId('work-hours-day-6').click()
  await page.getByTestId('work-hours-from').fill('09:00')
  await page.getByTestId('work-hours-save').click()
  await expect
    .poll(async () => (await api(portal, 'helpdesk.settings.get')).WORK_DAYS.map(Number))
    .toEqual([1, 2, 3, 4, 5, 6])
  await page.getByTestId('helpdesk-tab-list').click()
  await expect(page.getByTestId('helpdesk-hours')).toHaveText('Studio hours: Mon–Sat 09:00–19:00')
  await page.screenshot({ path: test.info().outputPath('list-admin.png'), fullPage: true })
})

test('the studio links the task its time is tracked on, and unlinks it', async ({ page }) => {
  const id = await ticketOfClient('Speed up the catalogue')
  const task = await manager.call('tasks.task.add', {
    fields: { TITLE: 'Catalogue caching', RESPONSIBLE_ID: manager.id, ALLOW_TIME_TRACKING: 'Y' },
  })
  const taskId = String(task.task.id)
  await manager.call('task.elapseditem.add', [taskId, { SECONDS: 5400, COMMENT_TEXT: 'Caching' }])

  await loginAs(page, portal, manager)
  await page.goto(`${portal.url}/helpdesk/ticket/${id}`)
  await expect(page.getByTestId('ticket-task-link')).toHaveCount(0)
  await choose(page, 'ticket-task-picker', /Catalogue caching/)
  await expect(page.getByTestId('ticket-task-link')).toHaveText(`#${taskId}`)
  await expect(page.getByTestId('ticket-time-spent')).toHaveText('spent 1 h 30 min')
  await page.screenshot({ path: test.info().outputPath('linked-task.png'), fullPage: true })
  await page.getByTestId('ticket-task-link').click()
  await expect(page).toHaveURL(new RegExp(`/tasks/task/view/${taskId}/?$`))
  await expect(page.getByTestId('task-title')).toHaveText('Catalogue caching')

  await page.goBack()
  await page.getByTestId('ticket-task-unlink').click()
  await expect(page.getByTestId('ticket-task-link')).toHaveCount(0)
  expect((await api(portal, 'helpdesk.ticket.get', { ID: id })).TASK_ID).toBe('0')
})

test('a client deletes a ticket opened by mistake while it is still in the queue', async ({
  browser,
}) => {
  const page = await clientBrowser(browser)
  await page.getByTestId('ticket-create').click()
  await page.getByTestId('ticket-form-title').fill('Opened by mistake')
  await choose(page, 'ticket-form-site', 'https://alfa.example')
  await page.getByTestId('ticket-form-submit').click()
  await expect(page).toHaveURL(/\/helpdesk\/ticket\/\d+$/)
  const id = /\/ticket\/(\d+)$/.exec(page.url())![1]
  await page.getByTestId('ticket-delete').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page).toHaveURL(/\/helpdesk$/)
  await expect(page.getByTestId(`ticket-row-${id}`)).toHaveCount(0)
  const r = await portal.call('helpdesk.ticket.get', { ID: id })
  expect(r.body.error).toBe('ERROR_NOT_FOUND')
  await page.context().close()
})
