import { useLiveChanges, type LiveChanges } from '../../composables/useLiveChanges'

/** Ticket id → what happened to it: 'add', 'update', 'status', 'comment', 'delete'. */
export type TicketChanges = LiveChanges

export interface LiveTicketsOptions {
  changed: (changes: TicketChanges) => void
  reconnected?: () => void
  delayMs?: number
}

/**
 * Live `helpdesk.ticket` messages ({ID, COMPANY_ID, ACTION, STATUS}) for an open list, board or
 * card, gathered so that a burst reads each ticket again once.
 */
export function useLiveTickets(options: LiveTicketsOptions) {
  return useLiveChanges({
    messages: {
      'helpdesk.ticket': (d) => [d.ID as string, (d.ACTION as string) || 'update'],
    },
    ...options,
  })
}
