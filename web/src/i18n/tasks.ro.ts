import type en from './tasks.en'

/** The task list, the task card and the task form (ro). */
const messages: typeof en = {
  title: 'Sarcini',
  list: {
    title: 'Sarcini',
  },
  card: {
    title: 'Sarcină',
  },
}

export default messages
