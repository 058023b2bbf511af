import { expect, test } from '@playwright/test'
import { api, login, pngSquare, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let vera: { id: number; email: string; password: string }
let other: { id: number }

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  vera = await portal.addEmployee({ NAME: 'Vera', LAST_NAME: 'Lebedeva', WORK_POSITION: 'Lawyer' })
  other = await portal.addEmployee({ NAME: 'Oleg', LAST_NAME: 'Other' })
})
test.afterAll(async () => {
  await portal?.stop()
})

test('an employee edits her own profile, photo and password', async ({ page }) => {
  await login(page, portal, vera.email, vera.password)
  await page.getByTestId('user-menu').click()
  await page.getByTestId('user-menu-profile').click()
  await expect(page).toHaveURL(new RegExp(`/company/personal/user/${vera.id}$`))
  await expect(page.getByTestId('profile-name')).toHaveText('Vera Lebedeva')
  // Not an administrator: no dismissal, no department editing.
  await expect(page.getByTestId('profile-dismiss')).toHaveCount(0)

  await page.getByTestId('profile-edit').click()
  await expect(page.getByTestId('profile-edit-departments')).toHaveCount(0)
  await page.getByTestId('profile-photo-input').setInputFiles({
    name: 'vera.png',
    mimeType: 'image/png',
    buffer: pngSquare(24, [200, 40, 90]),
  })
  await page.getByTestId('profile-edit-mobile').fill('+373 600 00 000')
  await page.getByTestId('profile-edit-birthday').fill('1990-05-31')
  await page.getByTestId('profile-edit-skills').fill('Contracts\nNegotiation')
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-mobile')).toHaveText('+373 600 00 000')
  await expect(page.getByTestId('profile-birthday')).toContainText('1990')
  await expect(page.getByTestId('profile-skills')).toContainText('Negotiation')
  await expect(page.getByTestId('user-menu').locator('img')).toBeVisible()

  // Change the password: a wrong current password is refused with the server's sentence.
  await page.getByTestId('profile-change-password').click()
  await page.getByTestId('password-old').fill('wrong-password')
  await page.getByTestId('password-new').fill('Vera-new-secret-2')
  await page.getByTestId('password-repeat').fill('Vera-new-secret-2')
  await page.getByTestId('password-save').click()
  await expect(page.getByTestId('password-dialog').getByTestId('form-error')).toBeVisible()
  await page.getByTestId('password-old').fill(vera.password)
  await page.getByTestId('password-save').click()
  await expect(page.getByTestId('password-dialog')).toHaveCount(0)

  await page.getByTestId('user-menu').click()
  await page.getByTestId('user-menu-logout').click()
  await login(page, portal, vera.email, 'Vera-new-secret-2')
})

test('an employee sees but cannot edit a colleague', async ({ page }) => {
  await login(page, portal, vera.email, 'Vera-new-secret-2')
  await page.goto(`${portal.url}/company/personal/user/${other.id}`)
  await expect(page.getByTestId('profile-name')).toHaveText('Oleg Other')
  await expect(page.getByTestId('profile-edit')).toHaveCount(0)
  await expect(page.getByTestId('profile-change-password')).toHaveCount(0)
  // Administrator pages are not offered.
  await expect(page.getByTestId('menu-settings')).toHaveCount(0)
  await page.goto(`${portal.url}/settings`)
  await expect(page).not.toHaveURL(/\/settings$/)
})

test('the administrator puts a person in two departments from the profile', async ({ page }) => {
  await api(portal, 'department.add', { NAME: 'Finance', PARENT: 1 })
  await api(portal, 'department.add', { NAME: 'Audit', PARENT: 1 })
  await login(page, portal)
  await page.goto(`${portal.url}/company/personal/user/${other.id}`)
  await page.getByTestId('profile-edit').click()
  await page.getByTestId('profile-edit-position').fill('Auditor')
  await page.getByTestId('profile-edit-departments').click()
  await page.getByRole('option', { name: 'Finance' }).click()
  await page.getByRole('option', { name: 'Audit' }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-position')).toHaveText('Auditor')
  await expect(page.getByTestId('profile-departments')).toContainText('Finance')
  await expect(page.getByTestId('profile-departments')).toContainText('Audit')
  const [user] = await api(portal, 'user.get', { FILTER: { ID: other.id } })
  expect(user.UF_DEPARTMENT).toHaveLength(3)
})
