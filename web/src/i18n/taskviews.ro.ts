import en from './taskviews.en'

/** My Plan, Gantt, the deadline calendar and the reports (ro). */
const messages: typeof en = {
  ...en,
  tabs: {
    list: 'Listă',
    plan: 'Planul meu',
    gantt: 'Gantt',
    calendar: 'Calendar',
    reports: 'Rapoarte',
    templates: 'Șabloane',
  },
}

export default messages
