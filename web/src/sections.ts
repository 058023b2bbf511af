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
  { key: 'feed', path: '/stream', icon: NewsfeedIcon, built: false },
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
  { key: 'helpdesk', path: '/helpdesk', icon: HeadsetIcon, built: false },
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

export function visibleSections(isAdmin: boolean, isExtranet: boolean): Section[] {
  if (isExtranet) return SECTIONS.filter((section) => section.extranet && !section.admin)
  return SECTIONS.filter((section) => !section.admin || isAdmin)
}

/** Views of the tasks section for employees only: reports and templates. */
const EMPLOYEE_TASK_VIEWS = ['/tasks/reports', '/tasks/templates']

/**
 * What an extranet person may open: the sections marked for them (but the employee views of tasks), any person's profile (the
 * server shows only the people of their groups) and their own notification settings.
 */
export function extranetMayOpen(path: string): boolean {
  if (path.startsWith('/company/personal/user/') || path.startsWith('/notifications/')) return true
  if (EMPLOYEE_TASK_VIEWS.some((p) => path === p || path.startsWith(`${p}/`))) return false
  return SECTIONS.some((s) => s.extranet && (path === s.path || path.startsWith(`${s.path}/`)))
}

/** Where a logged-in person lands. Bitrix24 opens the feed. */
export const HOME_PATH = '/stream'
