/**
 * How a kanban board lists its cards: the first page of every column in one request, further
 * pages of one column, and given cards read again after live messages. Boards of tasks (My
 * Plan, a group's board) list tasks.task.list through `batch`; other boards bring their own.
 */
import type { Task, TaskListParams } from '../../api/tasks'
import { batch, taskPages, tasksByIds } from '../../api/batch'

/** A card of a board: an object with a string id. */
export interface KanbanItem {
  id: string
}

export interface KanbanPage<T> {
  items: T[]
  total: number
}

export interface KanbanSource<T extends KanbanItem> {
  /** Column id → its list's parameters; answers each column's first page or its error. */
  firstPages(
    lists: Record<string, TaskListParams>,
  ): Promise<Record<string, KanbanPage<T> & { error: unknown }>>
  /** Pages of one list at the given offsets (multiples of 50), in order, with the total. */
  pages(params: TaskListParams, starts: number[]): Promise<KanbanPage<T>>
  /** The given cards as the list has them now (missing: no longer on the board). */
  byIds(ids: string[], params: TaskListParams): Promise<T[]>
}

export const taskSource: KanbanSource<Task> = {
  async firstPages(lists) {
    const commands: Record<string, [string, Record<string, unknown>]> = {}
    for (const [id, params] of Object.entries(lists))
      commands[`c${id}`] = ['tasks.task.list', { ...params, start: 0 }]
    const answer = await batch<{ tasks: Task[] }>(commands)
    const out: Record<string, KanbanPage<Task> & { error: unknown }> = {}
    for (const id of Object.keys(lists)) {
      const items = answer.result[`c${id}`]?.tasks ?? []
      out[id] = {
        items,
        total: answer.total[`c${id}`] ?? items.length,
        error: answer.error[`c${id}`] ?? null,
      }
    }
    return out
  },
  async pages(params, starts) {
    const page = await taskPages(params, starts)
    return { items: page.tasks, total: page.total }
  },
  async byIds(ids, params) {
    return (await tasksByIds(ids, { now: params })).now
  },
}
