/**
 * Group actions on many tasks and a plan typed as lines. Everything goes through `batch` with the
 * ordinary task methods, so the server checks each task's rights and answers each command apart.
 */
import {
  batch,
  BATCH_LIMIT,
  tasksByIds,
  type BatchCommand as Command,
  type BatchRunner,
} from '../../api/batch'
import type { Task } from '../../api/tasks'
import { wallClock } from './taskDates'

/** The items in pieces of at most `size` (a batch takes 50 commands). */
export function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  if (size < 1) throw new RangeError('size must be positive')
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A deadline moved by whole days on the portal's calendar: the same time of day, `days` later
 * (earlier when negative). The answer has no offset, so the portal reads it in its own zone and
 * the time of day stays even where clocks change in between. No deadline gives null.
 */
export function shiftDeadline(iso: string | null | undefined, days: number): string | null {
  const c = wallClock(iso)
  if (!c) return null
  const seconds = /T\d{2}:\d{2}:(\d{2})/.exec(iso ?? '')?.[1] ?? '00'
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day + Math.trunc(days)))
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(c.hour)}:${pad(c.minute)}:${seconds}`
  )
}

// ---------------------------------------------------------------------------------------------
// A plan from lines

/** The most lines one plan creates. */
export const PLAN_LIMIT = 200

export interface PlanLine {
  title: string
  /** 0 for a subtask of the card's task, 1 for a subtask of a line, … */
  depth: number
  /** The index (in `lines`) of the line this one is a subtask of; null: of the card's task. */
  parent: number | null
}

export interface Plan {
  lines: PlanLine[]
  /** More non-empty lines than the limit: nothing should be created. */
  tooMany: boolean
}

// "- ", "* ", "• ", "1. ", "1) " at the start of a line.
const BULLET = /^(?:[-*•–]|\d{1,3}[.)])\s+/

function indentWidth(line: string): number {
  let width = 0
  for (const ch of line) {
    if (ch === ' ') width += 1
    else if (ch === '\t') width += 2
    else break
  }
  return width
}

/**
 * Each non-empty line is a task; a leading bullet or number is dropped. A line indented two
 * spaces (or a tab) more than a line above it is a subtask of the nearest such line; blank lines
 * do not count.
 */
export function parsePlan(text: string, limit = PLAN_LIMIT): Plan {
  const lines: PlanLine[] = []
  const stack: Array<{ width: number; index: number }> = []
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (!raw.trim()) continue
    const width = indentWidth(raw)
    const title = raw.trim().replace(BULLET, '').trim()
    if (!title) continue
    while (stack.length && stack[stack.length - 1].width + 2 > width) stack.pop()
    const parent = stack.length ? stack[stack.length - 1].index : null
    lines.push({ title, depth: stack.length, parent })
    stack.push({ width, index: lines.length - 1 })
  }
  return { lines, tooMany: lines.length > limit }
}

export interface PlanOptions {
  parentId: string
  responsibleId?: string
  deadline?: string
}

export interface PlanResult {
  /** The new task id of each line; '' where it was not created. */
  ids: string[]
  failed: Array<{ line: number; title: string; message: string; parentFailed?: boolean }>
}

export type { BatchRunner }

/**
 * The batch commands for one piece of a plan: a line whose parent is in the same piece takes the
 * parent's new id from that command's result (`$result[…]`); one made earlier gives its id.
 */
export function planCommands(
  lines: readonly PlanLine[],
  from: number,
  to: number,
  ids: readonly string[],
  options: PlanOptions,
): Record<string, Command> {
  const commands: Record<string, Command> = {}
  for (let i = from; i < to; i++) {
    const line = lines[i]
    let parent: string
    if (line.parent === null) parent = options.parentId
    else if (line.parent >= from) parent = `$result[l${line.parent}][task][id]`
    else if (ids[line.parent]) parent = ids[line.parent]
    else continue // its parent was refused: nothing to put it under
    const fields: Record<string, unknown> = { TITLE: line.title, PARENT_ID: parent }
    if (options.responsibleId) fields.RESPONSIBLE_ID = options.responsibleId
    if (options.deadline) fields.DEADLINE = options.deadline
    commands[`l${i}`] = ['tasks.task.add', { fields }]
  }
  return commands
}

/** Creates the plan's lines in order, 50 per request; a line under a refused one is not made. */
export async function createPlan(
  lines: readonly PlanLine[],
  options: PlanOptions,
  run: BatchRunner = batch,
): Promise<PlanResult> {
  const ids: string[] = lines.map(() => '')
  const failed: PlanResult['failed'] = []
  const refused = new Set<number>()
  for (let from = 0; from < lines.length; from += BATCH_LIMIT) {
    const to = Math.min(lines.length, from + BATCH_LIMIT)
    const commands = planCommands(lines, from, to, ids, options)
    const answer = Object.keys(commands).length
      ? await run(commands)
      : { result: {}, error: {}, total: {} }
    for (let i = from; i < to; i++) {
      const line = lines[i]
      const made = (answer.result[`l${i}`] as { task?: Task } | undefined)?.task
      if (made?.id) {
        ids[i] = String(made.id)
        continue
      }
      refused.add(i)
      const parentFailed = line.parent !== null && refused.has(line.parent)
      const error = answer.error[`l${i}`]
      failed.push({
        line: i,
        title: line.title,
        message: parentFailed ? '' : ((error?.description || error?.code) ?? ''),
        ...(parentFailed ? { parentFailed: true } : {}),
      })
    }
  }
  return { ids, failed }
}

// ---------------------------------------------------------------------------------------------
// Group actions in the task list

export type BulkKind =
  | 'complete'
  | 'deadline'
  | 'shift'
  | 'responsible'
  | 'accomplice'
  | 'auditor'
  | 'favorite'
  | 'tag'
  | 'delete'

/** What an action needs to know of a task (read fresh just before it runs). */
export interface BulkTarget {
  id: string
  title: string
  deadline: string | null
  accomplices: string[]
  auditors: string[]
  tags: string[]
}

export interface BulkInput {
  /** For `deadline`: the new deadline as the API reads it ('' clears it). */
  deadline?: string
  /** For `shift`: whole days, negative moves earlier. */
  days?: number
  /** For `responsible`, `accomplice`, `auditor`. */
  userId?: string
  /** For `tag`. */
  tag?: string
}

export interface BulkCommand {
  taskId: string
  title: string
  method: string
  params: Record<string, unknown>
}

export interface BulkPlan {
  commands: BulkCommand[]
  /** Tasks the action does not apply to (a deadline shift of a task without a deadline). */
  skipped: BulkTarget[]
}

const withOne = (list: readonly string[], id: string) =>
  list.includes(id) ? [...list] : [...list, id]

/** One ordinary task method per task. */
export function bulkCommands(
  kind: BulkKind,
  targets: readonly BulkTarget[],
  input: BulkInput = {},
): BulkPlan {
  const commands: BulkCommand[] = []
  const skipped: BulkTarget[] = []
  const update = (t: BulkTarget, fields: Record<string, unknown>) =>
    commands.push({
      taskId: t.id,
      title: t.title,
      method: 'tasks.task.update',
      params: { taskId: t.id, fields },
    })
  const call = (t: BulkTarget, method: string) =>
    commands.push({ taskId: t.id, title: t.title, method, params: { taskId: t.id } })

  for (const t of targets) {
    switch (kind) {
      case 'complete':
        call(t, 'tasks.task.complete')
        break
      case 'favorite':
        call(t, 'tasks.task.favorite.add')
        break
      case 'delete':
        call(t, 'tasks.task.delete')
        break
      case 'deadline':
        update(t, { DEADLINE: input.deadline ?? '' })
        break
      case 'shift': {
        const moved = shiftDeadline(t.deadline, input.days ?? 0)
        if (moved === null) skipped.push(t)
        else update(t, { DEADLINE: moved })
        break
      }
      case 'responsible':
        update(t, { RESPONSIBLE_ID: input.userId ?? '' })
        break
      case 'accomplice':
        update(t, { ACCOMPLICES: withOne(t.accomplices, input.userId ?? '') })
        break
      case 'auditor':
        update(t, { AUDITORS: withOne(t.auditors, input.userId ?? '') })
        break
      case 'tag': {
        const tag = (input.tag ?? '').trim()
        const has = t.tags.some((x) => x.toLowerCase() === tag.toLowerCase())
        update(t, { TAGS: has ? [...t.tags] : [...t.tags, tag] })
        break
      }
    }
  }
  return { commands, skipped }
}

export interface BulkOutcome {
  kind: BulkKind
  attempted: number
  done: string[]
  failed: Array<{ taskId: string; title: string; message: string }>
  skipped: Array<{ taskId: string; title: string }>
}

/** Runs the commands 50 per request and sorts out what each task's answer was. */
export async function runBulk(
  kind: BulkKind,
  plan: BulkPlan,
  run: BatchRunner = batch,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = {
    kind,
    attempted: plan.commands.length,
    done: [],
    failed: [],
    skipped: plan.skipped.map((t) => ({ taskId: t.id, title: t.title })),
  }
  for (const piece of chunks(plan.commands)) {
    const commands: Record<string, Command> = {}
    piece.forEach((c, n) => (commands[`t${n}`] = [c.method, c.params]))
    const answer = await run(commands)
    piece.forEach((c, n) => {
      const error = answer.error[`t${n}`]
      if (error)
        outcome.failed.push({
          taskId: c.taskId,
          title: c.title,
          message: error.description || error.code,
        })
      else if (`t${n}` in answer.result) outcome.done.push(c.taskId)
      else outcome.failed.push({ taskId: c.taskId, title: c.title, message: '' })
    })
  }
  return outcome
}

const TARGET_SELECT = ['ID', 'TITLE', 'DEADLINE', 'ACCOMPLICES', 'AUDITORS', 'TAGS']

/**
 * The tasks as they are now (members and tags may have changed since the list was read). A task
 * the list no longer returns keeps what the row showed; the server answers for it.
 */
export async function readTargets(
  rows: readonly Task[],
  run: BatchRunner = batch,
): Promise<BulkTarget[]> {
  const found = await tasksByIds(
    rows.map((r) => r.id),
    { now: { select: TARGET_SELECT } },
    run,
  )
  const fresh = new Map(found.now.map((task) => [String(task.id), task]))
  return rows.map((row) => {
    const t = fresh.get(String(row.id)) ?? row
    return {
      id: String(row.id),
      title: t.title ?? row.title,
      deadline: t.deadline ?? null,
      accomplices: (t.accomplices ?? []).map(String),
      auditors: (t.auditors ?? []).map(String),
      tags: [...(t.tags ?? [])],
    }
  })
}
