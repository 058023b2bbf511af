import { defineStore } from 'pinia'
import { ref } from 'vue'
import { rest } from '../api/rest'
import type { User } from '../api/types'

/**
 * One copy of each person the client has seen. Lists keep IDs and read people from here,
 * so a live `user.updated` shows up everywhere at once.
 */
export const useUsersStore = defineStore('users', () => {
  const byId = ref<Record<string, User>>({})
  /** Bumped on every change so lists built from many people can recompute cheaply. */
  const version = ref(0)

  function upsert(user: User): User {
    const id = String(user.ID)
    byId.value[id] = { ...(byId.value[id] ?? {}), ...user, ID: id }
    version.value++
    return byId.value[id]
  }

  function upsertMany(users: User[]): string[] {
    return users.map((user) => upsert(user).ID)
  }

  function get(id: string | number | null | undefined): User | undefined {
    if (id === null || id === undefined || id === '') return undefined
    return byId.value[String(id)]
  }

  async function fetchOne(id: string | number): Promise<User | undefined> {
    const list = await rest.result<User[]>('user.get', { FILTER: { ID: String(id) } })
    const user = list?.[0]
    return user ? upsert(user) : undefined
  }

  /** All active employees, page by page (the structure view needs everyone). */
  async function fetchAllActive(): Promise<string[]> {
    const list = await rest.all<User>('user.get', {
      FILTER: { ACTIVE: true },
      SORT: 'LAST_NAME',
      ORDER: 'ASC',
    })
    return upsertMany(list)
  }

  return { byId, version, upsert, upsertMany, get, fetchOne, fetchAllActive }
})
