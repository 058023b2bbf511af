// Runs a command with ARTEL_TEST_POSTGRES_URL naming a fresh database in a throwaway PostgreSQL
// cluster (support/postgres.mjs), then drops it; the cluster goes when this process ends. For
// the C++ tests that need a server:
//
//   node tests/support/with-postgres.mjs build/unit_tests --gtest_filter='*Postgres*'
import { spawn } from 'node:child_process'

import { createTestDatabase } from './postgres.mjs'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: node tests/support/with-postgres.mjs COMMAND [ARGS…]')
  process.exit(2)
}
const database = await createTestDatabase()
const code = await new Promise((resolve) => {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ARTEL_TEST_POSTGRES_URL: database.url },
  })
  child.once('error', (e) => {
    console.error(`${command}: ${e.message}`)
    resolve(127)
  })
  child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
})
await database.drop()
process.exit(code)
