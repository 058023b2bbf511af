-- The live feed (E1–E5): posts and portal events with their audiences (destination codes UA,
-- U<id>, SG<id>, DR<id>), their discussions (kept like tasks', modules/discussion), likes,
-- polls, the readers of important posts, and where each person last opened the feed. Times are
-- UTC Unix seconds.
CREATE TABLE feed_entries (
  id              INTEGER PRIMARY KEY,
  entry_type      TEXT NOT NULL,            -- post, event
  author_id       INTEGER NOT NULL REFERENCES users(id),
  title           TEXT NOT NULL DEFAULT '',
  message         TEXT NOT NULL DEFAULT '',
  important       INTEGER NOT NULL DEFAULT 0,
  important_until INTEGER,
  event_type      TEXT NOT NULL DEFAULT '', -- task_created, task_completed, group_created, …
  object_type     TEXT NOT NULL DEFAULT '', -- task, group, user
  object_id       INTEGER NOT NULL DEFAULT 0,
  comments_count  INTEGER NOT NULL DEFAULT 0,
  likes_count     INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX feed_entries_author ON feed_entries(author_id, id);
CREATE INDEX feed_entries_object ON feed_entries(object_type, object_id);

-- Who sees an entry: one row per destination code. A page of the feed reads each of the
-- viewer's codes newest first (code, entry_id), so it costs the same with a million entries.
CREATE TABLE feed_rights (
  code     TEXT NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  PRIMARY KEY (code, entry_id)
);
CREATE INDEX feed_rights_entry ON feed_rights(entry_id);

CREATE TABLE feed_comments (
  id         INTEGER PRIMARY KEY,
  entry_id   INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users(id),
  parent_id  INTEGER REFERENCES feed_comments(id) ON DELETE SET NULL,
  message    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX feed_comments_entry ON feed_comments(entry_id, created_at);

CREATE TABLE feed_files (
  id         INTEGER PRIMARY KEY,
  entry_id   INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  comment_id INTEGER REFERENCES feed_comments(id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files(id),
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX feed_files_entry ON feed_files(entry_id, comment_id);

-- comment_id 0: a like of the entry itself.
CREATE TABLE feed_likes (
  entry_id   INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  comment_id INTEGER NOT NULL DEFAULT 0,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (entry_id, comment_id, user_id)
);

-- results: AFTER_VOTE (seen once one has voted) or ALL.
CREATE TABLE feed_polls (
  entry_id INTEGER PRIMARY KEY REFERENCES feed_entries(id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  multiple INTEGER NOT NULL DEFAULT 0,
  results  TEXT NOT NULL DEFAULT 'AFTER_VOTE',
  closed   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE feed_poll_answers (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  text     TEXT NOT NULL,
  sort     INTEGER NOT NULL
);
CREATE INDEX feed_poll_answers_entry ON feed_poll_answers(entry_id, sort);
CREATE TABLE feed_poll_votes (
  entry_id  INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  answer_id INTEGER NOT NULL REFERENCES feed_poll_answers(id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  voted_at  INTEGER NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE INDEX feed_poll_votes_entry ON feed_poll_votes(entry_id, user_id);

CREATE TABLE feed_important_reads (
  entry_id INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id),
  read_at  INTEGER NOT NULL,
  PRIMARY KEY (entry_id, user_id)
);

-- The newest entry each person has seen: the menu counts what came after it.
CREATE TABLE feed_seen (
  user_id       INTEGER PRIMARY KEY REFERENCES users(id),
  last_entry_id INTEGER NOT NULL
);

-- The people who may write to everyone (A8); no rows: every employee may.
CREATE TABLE feed_everyone_writers (
  user_id INTEGER PRIMARY KEY REFERENCES users(id)
);

CREATE VIRTUAL TABLE feed_search USING fts5(body, tokenize='snowball');
