/**
 * A line of a task's history made readable: "Deadline: 12.03 → 15.03", "Responsible: Anna →
 * Boris", "Time spent: 1 h → 30 min (too long)". The caller gives the words and the names.
 */
import type { HistoryEntry } from '../../api/tasks'

export type HistoryKind =
  | 'date'
  | 'person'
  | 'people'
  | 'status'
  | 'priority'
  | 'mark'
  | 'flag'
  | 'duration'
  | 'task'
  | 'tasks'
  | 'text'
  | 'changed'
  | 'event'

const KINDS: Record<string, HistoryKind> = {
  DEADLINE: 'date',
  START_DATE_PLAN: 'date',
  END_DATE_PLAN: 'date',
  CREATED_BY: 'person',
  RESPONSIBLE_ID: 'person',
  ACCOMPLICES: 'people',
  AUDITORS: 'people',
  STATUS: 'status',
  PRIORITY: 'priority',
  MARK: 'mark',
  ALLOW_CHANGE_DEADLINE: 'flag',
  ALLOW_TIME_TRACKING: 'flag',
  TASK_CONTROL: 'flag',
  ADD_IN_REPORT: 'flag',
  MATCH_WORK_TIME: 'flag',
  TIME_ESTIMATE: 'duration',
  TIME_SPENT_IN_LOGS: 'duration',
  PARENT_ID: 'task',
  DEPENDS_ON: 'tasks',
  TITLE: 'text',
  TAGS: 'text',
  UF_CRM_TASK: 'text',
  FILES: 'text',
  CHECKLIST_ITEM_CREATE: 'text',
  CHECKLIST_ITEM_RENAME: 'text',
  CHECKLIST_ITEM_REMOVE: 'text',
  CHECKLIST_ITEM_CHECK: 'text',
  CHECKLIST_ITEM_UNCHECK: 'text',
  DESCRIPTION: 'changed',
  GROUP_ID: 'changed',
  STAGE_ID: 'changed',
  NEW: 'event',
  COMMENT: 'event',
  COMMENT_DEL: 'event',
}

export function historyKind(field: string): HistoryKind {
  return KINDS[field] ?? 'text'
}

/** What the history view needs from the page: words and names in the reader's language. */
export interface HistoryWords {
  field: (field: string) => string
  date: (iso: string) => string
  person: (id: string) => string
  status: (status: string) => string
  priority: (priority: string) => string
  mark: (mark: string) => string
  flag: (on: boolean) => string
  duration: (seconds: number) => string
  task: (id: string) => string
  none: string
}

export interface HistoryLine {
  field: string
  from: string
  to: string
  /** The reason given (a corrected time entry) or the server's note. */
  note: string
  kind: HistoryKind
}

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
}

function show(kind: HistoryKind, value: string | null, w: HistoryWords): string {
  if (value === null || value === undefined) return ''
  switch (kind) {
    case 'date':
      return value ? w.date(value) : w.none
    case 'person':
      return value && value !== '0' ? w.person(value) : w.none
    case 'people': {
      const ids = list(value)
      return ids.length ? ids.map(w.person).join(', ') : w.none
    }
    case 'status':
      return w.status(value)
    case 'priority':
      return w.priority(value)
    case 'mark':
      return value ? w.mark(value) : w.none
    case 'flag':
      return w.flag(value === 'Y')
    case 'duration':
      return w.duration(Number(value) || 0)
    case 'task':
      return value && value !== '0' ? w.task(value) : w.none
    case 'tasks': {
      const ids = list(value)
      return ids.length ? ids.map(w.task).join(', ') : w.none
    }
    case 'text':
      return value === '' ? w.none : value
    default:
      return ''
  }
}

/** The note of a time change is the person's own words: what the time went on, or why it was corrected. */
export function noteReason(note: string | undefined): string {
  return note?.trim() ?? ''
}

export function describeHistory(entry: HistoryEntry, w: HistoryWords): HistoryLine {
  const kind = historyKind(entry.field)
  const { from, to } = entry.value ?? { from: null, to: null }
  const line: HistoryLine = {
    field: w.field(entry.field),
    from: '',
    to: '',
    note: '',
    kind,
  }
  if (kind === 'changed' || kind === 'event') return line
  // A created checklist point or an attached file has only a new value.
  const onlyTo = from === null || (from === '' && entry.field.startsWith('CHECKLIST_ITEM_'))
  line.from = onlyTo ? '' : show(kind, from, w)
  line.to = show(kind, to, w)
  if (entry.field === 'TIME_SPENT_IN_LOGS') line.note = noteReason(entry.note)
  return line
}

/** The person who made a change, as the history list names them. */
export function historyAuthor(user: HistoryEntry['user']): string {
  const name = [user?.name, user?.lastName].filter((p) => p && p.trim()).join(' ')
  return name || user?.login || ''
}

/** How many times the deadline moved (a first deadline set is not a move). */
export function deadlineMoves(entries: HistoryEntry[]): number {
  return entries.filter((e) => e.field === 'DEADLINE' && e.value?.from).length
}
