import { expect, test } from '@playwright/test'
import { choose, login, pngSquare, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
test.beforeAll(async () => {
  portal = await startEnglishPortal()
})
test.afterAll(async () => {
  await portal?.stop()
})

test('change the portal settings', async ({ page, browser }) => {
  await login(page, portal)
  // A second browser shows the name change live.
  const other = await browser.newContext()
  const watcher = await other.newPage()
  await login(watcher, portal)

  await page.getByTestId('menu-settings').click()
  await expect(page.getByTestId('settings-form')).toBeVisible()
  await page.getByTestId('settings-portal-name').fill('Horns & Hooves')
  await page.getByTestId('settings-contact-email').fill('office@example.test')
  await page.getByTestId('settings-logo-input').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: pngSquare(32, [255, 120, 0]),
  })
  await choose(page, 'settings-time-zone', 'Europe/Chisinau')
  await choose(page, 'settings-date-format', 'YYYY-MM-DD')
  await choose(page, 'settings-time-format', /H:MI T/)
  await page.getByTestId('settings-self-registration').click()
  await page.getByTestId('settings-allowed-ips').fill('127.0.0.0/8\n::1')
  await page.getByTestId('settings-save').click()

  await expect(page.getByTestId('portal-name').first()).toHaveText('Horns & Hooves')
  await expect(page.getByTestId('portal-logo').first()).toBeVisible()
  await expect(watcher.getByTestId('portal-name').first()).toHaveText('Horns & Hooves')
  await other.close()

  const saved = (await portal.call('artel.settings.get')).body.result
  expect(saved.PORTAL_NAME).toBe('Horns & Hooves')
  expect(saved.CONTACT_EMAIL).toBe('office@example.test')
  expect(saved.TIME_ZONE).toBe('Europe/Chisinau')
  expect(saved.DATE_FORMAT).toBe('YYYY-MM-DD')
  expect(saved.TIME_FORMAT).toBe('H:MI T')
  expect(saved.SELF_REGISTRATION).toBe('Y')
  expect(saved.ALLOWED_IPS).toEqual(['127.0.0.0/8', '::1'])
  expect(saved.LOGO).not.toBe('')

  // The form shows what was saved after a reload; removing the logo works.
  await page.reload()
  await expect(page.getByTestId('settings-portal-name')).toHaveValue('Horns & Hooves')
  await page.getByTestId('settings-logo-remove').click()
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('portal-logo')).toHaveCount(0)

  // With self-registration on, the login page offers it.
  const anon = await browser.newContext()
  const visitor = await anon.newPage()
  await visitor.goto(`${portal.url}/login`)
  await expect(visitor.getByTestId('register-link')).toBeVisible()
  await anon.close()
})

test('create and revoke an incoming webhook', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/settings/integrations`)
  await expect(page.getByTestId('webhook-list-empty')).toBeVisible()
  await page.getByTestId('webhook-title').fill('Accounting export')
  await page.getByTestId('webhook-scope-portal').click()
  await page.getByTestId('webhook-create').click()

  const url = (await page.getByTestId('webhook-url').textContent())!.trim()
  expect(url).toMatch(new RegExp(`^${portal.url}/rest/1/[A-Za-z0-9]+/$`))
  await expect(page.getByTestId('webhook-curl')).toContainText(`curl -s '${url}`)

  // The address works from outside the browser.
  const ok = await fetch(`${url}user.get.json`)
  expect(ok.status).toBe(200)

  const item = page
    .getByTestId('webhook-list')
    .locator('li')
    .filter({ hasText: 'Accounting export' })
  await expect(item).toBeVisible()
  await expect(item).toContainText('portal')
  await item.getByRole('button', { name: 'Revoke' }).click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('webhook-list-empty')).toBeVisible()

  // Revoked at once.
  const after = await fetch(`${url}user.get.json`)
  expect(after.status).toBe(401)
})
