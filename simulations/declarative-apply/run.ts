// Runs a whole scenario on the simulated cluster: the scenario's live objects
// are put into a fresh API server as objects that already exist (status,
// managedFields and the last-applied annotation kept), then kubectl runs
// against it: `kubectl diff` (dry runs, nothing stored), then `kubectl apply`
// (client side or server side) of every object of the file, or one `kubectl
// patch`. What each object becomes is the API server's answer; this file adds
// the explanation and the trace. Pure: the clock is the virtual epoch.

import { ValidationError } from '../shared/errors.ts';
import type { TraceStep } from '../shared/engine.ts';
import { clone, isMap } from '../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../apimachinery/go-values.ts';
import { goJsonIndent, goJsonMarshal } from '../apimachinery/go-json.ts';
import { SmpError } from '../apimachinery/strategic-merge-patch/index.ts';
import { SchemaNode } from '../apimachinery/strategic-merge-patch/patch-meta.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { lookupKind } from '../apiserver/kinds.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects } from '../kubectl/create.ts';
import { clientSideApply, refOf, withNamespace } from '../kubectl/apply/client-side-apply.ts';
import type { ApplyOutcome, ObjectApply } from '../kubectl/apply/client-side-apply.ts';
import type { HttpRequest } from '../kubectl/apply/client.ts';
import { kubectlServerSideApply } from '../kubectl/apply/server-side-apply.ts';
import type { FollowUp, KubectlServerSideApply } from '../kubectl/apply/server-side-apply.ts';
import { kubectlDiffRun } from '../kubectl/apply/diff.ts';
import { printErrors } from '../kubectl/apply/errors.ts';
import type { KubectlError } from '../kubectl/apply/errors.ts';
import { kubectlPatch } from '../kubectl/apply/patch.ts';
import { LAST_APPLIED } from '../kubectl/apply/last-applied.ts';
import { resourceFor } from '../kubectl/apply/resources.ts';
import { schemaFor } from '../kubectl/apply/scheme.ts';
import { explainApply } from './explain/explain.ts';
import type { FieldChange } from './explain/explain.ts';
import { field, lookup } from './explain/paths.ts';
import type { ApplyInput, Mode } from './schema.ts';

export const EPOCH = '2025-01-01T00:00:00Z';

export interface ObjectResult {
  printName: string;
  kind: string;
  name: string;
  namespace: string | null;
  outcome: ApplyOutcome | 'patched';
  message: string;
  /** What kubectl prints for this object's error, or null. */
  error: string | null;
  patch: JsonObject | null;
  /** The patch as kubectl sends it (compact JSON), or null. */
  patchBody: string | null;
  /** The patch pretty-printed (json.MarshalIndent), or null. */
  patchJson: string | null;
  request: HttpRequest | null;
  /** The object as the cluster had it before (null: it did not exist). */
  before: JsonObject | null;
  /** The object as the API server has it afterwards. */
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
  /** 0 no differences, 1 differences, 2 kubectl diff failed. */
  diffExitCode: number;
  /** What `kubectl diff` prints on stderr instead, when a dry run fails (a server-side apply conflict, an invalid object). */
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
 * @example runScenario(readInput(parseManifests(text))).result.outcome // "configured"
 */
export function runScenario(input: ApplyInput): { result: DeclarativeApplyResult; trace: TraceStep[] } {
  const { options } = input;
  const trace: TraceStep[] = [];
  const api = freshApiServer();
  seedLive(api, input.live, options.namespace);
  trace.push({ title: `the cluster: ${input.live.length} object${input.live.length === 1 ? '' : 's'} already stored in the API server`, source: 'simulations/apiserver/api-server.ts seed', level: 'info' });
  const objects: ObjectResult[] = [];
  let stdout = '';
  let stderr = '';
  const errors: KubectlError[] = [];
  let diff = { text: '', status: 0 as 0 | 1 | 2, error: null as string | null };

  if (options.mode === 'patch') {
    const r = runPatch(api, input.live[0], options.patch ?? {}, options.patchType);
    objects.push(r.result);
    if (r.error) errors.push(r.error);
    else stdout += `${r.result.message}\n`;
    trace.push({
      title: `kubectl patch --type ${options.patchType}: ${r.result.message || r.error?.alone.trim()}`,
      source: options.patchType === 'strategic' ? 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go StrategicMergePatch' : 'github.com/evanphx/json-patch MergePatch (RFC 7386)',
      level: 'decision',
    });
  } else {
    const configs = input.config.map((c) => c.object);
    // `kubectl diff` first: the server's dry-run answers, against the cluster as it is before the apply.
    const d = guard(input.config, () =>
      kubectlDiffRun(api, configs, { mode: options.mode === 'server-side' ? 'server-side' : 'client-side', namespace: options.namespace, fieldManager: options.fieldManager, force: options.forceConflicts, fileName: options.fileName }),
    );
    diff = { text: d.error ? '' : d.text, status: d.status, error: d.error ? d.error.alone.replace(/\n$/, '') : null };
    for (const { object, source } of input.config) {
      const applied = guard([{ source }], () => applyOne(api, object, options));
      for (const w of applied.warnings) stderr += `${w}\n`;
      if (applied.error) errors.push(applied.error);
      else stdout += `${applied.message}\n`;
      const result = toResult(applied, options.mode);
      objects.push(result);
      traceObject(trace, applied, options.mode, result);
    }
  }
  // kubectl prints the errors after processing every object.
  stderr += printErrors(errors);
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
      diffExitCode: diff.status,
      diffError: diff.error,
      stdout,
      stderr,
      exitCode: errors.length > 0 ? 1 : 0,
      objects,
    },
    trace,
  };
}

/** kubectl's patch code throws for a file it cannot diff (a merge key missing, two kinds of item in one list): the learner's error. */
function guard<T>(sources: { source: JsonObject }[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SmpError) throw new ValidationError(error.message, { object: sources[0]?.source, path: [] });
    throw error;
  }
}

/**
 * The scenario's live objects into the API server, as objects that already
 * exist (api.seed: defaulted and validated, status, managedFields and
 * annotations kept). A refusal is the learner's error, at its line.
 */
function seedLive(api: ApiServer, live: ApplyInput['live'], namespace: string): void {
  const objects: JsonObject[] = [];
  for (const { object, source } of live) {
    const apiVersion = String(object.apiVersion);
    const kind = String(object.kind);
    const info = lookupKind(apiVersion, kind);
    if (!info) {
      throw new ValidationError(`no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}: the simulated API server does not serve it`, { object: source, path: ['kind'] });
    }
    objects.push(withNamespace(object, resourceFor(apiVersion, kind), namespace));
  }
  try {
    admitObjects(api, objects, 'seed');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Point at the learner's document, not at the copy that went in (same paths: only the marker annotation differs).
    const index = objects.findIndex((o) => o === error.object);
    throw new ValidationError(error.reason, { object: live[Math.max(index, 0)]?.source, path: error.path, message: error.message, code: error.code });
  }
}

type Applied = ObjectApply & { conflicts?: { manager: string; path: string }[]; followUps?: FollowUp[] };

function applyOne(api: ApiServer, object: JsonObject, options: ApplyInput['options']): Applied {
  if (options.mode === 'server-side') {
    // kubectl sends no GET before a server-side apply; the explanation compares with the object as it was.
    const info = resourceFor(String(object.apiVersion), String(object.kind));
    const before = lookupKind(String(object.apiVersion), String(object.kind)) ? api.get(refOf(withNamespace(object, info, options.namespace), info)) : undefined;
    const applied: KubectlServerSideApply = kubectlServerSideApply(api, object, { namespace: options.namespace, fieldManager: options.fieldManager, force: options.forceConflicts, fileName: options.fileName });
    const beforeObject = before && before.code === 200 ? (before.object as JsonObject) : null;
    return { ...applied, before: beforeObject, after: applied.outcome === 'failed' ? (beforeObject ?? applied.after) : applied.after };
  }
  return clientSideApply(api, object, { namespace: options.namespace, overwrite: options.overwrite, fileName: options.fileName });
}

function fieldsBy(explanation: FieldChange[], ...actions: FieldChange['action'][]): string[] {
  return explanation.filter((e) => actions.includes(e.action) && e.path !== '…').map((e) => e.path);
}

/** Server bookkeeping: never in anyone's file, and not what an apply is about. */
function forExplain(obj: JsonObject | null, created: boolean): JsonObject | null {
  if (!obj) return null;
  if (!isMap(obj.metadata)) return obj;
  // Shallow: the explanation only reads.
  const metadata: JsonObject = { ...obj.metadata };
  delete metadata.managedFields;
  delete metadata.resourceVersion;
  if (created) {
    delete metadata.uid;
    delete metadata.creationTimestamp;
    delete metadata.generation;
  }
  return { ...obj, metadata };
}

function toResult(applied: Applied, mode: Mode): ObjectResult {
  const schema = schemaFor(applied.apiVersion, applied.kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  let explanation: FieldChange[] = [];
  if (applied.outcome !== 'failed') {
    const modified = mode === 'server-side' ? withoutStatus(applied.modified) : applied.modified;
    explanation = explainApply({
      before: forExplain(applied.before, false),
      after: forExplain(applied.after, applied.before === null) as JsonObject,
      modified,
      lastApplied: mode === 'server-side' ? null : applied.lastApplied,
      schema: node,
      mode: mode === 'server-side' ? 'server-side' : 'client-side',
    });
    explainServerFilled(explanation, applied.patch);
  }
  return {
    printName: applied.printName,
    kind: applied.kind,
    name: applied.name,
    namespace: applied.namespace,
    outcome: applied.outcome,
    message: applied.message,
    error: applied.error ? applied.error.alone.replace(/\n$/, '') : null,
    patch: applied.patchType === 'apply' ? null : applied.patch,
    patchBody: applied.request && applied.request.method === 'PATCH' && applied.patchType !== 'apply' ? applied.request.body : null,
    patchJson: applied.patch && applied.patchType !== 'apply' ? goJsonIndent(applied.patch) : null,
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

function withoutStatus(obj: JsonObject): JsonObject {
  const copy = clone(obj);
  delete copy.status;
  return copy;
}

/**
 * Fields no one's file set that the write added or put back: the API
 * server's defaults (SetObjectDefaults_<Kind>, run on every write). A field
 * kubectl sent as null that is there again afterwards was defaulted back.
 */
function explainServerFilled(explanation: FieldChange[], patch: JsonObject | null): void {
  for (const e of explanation) {
    const isReplicas = e.path === 'spec.replicas';
    const rule = isReplicas ? 'pkg/apis/apps/v1/defaults.go SetDefaults_Deployment' : 'the API server\'s defaulting (pkg/apis/<group>/v1/zz_generated.defaults.go SetObjectDefaults_<Kind>)';
    if (e.action === 'added' && e.reason === 'Added by the server.') {
      e.reason = isReplicas ? 'Not in your file: the API server fills in its default, 1.' : 'Not in your file: the API server fills in its default.';
      e.rule = rule;
    } else if (e.action === 'changed' && e.reason === 'Changed by the server.' && patch && sentNull(patch, e.path)) {
      const leaf = e.path.slice(e.path.lastIndexOf('.') + 1);
      e.reason = `Gone from your file but in last-applied, so kubectl sent ${leaf}: null; the API server then put its default back: ${e.after}.`;
      e.rule = rule;
    }
  }
}

/** Whether the patch holds null at a dotted path of plain field names. */
function sentNull(patch: JsonObject, dotted: string): boolean {
  if (!/^[A-Za-z0-9_.-]+$/.test(dotted)) return false;
  return lookup(patch as JsonValue, dotted.split('.').map(field)) === null;
}

/** kubectl's "modified" minus the last-applied annotation it embeds: the file as the learner wrote it. */
function withoutAnnotation(modified: JsonObject): JsonObject {
  if (!isMap(modified.metadata) || !isMap(modified.metadata.annotations)) return modified;
  const annotations: JsonObject = { ...modified.metadata.annotations };
  delete annotations[LAST_APPLIED];
  const metadata: JsonObject = { ...modified.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return { ...modified, metadata };
}

function runPatch(api: ApiServer, live: ApplyInput['live'][number], patch: JsonObject, type: 'strategic' | 'merge'): { result: ObjectResult; error: KubectlError | null } {
  const apiVersion = String(live.object.apiVersion);
  const kind = String(live.object.kind);
  const info = resourceFor(apiVersion, kind);
  const ref = refOf(live.object, info);
  const r = kubectlPatch(api, ref, patch, type);
  const before = r.before;
  const after = r.after ?? before ?? live.object;
  const schema = schemaFor(apiVersion, kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  const explanation = r.error ? [] : explainApply({ before: forExplain(before, false), after: forExplain(after, false) as JsonObject, modified: patch, lastApplied: null, schema: node, mode: 'patch' });
  return {
    error: r.error,
    result: {
      printName: r.printName,
      kind,
      name: ref.name,
      namespace: info.namespaced ? (ref.namespace ?? null) : null,
      outcome: r.error ? 'failed' : 'patched',
      message: r.message,
      error: r.error ? r.error.alone.replace(/\n$/, '') : null,
      patch,
      patchBody: goJsonMarshal(patch),
      patchJson: goJsonIndent(patch),
      request: r.request,
      before,
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
    },
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

function traceObject(trace: TraceStep[], applied: Applied, mode: Mode, result: ObjectResult): void {
  const cs = 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go applyOneObject';
  if (!applied.request && applied.outcome === 'failed' && !applied.before && mode !== 'server-side') {
    trace.push({ title: applied.error?.alone.trim() ?? 'failed', subject: applied.printName, source: `${cs} (the resource builder's REST mapping)`, level: 'warning' });
    return;
  }
  if (mode === 'server-side') {
    trace.push({
      title: `PATCH ${applied.request?.path ?? ''} (application/apply-patch+yaml): the whole file goes to the server`,
      subject: applied.printName,
      source: 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (server-side)',
    });
    if (applied.outcome === 'failed') {
      const conflicts = applied.conflicts ?? [];
      trace.push({
        title: conflicts.length > 0 ? `409 Conflict: ${conflicts.map((c) => `${c.path} is owned by ${c.manager}`).join('; ')}` : (applied.error?.alone.trim() ?? 'failed'),
        subject: applied.printName,
        source: conflicts.length > 0 ? 'sigs.k8s.io/structured-merge-diff/v6 merge/update.go Updater.update' : 'staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go',
        level: 'warning',
      });
    } else {
      trace.push({ title: applied.message, subject: applied.printName, source: 'sigs.k8s.io/structured-merge-diff/v6 merge/update.go Updater.Apply', level: 'decision' });
      for (const f of applied.followUps ?? []) trace.push(followUpStep(f, applied.printName));
    }
    traceDefaults(trace, result);
    return;
  }
  if (!applied.before) {
    trace.push({
      title: applied.outcome === 'failed' ? `GET → 404 Not Found: POST the file with the last-applied annotation → ${applied.response?.code ?? ''} ${applied.response?.reason ?? ''}`.trim() : `GET → 404 Not Found: POST the file with the last-applied annotation → ${applied.message}`,
      subject: applied.printName,
      source: cs,
      level: applied.outcome === 'failed' ? 'warning' : 'decision',
    });
    traceDefaults(trace, result);
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
  if (applied.outcome === 'failed' && !applied.request) {
    trace.push({ title: 'conflict: the patch changes a field that also changed since the last apply (--overwrite=false)', subject: applied.printName, source: 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go MergingMapsHaveConflicts', level: 'warning' });
    return;
  }
  trace.push({
    title:
      applied.outcome === 'unchanged'
        ? 'the three-way patch is {}: no request is sent'
        : `${applied.request?.method} ${applied.request?.path} (${applied.request?.contentType}) → ${applied.response?.code ?? ''}`,
    detail: applied.request?.body,
    subject: applied.printName,
    source: 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch',
    level: 'decision',
  });
  if (applied.outcome === 'failed') {
    trace.push({ title: applied.error?.alone.trim() ?? 'failed', subject: applied.printName, source: 'staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go', level: 'warning' });
    return;
  }
  trace.push({ title: applied.message, subject: applied.printName, source: cs });
  traceDefaults(trace, result);
}

/** One step per field the API server defaulted back after kubectl sent null; one for the defaults a create filled in. */
function traceDefaults(trace: TraceStep[], result: ObjectResult): void {
  const source = 'the API server: SetObjectDefaults_<Kind> on every write';
  const filled: string[] = [];
  for (const e of result.explanation) {
    if (e.reason.startsWith('Gone from your file but in last-applied, so kubectl sent')) {
      trace.push({ title: `the API server defaults ${e.path} to ${e.after}`, subject: result.printName, source: e.path === 'spec.replicas' ? 'pkg/apis/apps/v1/defaults.go SetDefaults_Deployment' : source, level: 'info' });
    } else if (e.reason.startsWith('Not in your file: the API server fills in its default')) {
      filled.push(e.path);
    }
  }
  if (filled.length === 1 && filled[0] === 'spec.replicas') {
    trace.push({ title: 'the API server defaults spec.replicas to 1', subject: result.printName, source: 'pkg/apis/apps/v1/defaults.go SetDefaults_Deployment', level: 'info' });
  } else if (filled.length > 0) {
    trace.push({ title: `the API server fills in ${filled.length} default${filled.length === 1 ? '' : 's'}: ${filled.slice(0, 6).join(', ')}${filled.length > 6 ? ', …' : ''}`, subject: result.printName, source, level: 'info' });
  }
}

/** Options for the exported kubectlApply. */
export interface KubectlApplyOptions {
  mode?: 'client-side' | 'server-side';
  namespace?: string;
  overwrite?: boolean;
  fieldManager?: string;
  forceConflicts?: boolean;
}
