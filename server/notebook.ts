// What the notebook does for a learner, independent of HTTP: run a cell and
// keep it, reset it, decide what each cell shows (its own run, the default
// result, or nothing yet: the predict-first rule of cell-output.ts, asked for
// every page, run, reset, detail and API answer), answer a quiz, summarise
// progress, export and import. Routes adapt requests to these calls and render
// what they return.

import { ValidationError } from '../simulations/shared/errors.ts';
import { NotFoundError, PredictFirstError } from './http/errors.ts';
import type { Engine, EngineDetail } from '../simulations/shared/engine.ts';
import type { ChallengeCell, Chapter, ContentIndex, Lang, Lesson, QuizCell, SimCell } from './content/model.ts';
import { gradeChallenge, type ChallengeReport } from './challenge/grade.ts';
import { lessonFor } from './content/model.ts';
import { CURRICULUM } from './content/curriculum.ts';
import type { AttemptOutcome, CardFromLog, CellState, ChallengeExport, ChallengeState, LatestAttempt, ProgressExport, QuizStanding, ReviewExport, Store } from './db/store.ts';
import { isRatingName, replay, type CardState, type RatingName } from './review/schedule.ts';
import { buildQueue } from './review/queue.ts';
import { challengeStanding } from './db/store.ts';
import { cellOutput, type CellOutput } from './cell-output.ts';
import { grade, normalizeAnswer } from './quiz/grader.ts';
import type { RunFailure, RunOutcome } from './sim-runtime/execute.ts';
import type { SimulationPool } from './sim-runtime/pool.ts';
import { expectedValue, feedbackModel, lessonProgress, type LessonProgress, type QuizFeedbackModel } from './views/view-models.ts';

export interface NotebookDeps {
  content: ContentIndex;
  store: Store;
  pool: SimulationPool;
  engines: ReadonlyMap<string, Engine>;
  now: () => Date;
  /**
   * Saved scenarios a learner's page views may run per minute (outputs not kept, or made by
   * another engine version). Past it a view shows the cell as not run yet: looping page
   * views cannot keep the workers busy (issue 14, finding 2). Default: no limit.
   */
  viewRunsPerMinute?: number;
}

/** Largest scenario a learner may save, in characters (the body limit is 256 KiB). */
export const MAX_INPUT_CHARS = 200_000;

export interface AnswerResult {
  /** Whether this answer matches the key. */
  correct: boolean;
  /** What it counts as: the first attempt 'right' or 'wrong', a later right one 'seen'. */
  outcome: AttemptOutcome;
  standing: QuizStanding;
  expected: unknown;
  attempts: number;
  feedback: QuizFeedbackModel;
  cell: QuizCell;
  answer: unknown;
  /**
   * A predict quiz's first answer can release its cell's held-back result
   * (predict first): what the cell shows now, to put in place of the notice.
   */
  reveal?: CellOutput;
}

/** A learner's own run of a cell, as runCell returns it. */
export type OwnOutput = Extract<CellOutput, { kind: 'own' }>;

const NO_STATES: ReadonlyMap<string, CellState> = new Map();
const NO_ATTEMPTS: ReadonlyMap<string, LatestAttempt> = new Map();

/** A lesson visit is written at most once a minute per learner and lesson. */
const VISIT_THROTTLE_MS = 60_000;

export class Notebook {
  /** Saved scenarios each learner's page views ran in the current minute. */
  private readonly viewRuns: MinuteCounter;

  private readonly recentVisits = new Map<string, number>();

  constructor(private readonly deps: NotebookDeps) {
    this.viewRuns = new MinuteCounter(deps.viewRunsPerMinute ?? Infinity);
  }

  get content(): ContentIndex {
    return this.deps.content;
  }

  engineList(): Engine[] {
    return [...this.deps.engines.values()];
  }

  engine(id: string): Engine | undefined {
    return this.deps.engines.get(id);
  }

  chapter(slug: string): Chapter {
    const chapter = this.deps.content.bySlug.get(slug);
    if (!chapter) throw new NotFoundError(`no lesson "${slug}"`);
    return chapter;
  }

  lesson(slug: string, lang: Lang): Lesson {
    return lessonFor(this.chapter(slug), lang);
  }

  simCell(slug: string, cellId: string): SimCell {
    const cell = this.lesson(slug, 'en').cells.find((c) => c.id === cellId);
    if (!cell || cell.kind !== 'sim') throw new NotFoundError(`no simulation cell "${cellId}" in "${slug}"`);
    return cell;
  }

  challengeCell(slug: string, cellId: string, lang: Lang = 'en'): ChallengeCell {
    const cell = this.lesson(slug, lang).cells.find((c) => c.id === cellId);
    if (!cell || cell.kind !== 'challenge') throw new NotFoundError(`no challenge "${cellId}" in "${slug}"`);
    return cell;
  }

  /** A cell with an editor: a simulation cell or a challenge. */
  editableCell(slug: string, cellId: string): SimCell | ChallengeCell {
    const cell = this.lesson(slug, 'en').cells.find((c) => c.id === cellId);
    if (!cell || (cell.kind !== 'sim' && cell.kind !== 'challenge')) throw new NotFoundError(`no simulation cell or challenge "${cellId}" in "${slug}"`);
    return cell;
  }

  quizCell(slug: string, cellId: string, lang: Lang = 'en'): QuizCell {
    const cell = this.lesson(slug, lang).cells.find((c) => c.id === cellId);
    if (!cell || cell.kind !== 'quiz') throw new NotFoundError(`no quiz "${cellId}" in "${slug}"`);
    return cell;
  }

  private stamp(): string {
    return this.deps.now().toISOString();
  }

  /** The version of an engine's output (Engine.version), stored with every output it computes. */
  private engineVersion(engineId: string): string {
    const engine = this.deps.engines.get(engineId);
    if (!engine) throw new NotFoundError(`no simulation engine "${engineId}"`);
    return engine.version;
  }

  /** Runs a scenario through an engine, without saving anything (the public API). */
  async run(engineId: string, input: unknown, detail = true): Promise<RunOutcome> {
    if (!this.deps.engines.has(engineId)) throw new NotFoundError(`no simulation engine "${engineId}"`);
    // The JSON API answers the result itself and renders nothing: no view model to build.
    return this.deps.pool.run(engineId, checkInput(input), { detail, view: false });
  }

  /**
   * Runs a learner's edited cell and saves the scenario and its outcome (with
   * its view model). Running is the learner's choice to see a result: what
   * they see now is their own run.
   */
  async runCell(learnerId: string, slug: string, cellId: string, input: unknown): Promise<OwnOutput> {
    const cell = this.simCell(slug, cellId);
    const text = checkInput(input);
    const outcome = await this.deps.pool.run(cell.engine, text);
    this.saveRun(learnerId, slug, cellId, cell.engine, text, outcome);
    return { kind: 'own', cell, input: text, outcome };
  }

  /**
   * Saves a learner's run of a cell. The edit is saved whatever happened, so it is never lost. A
   * run that ran and failed (bad input, a deadline) is its result; a run the pool refused (busy)
   * never ran: it is saved without a result, so the page runs it once the pool has room, and never
   * shows the refusal as its result (issue 14, finding 9).
   */
  private saveRun(learnerId: string, slug: string, cellId: string, engineId: string, input: string, outcome: RunOutcome): void {
    const refused = !outcome.ok && outcome.kind === 'busy';
    const stored = refused ? null : { outcome: stripDebug(outcome), engineVersion: this.engineVersion(engineId) };
    this.deps.store.saveRun(learnerId, slug, cellId, input, stored, this.stamp());
  }

  /**
   * Forgets the learner's edit of a cell. What they see now is the default
   * result, or (predict first) nothing yet if a predict quiz on it is unanswered.
   */
  resetCell(learnerId: string, slug: string, cellId: string): CellOutput {
    const lesson = this.lesson(slug, 'en');
    const cell = this.simCell(slug, cellId);
    this.deps.store.resetCell(learnerId, slug, cellId);
    const attempts = this.deps.store.latestAttempts(learnerId);
    return cellOutput(lesson, cell, undefined, (quizId) => attempts.has(`${slug}/${quizId}`));
  }

  /** What the learner sees under one simulation cell (the rule is in cell-output.ts). */
  async cellOutput(learnerId: string, slug: string, cellId: string): Promise<CellOutput> {
    const lesson = this.lesson(slug, 'en');
    const cell = this.simCell(slug, cellId);
    const state = this.deps.store.cellState(learnerId, slug, cellId);
    const own = state ? { input: state.input, outcome: await this.savedOutcome(learnerId, slug, cell, state) } : undefined;
    const attempts = own ? NO_ATTEMPTS : this.deps.store.latestAttempts(learnerId);
    return cellOutput(lesson, cell, own, (quizId) => attempts.has(`${slug}/${quizId}`));
  }

  /**
   * What the learner sees under every simulation cell of a lesson, with their
   * saved cells and latest answers (the lesson page). A first visit (no
   * learner cookie yet) has nothing saved: the database is not asked.
   */
  async lessonOutputs(learnerId: string, lesson: Lesson, { firstVisit = false } = {}) {
    const states: ReadonlyMap<string, CellState> = firstVisit ? NO_STATES : this.deps.store.cellStates(learnerId, lesson.slug);
    const attempts: ReadonlyMap<string, LatestAttempt> = firstVisit ? NO_ATTEMPTS : this.deps.store.latestAttempts(learnerId);
    const answered = (quizId: string) => attempts.has(`${lesson.slug}/${quizId}`);
    const outputs = new Map<string, CellOutput>();
    const saved: Promise<unknown>[] = [];
    for (const cell of lesson.cells) {
      if (cell.kind !== 'sim') continue;
      const state = states.get(cell.id);
      if (!state) outputs.set(cell.id, cellOutput(lesson, cell, undefined, answered));
      else {
        const resolved = this.savedOutcome(learnerId, lesson.slug, cell, state);
        saved.push(resolved.then((outcome) => outputs.set(cell.id, cellOutput(lesson, cell, { input: state.input, outcome }, answered))));
      }
    }
    // Challenges: the learner's last run and its grading, and where they stand.
    const challengeStates: ReadonlyMap<string, ChallengeState> = firstVisit ? new Map() : this.deps.store.challengeStates(learnerId);
    const challenges = new Map<string, ChallengeRun | undefined>();
    for (const cell of lesson.cells) {
      if (cell.kind !== 'challenge') continue;
      const state = challengeStates.get(`${lesson.slug}/${cell.id}`) ?? null;
      const cellState = states.get(cell.id);
      if (!cellState && !state) challenges.set(cell.id, undefined);
      else saved.push(this.challengeView(learnerId, lesson.slug, cell.id, { cell: cellState, state }).then((view) => challenges.set(cell.id, view)));
    }
    await Promise.all(saved);
    return { states, attempts, outputs, challenges, challengeStates };
  }

  /**
   * One on-demand piece of what the learner sees under a cell (`Engine.detail`,
   * computed in the worker): of their last run if they ran the cell, of the
   * default scenario otherwise, and nothing while that is held back (predict
   * first). A detail the pool could not compute (deadline, heap cap, busy) is
   * returned as its failure.
   */
  async cellDetail(learnerId: string, slug: string, cellId: string, key: string): Promise<{ ok: true; detail: EngineDetail } | RunFailure> {
    const cell = this.editableCell(slug, cellId);
    if (!this.engine(cell.engine)?.detail) throw new NotFoundError(`the ${cell.engine} simulation has no details to show`);
    let outcome: RunOutcome;
    if (cell.kind === 'challenge') {
      // A challenge shows only the learner's own run.
      const view = await this.challengeView(learnerId, slug, cellId);
      if (!view?.outcome) throw new NotFoundError(`challenge "${cellId}" has not been run yet`);
      outcome = view.outcome;
    } else {
      const output = await this.cellOutput(learnerId, slug, cellId);
      if (output.kind === 'held') throw new PredictFirstError(output.quizzes);
      outcome = output.outcome;
    }
    if (!outcome.ok) throw new NotFoundError(`cell "${cellId}" has no result to show details of: its last run failed`);
    const reply = await this.deps.pool.detail(cell.engine, { result: outcome.result, trace: outcome.trace }, key);
    if (!reply.ok) return reply;
    if (!reply.detail) throw new NotFoundError(`no detail "${key}" in the result of cell "${cellId}"`);
    return { ok: true, detail: reply.detail };
  }

  /**
   * The outcome of a learner's saved cell. An output that was not kept, or
   * that another version of the engine computed, is recomputed from the saved
   * input (and kept again): a stale output is never rendered.
   */
  private async savedOutcome(learnerId: string, slug: string, cell: { id: string; engine: string }, state: CellState): Promise<RunOutcome> {
    const engineVersion = this.engineVersion(cell.engine);
    if (state.output !== null && state.output.engineVersion === engineVersion) return state.output.outcome as RunOutcome;
    const allowed = this.viewRuns.take(learnerId, Date.now());
    if (allowed !== true) {
      // Not run, and not kept: the next view after the wait runs it.
      return {
        ok: false,
        status: 429,
        kind: 'busy',
        error: { message: `this saved scenario has not run yet: page views ran ${this.deps.viewRunsPerMinute} scenarios this minute; reload in ${allowed} s` },
        retryAfterSeconds: allowed,
      };
    }
    const outcome = await this.deps.pool.run(cell.engine, state.input);
    // Every outcome of this input is kept, its failures too (a deadline, the heap cap, a result too
    // large): a page view never runs again what was already attempted (issue 14, finding 2). Only a
    // run that never ran (a busy pool) or an engine bug is tried again next time.
    if (outcome.ok || (outcome.kind !== 'busy' && outcome.kind !== 'internal')) {
      this.deps.store.saveOutput(learnerId, slug, cell.id, state.input, { outcome: stripDebug(outcome), engineVersion });
    }
    return outcome;
  }

  async answer(learnerId: string, slug: string, cellId: string, raw: unknown, lang: Lang): Promise<AnswerResult> {
    const cell = this.quizCell(slug, cellId, lang);
    const answer = normalizeAnswer(cell.key, raw, cell.html.choices.length);
    const correct = grade(cell.key, answer);
    const { count, outcome, standing } = this.deps.store.recordAttempt(learnerId, slug, cellId, answer, correct, this.stamp());
    // Only a first answer changes what the cell holds back; the learner's own run is shown as it was.
    let reveal: CellOutput | undefined;
    if (cell.spec.type === 'predict' && count === 1) {
      const output = await this.cellOutput(learnerId, slug, cell.spec.sim);
      if (output.kind !== 'own') reveal = output;
    }
    return {
      correct,
      outcome,
      standing,
      expected: expectedValue(cell),
      attempts: count,
      feedback: feedbackModel(cell, { answer, correct, count, outcome, standing }),
      cell,
      answer,
      reveal,
    };
  }

  // ---- Troubleshooting challenges (issue 27) -------------------------------

  /**
   * Runs the learner's scenario of a challenge through the worker pool, like
   * any cell, saves it, and grades it: every objective and constraint, met or
   * not with what was found. A run of an edited scenario that ran is a real
   * attempt; the first run that meets everything is kept as the solving run.
   */
  async runChallenge(learnerId: string, slug: string, cellId: string, input: unknown): Promise<ChallengeRun> {
    const cell = this.challengeCell(slug, cellId);
    const text = checkInput(input);
    const outcome = await this.deps.pool.run(cell.engine, text);
    this.saveRun(learnerId, slug, cellId, cell.engine, text, outcome);
    let report: ChallengeReport | undefined;
    let state: ChallengeState | undefined;
    if (outcome.ok) {
      report = gradeChallenge(cell.spec, cell.startObjects, text, outcome);
      const attempt = !sameScenario(text, cell.start);
      state = this.deps.store.recordChallengeRun(learnerId, slug, cellId, { attempt, solved: report.solved, input: text }, this.stamp());
    } else {
      state = this.deps.store.challengeState(learnerId, slug, cellId);
    }
    return { cell, input: text, outcome, report, state };
  }

  /** The learner's last run of a challenge (recomputed if its engine changed) and its grading, or none. */
  async challengeView(learnerId: string, slug: string, cellId: string, saved?: { cell?: CellState; state?: ChallengeState | null }): Promise<ChallengeRun | undefined> {
    const cell = this.challengeCell(slug, cellId);
    const cellState = saved && 'cell' in saved ? saved.cell : this.deps.store.cellState(learnerId, slug, cellId);
    const state = saved && saved.state !== undefined ? (saved.state ?? undefined) : this.deps.store.challengeState(learnerId, slug, cellId);
    if (!cellState) return state ? { cell, input: cell.start, state } : undefined;
    const outcome = await this.savedOutcome(learnerId, slug, cell, cellState);
    const report = outcome.ok ? gradeChallenge(cell.spec, cell.startObjects, cellState.input, outcome) : undefined;
    return { cell, input: cellState.input, outcome, report, state };
  }

  /** Puts the start scenario back in the editor; attempts, hints and a solving run stay. */
  resetChallenge(learnerId: string, slug: string, cellId: string): ChallengeRun {
    const cell = this.challengeCell(slug, cellId);
    this.deps.store.resetCell(learnerId, slug, cellId);
    return { cell, input: cell.start, state: this.deps.store.challengeState(learnerId, slug, cellId) };
  }

  /** Reveals the next hint. */
  takeHint(learnerId: string, slug: string, cellId: string): ChallengeState {
    const cell = this.challengeCell(slug, cellId);
    return this.deps.store.takeHint(learnerId, slug, cellId, cell.spec.hints.length, this.stamp());
  }

  /** Shows the solution: from now on the challenge counts as "seen the solution". */
  seeSolution(learnerId: string, slug: string, cellId: string): ChallengeState {
    this.challengeCell(slug, cellId);
    return this.deps.store.seeSolution(learnerId, slug, cellId, this.stamp());
  }

  /**
   * Remembers the lesson a learner opened, for "continue where you left off".
   * Throttled in memory so reading a lesson is not a database write every time.
   */
  recordVisit(learnerId: string, slug: string): void {
    const key = `${learnerId}/${slug}`;
    const now = this.deps.now().getTime();
    const last = this.recentVisits.get(key);
    if (last !== undefined && now - last < VISIT_THROTTLE_MS) return;
    if (this.recentVisits.size >= 10_000) this.recentVisits.clear();
    this.recentVisits.set(key, now);
    this.deps.store.recordVisit(learnerId, slug, this.stamp());
  }

  lastVisited(learnerId: string): string | undefined {
    const slug = this.deps.store.lastVisitedLesson(learnerId);
    return slug && this.deps.content.bySlug.has(slug) ? slug : undefined;
  }

  /**
   * Per chapter (curriculum order): counts, and the questions to review: every
   * one whose first answer was wrong, including those answered right only after
   * seeing the answer (`seen`).
   */
  progress(learnerId: string, lang: Lang) {
    const runCounts = this.deps.store.runCounts(learnerId);
    const attempts = this.deps.store.latestAttempts(learnerId);
    const challengeStates = this.deps.store.challengeStates(learnerId);
    const chapters = CURRICULUM.map((planned) => {
      const chapter = this.deps.content.bySlug.get(planned.slug);
      if (!chapter) return { planned, lesson: undefined, progress: undefined, missed: [] as MissedQuestion[], challenges: [] as ChallengeProgress[] };
      const lesson = lessonFor(chapter, lang);
      const progress: LessonProgress = lessonProgress(lesson, runCounts, attempts, challengeStates);
      const challenges: ChallengeProgress[] = lesson.cells.flatMap((cell) => {
        if (cell.kind !== 'challenge') return [];
        const state = challengeStates.get(`${lesson.slug}/${cell.id}`);
        return [{ slug: lesson.slug, cellId: cell.id, titleHtml: cell.html.title, standing: challengeStanding(state), solved: state?.solvedAt != null, attempts: state?.attempts ?? 0, hintsUsed: state?.hintsUsed ?? 0, hints: cell.spec.hints.length }];
      });
      const missed: MissedQuestion[] = lesson.cells.flatMap((cell) => {
        if (cell.kind !== 'quiz') return [];
        const attempt = attempts.get(`${lesson.slug}/${cell.id}`);
        return attempt && attempt.standing !== 'right'
          ? [{ slug: lesson.slug, cellId: cell.id, promptHtml: cell.html.prompt, attempts: attempt.count, seen: attempt.standing === 'seen', answeredAt: attempt.createdAt }]
          : [];
      });
      return { planned, lesson, progress, missed, challenges };
    });
    return chapters;
  }

  /**
   * The spaced-review queue (issue 13): every question the learner missed, as a card
   * scheduled by FSRS from their ratings on /review; the due ones first.
   */
  reviewQueue(learnerId: string, lang: Lang, chapters: ReturnType<Notebook['progress']> = this.progress(learnerId, lang)) {
    const missed = chapters.flatMap(({ planned, lesson, missed }) =>
      missed.map((m) => ({ ...m, chapterNumber: planned.number, chapterTitle: lesson?.title ?? planned.title[lang] })),
    );
    const now = this.stamp();
    return { ...buildQueue(missed, this.deps.store.reviewCards(learnerId), now), now };
  }

  /**
   * Rates a due card. A card that is not due (a form sent twice, a question not missed)
   * is left as it is: `recorded` false.
   */
  rateReview(learnerId: string, slug: string, cellId: string, rating: unknown): { recorded: boolean; card?: CardState } {
    this.quizCell(slug, cellId);
    if (!isRatingName(rating)) throw new ValidationError(`Unsupported value: ${JSON.stringify(rating)}: supported values: "again", "hard", "good", "easy"`, { path: ['rating'], code: 'request' });
    const due = this.reviewQueue(learnerId, 'en').due.some((e) => e.question.slug === slug && e.question.cellId === cellId);
    if (!due) return { recorded: false };
    const stored = this.deps.store.recordReview(learnerId, slug, cellId, rating, this.stamp(), cardFromLog);
    return { recorded: true, card: stored.card as CardState };
  }

  exportProgress(learnerId: string): ProgressExport {
    return this.deps.store.exportProgress(learnerId, this.stamp());
  }

  /**
   * Imports a progress file. Cells and quizzes that no longer exist are
   * skipped; answers are graded again against today's keys, so a file cannot
   * claim a correct answer it does not have.
   */
  async importProgress(learnerId: string, data: unknown): Promise<{ cells: number; attempts: number; challenges: number; reviews: number; skipped: number }> {
    const file = readExport(data, this.deps.now());
    let skipped = 0;
    const cells = file.cells.filter((c) => {
      const chapter = this.deps.content.bySlug.get(c.lesson);
      const ok = chapter && lessonFor(chapter, 'en').cells.some((x) => x.id === c.cell && (x.kind === 'sim' || x.kind === 'challenge')) && c.input.length <= MAX_INPUT_CHARS;
      if (!ok) skipped++;
      return ok;
    });
    const attempts = file.attempts.flatMap((a) => {
      const chapter = this.deps.content.bySlug.get(a.lesson);
      const cell = chapter && lessonFor(chapter, 'en').cells.find((x) => x.id === a.cell);
      if (!cell || cell.kind !== 'quiz') {
        skipped++;
        return [];
      }
      try {
        const answer = normalizeAnswer(cell.key, a.answer, cell.html.choices.length);
        return [{ ...a, answer, correct: grade(cell.key, answer) }];
      } catch {
        skipped++;
        return [];
      }
    });
    // A solving run is run and graded again: a file cannot claim a solve its scenario does not make.
    const challenges: ChallengeExport[] = [];
    for (const c of file.challenges) {
      const chapter = this.deps.content.bySlug.get(c.lesson);
      const cell = chapter && lessonFor(chapter, 'en').cells.find((x) => x.id === c.cell);
      if (!cell || cell.kind !== 'challenge') {
        skipped++;
        continue;
      }
      let solved = false;
      if (c.solvedInput !== null && c.solvedAt !== null && c.solvedInput.trim() !== '' && c.solvedInput.length <= MAX_INPUT_CHARS) {
        const outcome = await this.deps.pool.run(cell.engine, c.solvedInput, { view: false, detail: false });
        solved = outcome.ok && gradeChallenge(cell.spec, cell.startObjects, c.solvedInput, outcome).solved;
      }
      challenges.push({
        ...c,
        hintsUsed: Math.min(c.hintsUsed, cell.spec.hints.length),
        solvedAt: solved ? c.solvedAt : null,
        solvedInput: solved ? c.solvedInput : null,
      });
    }
    // Ratings of questions that no longer exist are dropped; the cards are replayed from the merged logs.
    const reviews = file.reviews.filter((r) => {
      const chapter = this.deps.content.bySlug.get(r.lesson);
      const ok = chapter !== undefined && lessonFor(chapter, 'en').cells.some((x) => x.id === r.cell && x.kind === 'quiz');
      if (!ok) skipped++;
      return ok;
    });
    const done = this.deps.store.importProgress(learnerId, { cells, attempts, challenges, reviews }, this.stamp(), cardFromLog);
    return { ...done, skipped };
  }
}

/** What a challenge run or view gives the routes: the learner's scenario, its outcome and grading, where they stand. */
export interface ChallengeRun {
  cell: ChallengeCell;
  input: string;
  /** None before the learner has run the challenge (or after a reset). */
  outcome?: RunOutcome;
  /** The grading of a run that ran. */
  report?: ChallengeReport;
  state?: ChallengeState;
}

export interface ChallengeProgress {
  slug: string;
  cellId: string;
  titleHtml: string;
  standing: 'solved' | 'seen' | 'open';
  /** Solved at all (before or after seeing the solution). */
  solved: boolean;
  attempts: number;
  hintsUsed: number;
  hints: number;
}

/** The same scenario, up to line endings and trailing blank lines. */
function sameScenario(a: string, b: string): boolean {
  const norm = (t: string) => t.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return norm(a) === norm(b);
}

export interface MissedQuestion {
  slug: string;
  cellId: string;
  promptHtml: string;
  attempts: number;
  /** Answered right since, after seeing the answer. */
  seen: boolean;
  /** The latest answer's time. */
  answeredAt: string;
}

/** The store settles a card from its whole log with the review scheduler. */
const cardFromLog: CardFromLog = (log) => {
  const card = replay(log.map((e) => ({ rating: e.rating as RatingName, reviewedAt: e.reviewedAt })))!;
  return { due: card.due, card };
};

function checkInput(input: unknown): string {
  if (typeof input !== 'string') throw new ValidationError('must be the scenario as a YAML string', { path: ['input'], code: 'request' });
  if (input.length > MAX_INPUT_CHARS) {
    throw new ValidationError(`the scenario is longer than ${MAX_INPUT_CHARS} characters`, { path: ['input'], code: 'limit' });
  }
  if (input.trim() === '') throw new ValidationError('the scenario is empty', { path: ['input'], code: 'request' });
  return input;
}

function stripDebug(outcome: RunOutcome): RunOutcome {
  if (outcome.ok || outcome.debug === undefined) return outcome;
  const { debug: _debug, ...rest } = outcome;
  return rest;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Validates an uploaded progress file, naming the first thing wrong with it. */
/** Entries one progress file may hold: far more than every cell of every planned chapter, and than a 256 KiB body can carry. */
const MAX_IMPORTED_CELLS = 1_000;
const MAX_IMPORTED_ATTEMPTS = 10_000;
const MAX_IMPORTED_REVIEWS = 10_000;
/** A run count an import may carry: far above any learner's, far below what SQLite's INTEGER holds. */
const MAX_IMPORTED_RUN_COUNT = 1_000_000;
/** How far ahead of the server's clock an imported time may be (another machine's clock skew). */
const MAX_CLOCK_SKEW_MS = 60_000;

function readExport(data: unknown, now: Date): ProgressExport & { challenges: ChallengeExport[]; reviews: ReviewExport[] } {
  const fail = (path: string, reason: string): never => {
    throw new ValidationError(`progress file ${path}: ${reason}`, { code: 'import' });
  };
  // A time is an RFC 3339 UTC time that exists (no month 99) and is not in the future: a time
  // ahead of every later import would pin a cell or an attempt (issue 14, finding 7).
  const checkTime = (path: string, value: unknown): string => {
    if (typeof value !== 'string' || !ISO.test(value)) return fail(path, 'must be an RFC 3339 UTC time such as 2026-01-31T12:00:00Z');
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== value.slice(0, 19)) return fail(path, `${JSON.stringify(value)} is not a real date and time`);
    if (ms > now.getTime() + MAX_CLOCK_SKEW_MS) return fail(path, `${value} is in the future`);
    return value;
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('file', 'is not a kube-notebook progress file (a JSON object)');
  const o = data as Record<string, unknown>;
  if (o.format !== 'kube-notebook-progress') fail('format', 'must be "kube-notebook-progress"');
  if (o.version !== 1) fail('version', 'must be 1');
  if (!Array.isArray(o.cells)) fail('cells', 'must be a list');
  if (!Array.isArray(o.attempts)) fail('attempts', 'must be a list');
  // One file is one learner's progress: far more than that is not a progress file (issue 14, quotas).
  if ((o.cells as unknown[]).length > MAX_IMPORTED_CELLS) fail('cells', `has ${(o.cells as unknown[]).length} entries; one file holds at most ${MAX_IMPORTED_CELLS.toLocaleString('en-US')}`);
  if ((o.attempts as unknown[]).length > MAX_IMPORTED_ATTEMPTS) fail('attempts', `has ${(o.attempts as unknown[]).length} entries; one file holds at most ${MAX_IMPORTED_ATTEMPTS.toLocaleString('en-US')}`);
  const cells = (o.cells as unknown[]).map((c, i) => {
    const x = c as Record<string, unknown>;
    if (!x || typeof x !== 'object') fail(`cells[${i}]`, 'must be an object');
    if (typeof x.lesson !== 'string' || typeof x.cell !== 'string' || typeof x.input !== 'string') fail(`cells[${i}]`, 'needs lesson, cell and input strings');
    if (!Number.isSafeInteger(x.runCount) || (x.runCount as number) < 0 || (x.runCount as number) > MAX_IMPORTED_RUN_COUNT) {
      fail(`cells[${i}].runCount`, `must be a whole number from 0 to ${MAX_IMPORTED_RUN_COUNT.toLocaleString('en-US')}`);
    }
    checkTime(`cells[${i}].updatedAt`, x.updatedAt);
    return { lesson: x.lesson as string, cell: x.cell as string, input: x.input as string, runCount: x.runCount as number, updatedAt: x.updatedAt as string };
  });
  const attempts = (o.attempts as unknown[]).map((a, i) => {
    const x = a as Record<string, unknown>;
    if (!x || typeof x !== 'object') fail(`attempts[${i}]`, 'must be an object');
    if (typeof x.lesson !== 'string' || typeof x.cell !== 'string') fail(`attempts[${i}]`, 'needs lesson and cell strings');
    checkTime(`attempts[${i}].createdAt`, x.createdAt);
    return { lesson: x.lesson as string, cell: x.cell as string, answer: x.answer, correct: x.correct === true, createdAt: x.createdAt as string };
  });
  if (o.challenges !== undefined && !Array.isArray(o.challenges)) fail('challenges', 'must be a list');
  const challenges = ((o.challenges ?? []) as unknown[]).map((c, i) => {
    const x = c as Record<string, unknown>;
    if (!x || typeof x !== 'object') fail(`challenges[${i}]`, 'must be an object');
    if (typeof x.lesson !== 'string' || typeof x.cell !== 'string') fail(`challenges[${i}]`, 'needs lesson and cell strings');
    for (const field of ['attempts', 'hintsUsed']) {
      if (!Number.isSafeInteger(x[field]) || (x[field] as number) < 0 || (x[field] as number) > MAX_IMPORTED_RUN_COUNT) {
        fail(`challenges[${i}].${field}`, `must be a whole number from 0 to ${MAX_IMPORTED_RUN_COUNT.toLocaleString('en-US')}`);
      }
    }
    for (const field of ['solvedAt', 'seenSolutionAt']) if (x[field] !== null && x[field] !== undefined) checkTime(`challenges[${i}].${field}`, x[field]);
    checkTime(`challenges[${i}].updatedAt`, x.updatedAt);
    if (x.solvedInput !== null && x.solvedInput !== undefined && typeof x.solvedInput !== 'string') fail(`challenges[${i}].solvedInput`, 'must be a string or null');
    return {
      lesson: x.lesson as string,
      cell: x.cell as string,
      attempts: x.attempts as number,
      hintsUsed: x.hintsUsed as number,
      solvedAt: (x.solvedAt as string | null | undefined) ?? null,
      solvedInput: (x.solvedInput as string | null | undefined) ?? null,
      seenSolutionAt: (x.seenSolutionAt as string | null | undefined) ?? null,
      updatedAt: x.updatedAt as string,
    };
  });
  if (o.reviews !== undefined && !Array.isArray(o.reviews)) fail('reviews', 'must be a list');
  if (((o.reviews ?? []) as unknown[]).length > MAX_IMPORTED_REVIEWS) fail('reviews', `has ${(o.reviews as unknown[]).length} entries; one file holds at most ${MAX_IMPORTED_REVIEWS.toLocaleString('en-US')}`);
  const reviews = ((o.reviews ?? []) as unknown[]).map((r, i) => {
    const x = r as Record<string, unknown>;
    if (!x || typeof x !== 'object') fail(`reviews[${i}]`, 'must be an object');
    if (typeof x.lesson !== 'string' || typeof x.cell !== 'string') fail(`reviews[${i}]`, 'needs lesson and cell strings');
    if (!isRatingName(x.rating)) fail(`reviews[${i}].rating`, 'must be "again", "hard", "good" or "easy"');
    checkTime(`reviews[${i}].reviewedAt`, x.reviewedAt);
    return { lesson: x.lesson as string, cell: x.cell as string, rating: x.rating as RatingName, reviewedAt: x.reviewedAt as string };
  });
  return { format: 'kube-notebook-progress', version: 1, exportedAt: String(o.exportedAt ?? ''), cells, attempts, challenges, reviews };
}

/**
 * Counts events per key in fixed one-minute windows: `take` answers true while a key has
 * room this minute, else the seconds until its window ends. Keys whose window is over are
 * dropped as new windows open, so the map holds only this minute's learners.
 */
class MinuteCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number) {}

  take(key: string, nowMs: number): true | number {
    if (this.limit === Infinity) return true;
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= 60_000) {
      if (this.windows.size > 10_000) {
        for (const [k, w] of this.windows) if (nowMs - w.start >= 60_000) this.windows.delete(k);
      }
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return Math.max(1, Math.ceil((window.start + 60_000 - nowMs) / 1000));
    window.count++;
    return true;
  }
}
