/**
 * A ticket's details are plain text with links to the pages concerned (the seed asks for
 * them): the text cut into plain pieces and web addresses, so the card shows the addresses as
 * links without reading the text as HTML.
 */
export interface TextPart {
  text: string
  /** Set for a web address. */
  href?: string
}

const URL_RE = /https?:\/\/[^\s<>"']+/g
/** Punctuation after an address ends the sentence, not the address. */
const TRAILING = /[.,;:!?)\]»]+$/

export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const match of text.matchAll(URL_RE)) {
    const url = match[0].replace(TRAILING, '')
    const start = match.index ?? 0
    if (start > at) parts.push({ text: text.slice(at, start) })
    parts.push({ text: url, href: url })
    at = start + url.length
  }
  if (at < text.length) parts.push({ text: text.slice(at) })
  return parts
}
