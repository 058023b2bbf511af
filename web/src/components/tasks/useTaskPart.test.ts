import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import { useTaskPart } from './useTaskPart'

describe('a part of the task card', () => {
  it('keeps the latest read when an older answer comes last', async () => {
    const answers: Array<(items: string[]) => void> = []
    const props = reactive({ taskId: '1', revision: 0 })
    const scope = effectScope()
    const part = scope.run(() =>
      useTaskPart(props, () => new Promise<string[]>((resolve) => answers.push(resolve))),
    )!
    expect(answers).toHaveLength(1)
    props.revision++
    await nextTick()
    expect(answers).toHaveLength(2)
    answers[1](['new'])
    await nextTick()
    answers[0](['old'])
    await nextTick()
    expect(part.items.value).toEqual(['new'])
    expect(part.loaded.value).toBe(true)
    scope.stop()
  })

  it('shows nothing when the read fails', async () => {
    const props = reactive({ taskId: '1', revision: 0 })
    const scope = effectScope()
    const part = scope.run(() => useTaskPart(props, () => Promise.reject(new Error('no'))))!
    await nextTick()
    await nextTick()
    expect(part.items.value).toEqual([])
    expect(part.loaded.value).toBe(true)
    scope.stop()
  })
})
