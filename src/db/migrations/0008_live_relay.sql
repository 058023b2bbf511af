-- Live messages too large for a PostgreSQL NOTIFY, kept a few minutes for the other processes
-- of the database to read (events/live.cpp). Unused on SQLite, which serves one process.
CREATE TABLE live_relay (
  id         INTEGER PRIMARY KEY,
  payload    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX live_relay_created ON live_relay(created_at);
