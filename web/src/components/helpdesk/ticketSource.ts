/**
 * helpdesk.ticket.list as a kanban board's list of cards: every column's first page in one
 * `batch`, further pages, and given tickets read again after live messages. A card is the
 * ticket with its id as the board's `id`.
 */
import type { Ticket } from '../../api/helpdesk'
import { BATCH_LIMIT, batch, PAGE_SIZE, type BatchCommand } from '../../api/batch'
import type { TaskListParams } from '../../api/tasks'
import type { KanbanPage, KanbanSource } from '../kanban/kanbanSource'

export type BoardTicket = Ticket & { id: string }

export const asCard = (ticket: Ticket): BoardTicket => ({ ...ticket, id: String(ticket.ID) })

/** The board's list parameters as the ticket list takes them. */
function listParams(params: TaskListParams, start: number): Record<string, unknown> {
  return { FILTER: params.filter ?? {}, ORDER: params.order ?? { ID: 'DESC' }, start }
}

async function run(commands: Record<string, BatchCommand>) {
  return batch<Ticket[]>(commands)
}

export const ticketSource: KanbanSource<BoardTicket> = {
  async firstPages(lists) {
    const commands: Record<string, BatchCommand> = {}
    for (const [id, params] of Object.entries(lists))
      commands[`c${id}`] = ['helpdesk.ticket.list', listParams(params, 0)]
    const answer = await run(commands)
    const out: Record<string, KanbanPage<BoardTicket> & { error: unknown }> = {}
    for (const id of Object.keys(lists)) {
      const items = (answer.result[`c${id}`] ?? []).map(asCard)
      out[id] = {
        items,
        total: answer.total[`c${id}`] ?? items.length,
        error: answer.error[`c${id}`] ?? null,
      }
    }
    return out
  },

  async pages(params, starts) {
    const items: BoardTicket[] = []
    let total = 0
    for (let i = 0; i < starts.length; i += BATCH_LIMIT) {
      const chunk = starts.slice(i, i + BATCH_LIMIT)
      const commands: Record<string, BatchCommand> = {}
      chunk.forEach(
        (start, n) => (commands[`p${n}`] = ['helpdesk.ticket.list', listParams(params, start)]),
      )
      const answer = await run(commands)
      chunk.forEach((_, n) => {
        const error = answer.error[`p${n}`]
        if (error) throw error
        items.push(...(answer.result[`p${n}`] ?? []).map(asCard))
        total = answer.total[`p${n}`] ?? total
      })
    }
    return { items, total }
  },

  async byIds(ids, params) {
    const unique = [...new Set(ids.map(Number))]
    const commands: Record<string, BatchCommand> = {}
    for (let i = 0, n = 0; i < unique.length; i += PAGE_SIZE, n++)
      commands[`q${n}`] = [
        'helpdesk.ticket.list',
        listParams(
          { ...params, filter: { ...params.filter, ID: unique.slice(i, i + PAGE_SIZE) } },
          0,
        ),
      ]
    if (!Object.keys(commands).length) return []
    const answer = await run(commands)
    const out: BoardTicket[] = []
    for (const key of Object.keys(commands)) {
      if (answer.error[key]) throw answer.error[key]
      out.push(...(answer.result[key] ?? []).map(asCard))
    }
    return out
  },
}
