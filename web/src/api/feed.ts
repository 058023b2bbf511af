/**
 * The live feed (scope `log`): posts, portal events, comments, likes, polls, important messages
 * and the feed's own settings, as the web client uses them (see ../../docs/api-feed.md). Field
 * names are Bitrix24's UPPER_SNAKE, ids strings in answers, flags "Y"/"N".
 */
import { batch } from './batch'
import { rest } from './rest'
import type { TaskComment, TaskFile } from './tasks'
import type { FileUpload } from './types'

export type YesNo = 'Y' | 'N'
export type EntryType = 'post' | 'event'
export type EventType = 'task_created' | 'task_completed' | 'group_created' | 'user_joined'
export type PollResults = 'AFTER_VOTE' | 'ALL'
/** The kinds of entries the feed's filter knows. */
export type FeedType = 'post' | 'event' | 'important' | 'poll'

export interface Likes {
  COUNT: number
  MINE: YesNo
  /** The names of the last few who liked it. */
  RECENT: string[]
}

export interface Liker {
  USER_ID: string
  NAME: string
  PHOTO: string
  DATE: string
}

export interface PollAnswer {
  ID: string
  TEXT: string
  /** null while the reader may not see the results. */
  VOTES: number | null
  PERCENT: number | null
}

export interface Poll {
  QUESTION: string
  MULTIPLE: YesNo
  RESULTS: PollResults
  CLOSED: YesNo
  VOTED: YesNo
  MY_ANSWERS: string[]
  VOTERS: number | null
  ANSWERS: PollAnswer[]
}

export interface ImportantMark {
  /** After this date the post is no longer shown as important (null: until read by all). */
  UNTIL: string | null
  READ_COUNT: number
  READ_BY_ME: YesNo
}

export interface FeedEvent {
  TYPE: EventType
  OBJECT_TYPE: string
  OBJECT_ID: string
  /** The object's page in the portal ("" when none). */
  LINK: string
}

export interface DestName {
  CODE: string
  /** "" for UA (everyone): the client names it. */
  NAME: string
}

export interface FeedEntry {
  ID: string
  ENTRY_TYPE: EntryType
  AUTHOR_ID: string
  AUTHOR_NAME: string
  AUTHOR_PHOTO: string
  DATE_PUBLISH: string
  DATE_UPDATE: string
  TITLE: string
  DETAIL_TEXT: string
  /** The server's escaped rendering of the BB codes. */
  DETAIL_TEXT_HTML: string
  DEST: string[]
  DEST_NAMES: DestName[]
  FILES: TaskFile[]
  NUM_COMMENTS: number
  LIKES: Likes
  IMPORTANT: ImportantMark | null
  POLL: Poll | null
  EVENT: FeedEvent | null
  CAN_EDIT: YesNo
}

/** A comment of an entry: the task comment's shape, with its likes and whether I may edit it. */
export interface FeedComment extends TaskComment {
  POST_ID: string
  LIKES: Likes
  CAN_EDIT: YesNo
}

export interface FeedPage {
  entries: FeedEntry[]
  /** The id to pass as LAST_ID for the next (older) page; null on the last page. */
  next_last_id: string | null
}

/** log.feed.get's FILTER (dates in ISO 8601 without an offset: the portal's zone). */
export interface FeedFilter {
  ID?: string | number
  AUTHOR_ID?: string | number
  GROUP_ID?: string | number
  TYPE?: FeedType
  DATE_FROM?: string
  DATE_TO?: string
  SEARCH?: string
}

export interface PollDraft {
  QUESTION: string
  ANSWERS: string[]
  MULTIPLE: YesNo
  RESULTS: PollResults
}

export interface PostFields {
  POST_TITLE?: string
  POST_MESSAGE?: string
  DEST?: string[]
  FILES?: FileUpload[]
  IMPORTANT?: YesNo
  /** '' clears the end date. */
  IMPORTANT_DATE_END?: string
  POLL?: PollDraft
}

export interface ReadStatus {
  READ_COUNT: number
  AUDIENCE_COUNT: number
  READ: Array<{ USER_ID: string; NAME: string; DATE: string }>
  UNREAD: Array<{ USER_ID: string; NAME: string }>
}

export interface FeedSettings {
  /** Who may write to everyone; empty: every employee. */
  EVERYONE_ALLOWED: string[]
  CAN_POST_TO_EVERYONE: YesNo
}

/** What a like is on: an entry or one of its comments. */
export type LikeTarget = { POST_ID: string } | { COMMENT_ID: string }

/** Entries the feed reads per page (the server allows up to 50). */
export const FEED_PAGE_SIZE = 20

export const feedApi = {
  page(filter: FeedFilter, lastId?: string | null, limit = FEED_PAGE_SIZE): Promise<FeedPage> {
    return rest.result<FeedPage>('log.feed.get', {
      FILTER: filter,
      LIMIT: limit,
      ...(lastId ? { LAST_ID: lastId } : {}),
    })
  },
  /** One entry as the feed shows it, or null when it is gone, unseen or outside `filter`. */
  async entry(id: string, filter: FeedFilter = {}): Promise<FeedEntry | null> {
    const page = await rest.result<FeedPage>('log.feed.get', { FILTER: { ...filter, ID: id } })
    return page.entries[0] ?? null
  },
  /**
   * Several entries read again at once (a burst of live messages), in one request: id → the
   * entry, or null when the reader no longer sees it (or `filter` leaves it out).
   */
  async entries(ids: string[], filter: FeedFilter = {}): Promise<Map<string, FeedEntry | null>> {
    const out = new Map<string, FeedEntry | null>()
    if (ids.length === 1) {
      out.set(ids[0], await feedApi.entry(ids[0], filter))
      return out
    }
    for (let i = 0; i < ids.length; i += 50) {
      const part = ids.slice(i, i + 50)
      const answer = await batch<FeedPage>(
        Object.fromEntries(
          part.map((id) => [`e${id}`, ['log.feed.get', { FILTER: { ...filter, ID: id } }]]),
        ),
      )
      for (const id of part) out.set(id, answer.result[`e${id}`]?.entries?.[0] ?? null)
    }
    return out
  },
  add(fields: PostFields): Promise<number> {
    return rest.result<number>('log.blogpost.add', { ...fields })
  },
  update(id: string, fields: PostFields): Promise<number> {
    return rest.result<number>('log.blogpost.update', { POST_ID: id, ...fields })
  },
  remove(id: string): Promise<boolean> {
    return rest.result<boolean>('log.blogpost.delete', { POST_ID: id })
  },
  share(id: string, dest: string[]): Promise<boolean> {
    return rest.result<boolean>('log.blogpost.share', { POST_ID: id, DEST: dest })
  },
  read(id: string): Promise<boolean> {
    return rest.result<boolean>('log.blogpost.important.read', { POST_ID: id })
  },
  readStatus(id: string): Promise<ReadStatus> {
    return rest.result<ReadStatus>('log.blogpost.important.status', { POST_ID: id })
  },
  comments(id: string): Promise<FeedComment[]> {
    return rest.result<FeedComment[]>('log.blogcomment.get', { POST_ID: id })
  },
  addComment(id: string, text: string, parentId?: string, files?: FileUpload[]): Promise<number> {
    return rest.result<number>('log.blogcomment.add', {
      POST_ID: id,
      TEXT: text,
      ...(parentId ? { PARENT_ID: parentId } : {}),
      ...(files?.length ? { FILES: files } : {}),
    })
  },
  removeComment(commentId: string): Promise<boolean> {
    return rest.result<boolean>('log.blogcomment.delete', { COMMENT_ID: commentId })
  },
  like(target: LikeTarget, on: boolean): Promise<boolean> {
    return rest.result<boolean>(on ? 'log.like.add' : 'log.like.delete', { ...target })
  },
  likers(target: LikeTarget): Promise<Liker[]> {
    return rest.result<Liker[]>('log.like.list', { ...target })
  },
  vote(id: string, answers: string[]): Promise<Poll> {
    return rest.result<Poll>('log.poll.vote', { POST_ID: id, ANSWERS: answers })
  },
  closePoll(id: string): Promise<Poll> {
    return rest.result<Poll>('log.poll.close', { POST_ID: id })
  },
  counter(): Promise<{ NEW: number }> {
    return rest.result<{ NEW: number }>('log.feed.counter')
  },
  seen(): Promise<boolean> {
    return rest.result<boolean>('log.feed.seen')
  },
  settings(): Promise<FeedSettings> {
    return rest.result<FeedSettings>('log.settings.get')
  },
  saveSettings(everyoneAllowed: string[]): Promise<boolean> {
    return rest.result<boolean>('log.settings.set', {
      EVERYONE_ALLOWED: everyoneAllowed.map(Number),
    })
  },
}
