/**
 * The entries a feed page holds, newest first (by id, as the server pages them), and what a
 * burst of live `feed.entry` messages asks of them. Plain functions over arrays, so the page's
 * rules are testable without a browser.
 */
import type { FeedEntry } from '../../api/feed'
import type { LiveChanges } from '../../composables/useLiveChanges'

const byNewest = (a: { ID: string }, b: { ID: string }) => Number(b.ID) - Number(a.ID)

/** The list with the entries of the next (older) page after it; one already held stays once. */
export function appendPage(list: FeedEntry[], page: FeedEntry[]): FeedEntry[] {
  const held = new Set(list.map((e) => e.ID))
  return [...list, ...page.filter((e) => !held.has(e.ID))]
}

/** The list with `entry` in its place: a newer copy replaces the old, a new one goes in order. */
export function placeEntry(list: FeedEntry[], entry: FeedEntry): FeedEntry[] {
  const at = list.findIndex((e) => e.ID === entry.ID)
  if (at >= 0) return list.map((e, i) => (i === at ? entry : e))
  return [...list, entry].sort(byNewest)
}

export function dropEntry(list: FeedEntry[], id: string): FeedEntry[] {
  return list.some((e) => e.ID === id) ? list.filter((e) => e.ID !== id) : list
}

export interface LivePlan {
  /** Gone for everyone: taken off the page. */
  remove: string[]
  /** Held and changed: read again (without the filter, so an edit does not hide it). */
  reread: string[]
  /** Not held: read with the page's filter, and shown when it passes and belongs on the page. */
  fetch: string[]
  /** Held entries whose comments (or the likes of their comments) changed. */
  comments: string[]
}

/**
 * What to do with a burst of live messages. `held` are the ids on the page; `oldest` is the
 * oldest of them while older pages remain unread (an entry older than that appears when they are
 * read), or null when the page holds the whole feed.
 */
export function planLive(changes: LiveChanges, held: Set<string>, oldest: string | null): LivePlan {
  const plan: LivePlan = { remove: [], reread: [], fetch: [], comments: [] }
  for (const [id, actions] of changes) {
    if (actions.has('delete')) {
      if (held.has(id)) plan.remove.push(id)
      continue
    }
    if (held.has(id)) {
      plan.reread.push(id)
      if (actions.has('comment') || actions.has('like')) plan.comments.push(id)
      continue
    }
    // A new entry, or one that became mine to see (shared with me, a task I joined).
    if (oldest !== null && Number(id) < Number(oldest)) continue
    if (actions.has('add') || actions.has('update')) plan.fetch.push(id)
  }
  return plan
}

/** The like counted at once on the reader's click, before the server answers. */
export function toggledLikes<T extends { LIKES: FeedEntry['LIKES'] }>(item: T, on: boolean): T {
  const mine = item.LIKES.MINE === 'Y'
  if (mine === on) return item
  const count = Math.max(0, item.LIKES.COUNT + (on ? 1 : -1))
  return { ...item, LIKES: { ...item.LIKES, COUNT: count, MINE: on ? 'Y' : 'N' } }
}
