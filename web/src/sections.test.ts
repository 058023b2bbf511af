import { describe, expect, it } from 'vitest'
import { extranetMayOpen, visibleSections } from './sections'
import { defaultState, toApiFilter } from './components/tasks/taskFilter'
import { groupFields } from './components/workgroups/groupForm'

describe('what an extranet person is shown', () => {
  it('has only the feed of their groups, workgroups and tasks in the menu', () => {
    expect(visibleSections(false, true).map((s) => s.key)).toEqual(['feed', 'tasks', 'workgroups'])
    expect(visibleSections(false, false).map((s) => s.key)).toContain('company')
  })

  it('opens their groups, tasks, profiles and notification settings, nothing else', () => {
    for (const path of [
      '/feed',
      '/feed/',
      '/workgroups',
      '/workgroups/group/3/tasks/board/',
      '/tasks/task/view/5',
      '/company/personal/user/9',
      '/notifications/settings',
    ])
      expect(extranetMayOpen(path), path).toBe(true)
    for (const path of [
      '/stream',
      '/company/employees',
      '/company/structure',
      '/settings',
      '/crm',
      '/tasks/reports',
    ])
      expect(extranetMayOpen(path), path).toBe(false)
  })
})

describe('the ticket desk in the shell', () => {
  const client = { helpdesk: 'client' as const, inGroups: false }

  it('shows a client the desk only, and their tasks and groups once they are in a group', () => {
    expect(visibleSections(false, true, client).map((s) => s.key)).toEqual(['helpdesk'])
    const inGroup = visibleSections(false, true, { ...client, inGroups: true }).map((s) => s.key)
    expect(inGroup).toEqual(expect.arrayContaining(['tasks', 'workgroups', 'helpdesk']))
    expect(extranetMayOpen('/helpdesk', client)).toBe(true)
    expect(extranetMayOpen('/helpdesk/ticket/5', client)).toBe(true)
    expect(extranetMayOpen('/company/personal/user/3', client)).toBe(true)
    expect(extranetMayOpen('/tasks', client)).toBe(false)
    expect(extranetMayOpen('/workgroups', client)).toBe(false)
  })

  it('keeps it from an outside person who is no client, and from an employee of no role', () => {
    const other = { helpdesk: 'none' as const, inGroups: true }
    // What any outside person has, without the desk.
    expect(visibleSections(false, true, other).map((s) => s.key)).toEqual(
      visibleSections(false, true).map((s) => s.key),
    )
    expect(visibleSections(false, true, other).map((s) => s.key)).not.toContain('helpdesk')
    expect(extranetMayOpen('/helpdesk', other)).toBe(false)
    expect(extranetMayOpen('/helpdesk')).toBe(false)
    // An employee is the studio: the desk shows until the server says otherwise.
    expect(visibleSections(false, false).map((s) => s.key)).toContain('helpdesk')
    expect(visibleSections(false, false, other).map((s) => s.key)).not.toContain('helpdesk')
  })
})

describe("a group's task list", () => {
  it('keeps to the group, and "All" is every task of it, not only mine', () => {
    const now = new Date(2026, 0, 5)
    const all = toApiFilter(defaultState(), '4', now, '7')
    expect(all).toEqual({ GROUP_ID: 7 })
    const doing = toApiFilter({ ...defaultState(), role: 'doing' }, '4', now, '7')
    expect(doing).toEqual({ '::SUBFILTER-ROLE': { RESPONSIBLE_ID: 4 }, GROUP_ID: 7 })
    expect(toApiFilter(defaultState(), '4', now)).toEqual({ '::SUBFILTER-ROLE': { MEMBER: 4 } })
  })
})

describe('the group form', () => {
  it('sends a project its dates and a workgroup none', () => {
    const base = {
      name: ' Site ',
      description: '',
      dateStart: '2026-02-01',
      dateFinish: '2026-03-31',
      visible: false,
      opened: true,
      extranet: true,
    }
    expect(groupFields({ ...base, project: true })).toMatchObject({
      NAME: 'Site',
      PROJECT: 'Y',
      PROJECT_DATE_START: '2026-02-01T00:00:00',
      PROJECT_DATE_FINISH: '2026-03-31T00:00:00',
      VISIBLE: 'N',
      OPENED: 'Y',
      IS_EXTRANET: 'Y',
    })
    expect(groupFields({ ...base, project: false })).toMatchObject({
      PROJECT: 'N',
      PROJECT_DATE_START: '',
      PROJECT_DATE_FINISH: '',
    })
  })
})
