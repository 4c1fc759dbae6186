// The HTML pieces of a challenge cell, for the lesson page and for the page
// script's run, reset, hint and solution requests alike: the whole cell, or
// its report, its help (hints and solution) and its output on their own.

import type { Engine } from '../../simulations/shared/engine.ts';
import type { ChallengeCell, Lang } from '../content/model.ts';
import type { ChallengeRun } from '../notebook.ts';
import { challengeCellModel, challengeHelpModel, challengeReportModel, standingText } from '../challenge/view-model.ts';
import type { Views } from './render.ts';
import { simOutputModel } from './view-models.ts';

type View = Omit<ChallengeRun, 'cell'> | undefined;

export function challengeOutputHtml(views: Views, engine: Engine | undefined, slug: string, cell: ChallengeCell, view: View, locals: object): string {
  if (!view?.outcome) return '';
  return views.partial('sim-output', { ...locals, ...simOutputModel(engine, { slug, id: cell.id }, view.input, view.outcome, views.hasPartial) });
}

/** The pieces the page script swaps in after a request. */
export function challengePieces(views: Views, engine: Engine | undefined, slug: string, cell: ChallengeCell, view: View, locals: { lang: Lang; csrfToken?: unknown }) {
  const lang = locals.lang;
  const where = { slug, id: cell.id, anchor: `cell-${cell.id}`, csrfToken: locals.csrfToken };
  return {
    reportHtml: views.partial('challenge-report', { ...locals, ...challengeReportModel(cell, lang, view?.outcome, view?.report, view?.state) }),
    helpHtml: views.partial('challenge-help', { ...locals, ...where, ...challengeHelpModel(cell, view?.state) }),
    html: challengeOutputHtml(views, engine, slug, cell, view, locals),
    standing: standingText(lang, view?.state),
    solved: view?.report?.solved === true,
  };
}

export { challengeCellModel };
