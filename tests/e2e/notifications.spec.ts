import { expect, test, type Page } from '@playwright/test'
import { hook } from '../support/rest.mjs'
import { login, startEnglishPortal, type Portal } from './helpers'

type Hook = {
  call: (
    method: string,
    params?: Record<string, unknown>,
  ) => Promise<{ status: number; body: any; text: string }>
}

let portal: Portal & {
  webhook: (scopes: string[], opts?: Record<string, unknown>) => Promise<string>
}
let anna: { id: number; email: string; password: string }
let admin: Hook

test.beforeAll(async () => {
  portal = (await startEnglishPortal({ env: { ARTEL_JOBS_SCALE: '60' } })) as typeof portal
  anna = await portal.addEmployee({ NAME: 'Anna', LAST_NAME: 'Belova' })
  ok(await portal.call('user.update', { ID: 1, NAME: 'Olga', LAST_NAME: 'Admin' }))
  admin = hook(await portal.webhook(['im'])) as Hook
})
test.afterAll(async () => {
  await portal?.stop()
})

function ok(r: { status: number; body: any; text: string }) {
  if (r.status !== 200) throw new Error(`HTTP ${r.status} ${r.text}`)
  return r.body.result
}

/** A notice from the administrator to Anna, sent through the REST API. */
async function notice(params: Record<string, unknown>) {
  return ok(await admin.call('im.notify.personal.add', { USER_ID: anna.id, ...params }))
}

async function openBell(page: Page) {
  await page.getByTestId('notification-bell').click()
  await expect(page.getByTestId('notification-panel')).toBeVisible()
}

test('a notice appears live in the bell; opening it reads it and leads to its object', async ({
  page,
}) => {
  await login(page, portal, anna.email, anna.password)
  const bell = page.getByTestId('notification-bell')
  await expect(bell).toHaveAttribute('data-unread', '0')

  const id = await notice({
    MESSAGE: '[B]Quarterly report[/B] is ready <for review>',
    LINK: '/company/employees',
  })
  // No reload: the counter and the entry arrive over the live socket.
  await expect(bell).toHaveAttribute('data-unread', '1')
  await openBell(page)
  const item = page.locator(`[data-testid="notification-item"][data-notification-id="${id}"]`)
  await expect(item).toHaveAttribute('data-read', 'N')
  await expect(item.getByTestId('notification-text')).toHaveText(
    'Quarterly report is ready <for review>',
  )
  await expect(item.locator('b')).toHaveText('Quarterly report')
  await expect(item).toContainText('Olga Admin')
  // A screen reader hears that it is unread, not only sees a dot.
  await expect(item).toHaveAccessibleName(/Unread/)

  await item.click()
  await expect(page).toHaveURL(/\/company\/employees$/)
  await expect(bell).toHaveAttribute('data-unread', '0')
  const mine = ok(await portal.call('im.notify.get', {}, { session: await annaSession() }))
  expect(mine.notifications.find((n: any) => n.id === id).notify_read).toBe('Y')
  await openBell(page)
  await expect(item).toHaveAttribute('data-read', 'Y')
  await expect(item).not.toHaveAccessibleName(/Unread/)
})

test('notices with one tag are one entry with their count; mark all read', async ({ page }) => {
  await login(page, portal, anna.email, anna.password)
  const bell = page.getByTestId('notification-bell')
  await expect(bell).toHaveAttribute('data-unread', '0')
  const first = await notice({ MESSAGE: 'Deal 7: first change', TAG: 'DEAL|7' })
  const second = await notice({ MESSAGE: 'Deal 7: second change', TAG: 'DEAL|7' })
  expect(second).toBe(first)
  await notice({ MESSAGE: 'Something else' })
  await expect(bell).toHaveAttribute('data-unread', '2')
  await openBell(page)
  const grouped = page.locator(`[data-testid="notification-item"][data-notification-id="${first}"]`)
  await expect(grouped.getByTestId('notification-text')).toHaveText('Deal 7: second change')
  await expect(grouped.getByTestId('notification-count')).toHaveText('×2')

  await page.getByTestId('notification-read-all').click()
  await expect(bell).toHaveAttribute('data-unread', '0')
  await expect(page.locator('[data-testid="notification-item"][data-read="N"]')).toHaveCount(0)
})

test('a type switched off on the settings page no longer reaches the bell', async ({ page }) => {
  await login(page, portal, anna.email, anna.password)
  const before = await notice({ MESSAGE: 'Before the switch' })
  await openBell(page)
  await expect(
    page.locator(`[data-testid="notification-item"][data-notification-id="${before}"]`),
  ).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByTestId('user-menu').click()
  await page.getByTestId('user-menu-notifications').click()
  await expect(page.getByTestId('notification-settings-page')).toBeVisible()
  await expect(page.getByTestId('notification-settings-tasks')).toContainText(
    'A task was given to me',
  )
  const portalSwitch = page.getByTestId('notify-setting-im-default-portal')
  await expect(portalSwitch).toHaveAttribute('aria-checked', 'true')
  await portalSwitch.click()
  await expect(portalSwitch).toHaveAttribute('aria-checked', 'false')
  await page.getByTestId('notification-settings-save').click()
  await expect
    .poll(async () => {
      const s = ok(
        await portal.call('artel.notify.settings.get', {}, { session: await annaSession() }),
      )
      return s.find((r: any) => r.MODULE === 'im').PORTAL
    })
    .toBe('N')

  // The server creates no entry for that type now, and the bell shows none after a reload.
  expect(await notice({ MESSAGE: 'Should stay out of the bell' })).toBe(false)
  await page.reload()
  await openBell(page)
  await expect(
    page.locator(`[data-testid="notification-item"][data-notification-id="${before}"]`),
  ).toBeVisible()
  await expect(page.getByTestId('notification-panel')).not.toContainText('Should stay out')

  // The page keeps the choice; switched on again, the next notice comes in live.
  await page.keyboard.press('Escape')
  await page.goto(`${portal.url}/notifications/settings`)
  await expect(portalSwitch).toHaveAttribute('aria-checked', 'false')
  await portalSwitch.click()
  await page.getByTestId('notification-settings-save').click()
  await expect
    .poll(async () => {
      const s = ok(
        await portal.call('artel.notify.settings.get', {}, { session: await annaSession() }),
      )
      return s.find((r: any) => r.MODULE === 'im').PORTAL
    })
    .toBe('Y')
  const back = await notice({ MESSAGE: 'Back in the bell' })
  await openBell(page)
  await expect(
    page.locator(`[data-testid="notification-item"][data-notification-id="${back}"]`),
  ).toContainText('Back in the bell')
})

let annaLogin: unknown = null
async function annaSession() {
  annaLogin ??= await (portal as any).login(anna.email, anna.password)
  return annaLogin
}
