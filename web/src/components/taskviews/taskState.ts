import type { Task } from '../../api/tasks'
import { parseApiDate } from './dates'

export type TaskState = 'completed' | 'overdue' | 'awaiting' | 'deferred' | 'active'

/** How a task looks on a board: done, late, waiting for approval, deferred, or in work. */
export function taskState(task: Pick<Task, 'status' | 'deadline'>, now = Date.now()): TaskState {
  const status = String(task.status)
  if (status === '5') return 'completed'
  if (status === '4') return 'awaiting'
  const deadline = parseApiDate(task.deadline)
  if (deadline && deadline.getTime() < now) return 'overdue'
  if (status === '6') return 'deferred'
  return 'active'
}

/** The path of the task card. */
export function taskPath(id: string | number): string {
  return `/tasks/task/view/${id}`
}
