/**
 * The columns of a kanban board and the cards in each, 50 at a time (a board of thousands of
 * cards renders only what has been scrolled to). My Plan and a group's board differ in how a
 * column's tasks are listed, which field names a card's column and how a move is saved; the
 * ticket desk's board lists tickets instead of tasks (its own `source`). The rest is here:
 * paging, one reload per column for a burst of live messages, and a drop shown at once and
 * undone when the server does not take it.
 */
import { computed, reactive, ref, type Ref } from 'vue'
import type { Stage, Task, TaskListParams } from '../../api/tasks'
import { PAGE_SIZE } from '../../api/batch'
import type { TaskChanges } from '../../composables/useLiveTasks'
import { taskSource, type KanbanItem, type KanbanSource } from './kanbanSource'

export type { KanbanItem, KanbanSource } from './kanbanSource'

/** What the core needs of a column: its id (the card field naming it holds the same). */
export type KanbanStage = Pick<Stage, 'ID' | 'TITLE' | 'COLOR'>

export interface KanbanColumn<S extends KanbanStage = Stage, T extends KanbanItem = Task> {
  stage: S
  items: T[]
  total: number
  loading: boolean
  error: unknown
}

export type Direction = 'left' | 'right' | 'up' | 'down'
export interface Neighbour {
  after?: string
  before?: string
}

export interface KanbanOptions<S extends KanbanStage, T extends KanbanItem = Task> {
  /** The board's columns, in order. */
  stages: () => Promise<S[]>
  /** How cards are listed; the tasks lists unless given. */
  source?: KanbanSource<T>
  /** The board's cards in any column; the live refresh reads changed cards through it. */
  filter: () => Record<string, unknown>
  /** The part of the filter that names one column (`first` for the board's first one). */
  stageFilter: (stageId: string, first: boolean) => Record<string, unknown>
  order: TaskListParams['order']
  select: string[]
  /** The card field naming its column. */
  stageField: keyof T & string
  /** Saves a move: `taskId` goes to `stageId`, next to `neighbour`. */
  save: (taskId: string, stageId: string, neighbour: Neighbour) => Promise<unknown>
  /**
   * What a failed save undoes: 'putBack' returns the card to where it was, 'reload' reads both
   * columns again as the server has them.
   */
  undo: 'putBack' | 'reload'
  /** A failed save's error (the page shows the server's sentence). */
  onError: (error: unknown) => void
}

/** Where a dropped card goes: after the card above it, or before the one below. */
export function neighbourOf(items: Array<{ id: string }>, index: number): Neighbour {
  if (index > 0 && items[index - 1]) return { after: items[index - 1].id }
  if (items[index + 1]) return { before: items[index + 1].id }
  return {}
}

export function useKanbanColumns<S extends KanbanStage, T extends KanbanItem = Task>(
  options: KanbanOptions<S, T>,
) {
  const source = (options.source ?? taskSource) as KanbanSource<T>
  const stages = ref([]) as Ref<S[]>
  const columns = reactive({}) as Record<string, KanbanColumn<S, T>>
  const loading = ref(false)
  const loadError = ref<unknown>(null)
  const firstStageId = computed(() => stages.value[0]?.ID ?? '')

  function params(stageId: string): TaskListParams {
    const filter = {
      ...options.filter(),
      ...options.stageFilter(stageId, stageId === firstStageId.value),
    }
    return { filter, order: options.order, select: options.select }
  }

  /** The column a card belongs in: its own, or the first one for a column not on the board. */
  function columnOf(task: T): string {
    const id = String(task[options.stageField] ?? '')
    return columns[id] ? id : firstStageId.value
  }

  function locate(taskId: string): { column: KanbanColumn<S, T>; index: number } | null {
    for (const column of Object.values(columns)) {
      const index = column.items.findIndex((t) => t.id === taskId)
      if (index >= 0) return { column, index }
    }
    return null
  }

  /** Takes the columns as the server has them; returns the ones new to this board. */
  function setStages(list: S[]): S[] {
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
      const list = await options.stages()
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
    const lists: Record<string, TaskListParams> = {}
    for (const id of stageIds) lists[id] = params(id)
    const answer = await source.firstPages(lists)
    for (const id of stageIds) {
      const column = columns[id]
      const page = answer[id]
      if (!column || !page) continue
      column.error = page.error
      column.items = page.items
      column.total = page.total
    }
  }

  /** The columns again (names, colours, order, rules); new ones get their first page. */
  async function reloadStages(): Promise<void> {
    const added = setStages(await options.stages())
    await Promise.all(added.map((s) => reloadColumn(s.ID)))
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
      const page = await source.pages(params(stageId), starts)
      const seen = new Set<string>()
      column.items = page.items.filter((t) => !seen.has(t.id) && !!seen.add(t.id))
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
      const page = await source.pages(params(stageId), [start])
      const seen = new Set(column.items.map((t) => t.id))
      for (const t of page.items) if (!seen.has(t.id)) column.items.push(t)
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
   * at `fromIndex` of `fromStage`. Returns whether the server took it.
   */
  async function persistMove(
    taskId: string,
    fromStage: string,
    toStage: string,
    fromIndex: number,
  ): Promise<boolean> {
    const target = columns[toStage]
    const source = columns[fromStage]
    if (!target) return false
    const index = target.items.findIndex((t) => t.id === taskId)
    if (index < 0) return false
    const crossed = fromStage !== toStage
    const card = target.items[index]
    if (crossed) {
      target.total++
      if (source) source.total = Math.max(0, source.total - 1)
      target.items[index] = { ...card, [options.stageField]: toStage }
    }
    try {
      await options.save(taskId, toStage, neighbourOf(target.items, index))
      return true
    } catch (e) {
      if (options.undo === 'reload') {
        options.onError(e)
        await Promise.all([reloadColumn(toStage), crossed && reloadColumn(fromStage)])
        return false
      }
      const at = target.items.findIndex((t) => t.id === taskId)
      if (at >= 0) target.items.splice(at, 1)
      if (source) source.items.splice(Math.min(fromIndex, source.items.length), 0, card)
      if (crossed) {
        target.total = Math.max(0, target.total - 1)
        if (source) source.total++
      }
      options.onError(e)
      return false
    }
  }

  /** Keyboard moves: to the previous/next column (on top), or one place up/down. */
  async function moveBy(taskId: string, direction: Direction): Promise<void> {
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

  function showOnTop(stageId: string, task: T): void {
    const column = columns[stageId]
    if (!column) return
    column.items.unshift(task)
    column.total++
  }

  function removeCard(taskId: string): void {
    const found = locate(taskId)
    if (!found) return
    found.column.items.splice(found.index, 1)
    found.column.total = Math.max(0, found.column.total - 1)
  }

  /** A changed task reaches the board: on top of its column, which is read again for its order. */
  function arriveOnTop(task: T, stageId: string): void {
    showOnTop(stageId, task)
    scheduleReload(stageId)
  }

  /**
   * Live `task.changed` (a burst at once): the changed tasks read again in one request. A card
   * still in its column is updated in place, one no longer on the board (or no longer visible)
   * goes; one for another column leaves its old place and `arrive` puts it in (`wasShown` when
   * it had been on the board).
   */
  async function refreshTasks(
    changes: TaskChanges,
    arrive: (task: T, stageId: string, wasShown: boolean) => void = arriveOnTop,
  ): Promise<void> {
    const ids = [...changes.keys()]
    let fresh: T[]
    try {
      fresh = await source.byIds(ids, { filter: options.filter(), select: options.select })
    } catch {
      return
    }
    const byId = new Map(fresh.map((t) => [t.id, t]))
    for (const id of ids) {
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
      arrive(task, stageId, !!found)
    }
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
    reloadStages,
    reloadColumn,
    loadMore,
    scheduleReload,
    persistMove,
    moveBy,
    locate,
    showOnTop,
    removeCard,
    refreshTasks,
    dispose,
  }
}
