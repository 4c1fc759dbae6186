// What the partial needs: per object, kubectl's output, the stored YAML and
// the pruned/defaulted paths; the kubectl get tables as aligned text.

import { goJsonIndent } from '../apimachinery/go-json.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import type { SimulationOutput } from '../shared/engine.ts';
import { formatTable } from '../kubectl/get-pods.ts';
import type { ExtendingResult, ObjectOutcome } from './apply.ts';

export interface ExtendingView {
  crds: { name: string; printed: string; accepted: boolean }[];
  objects: {
    ref: string;
    printed: string;
    ok: boolean;
    cls: string;
    stored: string;
    pruned: string[];
    defaulted: string[];
    /** The request path as a strip: one stage per step, what it did to this object. */
    stages: { name: string; note: string; cls: string }[];
  }[];
  tables: { crd: string; text: string }[];
  validate: string;
}

export function buildView(output: SimulationOutput<ExtendingResult>): ExtendingView {
  const r = output.result;
  return {
    crds: r.crds.map((c) => ({ name: c.name, printed: c.printed, accepted: c.accepted })),
    objects: r.objects.map((o) => ({
      ref: o.ref,
      printed: o.printed,
      ok: o.stored !== undefined,
      cls: o.stored !== undefined ? 'ext-ok' : 'ext-refused',
      stored: o.stored ? goJsonIndent(o.stored as JsonValue) : '',
      pruned: o.pruned,
      defaulted: o.defaulted,
      stages: stagesOf(o),
    })),
    tables: r.tables.map((t) => ({ crd: t.crd, text: formatTable([t.columns, ...t.rows]) })),
    validate: { Strict: 'strict', Warn: 'warn', Ignore: 'false' }[r.fieldValidation] ?? 'strict',
  };
}

/** decode → default → prune → validate → store, as the API server runs them for one custom object. */
function stagesOf(o: ObjectOutcome): { name: string; note: string; cls: string }[] {
  if (o.outcome === 'no-match') return [{ name: 'discovery', note: 'no served version: kubectl stops here', cls: 'ext-stage-fail' }];
  const stages = [{ name: 'decode', note: 'JSON', cls: 'ext-stage-ok' }];
  stages.push({ name: 'default', note: o.defaulted.length > 0 ? `${o.defaulted.length} filled` : 'nothing to fill', cls: o.defaulted.length > 0 ? 'ext-stage-changed' : 'ext-stage-ok' });
  if (o.outcome === 'bad-request') {
    stages.push({ name: 'prune', note: `${o.pruned.length} unknown: 400 (strict)`, cls: 'ext-stage-fail' });
    return stages;
  }
  stages.push({ name: 'prune', note: o.pruned.length > 0 ? `${o.pruned.length} dropped` : 'nothing unknown', cls: o.pruned.length > 0 ? 'ext-stage-changed' : 'ext-stage-ok' });
  if (o.outcome === 'invalid') {
    stages.push({ name: 'validate', note: `${o.errors.length} error(s): 422`, cls: 'ext-stage-fail' });
    return stages;
  }
  stages.push({ name: 'validate', note: 'valid', cls: 'ext-stage-ok' });
  stages.push({ name: 'store', note: o.outcome, cls: 'ext-stage-ok' });
  return stages;
}
