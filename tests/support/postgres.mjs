// A throwaway PostgreSQL cluster for running the tests on PostgreSQL (ARTEL_TEST_DATABASE=postgres):
// initdb into a temporary folder (as the `postgres` OS user when the tests run as root), trust
// authentication, listening only on 127.0.0.1 on a free port, its socket in that folder.
//
//   const db = await createTestDatabase()   → { url: 'postgresql://postgres@127.0.0.1:PORT/NAME', drop() }
//
// One cluster serves a whole `node --test` run. The runner starts each test file as a child
// process; the first file that needs the cluster starts it in os.tmpdir()/artel-pg-<runner pid>
// and the others find it there. A watcher started with the cluster stops it and removes the
// folder once the runner has exited (or, outside the runner, the process that started it).
import { execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const START_TIMEOUT_MS = 60000

export const testDatabaseKind = process.env.ARTEL_TEST_DATABASE ?? 'sqlite'
if (!['sqlite', 'postgres'].includes(testDatabaseKind)) {
  throw new Error(`ARTEL_TEST_DATABASE must be sqlite or postgres, not ${testDatabaseKind}`)
}
export const usePostgres = testDatabaseKind === 'postgres'

function run(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed:\n${stderr}${stdout}`))
      else resolve(stdout)
    })
  })
}

function binDir() {
  if (process.env.ARTEL_TEST_PG_BIN) return process.env.ARTEL_TEST_PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions.length) {
    throw new Error('No PostgreSQL server found in /usr/lib/postgresql (set ARTEL_TEST_PG_BIN)')
  }
  return path.join(root, versions[0], 'bin')
}

// Root runs the server as the postgres user: PostgreSQL refuses to run as root.
const asRoot = process.getuid?.() === 0
function asServerUser(file, args) {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function startCluster(dir, ownerPid) {
  const bin = binDir()
  const data = path.join(dir, 'data')
  const socketDir = path.join(dir, 'socket')
  await mkdir(socketDir)
  if (asRoot) {
    const uid = Number(await run('id', ['-u', 'postgres']))
    const gid = Number(await run('id', ['-g', 'postgres']))
    await chown(dir, uid, gid)
    await chown(socketDir, uid, gid)
  }
  // The watcher: once the owner is gone, stop the server and remove the folder.
  const pgCtl = path.join(bin, 'pg_ctl')
  const stop = asRoot
    ? `runuser -u postgres -- '${pgCtl}' -D '${data}' -m immediate stop`
    : `'${pgCtl}' -D '${data}' -m immediate stop`
  spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${ownerPid} 2>/dev/null; do sleep 0.5; done; ` +
        `[ -f '${data}/postmaster.pid' ] && ${stop} >/dev/null 2>&1; rm -rf '${dir}'`,
    ],
    { detached: true, stdio: 'ignore' },
  ).unref()

  await run(
    ...asServerUser(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]),
  )
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-c unix_socket_directories=${socketDir}`,
      '-c max_connections=300',
      // A throwaway cluster: durability is not needed, speed is.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    ].join(' ')
    try {
      await run(
        ...asServerUser(pgCtl, [
          '-D',
          data,
          '-l',
          path.join(dir, 'server.log'),
          '-w',
          '-t',
          '60',
          '-o',
          options,
          'start',
        ]),
      )
      return port
    } catch (e) {
      if (attempt >= 3) {
        const log = await readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '')
        throw new Error(`${e.message}\nserver log:\n${log}`)
      }
    }
  }
}

// The cluster of this test run: { port, dir }.
async function cluster() {
  // Under `node --test` every test file is a child of the runner: share the runner's cluster.
  const ownerPid = process.env.NODE_TEST_CONTEXT ? process.ppid : process.pid
  const dir = path.join(os.tmpdir(), `artel-pg-${ownerPid}`)
  const state = path.join(dir, 'state.json')
  let starter = true
  try {
    await mkdir(dir)
  } catch (e) {
    if (e.code !== 'EEXIST') throw e
    starter = false
  }
  if (starter) {
    let port
    try {
      port = await startCluster(dir, ownerPid)
    } catch (e) {
      // The other test files would otherwise wait for a cluster that will not come.
      await writeFile(`${state}.tmp`, JSON.stringify({ error: e.message }))
      await rename(`${state}.tmp`, state)
      throw e
    }
    await writeFile(`${state}.tmp`, JSON.stringify({ port }))
    await rename(`${state}.tmp`, state)
    return { port, dir }
  }
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    const text = await readFile(state, 'utf8').catch(() => null)
    if (text) {
      const { port, error } = JSON.parse(text)
      if (error) throw new Error(`The PostgreSQL cluster of this test run did not start:\n${error}`)
      return { port, dir }
    }
    await sleep(100)
  }
  throw new Error(`The PostgreSQL cluster in ${dir} did not start within ${START_TIMEOUT_MS} ms`)
}

let clusterPromise = null
let counter = 0

async function psql(port, sql) {
  return run(path.join(binDir(), 'psql'), [
    '-X',
    '-q',
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    sql,
  ])
}

// A new, empty database in the cluster (started on first use).
export async function createTestDatabase() {
  clusterPromise ??= cluster()
  const { port } = await clusterPromise
  const name = `artel_${process.pid}_${++counter}`
  await psql(port, `CREATE DATABASE ${name}`)
  return {
    name,
    url: `postgresql://postgres@127.0.0.1:${port}/${name}`,
    drop: () => psql(port, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
