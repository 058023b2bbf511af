/** Shapes of the notification centre's answers (Bitrix24's messenger: snake_case). */

export interface Notice {
  id: number
  author_id: number
  date: string
  /** 2 from a person, 4 from the portal itself. */
  notify_type: number
  notify_module: string
  notify_event: string
  notify_tag: string
  notify_sub_tag: string
  setting_name: string
  /** BB codes ([B], [URL=…], [USER=5]…) as sent. */
  text: string
  notify_read: 'Y' | 'N'
  params: unknown
  /** Artel: where the entry leads in the portal ("" when nowhere). */
  notify_link?: string
  /** Artel: how many events with the same tag the entry holds. */
  notify_count?: number
}

export interface NoticeAuthor {
  id: number
  name: string
  first_name: string
  last_name: string
  avatar: string
}

export interface NoticePage {
  total_count?: number
  total_unread_count?: number
  notifications: Notice[]
  users: NoticeAuthor[]
}

/** Live `notify.added`: the entry (new, or one that took in another notice). */
export interface NoticeAdded {
  notification: Notice
  users: NoticeAuthor[]
  counter: number
}

/** Live `notify.read` / `notify.deleted`; `ids: null` means too many to list: reload. */
export interface NoticesChanged {
  ids: number[] | null
  read?: boolean
  counter: number
}

export interface NoticeSetting {
  MODULE: string
  EVENT: string
  TITLE: string
  MODULE_TITLE: string
  PORTAL: 'Y' | 'N'
  EMAIL: 'Y' | 'N'
}
