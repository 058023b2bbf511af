import { describe, expect, it } from 'vitest'
import { RestError } from '../../api/rest'
import type { BatchAnswer } from '../../api/batch'
import {
  bulkCommands,
  chunks,
  createPlan,
  parsePlan,
  planCommands,
  PLAN_LIMIT,
  runBulk,
  shiftDeadline,
  type BulkTarget,
} from './bulk'

type Commands = Record<string, [string, Record<string, unknown>]>

describe('chunks', () => {
  it('cuts into pieces of 50 keeping the order', () => {
    const items = Array.from({ length: 123 }, (_, i) => i)
    const pieces = chunks(items)
    expect(pieces.map((p) => p.length)).toEqual([50, 50, 23])
    expect(pieces.flat()).toEqual(items)
  })
  it('gives exactly one piece for 50 and none for nothing', () => {
    expect(chunks(Array(50).fill(0))).toHaveLength(1)
    expect(chunks(Array(51).fill(0)).map((p) => p.length)).toEqual([50, 1])
    expect(chunks([])).toEqual([])
  })
})

describe('shiftDeadline', () => {
  it('keeps the time of day and drops the offset for the portal to read in its zone', () => {
    expect(shiftDeadline('2026-03-12T18:30:00+03:00', 2)).toBe('2026-03-14T18:30:00')
    expect(shiftDeadline('2026-03-12T09:05:45+03:00', -3)).toBe('2026-03-09T09:05:45')
  })
  it('crosses month, year and leap day by the calendar', () => {
    expect(shiftDeadline('2026-01-30T10:00:00+03:00', 2)).toBe('2026-02-01T10:00:00')
    expect(shiftDeadline('2026-12-31T23:59:00+03:00', 1)).toBe('2027-01-01T23:59:00')
    expect(shiftDeadline('2028-02-28T12:00:00+00:00', 1)).toBe('2028-02-29T12:00:00')
    expect(shiftDeadline('2026-03-01T00:00:00+00:00', -1)).toBe('2026-02-28T00:00:00')
  })
  it('moves by days of the calendar across the days clocks change elsewhere', () => {
    // Moscow keeps +03:00 all year; the last Sunday of March (Europe) and the first of
    // November (America) change nothing in the answer: the same 18:00, two days on.
    expect(shiftDeadline('2026-03-28T18:00:00+03:00', 2)).toBe('2026-03-30T18:00:00')
    expect(shiftDeadline('2026-10-31T18:00:00+03:00', 2)).toBe('2026-11-02T18:00:00')
  })
  it('gives nothing for a task without a deadline', () => {
    expect(shiftDeadline(null, 2)).toBeNull()
    expect(shiftDeadline('', 2)).toBeNull()
    expect(shiftDeadline(undefined, 2)).toBeNull()
  })
  it('leaves the date alone for zero days', () => {
    expect(shiftDeadline('2026-03-12T18:00:00+03:00', 0)).toBe('2026-03-12T18:00:00')
  })
})

describe('parsePlan', () => {
  it('makes each non-empty line a task and drops bullets and numbers', () => {
    const plan = parsePlan('- Design\n\n1. Build\n2) Test\n* Ship\n   \n• Celebrate\n')
    expect(plan.lines.map((l) => l.title)).toEqual(['Design', 'Build', 'Test', 'Ship', 'Celebrate'])
    expect(plan.lines.every((l) => l.parent === null && l.depth === 0)).toBe(true)
    expect(plan.tooMany).toBe(false)
  })
  it('keeps numbers that are part of the title', () => {
    const plan = parsePlan('2026 budget\n3.5 hours of review\n10.Done')
    expect(plan.lines.map((l) => l.title)).toEqual([
      '2026 budget',
      '3.5 hours of review',
      '10.Done',
    ])
  })
  it('puts a line indented two spaces or a tab more under the line above', () => {
    const plan = parsePlan(
      ['Launch', '  - Site', '    1. Texts', '    2. Photos', '\tMail', '', '  Ads', 'Report'].join(
        '\n',
      ),
    )
    expect(plan.lines.map((l) => [l.title, l.depth, l.parent])).toEqual([
      ['Launch', 0, null],
      ['Site', 1, 0],
      ['Texts', 2, 1],
      ['Photos', 2, 1],
      ['Mail', 1, 0],
      ['Ads', 1, 0],
      ['Report', 0, null],
    ])
  })
  it('treats one extra space as the same level and a deeper jump as one level', () => {
    const plan = parsePlan('A\n B\n        C\n  D')
    expect(plan.lines.map((l) => [l.title, l.parent])).toEqual([
      ['A', null],
      ['B', null],
      ['C', 1],
      ['D', null],
    ])
  })
  it('starts indented text at the top level', () => {
    const plan = parsePlan('    A\n    B\n      C')
    expect(plan.lines.map((l) => [l.title, l.parent])).toEqual([
      ['A', null],
      ['B', null],
      ['C', 1],
    ])
  })
  it('reads Windows line ends', () => {
    expect(parsePlan('A\r\n  B\r\n').lines.map((l) => l.parent)).toEqual([null, 0])
  })
  it('takes up to 200 lines and says when there are more', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Task ${i + 1}`).join('\n')
    expect(PLAN_LIMIT).toBe(200)
    expect(parsePlan(lines(200)).tooMany).toBe(false)
    const over = parsePlan(lines(201) + '\n\n\n')
    expect(over.tooMany).toBe(true)
    expect(over.lines).toHaveLength(201)
    // Blank lines do not count.
    expect(parsePlan(lines(200) + '\n\n \n\t\n').tooMany).toBe(false)
  })
})

describe('planCommands and createPlan', () => {
  const lines = parsePlan('A\n  A1\n  A2\n    A2x\nB').lines

  it('refers to a parent made in the same request by $result', () => {
    const cmds = planCommands(lines, 0, lines.length, [], {
      parentId: '7',
      responsibleId: '3',
      deadline: '2026-04-01T18:00:00',
    })
    expect(Object.keys(cmds)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4'])
    expect(cmds.l0).toEqual([
      'tasks.task.add',
      {
        fields: {
          TITLE: 'A',
          PARENT_ID: '7',
          RESPONSIBLE_ID: '3',
          DEADLINE: '2026-04-01T18:00:00',
        },
      },
    ])
    expect((cmds.l1[1].fields as Record<string, unknown>).PARENT_ID).toBe('$result[l0][task][id]')
    expect((cmds.l3[1].fields as Record<string, unknown>).PARENT_ID).toBe('$result[l2][task][id]')
    expect((cmds.l4[1].fields as Record<string, unknown>).PARENT_ID).toBe('7')
  })

  it('uses the id of a parent made by an earlier request and skips one that was refused', () => {
    const cmds = planCommands(lines, 2, 5, ['10', '11', '', '', ''], { parentId: '7' })
    expect((cmds.l2[1].fields as Record<string, unknown>).PARENT_ID).toBe('10')
    expect((cmds.l3[1].fields as Record<string, unknown>).PARENT_ID).toBe('$result[l2][task][id]')
    const orphan = planCommands(lines, 3, 5, ['10', '11', '', '', ''], { parentId: '7' })
    expect(Object.keys(orphan)).toEqual(['l4'])
  })

  it('sends 50 lines a request, children of later requests under the ids made before', async () => {
    const text = Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? `P${i}` : `  C${i}`)).join(
      '\n',
    )
    const plan = parsePlan(text)
    const sent: Commands[] = []
    let next = 100
    const fake = async (commands: Commands): Promise<BatchAnswer<unknown>> => {
      sent.push(commands)
      const result: Record<string, unknown> = {}
      const made: Record<string, string> = {}
      for (const [key, [, params]] of Object.entries(commands)) {
        const fields = params.fields as Record<string, string>
        const ref = /^\$result\[(l\d+)\]/.exec(fields.PARENT_ID)
        if (ref && !made[ref[1]]) throw new Error(`reference before its command: ${ref[1]}`)
        made[key] = String(next++)
        result[key] = { task: { id: made[key] } }
      }
      return { result, error: {}, total: {} }
    }
    const out = await createPlan(plan.lines, { parentId: '1' }, fake)
    expect(sent.map((c) => Object.keys(c).length)).toEqual([50, 50, 20])
    expect(out.failed).toEqual([])
    expect(out.ids.every((id) => id !== '')).toBe(true)
    // C51..C59 belong to P50 made by the second request; C101 to P100 of the third.
    const third = sent[2]
    expect((third.l101[1].fields as Record<string, unknown>).PARENT_ID).toBe(
      '$result[l100][task][id]',
    )
    const second = sent[1]
    expect((second.l50[1].fields as Record<string, unknown>).PARENT_ID).toBe('1')
    expect((second.l51[1].fields as Record<string, unknown>).PARENT_ID).toBe(
      '$result[l50][task][id]',
    )
  })

  it('reports a refused line with the server sentence and its subtasks as not made', async () => {
    const fake = async (commands: Commands): Promise<BatchAnswer<unknown>> => {
      const result: Record<string, unknown> = {}
      const error: Record<string, RestError> = {}
      for (const key of Object.keys(commands)) {
        if (key === 'l2') error[key] = new RestError('ERROR_ARGUMENT', 'Title is too long.', 400)
        else if (key === 'l3')
          error[key] = new RestError('ERROR_ARGUMENT', 'Field PARENT_ID expects an id.', 400)
        else result[key] = { task: { id: `9${key.slice(1)}` } }
      }
      return { result, error, total: {} }
    }
    const out = await createPlan(lines, { parentId: '7' }, fake)
    expect(out.ids).toEqual(['90', '91', '', '', '94'])
    expect(out.failed).toEqual([
      { line: 2, title: 'A2', message: 'Title is too long.' },
      { line: 3, title: 'A2x', message: '', parentFailed: true },
    ])
  })
})

describe('bulkCommands and runBulk', () => {
  const targets: BulkTarget[] = [
    {
      id: '1',
      title: 'One',
      deadline: '2026-03-12T18:00:00+03:00',
      accomplices: ['5'],
      auditors: [],
      tags: ['Sales'],
    },
    { id: '2', title: 'Two', deadline: null, accomplices: [], auditors: ['6'], tags: [] },
  ]

  it('moves deadlines and skips tasks without one', () => {
    const plan = bulkCommands('shift', targets, { days: 2 })
    expect(plan.commands).toEqual([
      {
        taskId: '1',
        title: 'One',
        method: 'tasks.task.update',
        params: { taskId: '1', fields: { DEADLINE: '2026-03-14T18:00:00' } },
      },
    ])
    expect(plan.skipped.map((t) => t.id)).toEqual(['2'])
  })

  it('adds a person or a tag to what the task has', () => {
    const acc = bulkCommands('accomplice', targets, { userId: '7' }).commands
    expect(acc.map((c) => c.params.fields)).toEqual([
      { ACCOMPLICES: ['5', '7'] },
      { ACCOMPLICES: ['7'] },
    ])
    const aud = bulkCommands('auditor', targets, { userId: '6' }).commands
    expect(aud.map((c) => c.params.fields)).toEqual([{ AUDITORS: ['6'] }, { AUDITORS: ['6'] }])
    const tag = bulkCommands('tag', targets, { tag: ' sales ' }).commands
    expect(tag.map((c) => c.params.fields)).toEqual([{ TAGS: ['Sales'] }, { TAGS: ['sales'] }])
  })

  it('uses the ordinary method of each action', () => {
    const method = (kind: Parameters<typeof bulkCommands>[0]) =>
      bulkCommands(kind, targets, { userId: '3', deadline: '2026-05-01T10:00:00' }).commands.map(
        (c) => c.method,
      )
    expect(method('complete')).toEqual(['tasks.task.complete', 'tasks.task.complete'])
    expect(method('favorite')).toEqual(['tasks.task.favorite.add', 'tasks.task.favorite.add'])
    expect(method('delete')).toEqual(['tasks.task.delete', 'tasks.task.delete'])
    expect(method('responsible')).toEqual(['tasks.task.update', 'tasks.task.update'])
    expect(
      bulkCommands('deadline', targets, { deadline: '2026-05-01T10:00:00' }).commands[1],
    ).toEqual({
      taskId: '2',
      title: 'Two',
      method: 'tasks.task.update',
      params: { taskId: '2', fields: { DEADLINE: '2026-05-01T10:00:00' } },
    })
  })

  it('sends 50 a request and keeps each refusal with its sentence', async () => {
    const many: BulkTarget[] = Array.from({ length: 73 }, (_, i) => ({
      ...targets[1],
      id: String(i + 1),
      title: `T${i + 1}`,
    }))
    const sizes: number[] = []
    const fake = async (commands: Commands): Promise<BatchAnswer<unknown>> => {
      sizes.push(Object.keys(commands).length)
      const result: Record<string, unknown> = {}
      const error: Record<string, RestError> = {}
      for (const [key, [, params]] of Object.entries(commands)) {
        if (params.taskId === '60')
          error[key] = new RestError(
            'ACCESS_DENIED',
            'Action not allowed: you may not complete this task.',
            403,
          )
        else result[key] = { task: { id: params.taskId } }
      }
      return { result, error, total: {} }
    }
    const out = await runBulk('complete', bulkCommands('complete', many), fake)
    expect(sizes).toEqual([50, 23])
    expect(out.attempted).toBe(73)
    expect(out.done).toHaveLength(72)
    expect(out.failed).toEqual([
      {
        taskId: '60',
        title: 'T60',
        message: 'Action not allowed: you may not complete this task.',
      },
    ])
  })
})
