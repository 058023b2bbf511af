/**
 * A list read a page at a time, "show more" following the server's `next`. The filter behind
 * `read` may change while an answer is on its way, so only the latest read lands: a slow answer
 * to an older search never replaces a newer one, nor clears the busy state of the newer read.
 */
import { ref, type Ref } from 'vue'

export interface ListPage<T> {
  items: T[]
  total: number
  next?: number
}

export function usePagedList<T>(
  read: (start: number) => Promise<ListPage<T>>,
  key: (item: T) => string,
) {
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const next = ref<number | undefined>(undefined)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let readNo = 0

  // Offset pages shift when rows are added meanwhile: a row already shown stays once.
  function show(before: T[], page: ListPage<T>) {
    const seen = new Set(before.map(key))
    const fresh = page.items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)))
    items.value = [...before, ...fresh]
    total.value = page.total
    next.value = page.next
  }

  async function take(reading: () => Promise<ListPage<T>>, append: boolean, quiet = false) {
    const mine = ++readNo
    if (!quiet) {
      loading.value = true
      error.value = null
    }
    try {
      const page = await reading()
      if (mine !== readNo) return
      show(append ? items.value : [], page)
    } catch (e) {
      if (!quiet && mine === readNo) error.value = e
    } finally {
      if (mine === readNo) loading.value = false
    }
  }

  /** The first page, as the filter stands now. */
  const load = (): Promise<void> => take(() => read(0), false)

  /** The page after the rows shown. */
  async function more(): Promise<void> {
    if (next.value === undefined || loading.value) return
    const start = next.value
    await take(() => read(start), true)
  }

  /**
   * The shown rows read again in place (after a live message or a reconnect); `reading` gets
   * how many rows are shown. A failed read keeps the rows: the next message tries again.
   */
  const refresh = (reading: (shown: number) => Promise<ListPage<T>>): Promise<void> =>
    take(() => reading(items.value.length), false, true)

  return { items, total, next, loading, error, load, more, refresh }
}
