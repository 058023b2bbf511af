/**
 * Tasks and links as the Gantt chart draws them. A bar spans the planned start and end; a task
 * without a plan spans its creation to its deadline, and one with neither gets a one-day bar
 * from its creation (marked "no dates": dragging it plans it).
 */
import type { Dependency, Task } from '../../api/tasks'
import { isoLocal, parseApiDate } from './dates'
import { taskState, type TaskState } from './taskState'

const HOUR = 3600_000
const DAY = 24 * HOUR

/** Where the bar's dates come from, which decides what a drag writes back. */
export type BarSource = 'plan' | 'deadline' | 'none'

export interface GanttItem {
  id: string
  text: string
  start_date: Date
  end_date: Date
  parent: string | number
  open: boolean
  source: BarSource
  state: TaskState
  responsible: string
}

export interface GanttLinkItem {
  id: string
  source: string
  target: string
  /** dhtmlx: 0 finish-start, 1 start-start, 2 finish-finish, 3 start-finish. */
  type: string
}

export const GANTT_FIELDS = [
  'ID',
  'TITLE',
  'PARENT_ID',
  'START_DATE_PLAN',
  'END_DATE_PLAN',
  'CREATED_DATE',
  'DEADLINE',
  'STATUS',
  'RESPONSIBLE_ID',
]

/** Bitrix24's linkType (0 start-start, 1 start-finish, 2 finish-start, 3 finish-finish) → dhtmlx. */
const TO_GANTT: Record<string, string> = { '0': '1', '1': '3', '2': '0', '3': '2' }
const FROM_GANTT: Record<string, number> = { '1': 0, '3': 1, '0': 2, '2': 3 }

export function ganttLinkType(linkType: string | number): string {
  return TO_GANTT[String(linkType)] ?? '0'
}

export function bitrixLinkType(ganttType: string | number): number {
  return FROM_GANTT[String(ganttType)] ?? 2
}

export function linkId(from: string | number, to: string | number): string {
  return `${from}-${to}`
}

export function ganttLink(d: Dependency): GanttLinkItem {
  return {
    id: linkId(d.taskIdFrom, d.taskIdTo),
    source: String(d.taskIdFrom),
    target: String(d.taskIdTo),
    type: ganttLinkType(d.linkType),
  }
}

/** The bar of a task; `shown` are the ids on the chart (a parent not shown makes it a root). */
export function ganttItem(task: Task, shown: Set<string>, now = Date.now()): GanttItem {
  const planStart = parseApiDate(task.startDatePlan)
  const planEnd = parseApiDate(task.endDatePlan)
  const created = parseApiDate(task.createdDate) ?? new Date(now)
  const deadline = parseApiDate(task.deadline)
  let start: Date
  let end: Date
  let source: BarSource
  if (planStart || planEnd) {
    source = 'plan'
    start = planStart ?? new Date((planEnd as Date).getTime() - DAY)
    end = planEnd ?? new Date(start.getTime() + DAY)
  } else if (deadline) {
    source = 'deadline'
    end = deadline
    start = created.getTime() < deadline.getTime() - HOUR ? created : new Date(end.getTime() - DAY)
  } else {
    source = 'none'
    start = created
    end = new Date(created.getTime() + DAY)
  }
  if (end.getTime() <= start.getTime()) end = new Date(start.getTime() + HOUR)
  const parent = task.parentId && shown.has(String(task.parentId)) ? String(task.parentId) : 0
  return {
    id: String(task.id),
    text: task.title,
    start_date: start,
    end_date: end,
    parent,
    open: true,
    source,
    state: taskState(task, now),
    responsible: task.responsible?.name ?? '',
  }
}

/**
 * The fields a drag writes. Planned bars and bars without dates get plan dates; a
 * creation→deadline bar whose end was dragged (its start kept) moves the deadline.
 */
export function dragFields(
  source: BarSource,
  before: { start: Date; end: Date },
  after: { start: Date; end: Date },
): Record<string, string> {
  const startKept = before.start.getTime() === after.start.getTime()
  if (source === 'deadline' && startKept) return { DEADLINE: isoLocal(after.end) }
  return { START_DATE_PLAN: isoLocal(after.start), END_DATE_PLAN: isoLocal(after.end) }
}
