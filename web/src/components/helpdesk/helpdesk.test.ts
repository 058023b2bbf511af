import { describe, expect, it } from 'vitest'
import type { Site } from '../../api/helpdesk'
import { blankCompanyForm, companyFields, companyFormOf } from './companyForm'
import { linkParts } from './linkText'
import { activeFilters, blankFilter, filterQuery, parseFilter, toApiFilter } from './ticketFilter'
import { blankTicketForm, needsSiteChoice, ticketFields } from './ticketForm'
import { clientMustAct, statusColor } from './ticketStatus'
import {
  dayRuns,
  desiredDateValue,
  formatHours,
  isOutsideHours,
  isoWeekday,
  normalTime,
} from './workHours'

const STUDIO_HOURS = { WORK_DAYS: [1, 2, 3, 4, 5], WORK_FROM: '10:00', WORK_TO: '19:00' }

describe('the studio hours', () => {
  it('numbers weekdays as the API does, Monday 1 to Sunday 7', () => {
    // 2 March 2026 was a Monday.
    expect(['2026-03-02', '2026-03-06', '2026-03-07', '2026-03-08'].map(isoWeekday)).toEqual([
      1, 5, 6, 7,
    ])
  })

  it('warns of a day off, or a time before the start or after the end of the day', () => {
    expect(isOutsideHours('2026-03-04', '12:00', STUDIO_HOURS)).toBe(false)
    expect(isOutsideHours('2026-03-04', '10:00', STUDIO_HOURS)).toBe(false)
    expect(isOutsideHours('2026-03-04', '19:00', STUDIO_HOURS)).toBe(false)
    expect(isOutsideHours('2026-03-04', '09:59', STUDIO_HOURS)).toBe(true)
    expect(isOutsideHours('2026-03-04', '19:30', STUDIO_HOURS)).toBe(true)
    expect(isOutsideHours('2026-03-07', '12:00', STUDIO_HOURS)).toBe(true)
    // A day alone means the end of that working day: only the day counts.
    expect(isOutsideHours('2026-03-04', '', STUDIO_HOURS)).toBe(false)
    expect(isOutsideHours('2026-03-08', '', STUDIO_HOURS)).toBe(true)
    // Nothing chosen, nothing to warn of.
    expect(isOutsideHours('', '23:00', STUDIO_HOURS)).toBe(false)
    // Days from the server may come as strings.
    const weekend = { WORK_DAYS: ['6', '7'], WORK_FROM: '9:00', WORK_TO: '13:00' }
    expect(isOutsideHours('2026-03-07', '09:30', weekend)).toBe(false)
    expect(isOutsideHours('2026-03-04', '09:30', weekend)).toBe(true)
  })

  it('sends the day alone, or the day and the time without an offset', () => {
    expect(desiredDateValue('2026-03-04', '')).toBe('2026-03-04')
    expect(desiredDateValue('2026-03-04', '9:05')).toBe('2026-03-04T09:05:00')
    expect(desiredDateValue('', '12:00')).toBe('')
    expect(normalTime('18:30:00')).toBe('18:30')
    expect(normalTime('later')).toBe('')
  })

  it('shows the hours as "Mon–Fri 10:00–19:00" in the reader’s language', () => {
    expect(dayRuns([1, 2, 3, 5, 6])).toEqual([
      [1, 3],
      [5, 6],
    ])
    expect(formatHours(STUDIO_HOURS, 'en')).toBe('Mon–Fri 10:00–19:00')
    expect(formatHours(STUDIO_HOURS, 'ru')).toBe('пн–пт 10:00–19:00')
    expect(formatHours({ ...STUDIO_HOURS, WORK_DAYS: [1, 2, 4] }, 'en')).toBe(
      'Mon, Tue, Thu 10:00–19:00',
    )
    expect(formatHours({ ...STUDIO_HOURS, WORK_DAYS: [] }, 'en')).toBe('')
  })
})

describe('the ticket list filter', () => {
  it('reads the address, keeping only what it knows', () => {
    const state = parseFilter({
      status: 'NEED_INFO',
      site: '3',
      priority: 'HIGH',
      company: 'x',
      responsible: ['7'],
      q: ' form ',
    })
    expect(state).toEqual({
      status: 'NEED_INFO',
      site: '3',
      priority: 'HIGH',
      company: '',
      responsible: '7',
      search: 'form',
    })
    expect(parseFilter({ status: 'CLOSED', priority: 'URGENT' })).toEqual(blankFilter())
    expect(filterQuery(state)).toEqual({
      status: 'NEED_INFO',
      site: '3',
      priority: 'HIGH',
      responsible: '7',
      q: 'form',
    })
    expect(activeFilters(state)).toBe(4)
  })

  it('asks the server for one status, or every one not accepted yet', () => {
    expect(toApiFilter({ ...blankFilter(), status: 'QUEUE', site: '3' }, false)).toEqual({
      STATUS: 'QUEUE',
      SITE_ID: 3,
    })
    expect(toApiFilter({ ...blankFilter(), status: 'OPEN' }, false)).toEqual({
      STATUS: ['QUEUE', 'IN_WORK', 'NEED_INFO', 'WAITING_ACCEPTANCE'],
    })
    expect(toApiFilter(blankFilter(), true)).toEqual({})
  })

  it('filters by company and responsible person for the studio only', () => {
    const state = { ...blankFilter(), company: '4', responsible: '9', search: 'logo' }
    expect(toApiFilter(state, true)).toEqual({ COMPANY_ID: 4, RESPONSIBLE_ID: 9, '%TITLE': 'logo' })
    expect(toApiFilter(state, false)).toEqual({ '%TITLE': 'logo' })
  })
})

describe('the new ticket form', () => {
  const site = (ID: string): Site => ({ ID, COMPANY_ID: '4', URL: `https://s${ID}.example` })

  it('asks for the site only when the company has more than one', () => {
    expect(needsSiteChoice([site('1')])).toBe(false)
    expect(needsSiteChoice([site('1'), site('2')])).toBe(true)
  })

  it('sends a client’s ticket without a company, with the only site and the date', () => {
    const form = {
      ...blankTicketForm('4', '12'),
      title: ' Fix the form ',
      description: 'The send button',
      day: '2026-03-04',
      time: '12:30',
      priority: 'HIGH' as const,
    }
    expect(ticketFields(form, false, [site('8')])).toEqual({
      TITLE: 'Fix the form',
      SITE_ID: 8,
      CONTACT_ID: 12,
      DESCRIPTION: 'The send button',
      DESIRED_DATE: '2026-03-04T12:30:00',
      PRIORITY: 'HIGH',
    })
  })

  it('sends the studio’s company and the chosen site; an empty title still goes', () => {
    const form = { ...blankTicketForm('4'), site: '2' }
    expect(ticketFields(form, true, [site('1'), site('2')])).toEqual({
      TITLE: '',
      COMPANY_ID: 4,
      SITE_ID: 2,
      PRIORITY: 'NORMAL',
    })
  })
})

describe('the company form', () => {
  it('sends a cleared responsible person or project as 0', () => {
    const form = { ...blankCompanyForm('3'), title: ' Alfa ', group: '' }
    expect(companyFields(form)).toEqual({
      TITLE: 'Alfa',
      RESPONSIBLE_ID: 3,
      GROUP_ID: 0,
      COMMENTS: '',
    })
    const company = {
      ID: '1',
      TITLE: 'Alfa',
      RESPONSIBLE_ID: '0',
      GROUP_ID: '7',
      COMMENTS: 'VIP',
      SITES: [],
      CONTACTS_COUNT: 0,
      TICKETS_OPEN: 0,
      CREATED_AT: '',
      UPDATED_AT: '',
    }
    expect(companyFormOf(company)).toEqual({
      title: 'Alfa',
      responsible: '',
      group: '7',
      comments: 'VIP',
    })
  })
})

describe('the ticket statuses', () => {
  it('marks the ones the client must act on, and colours each', () => {
    expect(['NEED_INFO', 'WAITING_ACCEPTANCE'].every(clientMustAct)).toBe(true)
    expect(['QUEUE', 'IN_WORK', 'ACCEPTED'].some(clientMustAct)).toBe(false)
    expect(statusColor('ACCEPTED')).toBe('air-primary-success')
    expect(statusColor('QUEUE')).toBe('air-secondary')
  })
})

describe('a ticket’s details', () => {
  it('shows web addresses as links, leaving the sentence’s punctuation out of them', () => {
    expect(linkParts('See https://shop.example/order?x=1, then http://a.example.')).toEqual([
      { text: 'See ' },
      { text: 'https://shop.example/order?x=1', href: 'https://shop.example/order?x=1' },
      { text: ', then ' },
      { text: 'http://a.example', href: 'http://a.example' },
      { text: '.' },
    ])
    expect(linkParts('javascript:alert(1) and no address')).toEqual([
      { text: 'javascript:alert(1) and no address' },
    ])
  })
})
