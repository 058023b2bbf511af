import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { visibleSections, type Section } from '../sections'
import { useSessionStore } from '../stores/session'

/** The left menu's entries for the person logged in, with the current one marked. */
export function useMenuItems() {
  const { t } = useI18n()
  const route = useRoute()
  const session = useSessionStore()

  function isActive(section: Section): boolean {
    const path = route.path
    if (section.key === 'company') return path.startsWith('/company')
    if (section.key === 'settings') return path === '/settings' || path === '/settings/'
    return path === section.path || path.startsWith(section.path + '/')
  }

  return computed(() =>
    visibleSections(session.isAdmin, session.isExtranet).map((section) => ({
      label: t(`sections.${section.key}.title`),
      icon: section.icon,
      to: section.path,
      active: isActive(section),
      'data-testid': `menu-${section.key}`,
    })),
  )
}
