import { onBeforeUnmount, ref } from 'vue'

/** True on a phone-width screen (under 640 px), following rotations and resizes. */
export function useNarrow(query = '(max-width: 639px)') {
  const list = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const narrow = ref(list?.matches ?? false)
  const update = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  list?.addEventListener('change', update)
  onBeforeUnmount(() => list?.removeEventListener('change', update))
  return narrow
}
