// The JSON API. Shapes are fixed by issue #2; tests and outside checks use them.
//
//   GET  /api/lessons                              [{ slug, title, order, summary }]
//   GET  /api/lessons/:slug                        { slug, title, cells: [...] }   (no answers)
//   POST /api/simulations/:sim/run   { input }     200 { ok, result, trace } | 400 { ok: false, error }
//   POST /api/lessons/:slug/cells/:cellId/run      runs and saves a learner's cell; adds `html`
//   POST /api/lessons/:slug/cells/:cellId/reset    forgets the learner's edit; adds `input` and `html`
//        (both: ?only=html for just { ok, html, edited, input? }, as the page script asks)
//   GET  /api/lessons/:slug/cells/:cellId/details/:key   one on-demand detail { title, text }
//   POST /api/quizzes/:slug/:cellId/answers { answer }   { correct, expected, explanation, ... }
//   GET  /api/progress, GET /api/progress/export, POST /api/progress/import
//
// What a cell shows (its own run, the default result, or nothing yet: predict
// first) is the notebook's CellOutput; the cell routes only send and render it.

import { Router, type RequestHandler, type Response } from 'express';
import type { Notebook } from '../notebook.ts';
import type { Views } from '../views/render.ts';
import type { Lang } from '../content/model.ts';
import { lessonFor } from '../content/model.ts';
import type { RunOutcome } from '../sim-runtime/execute.ts';
import { publicQuiz, refusedInputMessage } from '../views/view-models.ts';
import { MAX_INPUT_CHARS } from '../notebook.ts';
import { cellOutputHtml } from '../views/cell-output-html.ts';
import type { CellOutput } from '../cell-output.ts';
import { requireJson } from '../http/security.ts';
import { choicesOf } from '../quiz/quiz-schema.ts';
import { sendEncoded } from '../http/encoding.ts';
import { retryAfter, runFailureError } from '../http/errors.ts';
import { translate } from '../i18n/strings.ts';
import { ValidationError } from '../../simulations/shared/errors.ts';
import { constants, gzipSync } from 'node:zlib';
import { challengePieces } from '../views/challenge-html.ts';
import type { ChallengeRun } from '../notebook.ts';
import type { ChallengeReport } from '../challenge/grade.ts';

/** A challenge's grading as the API answers it: each objective and constraint, met or not, with what was found. */
function reportBody(report: ChallengeReport | undefined) {
  if (!report) return undefined;
  return { solved: report.solved, objectives: report.objectives, constraints: report.constraints };
}

export interface ApiDeps {
  notebook: Notebook;
  views: Views;
  runLimiters: RequestHandler[];
  answerLimiters?: RequestHandler[];
  importLimiters?: RequestHandler[];
}

/** The API body of a run: exactly `{ ok, result, trace }` or `{ ok: false, error }`. */
function runBody(outcome: RunOutcome) {
  return outcome.ok
    ? { ok: true, result: outcome.result, trace: outcome.trace, ...(outcome.budgetHit ? { budgetHit: outcome.budgetHit } : {}) }
    : { ok: false, error: outcome.error };
}

function sendRun(res: Response, outcome: RunOutcome, extra: Record<string, unknown> = {}, { onlyHtml = false } = {}) {
  // All workers busy (queue full or waited too long): worth retrying in a moment.
  if (!outcome.ok && outcome.status === 503) res.setHeader('Retry-After', retryAfter(outcome));
  res.status(outcome.ok ? 200 : outcome.status);
  if (!onlyHtml) {
    res.json({ ...runBody(outcome), ...extra });
    return;
  }
  sendHtmlOnly(res, { ok: outcome.ok, ...extra, ...(outcome.ok ? {} : { error: outcome.error }) });
}

/** The page script swaps in the HTML and never reads the raw result (often four times the size): gzipped when it may be. */
function sendHtmlOnly(res: Response, data: Record<string, unknown>) {
  const body = Buffer.from(JSON.stringify(data));
  sendEncoded(res.req, res.type('json'), { identity: () => body, gzip: () => gzipSync(body, { level: constants.Z_BEST_SPEED }) });
}

/**
 * What a cell shows, as the API answers it: a run's body (`{ ok, result, trace }`
 * or its error) when there is an outcome to show, and only the names of the
 * predict quizzes to answer first while the result is held back.
 */
function sendCellOutput(res: Response, output: CellOutput, extra: Record<string, unknown>, { onlyHtml = false } = {}) {
  if (output.kind !== 'held') {
    sendRun(res, output.outcome, extra, { onlyHtml });
    return;
  }
  if (onlyHtml) sendHtmlOnly(res, { ok: true, ...extra });
  else res.json({ ok: true, predictFirst: { quizzes: output.quizzes }, ...extra });
}

export function apiRoutes({ notebook, views, runLimiters, answerLimiters = [], importLimiters = [] }: ApiDeps): Router {
  const router = Router();
  router.use(requireJson());

  router.get('/lessons', (_req, res) => {
    const lang = res.locals.lang as Lang;
    res.json(
      notebook.content.chapters.map((chapter) => {
        const lesson = lessonFor(chapter, lang);
        return { slug: lesson.slug, title: lesson.title, order: lesson.order, summary: lesson.summary };
      }),
    );
  });

  router.get('/lessons/:slug', (req, res) => {
    const lesson = notebook.lesson(String(req.params.slug), res.locals.lang as Lang);
    res.json({
      slug: lesson.slug,
      title: lesson.title,
      summary: lesson.summary,
      order: lesson.order,
      lang: lesson.lang,
      cells: lesson.cells.map((cell) => {
        if (cell.kind === 'markdown') return { id: cell.id, kind: 'markdown', html: cell.html };
        if (cell.kind === 'sim') return { id: cell.id, kind: 'sim', sim: cell.engine, input: cell.input };
        // A challenge without its solution: that is shown only when asked for (and then counts as seen).
        if (cell.kind === 'challenge') {
          return {
            id: cell.id,
            kind: 'challenge',
            sim: cell.engine,
            title: cell.spec.title,
            task: cell.spec.task,
            start: cell.start,
            objectives: cell.spec.objectives.map((o) => ({ check: o.predicate.source, text: o.text })),
            constraints: cell.spec.constraints,
            hints: cell.spec.hints.length,
          };
        }
        return { id: cell.id, kind: 'quiz', quiz: publicQuiz(cell) };
      }),
    });
  });

  router.get('/lessons/:slug/cells/:cellId/scenario', (req, res) => {
    const cellId = String(req.params.cellId);
    const cell = notebook.simCell(String(req.params.slug), cellId);
    res.json({ title: translate(res.locals.lang as Lang, 'scenario.title', { cell: cellId }), text: cell.input });
  });

  router.get('/lessons/:slug/cells/:cellId/details/:key', async (req, res) => {
    const reply = await notebook.cellDetail(req.learnerId, String(req.params.slug), String(req.params.cellId), String(req.params.key));
    if (!reply.ok) throw runFailureError(reply);
    res.json(reply.detail);
  });

  router.get('/simulations', (_req, res) => {
    res.json(notebook.engineList().map((e) => ({ id: e.id, title: e.title, summary: e.summary })));
  });

  router.post('/simulations/:sim/run', ...runLimiters, async (req, res) => {
    const detail = req.body?.trace !== false;
    sendRun(res, await notebook.run(String(req.params.sim), req.body?.input, detail));
  });

  router.post('/lessons/:slug/cells/:cellId/run', ...runLimiters, async (req, res) => {
    const slug = String(req.params.slug);
    let output;
    try {
      output = await notebook.runCell(req.learnerId, slug, String(req.params.cellId), req.body?.input);
    } catch (error) {
      // An empty scenario or one over the size limit never ran: its error is
      // still rendered, so the page shows it in place of the output.
      if (!(error instanceof ValidationError)) throw error;
      const body = error.toJSON();
      const message = refusedInputMessage(res.locals.lang as Lang, error, MAX_INPUT_CHARS);
      const html = views.partial('sim-output', { ...res.locals, ok: false, notSaved: true, error: { ...body, message, snippet: [] } });
      res.status(400);
      if (req.query.only === 'html') sendHtmlOnly(res, { ok: false, error: body, html });
      else res.json({ ok: false, error: body, html });
      return;
    }
    const html = cellOutputHtml(views, notebook.engine(output.cell.engine), slug, output, res.locals);
    const edited = output.input !== output.cell.input;
    sendCellOutput(res, output, { html, edited }, { onlyHtml: req.query.only === 'html' });
  });

  router.post('/lessons/:slug/cells/:cellId/reset', (req, res) => {
    const slug = String(req.params.slug);
    const output = notebook.resetCell(req.learnerId, slug, String(req.params.cellId));
    const html = cellOutputHtml(views, notebook.engine(output.cell.engine), slug, output, res.locals);
    sendCellOutput(res, output, { input: output.input, html, edited: false }, { onlyHtml: req.query.only === 'html' });
  });

  // ---- Troubleshooting challenges ----
  //   POST /api/lessons/:slug/challenges/:cellId/run { input }   { ok, report: { solved, objectives, constraints }, standing, html, reportHtml, helpHtml }
  //   POST /api/lessons/:slug/challenges/:cellId/reset           { ok, input, ... }
  //   POST /api/lessons/:slug/challenges/:cellId/hint            { hintsUsed, helpHtml }
  //   POST /api/lessons/:slug/challenges/:cellId/solution        { solution, explanation, helpHtml }
  const challengeBody = (res: Response, slug: string, view: ChallengeRun, extra: Record<string, unknown> = {}) => {
    const cell = notebook.challengeCell(slug, view.cell.id, res.locals.lang as Lang);
    const pieces = challengePieces(views, notebook.engine(cell.engine), slug, cell, view, res.locals as { lang: Lang });
    const outcome = view.outcome;
    if (outcome && !outcome.ok && outcome.status === 503) res.setHeader('Retry-After', retryAfter(outcome));
    res.status(outcome && !outcome.ok ? outcome.status : 200);
    res.json({
      ok: outcome ? outcome.ok : true,
      ...(outcome && !outcome.ok ? { error: outcome.error } : {}),
      report: reportBody(view.report),
      attempts: view.state?.attempts ?? 0,
      hintsUsed: view.state?.hintsUsed ?? 0,
      ...pieces,
      ...extra,
    });
  };

  router.post('/lessons/:slug/challenges/:cellId/run', ...runLimiters, async (req, res) => {
    const slug = String(req.params.slug);
    let view;
    try {
      view = await notebook.runChallenge(req.learnerId, slug, String(req.params.cellId), req.body?.input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const body = error.toJSON();
      const message = refusedInputMessage(res.locals.lang as Lang, error, MAX_INPUT_CHARS);
      const html = views.partial('sim-output', { ...res.locals, ok: false, notSaved: true, error: { ...body, message, snippet: [] } });
      res.status(400).json({ ok: false, error: body, html });
      return;
    }
    challengeBody(res, slug, view, { edited: view.input !== view.cell.start });
  });

  router.post('/lessons/:slug/challenges/:cellId/reset', (req, res) => {
    const slug = String(req.params.slug);
    const view = notebook.resetChallenge(req.learnerId, slug, String(req.params.cellId));
    challengeBody(res, slug, view, { input: view.input, edited: false });
  });

  router.post('/lessons/:slug/challenges/:cellId/hint', async (req, res) => {
    const slug = String(req.params.slug);
    const cellId = String(req.params.cellId);
    notebook.takeHint(req.learnerId, slug, cellId);
    const view = (await notebook.challengeView(req.learnerId, slug, cellId))!;
    const cell = notebook.challengeCell(slug, cellId, res.locals.lang as Lang);
    const { helpHtml } = challengePieces(views, notebook.engine(cell.engine), slug, cell, view, res.locals as { lang: Lang });
    res.json({ hintsUsed: view.state?.hintsUsed ?? 0, hints: cell.spec.hints.slice(0, view.state?.hintsUsed ?? 0), helpHtml });
  });

  router.post('/lessons/:slug/challenges/:cellId/solution', async (req, res) => {
    const slug = String(req.params.slug);
    const cellId = String(req.params.cellId);
    notebook.seeSolution(req.learnerId, slug, cellId);
    const view = (await notebook.challengeView(req.learnerId, slug, cellId))!;
    const cell = notebook.challengeCell(slug, cellId, res.locals.lang as Lang);
    const { helpHtml, reportHtml, standing } = challengePieces(views, notebook.engine(cell.engine), slug, cell, view, res.locals as { lang: Lang });
    res.json({ solution: cell.solution, explanation: cell.spec.solution.explain, helpHtml, reportHtml, standing });
  });

  router.post('/quizzes/:slug/:cellId/answers', ...answerLimiters, async (req, res) => {
    const lang = res.locals.lang as Lang;
    const slug = String(req.params.slug);
    const result = await notebook.answer(req.learnerId, slug, String(req.params.cellId), req.body?.answer, lang);
    const { cell, feedback, reveal } = result;
    res.json({
      correct: result.correct,
      outcome: result.outcome,
      standing: result.standing,
      expected: result.expected,
      answer: result.answer,
      explanation: cell.spec.explain,
      choices: cell.html.choices.length
        ? choicesOf(cell.spec).map((choice, i) => ({
            index: i,
            text: choice.text,
            correct: feedback.choices[i].correct,
            chosen: feedback.choices[i].chosen,
            explanation: choice.explain,
          }))
        : undefined,
      followUp: cell.spec.followUp,
      attempts: result.attempts,
      html: views.partial('quiz-feedback', { ...res.locals, ...feedback }),
      // What the predict quiz's cell shows now (its result once every predict quiz on it is answered).
      ...(reveal ? { reveal: { cellId: reveal.cell.id, html: cellOutputHtml(views, notebook.engine(reveal.cell.engine), slug, reveal, res.locals), shown: reveal.kind === 'default' } } : {}),
    });
  });

  router.get('/progress', (req, res) => {
    const lang = res.locals.lang as Lang;
    res.json({
      chapters: notebook
        .progress(req.learnerId, lang)
        .filter((c) => c.lesson)
        .map(({ planned, lesson, progress, missed, challenges }) => ({
          slug: planned.slug,
          title: lesson!.title,
          ...progress,
          missed: missed.map((m) => ({ cellId: m.cellId, attempts: m.attempts, seen: m.seen, url: `/lessons/${m.slug}#cell-${m.cellId}` })),
          challengeStates: challenges.map((c) => ({
            cellId: c.cellId,
            standing: c.standing,
            solved: c.solved,
            attempts: c.attempts,
            hintsUsed: c.hintsUsed,
            url: `/lessons/${c.slug}#cell-${c.cellId}`,
          })),
        })),
    });
  });

  router.get('/progress/export', (req, res) => {
    const data = notebook.exportProgress(req.learnerId);
    res.setHeader('Content-Disposition', `attachment; filename="kube-notebook-progress-${data.exportedAt.slice(0, 10)}.json"`);
    res.type('application/json').send(JSON.stringify(data, null, 2));
  });

  router.post('/progress/import', ...importLimiters, async (req, res) => {
    res.json({ ok: true, ...(await notebook.importProgress(req.learnerId, req.body)) });
  });

  return router;
}
