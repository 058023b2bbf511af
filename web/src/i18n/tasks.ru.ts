import type en from './tasks.en'

/** The task list, the task card and the task form (ru). */
const messages: typeof en = {
  title: 'Задачи',
  list: {
    title: 'Задачи',
  },
  card: {
    title: 'Задача',
  },
}

export default messages
