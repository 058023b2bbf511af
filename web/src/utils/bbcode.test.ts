import { describe, expect, it } from 'vitest'
import { parseBb, plainBb, safeHref } from './bbcode'

describe('BB codes of notices', () => {
  it('keeps plain text as one node', () => {
    expect(parseBb('Hello <b>there</b>')).toEqual([{ kind: 'text', text: 'Hello <b>there</b>' }])
  })

  it('nests styles and closes what was left open', () => {
    expect(parseBb('[B]a[I]b[/I][/B]c')).toEqual([
      {
        kind: 'style',
        tag: 'b',
        children: [
          { kind: 'text', text: 'a' },
          { kind: 'style', tag: 'i', children: [{ kind: 'text', text: 'b' }] },
        ],
      },
      { kind: 'text', text: 'c' },
    ])
    expect(plainBb('[b][i]x')).toBe('x')
  })

  it('makes links only to the portal, http(s) and mailto', () => {
    expect(parseBb('[URL=/tasks/1/]Task[/URL]')).toEqual([
      { kind: 'link', href: '/tasks/1/', children: [{ kind: 'text', text: 'Task' }] },
    ])
    expect(parseBb('[url]https://a.test/x[/url]')).toEqual([
      {
        kind: 'link',
        href: 'https://a.test/x',
        children: [{ kind: 'text', text: 'https://a.test/x' }],
      },
    ])
    const unsafe = parseBb('[URL=javascript:alert(1)]click[/URL]')
    expect(JSON.stringify(unsafe)).not.toContain('javascript')
    expect(plainBb('[URL=javascript:alert(1)]click[/URL]')).toBe('click')
    expect(safeHref('//evil.test')).toBe('')
    expect(safeHref('/\\evil.test')).toBe('')
  })

  it('links a mentioned person', () => {
    expect(parseBb('[USER=5]Ann[/USER] wrote')).toEqual([
      { kind: 'user', id: '5', children: [{ kind: 'text', text: 'Ann' }] },
      { kind: 'text', text: ' wrote' },
    ])
  })

  it('leaves unknown and broken tags as typed, and breaks lines', () => {
    expect(plainBb('[QUOTE]x[/QUOTE] [B')).toBe('[QUOTE]x[/QUOTE] [B')
    expect(plainBb('stray [/B] closer')).toBe('stray [/B] closer')
    expect(parseBb('a\nb[BR]c').filter((n) => n.kind === 'br')).toHaveLength(2)
  })
})
