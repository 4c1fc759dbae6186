// Turns content, engine outputs and a learner's saved state into exactly what
// the templates need. Pure functions: no database, no Express.

import type { Engine, TraceStep } from '../../simulations/shared/engine.ts';
import type { Lang, Lesson, QuizCell, SimCell } from '../content/model.ts';
import { translate } from '../i18n/strings.ts';
import type { RunOutcome } from '../sim-runtime/execute.ts';
import type { AttemptOutcome, CellState, ChallengeState, LatestAttempt, QuizStanding } from '../db/store.ts';
import { challengeStanding } from '../db/store.ts';
import { escapeHtml } from './escape.ts';
import type { GradingKey } from '../quiz/grader.ts';
import { choicesOf } from '../quiz/quiz-schema.ts';

export interface SimOutputModel {
  ok: boolean;
  partial?: string;
  context?: Record<string, unknown>;
  trace?: TraceModel[];
  error?: {
    message: string;
    line?: number;
    column?: number;
    path?: string;
    snippet: SnippetLine[];
  };
  durationText?: string;
  /** The budget the run stopped at, for the shared notice above the result. */
  budgetHit?: { reason: string; limit: string; at?: string };
}

export interface SnippetLine {
  no: number;
  /** The whole line, or (on the error's line, when the column is known) the part before the column. */
  text: string;
  hit: boolean;
  /** On the error's line: the character at the column (a space past the end), and the rest of the line. */
  at?: string;
  after?: string;
}

export interface TraceModel {
  n: number;
  at?: string;
  title: string;
  detail?: string;
  subject?: string;
  source?: string;
  level: string;
}

/** Seconds shown as "t=12s" or "t=1m05s" for clocked engines. */
export function formatVirtualTime(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `t=${s}s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return `t=${m}m${String(rest).padStart(2, '0')}s`;
  return `t=${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const MAX_TRACE_STEPS = 400;

export function traceModel(trace: TraceStep[]): TraceModel[] {
  return trace.slice(0, MAX_TRACE_STEPS).map((step, i) => ({
    n: i + 1,
    at: step.at === undefined ? undefined : formatVirtualTime(step.at),
    title: step.title,
    detail: step.detail,
    subject: step.subject,
    source: step.source,
    level: step.level ?? 'info',
  }));
}

/**
 * The error's line with one line of context either side, its column marked
 * (the learner reads it whole: lines wrap on the page instead of scrolling off,
 * so the line after, often the one the message is about, is always in view).
 *
 * @example
 *   errorSnippet('a: 1\nb: [\nc: 3\nd: 4', 2, 4)
 *   // → [{ no: 1, text: 'a: 1', hit: false },
 *   //    { no: 2, text: 'b: ', at: '[', after: '', hit: true },
 *   //    { no: 3, text: 'c: 3', hit: false }]
 */
export function errorSnippet(input: string, line: number | undefined, column: number | undefined): SnippetLine[] {
  if (line === undefined) return [];
  const lines = input.split('\n');
  if (line < 1 || line > lines.length) return [];
  const out: SnippetLine[] = [];
  for (let no = Math.max(1, line - 1); no <= Math.min(lines.length, line + 1); no++) {
    const text = (lines[no - 1] ?? '').replace(/\r$/, '');
    if (no !== line || !column || column < 1) {
      out.push({ no, text, hit: no === line });
      continue;
    }
    const i = Math.min(column - 1, text.length);
    out.push({ no, text: text.slice(0, i), at: text.slice(i, i + 1) || ' ', after: text.slice(i + 1), hit: true });
  }
  return out;
}

/**
 * A scenario refused before it ran, in the learner's words and language: an
 * empty one (code 'request') or one over the size limit (code 'limit'). Other
 * messages are the engine's (Kubernetes' own words) and stay as they are.
 */
export function refusedInputMessage(lang: Lang, error: { code: string; message: string }, maxChars: number): string {
  if (error.code === 'limit') return translate(lang, 'sim.error.tooLong', { limit: maxChars.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') });
  if (/empty/.test(error.message)) return translate(lang, 'sim.error.empty');
  return error.message;
}

/** Whether a partial is registered; engines without one get a JSON view. */
export type PartialCheck = (name: string) => boolean;

/** Where a cell's on-demand details live (`Engine.detail`): append the key. */
export function detailsUrl(slug: string, cellId: string): string {
  return `/lessons/${encodeURIComponent(slug)}/cells/${encodeURIComponent(cellId)}/details/`;
}

export function simOutputModel(
  engine: Engine | undefined,
  cell: { slug: string; id: string },
  input: string,
  outcome: RunOutcome,
  hasPartial: PartialCheck,
): SimOutputModel {
  if (!outcome.ok) {
    return {
      ok: false,
      error: {
        message: outcome.error.message,
        line: outcome.error.line,
        column: outcome.error.column,
        path: outcome.error.path,
        snippet: errorSnippet(input, outcome.error.line, outcome.error.column),
      },
    };
  }
  const output = { result: outcome.result, trace: outcome.trace };
  return {
    ok: true,
    partial: engine && hasPartial(engine.view) ? engine.view : undefined,
    context: {
      output,
      // Built with the run, in the worker (or at start-up for a default scenario): rendering runs no engine code.
      view: outcome.view,
      cell: { id: cell.id, engine: engine?.id, detailsUrl: detailsUrl(cell.slug, cell.id) },
    },
    trace: traceModel(outcome.trace),
    ...(outcome.budgetHit
      ? {
          budgetHit: {
            reason: outcome.budgetHit.reason,
            limit: outcome.budgetHit.limit.toLocaleString('en-US'),
            ...(outcome.budgetHit.atSeconds === undefined ? {} : { at: `${outcome.budgetHit.atSeconds}s` }),
          },
        }
      : {}),
    durationText: outcome.durationMs === undefined ? undefined : `${outcome.durationMs.toFixed(1)} ms`,
  };
}

export interface SimCellModel {
  kind: 'sim';
  id: string;
  anchor: string;
  engine: string;
  engineTitle: string;
  input: string;
  rows: number;
  edited: boolean;
  runCount: number;
}

/** The editor part of a sim cell; its output is rendered separately (and cached for defaults). */
export function simCellModel(cell: SimCell, state: CellState | undefined, sent?: string): SimCellModel {
  const input = sent ?? state?.input ?? cell.input;
  return {
    kind: 'sim',
    id: cell.id,
    anchor: `cell-${cell.id}`,
    engine: cell.engine,
    engineTitle: cell.engineTitle,
    input,
    rows: Math.min(40, Math.max(8, input.split('\n').length + 1)),
    // What is saved, not what the editor holds (a scenario sent with an error is not saved).
    edited: state !== undefined && state.input !== cell.input,
    runCount: state?.runCount ?? 0,
  };
}

export interface QuizCellModel {
  kind: 'quiz';
  id: string;
  anchor: string;
  type: string;
  isPredict: boolean;
  /** A predict quiz's sim cell, and whether the learner's saved version of it differs from the lesson's. */
  simId?: string;
  scenarioEdited: boolean;
  promptHtml: string;
  inputKind: 'single' | 'multiple' | 'text' | 'number';
  unit?: string;
  choices: { index: number; html: string; checked: boolean }[];
  value?: string;
  feedback?: QuizFeedbackModel;
}

export interface QuizFeedbackModel {
  /** Whether the answer shown matches the key. */
  correct: boolean;
  /** What it counted as (the first attempt is graded; a later right answer is 'seen'). */
  outcome: AttemptOutcome;
  standing: QuizStanding;
  count: number;
  yourAnswerHtml: string;
  expectedHtml: string;
  explainHtml: string;
  choices: { html: string; explainHtml: string; correct: boolean; chosen: boolean }[];
  followUpQuestionHtml: string;
  followUpAnswerHtml: string;
  /** A predict quiz's cell output, to go and see once answered. */
  simAnchor?: string;
}

export function inputKindOf(key: GradingKey): QuizCellModel['inputKind'] {
  if (key.kind === 'choice') return key.multiple ? 'multiple' : 'single';
  return key.kind === 'number' ? 'number' : 'text';
}

function chosenIndexes(answer: unknown): number[] {
  if (Array.isArray(answer)) return answer.filter((a): a is number => typeof a === 'number');
  return typeof answer === 'number' ? [answer] : [];
}

/** The expected answer as the learner should read it (HTML). */
export function expectedHtml(cell: QuizCell): string {
  const { key } = cell;
  if (key.kind === 'choice') {
    return key.correct.map((i) => cell.html.choices[i]?.text ?? '').join('<br>') || escapeHtml('(none of the choices)');
  }
  if (key.kind === 'number') {
    const unit = cell.spec.type === 'numeric' || cell.spec.type === 'predict' ? (cell.spec.unit ?? '') : '';
    return escapeHtml(`${key.answer}${unit ? ` ${unit}` : ''}`);
  }
  return escapeHtml(key.answers[0] ?? '');
}

/** The expected answer as plain data for the JSON API. */
export function expectedValue(cell: QuizCell): unknown {
  const { key } = cell;
  if (key.kind === 'choice') return key.multiple ? key.correct : key.correct[0];
  if (key.kind === 'number') return key.answer;
  return cell.spec.type === 'predict' ? cell.computed : key.answers[0];
}

export function feedbackModel(
  cell: QuizCell,
  attempt: { answer: unknown; correct: boolean; count: number; outcome: AttemptOutcome; standing: QuizStanding },
): QuizFeedbackModel {
  const chosen = chosenIndexes(attempt.answer);
  const { key } = cell;
  let yourAnswerHtml: string;
  if (key.kind === 'choice') {
    yourAnswerHtml = chosen.map((i) => cell.html.choices[i]?.text ?? '').join('<br>') || escapeHtml('—');
  } else {
    yourAnswerHtml = escapeHtml(String(attempt.answer ?? ''));
  }
  return {
    correct: attempt.correct,
    outcome: attempt.outcome,
    standing: attempt.standing,
    count: attempt.count,
    yourAnswerHtml,
    expectedHtml: expectedHtml(cell),
    explainHtml: cell.html.explain,
    choices: cell.html.choices.map((c, i) => ({
      html: c.text,
      explainHtml: c.explain,
      correct: key.kind === 'choice' && key.correct.includes(i),
      chosen: chosen.includes(i),
    })),
    followUpQuestionHtml: cell.html.followUpQuestion,
    followUpAnswerHtml: cell.html.followUpAnswer,
    simAnchor: cell.spec.type === 'predict' ? `cell-${cell.spec.sim}-output` : undefined,
  };
}

export function quizCellModel(cell: QuizCell, attempt: LatestAttempt | undefined, { scenarioEdited = false } = {}): QuizCellModel {
  const inputKind = inputKindOf(cell.key);
  const chosen = attempt ? chosenIndexes(attempt.answer) : [];
  const unit = cell.spec.type === 'numeric' || cell.spec.type === 'predict' ? cell.spec.unit : undefined;
  return {
    kind: 'quiz',
    id: cell.id,
    anchor: `cell-${cell.id}`,
    type: cell.spec.type,
    isPredict: cell.spec.type === 'predict',
    simId: cell.spec.type === 'predict' ? cell.spec.sim : undefined,
    scenarioEdited,
    promptHtml: cell.html.prompt,
    inputKind,
    unit,
    choices: cell.html.choices.map((c, i) => ({ index: i, html: c.text, checked: chosen.includes(i) })),
    value: attempt && (inputKind === 'text' || inputKind === 'number') ? String(attempt.answer ?? '') : undefined,
    feedback: attempt ? feedbackModel(cell, attempt) : undefined,
  };
}

/** The public shape of a quiz (no answers), for GET /api/lessons/:slug. */
export function publicQuiz(cell: QuizCell) {
  const choices = choicesOf(cell.spec).map((c) => c.text);
  return {
    id: cell.id,
    type: cell.spec.type,
    prompt: cell.spec.prompt,
    input: inputKindOf(cell.key),
    ...(choices.length > 0 ? { choices } : {}),
    ...(cell.spec.type === 'predict' ? { sim: cell.spec.sim, path: cell.spec.path } : {}),
  };
}

export interface LessonProgress {
  sims: number;
  simsRun: number;
  quizzes: number;
  answered: number;
  correct: number;
  challenges: number;
  /** Solved before the solution was shown. */
  challengesSolved: number;
}

export function lessonProgress(
  lesson: Lesson,
  runCounts: ReadonlyMap<string, number>,
  attempts: ReadonlyMap<string, LatestAttempt>,
  challenges: ReadonlyMap<string, ChallengeState> = new Map(),
): LessonProgress {
  const p: LessonProgress = { sims: 0, simsRun: 0, quizzes: 0, answered: 0, correct: 0, challenges: 0, challengesSolved: 0 };
  for (const cell of lesson.cells) {
    const key = `${lesson.slug}/${cell.id}`;
    if (cell.kind === 'challenge') {
      p.challenges++;
      if (challengeStanding(challenges.get(key)) === 'solved') p.challengesSolved++;
    } else if (cell.kind === 'sim') {
      p.sims++;
      if (runCounts.has(key)) p.simsRun++;
    } else if (cell.kind === 'quiz') {
      p.quizzes++;
      const attempt = attempts.get(key);
      if (attempt) {
        p.answered++;
        // The first attempt counts: right after seeing the answer is not right.
        if (attempt.standing === 'right') p.correct++;
      }
    }
  }
  return p;
}
