import { expect, type Page } from '@playwright/test'
import { deflateSync } from 'node:zlib'
import { startPortal } from '../support/server.mjs'

export interface Portal {
  url: string
  adminEmail: string
  adminPassword: string
  dataDir: string
  call: (
    method: string,
    params?: Record<string, unknown>,
    opts?: Record<string, unknown>,
  ) => Promise<{ status: number; body: any; text: string }>
  addEmployee: (fields?: Record<string, unknown>) => Promise<{
    id: number
    email: string
    password: string
  }>
  stop: () => Promise<unknown>
}

/** Logs in through the login page and waits for the shell. */
export async function login(page: Page, portal: Portal, email?: string, password?: string) {
  await page.goto(`${portal.url}/login`)
  await page.getByTestId('login-email').fill(email ?? portal.adminEmail)
  await page.getByTestId('login-password').fill(password ?? portal.adminPassword)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('shell')).toBeVisible()
}

/** The body of an API call, failing the test with the server's answer if it was an error. */
export async function api(portal: Portal, method: string, params: Record<string, unknown> = {}) {
  const r = await portal.call(method, params)
  if (r.status !== 200)
    throw new Error(`${method} ${JSON.stringify(params)} → ${r.status} ${r.text}`)
  return r.body.result
}

/** Picks an entry of a B24SelectMenu / B24Select: open it, then click the option. */
export async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: option }).first().click()
  await expect(page.getByRole('listbox')).toHaveCount(0)
}

/** The invitation link in an e-mail, moved onto the test portal's own address. */
export function invitationLink(mail: { text?: string; html?: string }, portalUrl: string): string {
  const body = `${mail.text ?? ''}\n${mail.html ?? ''}`
  const match = /https?:\/\/[^\s"'<>]*?\/invite\/([A-Za-z0-9_-]+)/.exec(body)
  if (!match) throw new Error(`No /invite/ link in the e-mail:\n${body}`)
  return `${portalUrl}/invite/${match[1]}`
}

/** A small valid PNG (a filled square) for photo uploads. */
export function pngSquare(size = 8, rgb: [number, number, number] = [47, 198, 246]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(size).fill(rgb).flat())])
  const raw = Buffer.concat(Array(size).fill(row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A fresh portal whose default language is English, so the specs can read English labels
 * (the server's own default is Russian). Options go to startPortal.
 */
export async function startEnglishPortal(options: Record<string, unknown> = {}): Promise<Portal> {
  const portal = (await startPortal(options)) as Portal
  await api(portal, 'artel.settings.set', { fields: { LANGUAGE: 'en' } })
  return portal
}

/**
 * The login and password in the e-mail a new contact of the ticket desk receives: the login is
 * their e-mail address, the password is on a line that names it.
 */
export function credentialsIn(
  mail: { text?: string },
  address: string,
): { login: string; password: string } {
  const text = mail.text ?? ''
  if (!text.includes(address)) throw new Error(`The e-mail does not name the login:\n${text}`)
  const match = /(?:пароль|password|parola|parolă)[^:\n]*:\s*(\S+)/i.exec(text)
  if (!match) throw new Error(`No password in the e-mail:\n${text}`)
  return { login: address, password: match[1] }
}

/** The next day (after today) that falls on an ISO weekday, 1 Monday … 7 Sunday: `YYYY-MM-DD`. */
export function nextWeekday(isoDay: number, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1)
  while (((d.getDay() + 6) % 7) + 1 !== isoDay) d.setDate(d.getDate() + 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A person of the portal with their own logged-in REST session. */
export type Person = Awaited<ReturnType<Portal['addEmployee']>> & {
  session: { call: (method: string, params?: Record<string, unknown>) => Promise<any> }
}

/** A REST call in a person's own session; fails the test with the server's answer. */
export async function sessionCall(
  person: Person,
  method: string,
  params: Record<string, unknown> = {},
) {
  const r = await person.session.call(method, params)
  if (r.status !== 200) throw new Error(`${method} → ${r.status} ${r.text}`)
  return r.body.result
}
