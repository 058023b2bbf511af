/** A post's text for the places that need it as words: emptiness, a title for a task. */
import { bbcodeToPlain } from '../tasks/bbcode'

/** Nothing but codes and spaces (the editor leaves "[B][/B]" or a blank line behind). */
export function isEmptyBbcode(text: string): boolean {
  return bbcodeToPlain(text) === ''
}

/** The first words of a text, at most `max` characters, cut at a word. */
export function excerpt(text: string, max = 80): string {
  const plain = bbcodeToPlain(text)
  if (plain.length <= max) return plain
  const cut = plain.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
