/** Addresses of a group's pages. */
export type GroupTab = 'feed' | 'tasks' | 'board' | 'gantt' | 'members' | 'settings'

export function groupPath(id: string | number, tab: GroupTab = 'tasks'): string {
  const base = `/workgroups/group/${id}/`
  if (tab === 'tasks') return `${base}tasks/`
  if (tab === 'board' || tab === 'gantt') return `${base}tasks/${tab}/`
  return `${base}${tab}/`
}
