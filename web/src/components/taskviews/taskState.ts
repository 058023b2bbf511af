import type { Task } from '../../api/tasks'
import { isOverdue } from '../tasks/taskDates'

export type TaskState = 'completed' | 'overdue' | 'awaiting' | 'deferred' | 'active'

/**
 * How a task looks on a board: done, late, waiting for approval, deferred, or in work. Late is
 * what the list, the card and the server's "overdue" call late: open work past its deadline.
 */
export function taskState(task: Pick<Task, 'status' | 'deadline'>, now = Date.now()): TaskState {
  const status = String(task.status)
  if (status === '5') return 'completed'
  if (status === '4') return 'awaiting'
  if (isOverdue(task, now)) return 'overdue'
  if (status === '6') return 'deferred'
  return 'active'
}

/** The path of the task card. */
export function taskPath(id: string | number): string {
  return `/tasks/task/view/${id}`
}
