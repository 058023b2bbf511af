/**
 * A group's kanban: the group's columns (task.stages.get, entityId = the group) and, in each,
 * the group's tasks on that stage in STAGE_SORT order. A drop is saved with
 * task.stages.movetask; a refusal puts the card back where it was. Live `task.changed` moves,
 * adds and removes cards, so every open board follows a drag made elsewhere.
 */
import { groupsApi, type BoardStage } from '../../api/groups'
import { tasksApi, type TaskListParams } from '../../api/tasks'
import { errorCode } from '../../api/errors'
import type { TaskChanges } from '../../composables/useLiveTasks'
import { useKanbanColumns, type KanbanColumn } from '../kanban/useKanbanColumns'

export const BOARD_CARD_FIELDS = [
  'ID',
  'TITLE',
  'STATUS',
  'DEADLINE',
  'RESPONSIBLE_ID',
  'PRIORITY',
  'STAGE_ID',
  'GROUP_ID',
  'CLOSED_DATE',
]

/** A column's order on the board: the place movetask gave each card, then the newest first. */
export const BOARD_ORDER: TaskListParams['order'] = { STAGE_SORT: 'ASC', ID: 'DESC' }

/** The server's answer to a move the board's rules forbid. */
export const MOVE_REFUSED = 'ACCESS_DENIED_MOVE'

export type BoardColumn = KanbanColumn<BoardStage>

export interface GroupBoardOptions {
  groupId: () => string
  /** Words the cards must contain (the board's filter); '' for every card. */
  search?: () => string
  /** A failed action's error; `refused` when the board's rules forbade the move. */
  onError: (error: unknown, refused: boolean) => void
}

export function useGroupBoard(options: GroupBoardOptions) {
  const core = useKanbanColumns<BoardStage>({
    stages: () => groupsApi.stages(options.groupId()),
    filter: () => {
      const words = options.search?.().trim() ?? ''
      return words
        ? { GROUP_ID: options.groupId(), SEARCH_INDEX: words }
        : { GROUP_ID: options.groupId() }
    },
    // A task that never was on this board (stage 0) shows in the first column, as in Bitrix24.
    stageFilter: (stageId, first) => ({ STAGE_ID: first ? [stageId, 0] : stageId }),
    order: BOARD_ORDER,
    select: BOARD_CARD_FIELDS,
    stageField: 'stageId',
    save: (taskId, stageId, neighbour) => tasksApi.moveToStage(taskId, stageId, neighbour),
    undo: 'putBack',
    onError: (e) => options.onError(e, errorCode(e) === MOVE_REFUSED),
  })

  return {
    stages: core.stages,
    columns: core.columns,
    loading: core.loading,
    loadError: core.loadError,
    firstStageId: core.firstStageId,
    load: core.load,
    loadMore: core.loadMore,
    reloadColumn: core.reloadColumn,
    persistMove: core.persistMove,
    moveBy: core.moveBy,
    // A card whose stage changed moves at once (on top of its new column), and that column is
    // read again for its true order.
    refreshTasks: (changes: TaskChanges) => core.refreshTasks(changes),
    reloadStages: core.reloadStages,
    dispose: core.dispose,
  }
}

export type GroupBoard = ReturnType<typeof useGroupBoard>
