import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Stage, Task } from '../../api/tasks'
import type { KanbanOptions } from './useKanbanColumns'
import { testStages } from './testStages'

function task(fields: Partial<Task>): Task {
  return { id: '1', title: 'A task', status: '2', stageId: '1', ...fields } as Task
}

// Lists replaced by a small in-memory board: columns 1, 2, 3; what each call was asked is kept.
const calls: Array<[string, unknown]> = []
let fresh: Task[] = []
let pages: Record<string, Task[]> = {}
vi.mock('../../api/batch', () => ({
  PAGE_SIZE: 50,
  batch: async (commands: Record<string, [string, { filter: Record<string, unknown> }]>) => {
    const result: Record<string, { tasks: Task[] }> = {}
    const total: Record<string, number> = {}
    for (const [key, [, params]] of Object.entries(commands)) {
      calls.push(['list', params.filter])
      const cards: Record<string, Task[]> = {
        c1: [task({ id: '10' }), task({ id: '11' })],
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
  taskPages: async (params: { filter: { STAGE: string } }, starts: number[]) => {
    calls.push(['taskPages', [params.filter.STAGE, starts]])
    return { tasks: pages[params.filter.STAGE] ?? [], total: 120 }
  },
}))

let refuse = false
async function loaded(undo: KanbanOptions<Stage>['undo'] = 'putBack') {
  const { useKanbanColumns } = await import('./useKanbanColumns')
  const errors: unknown[] = []
  const board = useKanbanColumns<Stage>({
    stages: async () => testStages(['1', '2', '3'], { ENTITY_ID: '7', ENTITY_TYPE: 'G' }),
    filter: () => ({ OWNER: '7' }),
    stageFilter: (stageId, first) => ({ STAGE: stageId, FIRST: first }),
    order: { SORT: 'ASC' },
    select: ['ID'],
    stageField: 'stageId',
    save: async (...args) => {
      calls.push(['save', args])
      if (refuse) throw new Error('Refused.')
    },
    undo,
    onError: (e) => errors.push((e as Error).message),
  })
  await board.load()
  calls.length = 0
  return { board, errors }
}
const ids = (list: Task[]) => list.map((t) => t.id)

describe('kanban columns', () => {
  beforeEach(() => {
    refuse = false
    fresh = []
    pages = {}
  })
  afterEach(() => {
    calls.length = 0
    vi.useRealTimers()
  })

  it('places a dropped card after the card above it, or before the one below', async () => {
    const { neighbourOf } = await import('./useKanbanColumns')
    const items = [{ id: '10' }, { id: '11' }, { id: '12' }]
    expect(neighbourOf(items, 1)).toEqual({ after: '10' })
    expect(neighbourOf(items, 0)).toEqual({ before: '11' })
    expect(neighbourOf([{ id: '10' }], 0)).toEqual({})
  })

  it('reads every column in one request, knowing the first and how many each holds', async () => {
    const { board } = await loaded()
    await board.load()
    expect(calls).toEqual([
      ['list', { OWNER: '7', STAGE: '1', FIRST: true }],
      ['list', { OWNER: '7', STAGE: '2', FIRST: false }],
      ['list', { OWNER: '7', STAGE: '3', FIRST: false }],
    ])
    expect(ids(board.columns['1'].items)).toEqual(['10', '11'])
    expect(board.columns['1'].total).toBe(120)
    board.dispose()
  })

  it('reads the next page from the page the column is on and skips repeats', async () => {
    const { board } = await loaded()
    pages = { '1': [task({ id: '11' }), task({ id: '12' })] }
    await board.loadMore('1')
    expect(calls).toEqual([['taskPages', ['1', [0]]]])
    expect(ids(board.columns['1'].items)).toEqual(['10', '11', '12'])
    // A column showing all it holds asks for nothing.
    calls.length = 0
    await board.loadMore('2')
    expect(calls).toEqual([])
    board.dispose()
  })

  it('reads a column once for a burst of reloads', async () => {
    const { board } = await loaded()
    vi.useFakeTimers()
    board.scheduleReload('2')
    board.scheduleReload('2')
    board.scheduleReload('3')
    await vi.runAllTimersAsync()
    expect(calls).toEqual([
      ['taskPages', ['2', [0]]],
      ['taskPages', ['3', [0]]],
    ])
    board.dispose()
  })

  it('saves a drop with the card it was dropped above, and counts it in its new column', async () => {
    const { board, errors } = await loaded()
    // Card 11 dropped on top of column 2.
    const [moved] = board.columns['1'].items.splice(1, 1)
    board.columns['2'].items.unshift(moved)
    expect(await board.persistMove('11', '1', '2', 1)).toBe(true)
    expect(calls).toEqual([['save', ['11', '2', { before: '20' }]]])
    expect(board.columns['2'].items[0].stageId).toBe('2')
    expect([board.columns['1'].total, board.columns['2'].total]).toEqual([119, 2])
    expect(errors).toEqual([])
    board.dispose()
  })

  it('puts a refused card back where it was', async () => {
    const { board, errors } = await loaded()
    refuse = true
    const [moved] = board.columns['1'].items.splice(0, 1)
    board.columns['3'].items.push(moved)
    expect(await board.persistMove('10', '1', '3', 0)).toBe(false)
    expect(ids(board.columns['1'].items)).toEqual(['10', '11'])
    expect(board.columns['1'].items[0].stageId).toBe('1')
    expect(board.columns['3'].items).toEqual([])
    expect([board.columns['1'].total, board.columns['3'].total]).toEqual([120, 0])
    expect(errors).toEqual(['Refused.'])
    board.dispose()
  })

  it('or reads both columns again when the board asks for it', async () => {
    const { board, errors } = await loaded('reload')
    refuse = true
    const [moved] = board.columns['1'].items.splice(0, 1)
    board.columns['3'].items.push(moved)
    await board.persistMove('10', '1', '3', 0)
    expect(calls.slice(1)).toEqual([
      ['taskPages', ['3', [0]]],
      ['taskPages', ['1', [0]]],
    ])
    expect(errors).toEqual(['Refused.'])
    board.dispose()
  })

  it('moves a card by keys: a place down, then to the next column on top', async () => {
    const { board } = await loaded()
    await board.moveBy('10', 'down')
    expect(ids(board.columns['1'].items)).toEqual(['11', '10'])
    expect(calls.at(-1)).toEqual(['save', ['10', '1', { after: '11' }]])
    await board.moveBy('10', 'right')
    expect(ids(board.columns['2'].items)).toEqual(['10', '20'])
    expect(calls.at(-1)).toEqual(['save', ['10', '2', { before: '20' }]])
    // Nothing left of the first column.
    calls.length = 0
    await board.moveBy('11', 'left')
    expect(calls).toEqual([])
    board.dispose()
  })

  it('moves, updates and removes cards on live changes, and reads the new column again', async () => {
    const { board } = await loaded()
    vi.useFakeTimers()
    // 10 was moved to column 3 elsewhere, 20 renamed in place, 11 left the board.
    fresh = [
      task({ id: '10', stageId: '3', title: 'Moved' }),
      task({ id: '20', stageId: '2', title: 'Renamed' }),
    ]
    const changes = new Map(['10', '20', '11'].map((id) => [id, new Set(['update'])]))
    await board.refreshTasks(changes)
    expect(calls[0]).toEqual(['tasksByIds', [['10', '20', '11'], { OWNER: '7' }]])
    expect(ids(board.columns['1'].items)).toEqual([])
    expect(board.columns['1'].total).toBe(118)
    expect(ids(board.columns['3'].items)).toEqual(['10'])
    expect(board.columns['3'].total).toBe(1)
    expect(board.columns['2'].items.map((t) => t.title)).toEqual(['Renamed'])
    await vi.runAllTimersAsync()
    expect(calls.slice(1)).toEqual([['taskPages', ['3', [0]]]])
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
    expect(calls).toEqual([['tasksByIds', [['10'], { OWNER: '7' }]]])
    board.dispose()
  })
})
