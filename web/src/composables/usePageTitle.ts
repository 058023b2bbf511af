import { watchEffect } from 'vue'
import { usePageStore } from '../stores/page'
import { useSessionStore } from '../stores/session'

export function usePageTitle(title: () => string): void {
  const page = usePageStore()
  const session = useSessionStore()
  watchEffect(() => {
    page.title = title()
    document.title = page.title ? `${page.title} · ${session.portalName}` : session.portalName
  })
}
