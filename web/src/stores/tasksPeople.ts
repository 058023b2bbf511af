import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { User } from '../api/types'
import { fullName } from '../utils/people'
import { useSessionStore } from './session'
import { useUsersStore } from './users'

/**
 * The people a task can name (responsible, co-executors, observers, mentions): every active
 * person the viewer sees, read once per page load by the users store.
 */
export const useTasksPeopleStore = defineStore('tasksPeople', () => {
  const users = useUsersStore()
  const ids = ref<string[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | null = null
  // Who one may name depends on who is logged in (an extranet person sees fewer people).
  watch(
    () => useSessionStore().user?.ID,
    () => {
      loading = null
      loaded.value = false
      ids.value = []
    },
  )

  function ensure(): Promise<void> {
    if (!loading) {
      loading = users
        .fetchAllActive()
        .then((list) => {
          ids.value = list
          loaded.value = true
        })
        .catch((error) => {
          loading = null
          throw error
        })
    }
    return loading
  }

  const people = computed(() => {
    void users.version
    return ids.value.map((id) => users.get(id)).filter((u): u is User => !!u)
  })

  /** A name for any id: a person seen anywhere in the client, or "#id". */
  function name(id: string | number | null | undefined): string {
    const user = users.get(id)
    return user ? fullName(user) : id ? `#${id}` : ''
  }

  return { ids, loaded, people, ensure, name }
})
