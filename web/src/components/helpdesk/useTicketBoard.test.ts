import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Ticket } from '../../api/helpdesk'

function ticket(fields: Partial<Ticket>): Ticket {
  return { ID: '1', TITLE: 'A ticket', STATUS: 'QUEUE', PRIORITY: 'NORMAL', ...fields } as Ticket
}

// The ticket list replaced by a small in-memory desk; what each call asked for is kept.
const calls: Array<[string, unknown]> = []
let statusError: Error | null = null
let fresh: Ticket[] = []
vi.mock('../../api/helpdesk', async (original) => ({
  ...(await original<typeof import('../../api/helpdesk')>()),
  helpdeskApi: {
    setStatus: async (...args: unknown[]) => {
      calls.push(['setStatus', args])
      if (statusError) throw statusError
      return true
    },
  },
}))
vi.mock('../../api/batch', () => ({
  PAGE_SIZE: 50,
  BATCH_LIMIT: 50,
  batch: async (commands: Record<string, [string, Record<string, unknown>]>) => {
    const result: Record<string, Ticket[]> = {}
    const total: Record<string, number> = {}
    for (const [key, [method, params]] of Object.entries(commands)) {
      calls.push([method, params])
      const filter = params.FILTER as Record<string, unknown>
      const cards: Record<string, Ticket[]> = {
        QUEUE: [ticket({ ID: '10' }), ticket({ ID: '11' })],
        IN_WORK: [ticket({ ID: '20', STATUS: 'IN_WORK' })],
      }
      result[key] = filter.ID ? fresh : (cards[String(filter.STATUS)] ?? [])
      total[key] = result[key].length
    }
    return { result, total, error: {} }
  },
}))

async function loaded() {
  const { useTicketBoard } = await import('./useTicketBoard')
  const errors: string[] = []
  const board = useTicketBoard({
    title: (status) => `Title ${status}`,
    filter: () => ({ COMPANY_ID: 4 }),
    onError: (e) => errors.push((e as Error).message),
  })
  await board.load()
  return { board, errors }
}
const ids = (list: Array<{ id: string }>) => list.map((t) => t.id)

describe('the studio’s ticket board', () => {
  afterEach(() => {
    calls.length = 0
    statusError = null
    fresh = []
  })

  it('has a column per status and reads every one in one request, newest first', async () => {
    const { board } = await loaded()
    expect(board.stages.value.map((s) => [s.ID, s.TITLE])).toEqual([
      ['QUEUE', 'Title QUEUE'],
      ['IN_WORK', 'Title IN_WORK'],
      ['NEED_INFO', 'Title NEED_INFO'],
      ['WAITING_ACCEPTANCE', 'Title WAITING_ACCEPTANCE'],
      ['ACCEPTED', 'Title ACCEPTED'],
    ])
    expect(calls).toHaveLength(5)
    expect(calls[0]).toEqual([
      'helpdesk.ticket.list',
      { FILTER: { COMPANY_ID: 4, STATUS: 'QUEUE' }, ORDER: { ID: 'DESC' }, start: 0 },
    ])
    expect(ids(board.columns.QUEUE.items)).toEqual(['10', '11'])
    expect(board.columns.IN_WORK.total).toBe(1)
    board.dispose()
  })

  it('sets the status of a card dropped into another column', async () => {
    const { board, errors } = await loaded()
    calls.length = 0
    const [moved] = board.columns.QUEUE.items.splice(1, 1)
    board.columns.NEED_INFO.items.unshift(moved)
    board.drop('11', 'QUEUE', 'NEED_INFO', 1)
    await vi.waitFor(() => expect(calls).toEqual([['setStatus', ['11', 'NEED_INFO']]]))
    expect(board.columns.NEED_INFO.items[0].STATUS).toBe('NEED_INFO')
    expect([board.columns.QUEUE.total, board.columns.NEED_INFO.total]).toEqual([1, 1])
    expect(errors).toEqual([])
    board.dispose()
  })

  it('puts a refused card back where it was and says why', async () => {
    const { board, errors } = await loaded()
    statusError = new Error('STATUS must be one of …')
    const [moved] = board.columns.QUEUE.items.splice(0, 1)
    board.columns.ACCEPTED.items.push(moved)
    board.drop('10', 'QUEUE', 'ACCEPTED', 0)
    await vi.waitFor(() => expect(errors).toEqual(['STATUS must be one of …']))
    expect(ids(board.columns.QUEUE.items)).toEqual(['10', '11'])
    expect(board.columns.ACCEPTED.items).toEqual([])
    board.dispose()
  })

  it('saves nothing for a card moved within its column, reading the column again', async () => {
    const { board } = await loaded()
    calls.length = 0
    board.drop('11', 'QUEUE', 'QUEUE', 1)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0][0]).toBe('helpdesk.ticket.list')
    expect((calls[0][1] as { FILTER: unknown }).FILTER).toEqual({ COMPANY_ID: 4, STATUS: 'QUEUE' })
    board.dispose()
  })

  it('moves a ticket whose status changed elsewhere, and drops one gone from the board', async () => {
    const { board } = await loaded()
    calls.length = 0
    fresh = [ticket({ ID: '10', STATUS: 'WAITING_ACCEPTANCE', TITLE: 'Done' })]
    await board.refreshTickets(
      new Map([
        ['10', new Set(['status'])],
        ['20', new Set(['delete'])],
      ]),
    )
    expect(calls[0]).toEqual([
      'helpdesk.ticket.list',
      { FILTER: { COMPANY_ID: 4, ID: [10, 20] }, ORDER: { ID: 'DESC' }, start: 0 },
    ])
    expect(ids(board.columns.QUEUE.items)).toEqual(['11'])
    expect(board.columns.WAITING_ACCEPTANCE.items.map((t) => t.TITLE)).toEqual(['Done'])
    expect(board.columns.IN_WORK.items).toEqual([])
    board.dispose()
  })
})
