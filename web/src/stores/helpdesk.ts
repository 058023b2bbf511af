import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { helpdeskApi, type HelpdeskSettings, type WorkHours } from '../api/helpdesk'
import { useSessionStore } from './session'

/** The desk's defaults, shown until the server's settings arrive. */
export const DEFAULT_HOURS: WorkHours = {
  WORK_DAYS: [1, 2, 3, 4, 5],
  WORK_FROM: '10:00',
  WORK_TO: '19:00',
}

/**
 * What the ticket desk is to the person logged in (helpdesk.settings.get): their role (studio,
 * client, none), a client's company, and the studio's working hours. Read once per login; the
 * shell, the landing page and every desk page ask it.
 */
export const useHelpdeskStore = defineStore('helpdesk', () => {
  const settings = ref<HelpdeskSettings | null>(null)
  let loading: Promise<HelpdeskSettings | null> | null = null

  // Whose role this is depends on who is logged in.
  watch(
    () => useSessionStore().user?.ID,
    () => {
      loading = null
      settings.value = null
    },
  )

  /** The settings, read once; null when they could not be read (the desk then stays hidden). */
  function ensure(): Promise<HelpdeskSettings | null> {
    if (!loading)
      loading = helpdeskApi
        .settings()
        .then((s) => (settings.value = s))
        .catch(() => {
          loading = null
          return null
        })
    return loading
  }

  async function refresh(): Promise<HelpdeskSettings | null> {
    loading = null
    return ensure()
  }

  const role = computed(() => settings.value?.ROLE ?? '')
  const isClient = computed(() => role.value === 'client')
  const isStudio = computed(() => role.value === 'studio')
  const hours = computed<WorkHours>(() => settings.value ?? DEFAULT_HOURS)
  const companyId = computed(() => {
    const id = String(settings.value?.COMPANY_ID ?? '')
    return id === '0' ? '' : id
  })

  return { settings, role, isClient, isStudio, hours, companyId, ensure, refresh }
})
