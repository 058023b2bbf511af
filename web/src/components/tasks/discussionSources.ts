/**
 * Where a discussion's comments and an object's files are kept: a task's by default. The ticket
 * desk keeps its comments with the same code on the server and gives the same shapes, so the
 * task card's comment thread and file list serve a ticket too, with the ticket's methods.
 */
import { tasksApi, type TaskComment, type TaskFile } from '../../api/tasks'
import type { FileUpload } from '../../api/types'

export interface CommentSource {
  list(ownerId: string): Promise<TaskComment[]>
  add(ownerId: string, message: string, parentId?: string, files?: FileUpload[]): Promise<unknown>
  /** Deleting one's comment; absent where comments stay. */
  remove?: (ownerId: string, commentId: string) => Promise<unknown>
  /** Answers to a comment: a reply button and the thread under what it answers. */
  replies: boolean
  /** @mentions in the editor (a mention makes the person a task's observer). */
  mentions: boolean
}

export const taskComments: CommentSource = {
  list: (taskId) => tasksApi.comments(taskId),
  add: (taskId, message, parentId, files) => tasksApi.addComment(taskId, message, parentId, files),
  remove: (taskId, commentId) => tasksApi.deleteComment(taskId, commentId),
  replies: true,
  mentions: true,
}

export interface AttachmentSource {
  add(ownerId: string, name: string, content: string): Promise<unknown>
  /** Deleting a file; absent where files stay. */
  remove?: (ownerId: string, file: TaskFile) => Promise<unknown>
}

export const taskAttachments: AttachmentSource = {
  add: (taskId, name, content) => tasksApi.addFile(taskId, name, content),
  remove: (taskId, file) => tasksApi.deleteFile(taskId, file.id),
}
