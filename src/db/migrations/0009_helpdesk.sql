-- The client ticket desk (M1–M7): client companies with their sites and contacts (outside
-- people who log in), their tickets, and the tickets' discussions kept like tasks'
-- (modules/discussion). Times are UTC Unix seconds.
CREATE TABLE helpdesk_companies (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL,
  responsible_id INTEGER REFERENCES users(id),
  group_id       INTEGER REFERENCES sonet_groups(id) ON DELETE SET NULL,
  comments       TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE helpdesk_sites (
  id         INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES helpdesk_companies(id),
  url        TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX helpdesk_sites_company ON helpdesk_sites(company_id, id);

-- A contact is a person (an extranet user) of one company.
CREATE TABLE helpdesk_contacts (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id),
  company_id INTEGER NOT NULL REFERENCES helpdesk_companies(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX helpdesk_contacts_company ON helpdesk_contacts(company_id, user_id);

-- status: QUEUE, IN_WORK, NEED_INFO, WAITING_ACCEPTANCE, ACCEPTED; priority: LOW, NORMAL,
-- HIGH; source: portal (later email).
CREATE TABLE helpdesk_tickets (
  id                INTEGER PRIMARY KEY,
  title             TEXT NOT NULL,
  company_id        INTEGER NOT NULL REFERENCES helpdesk_companies(id),
  site_id           INTEGER REFERENCES helpdesk_sites(id),
  contact_id        INTEGER REFERENCES users(id),
  description       TEXT NOT NULL DEFAULT '',
  desired_date      INTEGER,
  priority          TEXT NOT NULL DEFAULT 'NORMAL',
  status            TEXT NOT NULL DEFAULT 'QUEUE',
  responsible_id    INTEGER REFERENCES users(id),
  task_id           INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  source            TEXT NOT NULL DEFAULT 'portal',
  comments_count    INTEGER NOT NULL DEFAULT 0,
  created_by        INTEGER NOT NULL REFERENCES users(id),
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  status_changed_at INTEGER NOT NULL
);
CREATE INDEX helpdesk_tickets_company ON helpdesk_tickets(company_id, id);
CREATE INDEX helpdesk_tickets_status ON helpdesk_tickets(status, id);
CREATE INDEX helpdesk_tickets_responsible ON helpdesk_tickets(responsible_id, id);

CREATE TABLE ticket_comments (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES helpdesk_tickets(id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users(id),
  parent_id  INTEGER REFERENCES ticket_comments(id) ON DELETE SET NULL,
  message    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments(ticket_id, created_at);

CREATE TABLE ticket_files (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES helpdesk_tickets(id) ON DELETE CASCADE,
  comment_id INTEGER REFERENCES ticket_comments(id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files(id),
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_files_ticket ON ticket_files(ticket_id, comment_id);

-- The studio's working hours (M7): one row. work_days "1,2,3,4,5" (1 = Monday); minutes from
-- midnight in the portal's time zone.
CREATE TABLE helpdesk_hours (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  work_days TEXT NOT NULL,
  work_from INTEGER NOT NULL,
  work_to   INTEGER NOT NULL
);
