import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import type { TaskChanges } from './useLiveTasks'

// The live store replaced by one the test sends messages through.
type Handler = (data: unknown) => void
const handlers = new Map<string, Set<Handler>>()
const live = reactive({ reconnects: 0 })
vi.mock('../stores/live', () => ({
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
const send = (type: string, data: unknown) => handlers.get(type)?.forEach((h) => h(data))

const { useLiveTasks } = await import('./useLiveTasks')

describe('useLiveTasks', () => {
  afterEach(() => vi.useRealTimers())

  it('hands over a burst of messages at once, each task with all that happened to it', async () => {
    vi.useFakeTimers()
    const calls: TaskChanges[] = []
    const scope = effectScope()
    scope.run(() => useLiveTasks({ changed: (c) => calls.push(c), comments: true }))
    send('task.changed', { ID: 5, ACTION: 'checklist' })
    send('task.changed', { ID: '5', ACTION: 'update' })
    send('task.changed', { ID: 6 })
    send('task.comment', { TASK_ID: 7 })
    send('task.changed', {})
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(100)
    expect(calls).toHaveLength(1)
    expect([...calls[0]].map(([id, what]) => [id, [...what]])).toEqual([
      ['5', ['checklist', 'update']],
      ['6', ['update']],
      ['7', ['comment']],
    ])
    send('task.changed', { ID: 8, ACTION: 'delete' })
    await vi.advanceTimersByTimeAsync(100)
    expect(calls).toHaveLength(2)

    // Gone with its component: nothing more arrives.
    scope.stop()
    send('task.changed', { ID: 9 })
    await vi.advanceTimersByTimeAsync(100)
    expect(calls).toHaveLength(2)
    expect(handlers.get('task.changed')?.size).toBe(0)
  })

  it('leaves comments out unless asked, and tells of a reconnect', async () => {
    vi.useFakeTimers()
    const calls: TaskChanges[] = []
    let reconnected = 0
    const scope = effectScope()
    scope.run(() =>
      useLiveTasks({ changed: (c) => calls.push(c), reconnected: () => reconnected++ }),
    )
    send('task.comment', { TASK_ID: 7 })
    await vi.advanceTimersByTimeAsync(100)
    expect(calls).toHaveLength(0)
    live.reconnects++
    await nextTick()
    expect(reconnected).toBe(1)
    scope.stop()
  })
})
