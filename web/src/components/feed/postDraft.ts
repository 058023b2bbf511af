/**
 * What the composer holds before a post is sent ("Сообщение": a title, a text, recipients, an
 * important mark, a poll) and the log.blogpost.add / update parameters made of it. The checks
 * here are the ones a person can fix before sending; the server has the last word.
 */
import type { PollDraft, PostFields } from '../../api/feed'
import type { FileUpload } from '../../api/types'
import { isEmptyBbcode } from './text'

export const POLL_MIN_ANSWERS = 2
export const POLL_MAX_ANSWERS = 20

export interface PollState {
  question: string
  answers: string[]
  multiple: boolean
  /** Results to everyone at once, or to each person after they vote. */
  showAll: boolean
}

export interface PostDraft {
  title: string
  /** BB code, with [USER=id] mentions. */
  text: string
  dest: string[]
  important: boolean
  /** `YYYY-MM-DD`: the last day the post is shown as important; '' for no end. */
  importantUntil: string
  /** null: no poll. */
  poll: PollState | null
}

export function emptyPoll(): PollState {
  return { question: '', answers: ['', ''], multiple: false, showAll: false }
}

export function emptyDraft(dest: string[]): PostDraft {
  return { title: '', text: '', dest: [...dest], important: false, importantUntil: '', poll: null }
}

/** The answers that count: filled in, trimmed. */
export function filledAnswers(poll: PollState): string[] {
  return poll.answers.map((a) => a.trim()).filter(Boolean)
}

/** Why the draft cannot be sent yet: a message key under `feed.composer.problems`, or ''. */
export function draftProblem(draft: PostDraft): string {
  if (!draft.title.trim() && isEmptyBbcode(draft.text)) return 'empty'
  if (!draft.dest.length) return 'noRecipients'
  if (draft.poll) {
    if (!draft.poll.question.trim()) return 'pollQuestion'
    const answers = filledAnswers(draft.poll)
    if (answers.length < POLL_MIN_ANSWERS) return 'pollAnswers'
    if (answers.length > POLL_MAX_ANSWERS) return 'pollTooMany'
  }
  return ''
}

export function pollToApi(poll: PollState): PollDraft {
  return {
    QUESTION: poll.question.trim(),
    ANSWERS: filledAnswers(poll),
    MULTIPLE: poll.multiple ? 'Y' : 'N',
    RESULTS: poll.showAll ? 'ALL' : 'AFTER_VOTE',
  }
}

/** log.blogpost.add's parameters. A post without a title is a short one (Bitrix24's MICRO). */
export function newPostFields(draft: PostDraft, files: FileUpload[] = []): PostFields {
  const fields: PostFields = {
    POST_TITLE: draft.title.trim(),
    POST_MESSAGE: draft.text.trim(),
    DEST: [...draft.dest],
    IMPORTANT: draft.important ? 'Y' : 'N',
  }
  if (draft.important && draft.importantUntil)
    fields.IMPORTANT_DATE_END = `${draft.importantUntil}T23:59:59`
  if (files.length) fields.FILES = files
  if (draft.poll) fields.POLL = pollToApi(draft.poll)
  return fields
}

/** log.blogpost.update's parameters: the post's text, recipients and mark (its poll stays). */
export function editedPostFields(draft: PostDraft, files: FileUpload[] = []): PostFields {
  const fields: PostFields = {
    POST_TITLE: draft.title.trim(),
    POST_MESSAGE: draft.text.trim(),
    DEST: [...draft.dest],
    IMPORTANT: draft.important ? 'Y' : 'N',
    IMPORTANT_DATE_END:
      draft.important && draft.importantUntil ? `${draft.importantUntil}T23:59:59` : '',
  }
  if (files.length) fields.FILES = files
  return fields
}
