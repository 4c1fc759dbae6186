// Reads learner YAML the way `kubectl apply -f` does, and remembers where every
// value came from so a validation error can point at its line.
//
// kubectl reads manifests with sigs.k8s.io/yaml, which converts YAML to JSON
// using go-yaml v2, a YAML 1.1 parser: `yes`/`on`/`off` are booleans, `012` is
// octal (10), `1e3` is a number, merge keys (`<<`) work, and keys become JSON
// object keys (strings). Documents are split on `---`; empty documents are
// skipped (staging/src/k8s.io/apimachinery/pkg/util/yaml/decoder.go).
//
// The parser is also a security boundary (kube-apiserver was hardened against
// YAML alias bombs, CVE-2019-11253), so it enforces hard limits: documents,
// nesting depth, aliases, expanded nodes. Keys such as `__proto__` are stored
// as plain data properties and never reach an object's prototype.

import { LineCounter, parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ValidationError, describeValue } from './errors.ts';
import type { FieldPath, SourcePosition } from './errors.ts';

import type { JsonObject, JsonValue } from '../apimachinery/json.ts';
import { setOwn } from '../apimachinery/json.ts';
export type { JsonObject, JsonValue } from '../apimachinery/json.ts';
export { setOwn };

/** A Kubernetes object read from one YAML document. */
export interface KubeObject extends JsonObject {
  apiVersion: string;
  kind: string;
}

/** One YAML document of the input, already converted to JSON data. */
export interface Manifest {
  /** 1-based index of the document in the input (empty documents are not counted). */
  document: number;
  /** Line (1-based) where the document's content starts. */
  line: number;
  object: KubeObject;
}

export interface YamlLimits {
  maxDocuments: number;
  maxDepth: number;
  maxAliases: number;
  /** Nodes produced after alias expansion, across the whole input. */
  maxNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxDocuments: 100,
  maxDepth: 64,
  maxAliases: 16,
  maxNodes: 200_000,
};

/** Where each converted object or array came from, for error positions. */
interface SourceRecord {
  node: YamlNode;
  lineCounter: LineCounter;
  document: number;
}

const sources = new WeakMap<object, SourceRecord>();

const ALLOWED_EXPLICIT_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq', 'merge'].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Splits multi-document YAML into Kubernetes objects.
 *
 * @example
 *   parseManifests('kind: Pod\napiVersion: v1\nmetadata: {name: a}\n---\nkind: Node\n...')
 *   // → [{ document: 1, line: 1, object: { kind: 'Pod', ... } }, { document: 2, ... }]
 *
 * Throws ValidationError (code "yaml" or "limit") with the line and column.
 */
export function parseManifests(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): Manifest[] {
  return parseYamlDocuments(text, limits).map(({ value, document, line, node, lineCounter }) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(
        `document ${document} is ${describeValue(value)}, not a mapping: every document must be one Kubernetes object`,
        { position: positionOf(node, lineCounter), document, code: 'yaml' },
      );
    }
    const object = value as JsonObject;
    for (const field of ['apiVersion', 'kind'] as const) {
      if (typeof object[field] !== 'string' || object[field] === '') {
        // kubectl: "error validating data: [apiVersion not set, kind not set]"
        throw new ValidationError('Required value: every Kubernetes object needs apiVersion and kind', {
          object,
          path: [field],
          position: positionOf(node, lineCounter),
          document,
          code: 'schema',
        });
      }
    }
    return { document, line, object: object as KubeObject };
  });
}

interface ParsedDocument {
  value: JsonValue;
  document: number;
  line: number;
  node: YamlNode;
  lineCounter: LineCounter;
}

/** Parses every non-empty document to JSON data (any shape), enforcing the limits. */
export function parseYamlDocuments(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: true,
    merge: true,
    prettyErrors: true,
    lineCounter,
  });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const out: ParsedDocument[] = [];
  const budget = { aliases: 0, nodes: 0 };
  for (const doc of list) {
    const first = doc.errors[0];
    if (first) {
      const message =
        first.code === 'DUPLICATE_KEY'
          ? `duplicate key ${quoteKeyAt(text, first.pos[0])}: a key may appear only once in a mapping`
          : first.message;
      throw yamlError(message, first.linePos?.[0], out.length + 1);
    }
    for (const warning of doc.warnings) {
      if (warning.code === 'TAG_RESOLVE_FAILED') {
        throw yamlError(
          `custom tags are not allowed (${stripPosition(firstLine(warning.message))}); Kubernetes manifests use only plain YAML values`,
          warning.linePos?.[0],
          out.length + 1,
        );
      }
    }
    const contents = doc.contents as ParsedNode | null;
    if (contents === null || (isScalar(contents) && contents.value === null && contents.source === '')) continue;
    const document = out.length + 1;
    if (document > limits.maxDocuments) {
      throw new ValidationError(`too many YAML documents: the limit is ${limits.maxDocuments}`, {
        position: positionOf(contents, lineCounter),
        document,
        code: 'limit',
      });
    }
    const converter = new Converter(doc, lineCounter, document, limits, budget);
    const value = converter.convert(contents, 1);
    out.push({ value, document, line: positionOf(contents, lineCounter).line, node: contents, lineCounter });
  }
  return out;
}

class Converter {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    private readonly document: number,
    private readonly limits: YamlLimits,
    private readonly budget: { aliases: number; nodes: number },
  ) {}

  convert(node: YamlNode | null | undefined, depth: number): JsonValue {
    if (node === null || node === undefined) return null;
    if (depth > this.limits.maxDepth) {
      throw this.fail(`nesting is deeper than ${this.limits.maxDepth} levels`, node, 'limit');
    }
    if (++this.budget.nodes > this.limits.maxNodes) {
      throw this.fail(`the input expands to more than ${this.limits.maxNodes} values`, node, 'limit');
    }
    if (isAlias(node)) {
      if (++this.budget.aliases > this.limits.maxAliases) {
        throw this.fail(
          `more than ${this.limits.maxAliases} YAML aliases: large alias expansions are refused (alias bomb protection)`,
          node,
          'limit',
        );
      }
      const target = node.resolve(this.doc);
      if (!target) throw this.fail(`unknown alias *${node.source}`, node, 'yaml');
      return this.convert(target, depth);
    }
    this.checkTag(node);
    if (isMap(node)) return this.convertMap(node as YAMLMap, depth);
    if (isSeq(node)) {
      const array: JsonValue[] = (node as YAMLSeq).items.map((item) => this.convert(item as YamlNode, depth + 1));
      this.remember(array, node);
      return array;
    }
    if (isScalar(node)) return this.convertScalar(node as Scalar);
    throw this.fail('unsupported YAML node', node, 'yaml');
  }

  private convertMap(node: YAMLMap, depth: number): JsonObject {
    const object: JsonObject = {};
    this.remember(object, node);
    const merges: YamlNode[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        merges.push(pair.value as YamlNode);
        continue;
      }
      const key = this.keyString(keyNode);
      setOwn(object, key, this.convert(pair.value as YamlNode, depth + 1));
    }
    // YAML 1.1 merge keys: explicit keys win over merged ones; earlier merge sources win over later.
    for (const source of merges) {
      const sources = isSeq(source) ? ((source as YAMLSeq).items as YamlNode[]) : [source];
      for (const item of sources) {
        const merged = this.convert(item, depth + 1);
        if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
          throw this.fail('a merge key (<<) must refer to a mapping', item, 'yaml');
        }
        for (const key of Object.keys(merged)) {
          if (!Object.prototype.hasOwnProperty.call(object, key)) setOwn(object, key, merged[key]);
        }
      }
    }
    return object;
  }

  private keyString(keyNode: YamlNode | null): string {
    if (keyNode === null || keyNode === undefined) return 'null';
    if (isScalar(keyNode)) {
      const value = (keyNode as Scalar).value;
      if (value === null) return 'null';
      if (isFalseNaN(keyNode as Scalar)) return (keyNode as Scalar).source ?? '.';
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return (keyNode as Scalar).source ?? String(value);
    }
    if (isAlias(keyNode)) {
      const target = keyNode.resolve(this.doc);
      return this.keyString(target ?? null);
    }
    throw this.fail('a mapping key must be a plain value, not a mapping or a list', keyNode, 'yaml');
  }

  private convertScalar(node: Scalar): JsonValue {
    const value = node.value;
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (isFalseNaN(node)) return node.source ?? '.';
      if (!Number.isFinite(value)) {
        throw this.fail(`${node.source} is not a number JSON can represent`, node, 'yaml');
      }
      return value;
    }
    if (typeof value === 'bigint') return Number(value);
    // Timestamps and other resolved objects stay as the text the learner wrote:
    // sigs.k8s.io/yaml keeps them as strings.
    return node.source ?? String(value);
  }

  private checkTag(node: YamlNode): void {
    const tag = (node as { tag?: string }).tag;
    if (tag && !ALLOWED_EXPLICIT_TAGS.has(tag)) {
      throw this.fail(`custom tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed`, node, 'yaml');
    }
  }

  private remember(value: object, node: YamlNode): void {
    sources.set(value, { node, lineCounter: this.lineCounter, document: this.document });
  }

  private fail(reason: string, node: YamlNode, code: string): ValidationError {
    return new ValidationError(reason, {
      position: positionOf(node, this.lineCounter),
      document: this.document,
      code,
    });
  }
}

/**
 * The yaml package's YAML 1.1 float pattern also matches "." and "._" and reads
 * them as NaN; go-yaml v2 keeps them as strings (strconv.ParseFloat fails), as
 * in the managedFields key `.: {}`. Only .nan/.NaN/.NAN are really NaN.
 */
function isFalseNaN(node: Scalar): boolean {
  return typeof node.value === 'number' && Number.isNaN(node.value) && !/^[-+]?\.(nan|NaN|NAN)$/.test(node.source ?? '');
}


function positionOf(node: YamlNode, lineCounter: LineCounter): SourcePosition {
  const offset = node.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function yamlError(message: string, pos: { line: number; col: number } | undefined, document: number): ValidationError {
  const reason = `YAML syntax error: ${stripPosition(firstLine(message))}`;
  return new ValidationError(reason, {
    position: pos ? { line: pos.line, column: pos.col } : undefined,
    document,
    code: 'yaml',
  });
}

function stripPosition(message: string): string {
  return message.replace(/ at line \d+, column \d+:?$/, '');
}

function quoteKeyAt(text: string, offset: number): string {
  const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim() ?? '';
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/**
 * Finds where a field of a parsed object was written: the line of the deepest
 * part of `path` that exists in the YAML (the key itself when present).
 */
export function locateField(object: object, path: FieldPath = []): { position: SourcePosition; document: number } | undefined {
  const record = sources.get(object);
  if (!record) return undefined;
  let node: YamlNode | null | undefined = record.node;
  let best: YamlNode = record.node;
  for (const part of path) {
    if (!node) break;
    if (isMap(node)) {
      const pair = (node as YAMLMap).items.find(
        (p) => isPair(p) && isScalar(p.key) && String((p.key as Scalar).value) === String(part),
      );
      if (!pair) break;
      best = (pair.key as YamlNode) ?? best;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = (node as YAMLSeq).items[part] as YamlNode | undefined;
      if (!item) break;
      best = item;
      node = item;
    } else {
      break;
    }
  }
  return { position: positionOf(best, record.lineCounter), document: record.document };
}

/** Fills in the YAML position of a ValidationError raised against a parsed object. */
export function attachPosition(error: ValidationError): ValidationError {
  if (error.position || !error.object) return error;
  const found = locateField(error.object, error.path ?? []);
  if (found) {
    error.position = found.position;
    error.document ??= found.document;
  }
  return error;
}

/**
 * Expands `kind: List` (and `*List`) documents into their items, as
 * `kubectl apply -f` does, keeping each item's position for error messages.
 */
export function flattenLists(manifests: readonly Manifest[]): Manifest[] {
  const out: Manifest[] = [];
  for (const manifest of manifests) {
    const { object } = manifest;
    if (!/List$/.test(object.kind) || !Array.isArray(object.items)) {
      out.push(manifest);
      continue;
    }
    object.items.forEach((item, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new ValidationError('every item of a List must be a Kubernetes object', {
          object,
          path: ['items', index],
        });
      }
      for (const field of ['apiVersion', 'kind'] as const) {
        if (typeof item[field] !== 'string' || item[field] === '') {
          throw new ValidationError('Required value: every Kubernetes object needs apiVersion and kind', {
            object,
            path: ['items', index, field],
          });
        }
      }
      const line = locateField(object, ['items', index])?.position.line ?? manifest.line;
      out.push({ document: manifest.document, line, object: item as KubeObject });
    });
  }
  return out;
}
