import type { User } from '../api/types'

export function fullName(
  user: Pick<User, 'NAME' | 'LAST_NAME' | 'EMAIL'> | null | undefined,
): string {
  if (!user) return ''
  const name = [user.NAME, user.LAST_NAME].filter((part) => part && part.trim()).join(' ')
  return name || user.EMAIL || ''
}

export function initials(
  user: Pick<User, 'NAME' | 'LAST_NAME' | 'EMAIL'> | null | undefined,
): string {
  if (!user) return ''
  const letters = [user.NAME, user.LAST_NAME]
    .map((part) => (part ?? '').trim().charAt(0))
    .filter(Boolean)
    .join('')
  return (letters || (user.EMAIL ?? '?').charAt(0)).toUpperCase()
}

export function departmentIds(user: Pick<User, 'UF_DEPARTMENT'>): string[] {
  return (user.UF_DEPARTMENT ?? []).map((id) => String(id))
}

export type UserStatus = 'active' | 'invited' | 'dismissed'

export function userStatus(user: Pick<User, 'ACTIVE' | 'INVITED'>): UserStatus {
  if (user.INVITED) return 'invited'
  if (!user.ACTIVE) return 'dismissed'
  return 'active'
}

/** Moves a person from one department to another, keeping any other departments. */
export function movedDepartments(current: string[], from: string, to: string): string[] {
  const next = current.filter((id) => id !== from && id !== to)
  next.push(to)
  return next
}
