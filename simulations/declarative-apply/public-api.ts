// The engine's public functions (re-exported from simulations/index.ts).

import { parseManifests } from '../shared/yaml.ts';
import { ValidationError } from '../shared/errors.ts';
import { clone, isMap } from '../apimachinery/go-values.ts';
import type { JsonObject } from '../apimachinery/go-values.ts';
import { DEFAULT_OPTIONS, LIVE_ANNOTATION, checkLive, readInput } from './schema.ts';
import { runScenario } from './run.ts';
import type { DeclarativeApplyResult, KubectlApplyOptions } from './run.ts';
import type { FieldChange } from './explain/explain.ts';

export { strategicMergePatch, createTwoWayMergePatch, createThreeWayMergePatch, ConflictError, SmpError } from '../apimachinery/strategic-merge-patch/index.ts';
export { schemaFor } from '../kubectl/apply/scheme.ts';
export type { PatchSchema } from '../apimachinery/strategic-merge-patch/patch-meta.ts';

export interface KubectlApplyResult {
  outcome: 'created' | 'configured' | 'unchanged' | 'serverside-applied' | 'failed';
  /** The patch kubectl sends (null when nothing is sent). */
  patch: JsonObject | null;
  /** The object after the apply. */
  result: JsonObject;
  /** The last-applied annotation kubectl writes (null for server-side apply). */
  newLastApplied: string | null;
  /** `kubectl diff` output before the apply. */
  diff: string;
  explanation: FieldChange[];
  /** What kubectl prints, and everything else the engine computed. */
  message: string;
  stderr: string;
  deletedFields: string[];
  objects: DeclarativeApplyResult['objects'];
}

/**
 * `kubectl apply -f <config>` against a cluster holding `live`.
 * With several documents in `config`, the top-level fields describe the first
 * object and `objects` lists them all.
 *
 * @example
 *   kubectlApply({ live: deployment, config: 'apiVersion: apps/v1\nkind: Deployment\n...' })
 *   // → { outcome: 'configured', patch: { spec: { template: ... } }, result: {...}, newLastApplied: '{"apiVersion":...}\n', diff: 'diff -u -N ...', explanation: [...] }
 */
export function kubectlApply(input: { live: JsonObject | JsonObject[] | null; config: string; options?: KubectlApplyOptions }): KubectlApplyResult {
  const manifests = parseManifests(input.config);
  const lives = input.live === null ? [] : Array.isArray(input.live) ? input.live : [input.live];
  const parsed = readInput(manifests);
  for (const doc of parsed.config) {
    if (isMap(doc.object.metadata) && isMap(doc.object.metadata.annotations) && LIVE_ANNOTATION in doc.object.metadata.annotations) {
      throw new ValidationError(`pass live objects in \`live\`, not in the config text`, { object: doc.source, path: ['metadata', 'annotations', LIVE_ANNOTATION] });
    }
  }
  for (const l of lives) checkLive(l, l);
  const opts = input.options ?? {};
  const { result } = runScenario({
    options: {
      ...DEFAULT_OPTIONS,
      ...parsed.options,
      ...(opts.mode ? { mode: opts.mode } : {}),
      ...(opts.namespace ? { namespace: opts.namespace } : {}),
      ...(opts.overwrite !== undefined ? { overwrite: opts.overwrite } : {}),
      ...(opts.fieldManager ? { fieldManager: opts.fieldManager } : {}),
      ...(opts.forceConflicts !== undefined ? { forceConflicts: opts.forceConflicts } : {}),
    },
    live: lives.map((l) => ({ object: clone(l), source: l })),
    config: parsed.config,
  });
  return {
    outcome: result.outcome as KubectlApplyResult['outcome'],
    patch: result.patch,
    result: result.live,
    newLastApplied: result.newLastApplied,
    diff: result.diff,
    explanation: result.explanation,
    message: result.message,
    stderr: result.stderr,
    deletedFields: result.deletedFields,
    objects: result.objects,
  };
}
