/**
 * My Plan: the person's own columns (task.stages.*, entityId 0) and, in each, the tasks they do
 * ordered by PLAN_SORT, 50 at a time. Moves go to task.stages.movetask with the neighbour the
 * card was dropped next to; live `task.plan` and `task.changed` keep every tab in step.
 */
import { computed, reactive, ref } from 'vue'
import { tasksApi, type Stage, type Task, type TaskListParams } from '../../api/tasks'
import { batch, PAGE_SIZE, taskPages, tasksByIds } from '../../api/batch'
import type { TaskChanges } from '../../composables/useLiveTasks'

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

export interface PlanColumn {
  stage: Stage
  items: Task[]
  total: number
  loading: boolean
  error: unknown
}

export interface PlanBoardOptions {
  me: () => string
  /** Called with a failed action's error (the page shows the server's sentence). */
  onError: (error: unknown) => void
}

/** Where a dropped card goes: after the card above it, or before the one below. */
export function neighbourOf(
  items: Array<{ id: string }>,
  index: number,
): { after?: string; before?: string } {
  if (index > 0 && items[index - 1]) return { after: items[index - 1].id }
  if (items[index + 1]) return { before: items[index + 1].id }
  return {}
}

export function usePlanBoard(options: PlanBoardOptions) {
  const stages = ref<Stage[]>([])
  const columns = reactive<Record<string, PlanColumn>>({})
  const showCompleted = ref(false)
  const loading = ref(false)
  const loadError = ref<unknown>(null)
  /** Moves made here whose live echo (task.plan) has not arrived yet, per task. */
  const ownMoves = new Map<string, number>()
  const firstStageId = computed(() => stages.value[0]?.ID ?? '')

  function params(stageId: string): TaskListParams {
    const filter: Record<string, unknown> = { DOER: options.me(), PLAN_STAGE_ID: stageId }
    if (!showCompleted.value) filter['!REAL_STATUS'] = 5
    return { filter, order: { PLAN_SORT: 'ASC' }, select: CARD_FIELDS }
  }

  function columnOf(task: Pick<Task, 'planStageId'>): string {
    const id = String(task.planStageId ?? '')
    return columns[id] ? id : firstStageId.value
  }

  function locate(taskId: string): { column: PlanColumn; index: number } | null {
    for (const column of Object.values(columns)) {
      const index = column.items.findIndex((t) => t.id === taskId)
      if (index >= 0) return { column, index }
    }
    return null
  }

  function ensureColumn(stage: Stage): PlanColumn {
    const existing = columns[stage.ID]
    if (existing) {
      existing.stage = stage
      return existing
    }
    columns[stage.ID] = { stage, items: [], total: 0, loading: false, error: null }
    return columns[stage.ID]
  }

  /** Columns and the first page of each, in one request. */
  async function load(): Promise<void> {
    loading.value = true
    loadError.value = null
    try {
      const list = await tasksApi.planStages()
      stages.value = list
      for (const id of Object.keys(columns)) if (!list.some((s) => s.ID === id)) delete columns[id]
      list.forEach(ensureColumn)
      ownMoves.clear()
      await firstPages(list.map((s) => s.ID))
    } catch (e) {
      loadError.value = e
    } finally {
      loading.value = false
    }
  }

  /** The first page of several columns in one request. */
  async function firstPages(stageIds: string[]): Promise<void> {
    const commands: Record<string, [string, Record<string, unknown>]> = {}
    for (const id of stageIds) commands[`c${id}`] = ['tasks.task.list', { ...params(id), start: 0 }]
    const answer = await batch<{ tasks: Task[] }>(commands)
    for (const id of stageIds) {
      const column = columns[id]
      if (!column) continue
      column.error = answer.error[`c${id}`] ?? null
      column.items = answer.result[`c${id}`]?.tasks ?? []
      column.total = answer.total[`c${id}`] ?? column.items.length
    }
  }

  /** Reads again as many cards as the column shows now (at least one page). */
  async function reloadColumn(stageId: string): Promise<void> {
    const column = columns[stageId]
    if (!column) return
    const shown = Math.max(column.items.length, PAGE_SIZE)
    const starts: number[] = []
    for (let s = 0; s < shown; s += PAGE_SIZE) starts.push(s)
    column.loading = true
    column.error = null
    try {
      const page = await taskPages(params(stageId), starts)
      const seen = new Set<string>()
      column.items = page.tasks.filter((t) => !seen.has(t.id) && !!seen.add(t.id))
      column.total = page.total
    } catch (e) {
      column.error = e
    } finally {
      column.loading = false
    }
  }

  /** The next page of a column. The server pages by 50, so re-read the page and skip repeats. */
  async function loadMore(stageId: string): Promise<void> {
    const column = columns[stageId]
    if (!column || column.loading || column.items.length >= column.total) return
    const start = Math.floor(column.items.length / PAGE_SIZE) * PAGE_SIZE
    column.loading = true
    try {
      const page = await taskPages(params(stageId), [start])
      const seen = new Set(column.items.map((t) => t.id))
      for (const t of page.tasks) if (!seen.has(t.id)) column.items.push(t)
      column.total = page.total
    } catch (e) {
      column.error = e
    } finally {
      column.loading = false
    }
  }

  const pendingReloads = new Set<string>()
  let reloadTimer: ReturnType<typeof setTimeout> | null = null
  /** Coalesces reloads asked for by a burst of live messages. */
  function scheduleReload(stageId: string): void {
    pendingReloads.add(stageId)
    if (reloadTimer) return
    reloadTimer = setTimeout(() => {
      reloadTimer = null
      const ids = [...pendingReloads]
      pendingReloads.clear()
      ids.forEach((id) => void reloadColumn(id))
    }, 60)
  }

  /**
   * Saves a move already made on screen: the card `taskId` now sits at `index` of the column
   * `toStage` (it came from `fromStage`). A refusal puts both columns back as the server has them.
   */
  async function persistMove(taskId: string, fromStage: string, toStage: string): Promise<void> {
    const target = columns[toStage]
    if (!target) return
    const index = target.items.findIndex((t) => t.id === taskId)
    if (index < 0) return
    if (fromStage !== toStage) {
      target.total++
      if (columns[fromStage]) columns[fromStage].total = Math.max(0, columns[fromStage].total - 1)
      target.items[index] = { ...target.items[index], planStageId: toStage }
    }
    ownMoves.set(taskId, (ownMoves.get(taskId) ?? 0) + 1)
    try {
      await tasksApi.moveToStage(taskId, toStage, neighbourOf(target.items, index))
    } catch (e) {
      ownMoves.set(taskId, Math.max(0, (ownMoves.get(taskId) ?? 1) - 1))
      options.onError(e)
      await Promise.all([reloadColumn(toStage), fromStage !== toStage && reloadColumn(fromStage)])
    }
  }

  /** Keyboard moves: to the previous/next column (on top), or one place up/down. */
  async function moveBy(taskId: string, direction: 'left' | 'right' | 'up' | 'down') {
    const found = locate(taskId)
    if (!found) return
    const { column, index } = found
    const fromStage = column.stage.ID
    if (direction === 'up' || direction === 'down') {
      const to = direction === 'up' ? index - 1 : index + 1
      if (to < 0 || to >= column.items.length) return
      const [task] = column.items.splice(index, 1)
      column.items.splice(to, 0, task)
      await persistMove(taskId, fromStage, fromStage)
      return
    }
    const at = stages.value.findIndex((s) => s.ID === fromStage)
    const next = stages.value[direction === 'left' ? at - 1 : at + 1]
    if (!next || !columns[next.ID]) return
    const [task] = column.items.splice(index, 1)
    columns[next.ID].items.unshift(task)
    await persistMove(taskId, fromStage, next.ID)
  }

  /** A new task of mine, straight into a column (on top). */
  async function quickAdd(stageId: string, title: string): Promise<Task> {
    const task = await tasksApi.add({ TITLE: title, RESPONSIBLE_ID: options.me() })
    const column = columns[stageId]
    const card = { ...task, planStageId: stageId }
    if (stageId !== firstStageId.value) {
      const first = column?.items[0]
      ownMoves.set(task.id, (ownMoves.get(task.id) ?? 0) + 1)
      await tasksApi.moveToStage(task.id, stageId, first ? { before: first.id } : undefined)
    }
    if (column && !locate(task.id)) {
      column.items.unshift(card)
      column.total++
    }
    return task
  }

  function removeCard(taskId: string): void {
    const found = locate(taskId)
    if (!found) return
    found.column.items.splice(found.index, 1)
    found.column.total = Math.max(0, found.column.total - 1)
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
    removeCard(taskId)
    if (columns[stageId]) {
      scheduleReload(stageId)
      return
    }
    // A column this tab does not know yet (made in another tab): read the columns again.
    void reloadStages()
      .then(() => scheduleReload(columns[stageId] ? stageId : firstStageId.value))
      .catch(() => undefined)
  }

  /** Live `task.changed` (a burst at once): the changed tasks read again in one request. */
  async function refreshTasks(changes: TaskChanges): Promise<void> {
    const ids = [...changes.keys()]
    const filter: Record<string, unknown> = { DOER: options.me() }
    if (!showCompleted.value) filter['!REAL_STATUS'] = 5
    let fresh: Task[]
    try {
      fresh = (await tasksByIds(ids, { mine: { filter, select: CARD_FIELDS } })).mine
    } catch {
      return
    }
    const byId = new Map(fresh.map((t) => [t.id, t]))
    for (const id of ids) {
      const task = byId.get(id)
      const found = locate(id)
      if (!task) {
        if (found) removeCard(id)
        continue
      }
      const stageId = columnOf(task)
      if (found && found.column.stage.ID === stageId) {
        found.column.items[found.index] = task
      } else if (!found && stageId === firstStageId.value && changes.get(id)?.has('add')) {
        // A new task is never placed: the newest sits on top of the first column.
        columns[stageId].items.unshift(task)
        columns[stageId].total++
      } else {
        if (found) removeCard(id)
        scheduleReload(stageId)
      }
    }
  }

  // Columns
  async function addStage(title: string, color: string): Promise<void> {
    const last = stages.value[stages.value.length - 1]
    await tasksApi.addStage(title, last?.ID, color)
    await reloadStages()
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
    await reloadColumn(firstStageId.value)
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
    await reloadStages()
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

  /** Columns again (names, colours, order); new ones get their first page. */
  async function reloadStages(): Promise<void> {
    const list = await tasksApi.planStages()
    const added = list.filter((s) => !columns[s.ID])
    stages.value = list
    for (const id of Object.keys(columns)) if (!list.some((s) => s.ID === id)) delete columns[id]
    list.forEach(ensureColumn)
    await Promise.all(added.map((s) => reloadColumn(s.ID)))
  }

  function dispose(): void {
    if (reloadTimer) clearTimeout(reloadTimer)
  }

  return {
    stages,
    columns,
    showCompleted,
    loading,
    loadError,
    firstStageId,
    load,
    loadMore,
    reloadColumn,
    persistMove,
    moveBy,
    quickAdd,
    onPlanMessage,
    refreshTasks,
    addStage,
    updateStage,
    deleteStage,
    persistStageOrder,
    moveStage,
    reloadStages,
    dispose,
  }
}

export type PlanBoard = ReturnType<typeof usePlanBoard>
