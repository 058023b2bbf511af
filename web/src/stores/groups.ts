import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { groupsApi, type MyGroup } from '../api/groups'
import { useSessionStore } from './session'

/**
 * The groups of the person logged in (sonet_group.user.groups: the task form's project field,
 * an extranet person's landing board) and the names of groups seen anywhere, for links.
 */
export const useGroupsStore = defineStore('groups', () => {
  const mine = ref<MyGroup[]>([])
  const names = ref<Record<string, string>>({})
  let loading: Promise<MyGroup[]> | null = null
  const asked = new Map<string, Promise<void>>()

  // Whose groups these are depends on who is logged in.
  watch(
    () => useSessionStore().user?.ID,
    () => {
      loading = null
      mine.value = []
    },
  )

  function remember(id: string | number, name: string): void {
    if (name) names.value[String(id)] = name
  }

  /** My groups, read once (again after `refreshMine`). */
  function ensureMine(): Promise<MyGroup[]> {
    if (!loading) {
      loading = groupsApi
        .mine()
        .then((list) => {
          mine.value = (list ?? []).filter((g) => g.ROLE !== 'Z')
          for (const g of mine.value) remember(g.GROUP_ID, g.GROUP_NAME)
          return mine.value
        })
        .catch((error) => {
          loading = null
          throw error
        })
    }
    return loading
  }

  function refreshMine(): Promise<MyGroup[]> {
    loading = null
    return ensureMine()
  }

  /** A group's name for a link; read once per id when not seen yet ('' while unknown). */
  function nameOf(id: string | number): string {
    const key = String(id)
    if (!key || key === '0') return ''
    if (!names.value[key] && !asked.has(key))
      asked.set(
        key,
        groupsApi
          .get(key)
          .then((g) => {
            if (g) remember(g.ID, g.NAME)
          })
          .catch(() => undefined),
      )
    return names.value[key] ?? ''
  }

  return { mine, names, remember, ensureMine, refreshMine, nameOf }
})
