// The declarative-apply engine: `kubectl apply` (client side and server
// side), `kubectl diff` and `kubectl patch` over real manifests (chapter 5).

import type { Engine } from '../shared/engine.ts';
import { readInput } from './schema.ts';
import { runScenario } from './run.ts';
import type { DeclarativeApplyResult } from './run.ts';
import { buildView } from './view-model.ts';
import type { DeclarativeApplyView } from './view-model.ts';

export const engine: Engine<DeclarativeApplyResult, DeclarativeApplyView> = {
  id: 'declarative-apply',
  version: '2',
  title: 'kubectl apply: the three-way merge',
  summary: 'What kubectl apply sends (the three-way strategic merge patch), what the object becomes, kubectl diff, and server-side apply with field managers.',
  view: 'declarative-apply/result',
  run(manifests) {
    return runScenario(readInput(manifests));
  },
  viewModel(output) {
    return buildView(output);
  },
};
