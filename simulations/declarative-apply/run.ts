// Runs a whole scenario: every object of the file through client-side or
// server-side apply (or one `kubectl patch`), then `kubectl diff`, and
// gathers what kubectl prints. Pure: the clock is the virtual epoch.

import { ValidationError } from '../shared/errors.ts';
import type { TraceStep } from '../shared/engine.ts';
import { clone } from '../apimachinery/go-values.ts';
import type { JsonObject } from '../apimachinery/go-values.ts';
import { goJsonIndent, goJsonMarshal } from '../apimachinery/go-json.ts';
import { schemaFor } from '../kubectl/apply/scheme.ts';
import { SchemaNode } from '../apimachinery/strategic-merge-patch/patch-meta.ts';
import { SmpError, strategicMergePatch } from '../apimachinery/strategic-merge-patch/index.ts';
import { applyJsonMergePatch } from '../apimachinery/strategic-merge-patch/json-merge-patch.ts';
import { explainApply } from './explain/explain.ts';
import type { FieldChange } from './explain/explain.ts';
import { clientSideApply, recordClientSideApply } from './kubectl/client-side-apply.ts';
import type { ApplyOutcome, HttpRequest, ObjectApply } from './kubectl/client-side-apply.ts';
import { kubectlServerSideApply } from './kubectl/server-side-apply.ts';
import type { FollowUp } from './kubectl/server-side-apply.ts';
import { kubectlDiff } from './kubectl/diff.ts';
import { apiPath, printName, resourceFor } from './kubectl/resources.ts';
import { identity } from './schema.ts';
import { applyDefaults } from './kubectl/server-effects.ts';
import { LAST_APPLIED } from './kubectl/last-applied.ts';
import type { ApplyInput, Mode } from './schema.ts';
import { withoutManagedFields } from '../apiserver/field-manager/managed-fields.ts';

export const EPOCH = '2025-01-01T00:00:00Z';

export interface ObjectResult {
  printName: string;
  kind: string;
  name: string;
  namespace: string | null;
  outcome: ApplyOutcome | 'patched';
  message: string;
  error: string | null;
  patch: JsonObject | null;
  /** The patch as kubectl sends it (compact JSON), or null. */
  patchBody: string | null;
  /** The patch pretty-printed (json.MarshalIndent), or null. */
  patchJson: string | null;
  request: HttpRequest | null;
  before: JsonObject | null;
  after: JsonObject;
  /** Your file's object (namespace filled in), or the patch in patch mode. */
  file: JsonObject;
  lastApplied: JsonObject | null;
  newLastApplied: string | null;
  explanation: FieldChange[];
  addedFields: string[];
  changedFields: string[];
  deletedFields: string[];
  keptFields: string[];
  conflicts: { manager: string; path: string }[];
}

export interface DeclarativeApplyResult {
  mode: Mode;
  /** The first object's outcome: created | configured | unchanged | serverside-applied | failed | patched. */
  outcome: ObjectResult['outcome'];
  message: string;
  patch: JsonObject | null;
  patchJson: string | null;
  deletedFields: string[];
  addedFields: string[];
  changedFields: string[];
  keptFields: string[];
  conflicts: { manager: string; path: string }[];
  /** The first object as the cluster has it after the apply. */
  live: JsonObject;
  before: JsonObject | null;
  lastApplied: JsonObject | null;
  newLastApplied: string | null;
  explanation: FieldChange[];
  /** `kubectl diff` output for the whole file (before the apply). */
  diff: string;
  diffExitCode: number;
  /** What `kubectl diff` prints on stderr instead, when the dry run itself fails (a server-side apply conflict). */
  diffError: string | null;
  /** What `kubectl apply` prints. */
  stdout: string;
  stderr: string;
  exitCode: number;
  objects: ObjectResult[];
}

/**
 * Applies the scenario.
 *
 * @example runScenario(readInput(parseManifests(text))).outcome // "configured"
 */
export function runScenario(input: ApplyInput): { result: DeclarativeApplyResult; trace: TraceStep[] } {
  const { options } = input;
  const trace: TraceStep[] = [];
  const cluster = new Map(input.live.map((l) => [identity(l.object, options.namespace), clone(l.object)]));
  const objects: ObjectResult[] = [];
  const diffInputs: Parameters<typeof kubectlDiff>[0] = [];
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const errors: string[] = [];

  if (options.mode === 'patch') {
    const live = input.live[0];
    const r = runPatch(live.object, options.patch ?? {}, options.patchType, live.source);
    objects.push(r);
    stdout += `${r.message}\n`;
    trace.push({
      title: `kubectl patch --type ${options.patchType}: ${r.message}`,
      source: options.patchType === 'strategic' ? 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go StrategicMergePatch' : 'github.com/evanphx/json-patch MergePatch (RFC 7386)',
      level: 'decision',
    });
  } else {
    for (const { object, source } of input.config) {
      const key = identity(object, options.namespace);
      const live = cluster.get(key) ?? null;
      let applied: ObjectApply & { conflicts?: { manager: string; path: string }[]; followUps?: FollowUp[] };
      try {
        applied =
          options.mode === 'server-side'
            ? kubectlServerSideApply(object, live, { namespace: options.namespace, fieldManager: options.fieldManager, force: options.forceConflicts, now: EPOCH })
            : clientSideApply(object, live, { namespace: options.namespace, overwrite: options.overwrite, fileName: options.fileName, now: EPOCH });
      } catch (error) {
        if (error instanceof SmpError) throw new ValidationError(error.message, { object: source, path: [] });
        throw error;
      }
      if (applied.outcome !== 'failed' && applied.outcome !== 'unchanged') defaultReplicas(applied, trace);
      if (applied.outcome !== 'failed') cluster.set(key, applied.after);
      const merged = applied.diffMerged ? applyDefaults(applied.kind, applied.diffMerged)[0] : live;
      diffInputs.push({ file: applied.diffFile, kind: applied.kind, live, merged });
      for (const w of applied.warnings) stderr += `${w}\n`;
      if (applied.outcome === 'failed') {
        errors.push(applied.error ?? 'error');
        exitCode = 1;
      } else {
        stdout += `${applied.message}\n`;
      }
      objects.push(toResult(applied));
      traceObject(trace, applied, options.mode);
    }
  }
  // kubectl prints the errors after processing every object.
  for (const e of errors) stderr += e.endsWith('\n') ? e : `${e}\n`;
  const diff = options.mode === 'patch' ? { text: '', exitCode: 0 as const } : kubectlDiff(diffInputs);
  // kubectl diff --server-side sends the same apply with dryRun=All: a conflict fails it the same way.
  const diffError = options.mode === 'server-side' ? (objects.find((o) => o.outcome === 'failed')?.error ?? null) : null;
  const first = objects[0];
  return {
    result: {
      mode: options.mode,
      outcome: first.outcome,
      message: first.message,
      patch: first.patch,
      patchJson: first.patchJson,
      deletedFields: first.deletedFields,
      addedFields: first.addedFields,
      changedFields: first.changedFields,
      keptFields: first.keptFields,
      conflicts: first.conflicts,
      live: first.after,
      before: first.before,
      lastApplied: first.lastApplied,
      newLastApplied: first.newLastApplied,
      explanation: first.explanation,
      diff: diff.text,
      diffExitCode: diffError ? 1 : diff.exitCode,
      diffError,
      stdout,
      stderr,
      exitCode,
      objects,
    },
    trace,
  };
}

/** The API server defaults spec.replicas to 1 after the write; the explanation says so. */
function defaultReplicas(applied: ObjectApply, trace: TraceStep[]): void {
  const [defaulted, paths] = applyDefaults(applied.kind, applied.after);
  if (paths.length === 0) return;
  const schema = schemaFor(applied.apiVersion, applied.kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  // Defaulting runs before the field manager: an Update (client-side apply's POST or
  // PATCH) owns the defaulted value; an Apply owns only its file's fields.
  const after = applied.patchType === 'apply' ? defaulted : recordClientSideApply(applied.before, defaulted, applied.apiVersion, EPOCH, node);
  applied.after = after;
  // managedFields is bookkeeping, not a field of anyone's file: left out of the explanation.
  const explanation = explainApply({
    before: applied.before && withoutManagedFields(applied.before),
    after: withoutManagedFields(after),
    modified: applied.modified,
    lastApplied: applied.lastApplied,
    schema: node,
    mode: applied.patchType === 'apply' ? 'server-side' : 'client-side',
  });
  for (const e of explanation) {
    if (!paths.includes(e.path)) continue;
    e.rule = 'pkg/apis/apps/v1/defaults.go SetDefaults_Deployment';
    e.reason =
      e.action === 'added'
        ? 'Not in your file: the API server fills in its default, 1.'
        : 'Gone from your file but in last-applied, so kubectl sent replicas: null; the API server then put its default back: 1.';
  }
  applied.explanation = explanation;
  trace.push({
    title: 'the API server defaults spec.replicas to 1',
    subject: applied.printName,
    source: 'pkg/apis/apps/v1/defaults.go SetDefaults_Deployment',
    level: 'info',
  });
}

function fieldsBy(explanation: FieldChange[], ...actions: FieldChange['action'][]): string[] {
  return explanation.filter((e) => actions.includes(e.action) && e.path !== '…').map((e) => e.path);
}

function toResult(applied: ObjectApply & { conflicts?: { manager: string; path: string }[] }): ObjectResult {
  const explanation = applied.explanation;
  return {
    printName: applied.printName,
    kind: applied.kind,
    name: applied.name,
    namespace: applied.namespace,
    outcome: applied.outcome,
    message: applied.message,
    error: applied.error,
    patch: applied.patch,
    patchBody: applied.request && applied.request.method === 'PATCH' ? applied.request.body : null,
    patchJson: applied.patch ? goJsonIndent(applied.patch) : null,
    request: applied.request,
    before: applied.before,
    after: applied.after,
    file: withoutAnnotation(applied.modified),
    lastApplied: applied.lastApplied,
    newLastApplied: applied.newLastApplied,
    explanation,
    addedFields: fieldsBy(explanation, 'added').filter((p) => !p.includes('last-applied-configuration')),
    changedFields: fieldsBy(explanation, 'changed', 'replaced').filter((p) => !p.includes('last-applied-configuration')),
    deletedFields: fieldsBy(explanation, 'deleted'),
    keptFields: fieldsBy(explanation, 'kept'),
    conflicts: applied.conflicts ?? [],
  };
}

/** kubectl's "modified" minus the last-applied annotation it embeds: the file as the learner wrote it. */
function withoutAnnotation(modified: JsonObject): JsonObject {
  const copy = clone(modified);
  const metadata = copy.metadata;
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) {
    const annotations = (metadata as JsonObject).annotations;
    if (annotations && typeof annotations === 'object' && !Array.isArray(annotations)) {
      delete (annotations as JsonObject)[LAST_APPLIED];
      if (Object.keys(annotations).length === 0) delete (metadata as JsonObject).annotations;
    }
  }
  return copy;
}

function runPatch(live: JsonObject, patch: JsonObject, type: 'strategic' | 'merge', source: JsonObject): ObjectResult {
  const apiVersion = String(live.apiVersion);
  const kind = String(live.kind);
  const info = resourceFor(apiVersion, kind);
  const schema = schemaFor(apiVersion, kind);
  const name = String((live.metadata as JsonObject).name);
  const namespace = info.namespaced ? String((live.metadata as JsonObject).namespace ?? 'default') : null;
  if (type === 'strategic' && !schema) {
    // kubectl patch on a custom resource: "strategic merge patch is not supported for ...".
    throw new ValidationError(`strategic merge patch is not supported for ${kind}.${info.group}: use patchType: merge`, { object: source, path: ['kind'] });
  }
  let after: JsonObject;
  try {
    after = type === 'strategic' ? strategicMergePatch(live, patch, schema!) : (applyJsonMergePatch(live, patch) as JsonObject);
  } catch (error) {
    if (error instanceof SmpError) throw new ValidationError(error.message, { object: source, path: [] });
    throw error;
  }
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  const explanation = explainApply({ before: live, after, modified: patch, lastApplied: null, schema: node, mode: 'patch' });
  const changed = goJsonMarshal(after) !== goJsonMarshal(live);
  const message = `${printName(info, name)} ${changed ? 'patched' : 'patched (no change)'}`;
  return {
    printName: printName(info, name),
    kind,
    name,
    namespace,
    outcome: 'patched',
    message,
    error: null,
    patch,
    patchBody: goJsonMarshal(patch),
    patchJson: goJsonIndent(patch),
    request: {
      method: 'PATCH',
      path: apiPath(info, namespace ?? undefined, name),
      query: 'fieldManager=kubectl-patch',
      contentType: type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
      body: goJsonMarshal(patch),
    },
    before: live,
    after,
    file: patch,
    lastApplied: null,
    newLastApplied: null,
    explanation,
    addedFields: fieldsBy(explanation, 'added'),
    changedFields: fieldsBy(explanation, 'changed', 'replaced'),
    deletedFields: fieldsBy(explanation, 'deleted'),
    keptFields: [],
    conflicts: [],
  };
}

/** The requests kubectl sends after a successful server-side apply (apply.go). */
function followUpStep(f: FollowUp, subject: string): TraceStep {
  const source = 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go';
  switch (f.step) {
    case 'save-last-applied':
      return { title: 'PATCH (apply, field manager kubectl-last-applied): the last-applied annotation gets an applier of its own, so it survives server-side apply', subject, source: `${source} saveLastApplyAnnotationIfNecessary` };
    case 'migrate-managed-fields':
      return { title: "PATCH (json-patch of metadata.managedFields): client-side apply's fields move to your field manager", detail: f.request.body, subject, source: `${source} migrateToSSAIfNecessary; staging/src/k8s.io/client-go/util/csaupgrade/upgrade.go`, level: 'decision' };
    case 'reapply':
      return { title: 'PATCH (the same apply again): fields the old client-side applies set and your file dropped are removed now', subject, source: `${source} applyOneObject` };
  }
}

function traceObject(trace: TraceStep[], applied: ObjectApply & { conflicts?: { manager: string; path: string }[]; followUps?: FollowUp[] }, mode: Mode): void {
  const cs = 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go applyOneObject';
  if (mode === 'server-side') {
    trace.push({
      title: `PATCH ${applied.request?.path} (application/apply-patch+yaml): the whole file goes to the server`,
      subject: applied.printName,
      source: 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (server-side)',
    });
    if (applied.outcome === 'failed') {
      trace.push({
        title: `409 Conflict: ${applied.conflicts?.map((c) => `${c.path} is owned by ${c.manager}`).join('; ')}`,
        subject: applied.printName,
        source: 'sigs.k8s.io/structured-merge-diff/v4 merge/update.go Updater.update',
        level: 'warning',
      });
    } else {
      trace.push({ title: applied.message, subject: applied.printName, source: 'sigs.k8s.io/structured-merge-diff/v4 merge/update.go Updater.Apply', level: 'decision' });
      for (const f of applied.followUps ?? []) trace.push(followUpStep(f, applied.printName));
    }
    return;
  }
  if (!applied.before) {
    trace.push({ title: `GET → 404 Not Found: POST the file with the last-applied annotation → ${applied.message}`, subject: applied.printName, source: cs, level: 'decision' });
    return;
  }
  trace.push({
    title: applied.lastApplied
      ? 'GET → found: original = the last-applied annotation, current = live, modified = your file'
      : 'GET → found, but no last-applied annotation: nothing can be deleted this time',
    subject: applied.printName,
    source: 'staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go patchSimple',
    level: applied.lastApplied ? 'info' : 'warning',
  });
  if (applied.outcome === 'failed') {
    trace.push({ title: 'conflict: the patch changes a field that also changed since the last apply (--overwrite=false)', subject: applied.printName, source: 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go MergingMapsHaveConflicts', level: 'warning' });
    return;
  }
  trace.push({
    title:
      applied.outcome === 'unchanged'
        ? 'the three-way patch is {}: no request is sent'
        : `${applied.request?.method} ${applied.request?.path} (${applied.request?.contentType})`,
    detail: applied.request?.body,
    subject: applied.printName,
    source: 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch',
    level: 'decision',
  });
  trace.push({ title: applied.message, subject: applied.printName, source: cs });
}

/** Options for the exported kubectlApply. */
export interface KubectlApplyOptions {
  mode?: 'client-side' | 'server-side';
  namespace?: string;
  overwrite?: boolean;
  fieldManager?: string;
  forceConflicts?: boolean;
}

