// HTML pages and the forms that work without JavaScript. Every form POST
// answers with a redirect back to the cell (post/redirect/get), so reload
// never re-submits, and the page shows the saved state.

import { Router, type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { Notebook } from '../notebook.ts';
import { ByteSlots, Fragment, FragmentCache, type Views } from '../views/render.ts';
import type { Csrf } from '../http/security.ts';
import { HttpError, retryAfter, runFailureError, wantsJson } from '../http/errors.ts';
import type { Lang } from '../content/model.ts';
import { lessonFor } from '../content/model.ts';
import { plural, translate } from '../i18n/strings.ts';
import { errorSnippet, expectedHtml, lessonProgress, quizCellModel, refusedInputMessage, simCellModel } from '../views/view-models.ts';
import { MAX_INPUT_CHARS } from '../notebook.ts';
import { cellOutputHtml } from '../views/cell-output-html.ts';
import { noteLinesHref, sourceRefs } from '../content/note-refs.ts';
import { contentsModel } from '../views/contents.ts';
import { challengeCellModel, challengeOutputHtml } from '../views/challenge-html.ts';
import { ValidationError, type ValidationErrorBody } from '../../simulations/shared/errors.ts';
import { sendEncoded } from '../http/encoding.ts';
import type { RunOutcome } from '../sim-runtime/execute.ts';
import { cookieName, preferenceCookieOptions } from '../http/learner.ts';
import { lessonPath, pathInLanguage } from '../i18n/language-paths.ts';
import { relativeTime } from '../i18n/relative-time.ts';
import { preview } from '../review/schedule.ts';

/** "Imported 1 edited cell and 2 answers.", or "Already up to date" when the file added nothing. */
function importedMessage(lang: Lang, counts: { cells: number; attempts: number; challenges?: number; reviews?: number }): string {
  const { cells, attempts, challenges = 0, reviews = 0 } = counts;
  if (cells === 0 && attempts === 0 && challenges === 0 && reviews === 0) return translate(lang, 'progress.imported.upToDate');
  const parts = [plural(lang, 'progress.imported.cells', cells), plural(lang, 'progress.imported.answers', attempts)];
  if (challenges > 0) parts.push(plural(lang, 'progress.imported.challenges', challenges));
  if (reviews > 0) parts.push(plural(lang, 'progress.imported.reviews', reviews));
  const list = parts.slice(0, -1).join(translate(lang, 'list.comma')) + translate(lang, 'list.and') + parts[parts.length - 1];
  return translate(lang, 'progress.imported', { list });
}

/** A run that could not start, shown in place at its cell (see renderLesson). */
interface RunErrorInPlace {
  cellId: string;
  /** What the learner sent, when the request carried it. */
  input?: string;
  error: ValidationErrorBody;
  status: number;
  /** Says that the scenario shown was not saved. */
  notSaved?: boolean;
}

function runErrorModel({ error, input, notSaved }: RunErrorInPlace) {
  return {
    ok: false,
    notSaved,
    error: { ...error, snippet: input === undefined ? [] : errorSnippet(input, error.line, error.column) },
  };
}

/** The errors of a run request that the lesson page shows at the cell, with their status and headers. */
function runRequestFailure(error: unknown): { status: number; message: string; headers: Record<string, string> } | undefined {
  if (error instanceof HttpError && (error.status === 429 || error.status === 413)) return { status: error.status, message: error.message, headers: error.headers };
  const e = error as { status?: number; type?: string; code?: string };
  if (e?.type === 'entity.too.large' || e?.status === 413) return { status: 413, message: 'the request body is larger than 256 KiB', headers: {} };
  if (e?.code === 'EBADCSRFTOKEN') return { status: 403, message: 'invalid or missing CSRF token: reload the page and try again', headers: {} };
  return undefined;
}

export interface PageDeps {
  notebook: Notebook;
  views: Views;
  csrf: Csrf;
  runLimiters: RequestHandler[];
  answerLimiters?: RequestHandler[];
  importLimiters?: RequestHandler[];
  secureCookies: boolean;
  bodyLimitBytes: number;
}

/** Only local paths are valid redirect targets (no open redirects). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}

// Consecutive cached cells are sent as one fragment: compressed as one piece of
// text (views/gzip-pieces.ts chains its pieces), a first visit's lesson page
// gzips to about half of what cell-by-cell compression gives. Which runs occur
// depends on what each learner has touched, so the joined fragments are kept in
// a cache bounded by size.
const RUN_CACHE_BYTES = 16 * 1024 * 1024;

type CellSlot = { fragment: Fragment; key: string } | { bytes: Buffer };

interface RenderedCell {
  kind: 'markdown' | 'sim' | 'quiz' | 'challenge';
  id: string;
  anchor: string;
  slot: CellSlot;
}

/** Puts each cell's marker in `html`; a run of cached cells gets one marker (on its first cell) for all of them. */
function withMarkers(cells: readonly RenderedCell[], slots: ByteSlots, runs: FragmentCache): { kind: string; id: string; anchor: string; html: string }[] {
  const out: { kind: string; id: string; anchor: string; html: string }[] = [];
  let i = 0;
  while (i < cells.length) {
    const { kind, id, anchor, slot } = cells[i];
    if (!('fragment' in slot)) {
      out.push({ kind, id, anchor, html: slots.marker(slot.bytes) });
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cells.length && 'fragment' in cells[end].slot) end++;
    let fragment = slot.fragment;
    if (end - i > 1) {
      const run = cells.slice(i, end).map((c) => c.slot as { fragment: Fragment; key: string });
      fragment = runs.get(run.map((r) => r.key).join('\n'), () => Fragment.concat(run.map((r) => r.fragment)));
    }
    out.push({ kind, id, anchor, html: slots.marker(fragment) });
    for (let j = i + 1; j < end; j++) out.push({ kind: cells[j].kind, id: cells[j].id, anchor: cells[j].anchor, html: '' });
    i = end;
  }
  return out;
}

export function pageRoutes({ notebook, views, csrf, runLimiters, answerLimiters = [], importLimiters = [], secureCookies, bodyLimitBytes }: PageDeps): { router: Router; runErrors: ErrorRequestHandler } {
  const router = Router();
  // The body limit holds for uploads too: the file and every text field.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: bodyLimitBytes, fieldSize: bodyLimitBytes, files: 1, fields: 4 } });

  // The default output of a sim cell is the same for every learner: render it once per language.
  const cellFragments = new Map<string, Fragment>();
  // Runs of consecutive cached cells, joined (see withMarkers).
  const runFragments = new FragmentCache(RUN_CACHE_BYTES);

  const render = (res: Response, page: string, model: Record<string, unknown>) => {
    res.type('html').send(views.page(page, { ...res.locals, ...model }));
  };
  const renderBytes = (res: Response, page: string, slots: ByteSlots, model: Record<string, unknown>) => {
    const body = views.pageBytes(page, { ...res.locals, ...model }, slots);
    sendEncoded(res.req, res.type('html'), body);
  };

  router.get('/', (req, res) => {
    const lang = res.locals.lang as Lang;
    const progress = notebook.progress(req.learnerId, lang);
    const last = notebook.lastVisited(req.learnerId);
    const chapters = progress.map(({ planned, lesson, progress: p }) => ({
      number: planned.number,
      slug: planned.slug,
      title: lesson?.title ?? planned.title[lang],
      summary: lesson?.summary,
      available: lesson !== undefined,
      tags: lesson?.tags ?? [],
      progress: p,
    }));
    // Ready chapters first, in curriculum order; the planned ones after them.
    const ready = chapters.filter((c) => c.available);
    // Where to start: the first ready chapter the learner has not finished (all of it, for a newcomer).
    const next = ready.find((c) => !c.progress || c.progress.answered < c.progress.quizzes) ?? ready[0];
    const dueForReview = notebook.reviewQueue(req.learnerId, lang, progress).due.length;
    render(res, 'home', {
      title: translate(lang, 'home.title'),
      chapters: ready,
      planned: chapters.filter((c) => !c.available),
      startHere: next && !last ? { slug: next.slug, title: next.title, number: next.number } : undefined,
      continueLesson: last ? { slug: last, title: lessonFor(notebook.chapter(last), lang).title } : undefined,
      reviewDueText: dueForReview > 0 ? plural(lang, 'home.review.due', dueForReview) : undefined,
    });
  });

  router.get('/lessons', (_req, res) => res.redirect(301, '/'));

  /**
   * The lesson page. `runError`: a run of one cell that could not even start
   * (an empty scenario, one over the size limit, the rate limit, a stale form):
   * the page is answered with that status and the error in place at the cell,
   * the editor holding what the learner sent when there is one. (A run that
   * ran and failed, a YAML or validation error, is saved and shown like any run.)
   */
  const renderLesson = async (req: Request, res: Response, slug: string, runError?: RunErrorInPlace) => {
    const lang = res.locals.lang as Lang;
    const chapter = notebook.chapter(slug);
    const lesson = lessonFor(chapter, lang);
    // What each sim cell shows is the notebook's to decide (predict first). A
    // browser without our cookie yet has nothing saved: the database is not asked.
    const { states, attempts, outputs, challenges, challengeStates } = await notebook.lessonOutputs(req.learnerId, lesson, { firstVisit: req.newLearner });
    const token = String(res.locals.csrfToken ?? '');
    const slots = new ByteSlots(token);
    // A cell that is not the learner's own looks the same to everyone: it is
    // rendered and encoded once, and only the CSRF token is put in per request.
    // Each cell becomes a CellSlot; the markers go in once runs of cached cells are joined.
    // `model` is a function: a cell already cached needs no model at all.
    const cellSlot = (partial: string, model: () => object, cacheKey: string | undefined): CellSlot => {
      if (cacheKey === undefined) return { bytes: Buffer.from(views.partial(partial, { ...model(), slug, lang, csrfToken: token })) };
      let fragment = cellFragments.get(cacheKey);
      if (!fragment) {
        fragment = Fragment.of(views.partial(partial, { ...model(), slug, lang, csrfToken: Fragment.CSRF_PLACEHOLDER }));
        cellFragments.set(cacheKey, fragment);
      }
      return { fragment, key: cacheKey };
    };
    const rendered = lesson.cells.map((cell): RenderedCell => {
      const cacheKey = `${slug}/${cell.id}/${lang}`;
      const anchor = `cell-${cell.id}`;
      if (cell.kind === 'markdown') {
        return { kind: cell.kind, id: cell.id, anchor, slot: cellSlot('cells/markdown', () => ({ id: cell.id, html: cell.html }), cacheKey) };
      }
      if (cell.kind === 'sim') {
        const state = states.get(cell.id);
        if (runError?.cellId === cell.id) {
          const model = () => ({
            ...simCellModel(cell, state, runError.input),
            outputHtml: views.partial('sim-output', { lang, ...runErrorModel(runError) }),
          });
          return { kind: cell.kind, id: cell.id, anchor, slot: cellSlot('cells/sim', model, undefined) };
        }
        const output = outputs.get(cell.id)!;
        // The learner's own run is theirs alone; the default result (under the
        // engine version that computed it) and the held-back notice (per set of
        // quizzes still to answer) look the same to everyone, so they are cached.
        const shared = `${cacheKey}/v${cell.engineVersion}`;
        const key = output.kind === 'own' ? undefined : output.kind === 'held' ? `${shared}/predict-first/${output.quizzes.join(',')}` : shared;
        const model = () => ({ ...simCellModel(cell, state), outputHtml: cellOutputHtml(views, notebook.engine(cell.engine), slug, output, { lang }) });
        return { kind: cell.kind, id: cell.id, anchor, slot: cellSlot('cells/sim', model, key) };
      }
      if (cell.kind === 'challenge') {
        const view = challenges.get(cell.id);
        const engine = notebook.engine(cell.engine);
        if (runError?.cellId === cell.id) {
          const model = () => ({
            ...challengeCellModel(cell, lang, view, runError.input),
            outputHtml: views.partial('sim-output', { lang, ...runErrorModel(runError) }),
          });
          return { kind: cell.kind, id: cell.id, anchor, slot: cellSlot('cells/challenge', model, undefined) };
        }
        // Untouched, a challenge looks the same to everyone: cached like a default output.
        const key = view === undefined ? `${cacheKey}/challenge/v${cell.engineVersion}` : undefined;
        const model = () => ({ ...challengeCellModel(cell, lang, view), outputHtml: challengeOutputHtml(views, engine, slug, cell, view, { lang }) });
        return { kind: cell.kind, id: cell.id, anchor, slot: cellSlot('cells/challenge', model, key) };
      }
      const attempt = attempts.get(`${slug}/${cell.id}`);
      // A predict quiz says so plainly when the learner's saved version of its cell differs from the lesson's.
      const simState = cell.spec.type === 'predict' ? states.get(cell.spec.sim) : undefined;
      const scenarioEdited = simState !== undefined && simState.input !== notebook.simCell(slug, simState.cellId).input;
      const key = attempt ? undefined : `${cacheKey}${scenarioEdited ? '/edited' : ''}`;
      return { kind: cell.kind, id: cell.id, anchor, slot: cellSlot('cells/quiz', () => quizCellModel(cell, attempt, { scenarioEdited }), key) };
    });
    const cells = withMarkers(rendered, slots, runFragments);
    const chapters = notebook.content.chapters;
    const index = chapters.findIndex((c) => c.slug === slug);
    const neighbour = (i: number) => {
      const c = chapters[i];
      return c ? { slug: c.slug, title: lessonFor(c, lang).title, number: c.number } : undefined;
    };
    // A browser without our cookie yet is a first visit: nothing to continue from, no write.
    if (!req.newLearner && !runError) notebook.recordVisit(req.learnerId, slug);
    const runCounts = new Map([...states.values()].filter((s) => s.runCount > 0).map((s) => [`${slug}/${s.cellId}`, s.runCount]));
    renderBytes(res, 'lesson', slots, {
      title: lesson.title,
      lesson: { ...lesson, cells },
      // Each source links to the lines of the note it names (/notes/000?lines=59-70#L59).
      sources: lesson.sources.map((text) => {
        const refs = sourceRefs(text);
        return { text, href: refs.length > 0 ? noteLinesHref(refs) : undefined };
      }),
      contents: contentsModel(lesson, lang, runCounts, attempts, challengeStates),
      prev: neighbour(index - 1),
      next: neighbour(index + 1),
      translationMissing: lesson.lang !== lang,
      // The lesson in each language, for <link rel="alternate" hreflang> and the language switch.
      alternates: { en: lessonPath('en', slug), zh: lessonPath('zh', slug) },
      progress: lessonProgress(lesson, runCounts, attempts, challengeStates),
    });
  };

  router.get('/lessons/:slug', (req, res) => {
    const slug = String(req.params.slug);
    // A learner reading Chinese who opens the English form of a lesson's URL goes to its Chinese form.
    if (res.locals.lang === 'zh' && !res.locals.urlLang) {
      notebook.chapter(slug); // an unknown lesson is a 404 here, not after a redirect
      res.redirect(302, `/zh${req.originalUrl}`);
      return;
    }
    return renderLesson(req, res, slug);
  });

  // The lesson's own scenario of a sim cell, read-only (a predict quiz offers it
  // once the learner has edited the cell): a page without JavaScript, shown in place with it.
  router.get('/lessons/:slug/cells/:cellId/scenario', (req, res) => {
    const slug = String(req.params.slug);
    const cellId = String(req.params.cellId);
    const lang = res.locals.lang as Lang;
    const cell = notebook.simCell(slug, cellId);
    const lesson = lessonFor(notebook.chapter(slug), lang);
    const title = translate(lang, 'scenario.title', { cell: cellId });
    render(res, 'detail', {
      title,
      detail: { title, text: cell.input },
      lesson: { slug, title: lesson.title },
      backHref: `/lessons/${encodeURIComponent(slug)}#cell-${cellId}`,
    });
  });

  // A piece of a cell's result served on demand (kubectl describe at one moment):
  // a page of its own without JavaScript, fetched into the cell with it.
  router.get('/lessons/:slug/cells/:cellId/details/:key', async (req, res) => {
    const slug = String(req.params.slug);
    const cellId = String(req.params.cellId);
    const reply = await notebook.cellDetail(req.learnerId, slug, cellId, String(req.params.key));
    if (!reply.ok) throw runFailureError(reply);
    const { detail } = reply;
    const lesson = lessonFor(notebook.chapter(slug), res.locals.lang as Lang);
    render(res, 'detail', {
      title: detail.title,
      detail,
      lesson: { slug, title: lesson.title },
      backHref: `/lessons/${encodeURIComponent(slug)}#cell-${cellId}`,
    });
  });

  const back = (res: Response, slug: string, cellId: string) => res.redirect(303, lessonPath(res.locals.lang as Lang, slug, `#cell-${cellId}`));

  const renderRunError = async (req: Request, res: Response, runError: RunErrorInPlace) => {
    const slug = String(req.params.slug);
    // The page is answered at the form's address: its links and the preferences form go back to the lesson.
    res.locals.returnTo = lessonPath(res.locals.lang as Lang, slug, `#cell-${runError.cellId}`);
    res.locals.csrfToken = csrf.token(req, res);
    res.status(runError.status);
    await renderLesson(req, res, slug, runError);
  };

  /**
   * The run form of a cell, a sim cell or a challenge: run (or reset), then back to the cell.
   * A run that never ran comes back as the lesson page with the error at the cell: an empty
   * scenario or one over the size limit (not saved, the text as sent), or every worker busy
   * (saved without a result, with when to try again).
   */
  const runForm =
    (
      run: (learnerId: string, slug: string, cellId: string, input: unknown) => Promise<{ input: string; outcome?: RunOutcome }>,
      reset: (learnerId: string, slug: string, cellId: string) => void,
    ) =>
    async (req: Request, res: Response) => {
      const slug = String(req.params.slug);
      const cellId = String(req.params.cellId);
      if (req.body?.action === 'reset') {
        reset(req.learnerId, slug, cellId);
        back(res, slug, cellId);
        return;
      }
      try {
        const ran = await run(req.learnerId, slug, cellId, req.body?.input);
        if (ran.outcome && !ran.outcome.ok && ran.outcome.kind === 'busy') {
          const seconds = retryAfter(ran.outcome);
          res.setHeader('Retry-After', seconds);
          const message = translate(res.locals.lang as Lang, 'sim.error.busy', { seconds });
          await renderRunError(req, res, { cellId, input: ran.input, error: { message }, status: 503 });
          return;
        }
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const input = typeof req.body?.input === 'string' ? req.body.input : undefined;
        const message = refusedInputMessage(res.locals.lang as Lang, error, MAX_INPUT_CHARS);
        await renderRunError(req, res, { cellId, input, error: { ...error.toJSON(), message }, status: 400, notSaved: true });
        return;
      }
      back(res, slug, cellId);
    };

  router.post(
    '/lessons/:slug/cells/:cellId/run',
    csrf.protect,
    ...runLimiters,
    runForm(
      (learnerId, slug, cellId, input) => notebook.runCell(learnerId, slug, cellId, input),
      (learnerId, slug, cellId) => notebook.resetCell(learnerId, slug, cellId),
    ),
  );


  // ---- Troubleshooting challenges: run (or reset), take a hint, show the solution ----
  router.post(
    '/lessons/:slug/challenges/:cellId/run',
    csrf.protect,
    ...runLimiters,
    runForm(
      (learnerId, slug, cellId, input) => notebook.runChallenge(learnerId, slug, cellId, input),
      (learnerId, slug, cellId) => notebook.resetChallenge(learnerId, slug, cellId),
    ),
  );

  /** A form that changes one thing of a learner's cell, then goes back to the cell. */
  const cellAction = (change: (learnerId: string, slug: string, cellId: string) => unknown) => (req: Request, res: Response) => {
    const slug = String(req.params.slug);
    const cellId = String(req.params.cellId);
    change(req.learnerId, slug, cellId);
    back(res, slug, cellId);
  };
  router.post('/lessons/:slug/cells/:cellId/reset', csrf.protect, cellAction((learnerId, slug, cellId) => notebook.resetCell(learnerId, slug, cellId)));
  router.post('/lessons/:slug/challenges/:cellId/hint', csrf.protect, cellAction((learnerId, slug, cellId) => notebook.takeHint(learnerId, slug, cellId)));
  router.post('/lessons/:slug/challenges/:cellId/solution', csrf.protect, cellAction((learnerId, slug, cellId) => notebook.seeSolution(learnerId, slug, cellId)));

  router.post('/lessons/:slug/quizzes/:cellId/answer', csrf.protect, ...answerLimiters, async (req, res) => {
    const slug = String(req.params.slug);
    const cellId = String(req.params.cellId);
    const cell = notebook.quizCell(slug, cellId);
    // A multiple-choice form sends one `answer` per ticked box, or none at all.
    const raw = req.body?.answer ?? (cell.key.kind === 'choice' && cell.key.multiple ? [] : undefined);
    if (raw === undefined || raw === '') {
      back(res, slug, cellId);
      return;
    }
    await notebook.answer(req.learnerId, slug, cellId, raw, res.locals.lang as Lang);
    back(res, slug, cellId);
  });

  // Spaced review (issue 13): the missed questions that are due, each with its answer behind a
  // disclosure, a link to its quiz and simulation, and the four FSRS ratings.
  router.get('/review', (req, res) => {
    const lang = res.locals.lang as Lang;
    const queue = notebook.reviewQueue(req.learnerId, lang);
    const now = queue.now;
    const card = (entry: (typeof queue.due)[number]) => {
      const cell = notebook.quizCell(entry.question.slug, entry.question.cellId, lang);
      return {
        slug: entry.question.slug,
        cellId: entry.question.cellId,
        chapterNumber: entry.question.chapterNumber,
        chapterTitle: entry.question.chapterTitle,
        promptHtml: entry.question.promptHtml,
        expectedHtml: expectedHtml(cell),
        explainHtml: cell.html.explain,
        simId: cell.spec.type === 'predict' ? cell.spec.sim : undefined,
        historyText: entry.fresh
          ? translate(lang, 'review.fresh')
          : `${plural(lang, 'review.reps', entry.card.reps)}${entry.card.lapses > 0 ? ` · ${plural(lang, 'review.lapses', entry.card.lapses)}` : ''}`,
        due: entry.card.due,
        dueText: relativeTime(lang, entry.card.due, now),
      };
    };
    render(res, 'review', {
      title: translate(lang, 'review.title'),
      due: queue.due.map((entry) => ({
        ...card(entry),
        ratings: Object.entries(preview(entry.fresh ? undefined : entry.card, now)).map(([rating, due]) => ({
          rating,
          label: translate(lang, `review.rating.${rating}`),
          whenText: relativeTime(lang, due, now),
        })),
      })),
      upcoming: queue.upcoming.map(card),
      dueCountText: plural(lang, 'review.dueCount', queue.due.length),
      rated: req.query.rated === '1',
    });
  });

  router.post('/review/:slug/:cellId', csrf.protect, ...answerLimiters, (req, res) => {
    notebook.rateReview(req.learnerId, String(req.params.slug), String(req.params.cellId), req.body?.rating);
    res.redirect(303, '/review?rated=1');
  });

  router.get('/progress', (req, res) => {
    const lang = res.locals.lang as Lang;
    const chapters = notebook.progress(req.learnerId, lang).map(({ planned, lesson, progress, missed, challenges }) => ({
      number: planned.number,
      slug: planned.slug,
      title: lesson?.title ?? planned.title[lang],
      available: lesson !== undefined,
      progress,
      missed,
      challenges,
    }));
    const imported = typeof req.query.imported === 'string' ? /^(\d+),(\d+)(?:,(\d+))?(?:,(\d+))?$/.exec(req.query.imported) : null;
    const challenges = chapters.flatMap((c) =>
      c.challenges.map((ch) => ({
        ...ch,
        chapterTitle: c.title,
        standingText: translate(lang, `challenge.standing.${ch.standing}`),
        attemptsText: plural(lang, 'challenge.attempts', ch.attempts),
        hintsText: translate(lang, 'challenge.progress.hints', { used: ch.hintsUsed, total: ch.hints }),
      })),
    );
    render(res, 'progress', {
      title: translate(lang, 'progress.title'),
      chapters: chapters.filter((c) => c.available),
      missed: chapters.flatMap((c) => c.missed.map((m) => ({ ...m, chapterTitle: c.title }))),
      challenges,
      // A challenge whose solution was shown is reviewed like a question answered after seeing its key.
      challengesToReview: challenges.filter((c) => c.standing === 'seen'),
      importedMessage: imported ? importedMessage(lang, { cells: Number(imported[1]), attempts: Number(imported[2]), challenges: Number(imported[3] ?? 0), reviews: Number(imported[4] ?? 0) }) : undefined,
      importError: typeof req.query.importError === 'string' ? req.query.importError.slice(0, 300) : undefined,
    });
  });

  router.post('/progress/import', upload.single('file'), csrf.protect, ...importLimiters, async (req: Request, res: Response) => {
    const text = req.file ? req.file.buffer.toString('utf8') : typeof req.body?.json === 'string' ? req.body.json : '';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      res.redirect(303, `/progress?importError=${encodeURIComponent('the file is not valid JSON')}`);
      return;
    }
    try {
      const { cells, attempts, challenges, reviews } = await notebook.importProgress(req.learnerId, data);
      res.redirect(303, `/progress?imported=${cells},${attempts}${challenges > 0 || reviews > 0 ? `,${challenges}` : ''}${reviews > 0 ? `,${reviews}` : ''}`);
    } catch (error) {
      if (error instanceof ValidationError) {
        res.redirect(303, `/progress?importError=${encodeURIComponent(error.message)}`);
        return;
      }
      throw error;
    }
  });

  router.post('/preferences', csrf.protect, (req, res) => {
    const options = preferenceCookieOptions(secureCookies);
    const lang = req.body?.lang;
    const theme = req.body?.theme;
    if (lang !== undefined) {
      if (lang !== 'en' && lang !== 'zh') throw new HttpError(400, 'lang must be en or zh');
      res.cookie(cookieName('kn_lang', secureCookies), lang, options);
    }
    if (theme !== undefined) {
      if (theme !== 'light' && theme !== 'dark' && theme !== 'system') throw new HttpError(400, 'theme must be light, dark or system');
      res.cookie(cookieName('kn_theme', secureCookies), theme, options);
    }
    if (req.get('accept')?.includes('application/json')) {
      res.json({ ok: true });
      return;
    }
    const returnTo = safeReturnPath(req.body?.return);
    // A lesson comes back in the language form of its URL (i18n/language-paths.ts).
    res.redirect(303, lang === 'en' || lang === 'zh' ? pathInLanguage(returnTo, lang) : returnTo);
  });

  // A run that failed before its handler (a body over the limit, a stale CSRF token,
  // the rate limit): the lesson page with the error at the cell, never a bare error page.
  // Mounted by the app on the form's path: a body over the limit fails in the app's
  // body parser, before this router, and a router sees no error from before it.
  const runErrors = async (error: unknown, req: Request, res: Response, next: NextFunction) => {
    const failure = runRequestFailure(error);
    if (req.method !== 'POST' || !failure || wantsJson(req) || res.headersSent) {
      next(error);
      return;
    }
    try {
      const cellId = String(req.params.cellId);
      notebook.editableCell(String(req.params.slug), cellId);
      for (const [k, v] of Object.entries(failure.headers)) res.setHeader(k, v);
      const lang = res.locals.lang as Lang;
      const message =
        failure.status === 413
          ? translate(lang, 'sim.error.tooLarge')
          : failure.status === 403
            ? translate(lang, 'sim.error.staleForm')
            : translate(lang, 'sim.error.rateLimited', { seconds: failure.headers['Retry-After'] ?? '60' });
      const input = failure.status !== 413 && typeof req.body?.input === 'string' ? req.body.input : undefined;
      await renderRunError(req, res, { cellId, input, error: { message }, status: failure.status, notSaved: input !== undefined });
    } catch {
      next(error);
    }
  };

  return { router, runErrors };
}
