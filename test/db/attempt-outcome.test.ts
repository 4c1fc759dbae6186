// Migration 003 (issue 13, point 4): answers stored before it get what they
// count as from their order, the same rule the store applies to every new and
// imported answer: the first attempt on a quiz is 'right' or 'wrong', a right
// one after it 'seen'.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../server/db/open.ts';
import { Store } from '../../server/db/store.ts';

const MIGRATIONS = fileURLToPath(new URL('../../server/db/migrations/', import.meta.url));

/** A database as it was before migration 003, with these attempts (learner, quiz, correct, time). */
function before003(rows: [string, string, 0 | 1, string][]) {
  const db = new Database(':memory:');
  db.exec(readFileSync(`${MIGRATIONS}001-initial.sql`, 'utf8'));
  db.exec(readFileSync(`${MIGRATIONS}002-output-engine-version.sql`, 'utf8'));
  db.pragma('user_version = 2');
  const now = '2026-01-01T00:00:00.000Z';
  for (const learner of new Set(rows.map((r) => r[0]))) db.prepare('INSERT INTO learners VALUES (?, ?, ?)').run(learner, now, now);
  const insert = db.prepare(`INSERT INTO attempts (learner_id, lesson_slug, cell_id, answer_json, correct, created_at) VALUES (?, 'l', ?, '0', ?, ?)`);
  for (const [learner, quiz, correct, at] of rows) insert.run(learner, quiz, correct, `2026-01-01T00:00:0${at}.000Z`);
  return db;
}

const outcomes = (db: Database.Database) =>
  (db.prepare('SELECT learner_id || \'/\' || cell_id AS quiz, outcome FROM attempts ORDER BY id').all() as { quiz: string; outcome: string }[]).map((r) => `${r.quiz} ${r.outcome}`);

describe('migration 003: what each stored answer counts as', () => {
  it('grades the first attempt per learner and quiz, by time then id; a later right answer is seen', () => {
    const db = before003([
      ['a', 'q1', 0, '1'], // a's first on q1: wrong
      ['a', 'q1', 1, '2'], // right after the key: seen
      ['a', 'q2', 1, '3'], // right at once
      ['a', 'q2', 0, '4'], // wrong later
      ['b', 'q1', 1, '5'], // another learner's first: right
      ['a', 'q3', 1, '7'], // stored first but answered later (an import): seen
      ['a', 'q3', 0, '6'], // the earliest: wrong
    ]);
    migrate(db);
    assert.deepEqual(outcomes(db), ['a/q1 wrong', 'a/q1 seen', 'a/q2 right', 'a/q2 wrong', 'b/q1 right', 'a/q3 seen', 'a/q3 wrong']);
    const latest = new Store(db).latestAttempts('a');
    assert.deepEqual(
      [...latest.values()].map((x) => `${x.cellId} ${x.standing}`).sort(),
      ['q1 seen', 'q2 right', 'q3 seen'],
      'standing: right only when the first attempt was; seen when the newest (by time) is right',
    );
  });

  it('an import that brings an earlier attempt settles again which one was first', () => {
    const db = new Database(':memory:');
    migrate(db);
    const store = new Store(db);
    assert.equal(store.recordAttempt('a', 'l', 'q', 0, true, '2026-01-02T00:00:00.000Z').outcome, 'right');
    // From another browser: a wrong answer a day earlier.
    store.importProgress('a', { cells: [], attempts: [{ lesson: 'l', cell: 'q', answer: 1, correct: false, createdAt: '2026-01-01T00:00:00.000Z' }] }, '2026-01-03T00:00:00.000Z');
    assert.equal(store.latestAttempts('a').get('l/q')?.standing, 'seen');
  });
});
