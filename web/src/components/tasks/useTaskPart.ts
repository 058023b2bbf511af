import { ref, watch, type Ref } from 'vue'

/**
 * One part of the task card read from its own method (the checklist, comments, history, time):
 * read on showing, when the task changes, and when `revision` says a live message concerns it.
 * Only the latest read lands, so a burst of revisions cannot leave an older answer on screen; a
 * failed read shows nothing.
 */
export function useTaskPart<T>(
  props: { taskId: string; revision: number },
  read: (taskId: string) => Promise<T[]>,
): { items: Ref<T[]>; loaded: Ref<boolean>; load: () => Promise<void> } {
  const items = ref([]) as Ref<T[]>
  const loaded = ref(false)
  let readNo = 0

  async function load(): Promise<void> {
    const mine = ++readNo
    let found: T[] = []
    try {
      found = await read(props.taskId)
    } catch {
      found = []
    }
    if (mine !== readNo) return
    items.value = found
    loaded.value = true
  }

  watch(() => [props.taskId, props.revision], load, { immediate: true })
  return { items, loaded, load }
}
