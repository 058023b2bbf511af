import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { rest } from '../api/rest'
import type {
  Notice,
  NoticeAdded,
  NoticeAuthor,
  NoticePage,
  NoticesChanged,
} from '../api/notifications'

const PAGE = 50

type LiveEvent =
  | { type: 'added'; data: NoticeAdded }
  | { type: 'read'; data: NoticesChanged }
  | { type: 'deleted'; data: NoticesChanged }

/**
 * The bell: my notices from im.notify.get (newest first), the unread counter the server keeps,
 * and the live notify.added / notify.read / notify.deleted that every open tab receives.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<Notice[]>([])
  const authors = ref<Record<number, NoticeAuthor>>({})
  const unread = ref(0)
  const total = ref(0)
  const loaded = ref(false)
  const loading = ref(false)
  const hasMore = computed(() => items.value.length < total.value)

  // Live messages that arrive while a page is on its way are applied again on top of it, so a
  // reload never hides what happened meanwhile.
  let inFlight = 0
  let pending: LiveEvent[] = []

  function remember(users: NoticeAuthor[] | undefined): void {
    for (const user of users ?? []) authors.value[user.id] = user
  }

  function author(id: number): NoticeAuthor | undefined {
    return id ? authors.value[id] : undefined
  }

  async function load(): Promise<void> {
    inFlight++
    loading.value = true
    try {
      const page = await rest.result<NoticePage>('im.notify.get', { LIMIT: PAGE })
      remember(page.users)
      items.value = page.notifications ?? []
      unread.value = page.total_unread_count ?? 0
      total.value = page.total_count ?? items.value.length
      loaded.value = true
    } finally {
      inFlight--
      loading.value = inFlight > 0
      if (inFlight === 0) {
        const replay = pending
        pending = []
        for (const event of replay) apply(event)
      }
    }
  }

  async function loadMore(): Promise<void> {
    const last = items.value[items.value.length - 1]
    if (!last) return load()
    const page = await rest.result<NoticePage>('im.notify.get', {
      LIMIT: PAGE,
      LAST_ID: last.id,
      LAST_TYPE: 3,
    })
    remember(page.users)
    const known = new Set(items.value.map((item) => item.id))
    items.value = [...items.value, ...(page.notifications ?? []).filter((n) => !known.has(n.id))]
    if (page.total_count !== undefined) total.value = page.total_count
  }

  function apply(event: LiveEvent): void {
    if (inFlight > 0) pending.push(event)
    if (event.type === 'added') {
      const entry = event.data.notification
      remember(event.data.users)
      const had = items.value.some((item) => item.id === entry.id)
      items.value = [entry, ...items.value.filter((item) => item.id !== entry.id)]
      if (!had) total.value++
      unread.value = event.data.counter
      return
    }
    const ids = event.data.ids
    if (ids === null) {
      void load().catch(() => undefined)
      return
    }
    const set = new Set(ids)
    if (event.type === 'read') {
      const flag = event.data.read ? 'Y' : 'N'
      items.value = items.value.map((item) =>
        set.has(item.id) ? { ...item, notify_read: flag } : item,
      )
    } else {
      const before = items.value.length
      items.value = items.value.filter((item) => !set.has(item.id))
      total.value = Math.max(0, total.value - (before - items.value.length))
    }
    unread.value = event.data.counter
  }

  const added = (data: NoticeAdded) => apply({ type: 'added', data })
  const readChanged = (data: NoticesChanged) => apply({ type: 'read', data })
  const deleted = (data: NoticesChanged) => apply({ type: 'deleted', data })

  async function markRead(id: number): Promise<void> {
    const item = items.value.find((n) => n.id === id)
    if (!item || item.notify_read === 'Y') return
    items.value = items.value.map((n) => (n.id === id ? { ...n, notify_read: 'Y' } : n))
    unread.value = Math.max(0, unread.value - 1)
    await rest.result('im.notify.read', { ID: id, ONLY_CURRENT: 'Y' })
  }

  async function markAllRead(): Promise<void> {
    items.value = items.value.map((n) => ({ ...n, notify_read: 'Y' }))
    unread.value = 0
    const answer = await rest.result<{ result: boolean; newCounter: number }>('im.notify.read.all')
    unread.value = answer?.newCounter ?? 0
  }

  function clear(): void {
    items.value = []
    authors.value = {}
    unread.value = 0
    total.value = 0
    loaded.value = false
    pending = []
  }

  return {
    items,
    unread,
    total,
    loaded,
    loading,
    hasMore,
    author,
    load,
    loadMore,
    added,
    readChanged,
    deleted,
    markRead,
    markAllRead,
    clear,
  }
})
