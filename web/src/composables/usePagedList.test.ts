import { describe, expect, it } from 'vitest'
import { usePagedList, type ListPage } from './usePagedList'

interface Row {
  ID: string
}
const rows = (...ids: number[]): Row[] => ids.map((id) => ({ ID: String(id) }))

/** A read whose answers the test hands out one by one, in any order. */
function controlledReads() {
  const waiting: Array<{
    start: number
    answer: (page: ListPage<Row>) => void
    fail: (e: unknown) => void
  }> = []
  const read = (start: number) =>
    new Promise<ListPage<Row>>((answer, fail) => waiting.push({ start, answer, fail }))
  return { read, waiting }
}
const settle = () => new Promise((resolve) => setTimeout(resolve))

describe('usePagedList', () => {
  it('shows the first page, then appends the next one from `next`, a row shown once', async () => {
    const reads = controlledReads()
    const list = usePagedList(reads.read, (r) => r.ID)
    const first = list.load()
    expect(list.loading.value).toBe(true)
    reads.waiting[0].answer({ items: rows(1, 2), total: 3, next: 2 })
    await first
    expect(list.items.value.map((r) => r.ID)).toEqual(['1', '2'])
    expect([list.total.value, list.next.value, list.loading.value]).toEqual([3, 2, false])

    const more = list.more()
    expect(reads.waiting[1].start).toBe(2)
    reads.waiting[1].answer({ items: rows(2, 3), total: 3 })
    await more
    expect(list.items.value.map((r) => r.ID)).toEqual(['1', '2', '3'])
    expect(list.next.value).toBeUndefined()
    await list.more()
    expect(reads.waiting).toHaveLength(2)
  })

  it('lets only the latest read land: an older, slower answer is dropped', async () => {
    const reads = controlledReads()
    const list = usePagedList(reads.read, (r) => r.ID)
    const older = list.load()
    const newer = list.load()
    reads.waiting[1].answer({ items: rows(7), total: 1 })
    await newer
    reads.waiting[0].answer({ items: rows(1, 2), total: 2 })
    await older
    expect(list.items.value.map((r) => r.ID)).toEqual(['7'])
    expect(list.total.value).toBe(1)
  })

  it('keeps the busy state and the error for the latest read', async () => {
    const reads = controlledReads()
    const list = usePagedList(reads.read, (r) => r.ID)
    const older = list.load()
    void list.load()
    reads.waiting[0].fail(new Error('old'))
    await older
    expect(list.loading.value).toBe(true)
    expect(list.error.value).toBeNull()
    reads.waiting[1].fail(new Error('new'))
    await settle()
    expect(list.loading.value).toBe(false)
    expect((list.error.value as Error).message).toBe('new')
  })

  it('refreshes the shown rows in place and keeps them when that read fails', async () => {
    const reads = controlledReads()
    const list = usePagedList(reads.read, (r) => r.ID)
    const first = list.load()
    reads.waiting[0].answer({ items: rows(1, 2), total: 2 })
    await first

    let asked = -1
    await list.refresh(async (shown) => {
      asked = shown
      return { items: rows(3, 1, 2, 1), total: 3 }
    })
    expect(asked).toBe(2)
    expect(list.items.value.map((r) => r.ID)).toEqual(['3', '1', '2'])

    await list.refresh(() => Promise.reject(new Error('offline')))
    expect(list.items.value.map((r) => r.ID)).toEqual(['3', '1', '2'])
    expect(list.error.value).toBeNull()
  })
})
