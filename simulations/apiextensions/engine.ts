// The extending engine (chapter 17): a CustomResourceDefinition and custom
// objects applied with kubectl, answered with what kubectl prints for each,
// the stored object after defaulting and pruning, `kubectl get` with the
// CRD's printer columns, and a trace naming the upstream rule of every step.

import type { Engine, TraceStep } from '../shared/engine.ts';
import { flattenLists } from '../shared/yaml.ts';
import { runApply, type ExtendingResult } from './apply.ts';
import { readInput } from './schema.ts';
import { buildView, type ExtendingView } from './view-model.ts';

/** Custom objects per cell (the runtime's maxSteps is far larger; a cell is read by a person). */
export const MAX_OBJECTS = 200;

export const engine: Engine<ExtendingResult, ExtendingView> = {
  id: 'extending',
  version: '1',
  title: 'CustomResourceDefinitions: pruning, defaulting, validation',
  summary: 'A CRD and custom objects applied with kubectl: what the API server stores after defaulting and pruning, the exact 400/422 errors kubectl prints, structural-schema errors for the CRD, and kubectl get with the printer columns.',
  view: 'apiextensions/result',
  run(manifests, ctx) {
    const input = readInput(flattenLists(manifests), Math.min(MAX_OBJECTS, ctx.budget.maxSteps));
    const trace: TraceStep[] = [];
    const result = runApply(input, trace);
    return { result, trace: trace.slice(0, ctx.budget.maxEvents) };
  },
  viewModel: buildView,
};
