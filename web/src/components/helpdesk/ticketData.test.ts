import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, reactive } from 'vue'
import { RestError } from '../../api/rest'
import type { Ticket } from '../../api/helpdesk'
import type { TicketChanges } from './useLiveTickets'

// The REST client replaced by one that records the calls and answers from `answers`.
const calls: Array<[string, unknown]> = []
let answers: Record<string, unknown> = {}
let tickets: Ticket[] = []
const envelope = (method: string, params: Record<string, unknown>) => {
  const answer = answers[method]
  if (answer instanceof Error) throw answer
  const next = Number(params.start ?? 0) + 50
  return {
    result: answer ?? true,
    total: tickets.length,
    next: next < tickets.length ? next : undefined,
  }
}
vi.mock('../../api/rest', async (original) => ({
  ...(await original<typeof import('../../api/rest')>()),
  rest: {
    call: async (method: string, params: Record<string, unknown>) => {
      calls.push([method, params])
      return envelope(method, params)
    },
    result: async (method: string, params: Record<string, unknown>) => {
      calls.push([method, params])
      return envelope(method, params).result
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
      const start = Number(params.start)
      result[key] = tickets.slice(start, start + 50)
      total[key] = tickets.length
    }
    return { result, total, error: {} }
  },
}))

// The live store replaced by one the test sends messages through.
type Handler = (data: unknown) => void
const handlers = new Map<string, Set<Handler>>()
const live = reactive({ reconnects: 0 })
vi.mock('../../stores/live', () => ({
  useLiveStore: () => ({
    get reconnects() {
      return live.reconnects
    },
    on(type: string, handler: Handler) {
      if (!handlers.has(type)) handlers.set(type, new Set())
      handlers.get(type)!.add(handler)
      return () => handlers.get(type)!.delete(handler)
    },
  }),
}))

const { helpdeskApi } = await import('../../api/helpdesk')
const { ticketAttachments, ticketComments } = await import('./ticketDiscussion')
const { useTicketList } = await import('./useTicketList')
const { useLiveTickets } = await import('./useLiveTickets')

const many = (n: number, from = 1): Ticket[] =>
  Array.from({ length: n }, (_, i) => ({ ID: String(from + i), TITLE: `T${from + i}` }) as Ticket)

describe('the ticket desk API', () => {
  afterEach(() => {
    calls.length = 0
    answers = {}
  })

  it('answers a missing ticket (or another company’s) as none, other errors as errors', async () => {
    answers['helpdesk.ticket.get'] = new RestError('ERROR_NOT_FOUND', 'Ticket 5 is not found.', 400)
    expect(await helpdeskApi.ticket(5)).toBeNull()
    answers['helpdesk.ticket.get'] = new RestError('ACCESS_DENIED', 'No.', 403)
    await expect(helpdeskApi.ticket(5)).rejects.toThrow('No.')
  })

  it('writes a ticket’s comments and files through the ticket’s own methods', async () => {
    await ticketComments.add('7', 'Remarks', undefined, [['shot.png', 'AAAA']])
    await ticketComments.add('7', 'Plain')
    await ticketAttachments.add('7', 'brief.xlsx', 'BBBB')
    await ticketComments.list('7')
    expect(calls).toEqual([
      [
        'helpdesk.ticket.comment.add',
        { TICKET_ID: '7', FIELDS: { POST_MESSAGE: 'Remarks', FILES: [['shot.png', 'AAAA']] } },
      ],
      ['helpdesk.ticket.comment.add', { TICKET_ID: '7', FIELDS: { POST_MESSAGE: 'Plain' } }],
      ['helpdesk.ticket.update', { ID: '7', FIELDS: { FILES: [['brief.xlsx', 'BBBB']] } }],
      ['helpdesk.ticket.comment.list', { TICKET_ID: '7' }],
    ])
    // A ticket's comments stay: no answers to one, no deleting, no mentions of the studio's people.
    expect([ticketComments.replies, ticketComments.mentions, !!ticketComments.remove]).toEqual([
      false,
      false,
      false,
    ])
    expect(ticketAttachments.remove).toBeUndefined()
  })
})

describe('the ticket list rows', () => {
  afterEach(() => {
    calls.length = 0
    answers = {}
    tickets = []
  })

  it('shows more 50 at a time and reads every shown row again on a live change', async () => {
    tickets = many(120).reverse()
    answers['helpdesk.ticket.list'] = tickets.slice(0, 50)
    const list = useTicketList()
    await list.load({ STATUS: 'QUEUE' })
    expect(calls[0]).toEqual([
      'helpdesk.ticket.list',
      { FILTER: { STATUS: 'QUEUE' }, ORDER: { ID: 'DESC' }, start: 0 },
    ])
    expect(list.tickets.value).toHaveLength(50)
    expect(list.total.value).toBe(120)

    expect(list.next.value).toBe(50)
    answers['helpdesk.ticket.list'] = tickets.slice(50, 100)
    await list.more()
    expect(calls[1]).toEqual([
      'helpdesk.ticket.list',
      { FILTER: { STATUS: 'QUEUE' }, ORDER: { ID: 'DESC' }, start: 50 },
    ])
    expect(list.tickets.value.map((t) => t.ID).slice(48, 52)).toEqual(['72', '71', '70', '69'])
    expect(list.next.value).toBe(100)

    // A new ticket arrives: the shown rows are read again in one request, the new one on top.
    calls.length = 0
    tickets = [...many(1, 121), ...tickets]
    await list.refresh()
    expect(calls.map(([method, params]) => [method, (params as { start: number }).start])).toEqual([
      ['helpdesk.ticket.list', 0],
      ['helpdesk.ticket.list', 50],
    ])
    expect(list.tickets.value).toHaveLength(100)
    expect(list.tickets.value[0].ID).toBe('121')
    expect(list.total.value).toBe(121)
    expect(list.next.value).toBe(100)
  })
})

describe('live tickets', () => {
  afterEach(() => vi.useRealTimers())

  it('hands over a burst of helpdesk.ticket messages at once, per ticket', async () => {
    vi.useFakeTimers()
    const got: TicketChanges[] = []
    const scope = effectScope()
    scope.run(() => useLiveTickets({ changed: (c) => got.push(c) }))
    const send = (data: unknown) => handlers.get('helpdesk.ticket')?.forEach((h) => h(data))
    send({ ID: 5, COMPANY_ID: 2, ACTION: 'status', STATUS: 'NEED_INFO' })
    send({ ID: '5', ACTION: 'comment' })
    send({ ID: 6 })
    await vi.advanceTimersByTimeAsync(100)
    expect([...got[0]].map(([id, what]) => [id, [...what]])).toEqual([
      ['5', ['status', 'comment']],
      ['6', ['update']],
    ])
    scope.stop()
    expect(handlers.get('helpdesk.ticket')?.size).toBe(0)
  })
})
