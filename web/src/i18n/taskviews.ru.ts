import en from './taskviews.en'

/** My Plan, Gantt, the deadline calendar and the reports (ru). */
const messages: typeof en = {
  ...en,
  tabs: {
    list: 'Список',
    plan: 'Мой план',
    gantt: 'Гант',
    calendar: 'Календарь',
    reports: 'Отчёты',
    templates: 'Шаблоны',
  },
}

export default messages
