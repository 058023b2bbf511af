/**
 * The ticket list's filter: kept in the page's address (so a filtered list can be linked and
 * survives a reload) and turned into helpdesk.ticket.list's FILTER.
 */
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketStatus } from '../../api/helpdesk'
import { isStatus } from './ticketStatus'

/** '' every ticket, 'OPEN' every one not accepted yet, or one status. */
export type StatusChoice = '' | 'OPEN' | TicketStatus

export interface TicketFilterState {
  status: StatusChoice
  site: string
  priority: string
  company: string
  responsible: string
  search: string
}

export function blankFilter(): TicketFilterState {
  return { status: '', site: '', priority: '', company: '', responsible: '', search: '' }
}

const OPEN_STATUSES = TICKET_STATUSES.filter((s) => s !== 'ACCEPTED')

const one = (value: unknown): string => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}
const id = (value: unknown): string => (/^\d+$/.test(one(value)) ? one(value) : '')

export function parseFilter(query: Record<string, unknown>): TicketFilterState {
  const status = one(query.status)
  const priority = one(query.priority)
  return {
    status: status === 'OPEN' || isStatus(status) ? status : '',
    site: id(query.site),
    priority: (TICKET_PRIORITIES as readonly string[]).includes(priority) ? priority : '',
    company: id(query.company),
    responsible: id(query.responsible),
    search: one(query.q).trim(),
  }
}

/** The address's query for a state: only what is set. */
export function filterQuery(state: TicketFilterState): Record<string, string> {
  const out: Record<string, string> = {}
  if (state.status) out.status = state.status
  if (state.site) out.site = state.site
  if (state.priority) out.priority = state.priority
  if (state.company) out.company = state.company
  if (state.responsible) out.responsible = state.responsible
  if (state.search.trim()) out.q = state.search.trim()
  return out
}

/**
 * FILTER for helpdesk.ticket.list. The company and the responsible person are the studio's
 * filters: a client sees only their own company anyway.
 */
export function toApiFilter(state: TicketFilterState, studio: boolean): Record<string, unknown> {
  const f: Record<string, unknown> = {}
  if (state.status === 'OPEN') f.STATUS = [...OPEN_STATUSES]
  else if (state.status) f.STATUS = state.status
  if (state.site) f.SITE_ID = Number(state.site)
  if (state.priority) f.PRIORITY = state.priority
  if (studio && state.company) f.COMPANY_ID = Number(state.company)
  if (studio && state.responsible) f.RESPONSIBLE_ID = Number(state.responsible)
  if (state.search.trim()) f['%TITLE'] = state.search.trim()
  return f
}

/** How many of the panel's filters are set (the search box is not one of them). */
export function activeFilters(state: TicketFilterState): number {
  return [state.status, state.site, state.priority, state.company, state.responsible].filter(
    Boolean,
  ).length
}
