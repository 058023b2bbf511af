import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick, reactive } from 'vue'

// The live store replaced by one the test sends messages through.
type Handler = (data: unknown) => void
const handlers = new Map<string, Set<Handler>>()
const live = reactive({ reconnects: 0 })
vi.mock('./live', () => ({
  useLiveStore: () => ({
    get reconnects() {
      return live.reconnects
    },
    on(type: string, handler: Handler) {
      if (!handlers.has(type)) handlers.set(type, new Set())
      handlers.get(type)!.add(handler)
      return () => handlers.get(type)!.delete(handler)
    },
  }),
}))
const session = reactive<{ user: { ID: string } | null }>({ user: { ID: '4' } })
vi.mock('./session', () => ({ useSessionStore: () => session }))

const calls: string[] = []
let serverCount = 3
vi.mock('../api/rest', () => ({
  rest: {
    result: vi.fn(async (method: string) => {
      calls.push(method)
      if (method === 'log.feed.counter') return { NEW: serverCount }
      return true
    }),
  },
}))

const { useFeedCounterStore } = await import('./feedCounter')
const send = (data: unknown) => handlers.get('feed.entry')?.forEach((h) => h(data))
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the menu counter of new feed entries', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    handlers.clear()
    calls.length = 0
    serverCount = 3
    session.user = { ID: '4' }
  })
  afterEach(() => vi.useRealTimers())

  it('starts from the server, counts what others add, not my own or other changes', async () => {
    const counter = useFeedCounterStore()
    counter.start()
    counter.start()
    await settle()
    expect(calls).toEqual(['log.feed.counter'])
    expect(counter.count).toBe(3)
    send({ ID: '10', ACTION: 'add', USER_ID: '7' })
    send({ ID: '11', ACTION: 'add', USER_ID: '4' })
    send({ ID: '10', ACTION: 'comment', USER_ID: '7' })
    expect(counter.count).toBe(4)
    expect(counter.label).toBe('4')
    counter.count = 120
    expect(counter.label).toBe('99+')
  })

  it('drops to none when the feed opens, and marks what arrives while it is open as seen', async () => {
    vi.useFakeTimers()
    const counter = useFeedCounterStore()
    counter.start()
    await vi.advanceTimersByTimeAsync(0)
    counter.opened()
    expect(counter.count).toBe(0)
    expect(counter.label).toBe('')
    expect(calls).toContain('log.feed.seen')
    calls.length = 0
    send({ ID: '12', ACTION: 'add', USER_ID: '7' })
    send({ ID: '13', ACTION: 'add', USER_ID: '8' })
    expect(counter.count).toBe(0)
    await vi.advanceTimersByTimeAsync(1100)
    expect(calls).toEqual(['log.feed.seen'])
    counter.closed()
    send({ ID: '14', ACTION: 'add', USER_ID: '7' })
    expect(counter.count).toBe(1)
  })

  it('reads the count again after a reconnect and for another person', async () => {
    const counter = useFeedCounterStore()
    counter.start()
    await settle()
    serverCount = 5
    live.reconnects++
    await nextTick()
    await settle()
    expect(counter.count).toBe(5)
    serverCount = 0
    session.user = { ID: '9' }
    await nextTick()
    await settle()
    expect(counter.count).toBe(0)
  })
})
