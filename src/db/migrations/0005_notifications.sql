-- The notification centre (F3, F4, A7): notices in each person's bell, per-person settings per
-- event type, and the e-mails waiting to be grouped into one message. Times are UTC Unix
-- seconds.

-- One entry of a person's bell. Notices with the same tag join the person's unread entry with
-- that tag: it keeps the newest text, counts the events (event_count) and moves to the top
-- (sort_seq, increasing per person, orders the bell newest first without ties).
CREATE TABLE notices (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  author_id      INTEGER REFERENCES users(id),
  module         TEXT NOT NULL,
  event          TEXT NOT NULL,
  tag            TEXT NOT NULL DEFAULT '',
  sub_tag        TEXT NOT NULL DEFAULT '',
  message        TEXT NOT NULL,
  message_out    TEXT NOT NULL DEFAULT '',
  search_folded  TEXT NOT NULL DEFAULT '',
  link           TEXT NOT NULL DEFAULT '',
  attach         TEXT NOT NULL DEFAULT '',
  app            TEXT NOT NULL DEFAULT '',
  event_count    INTEGER NOT NULL DEFAULT 1,
  sort_seq       INTEGER NOT NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  is_read        INTEGER NOT NULL DEFAULT 0,
  read_at        INTEGER
);
-- My bell, newest first; my unread ones (the counter) newest first.
CREATE INDEX notices_user_seq ON notices(user_id, sort_seq);
CREATE INDEX notices_user_unread ON notices(user_id, is_read, sort_seq);
-- My entry with this tag (grouping), and an application's notices by tag (im.notify.delete).
CREATE INDEX notices_user_tag ON notices(user_id, tag) WHERE tag <> '';
CREATE INDEX notices_tag ON notices(tag) WHERE tag <> '';
CREATE INDEX notices_sub_tag ON notices(sub_tag) WHERE sub_tag <> '';

-- A person's choice for one event type; without a row the catalogue's default applies.
CREATE TABLE notice_settings (
  user_id INTEGER NOT NULL REFERENCES users(id),
  module  TEXT NOT NULL,
  event   TEXT NOT NULL,
  portal  INTEGER NOT NULL,
  email   INTEGER NOT NULL,
  PRIMARY KEY (user_id, module, event)
);

-- Notices waiting to go out by e-mail. Those with the same group (the tag) for one person share
-- due_at, set by the first of them, and leave as one message when it has passed; group_key ''
-- (no tag) leaves alone. base_url is the portal's public address when the notice was sent or,
-- while it had none, the address of the request that sent it.
CREATE TABLE notice_mail_queue (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  group_key  TEXT NOT NULL DEFAULT '',
  author_id  INTEGER REFERENCES users(id),
  text       TEXT NOT NULL,
  link       TEXT NOT NULL DEFAULT '',
  base_url   TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  due_at     INTEGER NOT NULL
);
CREATE INDEX notice_mail_queue_due ON notice_mail_queue(due_at);
CREATE INDEX notice_mail_queue_group ON notice_mail_queue(user_id, group_key);
