/**
 * The studio's board of tickets: a column per status (M4), newest tickets first, on the kanban
 * core shared with the task boards. A card dropped into another column sets that status
 * (helpdesk.ticket.status.set); a refusal puts it back. Live `helpdesk.ticket` moves, adds and
 * removes cards, so every open board follows the others.
 */
import { helpdeskApi, TICKET_STATUSES, type TicketStatus } from '../../api/helpdesk'
import { useKanbanColumns, type KanbanColumn } from '../kanban/useKanbanColumns'
import { STATUS_HEX } from './ticketStatus'
import { ticketSource, type BoardTicket } from './ticketSource'
import type { TicketChanges } from './useLiveTickets'

/** A column of the board: one status, named in the reader's language. */
export interface StatusStage {
  ID: TicketStatus
  TITLE: string
  COLOR: string
}

export type TicketColumn = KanbanColumn<StatusStage, BoardTicket>

export interface TicketBoardOptions {
  /** A status's name in the reader's language. */
  title: (status: TicketStatus) => string
  /** The board's other filters (company, site, priority, responsible); none for every ticket. */
  filter?: () => Record<string, unknown>
  onError: (error: unknown) => void
}

export function statusStages(title: (status: TicketStatus) => string): StatusStage[] {
  return TICKET_STATUSES.map((ID) => ({ ID, TITLE: title(ID), COLOR: STATUS_HEX[ID] }))
}

export function useTicketBoard(options: TicketBoardOptions) {
  const core = useKanbanColumns<StatusStage, BoardTicket>({
    stages: async () => statusStages(options.title),
    source: ticketSource,
    filter: () => options.filter?.() ?? {},
    stageFilter: (status) => ({ STATUS: status }),
    order: { ID: 'DESC' },
    select: [],
    stageField: 'STATUS',
    save: (ticketId, status, _neighbour) => helpdeskApi.setStatus(ticketId, status as TicketStatus),
    undo: 'putBack',
    onError: options.onError,
  })

  /**
   * A drop: into another column it sets the status; within a column there is nothing to save
   * (a column keeps the newest first), so the column is read again in its own order.
   */
  function drop(ticketId: string, from: string, to: string, fromIndex: number): void {
    if (from === to) void core.reloadColumn(to)
    else void core.persistMove(ticketId, from, to, fromIndex)
  }

  return {
    stages: core.stages,
    columns: core.columns,
    loading: core.loading,
    loadError: core.loadError,
    load: core.load,
    loadMore: core.loadMore,
    reloadColumn: core.reloadColumn,
    /** The column names again (the reader switched the language). */
    retitle: core.reloadStages,
    drop,
    /** Keyboard moves go to the next column; up and down have no order to change. */
    moveBy: (ticketId: string, direction: 'left' | 'right' | 'up' | 'down') =>
      direction === 'left' || direction === 'right' ? core.moveBy(ticketId, direction) : undefined,
    refreshTickets: (changes: TicketChanges) => core.refreshTasks(changes),
    dispose: core.dispose,
  }
}

export type TicketBoard = ReturnType<typeof useTicketBoard>
