import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { extranetMayOpen, HOME_PATH, SECTIONS } from '../sections'
import { HELPDESK_PATH } from '../components/helpdesk/paths'
import { extranetReach, landingPath } from './landing'
import { useHelpdeskStore } from '../stores/helpdesk'
import { useSessionStore } from '../stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean
    /** Only for the administrator. */
    admin?: boolean
    /** Stays reachable whether or not someone is logged in (invitation links). */
    anyone?: boolean
    /** A view of the ticket desk for the studio only (its board, its client companies). */
    studio?: boolean
  }
}

const unbuilt: RouteRecordRaw[] = SECTIONS.filter((section) => !section.built).map((section) => ({
  path: section.path.replace(/^\//, '') + '/:rest(.*)*',
  name: `section-${section.key}`,
  component: () => import('../pages/NotAvailablePage.vue'),
  props: { section: section.key },
}))

const routes: RouteRecordRaw[] = [
  {
    path: '/setup',
    name: 'setup',
    component: () => import('../pages/SetupPage.vue'),
    meta: { public: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('../pages/LoginPage.vue'),
    meta: { public: true },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('../pages/RegisterPage.vue'),
    meta: { public: true },
  },
  {
    path: '/invite/:token',
    name: 'invite',
    component: () => import('../pages/InvitePage.vue'),
    meta: { public: true, anyone: true },
    props: true,
  },
  {
    path: '/',
    component: () => import('../layouts/PortalShell.vue'),
    children: [
      { path: '', redirect: HOME_PATH },
      ...unbuilt,
      { path: 'feed', name: 'feed', component: () => import('../pages/feed/FeedPage.vue') },
      { path: 'tasks', name: 'tasks', component: () => import('../pages/tasks/TaskListPage.vue') },
      {
        path: 'tasks/task/view/:id',
        name: 'task',
        component: () => import('../pages/tasks/TaskPage.vue'),
        props: true,
      },
      {
        path: 'tasks/task/new',
        name: 'task-new',
        component: () => import('../pages/tasks/TaskFormPage.vue'),
      },
      {
        path: 'tasks/task/edit/:id',
        name: 'task-edit',
        component: () => import('../pages/tasks/TaskFormPage.vue'),
        props: true,
      },
      {
        path: 'tasks/plan',
        name: 'task-plan',
        component: () => import('../pages/tasks/MyPlanPage.vue'),
      },
      {
        path: 'tasks/gantt',
        name: 'task-gantt',
        component: () => import('../pages/tasks/GanttPage.vue'),
      },
      {
        path: 'tasks/calendar',
        name: 'task-calendar',
        component: () => import('../pages/tasks/TaskCalendarPage.vue'),
      },
      {
        path: 'tasks/reports',
        name: 'task-reports',
        component: () => import('../pages/tasks/TaskReportsPage.vue'),
      },
      {
        path: 'tasks/templates',
        name: 'task-templates',
        component: () => import('../pages/tasks/TemplatesPage.vue'),
      },
      {
        path: 'helpdesk',
        name: 'helpdesk',
        component: () => import('../pages/helpdesk/TicketListPage.vue'),
      },
      {
        path: 'helpdesk/new',
        name: 'ticket-new',
        component: () => import('../pages/helpdesk/TicketNewPage.vue'),
      },
      {
        path: 'helpdesk/ticket/:id',
        name: 'ticket',
        component: () => import('../pages/helpdesk/TicketPage.vue'),
        props: true,
      },
      {
        path: 'helpdesk/board',
        name: 'ticket-board',
        component: () => import('../pages/helpdesk/TicketBoardPage.vue'),
        meta: { studio: true },
      },
      {
        path: 'helpdesk/companies',
        name: 'helpdesk-companies',
        component: () => import('../pages/helpdesk/CompaniesPage.vue'),
        meta: { studio: true },
      },
      {
        path: 'helpdesk/companies/:id',
        name: 'helpdesk-company',
        component: () => import('../pages/helpdesk/CompanyPage.vue'),
        props: true,
        meta: { studio: true },
      },
      {
        path: 'workgroups',
        name: 'workgroups',
        component: () => import('../pages/workgroups/GroupListPage.vue'),
      },
      {
        path: 'workgroups/group/:id',
        component: () => import('../pages/workgroups/GroupPage.vue'),
        props: true,
        children: [
          { path: '', name: 'group', redirect: (to) => `/workgroups/group/${to.params.id}/tasks/` },
          {
            path: 'feed',
            name: 'group-feed',
            component: () => import('../pages/workgroups/GroupFeedPage.vue'),
          },
          {
            path: 'tasks',
            name: 'group-tasks',
            component: () => import('../pages/workgroups/GroupTasksPage.vue'),
          },
          {
            path: 'tasks/board',
            name: 'group-board',
            component: () => import('../pages/workgroups/GroupBoardPage.vue'),
          },
          {
            path: 'tasks/gantt',
            name: 'group-gantt',
            component: () => import('../pages/workgroups/GroupGanttPage.vue'),
          },
          {
            path: 'members',
            name: 'group-members',
            component: () => import('../pages/workgroups/GroupMembersPage.vue'),
          },
          {
            path: 'settings',
            name: 'group-settings',
            component: () => import('../pages/workgroups/GroupSettingsPage.vue'),
          },
        ],
      },
      { path: 'company', redirect: '/company/structure' },
      {
        path: 'company/structure',
        name: 'structure',
        component: () => import('../pages/StructurePage.vue'),
      },
      {
        path: 'company/employees',
        name: 'employees',
        component: () => import('../pages/EmployeesPage.vue'),
      },
      {
        path: 'company/personal/user/:id',
        name: 'profile',
        component: () => import('../pages/ProfilePage.vue'),
        props: true,
      },
      {
        path: 'notifications/settings',
        name: 'notification-settings',
        component: () => import('../pages/NotificationSettingsPage.vue'),
      },
      {
        path: 'settings',
        name: 'settings',
        component: () => import('../pages/SettingsPage.vue'),
        meta: { admin: true },
      },
      {
        path: 'settings/integrations',
        name: 'integrations',
        component: () => import('../pages/IntegrationsPage.vue'),
        meta: { admin: true },
      },
      {
        path: ':path(.*)*',
        name: 'not-found',
        component: () => import('../pages/NotFoundPage.vue'),
      },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to, from) => {
  const session = useSessionStore()
  await session.bootstrap()

  if (to.meta.anyone) return true
  if (session.status === 'error') return true
  if (session.status === 'setup') return to.name === 'setup' ? true : { name: 'setup' }
  if (to.name === 'setup') return session.status === 'ready' ? HOME_PATH : { name: 'login' }

  if (session.status !== 'ready') {
    if (to.meta.public) {
      if (to.name === 'register' && session.portal?.SELF_REGISTRATION !== 'Y')
        return { name: 'login' }
      return true
    }
    const redirect = to.fullPath === '/' ? undefined : to.fullPath
    return { name: 'login', query: redirect ? { redirect } : {} }
  }

  if (to.meta.public) return landingPath()
  // The start page reached by logging in or by the portal's bare address: an outside person
  // lands where they work (their desk or board); the feed stays theirs from the menu.
  if (
    session.isExtranet &&
    to.path === HOME_PATH &&
    (from.meta.public || to.redirectedFrom?.path === '/')
  )
    return landingPath()
  if (to.meta.admin && !session.isAdmin) return landingPath()
  // An outside client has no start page of the portal: they land on the ticket desk or on their
  // group's board.
  if (session.isExtranet && !extranetMayOpen(to.path, await extranetReach())) return landingPath()
  if (to.path === HELPDESK_PATH || to.path.startsWith(`${HELPDESK_PATH}/`)) {
    // The desk is the studio's and its clients'; its board and companies are the studio's.
    const settings = await useHelpdeskStore().ensure()
    if (!settings || settings.ROLE === 'none') return landingPath()
    if (to.meta.studio && settings.ROLE !== 'studio') return HELPDESK_PATH
  }
  return true
})
