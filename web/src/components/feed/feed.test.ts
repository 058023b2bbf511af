import { describe, expect, it } from 'vitest'
import type { FeedEntry } from '../../api/feed'
import {
  emptyFilter,
  entryFromQuery,
  filterFromQuery,
  filterToApi,
  filterToQuery,
  isFiltered,
} from './feedFilter'
import { appendPage, dropEntry, placeEntry, planLive, toggledLikes } from './feedList'
import { draftProblem, editedPostFields, emptyDraft, emptyPoll, newPostFields } from './postDraft'
import {
  codeId,
  defaultRecipients,
  orderedCodes,
  recipientKind,
  shownRecipients,
  startingRecipients,
} from './recipients'
import { entryPath, taskFromPost } from './taskFromPost'
import { excerpt, isEmptyBbcode } from './text'

function entry(id: number, extra: Partial<FeedEntry> = {}): FeedEntry {
  return {
    ID: String(id),
    ENTRY_TYPE: 'post',
    AUTHOR_ID: '1',
    AUTHOR_NAME: 'Anna',
    AUTHOR_PHOTO: '',
    DATE_PUBLISH: '2026-03-03T09:00:00+03:00',
    DATE_UPDATE: '2026-03-03T09:00:00+03:00',
    TITLE: '',
    DETAIL_TEXT: `text ${id}`,
    DETAIL_TEXT_HTML: `text ${id}`,
    DEST: ['U1', 'UA'],
    DEST_NAMES: [
      { CODE: 'U1', NAME: 'Anna' },
      { CODE: 'UA', NAME: '' },
    ],
    FILES: [],
    NUM_COMMENTS: 0,
    LIKES: { COUNT: 0, MINE: 'N', RECENT: [] },
    IMPORTANT: null,
    POLL: null,
    EVENT: null,
    CAN_EDIT: 'N',
    ...extra,
  }
}

const changes = (...pairs: Array<[string, string[]]>) =>
  new Map(pairs.map(([id, what]) => [id, new Set(what)]))

describe('the feed filter', () => {
  it('reads the address, leaving out what is malformed', () => {
    expect(
      filterFromQuery({
        author: '5',
        group: 'x',
        type: 'poll',
        from: '2026-03-01',
        to: '03/05/2026',
        q: '  отчёт ',
      }),
    ).toEqual({ author: '5', group: '', type: 'poll', from: '2026-03-01', to: '', search: 'отчёт' })
    expect(filterFromQuery({ type: 'tasks' }).type).toBe('')
  })

  it('writes only what is set, to the address and to log.feed.get', () => {
    const state = { ...emptyFilter(), group: '7', type: 'important' as const, from: '2026-03-01' }
    expect(filterToQuery(state)).toEqual({ group: '7', type: 'important', from: '2026-03-01' })
    expect(filterToApi({ ...state, to: '2026-03-31', search: ' plan ' })).toEqual({
      GROUP_ID: '7',
      TYPE: 'important',
      DATE_FROM: '2026-03-01T00:00:00',
      DATE_TO: '2026-03-31T23:59:59',
      SEARCH: 'plan',
    })
    expect(isFiltered(emptyFilter())).toBe(false)
    expect(isFiltered({ ...emptyFilter(), search: '  ' })).toBe(false)
    expect(isFiltered(state)).toBe(true)
  })
})

describe('the entries of a page', () => {
  it('adds an older page once, and puts a new or changed entry in its place', () => {
    const list = [entry(9), entry(7)]
    expect(appendPage(list, [entry(7), entry(4)]).map((e) => e.ID)).toEqual(['9', '7', '4'])
    expect(placeEntry(list, entry(12)).map((e) => e.ID)).toEqual(['12', '9', '7'])
    expect(placeEntry(list, entry(8)).map((e) => e.ID)).toEqual(['9', '8', '7'])
    const edited = placeEntry(list, entry(7, { TITLE: 'Edited' }))
    expect(edited.map((e) => [e.ID, e.TITLE])).toEqual([
      ['9', ''],
      ['7', 'Edited'],
    ])
    expect(dropEntry(list, '9').map((e) => e.ID)).toEqual(['7'])
    expect(dropEntry(list, '3')).toBe(list)
  })

  it('turns a burst of live messages into reads: held ones again, new ones through the filter', () => {
    const held = new Set(['9', '7', '5'])
    const plan = planLive(
      changes(
        ['9', ['like']],
        ['7', ['delete']],
        ['5', ['comment', 'update']],
        ['12', ['add']],
        ['3', ['add']],
        ['6', ['update']],
        ['8', ['vote']],
        ['2', ['delete']],
      ),
      held,
      '5',
    )
    expect(plan).toEqual({
      remove: ['7'],
      reread: ['9', '5'],
      // 3 is older than the oldest held while older pages are unread: it shows when they are.
      fetch: ['12', '6'],
      comments: ['9', '5'],
    })
    // With the whole feed on the page, an older entry that became visible shows at once.
    expect(planLive(changes(['3', ['update']]), held, null).fetch).toEqual(['3'])
  })

  it('counts a like at once, and a second click takes it back', () => {
    const liked = toggledLikes(entry(1), true)
    expect(liked.LIKES).toMatchObject({ COUNT: 1, MINE: 'Y' })
    expect(toggledLikes(liked, true)).toBe(liked)
    expect(toggledLikes(liked, false).LIKES).toMatchObject({ COUNT: 0, MINE: 'N' })
  })
})

describe('recipients', () => {
  it('knows the codes and orders the chips: everyone, people, groups, departments', () => {
    expect(['UA', 'U5', 'SG3', 'DR2', 'X1', 'U'].map(recipientKind)).toEqual([
      'everyone',
      'user',
      'group',
      'department',
      null,
      null,
    ])
    expect(orderedCodes(['DR2', 'SG3', 'U5', 'UA', 'U5', 'bad'])).toEqual([
      'UA',
      'U5',
      'SG3',
      'DR2',
    ])
    expect(['SG3', 'DR12', 'U5', 'UA'].map(codeId)).toEqual(['3', '12', '5', ''])
    expect(defaultRecipients(true)).toEqual(['UA'])
    expect(defaultRecipients(false)).toEqual([])
  })

  it("starts a post in a group's feed addressed to the group, whoever may write to everyone", () => {
    expect(startingRecipients(true, '7')).toEqual(['SG7'])
    expect(startingRecipients(false, '7')).toEqual(['SG7'])
    expect(startingRecipients(true)).toEqual(['UA'])
    expect(startingRecipients(false)).toEqual([])
  })

  it('reads the entry an address points at, and nothing malformed', () => {
    expect(entryFromQuery({ entry: '42' })).toBe('42')
    expect(entryFromQuery({ entry: ['42', '7'] })).toBe('42')
    expect(entryFromQuery({ entry: '4x' })).toBe('')
    expect(entryFromQuery({})).toBe('')
  })

  it('shows whom an entry is for without its author, unless it is for no one else', () => {
    const post = entry(1, {
      DEST_NAMES: [
        { CODE: 'DR2', NAME: 'Sales' },
        { CODE: 'U1', NAME: 'Anna' },
        { CODE: 'U4', NAME: 'Boris' },
      ],
    })
    expect(shownRecipients(post).map((d) => d.CODE)).toEqual(['U4', 'DR2'])
    const note = entry(2, { DEST_NAMES: [{ CODE: 'U1', NAME: 'Anna' }] })
    expect(shownRecipients(note).map((d) => d.CODE)).toEqual(['U1'])
  })
})

describe('the composer', () => {
  it('says what is missing before sending', () => {
    const draft = emptyDraft(['UA'])
    expect(draftProblem(draft)).toBe('empty')
    expect(draftProblem({ ...draft, text: '[B] [/B]' })).toBe('empty')
    expect(draftProblem({ ...draft, title: 'Plan' })).toBe('')
    expect(draftProblem({ ...draft, text: 'Hi', dest: [] })).toBe('noRecipients')
    const poll = { ...emptyPoll(), question: 'Where?', answers: ['Here', ' '] }
    expect(draftProblem({ ...draft, text: 'Hi', poll: { ...poll, question: ' ' } })).toBe(
      'pollQuestion',
    )
    expect(draftProblem({ ...draft, text: 'Hi', poll })).toBe('pollAnswers')
    const many = { ...poll, answers: Array.from({ length: 21 }, (_, i) => `a${i}`) }
    expect(draftProblem({ ...draft, text: 'Hi', poll: many })).toBe('pollTooMany')
  })

  it('sends an important post with a poll as log.blogpost.add takes it', () => {
    const draft = {
      ...emptyDraft(['DR2', 'U5']),
      title: ' Office move ',
      text: 'We move on [B]Monday[/B]. ',
      important: true,
      importantUntil: '2026-03-10',
      poll: {
        question: ' Which day? ',
        answers: ['Mon', '', ' Tue '],
        multiple: true,
        showAll: false,
      },
    }
    expect(newPostFields(draft, [['plan.pdf', 'QUJD']])).toEqual({
      POST_TITLE: 'Office move',
      POST_MESSAGE: 'We move on [B]Monday[/B].',
      DEST: ['DR2', 'U5'],
      IMPORTANT: 'Y',
      IMPORTANT_DATE_END: '2026-03-10T23:59:59',
      FILES: [['plan.pdf', 'QUJD']],
      POLL: {
        QUESTION: 'Which day?',
        ANSWERS: ['Mon', 'Tue'],
        MULTIPLE: 'Y',
        RESULTS: 'AFTER_VOTE',
      },
    })
    const plain = newPostFields({ ...emptyDraft(['UA']), text: 'Hi', importantUntil: '2026-03-10' })
    expect(plain).toEqual({ POST_TITLE: '', POST_MESSAGE: 'Hi', DEST: ['UA'], IMPORTANT: 'N' })
  })

  it('edits the text, recipients and mark, clearing an end date no longer wanted', () => {
    const fields = editedPostFields({ ...emptyDraft(['SG3']), text: 'New text', important: false })
    expect(fields).toEqual({
      POST_TITLE: '',
      POST_MESSAGE: 'New text',
      DEST: ['SG3'],
      IMPORTANT: 'N',
      IMPORTANT_DATE_END: '',
    })
  })
})

describe('a task from a post', () => {
  it('opens the task form with the title, the text and a link back', () => {
    const post = entry(42, { TITLE: '', DETAIL_TEXT: 'Order [B]new chairs[/B] for the office' })
    expect(taskFromPost(post, 'The post [in the feed]')).toEqual({
      path: '/tasks/task/new',
      query: {
        title: 'Order new chairs for the office',
        description:
          'Order [B]new chairs[/B] for the office\n\n[URL=/feed/?entry=42]The post in the feed[/URL]',
      },
    })
    expect(entryPath(7)).toBe('/feed/?entry=7')
  })

  it('keeps words whole in a long title', () => {
    expect(excerpt('one two three four', 12)).toBe('one two…')
    expect(isEmptyBbcode('[USER=5]Ann[/USER]')).toBe(false)
    expect(isEmptyBbcode('[I][/I]\n')).toBe(true)
  })
})
