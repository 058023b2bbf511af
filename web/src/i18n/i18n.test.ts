import { describe, expect, it } from 'vitest'
import en from './en'
import ru from './ru'
import ro from './ro'
import { normalizeLanguage, romanianPlural, russianPlural } from './index'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function leaves(value: unknown): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = []
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) walk(child, path ? `${path}.${k}` : k)
    } else out.push([path, v])
  }
  walk(value, '')
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

describe('message catalogues', () => {
  const enKeys = keys(en).sort()

  it.each([
    ['ru', ru],
    ['ro', ro],
  ])('%s has exactly the English keys', (_name, catalogue) => {
    expect(keys(catalogue).sort()).toEqual(enKeys)
  })

  it.each([
    ['en', en],
    ['ru', ru],
    ['ro', ro],
  ])('%s has no empty message', (_name, catalogue) => {
    for (const [path, text] of leaves(catalogue)) {
      expect(typeof text, path).toBe('string')
      expect(String(text).trim(), path).not.toBe('')
    }
  })

  it('translations use the same placeholders as English', () => {
    const english = new Map(leaves(en))
    for (const catalogue of [ru, ro]) {
      for (const [path, text] of leaves(catalogue)) {
        const base = String(english.get(path))
        // Plural forms may drop {n} in a zero form; compare the set of names used anywhere.
        const want = [...new Set(placeholders(base))]
        const got = [...new Set(placeholders(String(text)))]
        expect(got, path).toEqual(want)
      }
    }
  })
})

describe('plural rules', () => {
  it('Russian: 1 сотрудник, 3 сотрудника, 5 сотрудников, 21 сотрудник, 11 сотрудников', () => {
    expect([1, 3, 5, 21, 11, 0].map((n) => russianPlural(n, 3))).toEqual([0, 1, 2, 0, 2, 2])
  })
  it('Romanian: 1 angajat, 2 angajați, 20 de angajați', () => {
    expect([1, 2, 19, 20, 101, 120].map((n) => romanianPlural(n, 3))).toEqual([0, 1, 1, 2, 1, 2])
  })
})

describe('normalizeLanguage', () => {
  it('maps browser and server codes to the three languages', () => {
    expect(normalizeLanguage('ru-RU')).toBe('ru')
    expect(normalizeLanguage('RO')).toBe('ro')
    expect(normalizeLanguage('en')).toBe('en')
    expect(normalizeLanguage('de')).toBeNull()
    expect(normalizeLanguage('')).toBeNull()
  })
})
