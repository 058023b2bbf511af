/** Names and colours of the task statuses (1 and 7 read as pending, as the API does). */
export type StatusKey = 'pending' | 'inProgress' | 'awaitingControl' | 'completed' | 'deferred'

export function statusKey(status: string | number | null | undefined): StatusKey {
  switch (String(status)) {
    case '3':
      return 'inProgress'
    case '4':
      return 'awaitingControl'
    case '5':
      return 'completed'
    case '6':
      return 'deferred'
    default:
      return 'pending'
  }
}

type BadgeColor =
  'air-secondary' | 'air-primary' | 'air-primary-warning' | 'air-primary-success' | 'air-tertiary'

export function statusColor(status: string | number | null | undefined): BadgeColor {
  switch (statusKey(status)) {
    case 'inProgress':
      return 'air-primary'
    case 'awaitingControl':
      return 'air-primary-warning'
    case 'completed':
      return 'air-primary-success'
    case 'deferred':
      return 'air-tertiary'
    default:
      return 'air-secondary'
  }
}

export function isClosed(status: string | number | null | undefined): boolean {
  const key = statusKey(status)
  return key === 'completed' || key === 'awaitingControl'
}
