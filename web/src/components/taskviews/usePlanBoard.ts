/**
 * My Plan: the person's own columns (task.stages.*, entityId 0) and, in each, the tasks they do
 * ordered by PLAN_SORT. A task never placed sits in the first column. Moves go to
 * task.stages.movetask; live `task.plan` and `task.changed` keep every tab in step.
 */
import { ref } from 'vue'
import { tasksApi, type Stage } from '../../api/tasks'
import type { TaskChanges } from '../../composables/useLiveTasks'
import { useKanbanColumns, type KanbanColumn } from '../kanban/useKanbanColumns'

export const CARD_FIELDS = [
  'ID',
  'TITLE',
  'STATUS',
  'DEADLINE',
  'RESPONSIBLE_ID',
  'PRIORITY',
  'PLAN_STAGE_ID',
  'CLOSED_DATE',
]

export type PlanColumn = KanbanColumn<Stage>

export interface PlanBoardOptions {
  me: () => string
  /** Called with a failed action's error (the page shows the server's sentence). */
  onError: (error: unknown) => void
}

export function usePlanBoard(options: PlanBoardOptions) {
  const showCompleted = ref(false)
  /** Moves made here whose live echo (task.plan) has not arrived yet, per task. */
  const ownMoves = new Map<string, number>()
  function expectEcho(taskId: string): void {
    ownMoves.set(taskId, (ownMoves.get(taskId) ?? 0) + 1)
  }

  const core = useKanbanColumns<Stage>({
    stages: () => tasksApi.planStages(),
    filter: () => {
      const filter: Record<string, unknown> = { DOER: options.me() }
      if (!showCompleted.value) filter['!REAL_STATUS'] = 5
      return filter
    },
    stageFilter: (stageId) => ({ PLAN_STAGE_ID: stageId }),
    order: { PLAN_SORT: 'ASC' },
    select: CARD_FIELDS,
    stageField: 'planStageId',
    save: async (taskId, stageId, neighbour) => {
      expectEcho(taskId)
      try {
        await tasksApi.moveToStage(taskId, stageId, neighbour)
      } catch (e) {
        ownMoves.set(taskId, Math.max(0, (ownMoves.get(taskId) ?? 1) - 1))
        throw e
      }
    },
    // A refusal puts both columns back as the server has them.
    undo: 'reload',
    onError: options.onError,
  })
  const { stages, columns, firstStageId } = core

  async function load(): Promise<void> {
    ownMoves.clear()
    await core.load()
  }

  /** A new task of mine, straight into a column (on top). */
  async function quickAdd(stageId: string, title: string) {
    const task = await tasksApi.add({ TITLE: title, RESPONSIBLE_ID: options.me() })
    if (stageId !== firstStageId.value) {
      const first = columns[stageId]?.items[0]
      expectEcho(task.id)
      await tasksApi.moveToStage(task.id, stageId, first ? { before: first.id } : undefined)
    }
    if (!core.locate(task.id)) core.showOnTop(stageId, { ...task, planStageId: stageId })
    return task
  }

  /** Live `task.plan`: a task moved in my plan, maybe in another tab. */
  function onPlanMessage(data: { TASK_ID?: string; STAGE_ID?: string }): void {
    const taskId = String(data.TASK_ID ?? '')
    const stageId = String(data.STAGE_ID ?? '')
    if (!taskId) return
    const own = ownMoves.get(taskId) ?? 0
    if (own > 0) {
      if (own === 1) ownMoves.delete(taskId)
      else ownMoves.set(taskId, own - 1)
      return
    }
    core.removeCard(taskId)
    if (columns[stageId]) {
      core.scheduleReload(stageId)
      return
    }
    // A column this tab does not know yet (made in another tab): read the columns again.
    void core
      .reloadStages()
      .then(() => core.scheduleReload(columns[stageId] ? stageId : firstStageId.value))
      .catch(() => undefined)
  }

  /** Live `task.changed`: a moved card's column is read again for its place in PLAN_SORT. */
  function refreshTasks(changes: TaskChanges): Promise<void> {
    return core.refreshTasks(changes, (task, stageId, wasShown) => {
      // A new task is never placed: the newest sits on top of the first column.
      if (!wasShown && stageId === firstStageId.value && changes.get(task.id)?.has('add'))
        core.showOnTop(stageId, task)
      else core.scheduleReload(stageId)
    })
  }

  // Columns
  async function addStage(title: string, color: string): Promise<void> {
    const last = stages.value[stages.value.length - 1]
    await tasksApi.addStage(title, last?.ID, color)
    await core.reloadStages()
  }

  async function updateStage(id: string, fields: { TITLE?: string; COLOR?: string }) {
    await tasksApi.updateStage(id, fields)
    const stage = stages.value.find((s) => s.ID === id)
    if (stage) Object.assign(stage, fields)
    if (columns[id]) Object.assign(columns[id].stage, fields)
  }

  async function deleteStage(id: string): Promise<void> {
    await tasksApi.deleteStage(id)
    stages.value = stages.value.filter((s) => s.ID !== id)
    delete columns[id]
    // Its tasks went back to the first column.
    await core.reloadColumn(firstStageId.value)
  }

  /** After a column was dragged to a new place: it goes after its left neighbour. */
  async function persistStageOrder(id: string): Promise<void> {
    const index = stages.value.findIndex((s) => s.ID === id)
    if (index < 0) return
    const after = index > 0 ? stages.value[index - 1].ID : firstStageId.value
    try {
      await tasksApi.updateStage(id, { AFTER_ID: after })
    } catch (e) {
      options.onError(e)
    }
    await core.reloadStages()
  }

  async function moveStage(id: string, direction: 'left' | 'right'): Promise<void> {
    const index = stages.value.findIndex((s) => s.ID === id)
    const to = direction === 'left' ? index - 1 : index + 1
    // The first column stays first.
    if (index <= 0 || to <= 0 || to >= stages.value.length) return
    const list = stages.value.slice()
    const [stage] = list.splice(index, 1)
    list.splice(to, 0, stage)
    stages.value = list
    await persistStageOrder(id)
  }

  return {
    stages,
    columns,
    showCompleted,
    loading: core.loading,
    loadError: core.loadError,
    firstStageId,
    load,
    loadMore: core.loadMore,
    reloadColumn: core.reloadColumn,
    persistMove: core.persistMove,
    moveBy: core.moveBy,
    quickAdd,
    onPlanMessage,
    refreshTasks,
    addStage,
    updateStage,
    deleteStage,
    persistStageOrder,
    moveStage,
    reloadStages: core.reloadStages,
    dispose: core.dispose,
  }
}

export type PlanBoard = ReturnType<typeof usePlanBoard>
