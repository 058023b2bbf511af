// Starts a real Artel portal for a test file: a fresh data folder, `artel init`, then
// `artel serve` on an ephemeral loopback port.
//
//   const portal = await startPortal({ smtp: smtp.url, tls: true })
//   portal.url          'http://127.0.0.1:PORT'
//   portal.tlsUrl       'https://127.0.0.1:PORT' (with tls: true; portal.tls.caCert is the CA)
//   await portal.webhook(['user'])   → 'http://127.0.0.1:PORT/rest/1/TOKEN'
//   await portal.call('user.get', {}) → { status, body } as the administrator
//   await portal.stop()
//
// The binary is build/artel of this checkout (ARTEL_BIN overrides it). With init: false the
// portal starts empty (no account yet: artel.setup creates the administrator).
//
// The database is SQLite in the data folder, or with ARTEL_TEST_DATABASE=postgres a fresh
// database in a throwaway PostgreSQL cluster (support/postgres.mjs; portal.database is its URL,
// and every command of the portal gets --database).
//
// startPortal({ shareWith: other }) starts a second `artel serve` on another port over the
// same data folder and database (several processes of one PostgreSQL portal); stopping it
// leaves the folder and the database to `other`.
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

import { createTestDatabase, usePostgres } from './postgres.mjs'
import { hook, session } from './rest.mjs'
import { makeTestCertificates } from './tls.mjs'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const artelBin = process.env.ARTEL_BIN ?? path.join(repoRoot, 'build', 'artel')
export const webDist = path.join(repoRoot, 'web', 'dist')

const READY_TIMEOUT_MS = 20000

const children = new Set()
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

function runArtel(args, env) {
  return new Promise((resolve, reject) => {
    execFile(artelBin, args, { env, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) {
        const e = new Error(
          `artel ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stderr}${stdout}`,
        )
        e.stdout = stdout
        e.stderr = stderr
        e.exitCode = error.code
        reject(e)
      } else {
        resolve(stdout)
      }
    })
  })
}

let portalCounter = 0

export async function startPortal({
  smtp,
  tls = false,
  admin = {},
  env = {},
  portalName = 'Test Company',
  mailFrom,
  web = true,
  init = true,
  extraArgs = [],
  shareWith = null,
} = {}) {
  if (!existsSync(artelBin)) {
    throw new Error(
      `The server binary ${artelBin} does not exist: build it first (or set ARTEL_BIN).`,
    )
  }
  const childEnv = { ...process.env, ...env }
  const dir = shareWith ? shareWith.dir : await mkdtemp(path.join(os.tmpdir(), 'artel-test-'))
  const dataDir = shareWith ? shareWith.dataDir : path.join(dir, 'data')
  const adminEmail = shareWith?.adminEmail ?? admin.email ?? `admin${++portalCounter}@example.test`
  const adminPassword = shareWith?.adminPassword ?? admin.password ?? 'Admin-secret-1'

  let database = shareWith?.database ? { url: shareWith.database, drop: async () => {} } : null
  const cleanup = async () => {
    if (shareWith) return
    await rm(dir, { recursive: true, force: true })
    await database?.drop()
  }
  let certs = null
  if (shareWith) init = false
  try {
    if (usePostgres && !shareWith) database = await createTestDatabase()
    const initArgs = ['init', '--data', dataDir, '--admin-email', adminEmail]
    if (database) initArgs.push('--database', database.url)
    initArgs.push('--admin-password', adminPassword, '--portal-name', portalName)
    if (admin.name) initArgs.push('--admin-name', admin.name)
    if (admin.lastName) initArgs.push('--admin-last-name', admin.lastName)
    if (init) await runArtel(initArgs, childEnv)
    if (tls) certs = await makeTestCertificates(await mkdtemp(path.join(dir, 'tls-')))
  } catch (e) {
    await cleanup()
    throw e
  }

  const args = ['serve', '--data', dataDir, '--listen', '127.0.0.1:0']
  if (database) args.push('--database', database.url)
  if (tls)
    args.push('--listen-tls', '127.0.0.1:0', '--tls-cert', certs.cert, '--tls-key', certs.key)
  if (web && existsSync(webDist)) args.push('--web', webDist)
  const smtpUrl = typeof smtp === 'string' ? smtp : smtp?.url
  if (smtpUrl) args.push('--smtp', smtpUrl)
  if (mailFrom) args.push('--mail-from', mailFrom)
  args.push(...extraArgs)

  const child = spawn(artelBin, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )

  let url
  let tlsUrl
  try {
    await new Promise((resolve, reject) => {
      const fail = (why) =>
        reject(
          new Error(
            `artel serve ${why}\ncommand: ${artelBin} ${args.join(' ')}\nstdout:\n${stdout}\nstderr:\n${stderr}`,
          ),
        )
      const timer = setTimeout(
        () => fail(`printed no "listening" line within ${READY_TIMEOUT_MS} ms`),
        READY_TIMEOUT_MS,
      )
      child.once('error', (e) => {
        clearTimeout(timer)
        fail(`could not start: ${e.message}`)
      })
      exited.then(({ code, signal }) => {
        clearTimeout(timer)
        fail(`exited (${code ?? signal}) before it was ready`)
      })
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdout += line + '\n'
        const m = /^artel: listening on (https?):\/\/(\S+?)\/?$/.exec(line.trim())
        if (!m) return
        if (m[1] === 'https') tlsUrl ??= `https://${m[2]}`
        else url ??= `http://${m[2]}`
        if (url && (!tls || tlsUrl)) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  } catch (e) {
    child.kill('SIGKILL')
    await exited
    children.delete(child)
    await cleanup()
    throw e
  }

  const withData = (cliArgs) => {
    const out = cliArgs.includes('--data') ? [...cliArgs] : [...cliArgs, '--data', dataDir]
    if (database && !out.includes('--database')) out.push('--database', database.url)
    return out
  }
  let adminSession = null

  const portal = {
    url,
    tlsUrl,
    dir,
    dataDir,
    database: database?.url ?? null,
    tls: certs,
    adminEmail,
    adminPassword,
    adminId: 1,
    child,
    logs: () => ({ stdout, stderr }),

    // Runs a command of the same binary against this portal's data folder (and database);
    // resolves to stdout.
    cli: (cliArgs) => runArtel(withData(cliArgs), childEnv),

    // Creates an incoming webhook with the command line; resolves to its base URL without the
    // trailing slash ('http://127.0.0.1:P/rest/1/TOKEN').
    async webhook(scopes = ['user', 'department'], { user = 1, title, https = false } = {}) {
      const cliArgs = ['webhook', 'add', '--user', String(user), '--scope', scopes.join(',')]
      if (title) cliArgs.push('--title', title)
      const out = await portal.cli(cliArgs)
      const m = /\/rest\/\d+\/[A-Za-z0-9]+\/?/.exec(out)
      if (!m) throw new Error(`artel webhook add printed no /rest/ID/TOKEN/ path: ${out}`)
      return `${https ? tlsUrl : url}${m[0].replace(/\/$/, '')}`
    },

    async hook(scopes, opts) {
      return hook(await portal.webhook(scopes, opts))
    },

    // The administrator's browser session (logged in once, on first use).
    async admin() {
      adminSession ??= await session(url, { login: adminEmail, password: adminPassword })
      return adminSession
    },

    async login(loginName, password) {
      return session(url, { login: loginName, password })
    },

    // One REST call in a browser session (the administrator's unless opts.session is given).
    async call(method, params = {}, opts = {}) {
      const s = opts.session ?? (await portal.admin())
      return s.call(method, params, opts)
    },

    // Adds an active employee (with a password) as the administrator; resolves to the new ID.
    async addUser(fields = {}) {
      const n = ++portalCounter
      const body = {
        EMAIL: `person${n}-${Date.now()}@example.test`,
        PASSWORD: 'Person-secret-1',
        NAME: `Person${n}`,
        LAST_NAME: 'Tester',
        UF_DEPARTMENT: [1],
        ...fields,
      }
      const r = await portal.call('user.add', body)
      if (r.status !== 200 || typeof r.body?.result !== 'number') {
        throw new Error(`user.add ${JSON.stringify(body)} failed: HTTP ${r.status} ${r.text}`)
      }
      return r.body.result
    },

    // Adds an employee and logs them in; resolves to { id, email, password, session }.
    async addEmployee(fields = {}) {
      const email = fields.EMAIL ?? `employee${++portalCounter}-${Date.now()}@example.test`
      const password = fields.PASSWORD ?? 'Employee-secret-1'
      const id = await portal.addUser({ ...fields, EMAIL: email, PASSWORD: password })
      return { id, email, password, session: await session(url, { login: email, password }) }
    },

    // Stops the server (SIGTERM, then SIGKILL after 10 s) and removes the data folder. Throws
    // when the server had died on its own during the tests, or did not stop cleanly, with its
    // stderr, so that a crash is reported as such and not only as refused connections.
    async stop() {
      const diedEarlier = child.exitCode !== null || child.signalCode !== null
      let killed = false
      if (!diedEarlier) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => {
          killed = true
          child.kill('SIGKILL')
        }, 10000)
        await exited
        clearTimeout(timer)
      }
      children.delete(child)
      await cleanup()
      const { code, signal } = await exited
      if (diedEarlier || killed || code !== 0) {
        const what = diedEarlier
          ? `died during the tests (${code ?? signal})`
          : killed
            ? 'did not stop within 10 s of SIGTERM'
            : `exited with ${code ?? signal} on SIGTERM`
        throw new Error(`artel serve ${what}; stderr:\n${stderr}`)
      }
      return { code, signal }
    },
  }
  return portal
}
