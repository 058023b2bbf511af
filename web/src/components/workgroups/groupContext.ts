import { computed, inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { Group } from '../../api/groups'
import { useSessionStore } from '../../stores/session'

/** The group a group page shows, shared with its tabs. */
export interface GroupContext {
  id: ComputedRef<string>
  group: Ref<Group | null>
  /** Reads the group again (after a change of its people or its settings). */
  reload: () => Promise<void>
  /** Owner, moderator or administrator: edits the group, its columns and its people. */
  canManage: ComputedRef<boolean>
  /** Owner or administrator: deletes the group, changes roles. */
  isOwner: ComputedRef<boolean>
  /** Adds and invites people (INITIATE_PERMS). */
  canInvite: ComputedRef<boolean>
  isMember: ComputedRef<boolean>
}

const KEY: InjectionKey<GroupContext> = Symbol('group')

export function provideGroup(
  id: ComputedRef<string>,
  group: Ref<Group | null>,
  reload: () => Promise<void>,
): GroupContext {
  const session = useSessionStore()
  const role = computed(() => group.value?.USER_ROLE ?? '')
  const isOwner = computed(() => session.isAdmin || role.value === 'A')
  const canManage = computed(() => isOwner.value || role.value === 'E')
  const isMember = computed(() => ['A', 'E', 'K'].includes(role.value))
  const canInvite = computed(() => {
    if (session.isAdmin) return true
    const perms = group.value?.INITIATE_PERMS ?? 'E'
    if (perms === 'K') return isMember.value
    if (perms === 'E') return canManage.value
    return role.value === 'A'
  })
  const context = { id, group, reload, canManage, isOwner, canInvite, isMember }
  provide(KEY, context)
  return context
}

export function useGroup(): GroupContext {
  const context = inject(KEY)
  if (!context) throw new Error('useGroup() outside a group page')
  return context
}
