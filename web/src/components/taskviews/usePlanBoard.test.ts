import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Task } from '../../api/tasks'

function task(fields: Partial<Task>): Task {
  return { id: '1', title: 'A task', status: '2', planStageId: '0', ...fields } as Task
}

// The board with the API replaced: live messages and the echo of one's own moves.
const calls: Array<[string, unknown[]]> = []
let refuseMoves = false
vi.mock('../../api/tasks', async () => {
  const { testStages } = await import('../kanban/testStages')
  return {
    tasksApi: {
      planStages: async () => testStages(['1', '2'], { ENTITY_ID: '5', ENTITY_TYPE: 'U' }),
      moveToStage: async (...args: unknown[]) => {
        calls.push(['moveToStage', args])
        if (refuseMoves) throw new Error('Refused.')
        return true
      },
      list: async () => ({ result: { tasks: [] } }),
    },
  }
})
vi.mock('../../api/batch', () => ({
  PAGE_SIZE: 50,
  batch: async (commands: Record<string, unknown>) => {
    const result: Record<string, { tasks: Task[] }> = {}
    const total: Record<string, number> = {}
    for (const key of Object.keys(commands)) {
      result[key] = {
        tasks: key === 'c1' ? [task({ id: '10' }), task({ id: '11' })] : [task({ id: '20' })],
      }
      total[key] = result[key].tasks.length
    }
    return { result, total, error: {} }
  },
  tasksByIds: async (ids: string[], lists: Record<string, { filter: Record<string, unknown> }>) => {
    calls.push(['tasksByIds', [ids, Object.values(lists)[0].filter]])
    const found = ids.filter((id) => id !== '11').map((id) => task({ id, title: `Fresh ${id}` }))
    return Object.fromEntries(Object.keys(lists).map((key) => [key, found]))
  },
  taskPages: async (params: { filter: { PLAN_STAGE_ID: string } }) => {
    calls.push(['taskPages', [params.filter.PLAN_STAGE_ID]])
    return { tasks: [], total: 0 }
  },
}))

describe('My Plan board', () => {
  afterEach(() => {
    calls.length = 0
  })

  it('saves a move with its neighbour and ignores the echo of its own move', async () => {
    const { usePlanBoard } = await import('./usePlanBoard')
    const board = usePlanBoard({ me: () => '5', onError: () => undefined })
    await board.load()
    expect(board.columns['1'].items.map((t) => t.id)).toEqual(['10', '11'])
    // Card 11 dropped on top of column 2.
    const [moved] = board.columns['1'].items.splice(1, 1)
    board.columns['2'].items.unshift(moved)
    await board.persistMove('11', '1', '2', 1)
    expect(calls).toEqual([['moveToStage', ['11', '2', { before: '20' }]]])
    expect(board.columns['2'].total).toBe(2)
    expect(board.columns['1'].total).toBe(1)

    // The live echo of that move changes nothing.
    board.onPlanMessage({ TASK_ID: '11', STAGE_ID: '2' })
    expect(board.columns['2'].items.map((t) => t.id)).toEqual(['11', '20'])

    // A move made in another tab takes the card out and reads its new column again.
    vi.useFakeTimers()
    board.onPlanMessage({ TASK_ID: '10', STAGE_ID: '2' })
    expect(board.columns['1'].items).toEqual([])
    await vi.runAllTimersAsync()
    vi.useRealTimers()
    expect(calls.at(-1)).toEqual(['taskPages', ['2']])
    board.dispose()
  })

  it('reads a burst of changed tasks in one request: updated in place, gone when not mine', async () => {
    const { usePlanBoard } = await import('./usePlanBoard')
    const board = usePlanBoard({ me: () => '5', onError: () => undefined })
    await board.load()
    calls.length = 0
    await board.refreshTasks(
      new Map([
        ['10', new Set(['update'])],
        ['11', new Set(['update'])],
      ]),
    )
    expect(calls).toEqual([['tasksByIds', [['10', '11'], { DOER: '5', '!REAL_STATUS': 5 }]]])
    expect(board.columns['1'].items.map((t) => [t.id, t.title])).toEqual([['10', 'Fresh 10']])
    board.dispose()
  })

  it('puts a new task on top of the first column, and reads a column a task moved to', async () => {
    const { usePlanBoard } = await import('./usePlanBoard')
    const board = usePlanBoard({ me: () => '5', onError: () => undefined })
    await board.load()
    vi.useFakeTimers()
    calls.length = 0
    // 30 is new (never placed); 31 moved here from a plan column this board does not show.
    await board.refreshTasks(
      new Map([
        ['30', new Set(['add'])],
        ['31', new Set(['update'])],
      ]),
    )
    expect(board.columns['1'].items.map((t) => t.id)).toEqual(['30', '10', '11'])
    expect(board.columns['1'].total).toBe(3)
    await vi.runAllTimersAsync()
    vi.useRealTimers()
    expect(calls.slice(1)).toEqual([['taskPages', ['1']]])
    board.dispose()
  })

  it('reads both columns again when a move is refused, and counts the echo no more', async () => {
    const { usePlanBoard } = await import('./usePlanBoard')
    const errors: unknown[] = []
    const board = usePlanBoard({ me: () => '5', onError: (e) => errors.push(e) })
    await board.load()
    refuseMoves = true
    const [moved] = board.columns['1'].items.splice(1, 1)
    board.columns['2'].items.unshift(moved)
    await board.persistMove('11', '1', '2', 1)
    refuseMoves = false
    expect(errors).toHaveLength(1)
    expect(calls.slice(1)).toEqual([
      ['taskPages', ['2']],
      ['taskPages', ['1']],
    ])
    // No echo is due: a message for the card is a move made elsewhere.
    vi.useFakeTimers()
    board.onPlanMessage({ TASK_ID: '11', STAGE_ID: '2' })
    await vi.runAllTimersAsync()
    vi.useRealTimers()
    expect(calls.at(-1)).toEqual(['taskPages', ['2']])
    board.dispose()
  })
})
