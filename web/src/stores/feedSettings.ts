import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { feedApi, type FeedSettings } from '../api/feed'
import { useSessionStore } from './session'

/**
 * The feed's settings as they concern the person logged in (log.settings.get): whether they may
 * write to everyone (A8), and for the administrator who may. Read once per login.
 */
export const useFeedSettingsStore = defineStore('feedSettings', () => {
  const settings = ref<FeedSettings | null>(null)
  let loading: Promise<FeedSettings | null> | null = null

  watch(
    () => useSessionStore().user?.ID,
    () => {
      loading = null
      settings.value = null
    },
  )

  /** The settings; an unreadable answer means "not to everyone", which the server would refuse. */
  function ensure(): Promise<FeedSettings | null> {
    loading ??= feedApi
      .settings()
      .then((s) => (settings.value = s))
      .catch(() => {
        loading = null
        return null
      })
    return loading
  }

  async function save(everyoneAllowed: string[]): Promise<void> {
    await feedApi.saveSettings(everyoneAllowed)
    loading = null
    await ensure()
  }

  const canPostToEveryone = computed(() => settings.value?.CAN_POST_TO_EVERYONE === 'Y')

  return { settings, ensure, save, canPostToEveryone }
})
