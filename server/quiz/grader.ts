// Grades quiz answers on the server. Every quiz is reduced at start-up to a
// GradingKey; for predict quizzes the key is built from the value the engine
// computed for the cell's default scenario, never from anything typed in.

import { displayValue, type QuizSpec } from './quiz-schema.ts';

export type GradingKey =
  | { kind: 'choice'; multiple: boolean; correct: number[] }
  | { kind: 'text'; answers: string[]; caseSensitive: boolean }
  | { kind: 'number'; answer: number; tolerance: number };

/** The learner's answer in a shape the key can be compared with. */
export type NormalizedAnswer = number | number[] | string;

/** The answer is not of the form the quiz takes: answered 400, not stored. */
export class AnswerFormatError extends Error {
  override readonly name = 'AnswerFormatError';
}

/** Why a predict key could not be built (a content error at start-up). */
export class PredictKeyError extends Error {}

/** Deep equality where lists compare as sets (order does not matter). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const rest = [...b];
    for (const item of a) {
      const i = rest.findIndex((other) => valuesEqual(item, other));
      if (i < 0) return false;
      rest.splice(i, 1);
    }
    return true;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) || Array.isArray(b)) return false;
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && valuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/**
 * Builds the key of a quiz. For predict quizzes pass the computed value.
 *
 * @example
 *   keyFor({ type: 'predict', select: 'single', choices: [{ value: 'node-1' }, { value: 'node-2' }], ... }, 'node-2')
 *   // → { kind: 'choice', multiple: false, correct: [1] }
 */
export function keyFor(spec: QuizSpec, computed?: unknown): GradingKey {
  switch (spec.type) {
    case 'single':
    case 'multiple':
      return {
        kind: 'choice',
        multiple: spec.type === 'multiple',
        correct: spec.choices.flatMap((c, i) => (c.correct ? [i] : [])),
      };
    case 'short':
      return { kind: 'text', answers: spec.answers, caseSensitive: spec.caseSensitive };
    case 'numeric':
      return { kind: 'number', answer: spec.answer, tolerance: spec.tolerance };
    case 'predict':
      return predictKey(spec, computed);
  }
}

function predictKey(spec: Extract<QuizSpec, { type: 'predict' }>, computed: unknown): GradingKey {
  if (spec.choices && spec.select === 'multiple') {
    if (!Array.isArray(computed)) {
      throw new PredictKeyError(`select: multiple needs a list at ${spec.path}, the engine computed ${JSON.stringify(computed)}`);
    }
    const correct = spec.choices.flatMap((c, i) => (computed.some((v) => valuesEqual(v, c.value)) ? [i] : []));
    const uncovered = computed.filter((v) => !spec.choices!.some((c) => valuesEqual(v, c.value)));
    if (uncovered.length > 0) {
      throw new PredictKeyError(`the engine computed ${JSON.stringify(uncovered)} at ${spec.path}, which no choice offers`);
    }
    return { kind: 'choice', multiple: true, correct };
  }
  if (spec.choices) {
    const correct = spec.choices.flatMap((c, i) => (valuesEqual(c.value, computed) ? [i] : []));
    if (correct.length !== 1) {
      throw new PredictKeyError(
        correct.length === 0
          ? `the engine computed ${JSON.stringify(computed)} at ${spec.path}, which is none of the choices`
          : `the engine computed ${JSON.stringify(computed)} at ${spec.path}, which ${correct.length} choices share`,
      );
    }
    return { kind: 'choice', multiple: false, correct };
  }
  if (spec.input === 'number') {
    if (typeof computed !== 'number') {
      throw new PredictKeyError(`input: number needs a number at ${spec.path}, the engine computed ${JSON.stringify(computed)}`);
    }
    return { kind: 'number', answer: computed, tolerance: spec.tolerance };
  }
  if (computed !== null && typeof computed === 'object' && !Array.isArray(computed)) {
    throw new PredictKeyError(`input: text needs a plain value at ${spec.path}, the engine computed an object`);
  }
  const answers = computed === null || computed === undefined ? ['none', 'null'] : [displayValue(computed)];
  return { kind: 'text', answers, caseSensitive: false };
}

/** Normalises free text the way short answers are compared. */
export function normalizeText(text: string, caseSensitive: boolean): string {
  let t = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // Learners often wrap answers in quotes or backticks, or end with a full stop.
  t = t.replace(/[.。]$/, '').replace(/^[`"'“‘]+|[`"'”’]+$/g, '').replace(/[.。]$/, '').trim();
  return caseSensitive ? t : t.toLowerCase();
}

/**
 * Checks and normalises a submitted answer against the kind of quiz.
 * Accepts what JSON clients send and what HTML forms send (strings).
 */
export function normalizeAnswer(key: GradingKey, raw: unknown, choiceCount: number): NormalizedAnswer {
  switch (key.kind) {
    case 'choice': {
      const toIndex = (v: unknown): number => {
        const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= choiceCount) {
          throw new AnswerFormatError(`an answer is the index of a choice, 0 to ${choiceCount - 1}`);
        }
        return n;
      };
      if (key.multiple) {
        const list = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw : [raw];
        if (list.length > choiceCount) throw new AnswerFormatError('more answers than choices');
        return [...new Set(list.map(toIndex))].sort((a, b) => a - b);
      }
      if (Array.isArray(raw)) throw new AnswerFormatError('this question takes one choice');
      return toIndex(raw);
    }
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw new AnswerFormatError('an answer is a piece of text');
      const text = String(raw);
      if (text.length > 2000) throw new AnswerFormatError('an answer is at most 2,000 characters');
      return text;
    }
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new AnswerFormatError('an answer is a number');
      return n;
    }
  }
}

export function grade(key: GradingKey, answer: NormalizedAnswer): boolean {
  switch (key.kind) {
    case 'choice':
      if (key.multiple) {
        const given = answer as number[];
        return given.length === key.correct.length && given.every((i) => key.correct.includes(i));
      }
      return key.correct.length === 1 && key.correct[0] === answer;
    case 'text': {
      const given = normalizeText(String(answer), key.caseSensitive);
      return key.answers.some((a) => normalizeText(a, key.caseSensitive) === given);
    }
    case 'number':
      return Math.abs((answer as number) - key.answer) <= key.tolerance;
  }
}
