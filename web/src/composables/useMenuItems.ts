import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { visibleSections, type Reach, type Section } from '../sections'
import { useFeedCounterStore } from '../stores/feedCounter'
import { useGroupsStore } from '../stores/groups'
import { useHelpdeskStore } from '../stores/helpdesk'
import { useSessionStore } from '../stores/session'

/** The left menu's entries for the person logged in, with the current one marked. */
export function useMenuItems() {
  const { t } = useI18n()
  const route = useRoute()
  const session = useSessionStore()
  const helpdesk = useHelpdeskStore()
  const groups = useGroupsStore()
  // The feed's entry carries the count of new entries, kept live by the counter store.
  const feedCounter = useFeedCounterStore()
  feedCounter.start()
  // The router read both before an outside person's first page; for an employee the desk's
  // role is the studio until the desk says otherwise.
  const reach = computed<Reach>(() => ({
    helpdesk: helpdesk.role,
    inGroups: groups.mine.length > 0,
  }))

  function isActive(section: Section): boolean {
    const path = route.path
    if (section.key === 'company') return path.startsWith('/company')
    if (section.key === 'settings') return path === '/settings' || path === '/settings/'
    return path === section.path || path.startsWith(section.path + '/')
  }

  return computed(() =>
    visibleSections(session.isAdmin, session.isExtranet, reach.value).map((section) => ({
      label: t(`sections.${section.key}.title`),
      icon: section.icon,
      to: section.path,
      active: isActive(section),
      'data-testid': `menu-${section.key}`,
      ...(section.key === 'feed' && feedCounter.label
        ? {
            badge: {
              label: feedCounter.label,
              'data-testid': 'menu-feed-counter',
              'data-count': feedCounter.count,
            },
          }
        : {}),
    })),
  )
}
