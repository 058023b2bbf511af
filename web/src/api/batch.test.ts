import { describe, expect, it } from 'vitest'
import { phpQuery, tasksByIds, type BatchCommand } from './batch'
import { RestError } from './rest'
import type { Task } from './tasks'

/** A stand-in for `batch`: every list command finds the tasks of its ids the filter allows. */
function recorder(allowed: (id: number, filter: Record<string, unknown>) => boolean) {
  const requests: Array<Record<string, BatchCommand>> = []
  const run = async (commands: Record<string, BatchCommand>) => {
    requests.push(commands)
    const result: Record<string, { tasks: Task[] }> = {}
    for (const [key, [, params]] of Object.entries(commands)) {
      const filter = params.filter as Record<string, unknown>
      const ids = filter.ID as number[]
      result[key] = {
        tasks: ids.filter((id) => allowed(id, filter)).map((id) => ({ id: String(id) }) as Task),
      }
    }
    return { result, error: {}, total: {} }
  }
  return { requests, run }
}

describe('tasksByIds', () => {
  it('reads many tasks under several filters in one request, 50 ids a command', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => String(i + 1))
    const { requests, run } = recorder((id, filter) => !filter.TAG || id % 2 === 0)
    const found = await tasksByIds(
      [...ids, '7'],
      { mine: { filter: { TAG: ['X'] }, select: ['ID'] }, now: { select: ['ID'] } },
      run,
    )
    expect(requests).toHaveLength(1)
    const commands = Object.values(requests[0])
    expect(commands).toHaveLength(6)
    expect(commands.every(([method, p]) => method === 'tasks.task.list' && p.start === -1)).toBe(
      true,
    )
    expect(commands.map(([, p]) => (p.filter as { ID: number[] }).ID.length)).toEqual([
      50, 50, 50, 50, 20, 20,
    ])
    expect(found.now).toHaveLength(120)
    expect(found.mine).toHaveLength(60)
    expect(found.mine.every((t) => Number(t.id) % 2 === 0)).toBe(true)
  })

  it('takes as many requests as 50 commands each need', async () => {
    const ids = Array.from({ length: 1300 }, (_, i) => i + 1)
    const { requests, run } = recorder(() => true)
    const found = await tasksByIds(ids, { a: {}, b: {} }, run)
    expect(requests.map((r) => Object.keys(r).length)).toEqual([50, 2])
    expect(found.a).toHaveLength(1300)
    expect(found.b).toHaveLength(1300)
  })

  it("throws a command's refusal", async () => {
    const refusal = new RestError('ACCESS_DENIED', 'No.', 400)
    await expect(
      tasksByIds(['1'], { a: {} }, async () => ({ result: {}, error: { q0: refusal }, total: {} })),
    ).rejects.toBe(refusal)
  })

  it('writes parameters as PHP nesting', () => {
    expect(phpQuery({ filter: { ID: [1, 2], '!REAL_STATUS': 5 }, start: -1 })).toBe(
      'filter%5BID%5D%5B%5D=1&filter%5BID%5D%5B%5D=2&filter%5B!REAL_STATUS%5D=5&start=-1',
    )
  })
})
