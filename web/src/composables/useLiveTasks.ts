import { onScopeDispose, watch } from 'vue'
import { useLiveStore } from '../stores/live'

/**
 * What the live messages said of each task since the last delivery: the ACTIONs of
 * `task.changed` ('add', 'update', 'delete', 'checklist', 'time', 'links', …), and 'comment' for
 * a `task.comment` when asked for.
 */
export type TaskChanges = Map<string, Set<string>>

export interface LiveTasksOptions {
  /** The tasks that changed; a burst (a group action, a plan, a moved chain) comes as one call. */
  changed: (changes: TaskChanges) => void
  /** Count a `task.comment` as a change of its task ('comment'). */
  comments?: boolean
  /** The socket is back after a break: messages may have been missed, read the view again. */
  reconnected?: () => void
  /** How long messages are gathered before `changed` is called, in ms. */
  delayMs?: number
}

/**
 * Live task messages for a page or a component, gathered for a moment so that what changed is
 * read again once, not once per message; unsubscribed when the component goes. `note` adds a
 * change of one's own to the next delivery (an action whose answer arrives with its echo).
 */
export function useLiveTasks(options: LiveTasksOptions): {
  note: (id: string | number | null | undefined, what: string) => void
} {
  const live = useLiveStore()
  let pending: TaskChanges = new Map()
  let timer: ReturnType<typeof setTimeout> | null = null

  function flush(): void {
    timer = null
    const changes = pending
    pending = new Map()
    if (changes.size) options.changed(changes)
  }

  function note(id: string | number | null | undefined, what: string): void {
    const key = String(id ?? '')
    if (!key) return
    const seen = pending.get(key) ?? new Set<string>()
    seen.add(what)
    pending.set(key, seen)
    timer ??= setTimeout(flush, options.delayMs ?? 80)
  }

  const offs = [
    live.on('task.changed', (data) => {
      const d = (data ?? {}) as { ID?: string | number; ACTION?: string }
      note(d.ID, d.ACTION || 'update')
    }),
  ]
  if (options.comments)
    offs.push(
      live.on('task.comment', (data) => {
        note(((data ?? {}) as { TASK_ID?: string | number }).TASK_ID, 'comment')
      }),
    )
  if (options.reconnected) {
    const reconnected = options.reconnected
    watch(
      () => live.reconnects,
      () => reconnected(),
    )
  }
  onScopeDispose(() => {
    offs.forEach((off) => off())
    if (timer) clearTimeout(timer)
    timer = null
    pending = new Map()
  })
  return { note }
}
