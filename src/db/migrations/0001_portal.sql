-- Portal settings, people, company structure, sessions, invitations, webhooks, files and the
-- mail outbox. Times are UTC Unix seconds.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE files (
  id         INTEGER PRIMARY KEY,
  sha256     TEXT NOT NULL,
  size       INTEGER NOT NULL,
  mime       TEXT NOT NULL,
  name       TEXT NOT NULL,
  created_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX files_sha256 ON files(sha256);

CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  email               TEXT NOT NULL,
  email_folded        TEXT NOT NULL UNIQUE,
  password_hash       TEXT,
  active              INTEGER NOT NULL DEFAULT 1,
  invited             INTEGER NOT NULL DEFAULT 0,
  is_admin            INTEGER NOT NULL DEFAULT 0,
  user_type           TEXT NOT NULL DEFAULT 'employee',
  name                TEXT NOT NULL DEFAULT '',
  last_name           TEXT NOT NULL DEFAULT '',
  second_name         TEXT NOT NULL DEFAULT '',
  name_folded         TEXT NOT NULL DEFAULT '',
  language_id         TEXT NOT NULL DEFAULT '',
  time_zone           TEXT NOT NULL DEFAULT '',
  photo_file_id       INTEGER REFERENCES files(id),
  personal_gender     TEXT NOT NULL DEFAULT '',
  personal_birthday   TEXT NOT NULL DEFAULT '',
  personal_profession TEXT NOT NULL DEFAULT '',
  personal_www        TEXT NOT NULL DEFAULT '',
  personal_phone      TEXT NOT NULL DEFAULT '',
  personal_mobile     TEXT NOT NULL DEFAULT '',
  personal_city       TEXT NOT NULL DEFAULT '',
  personal_street     TEXT NOT NULL DEFAULT '',
  personal_zip        TEXT NOT NULL DEFAULT '',
  personal_country    TEXT NOT NULL DEFAULT '',
  personal_notes      TEXT NOT NULL DEFAULT '',
  work_company        TEXT NOT NULL DEFAULT '',
  work_position       TEXT NOT NULL DEFAULT '',
  work_phone          TEXT NOT NULL DEFAULT '',
  work_www            TEXT NOT NULL DEFAULT '',
  work_city           TEXT NOT NULL DEFAULT '',
  work_street         TEXT NOT NULL DEFAULT '',
  work_notes          TEXT NOT NULL DEFAULT '',
  uf_phone_inner      TEXT NOT NULL DEFAULT '',
  uf_skype            TEXT NOT NULL DEFAULT '',
  uf_skills           TEXT NOT NULL DEFAULT '',
  uf_interests        TEXT NOT NULL DEFAULT '',
  uf_web_sites        TEXT NOT NULL DEFAULT '',
  uf_employment_date  TEXT NOT NULL DEFAULT '',
  xml_id              TEXT NOT NULL DEFAULT '',
  date_register       INTEGER NOT NULL,
  last_login          INTEGER,
  timestamp_x         INTEGER NOT NULL
);
CREATE INDEX users_type_active ON users(user_type, active);
CREATE INDEX users_last_name ON users(last_name, name);

CREATE TABLE departments (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  sort      INTEGER NOT NULL DEFAULT 500,
  parent_id INTEGER REFERENCES departments(id),
  head_id   INTEGER REFERENCES users(id)
);
CREATE INDEX departments_parent ON departments(parent_id);

CREATE TABLE user_departments (
  user_id       INTEGER NOT NULL REFERENCES users(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  PRIMARY KEY (user_id, department_id)
);
CREATE INDEX user_departments_department ON user_departments(department_id, user_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ip         TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE invitations (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  invited_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  accepted_at INTEGER
);
CREATE INDEX invitations_user ON invitations(user_id);

CREATE TABLE webhooks (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  token      TEXT NOT NULL,
  title      TEXT NOT NULL DEFAULT '',
  scopes     TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX webhooks_user ON webhooks(user_id);

-- Written in the same transaction as the change that causes the mail, delivered after commit.
CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  to_address      TEXT NOT NULL,
  to_name         TEXT NOT NULL DEFAULT '',
  subject         TEXT NOT NULL,
  body_text       TEXT NOT NULL,
  body_html       TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at         INTEGER,
  last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_attempt_at);
