/**
 * The task list's filter: what the page shows, kept in the address (so a link reproduces it),
 * saved as a preset, and turned into the `filter` and `order` of tasks.task.list.
 */
import type { CounterName } from '../../api/tasks'
import { daysAhead, localDateTime, weekRange } from './taskDates'

export const ROLES = ['doing', 'helping', 'observing', 'assigned', 'all', 'subordinates'] as const
export type TaskRole = (typeof ROLES)[number]

/** The counters types of tasks.task.counters.get for each tab. */
export const ROLE_COUNTER_TYPE: Record<TaskRole, string> = {
  doing: 'view_role_responsible',
  helping: 'view_role_accomplice',
  observing: 'view_role_auditor',
  assigned: 'view_role_originator',
  all: 'view_all',
  subordinates: 'view_subordinates',
}

export const COUNTERS: CounterName[] = [
  'expired',
  'expired_soon',
  'not_viewed',
  'new_comments',
  'wait_ctrl',
  'without_deadline',
]

export const DEADLINE_PRESETS = ['overdue', 'week', 'far', 'none', 'range'] as const
export type DeadlinePreset = (typeof DEADLINE_PRESETS)[number]

/** "Far future" (the СТЭК backlog: "deadline = today + 1 year"): deadlines half a year away or more. */
export const FAR_FUTURE_DAYS = 180

export const SORT_KEYS = [
  'ID',
  'TITLE',
  'STATUS',
  'DEADLINE',
  'RESPONSIBLE_LAST_NAME',
  'CREATED_DATE',
  'CHANGED_DATE',
  'PRIORITY',
  'TIME_SPENT_IN_LOGS',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const STATUSES = ['2', '3', '4', '5', '6'] as const

export interface TaskListState {
  role: TaskRole
  counter: CounterName | ''
  status: string[]
  responsible: string
  creator: string
  deadline: DeadlinePreset | ''
  /** `YYYY-MM-DD`, with deadline 'range'. */
  from: string
  to: string
  tags: string[]
  priority: '' | '0' | '1' | '2'
  root: boolean
  favorite: boolean
  search: string
  sort: SortKey
  dir: 'asc' | 'desc'
}

export const DEFAULT_STATE: TaskListState = {
  role: 'all',
  counter: '',
  status: [],
  responsible: '',
  creator: '',
  deadline: '',
  from: '',
  to: '',
  tags: [],
  priority: '',
  root: false,
  favorite: false,
  search: '',
  sort: 'ID',
  dir: 'desc',
}

export function defaultState(): TaskListState {
  return { ...DEFAULT_STATE, status: [], tags: [] }
}

type QueryValue = string | null | Array<string | null> | undefined
export type QueryLike = Record<string, QueryValue>

function one(v: QueryValue): string {
  if (Array.isArray(v)) return String(v[0] ?? '')
  return v == null ? '' : String(v)
}

function many(v: QueryValue): string[] {
  const list = Array.isArray(v) ? v : v == null ? [] : [v]
  return list
    .flatMap((x) => String(x ?? '').split(','))
    .map((x) => x.trim())
    .filter(Boolean)
}

const isId = (s: string) => /^\d+$/.test(s)
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** The state an address (or a saved preset) describes; anything not understood is left default. */
export function parseQuery(query: QueryLike): TaskListState {
  const s = defaultState()
  const role = one(query.role) as TaskRole
  if (ROLES.includes(role)) s.role = role
  const counter = one(query.counter) as CounterName
  if (COUNTERS.includes(counter)) s.counter = counter
  s.status = many(query.status).filter((x) => (STATUSES as readonly string[]).includes(x))
  if (isId(one(query.responsible))) s.responsible = one(query.responsible)
  if (isId(one(query.creator))) s.creator = one(query.creator)
  const deadline = one(query.deadline) as DeadlinePreset
  if (DEADLINE_PRESETS.includes(deadline)) s.deadline = deadline
  if (isDay(one(query.from))) s.from = one(query.from)
  if (isDay(one(query.to))) s.to = one(query.to)
  const tags = Array.isArray(query.tag) ? query.tag : query.tag == null ? [] : [query.tag]
  s.tags = tags.map((x) => String(x ?? '').trim()).filter(Boolean)
  const priority = one(query.priority)
  if (priority === '0' || priority === '1' || priority === '2') s.priority = priority
  s.root = one(query.root) === '1'
  s.favorite = one(query.favorite) === '1'
  s.search = one(query.q).trim()
  const sort = one(query.sort) as SortKey
  if (SORT_KEYS.includes(sort)) s.sort = sort
  const dir = one(query.dir)
  if (dir === 'asc' || dir === 'desc') s.dir = dir
  return s
}

/** The address of a state: only what differs from the default, so links stay short. */
export function toQuery(s: TaskListState): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = {}
  if (s.role !== DEFAULT_STATE.role) q.role = s.role
  if (s.counter) q.counter = s.counter
  if (s.status.length) q.status = s.status.join(',')
  if (s.responsible) q.responsible = s.responsible
  if (s.creator) q.creator = s.creator
  if (s.deadline) q.deadline = s.deadline
  if (s.deadline === 'range' && s.from) q.from = s.from
  if (s.deadline === 'range' && s.to) q.to = s.to
  if (s.tags.length) q.tag = [...s.tags]
  if (s.priority) q.priority = s.priority
  if (s.root) q.root = '1'
  if (s.favorite) q.favorite = '1'
  if (s.search.trim()) q.q = s.search.trim()
  if (s.sort !== DEFAULT_STATE.sort || s.dir !== DEFAULT_STATE.dir) {
    q.sort = s.sort
    q.dir = s.dir
  }
  return q
}

/** The filter fields of a state (no role, counter, search or order): what a preset keeps. */
export function presetQuery(s: TaskListState): Record<string, string | string[]> {
  const q = toQuery({ ...s, counter: '', sort: DEFAULT_STATE.sort, dir: DEFAULT_STATE.dir })
  return q
}

/** The tab's own people filter, as the counters of the same tab count them. */
export function roleFilter(role: TaskRole, me: string): Record<string, unknown> {
  const id = Number(me)
  switch (role) {
    case 'doing':
      return { RESPONSIBLE_ID: id }
    case 'helping':
      return { ACCOMPLICE: id }
    case 'observing':
      return { AUDITOR: id }
    case 'assigned':
      return { CREATED_BY: id, '!RESPONSIBLE_ID': id }
    case 'subordinates':
      return { SUBORDINATE: 'Y' }
    case 'all':
      return { MEMBER: id }
  }
}

/**
 * The filter a counter of a tab counts (the server's counters, tasks.task.counters.get), so
 * that a click on "3 overdue" lists those three tasks.
 */
export function counterFilter(
  role: TaskRole,
  counter: CounterName,
  me: string,
): Record<string, unknown> {
  const id = Number(me)
  const base = role === 'all' ? { DOER: id } : roleFilter(role, me)
  const mine = { CREATED_BY: id, '!RESPONSIBLE_ID': id }
  switch (counter) {
    case 'expired':
      return { ...base, STATUS: -1 }
    case 'expired_soon':
      return { ...base, STATUS: -3 }
    case 'not_viewed':
      // STATUS -2 is the same condition as NOT_VIEWED: Y, whose filter the server drops today.
      return { ...base, STATUS: -2 }
    case 'new_comments':
      return role === 'all' ? { MEMBER: id, NEW_COMMENTS: 'Y' } : { ...base, NEW_COMMENTS: 'Y' }
    case 'wait_ctrl':
      return { ...mine, REAL_STATUS: 4 }
    case 'without_deadline':
      return { ...mine, DEADLINE: '', REAL_STATUS: [1, 2, 3] }
  }
}

/** Which counters a tab shows (the server counts control and deadlines for the creator only). */
export function countersOf(role: TaskRole): CounterName[] {
  return role === 'all' || role === 'assigned'
    ? COUNTERS
    : COUNTERS.filter((c) => c !== 'wait_ctrl' && c !== 'without_deadline')
}

/**
 * The `filter` of tasks.task.list for a state; `now` fixes "overdue" and "this week". Within a
 * group (`groupId`) the list keeps to its tasks, and "All" means all of them, not only mine.
 */
export function toApiFilter(
  s: TaskListState,
  me: string,
  now: Date,
  groupId = '',
): Record<string, unknown> {
  const f: Record<string, unknown> = {}
  // The tab (or the counter clicked in it) is a subfilter, so its keys never collide with the
  // panel's own STATUS or DEADLINE conditions.
  if (!groupId || s.role !== 'all' || s.counter)
    f['::SUBFILTER-ROLE'] = s.counter
      ? counterFilter(s.role, s.counter, me)
      : roleFilter(s.role, me)
  if (groupId) f.GROUP_ID = Number(groupId)
  if (s.status.length) f.REAL_STATUS = s.status.map(Number)
  if (s.responsible) f.RESPONSIBLE_ID = Number(s.responsible)
  if (s.creator) f.CREATED_BY = Number(s.creator)
  switch (s.deadline) {
    case 'overdue':
      f['<DEADLINE'] = localDateTime(now)
      f['@REAL_STATUS'] = [1, 2, 3]
      break
    case 'week': {
      const [monday, sunday] = weekRange(now)
      f['>=DEADLINE'] = `${monday}T00:00:00`
      f['<=DEADLINE'] = `${sunday}T23:59:59`
      break
    }
    case 'far':
      f['>=DEADLINE'] = `${daysAhead(now, FAR_FUTURE_DAYS)}T00:00:00`
      break
    case 'none':
      f.DEADLINE = ''
      break
    case 'range':
      if (s.from) f['>=DEADLINE'] = `${s.from}T00:00:00`
      if (s.to) f['<=DEADLINE'] = `${s.to}T23:59:59`
      break
  }
  if (s.tags.length) f.TAG = [...s.tags]
  if (s.priority) f.PRIORITY = Number(s.priority)
  if (s.root) f.ONLY_ROOT_TASKS = 'Y'
  if (s.favorite) f.FAVORITE = 'Y'
  if (s.search.trim()) f.SEARCH_INDEX = s.search.trim()
  return f
}

export function toApiOrder(s: TaskListState): Record<string, 'ASC' | 'DESC'> {
  const dir = s.dir === 'asc' ? 'ASC' : 'DESC'
  return s.sort === 'ID' ? { ID: dir } : { [s.sort]: dir, ID: 'DESC' }
}

/** A click on a column: the same column flips its direction, another one starts ascending. */
export function nextSort(s: TaskListState, key: SortKey): Pick<TaskListState, 'sort' | 'dir'> {
  if (s.sort === key) return { sort: key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
  return { sort: key, dir: key === 'ID' || key === 'CREATED_DATE' ? 'desc' : 'asc' }
}

/** How many panel filters are set (the badge on the filter button). */
export function activeFilterCount(s: TaskListState): number {
  return [
    s.status.length > 0,
    !!s.responsible,
    !!s.creator,
    !!s.deadline,
    s.tags.length > 0,
    !!s.priority,
    s.root,
    s.favorite,
  ].filter(Boolean).length
}
