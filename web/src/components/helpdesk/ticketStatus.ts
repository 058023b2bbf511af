/**
 * The ticket statuses (M4) and priorities: their colours, and which side must act. Their names
 * are in the catalogues under `helpdesk.status.*` and `helpdesk.priority.*`.
 */
import {
  TICKET_STATUSES,
  type Ticket,
  type TicketPriority,
  type TicketStatus,
} from '../../api/helpdesk'

type BadgeColor =
  | 'air-secondary'
  | 'air-primary'
  | 'air-primary-warning'
  | 'air-primary-success'
  | 'air-primary-alert'
  | 'air-tertiary'

export function statusColor(status: string): BadgeColor {
  switch (status) {
    case 'IN_WORK':
      return 'air-primary'
    case 'NEED_INFO':
      return 'air-primary-alert'
    case 'WAITING_ACCEPTANCE':
      return 'air-primary-warning'
    case 'ACCEPTED':
      return 'air-primary-success'
    default:
      return 'air-secondary'
  }
}

/** A board column's top line, as the task boards colour theirs (hex without '#'). */
export const STATUS_HEX: Record<TicketStatus, string> = {
  QUEUE: '9DCF00',
  IN_WORK: '2FC6F6',
  NEED_INFO: 'FF5752',
  WAITING_ACCEPTANCE: 'FFA900',
  ACCEPTED: '55D0A0',
}

export function priorityColor(priority: string): BadgeColor {
  if (priority === 'HIGH') return 'air-primary-alert'
  if (priority === 'LOW') return 'air-tertiary'
  return 'air-secondary'
}

export function isStatus(value: unknown): value is TicketStatus {
  return (TICKET_STATUSES as readonly unknown[]).includes(value)
}

/** The statuses in which the client is the one to act: answer, or accept the work. */
export function clientMustAct(status: string): boolean {
  return status === 'NEED_INFO' || status === 'WAITING_ACCEPTANCE'
}

/** A client may still change a ticket (add files) until it is accepted. */
export function isClosed(ticket: Pick<Ticket, 'STATUS'>): boolean {
  return ticket.STATUS === 'ACCEPTED'
}

export const PRIORITY_ORDER: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH']
