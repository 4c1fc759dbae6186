// Spaced review (issue 13): when a missed question comes back, scheduled with
// FSRS (the Free Spaced Repetition Scheduler, the algorithm Anki ships) through
// the ts-fsrs library with its default parameters.
//
// A card is a pure function of its review log: replaying the learner's ratings
// from an empty card (created at the first rating) gives the card. The store
// keeps the result as a cache; an import merges logs and replays them, so a file
// cannot claim an interval its ratings do not earn.

import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/** The four answers of a review, as Anki names them. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RatingName = (typeof RATINGS)[number];

const GRADE_OF: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export function isRatingName(value: unknown): value is RatingName {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

/** One rating in a card's history. */
export interface ReviewEntry {
  rating: RatingName;
  /** RFC 3339 UTC. */
  reviewedAt: string;
}

/** What the page and the store need of a card. */
export interface CardState {
  /** When it is next due (RFC 3339 UTC). */
  due: string;
  /** 'learning' and 'relearning' come back within minutes; 'review' after days. */
  state: 'new' | 'learning' | 'review' | 'relearning';
  reps: number;
  lapses: number;
  /** FSRS memory stability, in days: the interval at which recall falls to 90%. */
  stability: number;
  difficulty: number;
  scheduledDays: number;
  elapsedDays: number;
  learningSteps: number;
  lastReview: string | null;
}

// Fuzz is off: the same ratings at the same times always give the same card (replayable, testable).
const scheduler = fsrs({ enable_fuzz: false });

const STATE_OF: Record<CardState['state'], State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

function toCard(c: CardState): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_OF[c.state],
    last_review: c.lastReview ? new Date(c.lastReview) : undefined,
  };
}

const STATE_NAMES: Record<State, CardState['state']> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** A card never rated: due from the moment the question was missed. */
export function newCard(missedAt: string): CardState {
  return cardState(createEmptyCard(new Date(missedAt)));
}

/**
 * The card after every rating of its log, in time order, starting from an
 * empty card at the first rating.
 */
export function replay(log: readonly ReviewEntry[]): CardState | undefined {
  const card = replayCard(log);
  return card && cardState(card);
}

/**
 * When each answer would bring the card back, for the buttons ("Good: 10 min"). A card
 * never rated starts from an empty card made at that moment, as replay does.
 */
export function preview(card: CardState | undefined, now: string): Record<RatingName, string> {
  return previewCard(card ? toCard(card) : createEmptyCard(new Date(now)), now);
}

function previewCard(card: Card, now: string): Record<RatingName, string> {
  const out = {} as Record<RatingName, string>;
  for (const name of RATINGS) out[name] = scheduler.next(card, new Date(now), GRADE_OF[name]).card.due.toISOString();
  return out;
}

function replayCard(log: readonly ReviewEntry[]): Card | undefined {
  const sorted = [...log].sort((a, b) => (a.reviewedAt < b.reviewedAt ? -1 : a.reviewedAt > b.reviewedAt ? 1 : 0));
  if (sorted.length === 0) return undefined;
  let card: Card = createEmptyCard(new Date(sorted[0].reviewedAt));
  for (const entry of sorted) card = scheduler.next(card, new Date(entry.reviewedAt), GRADE_OF[entry.rating]).card;
  return card;
}

function cardState(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    state: STATE_NAMES[card.state],
    reps: card.reps,
    lapses: card.lapses,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    elapsedDays: card.elapsed_days,
    learningSteps: card.learning_steps,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}
