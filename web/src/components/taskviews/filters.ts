/** The filter the Gantt chart and the calendar share, and its tasks.task.list form. */
export interface TaskViewFilter {
  role: 'all' | 'responsible' | 'accomplice' | 'originator' | 'auditor' | 'everything'
  status: 'active' | 'completed' | 'overdue' | 'any'
  tag: string
  search: string
}

export function listFilter(f: TaskViewFilter, me: string): Record<string, unknown> {
  const filter: Record<string, unknown> = {}
  if (f.role === 'all') filter.MEMBER = me
  else if (f.role === 'responsible') filter.RESPONSIBLE_ID = me
  else if (f.role === 'accomplice') filter.ACCOMPLICE = me
  else if (f.role === 'originator') filter.CREATED_BY = me
  else if (f.role === 'auditor') filter.AUDITOR = me
  if (f.status === 'active') filter['!REAL_STATUS'] = 5
  else if (f.status === 'completed') filter.REAL_STATUS = 5
  else if (f.status === 'overdue') filter.STATUS = -1
  if (f.tag) filter.TAG = f.tag
  if (f.search) filter.SEARCH_INDEX = f.search
  return filter
}
