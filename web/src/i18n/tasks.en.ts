/** The task list, the task card and the task form (en). */
export default {
  title: 'Tasks',
  list: {
    title: 'Tasks',
  },
  card: {
    title: 'Task',
  },
}
