// The HTML under a simulation cell, for the lesson page and for the page
// script's run and reset alike: a CellOutput (server/cell-output.ts) through
// the shared output partial or, while it is held back, the partial naming the
// predict quizzes to answer first. A held-back output has no outcome to render.

import type { Engine } from '../../simulations/shared/engine.ts';
import type { CellOutput } from '../cell-output.ts';
import type { Views } from './render.ts';
import { simOutputModel } from './view-models.ts';

export function cellOutputHtml(views: Views, engine: Engine | undefined, slug: string, output: CellOutput, locals: object): string {
  if (output.kind === 'held') {
    return views.partial('sim-output-hidden', { ...locals, quizzes: output.quizzes.map((id) => ({ id, anchor: `cell-${id}` })) });
  }
  const model = simOutputModel(engine, { slug, id: output.cell.id }, output.input, output.outcome, views.hasPartial);
  return views.partial('sim-output', { ...locals, ...model });
}
