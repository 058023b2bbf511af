import { describe, expect, it, vi } from 'vitest'
import { LiveSocket, backoffDelay, liveUrl } from './live'

describe('live socket', () => {
  it('builds the /ws address from the page address', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws')
    expect(liveUrl({ protocol: 'https:', host: 'portal.example' })).toBe('wss://portal.example/ws')
  })

  it('backs off exponentially up to a ceiling', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, 500, 30_000))).toEqual([
      500, 1000, 2000, 4000, 30_000,
    ])
  })

  it('hands each message to the handlers of its type', () => {
    const socket = new LiveSocket({ url: 'ws://x/ws', createSocket: () => ({}) as WebSocket })
    const onUser = vi.fn()
    const onAny = vi.fn()
    socket.on('user.updated', onUser)
    socket.on('*', onAny)
    socket.dispatch(JSON.stringify({ type: 'user.updated', data: { ID: '5' } }))
    socket.dispatch(JSON.stringify({ type: 'department.changed', data: { ID: '3' } }))
    socket.dispatch('not json')
    expect(onUser).toHaveBeenCalledWith({ ID: '5' }, { type: 'user.updated', data: { ID: '5' } })
    expect(onUser).toHaveBeenCalledOnce()
    expect(onAny).toHaveBeenCalledTimes(2)
  })

  it('reconnects after the connection drops', () => {
    vi.useFakeTimers()
    const sockets: Array<Partial<WebSocket>> = []
    const socket = new LiveSocket({
      url: 'ws://x/ws',
      minDelayMs: 100,
      createSocket: () => {
        const fake: Partial<WebSocket> = { close: vi.fn() }
        sockets.push(fake)
        return fake as WebSocket
      },
    })
    socket.open()
    expect(sockets).toHaveLength(1)
    sockets[0].onclose?.({} as CloseEvent)
    vi.advanceTimersByTime(99)
    expect(sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(2)
    socket.close()
    sockets[1].onclose?.({} as CloseEvent)
    vi.advanceTimersByTime(10_000)
    expect(sockets).toHaveLength(2)
    vi.useRealTimers()
  })
})
