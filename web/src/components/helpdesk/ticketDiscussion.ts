/**
 * A ticket's comments and files for the task card's comment thread and file list: comments of
 * both sides, oldest first, with files (no answers to a comment, no mentions — a client does
 * not see the studio's people); files are added to the ticket and stay.
 */
import { helpdeskApi } from '../../api/helpdesk'
import type { AttachmentSource, CommentSource } from '../tasks/discussionSources'

export const ticketComments: CommentSource = {
  list: (ticketId) => helpdeskApi.comments(ticketId),
  add: (ticketId, message, _parentId, files) => helpdeskApi.addComment(ticketId, message, files),
  replies: false,
  mentions: false,
}

export const ticketAttachments: AttachmentSource = {
  add: (ticketId, name, content) =>
    helpdeskApi.updateTicket(ticketId, { FILES: [[name, content]] }),
}
