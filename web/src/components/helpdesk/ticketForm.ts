/**
 * The new ticket form (M2, the seed's step 3): what the person fills in and the FIELDS of
 * helpdesk.ticket.add it comes to. The files are read separately (they take a moment).
 */
import type { Site, TicketFields, TicketPriority } from '../../api/helpdesk'
import { desiredDateValue } from './workHours'

export interface TicketFormState {
  title: string
  /** The studio chooses the company; a client's is their own. */
  company: string
  site: string
  contact: string
  description: string
  /** The desired date: a day `YYYY-MM-DD` and, optionally, a time `HH:MM`. */
  day: string
  time: string
  priority: TicketPriority
}

export function blankTicketForm(company = '', contact = ''): TicketFormState {
  return {
    title: '',
    company,
    site: '',
    contact,
    description: '',
    day: '',
    time: '',
    priority: 'NORMAL',
  }
}

/** The site choice shows only when the company looks after more than one site. */
export function needsSiteChoice(sites: Site[]): boolean {
  return sites.length > 1
}

/**
 * The FIELDS for helpdesk.ticket.add: the title always (an empty one gets the server's word),
 * the rest when filled in; a company's only site goes without asking.
 */
export function ticketFields(s: TicketFormState, studio: boolean, sites: Site[]): TicketFields {
  const out: TicketFields = { TITLE: s.title.trim(), PRIORITY: s.priority }
  if (studio && s.company) out.COMPANY_ID = Number(s.company)
  const site = needsSiteChoice(sites) ? s.site : (sites[0]?.ID ?? '')
  if (site) out.SITE_ID = Number(site)
  if (s.contact) out.CONTACT_ID = Number(s.contact)
  if (s.description.trim()) out.DESCRIPTION = s.description.trim()
  const desired = desiredDateValue(s.day, s.time)
  if (desired) out.DESIRED_DATE = desired
  return out
}

/** The form field a server error names (ERROR_ARGUMENT's `argument`). */
export const FIELD_OF: Record<string, keyof TicketFormState | 'files'> = {
  TITLE: 'title',
  COMPANY_ID: 'company',
  SITE_ID: 'site',
  CONTACT_ID: 'contact',
  DESCRIPTION: 'description',
  DESIRED_DATE: 'day',
  PRIORITY: 'priority',
  FILES: 'files',
}
