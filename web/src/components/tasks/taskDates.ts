/**
 * Task dates. The API writes them in ISO 8601 with the portal's offset
 * ("2026-03-12T18:00:00+03:00") and reads dates without an offset in the portal's zone, so the
 * wall clock in the string is what people see and type — whatever zone the browser is in.
 */
import { addDays, dayString, periodRange } from '../../utils/dates'

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** The date and time written in an API date, as the portal's clock shows it. */
export function wallClock(iso: string | null | undefined): WallClock | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso ?? '')
  if (!m) return null
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The portal's formats (settings DATE_FORMAT, TIME_FORMAT). */
export interface DateFormats {
  date: string // DD.MM.YYYY, MM/DD/YYYY, YYYY-MM-DD, DD/MM/YYYY
  time: string // HH:MI, HH:MI:SS, H:MI T
}

export const DEFAULT_FORMATS: DateFormats = { date: 'DD.MM.YYYY', time: 'HH:MI' }

function dateText(c: WallClock, format: string, withYear: boolean): string {
  let f = format || DEFAULT_FORMATS.date
  if (!withYear) {
    // "DD.MM.YYYY" → "DD.MM", "YYYY-MM-DD" → "MM-DD", "MM/DD/YYYY" → "MM/DD".
    f = f.replace(/[./-]?YYYY[./-]?/, '')
  }
  return f.replace('YYYY', String(c.year)).replace('MM', pad(c.month)).replace('DD', pad(c.day))
}

function timeText(c: WallClock, format: string): string {
  const f = format || DEFAULT_FORMATS.time
  if (f.includes('T')) {
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12
    return `${h12}:${pad(c.minute)} ${c.hour < 12 ? 'am' : 'pm'}`
  }
  return `${pad(c.hour)}:${pad(c.minute)}`
}

export interface FormatOptions {
  /** Leave the year out when it is the current one ("12.03 18:00"). */
  short?: boolean
  /** Show the time of day (left out at midnight when `short`). */
  time?: boolean
  /** The current year, for `short` (defaults to now). */
  currentYear?: number
}

/** "12.03.2026 18:00" in the portal's formats; "" for no date. */
export function formatTaskDate(
  iso: string | null | undefined,
  formats: DateFormats = DEFAULT_FORMATS,
  options: FormatOptions = {},
): string {
  const c = wallClock(iso)
  if (!c) return ''
  const year = options.currentYear ?? new Date().getFullYear()
  const withYear = !options.short || c.year !== year
  const showTime = options.time !== false && !(options.short && c.hour === 0 && c.minute === 0)
  const d = dateText(c, formats.date, withYear)
  return showTime ? `${d} ${timeText(c, formats.time)}` : d
}

/** An API date as the value of `<input type="datetime-local">`. */
export function toDateTimeInput(iso: string | null | undefined): string {
  const c = wallClock(iso)
  if (!c) return ''
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`
}

/** The input's value for the API: no offset, so the portal reads it in its own zone. */
export function fromDateTimeInput(value: string | null | undefined): string {
  const v = (value ?? '').trim()
  if (!v) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00`
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(v)
  return m ? `${m[1]}T${m[2]}:${m[3]}:00` : v
}

/** Past its deadline and still open (pending, in progress). */
export function isOverdue(
  task: { deadline?: string | null; status?: string },
  now: number = Date.now(),
): boolean {
  if (!task.deadline) return false
  if (!['1', '2', '3'].includes(String(task.status ?? '2'))) return false
  const at = Date.parse(task.deadline)
  return Number.isFinite(at) && at < now
}

/** Monday and Sunday of the week `now` falls in, as `YYYY-MM-DD`. */
export function weekRange(now: Date): [string, string] {
  return periodRange('thisWeek', now)
}

/** The day `days` after `now`, as `YYYY-MM-DD`. */
export function daysAhead(now: Date, days: number): string {
  return dayString(addDays(now, days))
}

/** The local date and time of `now` without an offset ("2026-03-12T18:05:00"). */
export function localDateTime(now: Date): string {
  return `${dayString(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`
}

/** The short name of a weekday as the API numbers them, 1 (Monday) … 7 (Sunday). */
export function weekdayName(day: number | string, locale: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(
    new Date(2024, 0, Number(day)),
  )
}

/** The name of a month, 1 (January) … 12. */
export function monthName(month: number | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long' }).format(
    new Date(2024, Number(month) - 1, 1),
  )
}
