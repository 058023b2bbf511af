/**
 * Who a post is for, as the API writes it: destination codes — UA everyone (employees), U<id> a
 * person, SG<id> a workgroup's members, DR<id> a department with the ones below it.
 */
import type { DestName, FeedEntry } from '../../api/feed'

export type RecipientKind = 'everyone' | 'user' | 'group' | 'department'

export const EVERYONE = 'UA'

export function recipientKind(code: string): RecipientKind | null {
  if (code === EVERYONE) return 'everyone'
  if (/^U\d+$/.test(code)) return 'user'
  if (/^SG\d+$/.test(code)) return 'group'
  if (/^DR\d+$/.test(code)) return 'department'
  return null
}

export const userCode = (id: string | number) => `U${id}`
export const groupCode = (id: string | number) => `SG${id}`
export const departmentCode = (id: string | number) => `DR${id}`

/** The id inside a code ("SG4" → "4"; "" for UA). */
export function codeId(code: string): string {
  return code === EVERYONE ? '' : code.replace(/^(SG|DR|U)/, '')
}

/**
 * The recipients a new post starts with: everyone, when the writer may write to everyone;
 * otherwise none, and the writer chooses.
 */
export function defaultRecipients(mayWriteToEveryone: boolean): string[] {
  return mayWriteToEveryone ? [EVERYONE] : []
}

/**
 * The recipients a new post starts with where it is written: in a group's feed the group (the
 * writer may add more), elsewhere the default ones.
 */
export function startingRecipients(mayWriteToEveryone: boolean, groupId?: string): string[] {
  return groupId ? [groupCode(groupId)] : defaultRecipients(mayWriteToEveryone)
}

/** Chosen codes in the order the chips show them: everyone, people, groups, departments. */
export function orderedCodes(codes: string[]): string[] {
  const rank: Record<RecipientKind, number> = { everyone: 0, user: 1, group: 2, department: 3 }
  return [...new Set(codes)]
    .filter((c) => recipientKind(c) !== null)
    .sort((a, b) => rank[recipientKind(a)!] - rank[recipientKind(b)!])
}

/**
 * The recipients an entry shows under its author: the author is always among them, so they are
 * left out — unless the post is to no one else (a note to oneself).
 */
export function shownRecipients(entry: Pick<FeedEntry, 'AUTHOR_ID' | 'DEST_NAMES'>): DestName[] {
  const own = userCode(entry.AUTHOR_ID)
  const others = entry.DEST_NAMES.filter((d) => d.CODE !== own)
  return others.length ? orderedDest(others) : entry.DEST_NAMES
}

function orderedDest(list: DestName[]): DestName[] {
  const order = orderedCodes(list.map((d) => d.CODE))
  return order.map((code) => list.find((d) => d.CODE === code)!).filter(Boolean)
}
