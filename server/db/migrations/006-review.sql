-- Spaced review (issue 13). The log is the truth: every rating a learner gave a
-- missed question on /review, with its moment. A card (when the question is due
-- next, FSRS's stability and difficulty) is a pure function of its log
-- (server/review/schedule.ts replays it); review_cards keeps the latest result so
-- counting what is due is one indexed query.
CREATE TABLE review_log (
  learner_id   TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  lesson_slug  TEXT NOT NULL,
  cell_id      TEXT NOT NULL,
  reviewed_at  TEXT NOT NULL,
  rating       TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
  PRIMARY KEY (learner_id, lesson_slug, cell_id, reviewed_at)
) STRICT, WITHOUT ROWID;

CREATE TABLE review_cards (
  learner_id   TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  lesson_slug  TEXT NOT NULL,
  cell_id      TEXT NOT NULL,
  due          TEXT NOT NULL,
  card_json    TEXT NOT NULL,
  PRIMARY KEY (learner_id, lesson_slug, cell_id)
) STRICT, WITHOUT ROWID;
