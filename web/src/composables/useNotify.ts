import { useToast } from '@bitrix24/b24ui-nuxt/composables/useToast'
import { errorText } from '../api/errors'

/** Toasts for the outcome of an action. Errors always show the server's sentence. */
export function useNotify() {
  const toast = useToast()
  return {
    success(title: string, description?: string) {
      toast.add({ title, description, color: 'air-primary-success' })
    },
    error(error: unknown, title?: string) {
      toast.add({
        title: title ?? errorText(error),
        description: title ? errorText(error) : undefined,
        color: 'air-primary-alert',
      })
    },
  }
}
