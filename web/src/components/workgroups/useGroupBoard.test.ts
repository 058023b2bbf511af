import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardStage } from '../../api/groups'
import type { Task } from '../../api/tasks'
import { RestError } from '../../api/rest'

function task(fields: Partial<Task>): Task {
  return { id: '1', title: 'A task', status: '2', stageId: '0', groupId: '7', ...fields } as Task
}

// The board with the API replaced by a small in-memory group: columns 1, 2, 3; what each
// call was asked is kept, and a move may be refused as the server refuses it.
const calls: Array<[string, unknown]> = []
let refuseMoves = false
let fresh: Task[] = []
vi.mock('../../api/groups', () => ({
  groupsApi: {
    stages: async (): Promise<BoardStage[]> =>
      ['1', '2', '3'].map((ID, i) => ({
        ID,
        TITLE: `Column ${ID}`,
        SORT: String((i + 1) * 100),
        COLOR: '00C4FB',
        SYSTEM_TYPE: null,
        ENTITY_ID: '7',
        ENTITY_TYPE: 'G',
        EXTRANET_MOVE: 'N',
      })),
  },
}))
vi.mock('../../api/tasks', () => ({
  tasksApi: {
    moveToStage: async (...args: unknown[]) => {
      calls.push(['moveToStage', args])
      if (refuseMoves) throw new RestError('ACCESS_DENIED_MOVE', 'You may not move this task.', 403)
      return true
    },
  },
}))
vi.mock('../../api/batch', () => ({
  PAGE_SIZE: 50,
  batch: async (commands: Record<string, [string, { filter: Record<string, unknown> }]>) => {
    const result: Record<string, { tasks: Task[] }> = {}
    const total: Record<string, number> = {}
    for (const [key, [, params]] of Object.entries(commands)) {
      calls.push(['list', params.filter])
      const cards: Record<string, Task[]> = {
        c1: [task({ id: '10', stageId: '1' }), task({ id: '11', stageId: '0' })],
        c2: [task({ id: '20', stageId: '2' })],
        c3: [],
      }
      result[key] = { tasks: cards[key] ?? [] }
      total[key] = key === 'c1' ? 120 : result[key].tasks.length
    }
    return { result, total, error: {} }
  },
  tasksByIds: async (ids: string[], lists: Record<string, { filter: Record<string, unknown> }>) => {
    calls.push(['tasksByIds', [ids, Object.values(lists)[0].filter]])
    const found = fresh.filter((t) => ids.includes(t.id))
    return Object.fromEntries(Object.keys(lists).map((key) => [key, found]))
  },
  taskPages: async (params: { filter: { STAGE_ID: unknown } }) => {
    calls.push(['taskPages', params.filter.STAGE_ID])
    return { tasks: [], total: 0 }
  },
}))

async function loaded(search = '') {
  const { useGroupBoard } = await import('./useGroupBoard')
  const errors: Array<[string, boolean]> = []
  const board = useGroupBoard({
    groupId: () => '7',
    search: () => search,
    onError: (e, refused) => errors.push([(e as Error).message, refused]),
  })
  await board.load()
  return { board, errors }
}
const ids = (list: Task[]) => list.map((t) => t.id)

describe('group board', () => {
  beforeEach(() => {
    refuseMoves = false
    fresh = []
  })
  afterEach(() => {
    calls.length = 0
    vi.useRealTimers()
  })

  it('reads every column in one request, cards of no stage yet in the first one', async () => {
    const { board } = await loaded('invoice')
    expect(board.stages.value.map((s) => s.ID)).toEqual(['1', '2', '3'])
    expect(calls).toEqual([
      ['list', { GROUP_ID: '7', SEARCH_INDEX: 'invoice', STAGE_ID: ['1', 0] }],
      ['list', { GROUP_ID: '7', SEARCH_INDEX: 'invoice', STAGE_ID: '2' }],
      ['list', { GROUP_ID: '7', SEARCH_INDEX: 'invoice', STAGE_ID: '3' }],
    ])
    expect(ids(board.columns['1'].items)).toEqual(['10', '11'])
    // The column knows it holds more than the first page shows.
    expect(board.columns['1'].total).toBe(120)
    board.dispose()
  })

  it('saves a drop with the card it was dropped above, and counts it in its new column', async () => {
    const { board, errors } = await loaded()
    // Card 11 dropped on top of column 2.
    const [moved] = board.columns['1'].items.splice(1, 1)
    board.columns['2'].items.unshift(moved)
    expect(await board.persistMove('11', '1', '2', 1)).toBe(true)
    expect(calls.at(-1)).toEqual(['moveToStage', ['11', '2', { before: '20' }]])
    expect(board.columns['2'].items[0].stageId).toBe('2')
    expect([board.columns['1'].total, board.columns['2'].total]).toEqual([119, 2])
    expect(errors).toEqual([])
    board.dispose()
  })

  it('puts a refused card back where it was and says the rules refused it', async () => {
    const { board, errors } = await loaded()
    refuseMoves = true
    const [moved] = board.columns['1'].items.splice(0, 1)
    board.columns['3'].items.push(moved)
    expect(await board.persistMove('10', '1', '3', 0)).toBe(false)
    expect(ids(board.columns['1'].items)).toEqual(['10', '11'])
    expect(board.columns['1'].items[0].stageId).toBe('1')
    expect(board.columns['3'].items).toEqual([])
    expect([board.columns['1'].total, board.columns['3'].total]).toEqual([120, 0])
    expect(errors).toEqual([['You may not move this task.', true]])
    board.dispose()
  })

  it('moves, updates and removes cards on live changes, and reads the new column again', async () => {
    const { board } = await loaded()
    vi.useFakeTimers()
    calls.length = 0
    // 10 was moved to column 3 elsewhere, 20 renamed in place, 11 left the group.
    fresh = [
      task({ id: '10', stageId: '3', title: 'Moved' }),
      task({ id: '20', stageId: '2', title: 'Renamed' }),
    ]
    const changes = new Map(['10', '20', '11'].map((id) => [id, new Set(['update'])]))
    await board.refreshTasks(changes)
    expect(calls[0]).toEqual(['tasksByIds', [['10', '20', '11'], { GROUP_ID: '7' }]])
    expect(ids(board.columns['1'].items)).toEqual([])
    expect(board.columns['1'].total).toBe(118)
    expect(ids(board.columns['3'].items)).toEqual(['10'])
    expect(board.columns['3'].total).toBe(1)
    expect(board.columns['2'].items.map((t) => t.title)).toEqual(['Renamed'])
    await vi.runAllTimersAsync()
    expect(calls.slice(1)).toEqual([['taskPages', '3']])
    board.dispose()
  })

  it('leaves a card alone when the echo of its own move comes back', async () => {
    const { board } = await loaded()
    const [moved] = board.columns['1'].items.splice(0, 1)
    board.columns['2'].items.push(moved)
    await board.persistMove('10', '1', '2', 0)
    calls.length = 0
    fresh = [task({ id: '10', stageId: '2' })]
    await board.refreshTasks(new Map([['10', new Set(['update'])]]))
    expect(ids(board.columns['2'].items)).toEqual(['20', '10'])
    expect(board.columns['2'].total).toBe(2)
    // Nothing to read again: the card already sat where the server has it.
    expect(calls).toEqual([['tasksByIds', [['10'], { GROUP_ID: '7' }]]])
    board.dispose()
  })
})
