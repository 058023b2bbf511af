import { expect, type Page } from '@playwright/test'
import { login, type Portal } from './helpers'

/** An employee of a test portal who can call the API in their own name. */
export interface Person {
  id: number
  email: string
  password: string
  name: string
  call: (method: string, params?: Record<string, unknown>) => Promise<any>
}

interface SessionLike {
  call: (
    method: string,
    params?: Record<string, unknown>,
  ) => Promise<{ status: number; body: any; text: string }>
}

/** Adds an employee (with a name, so pickers and mentions can find them). */
export async function person(
  portal: Portal,
  name: string,
  lastName: string,
  fields: Record<string, unknown> = {},
): Promise<Person> {
  const added = (await portal.addEmployee({
    NAME: name,
    LAST_NAME: lastName,
    ...fields,
  })) as Awaited<ReturnType<Portal['addEmployee']>> & { session: SessionLike }
  return {
    id: added.id,
    email: added.email,
    password: added.password,
    name: `${name} ${lastName}`,
    async call(method, params = {}) {
      const r = await added.session.call(method, params)
      if (r.status !== 200)
        throw new Error(`${method} ${JSON.stringify(params)} → ${r.status} ${r.text}`)
      return r.body.result
    },
  }
}

export async function loginAs(page: Page, portal: Portal, who: Person) {
  await login(page, portal, who.email, who.password)
}

/** A date `days` from now as the API reads it (no offset: the portal's own zone). */
export function daysFromNow(days: number, hour = 18): string {
  const d = new Date(Date.now() + days * 86400_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00:00`
}

/** Creates a task as someone; returns its id. */
export async function addTask(who: Person, fields: Record<string, unknown>): Promise<string> {
  const r = await who.call('tasks.task.add', { fields })
  return String(r.task.id)
}

/** The ids of the task rows the list shows, top to bottom. */
export async function listedIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="task-row-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('task-row-', '')))
}

/** Waits until the list shows exactly these tasks (in any order). */
export async function expectListed(page: Page, ids: string[]) {
  await expect
    .poll(async () => (await listedIds(page)).sort(), { timeout: 10_000 })
    .toEqual([...ids].sort())
}

/** Picks people in a multiple B24SelectMenu, then closes it. */
export async function choosePeople(page: Page, testId: string, names: string[]) {
  await page.getByTestId(testId).click()
  for (const name of names) {
    await page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click()
  }
  await page.keyboard.press('Escape')
  await expect(page.getByRole('listbox')).toHaveCount(0)
}
