import { expect, test } from '@playwright/test'
import { login, startEnglishPortal, type Portal } from './helpers'

const SECTIONS = [
  'feed',
  'tasks',
  'messenger',
  'workgroups',
  'drive',
  'calendar',
  'mail',
  'crm',
  'timeman',
  'bizproc',
  'pulse',
  'helpdesk',
  'company',
  'settings',
  'integrations',
]

let portal: Portal
test.beforeAll(async () => {
  portal = await startEnglishPortal()
})
test.afterAll(async () => {
  await portal?.stop()
})

test('a wrong password is refused with the server sentence', async ({ page }) => {
  await page.goto(portal.url)
  await expect(page).toHaveURL(/\/login/)
  await page.getByTestId('login-email').fill(portal.adminEmail)
  await page.getByTestId('login-password').fill('not-the-password')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('form-error')).toBeVisible()
  await expect(page.getByTestId('form-error')).not.toBeEmpty()
  await expect(page).toHaveURL(/\/login/)
})

test('the administrator sees the shell with every section', async ({ page }) => {
  await login(page, portal)
  await expect(page.getByTestId('portal-name').first()).toHaveText('Test Company')
  const menu = page.getByTestId('side-menu')
  for (const key of SECTIONS) await expect(menu.getByTestId(`menu-${key}`)).toBeVisible()

  // An unbuilt section says so honestly, with its name and what it will do.
  await menu.getByTestId('menu-crm').click()
  await expect(page).toHaveURL(/\/crm$/)
  await expect(page.getByTestId('not-available')).toBeVisible()
  await expect(page.getByTestId('not-available-title')).toHaveText(
    'This section is not available yet',
  )
  await expect(page.getByTestId('not-available-section')).toHaveText('CRM')

  // A deep link to an unbuilt section works too (the server falls back to index.html).
  await page.goto(`${portal.url}/crm/deal/list`)
  await expect(page.getByTestId('not-available')).toHaveAttribute('data-section', 'crm')

  // The notification bell opens an honest empty panel.
  await page.getByTestId('notification-bell').click()
  await expect(page.getByTestId('notification-empty')).toHaveText('No notifications yet')
  await page.keyboard.press('Escape')

  // Built sections open their pages.
  await menu.getByTestId('menu-company').click()
  await expect(page.getByTestId('structure-page')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('shell.png') })
})

test('the top search opens the directory with the query', async ({ page }) => {
  await login(page, portal)
  await page.getByTestId('global-search').fill('admin')
  await page.getByTestId('global-search').press('Enter')
  await expect(page).toHaveURL(/\/company\/employees\?q=admin/)
  await expect(page.getByTestId('employees-search')).toHaveValue('admin')
  await expect(page.getByTestId('employee-name').first()).toBeVisible()
})

test('logging out returns to the login page', async ({ page }) => {
  await login(page, portal)
  await page.getByTestId('user-menu').click()
  await page.getByTestId('user-menu-logout').click()
  await expect(page).toHaveURL(/\/login/)
  await page.goto(`${portal.url}/company/structure`)
  await expect(page).toHaveURL(/\/login\?redirect=/)
})

test('on a phone the menu collapses behind a button', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 } })
  const page = await phone.newPage()
  await login(page, portal)
  await expect(page.getByTestId('side-menu')).toBeHidden()
  await page.getByTestId('mobile-menu-button').click()
  const menu = page.getByTestId('mobile-menu')
  await expect(menu.getByTestId('menu-company')).toBeVisible()
  await menu.getByTestId('menu-company').click()
  await expect(page.getByTestId('structure-page')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('phone.png') })
  await phone.close()
})
