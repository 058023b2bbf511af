/** The company form (the studio's client companies): its fields and the FIELDS they send. */
import type { Company, CompanyFields } from '../../api/helpdesk'

export interface CompanyFormState {
  title: string
  /** The studio's employee answering for the company ('' for none). */
  responsible: string
  /** The client's project group ('' for none). */
  group: string
  comments: string
}

export function blankCompanyForm(responsible = ''): CompanyFormState {
  return { title: '', responsible, group: '', comments: '' }
}

const id = (value: string | null | undefined) => (value && value !== '0' ? String(value) : '')

export function companyFormOf(c: Company): CompanyFormState {
  return {
    title: c.TITLE ?? '',
    responsible: id(c.RESPONSIBLE_ID),
    group: id(c.GROUP_ID),
    comments: c.COMMENTS ?? '',
  }
}

/** FIELDS for helpdesk.company.add/update: a cleared group or responsible person is sent as 0. */
export function companyFields(s: CompanyFormState): CompanyFields {
  return {
    TITLE: s.title.trim(),
    RESPONSIBLE_ID: s.responsible ? Number(s.responsible) : 0,
    GROUP_ID: s.group ? Number(s.group) : 0,
    COMMENTS: s.comments.trim(),
  }
}
