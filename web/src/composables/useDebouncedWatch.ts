import { onScopeDispose, watch, type WatchSource } from 'vue'

/**
 * Calls `act` once `source` has stayed unchanged for `ms`: a search box is typed into freely,
 * and the list is read once the typing pauses rather than on every key.
 */
export function useDebouncedWatch<T>(source: WatchSource<T>, act: (value: T) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(source, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => act(value), ms)
  })
  onScopeDispose(() => clearTimeout(timer))
}
