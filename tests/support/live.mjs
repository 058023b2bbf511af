// A person's live connection to /ws, for tests that wait for events.
//
//   const live = await openLive(portal, session, sockets)
//   const msg = await live.next((m) => m.type === 'task.changed')
//
// `sockets` collects the connections so that the test's `after` can terminate them.
import WebSocket from 'ws'

export const liveUrl = (portal) => `${portal.url.replace(/^http/, 'ws')}/ws`

// Resolves to { ws, messages, next(predicate, ms) } once the upgrade is accepted; rejects with
// the HTTP status when it is refused. `next` resolves to the first message (already received or
// still to come) that matches, or rejects after `ms` listing what did arrive.
export function openLive(portal, session, sockets, { headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(liveUrl(portal), {
      headers: { cookie: `artel_session=${session.cookie}`, origin: portal.url, ...headers },
    })
    sockets.push(ws)
    const messages = []
    const waiters = new Set()
    ws.on('message', (data) => {
      let msg
      try {
        msg = JSON.parse(String(data))
      } catch {
        msg = { unparsed: String(data) }
      }
      messages.push(msg)
      for (const w of [...waiters]) w(msg)
    })
    const next = (predicate, ms = 10000) => {
      const found = messages.find(predicate)
      if (found) return Promise.resolve(found)
      return new Promise((res, rej) => {
        const waiter = (m) => {
          if (!predicate(m)) return
          clearTimeout(timer)
          waiters.delete(waiter)
          res(m)
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          rej(
            new Error(`no matching live message within ${ms} ms; got ${JSON.stringify(messages)}`),
          )
        }, ms)
        waiters.add(waiter)
      })
    }
    ws.once('open', () => resolve({ ws, messages, next }))
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
    )
    ws.once('error', reject)
  })
}
