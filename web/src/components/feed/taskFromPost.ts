/**
 * "Create a task" from a post (E7): the new-task form opened with the post's title and text and a
 * link back to the post, which the person completes and saves as any task.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { FeedEntry } from '../../api/feed'
import { excerpt } from './text'

/** The feed's address showing one entry (the one notices link to). */
export function entryPath(id: string | number): string {
  return `/feed/?entry=${id}`
}

/** The task form's address, prefilled from `entry`; `linkLabel` names the link back. */
export function taskFromPost(
  entry: Pick<FeedEntry, 'ID' | 'TITLE' | 'DETAIL_TEXT'>,
  linkLabel: string,
): RouteLocationRaw {
  const title = entry.TITLE.trim() || excerpt(entry.DETAIL_TEXT, 80)
  const link = `[URL=${entryPath(entry.ID)}]${linkLabel.replace(/[[\]]/g, '')}[/URL]`
  const description = entry.DETAIL_TEXT.trim() ? `${entry.DETAIL_TEXT.trim()}\n\n${link}` : link
  return { path: '/tasks/task/new', query: { title, description } }
}
