/**
 * A feed entry's comments for the task card's comment thread: threaded answers, @mentions (the
 * person is told when they can read the entry) and files; one's own comments can be deleted.
 */
import { feedApi } from '../../api/feed'
import type { CommentSource } from '../tasks/discussionSources'

export const feedComments: CommentSource = {
  list: (entryId) => feedApi.comments(entryId),
  add: (entryId, message, parentId, files) => feedApi.addComment(entryId, message, parentId, files),
  remove: (_entryId, commentId) => feedApi.removeComment(commentId),
  replies: true,
  mentions: true,
}
