/** My Plan, Gantt, the deadline calendar and the reports (en). */
export default {
  tabs: {
    list: 'List',
    plan: 'My Plan',
    gantt: 'Gantt',
    calendar: 'Calendar',
    reports: 'Reports',
    templates: 'Templates',
  },
}
