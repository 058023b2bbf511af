import { describe, expect, it } from 'vitest'
import { phpQuery } from '../../api/batch'
import type { Task } from '../../api/tasks'
import { addDays, dayString, isoLocal, periodRange, startOfWeek } from './dates'
import { base64Bytes } from './download'
import { listFilter } from './filters'
import {
  bitrixLinkType,
  dragFields,
  ganttItem,
  ganttLink,
  ganttLinkType,
  type GanttItem,
} from './gantt'
import { taskState } from './taskState'

function task(fields: Partial<Task>): Task {
  return {
    id: '1',
    title: 'A task',
    status: '2',
    parentId: null,
    createdDate: '2026-03-02T10:00:00+00:00',
    deadline: null,
    startDatePlan: null,
    endDatePlan: null,
    ...fields,
  } as Task
}

describe('batch commands', () => {
  it('writes parameters in PHP nesting, keys and values escaped', () => {
    expect(
      phpQuery({
        filter: { DOER: 1, '!REAL_STATUS': 5, ID: [3, 4] },
        order: { PLAN_SORT: 'ASC' },
        select: ['ID', 'TITLE'],
        start: 50,
      }),
    ).toBe(
      'filter%5BDOER%5D=1&filter%5B!REAL_STATUS%5D=5&filter%5BID%5D%5B%5D=3&filter%5BID%5D%5B%5D=4' +
        '&order%5BPLAN_SORT%5D=ASC&select%5B%5D=ID&select%5B%5D=TITLE&start=50',
    )
    expect(phpQuery({ q: 'a&b=c d', yes: true, none: null, skip: undefined })).toBe(
      'q=a%26b%3Dc%20d&yes=Y&none=',
    )
  })
})

describe('dates', () => {
  it('writes local moments with their offset', () => {
    const d = new Date(2026, 2, 5, 9, 7, 3)
    const text = isoLocal(d)
    expect(text).toMatch(/^2026-03-05T09:07:03[+-]\d{2}:\d{2}$/)
    expect(new Date(text).getTime()).toBe(d.getTime())
  })
  it('names periods from Monday and whole months', () => {
    const wednesday = new Date(2026, 11, 2, 15)
    expect(dayString(startOfWeek(wednesday))).toBe('2026-11-30')
    expect(periodRange('thisWeek', wednesday)).toEqual(['2026-11-30', '2026-12-06'])
    expect(periodRange('lastWeek', wednesday)).toEqual(['2026-11-23', '2026-11-29'])
    expect(periodRange('thisMonth', wednesday)).toEqual(['2026-12-01', '2026-12-31'])
    expect(periodRange('lastMonth', wednesday)).toEqual(['2026-11-01', '2026-11-30'])
    expect(periodRange('lastMonth', new Date(2026, 0, 15))).toEqual(['2025-12-01', '2025-12-31'])
    expect(dayString(addDays(new Date(2026, 1, 28), 1))).toBe('2026-03-01')
  })
})

describe('task state', () => {
  const now = Date.parse('2026-03-10T12:00:00Z')
  it('tells completed, awaiting, overdue and active tasks apart', () => {
    expect(taskState(task({ status: '5', deadline: '2026-03-01T00:00:00Z' }), now)).toBe(
      'completed',
    )
    expect(taskState(task({ status: '4' }), now)).toBe('awaiting')
    expect(taskState(task({ status: '3', deadline: '2026-03-09T00:00:00Z' }), now)).toBe('overdue')
    expect(taskState(task({ status: '2', deadline: '2026-03-11T00:00:00Z' }), now)).toBe('active')
    expect(taskState(task({ status: '6' }), now)).toBe('deferred')
    // Deferred work past its deadline is not late, as the list and the server see it.
    expect(taskState(task({ status: '6', deadline: '2026-03-09T00:00:00Z' }), now)).toBe('deferred')
  })
})

describe('Gantt', () => {
  it('maps the four link types both ways', () => {
    for (const t of [0, 1, 2, 3]) expect(bitrixLinkType(ganttLinkType(t))).toBe(t)
    // Bitrix24 2 (finish-start) is dhtmlx 0 (finish_to_start).
    expect(ganttLinkType('2')).toBe('0')
    expect(ganttLink({ taskIdFrom: '3', taskIdTo: '7', linkType: '0' })).toEqual({
      id: '3-7',
      source: '3',
      target: '7',
      type: '1',
    })
  })

  it('draws planned dates, else creation to deadline, else one day from creation', () => {
    const shown = new Set(['1', '2'])
    const planned = ganttItem(
      task({
        id: '2',
        parentId: '1',
        startDatePlan: '2026-03-03T09:00:00Z',
        endDatePlan: '2026-03-05T18:00:00Z',
      }),
      shown,
    )
    expect(planned.source).toBe('plan')
    expect(planned.parent).toBe('1')
    expect(planned.start_date.toISOString()).toBe('2026-03-03T09:00:00.000Z')
    const byDeadline = ganttItem(task({ deadline: '2026-03-06T18:00:00Z', parentId: '9' }), shown)
    expect(byDeadline.source).toBe('deadline')
    expect(byDeadline.parent).toBe(0)
    expect(byDeadline.start_date.toISOString()).toBe('2026-03-02T10:00:00.000Z')
    expect(byDeadline.end_date.toISOString()).toBe('2026-03-06T18:00:00.000Z')
    const undated = ganttItem(task({}), shown)
    expect(undated.source).toBe('none')
    expect(undated.end_date.getTime() - undated.start_date.getTime()).toBe(86400_000)
    // A deadline before the creation still gives a bar that ends on the deadline.
    const early = ganttItem(task({ deadline: '2026-03-01T10:00:00Z' }), shown)
    expect(early.end_date.toISOString()).toBe('2026-03-01T10:00:00.000Z')
    expect(early.start_date.getTime()).toBeLessThan(early.end_date.getTime())
  })

  it('writes plan dates, or the deadline when only the end of a deadline bar moved', () => {
    const before = {
      start: new Date('2026-03-02T10:00:00Z'),
      end: new Date('2026-03-06T18:00:00Z'),
    }
    const resized = { start: before.start, end: new Date('2026-03-08T18:00:00Z') }
    const moved = { start: new Date('2026-03-03T10:00:00Z'), end: new Date('2026-03-07T18:00:00Z') }
    expect(Object.keys(dragFields('deadline', before, resized))).toEqual(['DEADLINE'])
    expect(new Date(dragFields('deadline', before, resized).DEADLINE).getTime()).toBe(
      resized.end.getTime(),
    )
    expect(Object.keys(dragFields('deadline', before, moved))).toEqual([
      'START_DATE_PLAN',
      'END_DATE_PLAN',
    ])
    expect(Object.keys(dragFields('plan', before, resized))).toEqual([
      'START_DATE_PLAN',
      'END_DATE_PLAN',
    ])
    const item: Partial<GanttItem> = ganttItem(task({}), new Set())
    expect(Object.keys(dragFields(item.source!, before, moved))).toContain('START_DATE_PLAN')
  })
})

describe('view filters', () => {
  it('turns role, status, tag and search into tasks.task.list filters', () => {
    expect(listFilter({ role: 'all', status: 'active', tag: '', search: '' }, '7')).toEqual({
      MEMBER: '7',
      '!REAL_STATUS': 5,
    })
    expect(
      listFilter({ role: 'accomplice', status: 'overdue', tag: 'NO', search: 'отчёт' }, '7'),
    ).toEqual({ ACCOMPLICE: '7', STATUS: -1, TAG: 'NO', SEARCH_INDEX: 'отчёт' })
    expect(listFilter({ role: 'everything', status: 'any', tag: '', search: '' }, '7')).toEqual({})
  })
})

describe('export', () => {
  it('decodes the base64 workbook to its bytes', () => {
    expect([...base64Bytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04])
  })
})
