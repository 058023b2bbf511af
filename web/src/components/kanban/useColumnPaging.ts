import { nextTick, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

/**
 * Paging a scrolled column: `more` is asked for when the sentinel at the end of the list comes
 * within 200px of view, and again after a page arrived while the end is still in view (short
 * cards, tall screens).
 */
export function useColumnPaging(
  scroller: Ref<HTMLElement | null>,
  sentinel: Ref<HTMLElement | null>,
  state: () => { shown: number; loading: boolean; hasMore: boolean },
  more: () => void,
): void {
  let observer: IntersectionObserver | null = null
  function sentinelVisible(): boolean {
    if (!scroller.value || !sentinel.value) return false
    const box = scroller.value.getBoundingClientRect()
    const s = sentinel.value.getBoundingClientRect()
    return s.top < box.bottom + 200 && s.bottom > box.top
  }
  onMounted(() => {
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && state().hasMore) more()
      },
      { root: scroller.value, rootMargin: '0px 0px 200px 0px' },
    )
    if (sentinel.value) observer.observe(sentinel.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  watch(
    () => [state().shown, state().loading] as const,
    async ([, isLoading]) => {
      if (isLoading || !state().hasMore) return
      await nextTick()
      if (sentinelVisible()) more()
    },
  )
}
