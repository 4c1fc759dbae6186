-- Learners are anonymous: an id in a cookie, nothing else.
CREATE TABLE learners (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL
) STRICT;

-- A learner's edited scenario for one simulation cell, and its last output.
CREATE TABLE cell_states (
  learner_id    TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  lesson_slug   TEXT NOT NULL,
  cell_id       TEXT NOT NULL,
  input         TEXT NOT NULL,
  -- The last run's outcome as JSON ({ ok, result, trace } or { ok: false, error }),
  -- NULL when it was too large to keep or came from an import (re-run on view).
  output_json   TEXT,
  run_count     INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (learner_id, lesson_slug, cell_id)
) STRICT, WITHOUT ROWID;

-- Every quiz answer ever submitted.
CREATE TABLE attempts (
  id            INTEGER PRIMARY KEY,
  learner_id    TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  lesson_slug   TEXT NOT NULL,
  cell_id       TEXT NOT NULL,
  answer_json   TEXT NOT NULL,
  correct       INTEGER NOT NULL CHECK (correct IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX attempts_by_cell ON attempts (learner_id, lesson_slug, cell_id, id);

-- Which lessons a learner opened, for "continue where you left off".
CREATE TABLE lesson_visits (
  learner_id       TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  lesson_slug      TEXT NOT NULL,
  last_visited_at  TEXT NOT NULL,
  PRIMARY KEY (learner_id, lesson_slug)
) STRICT, WITHOUT ROWID;

-- Server-wide settings that must survive restarts and be shared by every process (the CSRF secret).
CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
