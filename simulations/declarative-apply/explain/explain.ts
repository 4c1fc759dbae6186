// Field-by-field explanation of an apply: compares the live object before and
// after and says, for every field that moved (and for fields that stayed only
// because nobody's file manages them), which rule decided it.
//
// The rules are those of kubectl's three-way patch
// (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go,
// CreateThreeWayMergePatch): changes and additions are computed against live,
// deletions only against the last-applied configuration; untagged lists are
// replaced whole; explicit nulls always delete; retainKeys clears unlisted keys.

import { deepEqual, goEquals, goFmtV, has, isMap } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { SchemaNode } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { extractRetainKeysPatchStrategy } from '../../apimachinery/strategic-merge-patch/directives.ts';
import { LAST_APPLIED } from '../../kubectl/apply/last-applied.ts';
import { brief, field, formatPath, lookup, present } from './paths.ts';
import type { Segment } from './paths.ts';

export type ChangeAction = 'added' | 'changed' | 'deleted' | 'replaced' | 'kept';

export interface FieldChange {
  path: string;
  action: ChangeAction;
  /** One sentence: why this happened. */
  reason: string;
  before?: string;
  after?: string;
  /** The upstream rule behind it. */
  rule: string;
}

export interface ExplainInput {
  /** The live object before the apply (null when it is created). */
  before: JsonObject | null;
  /** The live object after the apply. */
  after: JsonObject;
  /** What the file asks for (kubectl's "modified"), with or without the annotation. */
  modified: JsonObject;
  /** The last-applied configuration (kubectl's "original"), if any. */
  lastApplied: JsonObject | null;
  /** Patch metadata; open for CRDs (JSON merge patch: every list replaced). */
  schema: SchemaNode;
  /** Server-side apply: fields removed because this manager dropped them, and who keeps what. */
  owners?: (path: string) => string[];
  mode: 'client-side' | 'server-side' | 'patch';
}

const RULE_THREE_WAY = 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch';
const RULE_SSA = 'sigs.k8s.io/structured-merge-diff/v4 merge/update.go Apply';
const MAX_KEPT = 40;

/**
 * Explains an apply field by field.
 *
 * @example
 *   explainApply({ before: live, after: result, modified, lastApplied, schema, mode: 'client-side' })
 *   // → [{ path: 'metadata.labels.tier', action: 'deleted', reason: 'In the last-applied configuration but gone from your file: kubectl deletes it.', ... }, ...]
 */
export function explainApply(input: ExplainInput): FieldChange[] {
  const changes: FieldChange[] = [];
  walkChanges(input, input.before ?? undefined, input.after, input.schema, [], changes);
  const kept: FieldChange[] = [];
  if (input.before) walkKept(input, input.before, input.after, input.modified, input.lastApplied ?? undefined, input.schema, [], kept);
  changes.push(...kept.slice(0, MAX_KEPT));
  if (kept.length > MAX_KEPT) {
    changes.push({ path: '…', action: 'kept', reason: `and ${kept.length - MAX_KEPT} more fields nobody's file manages`, rule: RULE_THREE_WAY });
  }
  return changes;
}

function walkChanges(input: ExplainInput, l: JsonValue | undefined, r: JsonValue | undefined, schema: SchemaNode, segs: Segment[], out: FieldChange[]): void {
  if (l === undefined && r === undefined) return;
  if (isLastAppliedPath(segs)) {
    if (!deepEqual(l, r)) {
      out.push({
        path: formatPath(segs),
        action: l === undefined ? 'added' : 'changed',
        reason: 'kubectl records your file here; the next apply compares against it to find what you removed.',
        rule: 'staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration',
      });
    }
    return;
  }
  if (l === undefined) return void out.push(entry(input, 'added', segs, undefined, r));
  if (r === undefined) return void out.push(entry(input, 'deleted', segs, l, undefined));
  if (isMap(l) && isMap(r)) {
    for (const key of unionKeys(r, l)) {
      walkChanges(input, has(l, key) ? l[key] : undefined, has(r, key) ? r[key] : undefined, safeStruct(schema, key), [...segs, field(key)], out);
    }
    return;
  }
  if (Array.isArray(l) && Array.isArray(r)) {
    const [elem, mergeKey, merge] = listMeta(input, schema, segs);
    if (merge && mergeKey && l.every(isMap) && r.every(isMap)) {
      const keys = unionListKeys(r, l, mergeKey);
      for (const k of keys) {
        const seg: Segment = { kind: 'key', mergeKey, value: k };
        walkChanges(input, lookup(l, [seg]), lookup(r, [seg]), elem, [...segs, seg], out);
      }
      return;
    }
    if (merge && !mergeKey) {
      for (const v of l) if (!r.some((x) => deepEqual(x, v))) out.push(entry(input, 'deleted', [...segs, { kind: 'member', value: v }], v, undefined));
      for (const v of r) if (!l.some((x) => deepEqual(x, v))) out.push(entry(input, 'added', [...segs, { kind: 'member', value: v }], undefined, v));
      return;
    }
    if (!deepEqual(l, r)) out.push(entry(input, 'replaced', segs, l, r));
    return;
  }
  if (!deepEqual(l, r)) out.push(entry(input, 'changed', segs, l, r));
}

function entry(input: ExplainInput, action: ChangeAction, segs: Segment[], before: JsonValue | undefined, after: JsonValue | undefined): FieldChange {
  const path = formatPath(segs);
  const inFile = present(input.modified, segs);
  const inLast = input.lastApplied ? present(input.lastApplied, segs) : false;
  const fileValue = lookup(input.modified, segs);
  const base = { path, action, before: before === undefined ? undefined : brief(before), after: after === undefined ? undefined : brief(after) };
  const rule = input.mode === 'server-side' ? RULE_SSA : RULE_THREE_WAY;
  if (input.mode === 'patch') {
    return { ...base, reason: patchReason(action), rule: 'staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go StrategicMergePatch' };
  }
  switch (action) {
    case 'added':
      return { ...base, reason: inFile ? 'New in your file, so it is added.' : 'Added by the server.', rule };
    case 'changed':
      if (path === 'metadata.generation') {
        return { ...base, reason: 'The API server adds 1 to metadata.generation whenever the spec changes; controllers compare it with status.observedGeneration.', rule: 'pkg/registry/apps/deployment/strategy.go PrepareForUpdate' };
      }
      return {
        ...base,
        reason: inFile
          ? `Your file says ${brief(fileValue)}; live had ${brief(before)}, so it is changed (changes are computed against live).`
          : 'Changed by the server.',
        rule,
      };
    case 'replaced': {
      const dropped = Array.isArray(before) && Array.isArray(after) ? before.filter((v) => !after.some((x) => deepEqual(x, v))).length : 0;
      return {
        ...base,
        reason:
          `This list has no merge key, so the file's list replaces the live one whole` +
          (dropped > 0 ? ` (${dropped} live item${dropped === 1 ? '' : 's'} not in your file ${dropped === 1 ? 'is' : 'are'} dropped, even if someone else added ${dropped === 1 ? 'it' : 'them'}).` : '.'),
        rule,
      };
    }
    case 'deleted': {
      if (inFile && fileValue === null) return { ...base, reason: 'Your file sets it to null: an explicit null always deletes.', rule };
      if (input.mode === 'server-side') {
        return {
          ...base,
          reason: 'Your field manager owned it, your file no longer has it, and no other manager owns it: the server removes it.',
          rule,
        };
      }
      if (!inFile && inLast) {
        return { ...base, reason: 'In the last-applied configuration but gone from your file: kubectl deletes it.', rule };
      }
      const atomic = atomicAncestor(input, segs);
      if (atomic) return { ...base, reason: `The whole list ${atomic} is replaced by the file's, which does not have this item.`, rule };
      const retain = retainKeysAncestor(input, segs);
      if (retain) {
        return { ...base, reason: `${retain} has patchStrategy retainKeys: keys your file does not set there are cleared.`, rule };
      }
      if (inLast) return { ...base, reason: 'Your file changed it and the old value is gone.', rule };
      return { ...base, reason: 'Removed by the patch.', rule };
    }
    case 'kept':
      return { ...base, reason: keptReason(path), rule };
  }
}

function patchReason(action: ChangeAction): string {
  switch (action) {
    case 'added':
      return 'The patch adds it.';
    case 'changed':
      return 'The patch sets a new value.';
    case 'replaced':
      return 'The patch replaces the list whole (no merge key, or $patch: replace).';
    case 'deleted':
      return 'The patch deletes it (null, $patch: delete, $deleteFromPrimitiveList or $retainKeys).';
    default:
      return 'Not in the patch: kept as it was.';
  }
}

function keptReason(path: string): string {
  const who = /^spec\.replicas$/.test(path)
    ? ' (for example a HorizontalPodAutoscaler or `kubectl scale` set it)'
    : /containers\[name=[^\]]+\]$/.test(path)
      ? ' (for example a sidecar injected by a mutating admission webhook)'
      : /^metadata\.labels/.test(path)
        ? ' (for example added with `kubectl label`)'
        : /^metadata\.annotations/.test(path)
          ? ' (for example written by a controller or `kubectl annotate`)'
          : /tolerations/.test(path)
            ? ' (for example added by admission)'
            : ' (a default filled in by the API server, or a change made another way)';
  return `Not in your file and not in the last-applied configuration: nobody's file manages it, so kubectl leaves it${who}.`;
}

/**
 * Fields of the live object nobody's file manages and the apply left as they
 * were. The after object, the file and the last-applied configuration are
 * walked alongside (not looked up from the root for every field).
 */
function walkKept(
  input: ExplainInput,
  l: JsonValue,
  after: JsonValue | undefined,
  mod: JsonValue | undefined,
  last: JsonValue | undefined,
  schema: SchemaNode,
  segs: Segment[],
  out: FieldChange[],
): void {
  if (isMap(l)) {
    for (const key of Object.keys(l)) {
      const childSegs = [...segs, field(key)];
      if (!keptCandidate(childSegs) || isLastAppliedPath(childSegs)) continue;
      const inMod = isMap(mod ?? null) && has(mod as JsonObject, key);
      const inLast = isMap(last ?? null) && has(last as JsonObject, key);
      const afterChild = isMap(after ?? null) && has(after as JsonObject, key) ? (after as JsonObject)[key] : undefined;
      if (!inMod && !inLast) {
        if (afterChild !== undefined && deepEqual(afterChild, l[key])) {
          const path = formatPath(childSegs);
          out.push({ path, action: 'kept', reason: keptReason(path), before: brief(l[key]), after: brief(afterChild), rule: keptRule(input) });
        }
        continue;
      }
      const modChild = inMod ? (mod as JsonObject)[key] : undefined;
      const lastChild = inLast ? (last as JsonObject)[key] : undefined;
      walkKept(input, l[key], afterChild, modChild, lastChild, safeStruct(schema, key), childSegs, out);
    }
    return;
  }
  if (Array.isArray(l)) {
    const [elem, mergeKey, merge] = listMeta(input, schema, segs);
    if (!merge || !mergeKey || !l.every(isMap)) return;
    const byKey = (list: JsonValue | undefined, value: JsonValue): JsonValue | undefined =>
      Array.isArray(list) ? list.find((item) => isMap(item) && has(item, mergeKey) && goEquals(item[mergeKey], value)) : undefined;
    for (const item of l) {
      const value = (item as JsonObject)[mergeKey] ?? null;
      const childSegs: Segment[] = [...segs, { kind: 'key', mergeKey, value }];
      const modChild = byKey(mod, value);
      const lastChild = byKey(last, value);
      const afterChild = byKey(after, value);
      if (modChild === undefined && lastChild === undefined) {
        if (afterChild !== undefined) {
          const path = formatPath(childSegs);
          out.push({ path, action: 'kept', reason: keptReason(path), before: brief(item), after: brief(afterChild), rule: keptRule(input) });
        }
        continue;
      }
      walkKept(input, item, afterChild, modChild, lastChild, elem, childSegs, out);
    }
  }
}

function keptRule(input: ExplainInput): string {
  return input.mode === 'server-side' ? RULE_SSA : RULE_THREE_WAY;
}

/** Status, server-set metadata and type fields are never the learner's business. */
function keptCandidate(segs: Segment[]): boolean {
  const first = segs[0];
  if (first.kind !== 'field') return false;
  if (first.name === 'status' || first.name === 'apiVersion' || first.name === 'kind') return false;
  if (first.name === 'metadata') {
    const second = segs[1];
    if (!second) return true;
    return second.kind === 'field' && (second.name === 'labels' || second.name === 'annotations');
  }
  return true;
}

function isLastAppliedPath(segs: Segment[]): boolean {
  return (
    segs.length === 3 &&
    segs[0].kind === 'field' && segs[0].name === 'metadata' &&
    segs[1].kind === 'field' && segs[1].name === 'annotations' &&
    segs[2].kind === 'field' && segs[2].name === LAST_APPLIED
  );
}

function safeStruct(schema: SchemaNode, key: string): SchemaNode {
  try {
    return schema.lookupStruct(key)[0];
  } catch {
    return SchemaNode.open();
  }
}

/** [element schema, merge key, merges?] of the list at `segs` (whose last segment names the field). */
function listMeta(input: ExplainInput, schema: SchemaNode, segs: Segment[]): [SchemaNode, string, boolean] {
  const parent = parentSchema(input.schema, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (!parent || !last || last.kind !== 'field') return [SchemaNode.open(), '', false];
  try {
    const [elem, meta] = parent.lookupSlice(last.name);
    const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
    return [elem, meta.mergeKey, strategy === 'merge'];
  } catch {
    return [schema, '', false];
  }
}

function parentSchema(root: SchemaNode, segs: Segment[]): SchemaNode | undefined {
  let node = root;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    try {
      if (s.kind === 'field') {
        const next = segs[i + 1];
        node = next && next.kind !== 'field' ? node.lookupSlice(s.name)[0] : node.lookupStruct(s.name)[0];
      }
    } catch {
      return SchemaNode.open();
    }
  }
  return node;
}

function atomicAncestor(input: ExplainInput, segs: Segment[]): string | undefined {
  for (let i = segs.length - 1; i > 0; i--) {
    if (segs[i].kind !== 'index') continue;
    const listSegs = segs.slice(0, i);
    const [, , merge] = listMeta(input, input.schema, listSegs);
    if (!merge) return formatPath(listSegs);
  }
  return undefined;
}

function retainKeysAncestor(input: ExplainInput, segs: Segment[]): string | undefined {
  for (let i = segs.length - 1; i > 0; i--) {
    const s = segs[i - 1];
    if (s.kind !== 'field') continue;
    const parent = parentSchema(input.schema, segs.slice(0, i - 1));
    try {
      const next = segs[i];
      const meta = next.kind === 'field' ? parent?.lookupStruct(s.name)[1] : parent?.lookupSlice(s.name)[1];
      if (meta && extractRetainKeysPatchStrategy(meta.strategies)[0]) return formatPath(segs.slice(0, i));
    } catch {
      // no metadata: not a retainKeys field
    }
  }
  return undefined;
}

function unionKeys(a: JsonObject, b: JsonObject): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!has(a, k)) keys.push(k);
  return keys;
}

function unionListKeys(a: JsonValue[], b: JsonValue[], mergeKey: string): JsonValue[] {
  const out: JsonValue[] = [];
  const seen = new Set<string>();
  for (const item of [...a, ...b]) {
    const v = (item as JsonObject)[mergeKey] ?? null;
    const id = goFmtV(v);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(v);
    }
  }
  return out;
}
