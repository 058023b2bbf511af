// `artel backup` takes a consistent copy while the server runs; `artel restore` brings the
// whole portal back — people, departments, uploaded photos — into another folder.
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { promisify } from 'node:util'

import { artelBin, startPortal } from '../support/server.mjs'

const run = promisify(execFile)
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

let portal
let scratch
before(async () => {
  portal = await startPortal()
  scratch = await mkdtemp(path.join(os.tmpdir(), 'artel-backup-'))
})
after(async () => {
  await portal?.stop()
  await rm(scratch, { recursive: true, force: true })
})

async function serve(dataDir) {
  const child = spawn(artelBin, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0'])
  const url = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      if (m) resolve(m[1])
    })
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
  return {
    url,
    stop: () =>
      new Promise((r) => {
        child.once('exit', r)
        child.kill('SIGTERM')
      }),
  }
}

test('a backup taken while serving restores the people, departments and photos', async () => {
  const dep = await portal.call('department.add', { NAME: 'Бухгалтерия', PARENT: 1 })
  assert.equal(dep.status, 200)
  const add = await portal.call('user.add', {
    EMAIL: 'kept@example.test',
    NAME: 'Ксения',
    PASSWORD: 'secret-pass-1',
    UF_DEPARTMENT: [dep.body.result],
    PERSONAL_PHOTO: ['face.png', PNG.toString('base64')],
  })
  assert.equal(add.status, 200)

  const archive = path.join(scratch, 'portal.tar')
  await portal.cli(['backup', archive])

  // A change after the backup must not be in the copy.
  await portal.call('department.add', { NAME: 'After backup', PARENT: 1 })

  const restored = path.join(scratch, 'restored')
  await run(artelBin, ['restore', '--data', restored, archive])
  await assert.rejects(run(artelBin, ['restore', '--data', restored, archive]), /already exists/)

  const server = await serve(restored)
  try {
    const hook = (
      await run(artelBin, [
        'webhook',
        'add',
        '--data',
        restored,
        '--user',
        '1',
        '--scope',
        'user,department',
      ])
    ).stdout.trim()
    const users = await (
      await fetch(`${server.url}${hook}user.get?FILTER[EMAIL]=kept@example.test`)
    ).json()
    assert.equal(users.result.length, 1)
    assert.equal(users.result[0].NAME, 'Ксения')
    assert.deepEqual(users.result[0].UF_DEPARTMENT, [dep.body.result])
    const photo = await fetch(users.result[0].PERSONAL_PHOTO)
    assert.equal(photo.status, 200)
    assert.deepEqual(Buffer.from(await photo.arrayBuffer()), PNG)
    const deps = await (await fetch(`${server.url}${hook}department.get`)).json()
    const names = deps.result.map((d) => d.NAME)
    assert.ok(names.includes('Бухгалтерия'))
    assert.ok(!names.includes('After backup'))
  } finally {
    await server.stop()
  }
})

test('restore refuses a file that is not an Artel backup', async () => {
  const bogus = path.join(scratch, 'bogus.tar')
  await run('tar', ['-cf', bogus, '-C', os.tmpdir(), path.basename(scratch)]).catch(() => {})
  await assert.rejects(
    run(artelBin, ['restore', '--data', path.join(scratch, 'x'), bogus]),
    /Not an Artel backup|Cannot read/,
  )
})
