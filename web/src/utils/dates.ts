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

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day `YYYY-MM-DD` of a moment. */
export function dayString(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function addDays(d: Date, days: number): Date {
  const r = new Date(d)
  r.setDate(r.getDate() + days)
  return r
}

/** Monday of the week holding `d`, at midnight. */
export function startOfWeek(d: Date): Date {
  const r = new Date(d.getFullYear(), d.getMonth(), d.getDate())
  const shift = (r.getDay() + 6) % 7
  r.setDate(r.getDate() - shift)
  return r
}

export type PeriodKind = 'thisWeek' | 'lastWeek' | 'thisMonth' | 'lastMonth' | 'custom'

/** The first and last day (inclusive) of a named period around `now`. */
export function periodRange(kind: Exclude<PeriodKind, 'custom'>, now: Date): [string, string] {
  if (kind === 'thisWeek' || kind === 'lastWeek') {
    const monday = addDays(startOfWeek(now), kind === 'lastWeek' ? -7 : 0)
    return [dayString(monday), dayString(addDays(monday, 6))]
  }
  const first = new Date(now.getFullYear(), now.getMonth() - (kind === 'lastMonth' ? 1 : 0), 1)
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0)
  return [dayString(first), dayString(last)]
}
