import type { Group, GroupFields, YesNo } from '../../api/groups'
import { toDateInput } from '../../utils/dates'

/** What the group form edits, in the form's own terms (switches, `YYYY-MM-DD` dates). */
export interface GroupFormState {
  name: string
  description: string
  project: boolean
  dateStart: string
  dateFinish: string
  visible: boolean
  opened: boolean
  extranet: boolean
}

export function blankGroupForm(): GroupFormState {
  return {
    name: '',
    description: '',
    project: false,
    dateStart: '',
    dateFinish: '',
    visible: true,
    opened: false,
    extranet: false,
  }
}

export function groupFormOf(g: Group): GroupFormState {
  return {
    name: g.NAME,
    description: g.DESCRIPTION ?? '',
    project: g.PROJECT === 'Y',
    dateStart: toDateInput(g.PROJECT_DATE_START),
    dateFinish: toDateInput(g.PROJECT_DATE_FINISH),
    visible: g.VISIBLE === 'Y',
    opened: g.OPENED === 'Y',
    extranet: g.IS_EXTRANET === 'Y',
  }
}

const yn = (on: boolean): YesNo => (on ? 'Y' : 'N')

/** The API fields of a form: a project's dates as the portal's own midnight, none for a group. */
export function groupFields(s: GroupFormState): GroupFields {
  return {
    NAME: s.name.trim(),
    DESCRIPTION: s.description,
    PROJECT: yn(s.project),
    PROJECT_DATE_START: s.project && s.dateStart ? `${s.dateStart}T00:00:00` : '',
    PROJECT_DATE_FINISH: s.project && s.dateFinish ? `${s.dateFinish}T00:00:00` : '',
    VISIBLE: yn(s.visible),
    OPENED: yn(s.opened),
    IS_EXTRANET: yn(s.extranet),
  }
}
