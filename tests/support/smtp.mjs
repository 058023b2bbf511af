// A real SMTP server (aiosmtpd, see smtp_sink.py) that records every message it receives.
//
//   const smtp = await startSmtp()
//   ... start the portal with { smtp: smtp.url } ...
//   const msg = await smtp.waitFor((m) => m.to.includes('ann@example.test'))
//   await smtp.stop()
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const SINK = fileURLToPath(new URL('./smtp_sink.py', import.meta.url))
// Debian's interpreter: python3-aiosmtpd is installed for it, not for other pythons on PATH.
const PYTHON = process.env.ARTEL_TEST_PYTHON || '/usr/bin/python3'

const running = new Set()
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export async function startSmtp({ timeoutMs = 10000 } = {}) {
  const child = spawn(PYTHON, [SINK], { stdio: ['pipe', 'pipe', 'pipe'] })
  running.add(child)
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d) => (stderr += d))

  const messages = []
  const waiters = new Set()
  const lines = createInterface({ input: child.stdout })

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`SMTP sink did not start within ${timeoutMs} ms; stderr:\n${stderr}`))
    }, timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(
        new Error(`SMTP sink exited (${code ?? signal}) before it was ready; stderr:\n${stderr}`),
      )
    })
    child.once('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    lines.on('line', (line) => {
      let record
      try {
        record = JSON.parse(line)
      } catch {
        return
      }
      if (record.ready) {
        clearTimeout(timer)
        resolve(record.ready)
        return
      }
      messages.push(record)
      for (const w of [...waiters]) w(record)
    })
  })

  function waitFor(predicate = () => true, ms = 10000) {
    const found = messages.find(predicate)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const waiter = (m) => {
        if (!predicate(m)) return
        clearTimeout(timer)
        waiters.delete(waiter)
        resolve(m)
      }
      const timer = setTimeout(() => {
        waiters.delete(waiter)
        const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n  ')
        reject(new Error(`No matching e-mail within ${ms} ms. Received:\n  ${seen || '(none)'}`))
      }, ms)
      waiters.add(waiter)
    })
  }

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child)
      return
    }
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
    running.delete(child)
  }

  return { url: `smtp://127.0.0.1:${port}`, port, messages, waitFor, stop }
}
