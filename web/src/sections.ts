import type { FunctionalComponent, HTMLAttributes, VNodeProps } from 'vue'
import NewsfeedIcon from '@bitrix24/b24icons-vue/outline/NewsfeedIcon'
import TaskListIcon from '@bitrix24/b24icons-vue/outline/TaskListIcon'
import ChatsIcon from '@bitrix24/b24icons-vue/outline/ChatsIcon'
import ThreePersonsIcon from '@bitrix24/b24icons-vue/outline/ThreePersonsIcon'
import FolderIcon from '@bitrix24/b24icons-vue/outline/FolderIcon'
import CalendarIcon from '@bitrix24/b24icons-vue/outline/CalendarIcon'
import MailIcon from '@bitrix24/b24icons-vue/outline/MailIcon'
import CrmIcon from '@bitrix24/b24icons-vue/outline/CrmIcon'
import TimerIcon from '@bitrix24/b24icons-vue/outline/TimerIcon'
import BusinessProcessIcon from '@bitrix24/b24icons-vue/outline/BusinessProcessIcon'
import PulseIcon from '@bitrix24/b24icons-vue/outline/PulseIcon'
import HeadsetIcon from '@bitrix24/b24icons-vue/outline/HeadsetIcon'
import CompanyIcon from '@bitrix24/b24icons-vue/outline/CompanyIcon'
import SettingsIcon from '@bitrix24/b24icons-vue/outline/SettingsIcon'
import DeveloperResourcesIcon from '@bitrix24/b24icons-vue/outline/DeveloperResourcesIcon'
import type { HelpdeskRole } from './api/helpdesk'

/**
 * The left menu: every section of the feature catalogue. `built: false` sections open the
 * honest "not available yet" page until their issue lands.
 */
/** The kit's icon type (the b24icons are functional components). */
export type IconComponent = FunctionalComponent<HTMLAttributes & VNodeProps>

export interface Section {
  key: SectionKey
  path: string
  icon: IconComponent
  built: boolean
  /** Only the administrator sees it. */
  admin?: boolean
  /** Hidden from extranet (outside) users, who see only their groups. */
  employeesOnly?: boolean
  /** Shown to extranet (outside) users too: they use only their groups and their tasks. */
  extranet?: boolean
  /** The ticket desk: for the studio (employees) and its clients, not for other outside people. */
  helpdesk?: boolean
}

export type SectionKey =
  | 'feed'
  | 'tasks'
  | 'messenger'
  | 'workgroups'
  | 'drive'
  | 'calendar'
  | 'mail'
  | 'crm'
  | 'timeman'
  | 'bizproc'
  | 'pulse'
  | 'helpdesk'
  | 'company'
  | 'settings'
  | 'integrations'

export const SECTIONS: Section[] = [
  // Outside people have the feed too: the entries of their groups and those addressed to them.
  { key: 'feed', path: '/feed', icon: NewsfeedIcon, built: true, extranet: true },
  { key: 'tasks', path: '/tasks', icon: TaskListIcon, built: true, extranet: true },
  { key: 'messenger', path: '/messenger', icon: ChatsIcon, built: false },
  {
    key: 'workgroups',
    path: '/workgroups',
    icon: ThreePersonsIcon,
    built: true,
    extranet: true,
  },
  { key: 'drive', path: '/docs', icon: FolderIcon, built: false },
  { key: 'calendar', path: '/calendar', icon: CalendarIcon, built: false },
  { key: 'mail', path: '/mail', icon: MailIcon, built: false, employeesOnly: true },
  { key: 'crm', path: '/crm', icon: CrmIcon, built: false, employeesOnly: true },
  { key: 'timeman', path: '/timeman', icon: TimerIcon, built: false, employeesOnly: true },
  {
    key: 'bizproc',
    path: '/bizproc',
    icon: BusinessProcessIcon,
    built: false,
    employeesOnly: true,
  },
  { key: 'pulse', path: '/pulse', icon: PulseIcon, built: false, employeesOnly: true },
  { key: 'helpdesk', path: '/helpdesk', icon: HeadsetIcon, built: true, helpdesk: true },
  {
    key: 'company',
    path: '/company/structure',
    icon: CompanyIcon,
    built: true,
    employeesOnly: true,
  },
  { key: 'settings', path: '/settings', icon: SettingsIcon, built: true, admin: true },
  {
    key: 'integrations',
    path: '/settings/integrations',
    icon: DeveloperResourcesIcon,
    built: true,
    admin: true,
  },
]

/**
 * What a person is to the parts of the portal that depend on more than their account: their
 * role at the ticket desk ('' while not known yet) and, for an outside person, whether they are
 * in any group.
 */
export interface Reach {
  helpdesk: HelpdeskRole | ''
  inGroups: boolean
}

/** Until known: an employee is the studio, an outside person is in their groups. */
export const UNKNOWN_REACH: Reach = { helpdesk: '', inGroups: true }

/**
 * A client of the ticket desk who is in no group uses the desk only; in a group (a client's
 * project), they have its tasks too, as any outside person.
 */
function groupsOpen(reach: Reach): boolean {
  return reach.helpdesk !== 'client' || reach.inGroups
}

export function visibleSections(
  isAdmin: boolean,
  isExtranet: boolean,
  reach: Reach = UNKNOWN_REACH,
): Section[] {
  if (isExtranet)
    return SECTIONS.filter((section) =>
      section.helpdesk
        ? reach.helpdesk === 'client'
        : section.extranet && !section.admin && groupsOpen(reach),
    )
  return SECTIONS.filter(
    (section) => (!section.admin || isAdmin) && !(section.helpdesk && reach.helpdesk === 'none'),
  )
}

/** Views of the tasks section for employees only: reports and templates. */
const EMPLOYEE_TASK_VIEWS = ['/tasks/reports', '/tasks/templates']

const within = (path: string, base: string) => path === base || path.startsWith(`${base}/`)

/**
 * What an extranet person may open: the sections marked for them (but the employee views of
 * tasks), the ticket desk when they are its client, any person's profile (the server shows only
 * the people of their groups) and their own notification settings.
 */
export function extranetMayOpen(path: string, reach: Reach = UNKNOWN_REACH): boolean {
  if (path.startsWith('/company/personal/user/') || path.startsWith('/notifications/')) return true
  if (EMPLOYEE_TASK_VIEWS.some((p) => within(path, p))) return false
  return SECTIONS.some((s) =>
    s.helpdesk
      ? reach.helpdesk === 'client' && within(path, s.path)
      : s.extranet && groupsOpen(reach) && within(path, s.path),
  )
}

/** Where a logged-in person lands. Bitrix24 opens the feed. */
export const HOME_PATH = '/feed'
