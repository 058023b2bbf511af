/** The `YYYY-MM-DD` part of an API date, for `<input type="date">`. */
export function toDateInput(value: string | null | undefined): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '')
  return match ? match[1] : ''
}

/** A calendar date (no time of day) in the reader's language, e.g. "31 May 1990". */
export function formatDate(value: string | null | undefined, locale: string): string {
  const day = toDateInput(value)
  if (!day) return value ?? ''
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}
