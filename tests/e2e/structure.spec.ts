import { expect, test, type Page } from '@playwright/test'
import { api, choose, login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let salesId: string
let supportId: string
let employee: { id: number; email: string }

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  salesId = String(await api(portal, 'department.add', { NAME: 'Sales', PARENT: 1 }))
  supportId = String(await api(portal, 'department.add', { NAME: 'Support', PARENT: 1 }))
  employee = await portal.addEmployee({
    NAME: 'Boris',
    LAST_NAME: 'Ivanov',
    WORK_POSITION: 'Sales manager',
    UF_DEPARTMENT: [Number(salesId)],
  })
})
test.afterAll(async () => {
  await portal?.stop()
})

function department(page: Page, name: string) {
  return page.locator(`section[data-department-name="${name}"]`)
}

async function departmentId(page: Page, name: string): Promise<string> {
  const testId = await department(page, name).first().getAttribute('data-testid')
  return String(testId).replace('dept-', '')
}

async function openAction(page: Page, id: string, action: 'add' | 'edit' | 'delete') {
  await page.getByTestId(`dept-actions-${id}`).click()
  await page.getByTestId(`dept-action-${action}`).click()
}

test('create, rename and delete departments; a non-empty one is refused', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/company/structure`)
  await expect(page.getByTestId(`dept-name-${salesId}`)).toHaveText('Sales')

  // Create a sub-department of Sales.
  await openAction(page, salesId, 'add')
  await page.getByTestId('dept-name-input').fill('Key Accounts')
  await page.getByTestId('dept-save').click()
  await expect(department(page, 'Key Accounts')).toBeVisible()
  const keyId = await departmentId(page, 'Key Accounts')
  // It sits inside Sales.
  await expect(department(page, 'Sales').locator(`[data-testid="dept-${keyId}"]`)).toBeVisible()

  // Rename it.
  await openAction(page, keyId, 'edit')
  await expect(page.getByTestId('dept-name-input')).toHaveValue('Key Accounts')
  await page.getByTestId('dept-name-input').fill('Key Clients')
  await page.getByTestId('dept-save').click()
  await expect(page.getByTestId(`dept-name-${keyId}`)).toHaveText('Key Clients')

  // Sales still has people and a sub-department: the server refuses, and we show why.
  await openAction(page, salesId, 'delete')
  await page.getByTestId('confirm-ok').click()
  const refusal = page.getByTestId('confirm-dialog').getByTestId('form-error')
  await expect(refusal).toBeVisible()
  const api_ = await portal.call('department.delete', { ID: salesId })
  expect(api_.body.error).toBe('DEPARTMENT_NOT_EMPTY')
  await expect(refusal).toContainText(api_.body.error_description)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId(`dept-name-${salesId}`)).toBeVisible()

  // An empty department can go.
  await openAction(page, keyId, 'delete')
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId(`dept-${keyId}`)).toHaveCount(0)
})

test('change the head and move a department under another parent', async ({ page }) => {
  const qaId = String(await api(portal, 'department.add', { NAME: 'QA', PARENT: 1 }))
  await login(page, portal)
  await page.goto(`${portal.url}/company/structure`)
  await openAction(page, qaId, 'edit')
  await choose(page, 'dept-head-select', 'Boris Ivanov')
  await choose(page, 'dept-parent-select', 'Support')
  await page.getByTestId('dept-save').click()
  await expect(page.getByTestId(`dept-head-${qaId}`)).toContainText('Boris Ivanov')
  await expect(department(page, 'Support').locator(`[data-testid="dept-${qaId}"]`)).toBeVisible()
  // Its own subtree is not offered as a new parent of Support.
  await openAction(page, supportId, 'edit')
  await page.getByTestId('dept-parent-select').click()
  await expect(page.getByRole('option', { name: 'QA' })).toHaveCount(0)
  await page.keyboard.press('Escape')
})

test('drag an employee to another department', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/company/structure`)
  const card = page.getByTestId(`employee-card-${employee.id}`)
  await expect(
    page.getByTestId(`dept-drop-${salesId}`).getByTestId(`employee-card-${employee.id}`),
  ).toBeVisible()

  await card.dragTo(page.getByTestId(`dept-drop-${supportId}`))

  await expect(
    page.getByTestId(`dept-drop-${supportId}`).getByTestId(`employee-card-${employee.id}`),
  ).toBeVisible()
  await expect(
    page.getByTestId(`dept-drop-${salesId}`).getByTestId(`employee-card-${employee.id}`),
  ).toHaveCount(0)
  await expect
    .poll(async () => {
      const [user] = await api(portal, 'user.get', { FILTER: { ID: employee.id } })
      return user.UF_DEPARTMENT.map(Number)
    })
    .toEqual([Number(supportId)])

  // It stays there after a reload.
  await page.reload()
  await expect(
    page.getByTestId(`dept-drop-${supportId}`).getByTestId(`employee-card-${employee.id}`),
  ).toBeVisible()
})
