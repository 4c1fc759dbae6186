// Everything the server keeps about a learner, behind prepared statements.
// Write transactions start with BEGIN IMMEDIATE: taking the write lock up
// front means a second process waits (busy_timeout) instead of failing with
// SQLITE_BUSY when a read lock would have to be upgraded.

import { randomBytes } from 'node:crypto';
import type { Db } from './open.ts';

/** A run's outcome as stored, with the version of the engine that computed it (Engine.version). */
export interface StoredOutput {
  outcome: unknown;
  engineVersion: string;
}

export interface CellState {
  cellId: string;
  input: string;
  /**
   * The last run's outcome, parsed; null when not kept (too large, or
   * imported). `engineVersion` is null for outputs kept before versions were stored.
   */
  output: { outcome: unknown; engineVersion: string | null } | null;
  runCount: number;
  updatedAt: string;
}

/**
 * What an answer counts as: the first attempt on a quiz is graded 'right' or
 * 'wrong'; every attempt shows the key, so a right answer after the first is
 * 'seen' (the learner had seen the answer), never learned.
 */
export type AttemptOutcome = 'right' | 'wrong' | 'seen';

/** Where a learner stands on a quiz: right at the first attempt, right only after seeing the answer, or not right yet. */
export type QuizStanding = AttemptOutcome;

export interface AttemptRecord {
  id: number;
  cellId: string;
  lessonSlug: string;
  answer: unknown;
  /** Whether this answer matches the key. */
  correct: boolean;
  outcome: AttemptOutcome;
  createdAt: string;
}

export interface LatestAttempt extends AttemptRecord {
  /** How many attempts this learner made on this quiz. */
  count: number;
  /** 'right' when the first attempt was; else 'seen' once the latest answer is right; else 'wrong'. */
  standing: QuizStanding;
}

/** The standing on a quiz from its first attempt's outcome and its latest answer. */
export function standingOf(firstOutcome: AttemptOutcome, latestCorrect: boolean): QuizStanding {
  if (firstOutcome === 'right') return 'right';
  return latestCorrect ? 'seen' : 'wrong';
}

/** Where a learner stands on a troubleshooting challenge (migration 005). */
export interface ChallengeState {
  cellId: string;
  lessonSlug: string;
  /** Runs of an edited scenario that ran and were graded. */
  attempts: number;
  hintsUsed: number;
  solvedAt: string | null;
  /** The scenario of the solving run. */
  solvedInput: string | null;
  seenSolutionAt: string | null;
  updatedAt: string;
}

/**
 * 'solved' when solved before the solution was shown; 'seen' once the solution
 * was shown (solved after it or not); 'open' otherwise.
 */
export type ChallengeStanding = 'solved' | 'seen' | 'open';

export function challengeStanding(state: Pick<ChallengeState, 'solvedAt' | 'seenSolutionAt'> | undefined): ChallengeStanding {
  if (!state) return 'open';
  if (state.solvedAt !== null && (state.seenSolutionAt === null || state.solvedAt < state.seenSolutionAt)) return 'solved';
  return state.seenSolutionAt !== null ? 'seen' : 'open';
}

/** A challenge as the progress file carries it. */
export interface ChallengeExport {
  lesson: string;
  cell: string;
  attempts: number;
  hintsUsed: number;
  solvedAt: string | null;
  solvedInput: string | null;
  seenSolutionAt: string | null;
  updatedAt: string;
}

/** The portable progress file (GET /api/progress/export). */
export interface ProgressExport {
  format: 'kube-notebook-progress';
  version: 1;
  exportedAt: string;
  cells: { lesson: string; cell: string; input: string; runCount: number; updatedAt: string }[];
  attempts: { lesson: string; cell: string; answer: unknown; correct: boolean; createdAt: string }[];
  /** Troubleshooting challenges (absent from files written before them). */
  challenges?: ChallengeExport[];
  /** Spaced-review ratings (absent from files written before them). */
  reviews?: ReviewExport[];
}

/** One rating of a missed question on /review, as the progress file carries it (migration 006). */
export interface ReviewExport {
  lesson: string;
  cell: string;
  rating: 'again' | 'hard' | 'good' | 'easy';
  reviewedAt: string;
}

/** A review card as the store keeps it: when it is due, and the scheduler's card as JSON. */
export interface StoredReviewCard {
  lessonSlug: string;
  cellId: string;
  due: string;
  card: unknown;
}

/**
 * Derives a card from its whole log (server/review/schedule.ts): given to the store so the
 * log and its card change in one transaction, and the store stays free of scheduling rules.
 */
export type CardFromLog = (log: { rating: ReviewExport['rating']; reviewedAt: string }[]) => { due: string; card: unknown };

interface ChallengeRow {
  lesson_slug: string;
  cell_id: string;
  attempts: number;
  hints_used: number;
  solved_at: string | null;
  solved_input: string | null;
  seen_solution_at: string | null;
  updated_at: string;
}

function challengeStateOf(r: ChallengeRow): ChallengeState {
  return {
    cellId: r.cell_id,
    lessonSlug: r.lesson_slug,
    attempts: r.attempts,
    hintsUsed: r.hints_used,
    solvedAt: r.solved_at,
    solvedInput: r.solved_input,
    seenSolutionAt: r.seen_solution_at,
    updatedAt: r.updated_at,
  };
}

interface CellStateRow {
  cell_id: string;
  input: string;
  output_json: string | null;
  output_version: string | null;
  run_count: number;
  updated_at: string;
}

function cellStateOf(r: CellStateRow): CellState {
  return {
    cellId: r.cell_id,
    input: r.input,
    output: r.output_json === null ? null : { outcome: JSON.parse(r.output_json), engineVersion: r.output_version },
    runCount: r.run_count,
    updatedAt: r.updated_at,
  };
}

/** Outputs larger than this are not stored; the page re-runs the saved input instead. */
const MAX_STORED_OUTPUT_BYTES = 1024 * 1024;

/** How much the store keeps (issue 14, quotas). */
export interface StoreLimits {
  /** Attempts kept per learner and quiz: the first (the graded one) and the newest, the rest dropped. */
  attemptsKeptPerQuiz: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = { attemptsKeptPerQuiz: 50 };

export class Store {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
  ) {
    this.stmt = {
      learnerExists: db.prepare(`SELECT 1 FROM learners WHERE id = ?`),
      ensureLearner: db.prepare(
        `INSERT INTO learners (id, created_at, last_seen_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
      ),
      cellStates: db.prepare(
        `SELECT cell_id, input, output_json, output_version, run_count, updated_at FROM cell_states
         WHERE learner_id = ? AND lesson_slug = ?`,
      ),
      cellState: db.prepare(
        `SELECT cell_id, input, output_json, output_version, run_count, updated_at FROM cell_states
         WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`,
      ),
      saveRun: db.prepare(
        `INSERT INTO cell_states (learner_id, lesson_slug, cell_id, input, output_json, output_version, run_count, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT (learner_id, lesson_slug, cell_id) DO UPDATE SET
           input = excluded.input, output_json = excluded.output_json, output_version = excluded.output_version,
           run_count = cell_states.run_count + 1, updated_at = excluded.updated_at`,
      ),
      saveOutput: db.prepare(
        `UPDATE cell_states SET output_json = ?, output_version = ? WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ? AND input = ?`,
      ),
      resetCell: db.prepare(`DELETE FROM cell_states WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`),
      insertAttempt: db.prepare(
        `INSERT INTO attempts (learner_id, lesson_slug, cell_id, answer_json, correct, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The same rule as migration 003: the earliest attempt (created_at, then id) is graded, a later right one is 'seen'.
      regradeOutcomes: db.prepare(
        `UPDATE attempts SET outcome = CASE
           WHEN correct = 0 THEN 'wrong'
           WHEN EXISTS (SELECT 1 FROM attempts AS earlier
             WHERE earlier.learner_id = attempts.learner_id AND earlier.lesson_slug = attempts.lesson_slug AND earlier.cell_id = attempts.cell_id
               AND (earlier.created_at < attempts.created_at OR (earlier.created_at = attempts.created_at AND earlier.id < attempts.id))) THEN 'seen'
           ELSE 'right' END
         WHERE learner_id = ?`,
      ),
      firstOutcome: db.prepare(
        `SELECT outcome FROM attempts WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ? ORDER BY created_at, id LIMIT 1`,
      ),
      countAttempts: db.prepare(
        `SELECT COUNT(*) AS n FROM attempts WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`,
      ),
      // The newest attempt by time (an import can bring older ones after newer), with the
      // count and whether the first one was right (only a first attempt is ever 'right').
      latestAttempts: db.prepare(
        `SELECT id, lesson_slug, cell_id, answer_json, correct, outcome, created_at, n, first_right FROM (
           SELECT id, lesson_slug, cell_id, answer_json, correct, outcome, created_at,
             ROW_NUMBER() OVER quiz_newest AS newest,
             COUNT(*) OVER quiz AS n,
             MAX(outcome = 'right') OVER quiz AS first_right
           FROM attempts WHERE learner_id = @learner
           WINDOW quiz AS (PARTITION BY lesson_slug, cell_id),
                  quiz_newest AS (PARTITION BY lesson_slug, cell_id ORDER BY created_at DESC, id DESC))
         WHERE newest = 1`,
      ),
      runCounts: db.prepare(
        `SELECT lesson_slug, cell_id, run_count FROM cell_states WHERE learner_id = ? AND run_count > 0`,
      ),
      visit: db.prepare(
        `INSERT INTO lesson_visits (learner_id, lesson_slug, last_visited_at) VALUES (?, ?, ?)
         ON CONFLICT (learner_id, lesson_slug) DO UPDATE SET last_visited_at = excluded.last_visited_at`,
      ),
      lastVisit: db.prepare(
        `SELECT lesson_slug FROM lesson_visits WHERE learner_id = ? ORDER BY last_visited_at DESC LIMIT 1`,
      ),
      exportCells: db.prepare(
        `SELECT lesson_slug, cell_id, input, run_count, updated_at FROM cell_states WHERE learner_id = ?
         ORDER BY lesson_slug, cell_id`,
      ),
      exportAttempts: db.prepare(
        `SELECT lesson_slug, cell_id, answer_json, correct, created_at FROM attempts WHERE learner_id = ? ORDER BY created_at, id`,
      ),
      importCell: db.prepare(
        `INSERT INTO cell_states (learner_id, lesson_slug, cell_id, input, output_json, output_version, run_count, updated_at)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)
         ON CONFLICT (learner_id, lesson_slug, cell_id) DO UPDATE SET
           input = excluded.input, output_json = NULL, output_version = NULL,
           run_count = MAX(cell_states.run_count, excluded.run_count), updated_at = excluded.updated_at
         WHERE excluded.updated_at > cell_states.updated_at`,
      ),
      attemptExists: db.prepare(
        `SELECT 1 FROM attempts WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ? AND answer_json = ? AND created_at = ?`,
      ),
      // Keeps a quiz's first attempt (the graded one) and its newest ones: @keep in all.
      compactAttempts: db.prepare(
        `DELETE FROM attempts WHERE id IN (
           SELECT id FROM attempts WHERE learner_id = @learner AND lesson_slug = @lesson AND cell_id = @cell
           ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET @keep - 1)
         AND id <> (SELECT id FROM attempts WHERE learner_id = @learner AND lesson_slug = @lesson AND cell_id = @cell ORDER BY created_at, id LIMIT 1)`,
      ),
      databaseBytes: db.prepare(`SELECT (page_count - freelist_count) * page_size AS bytes FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()`),
      challengeStates: db.prepare(
        `SELECT lesson_slug, cell_id, attempts, hints_used, solved_at, solved_input, seen_solution_at, updated_at
         FROM challenge_states WHERE learner_id = ? ORDER BY lesson_slug, cell_id`,
      ),
      challengeState: db.prepare(
        `SELECT lesson_slug, cell_id, attempts, hints_used, solved_at, solved_input, seen_solution_at, updated_at
         FROM challenge_states WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`,
      ),
      ensureChallenge: db.prepare(
        `INSERT INTO challenge_states (learner_id, lesson_slug, cell_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (learner_id, lesson_slug, cell_id) DO UPDATE SET updated_at = excluded.updated_at`,
      ),
      challengeRun: db.prepare(
        `UPDATE challenge_states SET attempts = attempts + ?,
           solved_at = CASE WHEN solved_at IS NULL AND ? = 1 THEN ? ELSE solved_at END,
           solved_input = CASE WHEN solved_at IS NULL AND ? = 1 THEN ? ELSE solved_input END
         WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`,
      ),
      challengeHint: db.prepare(
        `UPDATE challenge_states SET hints_used = MIN(hints_used + 1, ?) WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`,
      ),
      challengeSolution: db.prepare(
        `UPDATE challenge_states SET seen_solution_at = COALESCE(seen_solution_at, ?) WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ?`,
      ),
      importChallenge: db.prepare(
        `INSERT INTO challenge_states (learner_id, lesson_slug, cell_id, attempts, hints_used, solved_at, solved_input, seen_solution_at, updated_at)
         VALUES (@learner, @lesson, @cell, @attempts, @hintsUsed, @solvedAt, @solvedInput, @seenSolutionAt, @updatedAt)
         ON CONFLICT (learner_id, lesson_slug, cell_id) DO UPDATE SET
           attempts = MAX(attempts, excluded.attempts),
           hints_used = MAX(hints_used, excluded.hints_used),
           solved_input = CASE WHEN excluded.solved_at IS NOT NULL AND (solved_at IS NULL OR excluded.solved_at < solved_at) THEN excluded.solved_input ELSE solved_input END,
           solved_at = CASE WHEN excluded.solved_at IS NOT NULL AND (solved_at IS NULL OR excluded.solved_at < solved_at) THEN excluded.solved_at ELSE solved_at END,
           seen_solution_at = CASE WHEN seen_solution_at IS NULL OR (excluded.seen_solution_at IS NOT NULL AND excluded.seen_solution_at < seen_solution_at) THEN excluded.seen_solution_at ELSE seen_solution_at END,
           updated_at = MAX(updated_at, excluded.updated_at)
         WHERE excluded.attempts > attempts OR excluded.hints_used > hints_used
           OR (excluded.solved_at IS NOT NULL AND (solved_at IS NULL OR excluded.solved_at < solved_at))
           OR (excluded.seen_solution_at IS NOT NULL AND (seen_solution_at IS NULL OR excluded.seen_solution_at < seen_solution_at))`,
      ),
      insertReview: db.prepare(
        `INSERT INTO review_log (learner_id, lesson_slug, cell_id, reviewed_at, rating) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, lesson_slug, cell_id, reviewed_at) DO NOTHING`,
      ),
      cardLog: db.prepare(
        `SELECT rating, reviewed_at FROM review_log WHERE learner_id = ? AND lesson_slug = ? AND cell_id = ? ORDER BY reviewed_at`,
      ),
      saveCard: db.prepare(
        `INSERT INTO review_cards (learner_id, lesson_slug, cell_id, due, card_json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, lesson_slug, cell_id) DO UPDATE SET due = excluded.due, card_json = excluded.card_json`,
      ),
      reviewCards: db.prepare(`SELECT lesson_slug, cell_id, due, card_json FROM review_cards WHERE learner_id = ?`),
      exportReviews: db.prepare(
        `SELECT lesson_slug, cell_id, rating, reviewed_at FROM review_log WHERE learner_id = ? ORDER BY reviewed_at, lesson_slug, cell_id`,
      ),
      getMeta: db.prepare(`SELECT value FROM meta WHERE key = ?`),
      insertMeta: db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
    };
  }

  /** A secret kept in the database so every process and every restart shares it. */
  /**
   * The imported attempts that can outlive compaction: per quiz, its first by time and its
   * newest. The others would be inserted only to be dropped, which made a large import cost
   * every other visitor a hundred milliseconds and more (issue 14, finding 1).
   */
  private survivors<T extends { lesson: string; cell: string; createdAt: string }>(attempts: T[]): T[] {
    const keep = Math.max(2, this.limits.attemptsKeptPerQuiz);
    const byQuiz = new Map<string, T[]>();
    for (const a of attempts) {
      const key = `${a.lesson}\0${a.cell}`;
      const list = byQuiz.get(key);
      if (list) list.push(a);
      else byQuiz.set(key, [a]);
    }
    return [...byQuiz.values()].flatMap((list) => {
      if (list.length <= keep) return list;
      // A stable sort: attempts at the same instant keep the file's order, as their ids would.
      const sorted = [...list].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0));
      return [sorted[0], ...sorted.slice(sorted.length - (keep - 1))];
    });
  }

  private compact(learnerId: string, lessonSlug: string, cellId: string): void {
    this.stmt.compactAttempts.run({ learner: learnerId, lesson: lessonSlug, cell: cellId, keep: Math.max(2, this.limits.attemptsKeptPerQuiz) });
  }

  /** Bytes of the database in use (pages holding data, not free pages): what the disk budget counts. */
  bytesUsed(): number {
    return (this.stmt.databaseBytes.get() as { bytes: number }).bytes;
  }

  /** Whether the database has a learner with this id (anything saved, or a visit recorded). */
  learnerExists(learnerId: string): boolean {
    return this.stmt.learnerExists.get(learnerId) !== undefined;
  }

  serverSecret(name: string): string {
    return this.db
      .transaction(() => {
        this.stmt.insertMeta.run(name, randomBytes(32).toString('base64url'));
        return (this.stmt.getMeta.get(name) as { value: string }).value;
      })
      .immediate();
  }

  cellStates(learnerId: string, lessonSlug: string): Map<string, CellState> {
    const rows = this.stmt.cellStates.all(learnerId, lessonSlug) as CellStateRow[];
    return new Map(rows.map((r) => [r.cell_id, cellStateOf(r)]));
  }

  /** One saved cell (a detail of it is asked for): only its row is read and parsed. */
  cellState(learnerId: string, lessonSlug: string, cellId: string): CellState | undefined {
    const row = this.stmt.cellState.get(learnerId, lessonSlug, cellId) as CellStateRow | undefined;
    return row && cellStateOf(row);
  }

  /** Saves an edited scenario and its outcome (counts as one run). */
  /** Saves a run of a cell: its input, and its output unless there is none to keep (null: the run never ran). */
  saveRun(learnerId: string, lessonSlug: string, cellId: string, input: string, output: StoredOutput | null, now: string): void {
    const json = output === null ? null : JSON.stringify(output.outcome);
    const kept = json !== null && Buffer.byteLength(json) <= MAX_STORED_OUTPUT_BYTES ? json : null;
    this.db
      .transaction(() => {
        this.stmt.ensureLearner.run(learnerId, now, now);
        this.stmt.saveRun.run(learnerId, lessonSlug, cellId, input, kept, kept === null || output === null ? null : output.engineVersion, now);
      })
      .immediate();
  }

  /** Stores the output of re-running a saved input (after an import or an engine change), if the input is unchanged. */
  saveOutput(learnerId: string, lessonSlug: string, cellId: string, input: string, output: StoredOutput): void {
    const json = JSON.stringify(output.outcome);
    if (Buffer.byteLength(json) > MAX_STORED_OUTPUT_BYTES) return;
    this.stmt.saveOutput.run(json, output.engineVersion, learnerId, lessonSlug, cellId, input);
  }

  resetCell(learnerId: string, lessonSlug: string, cellId: string): void {
    this.stmt.resetCell.run(learnerId, lessonSlug, cellId);
  }

  /**
   * Records a graded answer: the first on a quiz counts as right or wrong, a
   * right one after it as 'seen' (the key was shown). Returns how many attempts
   * the learner has made on this quiz, what this one counts as, and where they stand.
   */
  recordAttempt(
    learnerId: string,
    lessonSlug: string,
    cellId: string,
    answer: unknown,
    correct: boolean,
    now: string,
  ): { count: number; outcome: AttemptOutcome; standing: QuizStanding } {
    return this.db
      .transaction(() => {
        this.stmt.ensureLearner.run(learnerId, now, now);
        const before = this.stmt.firstOutcome.get(learnerId, lessonSlug, cellId) as { outcome: AttemptOutcome } | undefined;
        const outcome: AttemptOutcome = !correct ? 'wrong' : before === undefined ? 'right' : 'seen';
        this.stmt.insertAttempt.run(learnerId, lessonSlug, cellId, JSON.stringify(answer), correct ? 1 : 0, outcome, now);
        this.compact(learnerId, lessonSlug, cellId);
        const count = (this.stmt.countAttempts.get(learnerId, lessonSlug, cellId) as { n: number }).n;
        return { count, outcome, standing: standingOf(before?.outcome ?? outcome, correct) };
      })
      .immediate();
  }

  /** The newest attempt on every quiz the learner answered, keyed "slug/cellId". */
  latestAttempts(learnerId: string): Map<string, LatestAttempt> {
    const rows = this.stmt.latestAttempts.all({ learner: learnerId }) as {
      id: number;
      lesson_slug: string;
      cell_id: string;
      answer_json: string;
      correct: number;
      outcome: AttemptOutcome;
      created_at: string;
      n: number;
      first_right: number;
    }[];
    return new Map(
      rows.map((r) => [
        `${r.lesson_slug}/${r.cell_id}`,
        {
          id: r.id,
          lessonSlug: r.lesson_slug,
          cellId: r.cell_id,
          answer: JSON.parse(r.answer_json),
          correct: r.correct === 1,
          outcome: r.outcome,
          createdAt: r.created_at,
          count: r.n,
          standing: standingOf(r.first_right === 1 ? 'right' : 'wrong', r.correct === 1),
        },
      ]),
    );
  }

  /** Run counts of every cell the learner ran, keyed "slug/cellId". */
  runCounts(learnerId: string): Map<string, number> {
    const rows = this.stmt.runCounts.all(learnerId) as { lesson_slug: string; cell_id: string; run_count: number }[];
    return new Map(rows.map((r) => [`${r.lesson_slug}/${r.cell_id}`, r.run_count]));
  }

  /** Every challenge this learner touched, keyed "slug/cellId". */
  challengeStates(learnerId: string): Map<string, ChallengeState> {
    const rows = this.stmt.challengeStates.all(learnerId) as ChallengeRow[];
    return new Map(rows.map((r) => [`${r.lesson_slug}/${r.cell_id}`, challengeStateOf(r)]));
  }

  challengeState(learnerId: string, lessonSlug: string, cellId: string): ChallengeState | undefined {
    const row = this.stmt.challengeState.get(learnerId, lessonSlug, cellId) as ChallengeRow | undefined;
    return row && challengeStateOf(row);
  }

  /**
   * Records a graded run of a challenge: `attempt` when it was a real attempt
   * (an edited scenario that ran); the first solving run is kept with its scenario.
   */
  recordChallengeRun(learnerId: string, lessonSlug: string, cellId: string, run: { attempt: boolean; solved: boolean; input: string }, now: string): ChallengeState {
    return this.updateChallenge(learnerId, lessonSlug, cellId, now, () => {
      const solved = run.solved ? 1 : 0;
      this.stmt.challengeRun.run(run.attempt ? 1 : 0, solved, now, solved, run.input, learnerId, lessonSlug, cellId);
    });
  }

  /** Reveals one more hint (never more than `max`). */
  takeHint(learnerId: string, lessonSlug: string, cellId: string, max: number, now: string): ChallengeState {
    return this.updateChallenge(learnerId, lessonSlug, cellId, now, () => this.stmt.challengeHint.run(max, learnerId, lessonSlug, cellId));
  }

  /** The solution was shown: kept from the first time. */
  seeSolution(learnerId: string, lessonSlug: string, cellId: string, now: string): ChallengeState {
    return this.updateChallenge(learnerId, lessonSlug, cellId, now, () => this.stmt.challengeSolution.run(now, learnerId, lessonSlug, cellId));
  }

  /** One change to a learner's challenge, in a transaction that creates the learner and the challenge's row as needed. */
  private updateChallenge(learnerId: string, lessonSlug: string, cellId: string, now: string, change: () => void): ChallengeState {
    return this.db
      .transaction(() => {
        this.stmt.ensureLearner.run(learnerId, now, now);
        this.stmt.ensureChallenge.run(learnerId, lessonSlug, cellId, now);
        change();
        return this.challengeState(learnerId, lessonSlug, cellId)!;
      })
      .immediate();
  }

  recordVisit(learnerId: string, lessonSlug: string, now: string): void {
    this.db
      .transaction(() => {
        this.stmt.ensureLearner.run(learnerId, now, now);
        this.stmt.visit.run(learnerId, lessonSlug, now);
      })
      .immediate();
  }

  lastVisitedLesson(learnerId: string): string | undefined {
    return (this.stmt.lastVisit.get(learnerId) as { lesson_slug: string } | undefined)?.lesson_slug;
  }

  /**
   * Records a rating of a review card and settles the card again from its whole log, in one
   * transaction. A second rating at the same moment is the same rating (not counted twice).
   */
  recordReview(learnerId: string, lessonSlug: string, cellId: string, rating: ReviewExport['rating'], now: string, cardFromLog: CardFromLog): StoredReviewCard {
    return this.db
      .transaction(() => {
        this.stmt.ensureLearner.run(learnerId, now, now);
        this.stmt.insertReview.run(learnerId, lessonSlug, cellId, now, rating);
        return this.settleCard(learnerId, lessonSlug, cellId, cardFromLog);
      })
      .immediate();
  }

  private settleCard(learnerId: string, lessonSlug: string, cellId: string, cardFromLog: CardFromLog): StoredReviewCard {
    const rows = this.stmt.cardLog.all(learnerId, lessonSlug, cellId) as { rating: ReviewExport['rating']; reviewed_at: string }[];
    const { due, card } = cardFromLog(rows.map((r) => ({ rating: r.rating, reviewedAt: r.reviewed_at })));
    this.stmt.saveCard.run(learnerId, lessonSlug, cellId, due, JSON.stringify(card));
    return { lessonSlug, cellId, due, card };
  }

  /** Every review card the learner has rated, keyed "slug/cellId". */
  reviewCards(learnerId: string): Map<string, StoredReviewCard> {
    const rows = this.stmt.reviewCards.all(learnerId) as { lesson_slug: string; cell_id: string; due: string; card_json: string }[];
    return new Map(rows.map((r) => [`${r.lesson_slug}/${r.cell_id}`, { lessonSlug: r.lesson_slug, cellId: r.cell_id, due: r.due, card: JSON.parse(r.card_json) }]));
  }

  exportProgress(learnerId: string, now: string): ProgressExport {
    const cells = this.stmt.exportCells.all(learnerId) as {
      lesson_slug: string;
      cell_id: string;
      input: string;
      run_count: number;
      updated_at: string;
    }[];
    const attempts = this.stmt.exportAttempts.all(learnerId) as {
      lesson_slug: string;
      cell_id: string;
      answer_json: string;
      correct: number;
      created_at: string;
    }[];
    return {
      format: 'kube-notebook-progress',
      version: 1,
      exportedAt: now,
      cells: cells.map((c) => ({
        lesson: c.lesson_slug,
        cell: c.cell_id,
        input: c.input,
        runCount: c.run_count,
        updatedAt: c.updated_at,
      })),
      attempts: attempts.map((a) => ({
        lesson: a.lesson_slug,
        cell: a.cell_id,
        answer: JSON.parse(a.answer_json),
        correct: a.correct === 1,
        createdAt: a.created_at,
      })),
      challenges: [...this.challengeStates(learnerId).values()].map((c) => ({
        lesson: c.lessonSlug,
        cell: c.cellId,
        attempts: c.attempts,
        hintsUsed: c.hintsUsed,
        solvedAt: c.solvedAt,
        solvedInput: c.solvedInput,
        seenSolutionAt: c.seenSolutionAt,
        updatedAt: c.updatedAt,
      })),
      reviews: (this.stmt.exportReviews.all(learnerId) as { lesson_slug: string; cell_id: string; rating: ReviewExport['rating']; reviewed_at: string }[]).map((r) => ({
        lesson: r.lesson_slug,
        cell: r.cell_id,
        rating: r.rating,
        reviewedAt: r.reviewed_at,
      })),
    };
  }

  /**
   * Merges an already validated and re-graded export into this learner's
   * progress, in one transaction: newer cell states win, attempts already
   * present are not duplicated.
   */
  importProgress(
    learnerId: string,
    data: { cells: ProgressExport['cells']; attempts: ProgressExport['attempts']; challenges?: ChallengeExport[]; reviews?: ReviewExport[] },
    now: string,
    cardFromLog?: CardFromLog,
  ): { cells: number; attempts: number; challenges: number; reviews: number } {
    return this.db
      .transaction(() => {
        this.stmt.ensureLearner.run(learnerId, now, now);
        let cells = 0;
        let attempts = 0;
        for (const c of data.cells) {
          cells += this.stmt.importCell.run(learnerId, c.lesson, c.cell, c.input, c.runCount, c.updatedAt).changes;
        }
        for (const a of this.survivors(data.attempts)) {
          const answer = JSON.stringify(a.answer);
          if (this.stmt.attemptExists.get(learnerId, a.lesson, a.cell, answer, a.createdAt)) continue;
          this.stmt.insertAttempt.run(learnerId, a.lesson, a.cell, answer, a.correct ? 1 : 0, 'wrong', a.createdAt);
          attempts++;
        }
        // Imported attempts may come before ones already here: which one was first is settled again.
        if (attempts > 0) {
          this.stmt.regradeOutcomes.run(learnerId);
          for (const quiz of new Set(data.attempts.map((a) => `${a.lesson}\0${a.cell}`))) {
            const [lesson, cell] = quiz.split('\0');
            this.compact(learnerId, lesson, cell);
          }
        }
        let challenges = 0;
        for (const c of data.challenges ?? []) {
          challenges += this.stmt.importChallenge.run({ learner: learnerId, ...c }).changes;
        }
        // Ratings merge into the log; each card they touch is replayed from its whole log.
        let reviews = 0;
        const touched = new Set<string>();
        for (const r of data.reviews ?? []) {
          const added = this.stmt.insertReview.run(learnerId, r.lesson, r.cell, r.reviewedAt, r.rating).changes;
          reviews += added;
          if (added > 0) touched.add(`${r.lesson}\0${r.cell}`);
        }
        if (touched.size > 0 && !cardFromLog) throw new Error('importProgress: ratings need cardFromLog to settle their cards');
        for (const key of touched) {
          const [lesson, cell] = key.split('\0');
          this.settleCard(learnerId, lesson, cell, cardFromLog!);
        }
        return { cells, attempts, challenges, reviews };
      })
      .immediate();
  }
}
