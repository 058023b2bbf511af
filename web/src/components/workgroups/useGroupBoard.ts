/**
 * A group's kanban: the group's columns (task.stages.get, entityId = the group) and, in each,
 * the group's tasks on that stage, 50 at a time (a board of thousands of tasks renders only
 * what has been scrolled to). A drop is saved with task.stages.movetask and the neighbour it
 * was dropped next to; a refusal puts the card back where it was. Live `task.changed` moves,
 * adds and removes cards, so every open board follows a drag made elsewhere.
 */
import { computed, reactive, ref } from 'vue'
import { groupsApi, type BoardStage } from '../../api/groups'
import { tasksApi, type Task, type TaskListParams } from '../../api/tasks'
import { batch, PAGE_SIZE, taskPages, tasksByIds } from '../../api/batch'
import { errorCode } from '../../api/errors'
import type { TaskChanges } from '../../composables/useLiveTasks'
import { neighbourOf } from '../taskviews/usePlanBoard'

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

export interface BoardColumn {
  stage: BoardStage
  items: Task[]
  total: number
  loading: boolean
  error: unknown
}

export interface GroupBoardOptions {
  groupId: () => string
  /** Words the cards must contain (the board's filter); '' for every card. */
  search?: () => string
  /** A failed action's error; `refused` when the board's rules forbade the move. */
  onError: (error: unknown, refused: boolean) => void
}

export function useGroupBoard(options: GroupBoardOptions) {
  const stages = ref<BoardStage[]>([])
  const columns = reactive<Record<string, BoardColumn>>({})
  const loading = ref(false)
  const loadError = ref<unknown>(null)
  const firstStageId = computed(() => stages.value[0]?.ID ?? '')

  function stageFilter(stageId: string): unknown {
    // A task that never was on this board (stage 0) shows in the first column, as in Bitrix24.
    return stageId === firstStageId.value ? [stageId, 0] : stageId
  }

  function baseFilter(): Record<string, unknown> {
    const words = options.search?.().trim() ?? ''
    return words
      ? { GROUP_ID: options.groupId(), SEARCH_INDEX: words }
      : { GROUP_ID: options.groupId() }
  }

  function params(stageId: string): TaskListParams {
    return {
      filter: { ...baseFilter(), STAGE_ID: stageFilter(stageId) },
      order: BOARD_ORDER,
      select: BOARD_CARD_FIELDS,
    }
  }

  /** The column a task belongs in: its stage, or the first one for an unknown stage. */
  function columnOf(task: Pick<Task, 'stageId'>): string {
    const id = String(task.stageId ?? '')
    return columns[id] ? id : firstStageId.value
  }

  function locate(taskId: string): { column: BoardColumn; index: number } | null {
    for (const column of Object.values(columns)) {
      const index = column.items.findIndex((t) => t.id === taskId)
      if (index >= 0) return { column, index }
    }
    return null
  }

  function setStages(list: BoardStage[]): BoardStage[] {
    const added = list.filter((s) => !columns[s.ID])
    stages.value = list
    for (const id of Object.keys(columns)) if (!list.some((s) => s.ID === id)) delete columns[id]
    for (const stage of list) {
      if (columns[stage.ID]) columns[stage.ID].stage = stage
      else columns[stage.ID] = { stage, items: [], total: 0, loading: false, error: null }
    }
    return added
  }

  /** The columns and the first page of each, in one request. */
  async function load(): Promise<void> {
    loading.value = true
    loadError.value = null
    try {
      const list = await groupsApi.stages(options.groupId())
      setStages(list)
      await firstPages(list.map((s) => s.ID))
    } catch (e) {
      loadError.value = e
    } finally {
      loading.value = false
    }
  }

  async function firstPages(stageIds: string[]): Promise<void> {
    if (!stageIds.length) return
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
    const starts: number[] = []
    for (let s = 0; s < Math.max(column.items.length, PAGE_SIZE); s += PAGE_SIZE) starts.push(s)
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

  /** The next page of a column; a page shifted by moves is read again and repeats skipped. */
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
  /** One reload per column for a burst of live messages. */
  function scheduleReload(stageId: string): void {
    pendingReloads.add(stageId)
    if (reloadTimer) return
    reloadTimer = setTimeout(() => {
      reloadTimer = null
      const list = [...pendingReloads]
      pendingReloads.clear()
      list.forEach((id) => void reloadColumn(id))
    }, 60)
  }

  /**
   * Saves a drop already made on screen: the card `taskId` now sits in `toStage`, having been
   * at `fromIndex` of `fromStage`. A refusal puts it back there.
   */
  async function persistMove(
    taskId: string,
    fromStage: string,
    toStage: string,
    fromIndex: number,
  ): Promise<boolean> {
    const target = columns[toStage]
    const source = columns[fromStage]
    if (!target || !source) return false
    const index = target.items.findIndex((t) => t.id === taskId)
    if (index < 0) return false
    const crossed = fromStage !== toStage
    const before = target.items[index]
    if (crossed) {
      target.total++
      source.total = Math.max(0, source.total - 1)
      target.items[index] = { ...before, stageId: toStage }
    }
    try {
      await tasksApi.moveToStage(taskId, toStage, neighbourOf(target.items, index))
      return true
    } catch (e) {
      const at = target.items.findIndex((t) => t.id === taskId)
      if (at >= 0) target.items.splice(at, 1)
      source.items.splice(Math.min(fromIndex, source.items.length), 0, before)
      if (crossed) {
        target.total = Math.max(0, target.total - 1)
        source.total++
      }
      options.onError(e, errorCode(e) === MOVE_REFUSED)
      return false
    }
  }

  /** Keyboard moves: to the previous/next column (on top), or one place up/down. */
  async function moveBy(taskId: string, direction: 'left' | 'right' | 'up' | 'down') {
    const found = locate(taskId)
    if (!found) return
    const { column, index } = found
    const from = column.stage.ID
    if (direction === 'up' || direction === 'down') {
      const to = direction === 'up' ? index - 1 : index + 1
      if (to < 0 || to >= column.items.length) return
      const [task] = column.items.splice(index, 1)
      column.items.splice(to, 0, task)
      await persistMove(taskId, from, from, index)
      return
    }
    const at = stages.value.findIndex((s) => s.ID === from)
    const next = stages.value[direction === 'left' ? at - 1 : at + 1]
    if (!next || !columns[next.ID]) return
    const [task] = column.items.splice(index, 1)
    columns[next.ID].items.unshift(task)
    await persistMove(taskId, from, next.ID, index)
  }

  function removeCard(taskId: string): void {
    const found = locate(taskId)
    if (!found) return
    found.column.items.splice(found.index, 1)
    found.column.total = Math.max(0, found.column.total - 1)
  }

  /**
   * Live `task.changed` (a burst at once): the changed tasks read again in one request. A card
   * whose stage changed moves at once (on top of its new column), and that column is read
   * again for its true order; a task no longer of the group (or no longer visible) goes.
   */
  async function refreshTasks(changes: TaskChanges): Promise<void> {
    const list = [...changes.keys()]
    let fresh: Task[]
    try {
      const lists = { now: { filter: baseFilter(), select: BOARD_CARD_FIELDS } }
      fresh = (await tasksByIds(list, lists)).now
    } catch {
      return
    }
    const byId = new Map(fresh.map((t) => [t.id, t]))
    for (const id of list) {
      const task = byId.get(id)
      const found = locate(id)
      if (!task) {
        removeCard(id)
        continue
      }
      const stageId = columnOf(task)
      if (!stageId) continue
      if (found && found.column.stage.ID === stageId) {
        found.column.items[found.index] = task
        continue
      }
      if (found) removeCard(id)
      columns[stageId].items.unshift(task)
      columns[stageId].total++
      scheduleReload(stageId)
    }
  }

  /** The columns again (names, colours, order, rules); new ones get their first page. */
  async function reloadStages(): Promise<void> {
    const added = setStages(await groupsApi.stages(options.groupId()))
    await Promise.all(added.map((s) => reloadColumn(s.ID)))
  }

  function dispose(): void {
    if (reloadTimer) clearTimeout(reloadTimer)
    reloadTimer = null
  }

  return {
    stages,
    columns,
    loading,
    loadError,
    firstStageId,
    load,
    loadMore,
    reloadColumn,
    persistMove,
    moveBy,
    refreshTasks,
    reloadStages,
    dispose,
  }
}

export type GroupBoard = ReturnType<typeof useGroupBoard>
