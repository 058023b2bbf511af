-- Workgroups and projects (D1–D6): the groups, their people with roles and pending requests,
-- the curators added to every new task (D5), and the group boards' rules. Times are UTC Unix
-- seconds; a task's group_id 0 means no group, as before.
CREATE TABLE sonet_groups (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  keywords            TEXT NOT NULL DEFAULT '',
  owner_id            INTEGER NOT NULL REFERENCES users(id),
  visible             INTEGER NOT NULL DEFAULT 1,
  opened              INTEGER NOT NULL DEFAULT 0,
  closed              INTEGER NOT NULL DEFAULT 0,
  project             INTEGER NOT NULL DEFAULT 0,
  project_date_start  INTEGER,
  project_date_finish INTEGER,
  is_extranet         INTEGER NOT NULL DEFAULT 0,
  initiate_perms      TEXT NOT NULL DEFAULT 'E',
  move_perms          TEXT NOT NULL DEFAULT 'K',
  extranet_tasks      TEXT NOT NULL DEFAULT 'ALL',
  curator_role        TEXT NOT NULL DEFAULT 'AUDITOR',
  date_create         INTEGER NOT NULL,
  date_update         INTEGER NOT NULL,
  date_activity       INTEGER NOT NULL
);
CREATE INDEX sonet_groups_visible ON sonet_groups(visible, id);

-- role: A owner, E moderator, K member, Z pending (initiated_by U: the person asked; G: the
-- group invited).
CREATE TABLE sonet_group_members (
  group_id     INTEGER NOT NULL REFERENCES sonet_groups(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  role         TEXT NOT NULL,
  initiated_by TEXT NOT NULL DEFAULT 'U',
  message      TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX sonet_group_members_user ON sonet_group_members(user_id, role);

CREATE TABLE sonet_group_curators (
  group_id INTEGER NOT NULL REFERENCES sonet_groups(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (group_id, user_id)
);

-- A group board's column may let extranet members move their tasks into and out of it (D4).
ALTER TABLE task_stages ADD COLUMN extranet_move INTEGER NOT NULL DEFAULT 0;
-- The order of a task within its column on its group's board.
ALTER TABLE tasks ADD COLUMN stage_sort REAL NOT NULL DEFAULT 0;
