/**
 * `batch` (up to 50 commands in one request) and reading a whole task list through it. A
 * batch command is a method with its parameters as a query string in PHP nesting
 * (`filter[DOER]=1&select[]=ID`), as Bitrix24 takes them.
 */
import { rest, RestError } from './rest'
import type { Dependency, Task, TaskListParams } from './tasks'

/** The largest number of commands one `batch` call takes. */
export const BATCH_LIMIT = 50
/** Rows in one page of a list method. */
export const PAGE_SIZE = 50

/** Parameters as a PHP-style query string: objects as `a[b]=`, lists as `a[]=`. */
export function phpQuery(params: Record<string, unknown>): string {
  const parts: string[] = []
  const walk = (key: string, value: unknown) => {
    if (value === undefined) return
    if (value === null) {
      parts.push(`${encodeURIComponent(key)}=`)
    } else if (Array.isArray(value)) {
      for (const item of value) walk(`${key}[]`, item)
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(`${key}[${k}]`, v)
    } else if (typeof value === 'boolean') {
      parts.push(`${encodeURIComponent(key)}=${value ? 'Y' : 'N'}`)
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    }
  }
  for (const [k, v] of Object.entries(params)) walk(k, v)
  return parts.join('&')
}

export interface BatchAnswer<T> {
  result: Record<string, T>
  error: Record<string, RestError>
  total: Record<string, number>
}

interface RawBatch {
  result: Record<string, unknown> | unknown[]
  result_error: Record<string, { error: string; error_description?: string }> | unknown[]
  result_total: Record<string, number> | unknown[]
}

function asMap<T>(value: Record<string, T> | unknown[] | undefined): Record<string, T> {
  if (!value) return {}
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v as T]))
  return value
}

export type BatchCommand = [method: string, params: Record<string, unknown>]
/** `batch` itself, or a stand-in for it in a test. */
export type BatchRunner = (commands: Record<string, BatchCommand>) => Promise<BatchAnswer<unknown>>

/** Runs up to 50 named commands in one request; each command's error is kept apart. */
export async function batch<T>(commands: Record<string, BatchCommand>): Promise<BatchAnswer<T>> {
  const cmd: Record<string, string> = {}
  for (const [key, [method, params]] of Object.entries(commands)) {
    const query = phpQuery(params)
    cmd[key] = query ? `${method}?${query}` : method
  }
  const raw = await rest.result<RawBatch>('batch', { halt: 0, cmd })
  const errors: Record<string, RestError> = {}
  for (const [key, e] of Object.entries(asMap(raw.result_error))) {
    const err = e as { error: string; error_description?: string }
    errors[key] = new RestError(err.error, err.error_description ?? '', 400)
  }
  return {
    result: asMap(raw.result as Record<string, T>),
    error: errors,
    total: asMap(raw.result_total),
  }
}

export interface TaskPage {
  tasks: Task[]
  total: number
}

/**
 * Several pages of tasks.task.list in one request: `starts` are the offsets (multiples of 50).
 * Returns the tasks of all pages in order and the list's total.
 */
export async function taskPages(params: TaskListParams, starts: number[]): Promise<TaskPage> {
  const tasks: Task[] = []
  let total = 0
  for (let i = 0; i < starts.length; i += BATCH_LIMIT) {
    const chunk = starts.slice(i, i + BATCH_LIMIT)
    const commands: Record<string, BatchCommand> = {}
    chunk.forEach((start, n) => {
      commands[`p${n}`] = ['tasks.task.list', { ...params, start }]
    })
    const answer = await batch<{ tasks: Task[] }>(commands)
    for (let n = 0; n < chunk.length; n++) {
      const key = `p${n}`
      if (answer.error[key]) throw answer.error[key]
      tasks.push(...(answer.result[key]?.tasks ?? []))
      total = answer.total[key] ?? total
    }
  }
  return { tasks, total }
}

/**
 * Every task of a list, up to `limit`: the first page alone (it tells the total), then the
 * rest 50 pages per request.
 */
export async function allTasks(params: TaskListParams, limit = 5000): Promise<TaskPage> {
  const first = await rest.call<{ tasks: Task[] }>('tasks.task.list', { ...params, start: 0 })
  const tasks = first.result?.tasks ?? []
  const total = first.total ?? tasks.length
  const starts: number[] = []
  for (let s = PAGE_SIZE; s < Math.min(total, limit); s += PAGE_SIZE) starts.push(s)
  if (!starts.length) return { tasks, total }
  const rest_ = await taskPages(params, starts)
  const seen = new Set(tasks.map((t) => t.id))
  for (const t of rest_.tasks) if (!seen.has(t.id)) tasks.push(t)
  return { tasks, total: rest_.total || total }
}

/**
 * Given tasks read through tasks.task.list, however many: 50 ids to a command (one page), 50
 * commands to a request. Each entry of `lists` is a filter and a select of its own, read for the
 * same ids (say, "still in my list?" and "as it is now"); the answer has each one's tasks.
 */
export async function tasksByIds<K extends string>(
  ids: ReadonlyArray<string | number>,
  lists: Record<K, TaskListParams>,
  run: BatchRunner = batch,
): Promise<Record<K, Task[]>> {
  const keys = Object.keys(lists) as K[]
  const out = Object.fromEntries(keys.map((key) => [key, [] as Task[]])) as Record<K, Task[]>
  const unique = [...new Set(ids.map(Number))]
  const pieces: Array<[K, number[]]> = []
  for (let i = 0; i < unique.length; i += PAGE_SIZE)
    for (const key of keys) pieces.push([key, unique.slice(i, i + PAGE_SIZE)])
  for (let i = 0; i < pieces.length; i += BATCH_LIMIT) {
    const part = pieces.slice(i, i + BATCH_LIMIT)
    const commands: Record<string, BatchCommand> = {}
    part.forEach(([key, chunk], n) => {
      const params: TaskListParams = lists[key]
      commands[`q${n}`] = [
        'tasks.task.list',
        { ...params, filter: { ...params.filter, ID: chunk }, start: -1 },
      ]
    })
    const answer = await run(commands)
    part.forEach(([key], n) => {
      const error = answer.error[`q${n}`]
      if (error) throw error
      out[key].push(...((answer.result[`q${n}`] as { tasks?: Task[] } | undefined)?.tasks ?? []))
    })
  }
  return out
}

/** The most task ids one artel.task.dependence.list call takes. */
export const DEPENDENCY_CHUNK = 500

/**
 * Every link touching the given tasks: 500 ids per call, up to 50 calls per request, each link
 * once (a link between two chunks comes back from both).
 */
export async function dependenciesOf(ids: Array<string | number>): Promise<Dependency[]> {
  const chunks: Array<Array<string | number>> = []
  for (let i = 0; i < ids.length; i += DEPENDENCY_CHUNK)
    chunks.push(ids.slice(i, i + DEPENDENCY_CHUNK))
  const out = new Map<string, Dependency>()
  for (let i = 0; i < chunks.length; i += BATCH_LIMIT) {
    const commands: Record<string, BatchCommand> = {}
    chunks.slice(i, i + BATCH_LIMIT).forEach((chunk, n) => {
      commands[`d${n}`] = ['artel.task.dependence.list', { taskIds: chunk }]
    })
    const answer = await batch<Dependency[]>(commands)
    for (const key of Object.keys(commands)) {
      if (answer.error[key]) throw answer.error[key]
      for (const d of answer.result[key] ?? []) out.set(`${d.taskIdFrom}-${d.taskIdTo}`, d)
    }
  }
  return [...out.values()]
}
