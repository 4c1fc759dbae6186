// What the partial needs: per object, kubectl's output, the stored YAML and
// the pruned/defaulted paths; the kubectl get tables as aligned text.

import { goJsonIndent } from '../apimachinery/go-json.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import type { SimulationOutput } from '../shared/engine.ts';
import { formatTable } from '../kubectl/get-pods.ts';
import type { ExtendingResult } from './apply.ts';

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
    })),
    tables: r.tables.map((t) => ({ crd: t.crd, text: formatTable([t.columns, ...t.rows]) })),
    validate: { Strict: 'strict', Warn: 'warn', Ignore: 'false' }[r.fieldValidation] ?? 'strict',
  };
}
