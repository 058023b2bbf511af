import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Notice, NoticePage } from '../api/notifications'

const calls: Array<{ method: string; params: unknown }> = []
let nextPage: NoticePage = { notifications: [], users: [] }
let release: (() => void) | null = null

vi.mock('../api/rest', () => ({
  rest: {
    result: vi.fn(async (method: string, params: unknown) => {
      calls.push({ method, params })
      if (method === 'im.notify.get') {
        if (release === null) return nextPage
        await new Promise<void>((resolve) => (release = resolve))
        return nextPage
      }
      if (method === 'im.notify.read.all') return { result: true, newCounter: 0 }
      return true
    }),
  },
}))

const { useNotificationsStore } = await import('./notifications')

function notice(id: number, read: 'Y' | 'N' = 'N', extra: Partial<Notice> = {}): Notice {
  return {
    id,
    author_id: 2,
    date: '2026-03-03T09:00:00+00:00',
    notify_type: 2,
    notify_module: 'im',
    notify_event: 'default',
    notify_tag: '',
    notify_sub_tag: '',
    setting_name: 'im|default',
    text: `notice ${id}`,
    notify_read: read,
    params: null,
    notify_count: 1,
    ...extra,
  }
}

describe('the bell', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    calls.length = 0
    release = null
    nextPage = {
      total_count: 2,
      total_unread_count: 1,
      notifications: [notice(2), notice(1, 'Y')],
      users: [{ id: 2, name: 'Boris Brown', first_name: 'Boris', last_name: 'Brown', avatar: '' }],
    }
  })

  it('loads my notices with the server’s counter and the authors', async () => {
    const bell = useNotificationsStore()
    await bell.load()
    expect(bell.items.map((n) => n.id)).toEqual([2, 1])
    expect(bell.unread).toBe(1)
    expect(bell.author(2)?.name).toBe('Boris Brown')
    expect(bell.hasMore).toBe(false)
  })

  it('puts a new or grouped entry on top and takes the counter from the message', async () => {
    const bell = useNotificationsStore()
    await bell.load()
    bell.added({ notification: notice(3), users: [], counter: 2 })
    expect(bell.items.map((n) => n.id)).toEqual([3, 2, 1])
    bell.added({
      notification: notice(1, 'N', { notify_count: 2, text: 'again' }),
      users: [],
      counter: 3,
    })
    expect(bell.items.map((n) => n.id)).toEqual([1, 3, 2])
    expect(bell.items[0].notify_count).toBe(2)
    expect(bell.unread).toBe(3)
    expect(bell.total).toBe(3)
  })

  it('follows reads and deletions from other tabs; a list too long to send reloads', async () => {
    const bell = useNotificationsStore()
    await bell.load()
    bell.readChanged({ ids: [2], read: true, counter: 0 })
    expect(bell.items.find((n) => n.id === 2)?.notify_read).toBe('Y')
    bell.deleted({ ids: [1], counter: 0 })
    expect(bell.items.map((n) => n.id)).toEqual([2])
    calls.length = 0
    bell.readChanged({ ids: null, read: true, counter: 0 })
    expect(calls.map((c) => c.method)).toEqual(['im.notify.get'])
  })

  it('keeps what arrived live while a reload was on its way', async () => {
    const bell = useNotificationsStore()
    release = () => undefined
    const loading = bell.load()
    await Promise.resolve()
    bell.added({ notification: notice(9), users: [], counter: 2 })
    release()
    await loading
    expect(bell.items.map((n) => n.id)).toEqual([9, 2, 1])
    expect(bell.unread).toBe(2)
  })

  it('reading one or all asks the server and updates the counter at once', async () => {
    const bell = useNotificationsStore()
    await bell.load()
    await bell.markRead(2)
    expect(bell.unread).toBe(0)
    expect(calls.at(-1)).toEqual({ method: 'im.notify.read', params: { ID: 2, ONLY_CURRENT: 'Y' } })
    bell.added({ notification: notice(4), users: [], counter: 1 })
    await bell.markAllRead()
    expect(bell.items.every((n) => n.notify_read === 'Y')).toBe(true)
    expect(bell.unread).toBe(0)
  })
})
