import { useRouter } from 'vue-router'
import { isPortalPath, safeHref } from '../utils/bbcode'

/**
 * The click handler for HTML shown with v-html (a task's description, a comment): a link to a
 * path of the portal opens inside the app instead of reloading it. A click with a modifier key
 * (a new tab, a new window) stays the browser's.
 */
export function useInAppLinks(): (event: MouseEvent) => void {
  const router = useRouter()
  return (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    const link = (event.target as HTMLElement | null)?.closest('a')
    const href = safeHref(link?.getAttribute('href') ?? '')
    if (!href || !isPortalPath(href)) return
    event.preventDefault()
    void router.push(href.length > 1 ? href.replace(/\/$/, '') : href)
  }
}
