// `kubectl diff` (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go): for each
// object, the live object (GET) and the server's dry-run answer to what apply
// would send (InfoObject.Merged: the client-side patch, without updating the
// annotation and with live's resourceVersion as a precondition, with
// ?dryRun=All; a dry-run POST for an object that does not exist; with
// --server-side, the apply patch) are written as YAML into two temporary
// directories, `managedFields` removed, Secret `data` masked, and
// `diff -u -N LIVE-dir MERGED-dir` prints the differences file by file, in
// file-name order. A failed dry run ends the diff with the error (exit status 2).
//
// kubectl's directories are random (os.MkdirTemp) and the files carry the
// current time; here they are fixed placeholders and the virtual epoch, so
// the output is deterministic.

import { compareGoStrings, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goYamlMarshal } from '../../apimachinery/go-yaml.ts';
import { unifiedDiff } from './unified-diff.ts';
import { withoutManagedFields } from '../../apiserver/field-manager/managed-fields.ts';
import type { ApiClient, HttpRequest } from './client.ts';
import { CLIENT_SIDE_APPLY_MANAGER, baseOf, mappingError, refOf, threeWayPatch } from './client-side-apply.ts';
import type { KubectlError } from './errors.ts';
import { serverError } from './errors.ts';
import { getModifiedConfiguration, lastAppliedText } from './last-applied.ts';
import { apiPath, restMapping } from './resources.ts';
import { schemaFor } from './scheme.ts';
import { goJsonEncode, goJsonMarshal } from '../../apimachinery/go-json.ts';

export const LIVE_DIR = '/tmp/LIVE-2418937154';
export const MERGED_DIR = '/tmp/MERGED-1783256032';
export const DIFF_MTIME = '2025-01-01 00:00:00.000000000 +0000';

export interface DiffObject {
  /** diffFileName(): "apps.v1.Deployment.default.web" */
  file: string;
  kind: string;
  /** null when the object does not exist yet (an empty LIVE file). */
  live: JsonObject | null;
  /** The server's dry-run answer; null when the object would be deleted (prune, not simulated). */
  merged: JsonObject | null;
}

export interface DiffOutput {
  /** What `kubectl diff` prints on stdout. */
  text: string;
  /** Its exit status: 0 no differences, 1 differences. */
  exitCode: 0 | 1;
  /** The YAML of each side, as written to the temporary files. */
  files: { file: string; live: string; merged: string }[];
}

/**
 * Runs the diff for a set of objects.
 *
 * @example kubectlDiff([{ file: 'v1.ConfigMap.default.cfg', kind: 'ConfigMap', live: null, merged: cfg }]).text
 *   // "diff -u -N /tmp/LIVE-…/v1.ConfigMap.default.cfg /tmp/MERGED-…/v1.ConfigMap.default.cfg\n--- …\n+++ …\n@@ -0,0 +1,6 @@\n+apiVersion: v1\n…"
 */
export function kubectlDiff(objects: DiffObject[]): DiffOutput {
  const sorted = [...objects].sort((a, b) => compareGoStrings(a.file, b.file));
  let text = '';
  const files: DiffOutput['files'] = [];
  for (const obj of sorted) {
    let live = obj.live ? withoutManagedFields(obj.live) : null;
    let merged = obj.merged ? withoutManagedFields(obj.merged) : null;
    // An absent side is an empty file, except for a Secret: the Masker hands back a
    // nil *Unstructured, which is still a non-nil runtime.Object, and it prints as
    // `null` (seen with kubectl 1.32: a new Secret's diff starts `@@ -1 +1,N @@` / `-null`).
    const absent = obj.kind === 'Secret' ? 'null\n' : '';
    if (obj.kind === 'Secret') [live, merged] = maskSecrets(live, merged);
    const liveYaml = live ? goYamlMarshal(live) : absent;
    const mergedYaml = merged ? goYamlMarshal(merged) : absent;
    files.push({ file: obj.file, live: liveYaml, merged: mergedYaml });
    const from = { path: `${LIVE_DIR}/${obj.file}`, mtime: DIFF_MTIME, text: liveYaml };
    const to = { path: `${MERGED_DIR}/${obj.file}`, mtime: DIFF_MTIME, text: mergedYaml };
    const body = unifiedDiff(from, to);
    if (body) text += `diff -u -N ${from.path} ${to.path}\n${body}`;
  }
  return { text, exitCode: text ? 1 : 0, files };
}

const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

/** diff.go Masker: Secret values never reach the terminal; changed keys show before/after markers. */
function maskSecrets(from: JsonObject | null, to: JsonObject | null): [JsonObject | null, JsonObject | null] {
  const fromData = from && isMap(from.data) ? from.data : undefined;
  const toData = to && isMap(to.data) ? to.data : undefined;
  const fromMasked: JsonObject = {};
  const toMasked: JsonObject = {};
  for (const k of Object.keys(fromData ?? {})) {
    if (toData && Object.prototype.hasOwnProperty.call(toData, k)) {
      if (fromData![k] !== toData[k]) {
        set(fromMasked, k, MASK_BEFORE);
        set(toMasked, k, MASK_AFTER);
        continue;
      }
      set(toMasked, k, MASK);
    }
    set(fromMasked, k, MASK);
  }
  for (const k of Object.keys(toData ?? {})) {
    if (!fromData || !Object.prototype.hasOwnProperty.call(fromData, k)) set(toMasked, k, MASK);
  }
  if (fromData && from) set(from, 'data', fromMasked);
  if (toData && to) set(to, 'data', toMasked);
  return [from, to];
}

export interface DiffOptions {
  mode: 'client-side' | 'server-side';
  /** The kubeconfig context's namespace. */
  namespace: string;
  /** --field-manager (server-side). */
  fieldManager: string;
  /** --force-conflicts (server-side). */
  force: boolean;
  fileName: string;
}

export interface DiffRun extends DiffOutput {
  /** What kubectl diff prints on stderr when a dry run fails (then nothing is diffed). */
  error: KubectlError | null;
  /** 0 no differences, 1 differences, 2 an error. */
  status: 0 | 1 | 2;
  /** The dry-run requests it sent, in order. */
  requests: HttpRequest[];
  /** Each object's two sides. */
  objects: DiffObject[];
}

/**
 * `kubectl diff -f <file>` against `client`: every object's live state and the
 * server's dry-run answer, then the diff. Nothing is stored.
 *
 * @example kubectlDiffRun(api, [deployment], { mode: 'client-side', namespace: 'default', fieldManager: 'kubectl', force: false, fileName: 'web.yaml' }).text
 *   // 'diff -u -N /tmp/LIVE-…/apps.v1.Deployment.default.web /tmp/MERGED-…/apps.v1.Deployment.default.web\n…'
 */
export function kubectlDiffRun(client: ApiClient, configs: readonly JsonObject[], options: DiffOptions): DiffRun {
  const objects: DiffObject[] = [];
  const requests: HttpRequest[] = [];
  const fail = (error: KubectlError): DiffRun => ({ text: '', exitCode: 0, files: [], error, status: 2, requests, objects });
  for (const config of configs) {
    const b = baseOf(config, options);
    if (!restMapping(b.apiVersion, b.kind)) return fail(mappingError(config, options.fileName));
    const ref = refOf(b.local, b.info);
    const got = client.get(ref);
    if (got.code >= 400 && got.code !== 404) return fail(serverError(got));
    const live = got.code === 404 ? null : (got.object as JsonObject);
    const path = apiPath(b.info, b.namespace ?? undefined, live || options.mode === 'server-side' ? b.name : undefined);
    let merged: JsonObject;
    if (options.mode === 'server-side') {
      const query = `dryRun=All&fieldManager=${encodeURIComponent(options.fieldManager)}&force=${options.force}`;
      requests.push({ method: 'PATCH', path, query, contentType: 'application/apply-patch+yaml', body: goJsonEncode(b.local) });
      const r = client.patch(ref, b.local, { type: 'application/apply-patch+yaml', fieldManager: options.fieldManager, force: options.force, dryRun: true });
      if (r.code >= 400) return fail(serverError(r));
      merged = r.object as JsonObject;
    } else if (live === null) {
      // Dry-run create of the file as it is: no annotation, nulls kept.
      requests.push({ method: 'POST', path, query: `dryRun=All&fieldManager=${CLIENT_SIDE_APPLY_MANAGER}`, contentType: 'application/json', body: goJsonEncode(b.local) });
      const r = client.create(b.local, { dryRun: true, fieldManager: CLIENT_SIDE_APPLY_MANAGER });
      if (r.code >= 400) return fail(serverError(r));
      merged = r.object as JsonObject;
    } else {
      const text = lastAppliedText(live);
      const original = text ? (JSON.parse(text) as JsonObject) : null;
      const schema = schemaFor(b.apiVersion, b.kind);
      const patch = threeWayPatch(original, getModifiedConfiguration(b.local, false).modified, live, schema, true);
      if (Object.keys(patch).length === 0) {
        merged = live; // patchSimple: a {} patch is not sent
      } else {
        // Patcher with ResourceVersion: live's resourceVersion joins the patch as a precondition.
        const metadata = isMap(patch.metadata) ? patch.metadata : {};
        set(patch, 'metadata', metadata);
        set(metadata, 'resourceVersion', isMap(live.metadata) && typeof live.metadata.resourceVersion === 'string' ? live.metadata.resourceVersion : '');
        const contentType = schema ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json';
        requests.push({ method: 'PATCH', path, query: `dryRun=All&fieldManager=${CLIENT_SIDE_APPLY_MANAGER}`, contentType, body: goJsonMarshal(patch) });
        const r = client.patch(ref, patch, { type: contentType, fieldManager: CLIENT_SIDE_APPLY_MANAGER, dryRun: true });
        if (r.code >= 400) return fail(serverError(r));
        merged = r.object as JsonObject;
      }
    }
    objects.push({ file: b.diffFile, kind: b.kind, live, merged });
  }
  const out = kubectlDiff(objects);
  return { ...out, error: null, status: out.exitCode, requests, objects };
}
