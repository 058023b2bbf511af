import { describe, expect, it, vi } from 'vitest'
import type { Task } from '../../api/tasks'

const task = (id: string, title = `Task ${id}`) => ({ id, title, parentId: null }) as Task

// The list's API replaced: the first page, and what the changed tasks are now.
const reads: Array<{ ids: Array<string | number>; lists: string[] }> = []
vi.mock('../../api/tasks', () => ({
  tasksApi: {
    list: async () => ({ result: { tasks: ['1', '2', '3'].map((id) => task(id)) }, total: 3 }),
  },
}))
vi.mock('../../api/batch', () => ({
  tasksByIds: async (ids: Array<string | number>, lists: Record<string, unknown>) => {
    reads.push({ ids, lists: Object.keys(lists) })
    return {
      // 2 was renamed, 4 is new and matches; 3 no longer matches the list's filter.
      matching: [task('2', 'Renamed'), task('4')],
      anyway: [task('2', 'Renamed'), task('3'), task('4')],
    }
  },
}))

const { useTaskRows } = await import('./useTaskRows')

describe('task list rows', () => {
  it('reads a burst of live changes in one request and applies each', async () => {
    const list = useTaskRows()
    await list.load({ TAG: ['X'] }, { ID: 'DESC' })
    expect(list.total.value).toBe(3)
    await list.refresh(
      new Map([
        ['1', new Set(['delete'])],
        ['2', new Set(['update'])],
        ['4', new Set(['add'])],
        ['3', new Set(['comment'])],
      ]),
    )
    expect(reads).toEqual([{ ids: ['2', '4', '3'], lists: ['matching', 'anyway'] }])
    expect(list.rows.value.map((r) => r.task.title)).toEqual(['Task 4', 'Renamed'])
    expect(list.total.value).toBe(2)
  })
})
