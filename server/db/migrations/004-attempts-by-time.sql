-- Attempts are looked up by time (issue 14): an import's duplicate check asks for
-- the learner's attempts on one quiz at one instant, the grading and the
-- compaction of old attempts read a quiz's attempts in time order. Without this
-- index each of those scanned every attempt the learner made on the quiz.
CREATE INDEX attempts_by_time ON attempts (learner_id, lesson_slug, cell_id, created_at);
