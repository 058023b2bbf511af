import { HOME_PATH } from '../sections'
import { groupPath } from '../components/workgroups/paths'
import { useGroupsStore } from '../stores/groups'
import { useSessionStore } from '../stores/session'

/**
 * Where a person lands after logging in: an employee on the start page, an extranet person
 * (an outside client) on the board of their first group, which is what they came for.
 */
export async function landingPath(): Promise<string> {
  if (!useSessionStore().isExtranet) return HOME_PATH
  try {
    const mine = await useGroupsStore().refreshMine()
    if (mine[0]) return groupPath(mine[0].GROUP_ID, 'board')
  } catch {
    // Their groups could not be read: the list of groups says why.
  }
  return '/workgroups'
}
