/**
 * The tasks API as the web client uses it (see ../../docs/api-tasks.md). Shapes are Bitrix24's:
 * task objects in camelCase with string values, legacy items (comments, time, checklist) in
 * UPPER_SNAKE.
 */
import { rest, type RestEnvelope } from './rest'

export type TaskStatus = '1' | '2' | '3' | '4' | '5' | '6' | '7'

export interface TaskPerson {
  id: string
  name: string
  link: string
  icon: string
  workPosition: string
}

export interface TaskActions {
  complete: boolean
  approve: boolean
  disapprove: boolean
  start: boolean
  pause: boolean
  delegate: boolean
  remove: boolean
  edit: boolean
  defer: boolean
  renew: boolean
  create: boolean
  changeDeadline: boolean
  checklistAddItems: boolean
  addFavorite: boolean
  deleteFavorite: boolean
  rate: boolean
  'edit.originator': boolean
  'elapsedtime.add': boolean
  'dayplan.timer.toggle': boolean
  'edit.plan': boolean
  [key: string]: boolean
}

export interface ChecklistEntry {
  id: string
  taskId: string
  parentId: string
  title: string
  sortIndex: string
  isComplete: 'Y' | 'N'
  isImportant: 'Y' | 'N'
  toggledBy: string | null
  toggledDate: string | null
}

export interface TaskFile {
  id: string
  name: string
  size: number
  mime: string
  url: string
  createdBy: string
  createdDate: string
}

export interface Task {
  id: string
  parentId: string | null
  title: string
  description: string
  mark: 'P' | 'N' | null
  priority: '0' | '1' | '2'
  status: TaskStatus
  subStatus: string
  notViewed: 'Y' | 'N'
  stageId: string
  groupId: string
  createdBy: string
  createdDate: string
  responsibleId: string
  changedDate: string | null
  closedDate: string | null
  dateStart: string | null
  deadline: string | null
  startDatePlan: string | null
  endDatePlan: string | null
  allowChangeDeadline: 'Y' | 'N'
  allowTimeTracking: 'Y' | 'N'
  taskControl: 'Y' | 'N'
  timeEstimate: string
  timeSpentInLogs: string
  timeElapsed: string
  timerIsRunningForCurrentUser: 'Y' | 'N'
  timerStartedAt: string | null
  commentsCount: string
  newCommentsCount: number
  favorite: 'Y' | 'N'
  isMuted: 'Y' | 'N'
  changedBy?: string
  closedBy?: string
  statusChangedDate?: string | null
  addInReport?: 'Y' | 'N'
  accomplices: string[]
  auditors: string[]
  creator: TaskPerson
  responsible: TaskPerson
  accomplicesData: Record<string, TaskPerson> | []
  auditorsData: Record<string, TaskPerson> | []
  tags: string[]
  ufCrmTask: string[]
  dependsOn: string[]
  deadlineChanges: number
  planStageId: string
  subtasksCount: number
  action?: TaskActions
  checklist?: Record<string, ChecklistEntry> | []
  files?: TaskFile[]
}

export interface TaskComment {
  ID: string
  AUTHOR_ID: string
  AUTHOR_NAME: string
  AUTHOR_EMAIL: string
  AUTHOR_PHOTO: string
  POST_DATE: string
  POST_MESSAGE: string
  POST_MESSAGE_HTML: string
  PARENT_ID: string
  ATTACHED_OBJECTS:
    | Record<
        string,
        {
          ATTACHMENT_ID: string
          NAME: string
          SIZE: string
          FILE_ID: string
          DOWNLOAD_URL: string
          VIEW_URL: string
        }
      >
    | []
}

export interface ElapsedItem {
  ID: string
  TASK_ID: string
  USER_ID: string
  COMMENT_TEXT: string
  SECONDS: string
  MINUTES: string
  SOURCE: '1' | '2'
  CREATED_DATE: string
  DATE_START: string | null
  DATE_STOP: string | null
}

export interface HistoryEntry {
  id: number
  createdDate: string
  field: string
  value: { from: string | null; to: string | null }
  note?: string
  user: { id: number; name: string; lastName: string; secondName: string; login: string }
}

export interface Stage {
  ID: string
  TITLE: string
  SORT: string
  COLOR: string
  SYSTEM_TYPE: string | null
  ENTITY_ID: string
  ENTITY_TYPE: 'U' | 'G'
}

export interface TimerState {
  TASK_ID: string
  TITLE: string
  TIMER_STARTED_AT: string
  RUN_TIME: number
}

export interface Counter {
  counter: number
  code: number
}

export type CounterName =
  'expired' | 'expired_soon' | 'not_viewed' | 'new_comments' | 'wait_ctrl' | 'without_deadline'

export type Counters = Partial<Record<CounterName, Counter>>

export interface SavedFilter {
  ID: string
  NAME: string
  FIELDS: Record<string, unknown>
  SORT: string
}

export interface TaskTemplate {
  ID: string
  TITLE: string
  DESCRIPTION: string
  PRIORITY: string
  CREATED_BY: string
  RESPONSIBLE_ID: string
  ACCOMPLICES: string[]
  AUDITORS: string[]
  GROUP_ID?: string
  PARENT_ID?: string
  TIME_ESTIMATE: string
  ALLOW_CHANGE_DEADLINE?: 'Y' | 'N'
  ALLOW_TIME_TRACKING: 'Y' | 'N'
  TASK_CONTROL: 'Y' | 'N'
  DEADLINE_AFTER: string | null
  START_DATE_PLAN_AFTER?: string | null
  END_DATE_PLAN_AFTER?: string | null
  TAGS: string[]
  CHECKLIST: string[]
  REPLICATE: 'Y' | 'N'
  REPLICATE_PARAMS: ReplicateParams | Record<string, never>
  NEXT_EXECUTION_TIME: string | null
  TIMES_CREATED: string
  CREATED_DATE?: string
  CHANGED_DATE?: string
}

/** The schedule of a recurring template, as the server normalises it. */
export interface ReplicateParams {
  PERIOD: 'daily' | 'weekly' | 'monthly' | 'yearly'
  TIME: string
  EVERY_DAY?: string
  EVERY_WEEK?: string
  WEEK_DAYS?: string[]
  MONTHLY_DAY_NUM?: string
  MONTHLY_MONTH_NUM_1?: string
  YEARLY_DAY_NUM?: string
  YEARLY_MONTH_1?: string
  START_DATE: string | null
  END_DATE: string | null
  REPEAT_TILL: 'endless' | 'date' | 'times'
  TIMES: string
}

/** A point of a checklist as task.checklistitem.getlist gives it (lists have PARENT_ID "0"). */
export interface ChecklistItem {
  ID: string
  TASK_ID: string
  PARENT_ID: string
  CREATED_BY: string
  TITLE: string
  SORT_INDEX: string
  IS_COMPLETE: 'Y' | 'N'
  IS_IMPORTANT: 'Y' | 'N'
  TOGGLED_BY: string | null
  TOGGLED_DATE: string | null
}

export interface Dependency {
  taskIdFrom: string
  taskIdTo: string
  linkType: '0' | '1' | '2' | '3'
}

export interface ReportRow {
  ID: string
  NAME: string
  SECONDS: number
  HOURS: string
  ENTRIES?: number
  TASKS?: number
  CREATED?: number
  COMPLETED?: number
  COMPLETED_ON_TIME?: number
  OVERDUE?: number
}

export interface Report {
  ROWS: ReportRow[]
  TOTAL_SECONDS: number
  TOTAL_HOURS: string
  DATE_FROM: string
  DATE_TO: string
  GROUP_BY: 'USER' | 'DEPARTMENT' | 'GROUP' | 'TASK'
}

export type TaskFields = Record<string, unknown>

export interface TaskListParams {
  filter?: Record<string, unknown>
  order?: Record<string, 'ASC' | 'DESC' | 'asc' | 'desc'>
  select?: string[]
  start?: number
}

export const tasksApi = {
  async get(id: string | number, select?: string[]): Promise<Task | null> {
    const r = await rest.result<{ task: Task } | []>('tasks.task.get', {
      taskId: id,
      ...(select ? { select } : {}),
    })
    return Array.isArray(r) ? null : r.task
  },
  async list(params: TaskListParams): Promise<RestEnvelope<{ tasks: Task[] }>> {
    return rest.call<{ tasks: Task[] }>('tasks.task.list', { ...params })
  },
  async add(fields: TaskFields): Promise<Task> {
    return (await rest.result<{ task: Task }>('tasks.task.add', { fields })).task
  },
  async update(id: string | number, fields: TaskFields): Promise<Task> {
    return (await rest.result<{ task: Task }>('tasks.task.update', { taskId: id, fields })).task
  },
  async remove(id: string | number): Promise<void> {
    await rest.result('tasks.task.delete', { taskId: id })
  },
  /** start, pause, complete, approve, disapprove, defer, renew, startwatch, stopwatch, mute, unmute */
  async action(
    action: string,
    id: string | number,
    extra: Record<string, unknown> = {},
  ): Promise<Task> {
    return (await rest.result<{ task: Task }>(`tasks.task.${action}`, { taskId: id, ...extra }))
      .task
  },
  async delegate(id: string | number, userId: string | number): Promise<Task> {
    return (await rest.result<{ task: Task }>('tasks.task.delegate', { taskId: id, userId })).task
  },
  async favorite(id: string | number, on: boolean): Promise<void> {
    await rest.result(on ? 'tasks.task.favorite.add' : 'tasks.task.favorite.remove', { taskId: id })
  },
  async viewed(id: string | number): Promise<void> {
    await rest.result('artel.task.viewed', { taskId: id })
  },
  async copy(id: string | number, withSubtasks = true, fields?: TaskFields): Promise<Task> {
    return (
      await rest.result<{ task: Task }>('artel.task.copy', {
        taskId: id,
        withSubtasks: withSubtasks ? 'Y' : 'N',
        ...(fields ? { fields } : {}),
      })
    ).task
  },
  async history(id: string | number): Promise<HistoryEntry[]> {
    return (
      await rest.result<{ list: HistoryEntry[] }>('tasks.task.history.list', {
        taskId: id,
        order: { ID: 'ASC' },
      })
    ).list
  },
  async counters(type = 'view_all', userId?: string | number): Promise<Counters> {
    const r = await rest.result<Counters | []>('tasks.task.counters.get', {
      type,
      ...(userId ? { userId } : {}),
    })
    return Array.isArray(r) ? {} : r
  },
  comments(taskId: string | number): Promise<TaskComment[]> {
    return rest.result<TaskComment[]>('task.commentitem.getlist', {
      TASKID: taskId,
      ORDER: { ID: 'ASC' },
    })
  },
  addComment(
    taskId: string | number,
    message: string,
    parentId?: string,
    files?: [string, string][],
  ): Promise<number> {
    return rest.result<number>('task.commentitem.add', {
      TASKID: taskId,
      FIELDS: {
        POST_MESSAGE: message,
        ...(parentId ? { PARENT_ID: parentId } : {}),
        ...(files ? { FILES: files } : {}),
      },
    })
  },
  updateComment(taskId: string | number, id: string, message: string): Promise<boolean> {
    return rest.result('task.commentitem.update', {
      TASKID: taskId,
      ITEMID: id,
      FIELDS: { POST_MESSAGE: message },
    })
  },
  deleteComment(taskId: string | number, id: string): Promise<boolean> {
    return rest.result('task.commentitem.delete', { TASKID: taskId, ITEMID: id })
  },
  elapsed(taskId: string | number): Promise<ElapsedItem[]> {
    return rest.result<ElapsedItem[]>('task.elapseditem.getlist', {
      TASKID: taskId,
      ORDER: { ID: 'ASC' },
    })
  },
  addElapsed(
    taskId: string | number,
    seconds: number,
    comment: string,
    date?: string,
  ): Promise<number> {
    return rest.result<number>('task.elapseditem.add', {
      TASKID: taskId,
      ARFIELDS: {
        SECONDS: seconds,
        COMMENT_TEXT: comment,
        ...(date ? { CREATED_DATE: date } : {}),
      },
    })
  },
  updateElapsed(
    taskId: string | number,
    id: string,
    seconds: number,
    reason: string,
  ): Promise<null> {
    return rest.result('task.elapseditem.update', {
      TASKID: taskId,
      ITEMID: id,
      ARFIELDS: { SECONDS: seconds, COMMENT_TEXT: reason },
    })
  },
  deleteElapsed(taskId: string | number, id: string): Promise<null> {
    return rest.result('task.elapseditem.delete', { TASKID: taskId, ITEMID: id })
  },
  timer(): Promise<TimerState | null> {
    return rest.result<TimerState | null>('artel.task.timer.get')
  },
  startTimer(taskId: string | number): Promise<TimerState> {
    return rest.result<TimerState>('artel.task.timer.start', { taskId })
  },
  stopTimer(taskId?: string | number): Promise<{ TASK_ID: string; SECONDS: number }> {
    return rest.result('artel.task.timer.stop', taskId ? { taskId } : {})
  },
  checklist(taskId: string | number): Promise<ChecklistItem[]> {
    return rest.result<ChecklistItem[]>('task.checklistitem.getlist', { TASKID: taskId })
  },
  /** parentId "0" makes a new list; none puts the point into the task's first list. */
  addChecklistItem(taskId: string | number, title: string, parentId?: string): Promise<number> {
    return rest.result<number>('task.checklistitem.add', {
      TASKID: taskId,
      FIELDS: { TITLE: title, ...(parentId !== undefined ? { PARENT_ID: parentId } : {}) },
    })
  },
  toggleChecklistItem(taskId: string | number, id: string, done: boolean): Promise<boolean> {
    return rest.result(done ? 'task.checklistitem.complete' : 'task.checklistitem.renew', {
      TASKID: taskId,
      ITEMID: id,
    })
  },
  renameChecklistItem(taskId: string | number, id: string, title: string): Promise<null> {
    return rest.result('task.checklistitem.update', {
      TASKID: taskId,
      ITEMID: id,
      FIELDS: { TITLE: title },
    })
  },
  deleteChecklistItem(taskId: string | number, id: string): Promise<boolean> {
    return rest.result('task.checklistitem.delete', { TASKID: taskId, ITEMID: id })
  },
  addFile(taskId: string | number, name: string, base64: string): Promise<number> {
    return rest.result<number>('task.item.addfile', {
      TASK_ID: taskId,
      FILE: { NAME: name, CONTENT: base64 },
    })
  },
  deleteFile(taskId: string | number, attachmentId: string): Promise<boolean> {
    return rest.result('task.item.deletefile', { TASK_ID: taskId, ATTACHMENT_ID: attachmentId })
  },
  dependencies(taskIds: Array<string | number>): Promise<Dependency[]> {
    return rest.result<Dependency[]>('artel.task.dependence.list', { taskIds })
  },
  addDependency(from: string | number, to: string | number, linkType = 2): Promise<unknown> {
    return rest.result('task.dependence.add', { taskIdFrom: from, taskIdTo: to, linkType })
  },
  deleteDependency(from: string | number, to: string | number): Promise<unknown> {
    return rest.result('task.dependence.delete', { taskIdFrom: from, taskIdTo: to })
  },
  async planStages(): Promise<Stage[]> {
    const r = await rest.result<Record<string, Stage>>('task.stages.get', { entityId: 0 })
    return Object.values(r).sort((a, b) => Number(a.SORT) - Number(b.SORT))
  },
  addStage(title: string, afterId?: string, color?: string): Promise<number> {
    return rest.result<number>('task.stages.add', {
      fields: {
        TITLE: title,
        ...(afterId ? { AFTER_ID: afterId } : {}),
        ...(color ? { COLOR: color } : {}),
      },
    })
  },
  updateStage(id: string, fields: Record<string, unknown>): Promise<boolean> {
    return rest.result('task.stages.update', { id, fields })
  },
  deleteStage(id: string): Promise<boolean> {
    return rest.result('task.stages.delete', { id })
  },
  moveToStage(
    taskId: string | number,
    stageId: string,
    neighbour?: { before?: string; after?: string },
  ): Promise<boolean> {
    return rest.result('task.stages.movetask', { id: taskId, stageId, ...(neighbour ?? {}) })
  },
  filters(): Promise<SavedFilter[]> {
    return rest.result<SavedFilter[]>('artel.task.filter.list')
  },
  addFilter(name: string, fields: Record<string, unknown>): Promise<number> {
    return rest.result<number>('artel.task.filter.add', { NAME: name, FIELDS: fields })
  },
  updateFilter(id: string, fields: { NAME?: string; FIELDS?: Record<string, unknown> }) {
    return rest.result<boolean>('artel.task.filter.update', { ID: id, ...fields })
  },
  deleteFilter(id: string): Promise<boolean> {
    return rest.result('artel.task.filter.delete', { ID: id })
  },
  templates(): Promise<TaskTemplate[]> {
    return rest.all<TaskTemplate>('tasks.template.list')
  },
  template(id: string | number): Promise<TaskTemplate> {
    return rest.result<TaskTemplate>('tasks.template.get', { templateId: id })
  },
  addTemplate(fields: TaskFields): Promise<number> {
    return rest.result<number>('tasks.template.add', { fields })
  },
  updateTemplate(id: string | number, fields: TaskFields): Promise<unknown> {
    return rest.result('tasks.template.update', { templateId: id, fields })
  },
  deleteTemplate(id: string | number): Promise<unknown> {
    return rest.result('tasks.template.delete', { templateId: id })
  },
  async taskFromTemplate(id: string | number): Promise<Task> {
    return (await rest.result<{ task: Task }>('artel.task.template.createtask', { templateId: id }))
      .task
  },
  report(kind: 'time' | 'tasks', params: Record<string, unknown>): Promise<Report> {
    return rest.result<Report>(`artel.task.report.${kind}`, params)
  },
  exportReport(
    params: Record<string, unknown>,
  ): Promise<{ NAME: string; MIME: string; CONTENT: string }> {
    return rest.result('artel.task.report.export', params)
  },
}
