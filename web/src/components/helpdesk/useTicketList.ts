/**
 * The rows of the ticket list: the first page for a filter, "show more" 50 at a time, and a
 * live refresh that reads again as many rows as are shown (in one `batch`), so a new ticket
 * comes in on top and a changed one shows its new status without a reload.
 */
import { helpdeskApi, type Ticket } from '../../api/helpdesk'
import { PAGE_SIZE } from '../../api/batch'
import { usePagedList } from '../../composables/usePagedList'
import { ticketSource } from './ticketSource'

const ORDER = { ID: 'DESC' } as const

export function useTicketList() {
  let filter: Record<string, unknown> = {}
  const list = usePagedList(
    (start) => helpdeskApi.tickets(filter, start, { ...ORDER }),
    (ticket: Ticket) => ticket.ID,
  )

  function load(f: Record<string, unknown>): Promise<void> {
    filter = f
    return list.load()
  }

  /** Reads the shown rows again (at least one page): after a live message or a reconnect. */
  function refresh(): Promise<void> {
    return list.refresh(async (shown) => {
      const starts: number[] = []
      for (let s = 0; s < Math.max(shown, PAGE_SIZE); s += PAGE_SIZE) starts.push(s)
      const page = await ticketSource.pages({ filter, order: { ...ORDER } }, starts)
      const read = starts.length * PAGE_SIZE
      return { items: page.items, total: page.total, next: page.total > read ? read : undefined }
    })
  }

  const { items: tickets, total, next, loading, error, more } = list
  return { tickets, total, next, loading, error, load, more, refresh }
}
