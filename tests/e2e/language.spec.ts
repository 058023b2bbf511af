import { expect, test } from '@playwright/test'
import { api, login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
test.beforeAll(async () => {
  portal = await startEnglishPortal()
  // Start from English whatever the portal's default is.
  await api(portal, 'user.update', { ID: 1, LANGUAGE_ID: 'en' })
})
test.afterAll(async () => {
  await portal?.stop()
})

test('switch the interface to Russian and back', async ({ page }) => {
  await login(page, portal)
  await expect(page.getByTestId('menu-tasks')).toContainText('Tasks and Projects')

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitemcheckbox', { name: 'Русский' }).click()
  await expect(page.getByTestId('menu-feed')).toContainText('Живая лента')
  await expect(page.getByTestId('menu-tasks')).toContainText('Задачи и проекты')
  await expect(page.getByTestId('menu-company')).toContainText('Компания')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')

  // The choice is the person's own: saved on the server, so it survives a reload.
  const [me] = await api(portal, 'user.get', { FILTER: { ID: 1 } })
  expect(me.LANGUAGE_ID).toBe('ru')
  await page.reload()
  await expect(page.getByTestId('menu-messenger')).toContainText('Чат и звонки')
  await page.getByTestId('menu-crm').click()
  await expect(page.getByTestId('not-available-title')).toHaveText('Этот раздел пока недоступен')

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitemcheckbox', { name: 'Română' }).click()
  await expect(page.getByTestId('menu-tasks')).toContainText('Sarcini și proiecte')

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitemcheckbox', { name: 'English' }).click()
  await expect(page.getByTestId('menu-tasks')).toContainText('Tasks and Projects')
})

test('the login page can be read in Russian before logging in', async ({ page }) => {
  await page.goto(`${portal.url}/login`)
  await page.getByTestId('auth-language-ru').click()
  await expect(page.getByTestId('auth-title')).toHaveText('Вход')
  await expect(page.getByTestId('login-submit')).toHaveText('Войти')
})
