import { expect, test } from '@playwright/test'
import { startSmtp } from '../support/smtp.mjs'
import { invitationLink, login, pngSquare, startEnglishPortal, type Portal } from './helpers'

let smtp: Awaited<ReturnType<typeof startSmtp>>
let portal: Portal

test.beforeAll(async () => {
  smtp = await startSmtp()
  portal = await startEnglishPortal({ smtp: smtp.url })
})
test.afterAll(async () => {
  await portal?.stop()
  await smtp?.stop()
})

test('invite by e-mail, accept in another browser, land in the portal', async ({
  page,
  browser,
}) => {
  const email = `olga.${Date.now()}@example.test`

  await login(page, portal)
  await page.goto(`${portal.url}/company/employees`)
  await page.getByTestId('employees-invite').click()
  await page.getByTestId('invite-emails').fill(email)
  await page.getByTestId('invite-send').click()
  await expect(page.getByTestId('invite-result-ok')).toContainText(email)
  await page.keyboard.press('Escape')

  // The directory lists the person as invited.
  const row = page.getByTestId('employees-table').getByRole('row').filter({ hasText: email })
  await expect(row.getByTestId('status-invited')).toBeVisible()

  const mail = await smtp.waitFor(
    (m: { to: string[] }) => m.to.some((to) => to.includes(email)),
    20_000,
  )
  const link = invitationLink(mail, portal.url)

  // The invited person opens the link in their own browser.
  const theirs = await browser.newContext()
  const guest = await theirs.newPage()
  await guest.goto(link)
  await expect(guest.getByTestId('invite-form')).toBeVisible()
  await guest.getByTestId('invite-name').fill('Olga')
  await guest.getByTestId('invite-last-name').fill('Morozova')
  await guest.getByTestId('invite-password').fill('Olga-secret-42')
  await guest.getByTestId('invite-photo').setInputFiles({
    name: 'olga.png',
    mimeType: 'image/png',
    buffer: pngSquare(16),
  })
  await guest.getByTestId('invite-submit').click()

  await expect(guest.getByTestId('shell')).toBeVisible()
  await expect(guest.getByTestId('user-menu-name')).toHaveText('Olga Morozova')
  // Their photo was saved: the avatar in the top bar shows an image.
  await expect(guest.getByTestId('user-menu').locator('img')).toBeVisible()

  // The link works once only.
  const again = await browser.newContext()
  const other = await again.newPage()
  await other.goto(link)
  await expect(other.getByTestId('invite-invalid')).toBeVisible()
  await again.close()

  // Their new password logs them in.
  await guest.getByTestId('user-menu').click()
  await guest.getByTestId('user-menu-logout').click()
  await login(guest, portal, email, 'Olga-secret-42')
  await theirs.close()

  // The administrator now sees them as an active employee.
  await page.reload()
  const accepted = page.getByTestId('employees-table').getByRole('row').filter({ hasText: email })
  await expect(accepted).toContainText('Olga Morozova')
  await expect(accepted.getByTestId('status-invited')).toHaveCount(0)
})

test('add an employee directly with a password', async ({ page, browser }) => {
  const email = `pavel.${Date.now()}@example.test`
  await login(page, portal)
  await page.goto(`${portal.url}/company/employees`)
  await page.getByTestId('employees-add').click()
  await page.getByTestId('add-name').fill('Pavel')
  await page.getByTestId('add-last-name').fill('Orlov')
  await page.getByTestId('add-email').fill(email)
  await page.getByTestId('add-password').fill('Pavel-secret-7')
  await page.getByTestId('add-position').fill('Accountant')
  await page.getByTestId('add-submit').click()
  // The new profile opens.
  await expect(page.getByTestId('profile-name')).toHaveText('Pavel Orlov')
  await expect(page.getByTestId('profile-position')).toHaveText('Accountant')

  const theirs = await browser.newContext()
  const pavel = await theirs.newPage()
  await login(pavel, portal, email, 'Pavel-secret-7')
  await theirs.close()
})
