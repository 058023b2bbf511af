import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../../stores/session'
import type { DurationUnits } from './duration'
import { DEFAULT_FORMATS, type DateFormats } from './taskDates'

/** The portal's date formats and the reader's duration units, for the task views. */
export function useTaskFormats() {
  const { t } = useI18n()
  const session = useSessionStore()
  const formats = computed<DateFormats>(() => {
    const portal = (session.portal ?? {}) as { DATE_FORMAT?: string; TIME_FORMAT?: string }
    return {
      date: portal.DATE_FORMAT || DEFAULT_FORMATS.date,
      time: portal.TIME_FORMAT || DEFAULT_FORMATS.time,
    }
  })
  const units = computed<DurationUnits>(() => ({
    h: t('tasks.units.h'),
    min: t('tasks.units.min'),
    s: t('tasks.units.s'),
  }))
  return { formats, units }
}
