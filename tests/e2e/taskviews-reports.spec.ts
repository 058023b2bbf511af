import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { inflateRawSync } from 'node:zlib'
import { api, choose, login, startEnglishPortal, type Portal } from './helpers'

let portal: Portal
let designer: { id: number; email: string; password: string; session: unknown }
let designId: string
let landing: string
let internal: string

/** The files of a ZIP archive (an .xlsx), read through its central directory. */
function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>()
  let end = buf.length - 22
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a ZIP archive')
  const count = buf.readUInt16LE(end + 10)
  let p = buf.readUInt32LE(end + 16)
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory')
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8')
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const data = buf.subarray(dataStart, dataStart + size)
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    p += 46 + nameLength + extraLength + commentLength
  }
  return files
}

function day(offset: number): string {
  const d = new Date(Date.now() + offset * 86400_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

async function logTime(taskId: string, seconds: number, session?: unknown) {
  const r = await portal.call(
    'task.elapseditem.add',
    { TASKID: taskId, ARFIELDS: { SECONDS: seconds, COMMENT_TEXT: 'Worked on it' } },
    session ? { session } : {},
  )
  if (r.status !== 200) throw new Error(r.text)
}

async function choosePeriod(page: Page) {
  await choose(page, 'report-period', 'Custom period')
  await page.getByTestId('report-from').fill(day(-1))
  await page.getByTestId('report-to').fill(day(1))
}

function timeRow(page: Page, id: string | number) {
  return page.getByTestId(`report-time-table-row-${id}`)
}

test.beforeAll(async () => {
  portal = await startEnglishPortal()
  designId = String(await api(portal, 'department.add', { NAME: 'Design studio', PARENT: 1 }))
  designer = await portal.addEmployee({
    NAME: 'Vera',
    LAST_NAME: 'Designer',
    UF_DEPARTMENT: [Number(designId)],
  })
  landing = String(
    (
      await api(portal, 'tasks.task.add', {
        fields: { TITLE: 'Landing for the client', RESPONSIBLE_ID: designer.id, TAGS: ['client'] },
      })
    ).task.id,
  )
  internal = String(
    (
      await api(portal, 'tasks.task.add', {
        fields: { TITLE: 'Internal meeting', RESPONSIBLE_ID: designer.id, TAGS: ['NO'] },
      })
    ).task.id,
  )
  await logTime(landing, 9000, designer.session) // 2.5 h
  await logTime(internal, 3600, designer.session) // 1 h
  await logTime(landing, 1800) // the administrator: 0.5 h
})
test.afterAll(async () => {
  await portal?.stop()
})

test('hours entered through the API show by person, by task and by department', async ({
  page,
}) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/reports`)
  await choosePeriod(page)

  await expect(timeRow(page, designer.id)).toContainText('Vera Designer')
  await expect(timeRow(page, designer.id).locator('[data-col="HOURS"]')).toHaveText('3.5')
  await expect(timeRow(page, designer.id).locator('[data-col="ENTRIES"]')).toHaveText('2')
  await expect(timeRow(page, 1).locator('[data-col="HOURS"]')).toHaveText('0.5')
  await expect(
    page.getByTestId('report-time-table-total').locator('[data-col="HOURS"]'),
  ).toHaveText('4')
  // The tasks table counts her two tasks, created in the period.
  await expect(
    page.getByTestId(`report-tasks-table-row-${designer.id}`).locator('[data-col="CREATED"]'),
  ).toHaveText('2')

  // By task.
  await choose(page, 'report-group', 'Task')
  await expect(timeRow(page, landing)).toContainText('Landing for the client')
  await expect(timeRow(page, landing).locator('[data-col="HOURS"]')).toHaveText('3')
  await expect(timeRow(page, internal).locator('[data-col="HOURS"]')).toHaveText('1')

  // By department.
  await choose(page, 'report-group', 'Department')
  await expect(timeRow(page, designId)).toContainText('Design studio')
  await expect(timeRow(page, designId).locator('[data-col="HOURS"]')).toHaveText('3.5')
})

test('filters: a person, a department, leaving out the tag NO', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/reports`)
  await choosePeriod(page)
  await expect(timeRow(page, designer.id).locator('[data-col="HOURS"]')).toHaveText('3.5')

  // Leave out the tasks tagged NO: the internal hour goes.
  await page.getByTestId('report-without-tag').fill('NO')
  await expect(timeRow(page, designer.id).locator('[data-col="HOURS"]')).toHaveText('2.5', {
    timeout: 5000,
  })
  await page.getByTestId('report-without-tag').fill('')

  // Only Vera.
  await choose(page, 'report-person', 'Vera Designer')
  await expect(timeRow(page, 1)).toHaveCount(0, { timeout: 5000 })
  await expect(timeRow(page, designer.id)).toBeVisible()

  // Only her department, by task.
  await choose(page, 'report-person', 'Anyone')
  await choose(page, 'report-department', 'Design studio')
  await choose(page, 'report-group', 'Task')
  await expect(timeRow(page, landing).locator('[data-col="HOURS"]')).toHaveText('2.5', {
    timeout: 5000,
  })
})

test('the time report exports as a real .xlsx workbook', async ({ page }) => {
  await login(page, portal)
  await page.goto(`${portal.url}/tasks/reports`)
  await choosePeriod(page)
  await expect(timeRow(page, designer.id)).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByTestId('report-export-time').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^time-.*\.xlsx$/)
  const bytes = await readFile(await download.path())
  // A ZIP archive (PK\x03\x04) holding a workbook.
  expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304')
  const files = unzip(bytes)
  expect(files.get('[Content_Types].xml')).toContain(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  )
  const text = [...files.entries()]
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, body]) => body)
    .join('\n')
  expect(text).toContain('Vera Designer')
  expect(text).toMatch(/<v>3\.5<\/v>/)

  // The tasks report too.
  const again = page.waitForEvent('download')
  await page.getByTestId('report-export-tasks').click()
  const tasksFile = await again
  expect(tasksFile.suggestedFilename()).toMatch(/^tasks-.*\.xlsx$/)
  expect((await readFile(await tasksFile.path())).subarray(0, 2).toString()).toBe('PK')
})

test('a project’s page opens the hours report of that project', async ({ page }) => {
  const project = String(
    await api(portal, 'sonet_group.create', { NAME: 'Client Alpha', PROJECT: 'Y' }),
  )
  await api(portal, 'tasks.task.update', { taskId: landing, fields: { GROUP_ID: project } })
  await login(page, portal)
  await page.goto(`${portal.url}/workgroups/group/${project}/tasks/`)
  await page.getByTestId('group-hours-report').click()
  await expect(page).toHaveURL(new RegExp(`/tasks/reports\\?group=${project}$`))
  await choosePeriod(page)
  await choose(page, 'report-group', 'Task')
  await expect(timeRow(page, landing).locator('[data-col="HOURS"]')).toHaveText('3')
  await expect(timeRow(page, internal)).toHaveCount(0)
  await expect(
    page.getByTestId('report-time-table-total').locator('[data-col="HOURS"]'),
  ).toHaveText('3')
  // Back to every project: the other task's hour is counted again.
  await choose(page, 'report-project', 'All projects')
  await expect(timeRow(page, internal).locator('[data-col="HOURS"]')).toHaveText('1')
})
