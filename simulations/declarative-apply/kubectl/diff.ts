// `kubectl diff` output (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go):
// for each object, the live object and the server's dry-run answer are
// written as YAML into two temporary directories, `managedFields` removed,
// Secret `data` masked, and `diff -u -N LIVE-dir MERGED-dir` prints the
// differences file by file, in file-name order.
//
// kubectl's directories are random (os.MkdirTemp) and the files carry the
// current time; here they are fixed placeholders and the virtual epoch, so
// the output is deterministic.

import { compareGoStrings, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goYamlMarshal } from '../../apimachinery/go-yaml.ts';
import { unifiedDiff } from './unified-diff.ts';
import { withoutManagedFields } from '../../apiserver/field-manager/managed-fields.ts';

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
