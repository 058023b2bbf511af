import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useDebouncedWatch } from './useDebouncedWatch'

describe('useDebouncedWatch', () => {
  afterEach(() => vi.useRealTimers())

  it('acts once the value has rested, with the last value, and not after the scope ends', async () => {
    vi.useFakeTimers()
    const search = ref('')
    const seen: string[] = []
    const scope = effectScope()
    scope.run(() => useDebouncedWatch(search, (v) => seen.push(v), 300))
    search.value = 'a'
    await nextTick()
    vi.advanceTimersByTime(200)
    search.value = 'ab'
    await nextTick()
    vi.advanceTimersByTime(299)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual(['ab'])

    search.value = 'abc'
    await nextTick()
    scope.stop()
    vi.advanceTimersByTime(1000)
    expect(seen).toEqual(['ab'])
  })
})
