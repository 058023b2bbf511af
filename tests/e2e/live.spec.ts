import { expect, test } from '@playwright/test'
import { login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let anna: { id: number; email: string; password: string }

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  anna = await portal.addEmployee({ NAME: 'Anna', LAST_NAME: 'Belova', WORK_POSITION: 'Designer' })
})
test.afterAll(async () => {
  await portal?.stop()
})

test('a profile edit arrives live in another browser', async ({ page, browser }) => {
  // The administrator watches Anna's profile and the directory in two tabs.
  await login(page, portal)
  await page.goto(`${portal.url}/company/personal/user/${anna.id}`)
  await expect(page.getByTestId('profile-position')).toHaveText('Designer')
  const directory = await page.context().newPage()
  await directory.goto(`${portal.url}/company/employees`)
  await expect(directory.getByTestId(`employee-row-${anna.id}`)).toContainText('Anna Belova')

  // Anna edits her own profile in her browser.
  const hers = await browser.newContext()
  const annaPage = await hers.newPage()
  await login(annaPage, portal, anna.email, anna.password)
  await annaPage.goto(`${portal.url}/company/personal/user/${anna.id}`)
  await annaPage.getByTestId('profile-edit').click()
  await annaPage.getByTestId('profile-edit-position').fill('Art director')
  await annaPage.getByTestId('profile-edit-last-name').fill('Belova-Orlova')
  await annaPage.getByTestId('profile-edit-city').fill('Chișinău')
  await annaPage.getByTestId('profile-save').click()
  await expect(annaPage.getByTestId('profile-position')).toHaveText('Art director')
  await expect(annaPage.getByTestId('user-menu-name')).toHaveText('Anna Belova-Orlova')

  // Without any reload, the administrator's tabs show the change.
  await expect(page.getByTestId('profile-position')).toHaveText('Art director')
  await expect(page.getByTestId('profile-name')).toHaveText('Anna Belova-Orlova')
  await expect(page.getByTestId('profile-city')).toHaveText('Chișinău')
  await expect(directory.getByTestId(`employee-row-${anna.id}`)).toContainText('Anna Belova-Orlova')

  // And the other way: the administrator edits Anna, her top bar follows.
  await page.getByTestId('profile-edit').click()
  await page.getByTestId('profile-edit-name').fill('Anya')
  await page.getByTestId('profile-save').click()
  await expect(annaPage.getByTestId('user-menu-name')).toHaveText('Anya Belova-Orlova')
  await hers.close()
})

test('dismiss and restore an employee', async ({ page }) => {
  const boris = await portal.addEmployee({ NAME: 'Boris', LAST_NAME: 'Dismissed' })
  await login(page, portal)
  await page.goto(`${portal.url}/company/personal/user/${boris.id}`)
  await page.getByTestId('profile-dismiss').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('status-dismissed')).toBeVisible()

  // A dismissed person cannot log in any more.
  const r = await fetch(`${portal.url}/rest/artel.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ LOGIN: boris.email, PASSWORD: boris.password }),
  })
  expect(r.status).toBe(403)

  // The directory hides dismissed people unless asked.
  await page.goto(`${portal.url}/company/employees`)
  await expect(page.getByTestId(`employee-row-${boris.id}`)).toHaveCount(0)
  await page.getByTestId('employees-show-dismissed').click()
  await expect(page.getByTestId(`employee-row-${boris.id}`)).toBeVisible()

  await page.goto(`${portal.url}/company/personal/user/${boris.id}`)
  await page.getByTestId('profile-restore').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('status-dismissed')).toHaveCount(0)
})
