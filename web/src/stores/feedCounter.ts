import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { feedApi } from '../api/feed'
import { useLiveStore } from './live'
import { useSessionStore } from './session'

/** The most the menu writes out; the server counts up to 100. */
const SHOWN_MAX = 99

/**
 * The menu's count of new feed entries: what log.feed.counter says on load (and after a
 * reconnect), plus one for each entry someone else adds while the feed is not open. Opening the
 * feed tells the server it was seen (log.feed.seen) and the count drops to none; while a feed
 * page is open, what arrives is on screen, so it is marked seen instead of counted.
 */
export const useFeedCounterStore = defineStore('feedCounter', () => {
  const session = useSessionStore()
  const live = useLiveStore()
  const count = ref(0)
  /** How many feed pages are open (a page counts itself in on mount, out on unmount). */
  const viewing = ref(0)
  let started = false
  let readNo = 0
  let seenTimer: ReturnType<typeof setTimeout> | null = null

  const label = computed(() =>
    count.value > SHOWN_MAX ? `${SHOWN_MAX}+` : count.value ? String(count.value) : '',
  )

  async function refresh(): Promise<void> {
    if (!session.user) return
    if (viewing.value) return markSeenSoon()
    const mine = ++readNo
    try {
      const answer = await feedApi.counter()
      if (mine === readNo && !viewing.value) count.value = Number(answer?.NEW) || 0
    } catch {
      // The menu keeps what it had; the next reconnect or page load reads it again.
    }
  }

  function markSeenSoon(): void {
    seenTimer ??= setTimeout(() => {
      seenTimer = null
      void feedApi.seen().catch(() => undefined)
    }, 1000)
  }

  function onEntry(data: unknown): void {
    const d = (data ?? {}) as { ACTION?: string; USER_ID?: string | number }
    if (d.ACTION !== 'add') return
    if (String(d.USER_ID ?? '') === String(session.user?.ID ?? '')) return
    if (viewing.value) markSeenSoon()
    else count.value++
  }

  /** Listens for the menu once per page load; safe to call from every menu that shows it. */
  function start(): void {
    if (started) return
    started = true
    live.on('feed.entry', onEntry)
    watch(
      () => live.reconnects,
      () => void refresh(),
    )
    watch(
      () => session.user?.ID,
      () => {
        readNo++
        count.value = 0
        void refresh()
      },
      { immediate: true },
    )
  }

  /** A feed page opened: what is there now counts as seen. */
  function opened(): void {
    viewing.value++
    readNo++
    count.value = 0
    void feedApi.seen().catch(() => undefined)
  }

  function closed(): void {
    viewing.value = Math.max(0, viewing.value - 1)
  }

  return { count, label, viewing, start, refresh, opened, closed }
})
