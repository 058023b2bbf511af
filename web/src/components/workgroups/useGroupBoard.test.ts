import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BoardStage } from '../../api/groups'
import type { Task } from '../../api/tasks'
import { RestError } from '../../api/rest'

function task(fields: Partial<Task>): Task {
  return { id: '1', title: 'A task', status: '2', stageId: '0', groupId: '7', ...fields } as Task
}

// The board's own rules with the API replaced by a small in-memory group (columns 1, 2, 3);
// paging, drops and live refreshes are the kanban core's (kanban/useKanbanColumns.test.ts).
const calls: Array<[string, unknown]> = []
let moveError: Error | null = null
vi.mock('../../api/groups', async () => {
  const { testStages } = await import('../kanban/testStages')
  const stages = (): BoardStage[] =>
    testStages(['1', '2', '3'], { ENTITY_ID: '7', ENTITY_TYPE: 'G' }).map((s) => ({
      ...s,
      EXTRANET_MOVE: 'N',
    }))
  return { groupsApi: { stages: async () => stages() } }
})
vi.mock('../../api/tasks', () => ({
  tasksApi: {
    moveToStage: async (...args: unknown[]) => {
      calls.push(['moveToStage', args])
      if (moveError) throw moveError
      return true
    },
  },
}))
vi.mock('../../api/batch', () => ({
  PAGE_SIZE: 50,
  batch: async (commands: Record<string, [string, Record<string, unknown>]>) => {
    const result: Record<string, { tasks: Task[] }> = {}
    const total: Record<string, number> = {}
    for (const [key, [, params]] of Object.entries(commands)) {
      calls.push(['list', { filter: params.filter, order: params.order }])
      const cards: Record<string, Task[]> = {
        c1: [task({ id: '10', stageId: '1' }), task({ id: '11', stageId: '0' })],
        c2: [task({ id: '20', stageId: '2' })],
      }
      result[key] = { tasks: cards[key] ?? [] }
      total[key] = result[key].tasks.length
    }
    return { result, total, error: {} }
  },
  tasksByIds: async (ids: string[], lists: Record<string, { filter: Record<string, unknown> }>) => {
    calls.push(['tasksByIds', [ids, Object.values(lists)[0].filter]])
    // 11 never was on this board: it belongs in the first column.
    const found = [task({ id: '11', stageId: '0', title: 'Fresh' })]
    return Object.fromEntries(Object.keys(lists).map((key) => [key, found]))
  },
  taskPages: async () => ({ tasks: [], total: 0 }),
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

describe('group board', () => {
  afterEach(() => {
    calls.length = 0
    moveError = null
  })

  it('reads every column in STAGE_SORT order, cards of no stage yet in the first one', async () => {
    const { board } = await loaded('invoice')
    const order = { STAGE_SORT: 'ASC', ID: 'DESC' }
    expect(calls).toEqual([
      ['list', { filter: { GROUP_ID: '7', SEARCH_INDEX: 'invoice', STAGE_ID: ['1', 0] }, order }],
      ['list', { filter: { GROUP_ID: '7', SEARCH_INDEX: 'invoice', STAGE_ID: '2' }, order }],
      ['list', { filter: { GROUP_ID: '7', SEARCH_INDEX: 'invoice', STAGE_ID: '3' }, order }],
    ])
    board.dispose()
  })

  it('puts a card back and says when the board rules refused the move', async () => {
    const { board, errors } = await loaded()
    for (const error of [
      new RestError('ACCESS_DENIED_MOVE', 'You may not move this task.', 403),
      new Error('Network down.'),
    ]) {
      moveError = error
      const [moved] = board.columns['1'].items.splice(0, 1)
      board.columns['3'].items.push(moved)
      expect(await board.persistMove('10', '1', '3', 0)).toBe(false)
      expect(board.columns['1'].items.map((t) => t.id)).toEqual(['10', '11'])
    }
    expect(errors).toEqual([
      ['You may not move this task.', true],
      ['Network down.', false],
    ])
    board.dispose()
  })

  it('reads live changes as the group has them, a task of no stage in the first column', async () => {
    const { board } = await loaded()
    calls.length = 0
    await board.refreshTasks(new Map([['11', new Set(['update'])]]))
    expect(calls).toEqual([['tasksByIds', [['11'], { GROUP_ID: '7' }]]])
    expect(board.columns['1'].items.map((t) => t.title)).toEqual(['A task', 'Fresh'])
    board.dispose()
  })
})
