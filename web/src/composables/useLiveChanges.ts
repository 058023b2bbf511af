import { onScopeDispose, watch } from 'vue'
import { useLiveStore } from '../stores/live'

/** What the live messages said of each object since the last delivery: id → its ACTIONs. */
export type LiveChanges = Map<string, Set<string>>

/** Reads a message's object id and what happened to it; an empty id skips the message. */
export type LiveMessageReader = (
  data: Record<string, unknown>,
) => [id: string | number | null | undefined, what: string]

export interface LiveChangesOptions {
  /** The message types listened to, each with how to read it. */
  messages: Record<string, LiveMessageReader>
  /** The objects that changed; a burst comes as one call. */
  changed: (changes: LiveChanges) => void
  /** The socket is back after a break: messages may have been missed, read the view again. */
  reconnected?: () => void
  /** How long messages are gathered before `changed` is called, in ms. */
  delayMs?: number
}

/**
 * Live messages for a page or a component, gathered for a moment so that what changed is read
 * again once, not once per message; unsubscribed when the component goes. `note` adds a change
 * of one's own to the next delivery (an action whose answer arrives with its echo).
 */
export function useLiveChanges(options: LiveChangesOptions): {
  note: (id: string | number | null | undefined, what: string) => void
} {
  const live = useLiveStore()
  let pending: LiveChanges = new Map()
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

  const offs = Object.entries(options.messages).map(([type, read]) =>
    live.on(type, (data) => note(...read((data ?? {}) as Record<string, unknown>))),
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
