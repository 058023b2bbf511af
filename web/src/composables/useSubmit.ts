import { ref } from 'vue'

/**
 * Busy state and the error of one submit action. The error is kept as thrown;
 * FormError turns it into the sentence to show (the server's own words for a REST error).
 */
export function useSubmit() {
  const error = ref<unknown>(null)
  const busy = ref(false)

  async function run(action: () => Promise<void>): Promise<void> {
    error.value = null
    busy.value = true
    try {
      await action()
    } catch (e) {
      error.value = e
    } finally {
      busy.value = false
    }
  }

  return { error, busy, run }
}
