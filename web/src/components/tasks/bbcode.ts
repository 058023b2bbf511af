/**
 * Bitrix24 BB codes in the browser: the editor's document (tiptap JSON) written as the text the
 * API stores — `[B]`, `[I]`, `[U]`, `[S]`, `[URL=…]`, `[LIST][*]`, `[QUOTE]`, `[CODE]` and
 * mentions as `[USER=5]Name[/USER]` — and that text read back as safe HTML, to show or to edit.
 */
import { safeHref, tagHref } from '../../utils/bbcode'
import { escapeHtml } from '../../utils/html'

/** The code the server reads as a mention: it tells the person and adds them as an observer. */
export function mentionCode(id: string | number, name: string): string {
  const label = String(name).replace(/[[\]]/g, '').trim() || String(id)
  return `[USER=${String(id).replace(/\D/g, '')}]${label}[/USER]`
}

/** The people a text mentions, in order, without repeats. */
export function mentionedIds(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/\[USER=(\d+)\]/gi)) if (!out.includes(m[1])) out.push(m[1])
  return out
}

/** A node of the editor's JSON document (tiptap / ProseMirror). */
export interface DocNode {
  type?: string
  text?: string
  attrs?: Record<string, unknown>
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
  content?: DocNode[]
}

const MARK_CODES: Record<string, string> = {
  bold: 'B',
  italic: 'I',
  underline: 'U',
  strike: 'S',
  code: 'CODE',
}

function inline(node: DocNode): string {
  switch (node.type) {
    case 'text': {
      let out = node.text ?? ''
      const marks = node.marks ?? []
      for (const code of ['code', 'strike', 'underline', 'italic', 'bold']) {
        if (marks.some((m) => m.type === code))
          out = `[${MARK_CODES[code]}]${out}[/${MARK_CODES[code]}]`
      }
      const link = marks.find((m) => m.type === 'link')
      const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : ''
      if (href) out = `[URL=${href.replace(/\]/g, '%5D')}]${out}[/URL]`
      return out
    }
    case 'mention':
      return mentionCode(String(node.attrs?.id ?? ''), String(node.attrs?.label ?? ''))
    case 'hardBreak':
      return '\n'
    case 'image':
      return typeof node.attrs?.src === 'string' ? `[URL]${node.attrs.src}[/URL]` : ''
    default:
      return (node.content ?? []).map(inline).join('')
  }
}

function block(node: DocNode): string {
  const children = node.content ?? []
  switch (node.type) {
    case 'doc':
      return children.map(block).join('\n')
    case 'bulletList':
    case 'orderedList':
      return (
        '[LIST]' +
        children.map((item) => '[*]' + (item.content ?? []).map(block).join('\n').trim()).join('') +
        '[/LIST]'
      )
    case 'blockquote':
      return `[QUOTE]${children.map(block).join('\n')}[/QUOTE]`
    case 'codeBlock':
      return `[CODE]${children.map((c) => c.text ?? '').join('')}[/CODE]`
    case 'horizontalRule':
      return '----'
    default:
      return children.map(inline).join('')
  }
}

/** The editor's document as BB code: paragraphs on their own lines, trailing blank lines cut. */
export function docToBbcode(doc: DocNode | null | undefined): string {
  if (!doc) return ''
  return block(doc.type ? doc : { type: 'doc', content: [doc] }).replace(/\s+$/, '')
}

/** True when the document holds nothing but whitespace. */
export function isEmptyDoc(doc: DocNode | null | undefined): boolean {
  return docToBbcode(doc).trim() === ''
}

interface Open {
  name: string
  close: string
}

const TAG = /\[(\/?)(B|I|U|S|URL|USER|QUOTE|CODE|LIST|\*)(?:=([^\]]*))?\]/gi

export interface BbHtmlOptions {
  /** For the editor: mentions as tiptap's `<span data-type="mention">`, not profile links. */
  editor?: boolean
}

/**
 * BB code as HTML in which every character of the text is escaped; only the known codes become
 * tags. Unknown codes and stray closing codes stay text; codes left open close at the end.
 */
export function bbcodeToHtml(text: string, options: BbHtmlOptions = {}): string {
  const source = String(text ?? '')
  let out = ''
  const stack: Open[] = []
  let last = 0
  let inCode = false
  let inList = 0

  const emitText = (t: string) => {
    if (!t) return
    let s = escapeHtml(t)
    // Inside a list, the new lines between points are layout, not text.
    if (inList && !inCode) s = s.replace(/^\s*\n|\n\s*$/g, '')
    out += inCode ? s : s.replace(/\r?\n/g, '<br>')
  }

  const closeTo = (index: number) => {
    while (stack.length > index) {
      const top = stack.pop()!
      out += top.close
      if (top.name === 'LIST') inList--
    }
  }

  TAG.lastIndex = 0
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    const [whole, slash, rawName, arg] = m
    const name = rawName.toUpperCase()
    if (inCode && !(slash && name === 'CODE')) continue
    emitText(source.slice(last, m.index))
    last = m.index + whole.length

    if (slash) {
      const at = stack.map((o) => o.name).lastIndexOf(name)
      if (at < 0) {
        emitText(whole)
        continue
      }
      // A point of a list is closed by the end of its list.
      if (name === 'LIST') {
        while (stack.length > at + 1 && stack[stack.length - 1].name === '*')
          closeTo(stack.length - 1)
      }
      closeTo(at)
      if (name === 'CODE') inCode = false
      continue
    }

    switch (name) {
      case 'B':
      case 'I':
      case 'U':
      case 'S': {
        const tag = name.toLowerCase()
        out += `<${tag}>`
        stack.push({ name, close: `</${tag}>` })
        break
      }
      case 'URL': {
        let url: string
        if (arg !== undefined) {
          url = tagHref(arg)
        } else {
          // [URL]https://…[/URL]: the text is the address.
          const end = source.toUpperCase().indexOf('[/URL]', last)
          url = end >= 0 ? safeHref(source.slice(last, end)) : ''
        }
        if (url) {
          out += `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">`
          stack.push({ name, close: '</a>' })
        } else {
          stack.push({ name, close: '' })
        }
        break
      }
      case 'USER': {
        const id = (arg ?? '').replace(/\D/g, '')
        const end = source.toUpperCase().indexOf('[/USER]', last)
        const label = end >= 0 ? source.slice(last, end) : ''
        if (!id || end < 0) {
          emitText(whole)
          break
        }
        out += options.editor
          ? `<span data-type="mention" data-id="${id}" data-label="${escapeHtml(label)}">@${escapeHtml(label)}</span>`
          : `<a href="/company/personal/user/${id}" class="mention" data-user="${id}">${escapeHtml(label)}</a>`
        last = end + '[/USER]'.length
        TAG.lastIndex = last
        break
      }
      case 'QUOTE':
        out += '<blockquote>'
        stack.push({ name, close: '</blockquote>' })
        break
      case 'CODE':
        out += '<pre><code>'
        stack.push({ name, close: '</code></pre>' })
        inCode = true
        break
      case 'LIST':
        out += '<ul>'
        stack.push({ name, close: '</ul>' })
        inList++
        break
      case '*': {
        const listAt = stack.map((o) => o.name).lastIndexOf('LIST')
        if (listAt < 0) {
          emitText(whole)
          break
        }
        closeTo(listAt + 1)
        out += '<li>'
        stack.push({ name, close: '</li>' })
        break
      }
    }
  }
  emitText(source.slice(last))
  closeTo(0)
  return out
}

/** The text without codes, for previews: "[B]Hi[/B] [USER=5]Ann[/USER]" → "Hi Ann". */
export function bbcodeToPlain(text: string): string {
  return String(text ?? '')
    .replace(TAG, '')
    .replace(/\s+/g, ' ')
    .trim()
}
