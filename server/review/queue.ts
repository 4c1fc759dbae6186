// The review queue (issue 13): every question the learner missed (first answer
// wrong, or right only after the key was shown) is a card. A card never rated
// is due from the moment it was last answered; a rated one when FSRS says.
// Pure: the notebook gives it the missed questions, the stored cards and now.

import { newCard, type CardState } from './schedule.ts';

export interface MissedCard {
  slug: string;
  cellId: string;
  /** When the learner last answered it: an unrated card is due from then. */
  answeredAt: string;
}

export interface QueueEntry<T extends MissedCard> {
  question: T;
  card: CardState;
  /** Never rated on /review yet. */
  fresh: boolean;
}

export interface ReviewQueue<T extends MissedCard> {
  /** Due now, the longest overdue first. */
  due: QueueEntry<T>[];
  /** Not due yet, the soonest first. */
  upcoming: QueueEntry<T>[];
}

export function buildQueue<T extends MissedCard>(missed: readonly T[], cards: ReadonlyMap<string, { card: unknown }>, now: string): ReviewQueue<T> {
  const entries = missed.map((question) => {
    const stored = cards.get(`${question.slug}/${question.cellId}`);
    return stored ? { question, card: stored.card as CardState, fresh: false } : { question, card: newCard(question.answeredAt), fresh: true };
  });
  const byDue = (a: QueueEntry<T>, b: QueueEntry<T>) => (a.card.due < b.card.due ? -1 : a.card.due > b.card.due ? 1 : 0);
  return {
    due: entries.filter((e) => e.card.due <= now).sort(byDue),
    upcoming: entries.filter((e) => e.card.due > now).sort(byDue),
  };
}
