/**
 * The client ticket desk (helpdesk.*): client companies with their sites and contacts, tickets,
 * their comments, and the studio's working hours (see ../../docs/api-helpdesk.md). Field names
 * are UPPER_SNAKE on both sides, ids strings in answers.
 */
import { rest } from './rest'
import type { TaskComment, TaskFile } from './tasks'
import type { FileUpload } from './types'

/** Who the person logged in is to the desk: the studio (an employee), a client, or no one. */
export type HelpdeskRole = 'studio' | 'client' | 'none'

export interface HelpdeskSettings {
  ROLE: HelpdeskRole
  /** A client's own company ('' or '0' for the studio). */
  COMPANY_ID: string
  /** 1 = Monday … 7 = Sunday. */
  WORK_DAYS: Array<number | string>
  /** "HH:MM" in the portal's time zone. */
  WORK_FROM: string
  WORK_TO: string
}

export type WorkHours = Pick<HelpdeskSettings, 'WORK_DAYS' | 'WORK_FROM' | 'WORK_TO'>

export const TICKET_STATUSES = [
  'QUEUE',
  'IN_WORK',
  'NEED_INFO',
  'WAITING_ACCEPTANCE',
  'ACCEPTED',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

export interface Site {
  ID: string
  COMPANY_ID: string
  URL: string
}

export interface Company {
  ID: string
  TITLE: string
  RESPONSIBLE_ID: string
  GROUP_ID: string
  COMMENTS: string
  SITES: Array<Pick<Site, 'ID' | 'URL'>>
  CONTACTS_COUNT: string | number
  TICKETS_OPEN: string | number
  CREATED_AT: string
  UPDATED_AT: string
}

export interface CompanyFields {
  TITLE?: string
  RESPONSIBLE_ID?: number
  GROUP_ID?: number
  COMMENTS?: string
}

export interface Contact {
  ID: string
  COMPANY_ID: string
  NAME: string
  LAST_NAME: string
  EMAIL: string
  PERSONAL_PHONE: string
  ACTIVE: boolean | 'Y' | 'N'
}

export interface ContactFields {
  COMPANY_ID: number
  EMAIL: string
  NAME: string
  LAST_NAME?: string
  PERSONAL_PHONE?: string
}

export interface Ticket {
  ID: string
  TITLE: string
  COMPANY_ID: string
  COMPANY_TITLE: string
  SITE_ID: string
  SITE_URL: string
  CONTACT_ID: string
  CONTACT_NAME: string
  DESCRIPTION: string
  /** '' when none. */
  DESIRED_DATE: string
  DESIRED_DATE_OUTSIDE_HOURS: 'Y' | 'N'
  PRIORITY: TicketPriority
  STATUS: TicketStatus
  RESPONSIBLE_ID: string
  RESPONSIBLE_NAME: string
  /** '0' when no task is linked. */
  TASK_ID: string
  /** Seconds tracked on the linked task. */
  TIME_SPENT: string | number
  FILES: TaskFile[]
  COMMENTS_COUNT: string | number
  CREATED_BY: string
  CREATED_AT: string
  UPDATED_AT: string
  STATUS_CHANGED_AT: string
  SOURCE: string
}

export interface TicketFields {
  TITLE?: string
  COMPANY_ID?: number
  SITE_ID?: number
  CONTACT_ID?: number
  DESCRIPTION?: string
  DESIRED_DATE?: string
  PRIORITY?: TicketPriority
  FILES?: FileUpload[]
  RESPONSIBLE_ID?: number
  /** 0 unlinks the task. */
  TASK_ID?: number
}

/** A comment is a task comment that also says which side wrote it. */
export interface TicketComment extends TaskComment {
  AUTHOR_SIDE: 'studio' | 'client'
}

export interface ListPage<T> {
  items: T[]
  total: number
  next?: number
}

export type Order = Record<string, 'ASC' | 'DESC'>

async function page<T>(method: string, params: Record<string, unknown>): Promise<ListPage<T>> {
  const r = await rest.call<T[]>(method, params)
  const items = r.result ?? []
  return { items, total: r.total ?? items.length, next: r.next }
}

export const helpdeskApi = {
  settings(): Promise<HelpdeskSettings> {
    return rest.result<HelpdeskSettings>('helpdesk.settings.get')
  },
  setHours(hours: { WORK_DAYS: number[]; WORK_FROM: string; WORK_TO: string }): Promise<boolean> {
    return rest.result<boolean>('helpdesk.settings.set', { ...hours })
  },

  companies(filter: Record<string, unknown> = {}, start = 0): Promise<ListPage<Company>> {
    return page<Company>('helpdesk.company.list', {
      FILTER: filter,
      ORDER: { TITLE: 'ASC' },
      start,
    })
  },
  /** Every company (the ticket form's and the filter's choice). */
  allCompanies(): Promise<Company[]> {
    return rest.all<Company>('helpdesk.company.list', { ORDER: { TITLE: 'ASC' } })
  },
  company(id: string | number): Promise<Company> {
    return rest.result<Company>('helpdesk.company.get', { ID: id })
  },
  addCompany(fields: CompanyFields): Promise<number> {
    return rest.result<number>('helpdesk.company.add', { FIELDS: fields })
  },
  updateCompany(id: string | number, fields: CompanyFields): Promise<boolean> {
    return rest.result<boolean>('helpdesk.company.update', { ID: id, FIELDS: fields })
  },

  sites(companyId?: string | number): Promise<Site[]> {
    const filter = companyId ? { COMPANY_ID: companyId } : {}
    return rest.all<Site>('helpdesk.site.list', { FILTER: filter, ORDER: { ID: 'ASC' } })
  },
  addSite(companyId: string | number, url: string): Promise<number> {
    return rest.result<number>('helpdesk.site.add', {
      FIELDS: { COMPANY_ID: Number(companyId), URL: url },
    })
  },
  deleteSite(id: string | number): Promise<boolean> {
    return rest.result<boolean>('helpdesk.site.delete', { ID: id })
  },

  contacts(companyId?: string | number): Promise<Contact[]> {
    const filter = companyId ? { COMPANY_ID: companyId } : {}
    return rest.all<Contact>('helpdesk.contact.list', { FILTER: filter, ORDER: { ID: 'ASC' } })
  },
  /** The contact's user id; the portal e-mails them their login and password. */
  addContact(fields: ContactFields): Promise<number> {
    return rest.result<number>('helpdesk.contact.add', { FIELDS: fields })
  },

  tickets(filter: Record<string, unknown>, start = 0, order: Order = { ID: 'DESC' }) {
    return page<Ticket>('helpdesk.ticket.list', { FILTER: filter, ORDER: order, start })
  },
  /** One ticket, or null when it is missing or not the caller's to see (the same answer). */
  async ticket(id: string | number): Promise<Ticket | null> {
    try {
      return await rest.result<Ticket>('helpdesk.ticket.get', { ID: id })
    } catch (e) {
      if ((e as { code?: string }).code === 'ERROR_NOT_FOUND') return null
      throw e
    }
  },
  addTicket(fields: TicketFields): Promise<number> {
    return rest.result<number>('helpdesk.ticket.add', { FIELDS: fields })
  },
  updateTicket(id: string | number, fields: TicketFields): Promise<boolean> {
    return rest.result<boolean>('helpdesk.ticket.update', { ID: id, FIELDS: fields })
  },
  /** An administrator's, or the author's while the ticket is still in the queue. */
  deleteTicket(id: string | number): Promise<boolean> {
    return rest.result<boolean>('helpdesk.ticket.delete', { ID: id })
  },
  setStatus(id: string | number, status: TicketStatus): Promise<boolean> {
    return rest.result<boolean>('helpdesk.ticket.status.set', { ID: id, STATUS: status })
  },
  accept(id: string | number): Promise<boolean> {
    return rest.result<boolean>('helpdesk.ticket.accept', { ID: id })
  },

  comments(ticketId: string | number): Promise<TicketComment[]> {
    return rest.result<TicketComment[]>('helpdesk.ticket.comment.list', { TICKET_ID: ticketId })
  },
  addComment(ticketId: string | number, message: string, files?: FileUpload[]): Promise<number> {
    return rest.result<number>('helpdesk.ticket.comment.add', {
      TICKET_ID: ticketId,
      FIELDS: { POST_MESSAGE: message, ...(files?.length ? { FILES: files } : {}) },
    })
  },
}
