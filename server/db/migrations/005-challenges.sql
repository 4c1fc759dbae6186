-- Troubleshooting challenges (issue 27). The learner's last scenario and its
-- outcome are kept in cell_states like any cell's; this row holds what is
-- graded: how many real attempts (runs of an edited scenario that ran), how
-- many hints were revealed, the solving run (its scenario and when), and when
-- the solution was shown. A challenge solved after the solution was shown
-- counts as "seen", as a quiz answered after its key was.
CREATE TABLE challenge_states (
  learner_id        TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  lesson_slug       TEXT NOT NULL,
  cell_id           TEXT NOT NULL,
  attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  hints_used        INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
  solved_at         TEXT,
  solved_input      TEXT,
  seen_solution_at  TEXT,
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (learner_id, lesson_slug, cell_id)
) STRICT, WITHOUT ROWID;
