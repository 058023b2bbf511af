import { describe, expect, it } from 'vitest'
import { i18n, LANGUAGES } from './index'
import en from './feed.en'

function leaves(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null) return [path]
  return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`))
}

describe("the feed's messages", () => {
  it.each(LANGUAGES)('compile and fill in their placeholders in %s', (lang) => {
    const t = i18n.global.t as (
      key: string,
      named: Record<string, unknown>,
      plural?: number,
    ) => string
    const named = { n: 2, name: 'Ann', date: '01.03', percent: 50, read: 1, total: 2 }
    i18n.global.locale.value = lang
    for (const key of leaves(en, 'feed')) {
      const text = t(key, named, 2)
      expect(text, key).not.toBe(key)
      expect(text, key).not.toMatch(/[{}]/)
    }
    i18n.global.locale.value = 'en'
  })
})
