import { useLiveChanges, type LiveChanges, type LiveMessageReader } from './useLiveChanges'

/**
 * What the live messages said of each task since the last delivery: the ACTIONs of
 * `task.changed` ('add', 'update', 'delete', 'checklist', 'time', 'links', …), and 'comment' for
 * a `task.comment` when asked for.
 */
export type TaskChanges = LiveChanges

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
 * read again once, not once per message (see useLiveChanges). `note` adds a change of one's own
 * to the next delivery (an action whose answer arrives with its echo).
 */
export function useLiveTasks(options: LiveTasksOptions): {
  note: (id: string | number | null | undefined, what: string) => void
} {
  const messages: Record<string, LiveMessageReader> = {
    'task.changed': (d) => [d.ID as string, (d.ACTION as string) || 'update'],
  }
  if (options.comments) messages['task.comment'] = (d) => [d.TASK_ID as string, 'comment']
  return useLiveChanges({
    messages,
    changed: options.changed,
    reconnected: options.reconnected,
    delayMs: options.delayMs,
  })
}
