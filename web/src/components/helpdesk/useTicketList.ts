/**
 * The rows of the ticket list: the first page for a filter, "show more" 50 at a time, and a
 * live refresh that reads again as many rows as are shown (in one `batch`), so a new ticket
 * comes in on top and a changed one shows its new status without a reload.
 */
import { ref } from 'vue'
import { helpdeskApi, type Ticket } from '../../api/helpdesk'
import { PAGE_SIZE } from '../../api/batch'
import { ticketSource } from './ticketSource'

const ORDER = { ID: 'DESC' } as const

export function useTicketList() {
  const tickets = ref<Ticket[]>([])
  const total = ref(0)
  const next = ref<number | undefined>(undefined)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let filter: Record<string, unknown> = {}
  // Only the latest read lands: a filter changed meanwhile wins over an older answer.
  let readNo = 0

  async function load(f: Record<string, unknown>): Promise<void> {
    filter = f
    const mine = ++readNo
    loading.value = true
    error.value = null
    try {
      const page = await helpdeskApi.tickets(filter, 0, { ...ORDER })
      if (mine !== readNo) return
      tickets.value = page.items
      total.value = page.total
      next.value = page.next
    } catch (e) {
      if (mine === readNo) error.value = e
    } finally {
      if (mine === readNo) loading.value = false
    }
  }

  async function more(): Promise<void> {
    if (next.value === undefined || loading.value) return
    const mine = ++readNo
    loading.value = true
    try {
      const page = await helpdeskApi.tickets(filter, next.value, { ...ORDER })
      if (mine !== readNo) return
      const seen = new Set(tickets.value.map((t) => t.ID))
      tickets.value = [...tickets.value, ...page.items.filter((t) => !seen.has(t.ID))]
      total.value = page.total
      next.value = page.next
    } catch (e) {
      if (mine === readNo) error.value = e
    } finally {
      if (mine === readNo) loading.value = false
    }
  }

  /** Reads the shown rows again (at least one page): after a live message or a reconnect. */
  async function refresh(): Promise<void> {
    const mine = ++readNo
    const starts: number[] = []
    for (let s = 0; s < Math.max(tickets.value.length, PAGE_SIZE); s += PAGE_SIZE) starts.push(s)
    try {
      const page = await ticketSource.pages({ filter, order: { ...ORDER } }, starts)
      if (mine !== readNo) return
      const seen = new Set<string>()
      tickets.value = page.items.filter((t) => !seen.has(t.ID) && !!seen.add(t.ID))
      total.value = page.total
      const shown = starts.length * PAGE_SIZE
      next.value = page.total > shown ? shown : undefined
    } catch {
      // The rows shown stay; the next message or reload tries again.
    } finally {
      // A load it overtook leaves the busy state to the latest read.
      if (mine === readNo) loading.value = false
    }
  }

  return { tickets, total, next, loading, error, load, more, refresh }
}
