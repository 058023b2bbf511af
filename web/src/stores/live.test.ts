import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

// The socket replaced by one the test opens and closes; the API by a recorder.
const sockets: Array<{ onStateChange: ((open: boolean) => void) | null }> = []
vi.mock('../api/live', () => ({
  LiveSocket: class {
    onStateChange: ((open: boolean) => void) | null = null
    constructor() {
      sockets.push(this)
    }
    on() {
      return () => undefined
    }
    open() {}
    close() {}
  },
}))
const methods: string[] = []
vi.mock('../api/rest', () => ({
  rest: {
    result: vi.fn(async (method: string) => {
      methods.push(method)
      if (method === 'im.notify.get') return { notifications: [], users: [] }
      return {}
    }),
  },
}))

const { useLiveStore } = await import('./live')
const reads = () => methods.filter((m) => m === 'im.notify.get').length

describe('live store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    sockets.length = 0
    methods.length = 0
  })

  it('reads the notices once per connection, not once more on start', async () => {
    const live = useLiveStore()
    live.start()
    expect(reads()).toBe(0)
    sockets[0].onStateChange?.(true)
    expect(reads()).toBe(1)
    // Lost and back: what was sent meanwhile is read again.
    sockets[0].onStateChange?.(false)
    sockets[0].onStateChange?.(true)
    expect(reads()).toBe(2)
    expect(live.reconnects).toBe(1)
    live.stop()
  })

  it('still reads them when the socket cannot connect', () => {
    const live = useLiveStore()
    live.start()
    sockets[0].onStateChange?.(false)
    sockets[0].onStateChange?.(false)
    expect(reads()).toBe(1)
    live.stop()
  })
})
