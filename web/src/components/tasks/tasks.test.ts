import { describe, expect, it } from 'vitest'
import {
  formatClock,
  formatDuration,
  joinHoursMinutes,
  spentOfPlanned,
  splitHoursMinutes,
} from './duration'
import {
  bbcodeToHtml,
  bbcodeToPlain,
  docToBbcode,
  isEmptyDoc,
  mentionCode,
  mentionedIds,
} from './bbcode'
import {
  formatTaskDate,
  fromDateTimeInput,
  isOverdue,
  toDateTimeInput,
  monthName,
  weekdayName,
  weekRange,
  wallClock,
} from './taskDates'
import {
  activeFilterCount,
  counterFilter,
  defaultState,
  nextSort,
  parseQuery,
  presetQuery,
  toApiFilter,
  toApiOrder,
  toQuery,
} from './taskFilter'
import {
  deadlineMoves,
  describeHistory,
  historyAuthor,
  noteReason,
  type HistoryWords,
} from './history'
import type { HistoryEntry } from '../../api/tasks'

const en = { h: 'h', min: 'min', s: 's' }

describe('durations', () => {
  it('reads seconds as hours and minutes', () => {
    expect(formatDuration(5400, en)).toBe('1 h 30 min')
    expect(formatDuration(7200, en)).toBe('2 h')
    expect(formatDuration(2700, en)).toBe('45 min')
    expect(formatDuration(20, en)).toBe('20 s')
    expect(formatDuration(0, en)).toBe('0 min')
    expect(formatDuration(Number('nonsense'), en)).toBe('0 min')
    expect(formatDuration(3600 * 30 + 60, { h: 'ч', min: 'мин', s: 'с' })).toBe('30 ч 1 мин')
  })

  it('shows a running clock', () => {
    expect(formatClock(0)).toBe('0:00:00')
    expect(formatClock(245)).toBe('0:04:05')
    expect(formatClock(43200)).toBe('12:00:00')
  })

  it('splits and joins the planned hours and minutes', () => {
    expect(splitHoursMinutes(5400)).toEqual({ hours: 1, minutes: 30 })
    expect(splitHoursMinutes(0)).toEqual({ hours: 0, minutes: 0 })
    expect(joinHoursMinutes('1', '30')).toBe(5400)
    expect(joinHoursMinutes('', 45)).toBe(2700)
    expect(joinHoursMinutes(-2, 'x')).toBe(0)
    expect(spentOfPlanned(1800, 5400, en)).toBe('30 min / 1 h 30 min')
    expect(spentOfPlanned(1800, 0, en)).toBe('30 min')
  })
})

describe('BB codes', () => {
  it('builds the mention the server reads', () => {
    expect(mentionCode('5', 'Anna Belova')).toBe('[USER=5]Anna Belova[/USER]')
    expect(mentionCode(7, 'Odd [name]')).toBe('[USER=7]Odd name[/USER]')
    expect(mentionedIds('Hi [USER=5]A[/USER] and [user=9]B[/user], [USER=5]A[/USER]')).toEqual([
      '5',
      '9',
    ])
  })

  it('writes the editor document as BB code', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hi ' },
            { type: 'mention', attrs: { id: '5', label: 'Anna Belova' } },
            { type: 'text', text: ', see ' },
            { type: 'text', text: 'this', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'link',
              marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }],
            },
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }],
            },
          ],
        },
        { type: 'paragraph' },
      ],
    }
    expect(docToBbcode(doc)).toBe(
      'Hi [USER=5]Anna Belova[/USER], see [B][I]this[/I][/B]\n[URL=https://example.com/a]link[/URL]\n[LIST][*]one[*]two[/LIST]',
    )
    expect(isEmptyDoc({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(true)
    expect(isEmptyDoc(doc)).toBe(false)
  })

  it('shows BB code as escaped HTML', () => {
    expect(bbcodeToHtml('<b>x</b> & [B]bold[/B]\nline')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; <b>bold</b><br>line',
    )
    expect(bbcodeToHtml('[USER=5]Anna[/USER]')).toBe(
      '<a href="/company/personal/user/5" class="mention" data-user="5">Anna</a>',
    )
    expect(bbcodeToHtml('[USER=5]Anna[/USER]', { editor: true })).toBe(
      '<span data-type="mention" data-id="5" data-label="Anna">@Anna</span>',
    )
    expect(bbcodeToHtml('[URL=javascript:alert(1)]x[/URL]')).toBe('x')
    expect(bbcodeToHtml('[URL]https://a.test/?q="1"[/URL]')).toBe(
      '<a href="https://a.test/?q=&quot;1&quot;" target="_blank" rel="noopener noreferrer">https://a.test/?q=&quot;1&quot;</a>',
    )
    expect(bbcodeToHtml('[LIST]\n[*]a\n[*][B]b[/LIST] after')).toBe(
      '<ul><li>a</li><li><b>b</b></li></ul> after',
    )
    expect(bbcodeToHtml('[CODE][B]raw[/B][/CODE]')).toBe('<pre><code>[B]raw[/B]</code></pre>')
    expect(bbcodeToHtml('[I]open')).toBe('<i>open</i>')
    expect(bbcodeToHtml('stray [/B] and [X]')).toBe('stray [/B] and [X]')
    expect(bbcodeToPlain('[B]Hi[/B] [USER=5]Ann[/USER]')).toBe('Hi Ann')
  })

  it('links only where the server would: no other site through a portal-looking path', () => {
    expect(bbcodeToHtml('[URL=/\\evil.test]x[/URL]')).toBe('x')
    expect(bbcodeToHtml('[URL=//evil.test]x[/URL]')).toBe('x')
    expect(bbcodeToHtml('[URL]/\\evil.test[/URL]')).toBe('/\\evil.test')
    expect(bbcodeToHtml('[URL="/tasks/1/"]Task[/URL]')).toBe(
      '<a href="/tasks/1/" target="_blank" rel="noopener noreferrer">Task</a>',
    )
  })
})

describe('task dates', () => {
  it('reads the portal wall clock from the string, whatever the browser zone', () => {
    expect(wallClock('2026-03-12T18:05:00+03:00')).toEqual({
      year: 2026,
      month: 3,
      day: 12,
      hour: 18,
      minute: 5,
    })
    expect(formatTaskDate('2026-03-12T18:05:00+03:00')).toBe('12.03.2026 18:05')
    expect(
      formatTaskDate('2026-03-12T18:05:00+03:00', { date: 'MM/DD/YYYY', time: 'H:MI T' }),
    ).toBe('03/12/2026 6:05 pm')
    expect(
      formatTaskDate('2026-03-12T00:00:00+03:00', undefined, { short: true, currentYear: 2026 }),
    ).toBe('12.03')
    expect(
      formatTaskDate(
        '2026-03-12T09:30:00Z',
        { date: 'YYYY-MM-DD', time: 'HH:MI' },
        { short: true, currentYear: 2026 },
      ),
    ).toBe('03-12 09:30')
    expect(formatTaskDate(null)).toBe('')
  })

  it('converts to and from the datetime input', () => {
    expect(toDateTimeInput('2026-03-12T18:05:00+03:00')).toBe('2026-03-12T18:05')
    expect(fromDateTimeInput('2026-03-12T18:05')).toBe('2026-03-12T18:05:00')
    expect(fromDateTimeInput('2026-03-12')).toBe('2026-03-12T00:00:00')
    expect(fromDateTimeInput('')).toBe('')
  })

  it('knows an overdue task and the week', () => {
    const now = Date.parse('2026-03-12T12:00:00Z')
    expect(isOverdue({ deadline: '2026-03-11T12:00:00Z', status: '3' }, now)).toBe(true)
    expect(isOverdue({ deadline: '2026-03-11T12:00:00Z', status: '5' }, now)).toBe(false)
    expect(isOverdue({ deadline: '2026-03-13T12:00:00Z', status: '2' }, now)).toBe(false)
    expect(isOverdue({ deadline: null, status: '2' }, now)).toBe(false)
    expect(weekRange(new Date(2026, 2, 12))).toEqual(['2026-03-09', '2026-03-15'])
    expect(weekRange(new Date(2026, 2, 15))).toEqual(['2026-03-09', '2026-03-15'])
    expect([1, 7].map((d) => weekdayName(d, 'en'))).toEqual(['Mon', 'Sun'])
    expect(monthName('12', 'en')).toBe('December')
  })
})

describe('task list filter and the address', () => {
  const now = new Date(2026, 2, 12, 10, 30, 0)

  it('keeps only what differs from the default in the address', () => {
    expect(toQuery(defaultState())).toEqual({})
    const s = {
      ...defaultState(),
      role: 'doing' as const,
      status: ['2', '3'],
      tags: ['SALES', 'NO'],
      deadline: 'range' as const,
      from: '2026-03-01',
      to: '2026-03-31',
      search: ' работа ',
      root: true,
      sort: 'DEADLINE' as const,
      dir: 'asc' as const,
    }
    const q = toQuery(s)
    expect(q).toEqual({
      role: 'doing',
      status: '2,3',
      tag: ['SALES', 'NO'],
      deadline: 'range',
      from: '2026-03-01',
      to: '2026-03-31',
      q: 'работа',
      root: '1',
      sort: 'DEADLINE',
      dir: 'asc',
    })
    expect(parseQuery(q)).toEqual({ ...s, search: 'работа' })
  })

  it('ignores what it does not understand', () => {
    const s = parseQuery({
      role: 'boss',
      status: ['9', '5'],
      responsible: 'x',
      sort: 'DROP TABLE',
      tag: 'SALES',
      counter: 'expired',
      from: '12.03.2026',
    })
    expect(s.role).toBe('all')
    expect(s.status).toEqual(['5'])
    expect(s.responsible).toBe('')
    expect(s.sort).toBe('ID')
    expect(s.tags).toEqual(['SALES'])
    expect(s.counter).toBe('expired')
    expect(s.from).toBe('')
  })

  it('builds the tasks.task.list filter of a tab, a counter and the panel', () => {
    expect(toApiFilter(defaultState(), '7', now)).toEqual({ '::SUBFILTER-ROLE': { MEMBER: 7 } })
    expect(toApiFilter({ ...defaultState(), role: 'assigned' }, '7', now)).toEqual({
      '::SUBFILTER-ROLE': { CREATED_BY: 7, '!RESPONSIBLE_ID': 7 },
    })
    expect(
      toApiFilter(
        {
          ...defaultState(),
          role: 'doing',
          counter: 'expired',
          status: ['3'],
          deadline: 'week',
          tags: ['SALES'],
          priority: '2',
          favorite: true,
          search: 'договор',
        },
        '7',
        now,
      ),
    ).toEqual({
      '::SUBFILTER-ROLE': { RESPONSIBLE_ID: 7, STATUS: -1 },
      REAL_STATUS: [3],
      '>=DEADLINE': '2026-03-09T00:00:00',
      '<=DEADLINE': '2026-03-15T23:59:59',
      TAG: ['SALES'],
      PRIORITY: 2,
      FAVORITE: 'Y',
      SEARCH_INDEX: 'договор',
    })
    expect(toApiFilter({ ...defaultState(), deadline: 'far' }, '7', now)['>=DEADLINE']).toBe(
      '2026-09-08T00:00:00',
    )
    expect(toApiFilter({ ...defaultState(), deadline: 'overdue' }, '7', now)).toMatchObject({
      '<DEADLINE': '2026-03-12T10:30:00',
      '@REAL_STATUS': [1, 2, 3],
    })
  })

  it('uses the same filters as the server counters', () => {
    expect(counterFilter('all', 'expired', '7')).toEqual({ DOER: 7, STATUS: -1 })
    expect(counterFilter('all', 'new_comments', '7')).toEqual({ MEMBER: 7, NEW_COMMENTS: 'Y' })
    expect(counterFilter('helping', 'not_viewed', '7')).toEqual({ ACCOMPLICE: 7, STATUS: -2 })
    expect(counterFilter('all', 'wait_ctrl', '7')).toEqual({
      CREATED_BY: 7,
      '!RESPONSIBLE_ID': 7,
      REAL_STATUS: 4,
    })
    expect(counterFilter('assigned', 'without_deadline', '7')).toEqual({
      CREATED_BY: 7,
      '!RESPONSIBLE_ID': 7,
      DEADLINE: '',
      REAL_STATUS: [1, 2, 3],
    })
  })

  it('orders by the clicked column and counts the set filters', () => {
    const s = defaultState()
    expect(toApiOrder(s)).toEqual({ ID: 'DESC' })
    const byDeadline = { ...s, ...nextSort(s, 'DEADLINE') }
    expect(byDeadline).toMatchObject({ sort: 'DEADLINE', dir: 'asc' })
    expect(toApiOrder(byDeadline)).toEqual({ DEADLINE: 'ASC', ID: 'DESC' })
    expect(nextSort(byDeadline, 'DEADLINE')).toEqual({ sort: 'DEADLINE', dir: 'desc' })
    expect(activeFilterCount({ ...s, tags: ['A'], root: true, search: 'x' })).toBe(2)
    expect(presetQuery({ ...s, deadline: 'far', counter: 'expired', sort: 'TITLE' })).toEqual({
      deadline: 'far',
    })
  })
})

describe('history lines', () => {
  const words: HistoryWords = {
    field: (f) => ({ DEADLINE: 'Deadline', RESPONSIBLE_ID: 'Responsible' })[f] ?? f,
    date: (iso) => formatTaskDate(iso, undefined, { short: true, currentYear: 2026 }),
    person: (id) => ({ '3': 'Anna', '4': 'Boris' })[id] ?? `#${id}`,
    status: (s) => `status ${s}`,
    priority: (p) => `priority ${p}`,
    mark: (m) => (m === 'P' ? 'positive' : 'negative'),
    flag: (on) => (on ? 'yes' : 'no'),
    duration: (s) => formatDuration(s, en),
    task: (id) => `#${id}`,
    none: '—',
  }
  const entry = (field: string, from: string | null, to: string | null, note?: string) =>
    ({
      id: 1,
      createdDate: '2026-03-12T10:00:00+03:00',
      field,
      value: { from, to },
      note,
      user: { id: 3, name: 'Anna', lastName: 'Belova', secondName: '', login: 'anna@x' },
    }) as HistoryEntry

  it('reads dates, people and time changes', () => {
    expect(
      describeHistory(
        entry('DEADLINE', '2026-03-12T00:00:00+03:00', '2026-03-15T00:00:00+03:00'),
        words,
      ),
    ).toMatchObject({ field: 'Deadline', from: '12.03', to: '15.03' })
    expect(describeHistory(entry('RESPONSIBLE_ID', '3', '4'), words)).toMatchObject({
      from: 'Anna',
      to: 'Boris',
    })
    expect(describeHistory(entry('AUDITORS', '', '3,4'), words)).toMatchObject({
      from: '—',
      to: 'Anna, Boris',
    })
    expect(
      describeHistory(entry('TIME_SPENT_IN_LOGS', '3600', '1800', 'too long'), words),
    ).toMatchObject({ from: '1 h', to: '30 min', note: 'too long' })
    expect(describeHistory(entry('CHECKLIST_ITEM_CREATE', '', 'point'), words)).toMatchObject({
      from: '',
      to: 'point',
    })
    expect(describeHistory(entry('NEW', null, null), words)).toMatchObject({ kind: 'event' })
    expect(noteReason('  too long ')).toBe('too long')
    expect(noteReason(undefined)).toBe('')
    expect(historyAuthor(entry('NEW', null, null).user)).toBe('Anna Belova')
  })

  it('counts the moves of the deadline', () => {
    expect(
      deadlineMoves([
        entry('DEADLINE', null, '2026-03-12T00:00:00Z'),
        entry('DEADLINE', '2026-03-12T00:00:00Z', '2026-03-15T00:00:00Z'),
        entry('TITLE', 'a', 'b'),
        entry('DEADLINE', '2026-03-15T00:00:00Z', '2026-03-16T00:00:00Z'),
      ]),
    ).toBe(2)
  })
})

describe('the task texts', () => {
  it('compile in every language (no stray @, { or |)', async () => {
    const { i18n } = await import('../../i18n')
    const en = (await import('../../i18n/tasks.en')).default
    const paths: string[] = []
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'object' && v !== null)
        for (const [k, child] of Object.entries(v)) walk(child, path ? `${path}.${k}` : k)
      else paths.push(path)
    }
    walk(en, 'tasks')
    for (const lang of ['en', 'ru', 'ro'] as const) {
      i18n.global.locale.value = lang
      for (const path of paths) {
        const text = i18n.global.t(path, { n: 2, name: 'X', time: '1:00', days: 'Mon' }, 2)
        expect(text, `${lang} ${path}`).not.toBe(path)
        expect(text, `${lang} ${path}`).not.toMatch(/[{}]/)
      }
    }
    i18n.global.locale.value = 'en'
  })
})
