// Turns an apply result into exactly what the template shows: three YAML
// columns (last-applied, live, your file) with the fields that moved marked,
// the patch, the coloured kubectl diff, the explanation table, and for
// server-side apply who owns what.

import type { SimulationOutput } from '../shared/engine.ts';
import { isMap } from '../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../apimachinery/go-values.ts';
import { resolvesToString, sortYamlKeys } from '../apimachinery/go-yaml.ts';
import { schemaFor } from '../kubectl/apply/scheme.ts';
import { SchemaNode } from '../apimachinery/strategic-merge-patch/patch-meta.ts';
import { extractRetainKeysPatchStrategy } from '../apimachinery/strategic-merge-patch/directives.ts';
import { field, formatPath } from './explain/paths.ts';
import type { Segment } from './explain/paths.ts';
import type { ChangeAction, FieldChange } from './explain/explain.ts';
import { LAST_APPLIED } from '../kubectl/apply/last-applied.ts';
import { decodeManagedFields } from '../apiserver/field-manager/managed-fields.ts';
import { pathString } from '../apiserver/field-manager/field-set.ts';
import type { DeclarativeApplyResult, ObjectResult } from './run.ts';

export interface YamlLine {
  text: string;
  /** CSS class: da-added, da-changed, da-deleted, da-kept or "". */
  cls: string;
  mark: string;
}

export interface Column {
  title: string;
  note: string;
  lines: YamlLine[];
  empty: boolean;
}

export interface DiffLine {
  text: string;
  cls: string;
}

export interface ExplanationRow {
  path: string;
  action: string;
  cls: string;
  before: string;
  after: string;
  reason: string;
  rule: string;
}

export interface ObjectView {
  title: string;
  outcome: string;
  outcomeCls: string;
  request: string | null;
  requestBody: string | null;
  patchJson: string | null;
  columns: Column[];
  explanation: ExplanationRow[];
  counts: string;
  managers: { manager: string; operation: string; fields: string[] }[];
  managersTitle: string;
  conflicts: { manager: string; path: string }[];
  afterLines: YamlLine[];
}

export interface DeclarativeApplyView {
  command: string;
  stdout: string;
  stderr: string;
  failed: boolean;
  diff: DiffLine[];
  diffCommand: string;
  noDiff: boolean;
  diffError: string | null;
  objects: ObjectView[];
}

const ACTION_CLASS: Record<ChangeAction, string> = {
  added: 'da-added',
  changed: 'da-changed',
  replaced: 'da-changed',
  deleted: 'da-deleted',
  kept: 'da-kept',
};

/**
 * @example buildView(engine.run(manifests, ctx)).objects[0].columns.map((c) => c.title) // ["last-applied", "live (before)", "your file"]
 */
export function buildView(output: SimulationOutput<DeclarativeApplyResult>): DeclarativeApplyView {
  const r = output.result;
  const flag = r.mode === 'server-side' ? ' --server-side' : '';
  const command = r.mode === 'patch' ? `$ kubectl patch --type ${r.objects[0].request?.contentType.includes('strategic') ? 'strategic' : 'merge'} -p '…'` : `$ kubectl apply${flag} -f config.yaml`;
  return {
    command,
    stdout: r.stdout,
    stderr: r.stderr,
    failed: r.exitCode !== 0,
    diff: r.diff.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1)).map(diffLine),
    diffCommand: `$ kubectl diff${flag} -f config.yaml`,
    noDiff: r.diff === '' && !r.diffError,
    diffError: r.diffError,
    objects: r.objects.map((o) => objectView(o, r.mode)),
  };
}

function diffLine(text: string): DiffLine {
  let cls = '';
  if (text.startsWith('diff ') || text.startsWith('--- ') || text.startsWith('+++ ')) cls = 'da-diff-head';
  else if (text.startsWith('@@')) cls = 'da-diff-hunk';
  else if (text.startsWith('+')) cls = 'da-diff-add';
  else if (text.startsWith('-')) cls = 'da-diff-del';
  return { text, cls };
}

function objectView(o: ObjectResult, mode: DeclarativeApplyResult['mode']): ObjectView {
  const apiVersion = String((o.after.apiVersion ?? o.before?.apiVersion) ?? '');
  const schema = schemaFor(apiVersion, o.kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  const marks = new Map<string, ChangeAction>();
  for (const e of o.explanation) marks.set(e.path, e.action);
  const mark = (which: 'last' | 'live' | 'file') => (path: string): ChangeAction | undefined => {
    const action = lookupMark(marks, path);
    if (!action) return undefined;
    if (which === 'file') return action === 'added' || action === 'changed' || action === 'replaced' ? action : undefined;
    if (which === 'last') return action === 'deleted' ? action : undefined;
    return action;
  };
  const columns: Column[] =
    mode === 'patch'
      ? [
          column('live (before)', 'the object the patch is applied to', o.before, node, mark('live')),
          column('the patch', `sent as ${o.request?.contentType}`, o.patch, node, () => undefined),
          column('after', 'what the server stores', o.after, node, (p) => (lookupMark(marks, p) === 'added' || lookupMark(marks, p) === 'changed' || lookupMark(marks, p) === 'replaced' ? lookupMark(marks, p) : undefined)),
        ]
      : [
          column('last-applied', mode === 'server-side' ? 'not used by server-side apply' : 'the annotation on live: what you applied last time', o.lastApplied, node, mark('last')),
          column('live (before)', 'the object in the cluster', withoutNoise(o.before), node, mark('live')),
          column('your file', 'what you apply now', o.file, node, mark('file')),
        ];
  const counts = (['added', 'changed', 'replaced', 'deleted', 'kept'] as ChangeAction[])
    .map((a) => [a, o.explanation.filter((e) => e.action === a && e.path !== '…').length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${a}`)
    .join(', ');
  return {
    title: o.printName,
    outcome: o.outcome,
    outcomeCls: o.outcome === 'failed' ? 'da-bad' : o.outcome === 'unchanged' ? 'da-muted' : 'da-ok',
    request: o.request ? `${o.request.method} ${o.request.path}${o.request.query ? `?${o.request.query}` : ''}\nContent-Type: ${o.request.contentType}` : null,
    requestBody: o.request?.body ?? null,
    patchJson: o.patchJson,
    columns,
    explanation: o.explanation.map(row),
    counts: counts || 'nothing moves',
    managers: managersOf(o.after),
    managersTitle: o.outcome === 'failed' ? 'Field managers (unchanged: the apply was refused)' : 'Field managers after the apply',
    conflicts: o.conflicts,
    afterLines: yamlLines(withoutNoise(o.after) ?? {}, node, () => undefined),
  };
}

/** Hides the last-applied annotation text and managedFields in the columns (they have their own places). */
function withoutNoise(obj: JsonObject | null): JsonObject | null {
  if (!obj) return null;
  const copy = JSON.parse(JSON.stringify(obj)) as JsonObject;
  if (isMap(copy.metadata)) {
    delete copy.metadata.managedFields;
    if (isMap(copy.metadata.annotations) && typeof copy.metadata.annotations[LAST_APPLIED] === 'string') {
      copy.metadata.annotations[LAST_APPLIED] = '(your last apply, shown on the left)';
    }
  }
  return copy;
}

function lookupMark(marks: Map<string, ChangeAction>, path: string): ChangeAction | undefined {
  let p = path;
  for (;;) {
    const m = marks.get(p);
    if (m) return m;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

function row(e: FieldChange): ExplanationRow {
  return {
    path: e.path,
    action: e.action,
    cls: ACTION_CLASS[e.action],
    before: e.before ?? '',
    after: e.after ?? '',
    reason: e.reason,
    rule: e.rule,
  };
}

function column(title: string, note: string, obj: JsonObject | null, node: SchemaNode, mark: (path: string) => ChangeAction | undefined): Column {
  return { title, note, lines: obj ? yamlLines(obj, node, mark) : [], empty: !obj };
}

/** A readable YAML rendering (kubectl's key order and quoting; long values shortened) with each line's field path. */
export function yamlLines(obj: JsonObject, node: SchemaNode, mark: (path: string) => ChangeAction | undefined): YamlLine[] {
  const out: YamlLine[] = [];
  const push = (indent: number, text: string, segs: Segment[]) => {
    const action = segs.length ? mark(formatPath(segs)) : undefined;
    out.push({ text: `${' '.repeat(indent)}${text}`, cls: action ? ACTION_CLASS[action] : '', mark: action ? markSymbol(action) : '' });
  };
  const walkMap = (m: JsonObject, n: SchemaNode, indent: number, segs: Segment[], firstPrefix?: string) => {
    sortYamlKeys(Object.keys(m)).forEach((key, i) => {
      const v = m[key];
      const childSegs = [...segs, field(key)];
      const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      const k = resolvesToString(key) && /^[\w./-]+$/.test(key) ? key : JSON.stringify(key);
      if (isMap(v) && Object.keys(v).length > 0) {
        pushRaw(`${prefix}${k}:`, childSegs);
        walkMap(v, structOf(n, key), indent + 2, childSegs);
      } else if (Array.isArray(v) && v.length > 0) {
        pushRaw(`${prefix}${k}:`, childSegs);
        walkList(v, n, key, indent, childSegs);
      } else {
        pushRaw(`${prefix}${k}: ${scalar(v)}`, childSegs);
      }
    });
  };
  const pushRaw = (text: string, segs: Segment[]) => push(0, text, segs);
  const walkList = (list: JsonValue[], parent: SchemaNode, key: string, indent: number, segs: Segment[]) => {
    let elem = SchemaNode.open();
    let mergeKey = '';
    let merge = false;
    try {
      const [e, meta] = parent.lookupSlice(key);
      elem = e;
      mergeKey = meta.mergeKey;
      merge = extractRetainKeysPatchStrategy(meta.strategies)[1] === 'merge';
    } catch {
      // untyped: index addressing
    }
    list.forEach((item, i) => {
      const seg: Segment =
        merge && mergeKey && isMap(item)
          ? { kind: 'key', mergeKey, value: item[mergeKey] ?? null }
          : merge && !mergeKey
            ? { kind: 'member', value: item }
            : { kind: 'index', index: i };
      const itemSegs = [...segs, seg];
      const dash = `${' '.repeat(indent)}- `;
      if (isMap(item) && Object.keys(item).length > 0) walkMap(item, elem, indent + 2, itemSegs, dash);
      else pushRaw(`${dash}${isMap(item) ? '{}' : Array.isArray(item) ? JSON.stringify(item) : scalar(item)}`, itemSegs);
    });
  };
  walkMap(obj, node, 0, []);
  return out;
}

function structOf(node: SchemaNode, key: string): SchemaNode {
  try {
    return node.lookupStruct(key)[0];
  } catch {
    return SchemaNode.open();
  }
}

function scalar(v: JsonValue): string {
  if (isMap(v)) return '{}';
  if (Array.isArray(v)) return '[]';
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  const short = v.length > 90 ? `${v.slice(0, 87)}…` : v;
  const plain = resolvesToString(v) && /^[^\s'"#:{}[\],&*!|>%@`-][^\n]*$/.test(v) && !/[:#] |\s$/.test(v);
  return plain ? short.replace(/\n/g, '⏎') : JSON.stringify(short);
}

function markSymbol(action: ChangeAction): string {
  switch (action) {
    case 'added':
      return '+';
    case 'deleted':
      return '−';
    case 'kept':
      return '=';
    default:
      return '~';
  }
}

function managersOf(obj: JsonObject): ObjectView['managers'] {
  if (!isMap(obj.metadata) || !Array.isArray(obj.metadata.managedFields)) return [];
  try {
    return decodeManagedFields(obj.metadata.managedFields).map((m) => ({
      manager: m.manager + (m.subresource ? ` (${m.subresource})` : ''),
      operation: m.operation,
      fields: m.fields.paths().map(pathString),
    }));
  } catch {
    return [];
  }
}
