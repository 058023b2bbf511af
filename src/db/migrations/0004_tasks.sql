-- Tasks and everything that hangs off a task (C1–C21): members, tags, history, comments,
-- attachments, time entries and timers, checklists, dependencies, each person's view of a task,
-- My Plan stages, templates, saved filters. Times are UTC Unix seconds.

CREATE TABLE tasks (
  id                    INTEGER PRIMARY KEY,
  parent_id             INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  title                 TEXT NOT NULL,
  description           TEXT NOT NULL DEFAULT '',
  status                INTEGER NOT NULL DEFAULT 2,
  priority              INTEGER NOT NULL DEFAULT 1,
  mark                  TEXT,
  created_by            INTEGER NOT NULL REFERENCES users(id),
  responsible_id        INTEGER NOT NULL REFERENCES users(id),
  group_id              INTEGER NOT NULL DEFAULT 0,
  stage_id              INTEGER NOT NULL DEFAULT 0,
  created_date          INTEGER NOT NULL,
  changed_by            INTEGER,
  changed_date          INTEGER,
  status_changed_by     INTEGER,
  status_changed_date   INTEGER,
  closed_by             INTEGER,
  closed_date           INTEGER,
  activity_date         INTEGER,
  date_start            INTEGER,
  deadline              INTEGER,
  start_date_plan       INTEGER,
  end_date_plan         INTEGER,
  allow_change_deadline INTEGER NOT NULL DEFAULT 1,
  allow_time_tracking   INTEGER NOT NULL DEFAULT 0,
  task_control          INTEGER NOT NULL DEFAULT 0,
  add_in_report         INTEGER NOT NULL DEFAULT 0,
  match_work_time       INTEGER NOT NULL DEFAULT 0,
  time_estimate         INTEGER NOT NULL DEFAULT 0,
  -- The sum of the task's time entries, kept in the same transaction as every entry change.
  time_spent            INTEGER NOT NULL DEFAULT 0,
  duration_type         TEXT NOT NULL DEFAULT 'days',
  comments_count        INTEGER NOT NULL DEFAULT 0,
  guid                  TEXT NOT NULL,
  xml_id                TEXT,
  forked_by_template_id INTEGER,
  sorting               REAL
);
CREATE INDEX tasks_parent ON tasks(parent_id);
CREATE INDEX tasks_responsible ON tasks(responsible_id, status);
CREATE INDEX tasks_creator ON tasks(created_by, status);
-- Partial: "no deadline" matches a third of the tasks, and without statistics of values the
-- planner would take this index for it.
CREATE INDEX tasks_deadline ON tasks(deadline) WHERE deadline IS NOT NULL;
CREATE INDEX tasks_group ON tasks(group_id, stage_id);
CREATE INDEX tasks_closed ON tasks(closed_date) WHERE closed_date IS NOT NULL;

-- Who is in a task and how: O creator, R responsible, A co-executor, U observer. The creator and
-- the responsible are here too, so that "tasks I am in" is one index lookup.
CREATE TABLE task_members (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  role    TEXT NOT NULL,
  PRIMARY KEY (task_id, user_id, role)
);
CREATE INDEX task_members_user ON task_members(user_id, role, task_id);

-- The departments of a task's members and every department above them: a head sees the tasks
-- whose scope holds a department they head (B3). Derived from task_members, user_departments
-- and the tree; kept by the tasks module when members change and when the structure changes.
CREATE TABLE task_scope (
  department_id INTEGER NOT NULL,
  task_id       INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (department_id, task_id)
) WITHOUT ROWID;
CREATE INDEX task_scope_task ON task_scope(task_id);

CREATE TABLE task_tags (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  PRIMARY KEY (task_id, tag)
);
CREATE INDEX task_tags_tag ON task_tags(tag, task_id);

-- Links to CRM items as Bitrix24 writes them: L_4, D_10, C_7, CO_5.
CREATE TABLE task_crm_links (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  item    TEXT NOT NULL,
  PRIMARY KEY (task_id, item)
);
CREATE INDEX task_crm_links_item ON task_crm_links(item, task_id);

-- Every change, written in the transaction of the change itself.
CREATE TABLE task_history (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  field      TEXT NOT NULL,
  value_from TEXT,
  value_to   TEXT,
  note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_history_task ON task_history(task_id, field, id);

CREATE TABLE task_comments (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users(id),
  parent_id  INTEGER REFERENCES task_comments(id) ON DELETE SET NULL,
  message    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX task_comments_task ON task_comments(task_id, created_at);

-- Files on a task (comment_id NULL) or on one of its comments.
CREATE TABLE task_files (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  comment_id INTEGER REFERENCES task_comments(id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files(id),
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX task_files_task ON task_files(task_id, comment_id);

-- Time entries (C8). source: 1 timer, 2 entered by hand.
CREATE TABLE task_elapsed (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  seconds      INTEGER NOT NULL,
  comment_text TEXT NOT NULL DEFAULT '',
  source       INTEGER NOT NULL DEFAULT 2,
  created_date INTEGER NOT NULL,
  date_start   INTEGER,
  date_stop    INTEGER
);
CREATE INDEX task_elapsed_task ON task_elapsed(task_id, id);
CREATE INDEX task_elapsed_date ON task_elapsed(created_date, user_id);
CREATE INDEX task_elapsed_user ON task_elapsed(user_id, created_date);

-- The one running timer of each person.
CREATE TABLE task_timers (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id),
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  started_at INTEGER NOT NULL
);
CREATE INDEX task_timers_task ON task_timers(task_id);

-- Checklists: items with parent_id 0 are the lists, the others their points.
CREATE TABLE task_checklist (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  parent_id    INTEGER NOT NULL DEFAULT 0,
  title        TEXT NOT NULL,
  sort_index   INTEGER NOT NULL DEFAULT 0,
  is_complete  INTEGER NOT NULL DEFAULT 0,
  is_important INTEGER NOT NULL DEFAULT 0,
  created_by   INTEGER NOT NULL,
  toggled_by   INTEGER,
  toggled_date INTEGER
);
CREATE INDEX task_checklist_task ON task_checklist(task_id, parent_id, sort_index);

-- Gantt links (C18): link_type 0 start-start, 1 start-finish, 2 finish-start, 3 finish-finish.
CREATE TABLE task_dependencies (
  task_from  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  task_to    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  link_type  INTEGER NOT NULL DEFAULT 2,
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (task_from, task_to)
);
CREATE INDEX task_dependencies_to ON task_dependencies(task_to);

-- One person's view of one task: when they last looked ("not viewed", unseen comments),
-- whether it is a favourite, whether its notices are muted.
CREATE TABLE task_user_state (
  task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  viewed_at INTEGER,
  -- The newest comment the person has seen (comment ids only grow): exact where times in
  -- seconds would tie.
  seen_comment_id INTEGER NOT NULL DEFAULT 0,
  favorite  INTEGER NOT NULL DEFAULT 0,
  muted     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, user_id)
);
CREATE INDEX task_user_state_user ON task_user_state(user_id, favorite);

-- Kanban stages: entity_type U is a person's My Plan (entity_id = user), G a group's board.
CREATE TABLE task_stages (
  id          INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  title       TEXT NOT NULL,
  sort        INTEGER NOT NULL DEFAULT 100,
  color       TEXT NOT NULL DEFAULT '',
  system_type TEXT
);
CREATE INDEX task_stages_entity ON task_stages(entity_type, entity_id, sort);

-- Where a task sits in a person's My Plan; a task without a row is in the first stage.
CREATE TABLE task_plan (
  user_id  INTEGER NOT NULL REFERENCES users(id),
  task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  stage_id INTEGER NOT NULL REFERENCES task_stages(id) ON DELETE CASCADE,
  sort     REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, task_id)
);
CREATE INDEX task_plan_stage ON task_plan(stage_id, sort);

-- Templates (C11); a template with replicate = 1 creates a task on its schedule.
CREATE TABLE task_templates (
  id                    INTEGER PRIMARY KEY,
  title                 TEXT NOT NULL,
  description           TEXT NOT NULL DEFAULT '',
  created_by            INTEGER NOT NULL REFERENCES users(id),
  responsible_id        INTEGER NOT NULL REFERENCES users(id),
  accomplices           TEXT NOT NULL DEFAULT '',
  auditors              TEXT NOT NULL DEFAULT '',
  tags                  TEXT NOT NULL DEFAULT '',
  priority              INTEGER NOT NULL DEFAULT 1,
  group_id              INTEGER NOT NULL DEFAULT 0,
  parent_id             INTEGER,
  time_estimate         INTEGER NOT NULL DEFAULT 0,
  allow_change_deadline INTEGER NOT NULL DEFAULT 1,
  allow_time_tracking   INTEGER NOT NULL DEFAULT 0,
  task_control          INTEGER NOT NULL DEFAULT 0,
  deadline_after        INTEGER,
  start_date_plan_after INTEGER,
  end_date_plan_after   INTEGER,
  checklist             TEXT NOT NULL DEFAULT '',
  replicate             INTEGER NOT NULL DEFAULT 0,
  replicate_params      TEXT NOT NULL DEFAULT '',
  next_run_at           INTEGER,
  times_created         INTEGER NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  changed_at            INTEGER NOT NULL
);
CREATE INDEX task_templates_due ON task_templates(replicate, next_run_at);
CREATE INDEX task_templates_creator ON task_templates(created_by);

-- A person's saved filters of the task list (C14).
CREATE TABLE task_filters (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  name       TEXT NOT NULL,
  fields     TEXT NOT NULL,
  sort       INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX task_filters_user ON task_filters(user_id, sort);

-- Deadline notices already sent, so that the job sends each once per deadline.
CREATE TABLE task_deadline_notices (
  task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind     TEXT NOT NULL,
  deadline INTEGER NOT NULL,
  PRIMARY KEY (task_id, kind)
);

-- Full-text search over title, description, tags and comments (src/search/index.h).
CREATE VIRTUAL TABLE task_search USING fts5(body, tokenize='snowball');
