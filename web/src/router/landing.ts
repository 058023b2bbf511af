import { HOME_PATH, type Reach } from '../sections'
import { HELPDESK_PATH } from '../components/helpdesk/paths'
import { groupPath } from '../components/workgroups/paths'
import { useGroupsStore } from '../stores/groups'
import { useHelpdeskStore } from '../stores/helpdesk'
import { useSessionStore } from '../stores/session'

/**
 * What an outside person may reach: whether they are a client of the ticket desk, and whether
 * they are in any group. Read once per login (the stores keep it).
 */
export async function extranetReach(): Promise<Reach> {
  const [settings, mine] = await Promise.all([
    useHelpdeskStore().ensure(),
    useGroupsStore()
      .ensureMine()
      .catch(() => null),
  ])
  // Groups that could not be read count as some: the list of groups then says why.
  return { helpdesk: settings?.ROLE ?? 'none', inGroups: mine === null || mine.length > 0 }
}

/**
 * Where a person lands after logging in: an employee on the start page; a client of the
 * ticket desk on the desk (the seed's step 2 starts there); any other extranet person (an
 * outside client of a project) on the board of their first group, which is what they came for.
 */
export async function landingPath(): Promise<string> {
  if (!useSessionStore().isExtranet) return HOME_PATH
  const settings = await useHelpdeskStore().ensure()
  if (settings?.ROLE === 'client') return HELPDESK_PATH
  try {
    const mine = await useGroupsStore().refreshMine()
    if (mine[0]) return groupPath(mine[0].GROUP_ID, 'board')
  } catch {
    // Their groups could not be read: the list of groups says why.
  }
  return '/workgroups'
}
