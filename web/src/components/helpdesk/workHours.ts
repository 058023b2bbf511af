/**
 * The studio's working hours (M7): shown to clients as "Mon–Fri 10:00–19:00", and a desired
 * date checked against them before a ticket is saved. Dates are the portal's wall clock, as the
 * API reads a date without an offset.
 */
import type { WorkHours } from '../../api/helpdesk'
import { weekdayName } from '../tasks/taskDates'

/** The weekday of a `YYYY-MM-DD` day as the API numbers them: 1 (Monday) … 7 (Sunday). */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  const js = new Date(y, m - 1, d).getDay()
  return js === 0 ? 7 : js
}

export function workDays(hours: WorkHours): number[] {
  return [...new Set((hours.WORK_DAYS ?? []).map(Number))]
    .filter((d) => d >= 1 && d <= 7)
    .sort((a, b) => a - b)
}

/** "HH:MM" of a time typed or stored ("9:05" → "09:05"); '' when it is not a time. */
export function normalTime(value: string | null | undefined): string {
  const m = /^(\d{1,2}):(\d{2})/.exec((value ?? '').trim())
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : ''
}

/**
 * Whether a desired date falls outside the working hours: on a day off, or at a time before
 * WORK_FROM or after WORK_TO. A day without a time means the end of that working day, so only
 * the day counts. No day: nothing to warn about.
 */
export function isOutsideHours(day: string, time: string, hours: WorkHours): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  if (!workDays(hours).includes(isoWeekday(day))) return true
  const at = normalTime(time)
  if (!at) return false
  const from = normalTime(hours.WORK_FROM) || '00:00'
  const to = normalTime(hours.WORK_TO) || '23:59'
  return at < from || at > to
}

/** The desired date for the API: the day alone, or the day and the time (no offset). */
export function desiredDateValue(day: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return ''
  const at = normalTime(time)
  return at ? `${day}T${at}:00` : day
}

/** Runs of consecutive days: [1,2,3,4,5] → [[1,5]], [1,3,4] → [[1,1],[3,4]]. */
export function dayRuns(days: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  for (const d of days) {
    const last = runs.at(-1)
    if (last && d === last[1] + 1) last[1] = d
    else runs.push([d, d])
  }
  return runs
}

/** "Mon–Fri 10:00–19:00" in the reader's language; '' when no day is a working day. */
export function formatHours(hours: WorkHours, locale: string): string {
  const days = workDays(hours)
  if (!days.length) return ''
  const name = (d: number) => weekdayName(d, locale)
  const text = dayRuns(days)
    .map(([a, b]) =>
      a === b ? name(a) : b === a + 1 ? `${name(a)}, ${name(b)}` : `${name(a)}–${name(b)}`,
    )
    .join(', ')
  return `${text} ${normalTime(hours.WORK_FROM)}–${normalTime(hours.WORK_TO)}`
}
