// What a learner sees under a simulation cell, decided in one place for every
// route that shows or serves it (the lesson page, a run, a reset, a detail,
// the JSON API): their own last run, the default scenario's result, or, predict
// first, nothing yet.
//
// Predict first: a cell's default result answers the predict quizzes that read
// it, so it is held back until the learner has answered every one of them, or
// has run the cell (their own choice, and then they see their own run). Routes
// render and serve outcomes only through a CellOutput, and a held-back one
// carries no outcome: no path can show what it holds back.

import type { Cell, Lesson, SimCell } from './content/model.ts';
import type { RunOutcome, RunSuccess } from './sim-runtime/execute.ts';

export type CellOutput =
  /** The learner's own last run of the cell (a run, or an edit imported from a progress file). */
  | { kind: 'own'; cell: SimCell; input: string; outcome: RunOutcome }
  /** The default scenario's result: no predict quiz reads it, or the learner answered them all. */
  | { kind: 'default'; cell: SimCell; input: string; outcome: RunSuccess }
  /** Held back: the predict quizzes on this result the learner has not answered yet, in lesson order. */
  | { kind: 'held'; cell: SimCell; input: string; quizzes: string[] };

/** A learner's saved run of a cell, its outcome already resolved (stored, or recomputed). */
export interface OwnRun {
  input: string;
  outcome: RunOutcome;
}

/**
 * The rule. `own` is the learner's saved run of the cell, if any;
 * `answered(quizId)` says whether they have answered a quiz of this lesson.
 */
export function cellOutput(lesson: Lesson, cell: SimCell, own: OwnRun | undefined, answered: (quizId: string) => boolean): CellOutput {
  if (own) return { kind: 'own', cell, input: own.input, outcome: own.outcome };
  const unanswered = (predictQuizzesOf(lesson).get(cell.id) ?? []).filter((id) => !answered(id));
  if (unanswered.length > 0) return { kind: 'held', cell, input: cell.input, quizzes: unanswered };
  return { kind: 'default', cell, input: cell.input, outcome: cell.defaultOutput };
}

// Which predict quizzes read each sim cell's result, per lesson (lessons are
// fixed at start-up, so this is worked out once per lesson object).
const predictsByLesson = new WeakMap<object, Map<string, string[]>>();

export function predictQuizzesOf(lesson: { cells: readonly Cell[] }): Map<string, string[]> {
  let map = predictsByLesson.get(lesson);
  if (!map) {
    map = new Map();
    for (const cell of lesson.cells) {
      if (cell.kind === 'quiz' && cell.spec.type === 'predict') map.set(cell.spec.sim, [...(map.get(cell.spec.sim) ?? []), cell.id]);
    }
    predictsByLesson.set(lesson, map);
  }
  return map;
}
