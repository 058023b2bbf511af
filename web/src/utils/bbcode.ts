/**
 * The BB codes of notices ([B], [I], [U], [S], [URL=…]…[/URL], [URL]…[/URL],
 * [USER=5]Name[/USER], [BR]) as a tree the bell renders with real elements — never as HTML, so
 * nothing typed can become markup. Unknown or broken tags stay as typed.
 *
 * Which addresses a link may have is decided here for every BB-code text the client shows
 * (notices, task descriptions), by the server's own rule.
 */

export type BbNode =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'style'; tag: 'b' | 'i' | 'u' | 's'; children: BbNode[] }
  | { kind: 'link'; href: string; children: BbNode[] }
  | { kind: 'user'; id: string; children: BbNode[] }
  /** A [URL] whose address is not safe: its words without the link. */
  | { kind: 'group'; children: BbNode[] }

const TAG = /^\[(\/?)([A-Za-z]{1,8})(?:=([^\]\n]{0,2048}))?\]/

/** A portal path ("/tasks/1/") or an http(s)/mailto address; "" for anything else. */
export function safeHref(link: string): string {
  const value = link.trim()
  if (/[\u0000-\u001f\u007f]/.test(value)) return ''
  if (/^(https?:\/\/|mailto:)/i.test(value)) return value
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value
  return ''
}

export function isPortalPath(href: string): boolean {
  return href.startsWith('/')
}

function unquote(value: string): string {
  const v = value.trim()
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0])
    return v.slice(1, -1).trim()
  return v
}

/** The address of `[URL=value]` (quotes around it allowed), when it is safe; "" otherwise. */
export function tagHref(value: string): string {
  return safeHref(unquote(value))
}

type Open = { name: string; node: BbNode & { children: BbNode[] } }

export function parseBb(text: string): BbNode[] {
  const root: BbNode[] = []
  const open: Open[] = []
  const target = (): BbNode[] => (open.length ? open[open.length - 1].node.children : root)
  const pushText = (s: string) => {
    if (!s) return
    const list = target()
    const last = list[list.length - 1]
    if (last && last.kind === 'text') last.text += s
    else list.push({ kind: 'text', text: s })
  }
  const inLink = () => open.some((o) => o.name === 'URL' || o.name === 'USER')

  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '\n') {
      target().push({ kind: 'br' })
      i++
      continue
    }
    if (ch !== '[') {
      const next = text.slice(i).search(/[[\n]/)
      const end = next < 0 ? text.length : i + next
      pushText(text.slice(i, end))
      i = end
      continue
    }
    const m = TAG.exec(text.slice(i))
    if (!m) {
      pushText('[')
      i++
      continue
    }
    const [whole, slash, rawName, rawValue] = m
    const name = rawName.toUpperCase()
    const closing = slash === '/'
    const hasValue = rawValue !== undefined
    if (closing) {
      const at = open.map((o) => o.name).lastIndexOf(name)
      if (at < 0) pushText(whole)
      else open.length = at
      i += whole.length
      continue
    }
    if (['B', 'I', 'U', 'S'].includes(name) && !hasValue) {
      const node = { kind: 'style' as const, tag: name.toLowerCase() as 'b', children: [] }
      target().push(node)
      open.push({ name, node })
      i += whole.length
    } else if (name === 'BR' && !hasValue) {
      target().push({ kind: 'br' })
      i += whole.length
    } else if (name === 'URL' && hasValue) {
      const href = tagHref(rawValue)
      if (href && !inLink()) {
        const node = { kind: 'link' as const, href, children: [] }
        target().push(node)
        open.push({ name, node })
      } else {
        // The words stay; the link goes. The group keeps [/URL] matching.
        const node = { kind: 'group' as const, children: [] }
        target().push(node)
        open.push({ name, node })
      }
      i += whole.length
    } else if (name === 'URL') {
      const rest = text.slice(i + whole.length)
      const close = rest.search(/\[\/url\]/i)
      if (close < 0) {
        pushText('[')
        i++
        continue
      }
      const inner = rest.slice(0, close)
      const href = safeHref(inner)
      if (href && !inLink())
        target().push({ kind: 'link', href, children: [{ kind: 'text', text: inner }] })
      else pushText(inner)
      i += whole.length + close + '[/URL]'.length
    } else if (name === 'USER' && hasValue && /^\d{1,18}$/.test(rawValue.trim()) && !inLink()) {
      const node = { kind: 'user' as const, id: rawValue.trim(), children: [] }
      target().push(node)
      open.push({ name, node })
      i += whole.length
    } else {
      pushText('[')
      i++
    }
  }
  return root
}

/** The words of a notice without its markup (titles, tooltips, tests). */
export function plainBb(text: string): string {
  const walk = (nodes: BbNode[]): string =>
    nodes
      .map((n) => (n.kind === 'text' ? n.text : n.kind === 'br' ? '\n' : walk(n.children)))
      .join('')
  return walk(parseBb(text))
}
