/**
 * The feed's filter: what the filter bar holds, how it sits in the page's address (so a filtered
 * feed survives a reload and the back button) and what log.feed.get is asked.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { FeedFilter, FeedType } from '../../api/feed'

export const FEED_TYPES: readonly FeedType[] = ['post', 'event', 'important', 'poll']

export interface FeedFilterState {
  /** A person's id, '' for anyone. */
  author: string
  /** A group's id, '' for any. */
  group: string
  type: FeedType | ''
  /** Calendar days `YYYY-MM-DD`, '' for open. */
  from: string
  to: string
  search: string
}

export function emptyFilter(): FeedFilterState {
  return { author: '', group: '', type: '', from: '', to: '', search: '' }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[1-9]\d{0,17}$/

function text(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

/** The filter an address asks for; anything malformed in it is left out. */
export function filterFromQuery(query: LocationQuery): FeedFilterState {
  const type = text(query.type) as FeedType
  const pick = (v: string, re: RegExp) => (re.test(v) ? v : '')
  return {
    author: pick(text(query.author), ID),
    group: pick(text(query.group), ID),
    type: FEED_TYPES.includes(type) ? type : '',
    from: pick(text(query.from), DAY),
    to: pick(text(query.to), DAY),
    search: text(query.q).trim(),
  }
}

/** The address's query for a filter: only what is set. */
export function filterToQuery(state: FeedFilterState): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  if (state.author) out.author = state.author
  if (state.group) out.group = state.group
  if (state.type) out.type = state.type
  if (state.from) out.from = state.from
  if (state.to) out.to = state.to
  if (state.search.trim()) out.q = state.search.trim()
  return out
}

/** What log.feed.get is asked; the days are whole days in the portal's time zone. */
export function filterToApi(state: FeedFilterState): FeedFilter {
  const out: FeedFilter = {}
  if (state.author) out.AUTHOR_ID = state.author
  if (state.group) out.GROUP_ID = state.group
  if (state.type) out.TYPE = state.type
  if (state.from) out.DATE_FROM = `${state.from}T00:00:00`
  if (state.to) out.DATE_TO = `${state.to}T23:59:59`
  const search = state.search.trim()
  if (search) out.SEARCH = search
  return out
}

export function isFiltered(state: FeedFilterState): boolean {
  return Object.keys(filterToQuery(state)).length > 0
}

export function sameFilter(a: FeedFilterState, b: FeedFilterState): boolean {
  return JSON.stringify(filterToQuery(a)) === JSON.stringify(filterToQuery(b))
}

/** The entry an address points at (`?entry=ID`, where notices lead), or ''. */
export function entryFromQuery(query: LocationQuery): string {
  const id = text(query.entry)
  return /^\d+$/.test(id) ? id : ''
}
