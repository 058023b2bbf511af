import { computed, ref } from 'vue'
import { tasksByIds } from '../../api/batch'
import { tasksApi, type Task, type TaskListParams } from '../../api/tasks'
import type { TaskChanges } from '../../composables/useLiveTasks'

/** What a row of the task list reads. */
export const LIST_SELECT = [
  'ID',
  'PARENT_ID',
  'TITLE',
  'STATUS',
  'PRIORITY',
  'DEADLINE',
  'CREATED_BY',
  'RESPONSIBLE_ID',
  'CREATED_DATE',
  'CHANGED_DATE',
  'CLOSED_DATE',
  'TIME_ESTIMATE',
  'TIME_SPENT_IN_LOGS',
  'ALLOW_TIME_TRACKING',
  'TASK_CONTROL',
  'COMMENTS_COUNT',
  'NEW_COMMENTS_COUNT',
  'SUBTASKS_COUNT',
  'TAGS',
  'FAVORITE',
  'MARK',
  'NOT_VIEWED',
  'ACTION',
]

export interface TaskRow {
  task: Task
  depth: number
  /** Unique among the rows: a subtask can show both on its own and under its parent. */
  key: string
  expanded: boolean
}

/**
 * The rows of the task list: pages of tasks.task.list ("show more" follows `next`), subtasks
 * loaded under an expanded parent, and the rows live messages say changed read again.
 */
export function useTaskRows() {
  const top = ref<Task[]>([])
  const children = ref<Record<string, Task[]>>({})
  const expanded = ref<string[]>([])
  const total = ref(0)
  const next = ref<number | undefined>(undefined)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let filter: Record<string, unknown> = {}
  let order: Record<string, 'ASC' | 'DESC'> = { ID: 'DESC' }
  let requestNo = 0

  const rows = computed<TaskRow[]>(() => {
    const out: TaskRow[] = []
    const walk = (list: Task[], depth: number, path: string) => {
      for (const task of list) {
        const key = `${path}${task.id}`
        const open = expanded.value.includes(key)
        out.push({ task, depth, key, expanded: open })
        if (open && depth < 5) walk(children.value[task.id] ?? [], depth + 1, `${key}/`)
      }
    }
    walk(top.value, 0, '')
    return out
  })

  async function load(f: Record<string, unknown>, o: Record<string, 'ASC' | 'DESC'>) {
    filter = f
    order = o
    const mine = ++requestNo
    loading.value = true
    error.value = null
    try {
      const page = await tasksApi.list({ filter, order, select: LIST_SELECT, start: 0 })
      if (mine !== requestNo) return
      top.value = page.result.tasks ?? []
      total.value = page.total ?? top.value.length
      next.value = page.next
      children.value = {}
      expanded.value = []
    } catch (e) {
      if (mine === requestNo) error.value = e
    } finally {
      if (mine === requestNo) loading.value = false
    }
  }

  async function more() {
    if (next.value === undefined) return
    const mine = ++requestNo
    loading.value = true
    try {
      const page = await tasksApi.list({ filter, order, select: LIST_SELECT, start: next.value })
      if (mine !== requestNo) return
      const known = new Set(top.value.map((t) => t.id))
      top.value = [...top.value, ...(page.result.tasks ?? []).filter((t) => !known.has(t.id))]
      total.value = page.total ?? total.value
      next.value = page.next
    } catch (e) {
      if (mine === requestNo) error.value = e
    } finally {
      if (mine === requestNo) loading.value = false
    }
  }

  async function loadChildren(parentId: string) {
    // The parts of a general task read in the order they were made, unless a column is sorted.
    const byId = Object.keys(order).length === 1 && 'ID' in order
    const list = await tasksApi.list({
      filter: { PARENT_ID: Number(parentId) },
      order: byId ? { ID: 'ASC' } : order,
      select: LIST_SELECT,
      start: 0,
    })
    children.value = { ...children.value, [parentId]: list.result.tasks ?? [] }
  }

  async function toggle(row: TaskRow) {
    if (row.expanded) {
      expanded.value = expanded.value.filter((k) => k !== row.key && !k.startsWith(`${row.key}/`))
      return
    }
    await loadChildren(row.task.id)
    expanded.value = [...expanded.value, row.key]
  }

  function replaceEverywhere(task: Task) {
    top.value = top.value.map((t) => (t.id === task.id ? task : t))
    const next: Record<string, Task[]> = {}
    for (const [parent, list] of Object.entries(children.value))
      next[parent] = list.map((t) => (t.id === task.id ? task : t))
    children.value = next
  }

  function removeEverywhere(id: string) {
    const had = top.value.some((t) => t.id === id)
    top.value = top.value.filter((t) => t.id !== id)
    if (had) total.value = Math.max(0, total.value - 1)
    const next: Record<string, Task[]> = {}
    for (const [parent, list] of Object.entries(children.value))
      next[parent] = list.filter((t) => t.id !== id)
    children.value = next
  }

  function shown(id: string): boolean {
    return (
      top.value.some((t) => t.id === id) ||
      Object.values(children.value).some((list) => list.some((t) => t.id === id))
    )
  }

  /**
   * Tasks changed somewhere: read them again through the list's own filter, all in one request.
   * Each stays (updated), appears at the top (a new task that matches), or leaves the list (it
   * no longer matches); one shown under an open parent is read as it is, whatever the filter.
   */
  async function refresh(changes: TaskChanges) {
    const ids: string[] = []
    for (const [id, what] of changes) {
      if (what.has('delete')) removeEverywhere(id)
      else ids.push(id)
    }
    if (!ids.length) return
    const lists: Record<string, TaskListParams> = { matching: { filter, select: LIST_SELECT } }
    if (Object.keys(children.value).length > 0 || ids.some(shown))
      lists.anyway = { select: LIST_SELECT }
    const found = await tasksByIds(ids, lists)
    const matching = new Map(found.matching.map((t) => [t.id, t]))
    const anyway = new Map((found.anyway ?? []).map((t) => [t.id, t]))
    for (const id of ids) {
      const fresh = matching.get(id)
      const seen = anyway.get(id)
      const inTop = top.value.some((t) => t.id === id)
      if (fresh && !inTop) {
        top.value = [fresh, ...top.value]
        total.value++
      } else if (!fresh && inTop) {
        top.value = top.value.filter((t) => t.id !== id)
        total.value = Math.max(0, total.value - 1)
      }
      const latest = fresh ?? seen
      if (latest) {
        replaceEverywhere(latest)
        // A new subtask of an open parent shows under it.
        const parent = latest.parentId ?? ''
        if (parent && children.value[parent] && !children.value[parent].some((t) => t.id === id))
          children.value = { ...children.value, [parent]: [...children.value[parent], latest] }
      } else {
        removeEverywhere(id)
      }
    }
  }

  return { rows, top, total, next, loading, error, load, more, toggle, refresh }
}
