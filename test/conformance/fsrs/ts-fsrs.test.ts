// The review scheduler (server/review/schedule.ts) against ts-fsrs's own test
// tables: open-spaced-repetition/ts-fsrs packages/fsrs/__tests__/FSRS-6.test.ts
// (v5.x), whose weights are ts-fsrs's defaults, the ones the site uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preview, replay, type RatingName, type ReviewEntry } from '../../../server/review/schedule.ts';

const START = '2022-12-29T12:30:00.000Z';

test("FSRS-6.test.ts 'ivl_history': each review at the moment the card falls due", () => {
  const ratings: RatingName[] = ['good', 'good', 'good', 'good', 'good', 'good', 'again', 'again', 'good', 'good', 'good', 'good', 'good'];
  const log: ReviewEntry[] = [];
  const intervals: number[] = [];
  let now = START;
  for (const rating of ratings) {
    log.push({ rating, reviewedAt: now });
    const card = replay(log)!;
    intervals.push(card.scheduledDays);
    now = card.due;
  }
  assert.deepEqual(intervals, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
});

test("FSRS-6.test.ts 'first repeat': what each answer does to a new card", () => {
  const dues = preview(undefined, START);
  const cards = (['again', 'hard', 'good', 'easy'] as const).map((rating) => replay([{ rating, reviewedAt: START }])!);
  assert.deepEqual(cards.map((c) => c.stability), [0.212, 1.2931, 2.3065, 8.2956]);
  assert.deepEqual(cards.map((c) => c.difficulty), [6.4133, 5.11217071, 2.11810397, 1]);
  assert.deepEqual(cards.map((c) => c.reps), [1, 1, 1, 1]);
  assert.deepEqual(cards.map((c) => c.lapses), [0, 0, 0, 0]);
  assert.deepEqual(cards.map((c) => c.scheduledDays), [0, 0, 0, 8]);
  assert.deepEqual(cards.map((c) => c.state), ['learning', 'learning', 'learning', 'review']);
  // The preview names the same moments the ratings lead to.
  assert.deepEqual([dues.again, dues.hard, dues.good, dues.easy], cards.map((c) => c.due));
});

test('a log replays the same whatever order it is stored in', () => {
  const log: ReviewEntry[] = [
    { rating: 'again', reviewedAt: '2026-01-01T10:00:00.000Z' },
    { rating: 'good', reviewedAt: '2026-01-01T10:05:00.000Z' },
    { rating: 'good', reviewedAt: '2026-01-01T10:20:00.000Z' },
  ];
  assert.deepEqual(replay([...log].reverse()), replay(log));
  assert.equal(replay([]), undefined);
});

test('a stored card previews what its log would give next', () => {
  const log: ReviewEntry[] = [
    { rating: 'again', reviewedAt: '2026-01-01T10:00:00.000Z' },
    { rating: 'good', reviewedAt: '2026-01-01T10:05:00.000Z' },
  ];
  const now = '2026-01-01T10:20:00.000Z';
  const dues = preview(replay(log), now);
  for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
    assert.equal(dues[rating], replay([...log, { rating, reviewedAt: now }])!.due, rating);
  }
  // Again comes back sooner than Easy.
  assert.ok(dues.again < dues.easy);
});
