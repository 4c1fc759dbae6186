-- What each answer counts as (issue 13, point 4): the first attempt on a quiz is
-- the one that is graded, 'right' or 'wrong'; every attempt shows the key, so a
-- right answer after the first is 'seen' (the learner had seen the answer), not
-- learned. A wrong answer is 'wrong' whenever it comes. Rows kept before this
-- migration get theirs from their order (created_at, then id), as the store
-- computes it for every new and imported attempt.
ALTER TABLE attempts ADD COLUMN outcome TEXT NOT NULL DEFAULT 'wrong' CHECK (outcome IN ('right', 'wrong', 'seen'));

UPDATE attempts SET outcome = CASE
  WHEN correct = 0 THEN 'wrong'
  WHEN EXISTS (
    SELECT 1 FROM attempts AS earlier
    WHERE earlier.learner_id = attempts.learner_id AND earlier.lesson_slug = attempts.lesson_slug AND earlier.cell_id = attempts.cell_id
      AND (earlier.created_at < attempts.created_at OR (earlier.created_at = attempts.created_at AND earlier.id < attempts.id))
  ) THEN 'seen'
  ELSE 'right'
END;
