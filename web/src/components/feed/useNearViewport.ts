import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * Whether an element has come near the screen once (and so stays): a long feed reads an
 * entry's discussion only when the reader scrolls to it, not the discussions of every entry
 * of every page at once. Without IntersectionObserver (a test DOM), everything counts as near.
 */
export function useNearViewport(el: Ref<HTMLElement | undefined>, margin = '600px'): Ref<boolean> {
  const near = ref(typeof IntersectionObserver === 'undefined')
  let observer: IntersectionObserver | null = null
  onMounted(() => {
    if (near.value || !el.value) return
    observer = new IntersectionObserver(
      (seen) => {
        if (!seen.some((s) => s.isIntersecting)) return
        near.value = true
        observer?.disconnect()
        observer = null
      },
      { rootMargin: margin },
    )
    observer.observe(el.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return near
}
