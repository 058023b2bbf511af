import { expect, test } from '@playwright/test'
import { startPortal } from '../support/server.mjs'
import { api, type Portal } from './helpers'

// A portal started without `artel init`: the first visitor creates the administrator.
let portal: Portal
const admin = { email: 'founder@example.test', password: 'Founder-secret-1' }

test.beforeAll(async () => {
  portal = (await startPortal({ init: false, admin })) as Portal
})
test.afterAll(async () => {
  await portal?.stop()
})

test('first run: create the administrator, then people can register when allowed', async ({
  page,
  browser,
}) => {
  await page.goto(portal.url)
  await expect(page).toHaveURL(/\/setup$/)
  await page.getByTestId('auth-language-en').click()
  await page.getByTestId('setup-portal-name').fill('Founders Ltd')
  await page.getByTestId('setup-name').fill('Fiona')
  await page.getByTestId('setup-last-name').fill('Founder')
  await page.getByTestId('setup-email').fill(admin.email)
  await page.getByTestId('setup-password').fill(admin.password)
  await page.getByTestId('setup-submit').click()

  await expect(page.getByTestId('shell')).toBeVisible()
  await expect(page.getByTestId('portal-name').first()).toHaveText('Founders Ltd')
  await expect(page.getByTestId('user-menu-name')).toHaveText('Fiona Founder')
  // The language chosen on the setup page stays.
  await expect(page.getByTestId('menu-tasks')).toContainText('Tasks and Projects')
  await expect(page.getByTestId('menu-settings')).toBeVisible()

  // The setup page is gone once the portal has an account.
  await page.goto(`${portal.url}/setup`)
  await expect(page).not.toHaveURL(/\/setup$/)

  // Self-registration is off by default: the login page offers no registration.
  const anon = await browser.newContext()
  const visitor = await anon.newPage()
  await visitor.goto(`${portal.url}/login`)
  await expect(visitor.getByTestId('login-form')).toBeVisible()
  await expect(visitor.getByTestId('register-link')).toHaveCount(0)

  await api(portal, 'artel.settings.set', { fields: { SELF_REGISTRATION: 'Y' } })
  await visitor.reload()
  await visitor.getByTestId('register-link').click()
  await visitor.getByTestId('register-name').fill('Greg')
  await visitor.getByTestId('register-last-name').fill('Newcomer')
  await visitor.getByTestId('register-email').fill('greg@example.test')
  await visitor.getByTestId('register-password').fill('Greg-secret-1')
  await visitor.getByTestId('register-submit').click()
  await expect(visitor.getByTestId('shell')).toBeVisible()
  await expect(visitor.getByTestId('user-menu-name')).toHaveText('Greg Newcomer')
  // An employee, not an administrator.
  await expect(visitor.getByTestId('menu-settings')).toHaveCount(0)
  await anon.close()
})
