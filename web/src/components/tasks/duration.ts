/**
 * Durations of task time: seconds from the API shown as "1 h 30 min", a running timer as
 * "1:05:09", and the planned time typed as hours and minutes.
 */

/** The unit words of a language: `{ h: 'h', min: 'min', s: 's' }`. */
export interface DurationUnits {
  h: string
  min: string
  s: string
}

/**
 * "1 h 30 min", "45 min", "2 h"; under a minute "20 s" (or "0 min" for nothing at all).
 * Seconds count only below a minute: time entries are corrected to the minute.
 */
export function formatDuration(seconds: number, units: DurationUnits): string {
  const total = Math.max(0, Math.floor(Number(seconds) || 0))
  if (total === 0) return `0 ${units.min}`
  if (total < 60) return `${total} ${units.s}`
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const parts: string[] = []
  if (hours) parts.push(`${hours} ${units.h}`)
  if (minutes || !hours) parts.push(`${minutes} ${units.min}`)
  return parts.join(' ')
}

/** A running clock: "0:04:05", "12:00:00". */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number(seconds) || 0))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

/** Seconds as the form's two fields. */
export function splitHoursMinutes(seconds: number): { hours: number; minutes: number } {
  const total = Math.max(0, Math.round((Number(seconds) || 0) / 60))
  return { hours: Math.floor(total / 60), minutes: total % 60 }
}

/** The form's hours and minutes as seconds; empty or wrong input counts as 0. */
export function joinHoursMinutes(hours: unknown, minutes: unknown): number {
  const h = Math.max(0, Math.floor(Number(hours) || 0))
  const m = Math.max(0, Math.floor(Number(minutes) || 0))
  return h * 3600 + m * 60
}

/** "spent / planned" for a list row: "1 h 30 min / 2 h", or just the spent time. */
export function spentOfPlanned(spent: number, planned: number, units: DurationUnits): string {
  const a = formatDuration(spent, units)
  return planned > 0 ? `${a} / ${formatDuration(planned, units)}` : a
}
