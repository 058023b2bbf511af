/** Dates for the task views: API values are ISO 8601 with an offset; the screen is local time. */
export { addDays, dayString, periodRange, startOfWeek, type PeriodKind } from '../../utils/dates'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** A moment as ISO 8601 with this browser's offset, e.g. `2026-12-01T09:00:00+02:00`. */
export function isoLocal(d: Date): string {
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** `YYYY-MM-DD` read as local midnight. */
export function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

export function parseApiDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** A deadline for the screen: the day and, unless it is midnight, the time. */
export function formatDeadline(value: string | null | undefined, locale: string): string {
  const d = parseApiDate(value)
  if (!d) return ''
  const sameYear = d.getFullYear() === new Date().getFullYear()
  const withTime = d.getHours() !== 0 || d.getMinutes() !== 0
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(d)
}

/** Hours as the reports show them: `12.5`. */
export function hoursText(seconds: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  }).format(seconds / 3600)
}
