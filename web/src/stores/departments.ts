import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { rest } from '../api/rest'
import type { Department } from '../api/types'
import { buildTree, flatten, subtreeIds } from '../utils/tree'

export const useDepartmentsStore = defineStore('departments', () => {
  const list = ref<Department[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | null = null
  let again = false

  const tree = computed(() => buildTree(list.value))
  const ordered = computed(() => flatten(tree.value))
  const byId = computed(() => {
    const map: Record<string, Department> = {}
    for (const department of list.value) map[String(department.ID)] = department
    return map
  })

  /** Reloads the whole list; a reload asked for while one runs happens once after it. */
  function load(): Promise<void> {
    if (loading) {
      again = true
      return loading
    }
    loading = (async () => {
      try {
        do {
          again = false
          const all = await rest.all<Department>('department.get', { sort: 'SORT', order: 'ASC' })
          list.value = all.map((d) => ({ ...d, ID: String(d.ID) }))
          loaded.value = true
        } while (again)
      } finally {
        loading = null
      }
    })()
    return loading
  }

  function ensureLoaded(): Promise<void> {
    return loaded.value ? Promise.resolve() : load()
  }

  function name(id: string | number | null | undefined): string {
    if (id === null || id === undefined) return ''
    return byId.value[String(id)]?.NAME ?? ''
  }

  async function add(fields: { NAME: string; PARENT: string; UF_HEAD?: string }): Promise<void> {
    await rest.result('department.add', fields)
    await load()
  }

  async function update(id: string, fields: Record<string, unknown>): Promise<void> {
    await rest.result('department.update', { ID: id, ...fields })
    await load()
  }

  async function remove(id: string): Promise<void> {
    await rest.result('department.delete', { ID: id })
    await load()
  }

  function subtree(id: string): Set<string> {
    return subtreeIds(list.value, id)
  }

  return {
    list,
    loaded,
    tree,
    ordered,
    byId,
    load,
    ensureLoaded,
    name,
    add,
    update,
    remove,
    subtree,
  }
})
