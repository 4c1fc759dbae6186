// Reads a simulation cell: real Kubernetes YAML, plus an optional scenario
// document.
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: ApplyScenario
//   mode: client-side        # client-side (default) | server-side | patch
//   namespace: default       # the kubeconfig context's namespace
//   overwrite: true          # client-side: kubectl apply --overwrite (false = conflict check)
//   fieldManager: kubectl    # server-side: --field-manager
//   forceConflicts: false    # server-side: --force-conflicts
//   patchType: strategic     # patch: strategic | merge (kubectl patch --type)
//   patch: {...}             # patch: the patch to apply to the live object
//
// Objects the cluster already has (as `kubectl get -o yaml` shows them) carry
// the annotation `kube-notebook.dev/live: "true"`, which is removed before
// anything else looks at them. Every other object is your file, applied in
// order. `kind: List` documents are expanded, as kubectl does.

import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { DEFAULT_YAML_LIMITS, flattenLists } from '../shared/yaml.ts';
import { jsonNestingDepth } from '../shared/json-nesting.ts';
import type { Manifest } from '../shared/yaml.ts';
import { clone, isMap } from '../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../apimachinery/go-values.ts';
import { LAST_APPLIED, TOTAL_ANNOTATION_SIZE_LIMIT, annotationBytes, getModifiedConfiguration, lastAppliedText } from '../kubectl/apply/last-applied.ts';
import { decodeManagedFields } from '../apiserver/field-manager/managed-fields.ts';
import { schemaFor } from '../kubectl/apply/scheme.ts';
import { SchemaNode } from '../apimachinery/strategic-merge-patch/patch-meta.ts';

export const SCENARIO_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const SCENARIO_KIND = 'ApplyScenario';
export const LIVE_ANNOTATION = 'kube-notebook.dev/live';

export type Mode = 'client-side' | 'server-side' | 'patch';

export interface ScenarioOptions {
  mode: Mode;
  namespace: string;
  overwrite: boolean;
  fieldManager: string;
  forceConflicts: boolean;
  patchType: 'strategic' | 'merge';
  patch: JsonObject | null;
  fileName: string;
}

export interface ApplyInput {
  options: ScenarioOptions;
  /** The cluster's objects (marker annotation removed); `source` is the parsed document, for error positions. */
  live: { object: JsonObject; source: JsonObject }[];
  /** Your file's objects, in order. */
  config: { object: JsonObject; source: JsonObject }[];
}

export const DEFAULT_OPTIONS: ScenarioOptions = {
  mode: 'client-side',
  namespace: 'default',
  overwrite: true,
  fieldManager: 'kubectl',
  forceConflicts: false,
  patchType: 'strategic',
  patch: null,
  fileName: 'config.yaml',
};

const SCENARIO_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'mode', 'namespace', 'overwrite', 'fieldManager', 'forceConflicts', 'patchType', 'patch']);

/**
 * Validates the cell's manifests (throws ValidationError with object and path).
 *
 * @example readInput(parseManifests(cellText)) // → { options: { mode: 'client-side', ... }, live: [...], config: [...] }
 */
export function readInput(manifests: readonly Manifest[]): ApplyInput {
  let options: ScenarioOptions = { ...DEFAULT_OPTIONS };
  let sawScenario = false;
  const live: ApplyInput['live'] = [];
  const config: ApplyInput['config'] = [];
  for (const manifest of flattenLists(manifests)) {
    const object = manifest.object as JsonObject;
    if (object.apiVersion === SCENARIO_API_VERSION || object.kind === SCENARIO_KIND) {
      if (sawScenario) throw new ValidationError('only one ApplyScenario document is allowed', { object, path: ['kind'] });
      sawScenario = true;
      options = readScenario(object);
      continue;
    }
    checkObject(object);
    const annotations = (object.metadata as JsonObject).annotations;
    const isLive = isMap(annotations ?? null) && Object.prototype.hasOwnProperty.call(annotations, LIVE_ANNOTATION);
    if (isLive) {
      const marker = (annotations as JsonObject)[LIVE_ANNOTATION];
      if (marker !== 'true') {
        throw new ValidationError(`Unsupported value: ${JSON.stringify(marker)}: supported values: "true"`, {
          object: annotations as JsonObject,
          path: [LIVE_ANNOTATION],
        });
      }
      const copy = clone(object);
      const copyAnnotations = (copy.metadata as JsonObject).annotations as JsonObject;
      delete copyAnnotations[LIVE_ANNOTATION];
      if (Object.keys(copyAnnotations).length === 0) delete (copy.metadata as JsonObject).annotations;
      checkLive(copy, object);
      const key = identity(copy, options.namespace);
      if (live.some((l) => identity(l.object, options.namespace) === key)) {
        throw new ValidationError('the cluster cannot hold two objects with the same kind, namespace and name', { object, path: ['metadata', 'name'] });
      }
      live.push({ object: copy, source: object });
    } else {
      checkConfig(object);
      config.push({ object, source: object });
    }
  }
  if (options.mode === 'patch') {
    if (live.length !== 1) {
      throw new ValidationError(`mode: patch needs exactly one live object (marked ${LIVE_ANNOTATION}: "true"), found ${live.length}`, {
        object: manifests[0]?.object,
        path: [],
      });
    }
    checkDirectives(options.patch ?? {}, ['patch']);
  } else if (config.length === 0) {
    throw new ValidationError('Required value: no file to apply: add at least one object without the kube-notebook.dev/live annotation', {
      object: manifests[manifests.length - 1]?.object,
      path: [],
    });
  }
  return { options, live, config };
}

/** Identity as kubectl finds objects: group, kind, namespace, name. */
export function identity(object: JsonObject, defaultNamespace: string): string {
  const apiVersion = String(object.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const metadata = object.metadata as JsonObject;
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : defaultNamespace;
  return `${group}|${String(object.kind)}|${namespace}|${String(metadata.name)}`;
}

function readScenario(doc: JsonObject): ScenarioOptions {
  if (doc.apiVersion !== SCENARIO_API_VERSION) {
    throw new ValidationError(`Unsupported value: ${JSON.stringify(doc.apiVersion)}: supported values: "${SCENARIO_API_VERSION}"`, { object: doc, path: ['apiVersion'] });
  }
  if (doc.kind !== SCENARIO_KIND) {
    throw new ValidationError(`Unsupported value: ${JSON.stringify(doc.kind)}: supported values: "${SCENARIO_KIND}"`, { object: doc, path: ['kind'] });
  }
  for (const key of Object.keys(doc)) {
    if (!SCENARIO_FIELDS.has(key)) throw new ValidationError(`unknown field "${key}"`, { object: doc, path: [key] });
  }
  const out: ScenarioOptions = { ...DEFAULT_OPTIONS };
  const oneOf = <T extends string>(key: string, values: readonly T[]): T | undefined => {
    const v = doc[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !values.includes(v as T)) {
      throw new ValidationError(`Unsupported value: ${JSON.stringify(v)}: supported values: ${values.map((x) => `"${x}"`).join(', ')}`, {
        object: doc,
        path: [key],
      });
    }
    return v as T;
  };
  const bool = (key: string): boolean | undefined => {
    const v = doc[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new ValidationError(`Invalid value: ${JSON.stringify(v)}: must be true or false`, { object: doc, path: [key] });
    return v;
  };
  out.mode = oneOf('mode', ['client-side', 'server-side', 'patch'] as const) ?? out.mode;
  out.patchType = oneOf('patchType', ['strategic', 'merge'] as const) ?? out.patchType;
  out.overwrite = bool('overwrite') ?? out.overwrite;
  out.forceConflicts = bool('forceConflicts') ?? out.forceConflicts;
  if (doc.namespace !== undefined) {
    if (typeof doc.namespace !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(doc.namespace)) {
      throw new ValidationError(`Invalid value: ${JSON.stringify(doc.namespace)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`, {
        object: doc,
        path: ['namespace'],
      });
    }
    out.namespace = doc.namespace;
  }
  if (doc.fieldManager !== undefined) {
    if (typeof doc.fieldManager !== 'string' || doc.fieldManager === '' || doc.fieldManager.length > 128) {
      throw new ValidationError('Invalid value: fieldManager must be a non-empty string of at most 128 characters', { object: doc, path: ['fieldManager'] });
    }
    out.fieldManager = doc.fieldManager;
  }
  if (doc.patch !== undefined) {
    if (!isMap(doc.patch)) throw new ValidationError('Invalid value: the patch must be a mapping', { object: doc, path: ['patch'] });
    if (out.mode !== 'patch') throw new ValidationError('Forbidden: patch is only used with mode: patch', { object: doc, path: ['patch'] });
    out.patch = doc.patch;
  } else if (out.mode === 'patch') {
    throw new ValidationError('Required value: mode: patch needs a patch', { object: doc, path: ['patch'] });
  }
  return out;
}

function checkObject(object: JsonObject): void {
  const metadata = object.metadata;
  if (!isMap(metadata ?? null)) {
    throw new ValidationError('Required value: every object needs metadata with a name', { object, path: ['metadata'] });
  }
  const meta = metadata as JsonObject;
  if (typeof meta.name !== 'string' || meta.name === '') {
    // kubectl: "resource name may not be empty"
    throw new ValidationError('Required value: resource name may not be empty', { object, path: ['metadata', 'name'] });
  }
  if (meta.generateName !== undefined) {
    throw new ValidationError('Forbidden: cannot use generate name with apply', { object, path: ['metadata', 'generateName'] });
  }
  for (const field of ['labels', 'annotations'] as const) {
    const m = meta[field];
    if (m === undefined || m === null) continue;
    if (!isMap(m)) throw new ValidationError(`Invalid value: ${field} must be a mapping of strings`, { object, path: ['metadata', field] });
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== 'string') {
        // What decoding into ObjectMeta reports.
        throw new ValidationError(`json: cannot unmarshal ${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v} into Go struct field ObjectMeta.metadata.${field} of type string`, {
          object: m,
          path: [k],
        });
      }
    }
  }
  checkLastAppliedNesting(object);
}

/** Where the last-applied annotation is written, from the object's root (for the error's line and path). */
const LAST_APPLIED_PATH = ['metadata', 'annotations', LAST_APPLIED];

/**
 * The last-applied annotation is JSON inside a YAML string, out of the YAML
 * reader's sight: it gets the same nesting limit here, in your file as on live
 * objects (server-side apply keeps a file's annotation, and a later apply of
 * the same object reads it back).
 */
function checkLastAppliedNesting(object: JsonObject): void {
  const text = lastAppliedText(object);
  if (text === undefined) return;
  const max = DEFAULT_YAML_LIMITS.maxDepth;
  if (jsonNestingDepth(text) > max) {
    throw new LimitExceededError(`nesting is deeper than ${max} levels in the JSON of the annotation`, { object, path: LAST_APPLIED_PATH });
  }
}

function checkConfig(object: JsonObject): void {
  const schema = schemaFor(String(object.apiVersion), String(object.kind));
  if (schema) checkMergeKeys(object, SchemaNode.root(schema), object, []);
  checkDirectives(object, []);
  const { modified } = getModifiedConfiguration(object, true);
  if (annotationBytes(modified) > TOTAL_ANNOTATION_SIZE_LIMIT) {
    throw new ValidationError(
      `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (with the last-applied-configuration annotation kubectl adds, a copy of this whole object)`,
      { object, path: ['metadata', 'annotations'] },
    );
  }
}

export function checkLive(copy: JsonObject, source: JsonObject): void {
  if (annotationBytes(copy) > TOTAL_ANNOTATION_SIZE_LIMIT) {
    throw new ValidationError(`Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`, { object: source, path: ['metadata', 'annotations'] });
  }
  const annotations = (copy.metadata as JsonObject).annotations;
  const text = isMap(annotations ?? null) ? (annotations as JsonObject)[LAST_APPLIED] : undefined;
  if (typeof text === 'string' && text !== '') {
    try {
      const parsed = JSON.parse(text) as JsonValue;
      if (!isMap(parsed)) throw new Error('not an object');
    } catch (error) {
      throw new ValidationError(`invalid JSON document: ${(error as Error).message}`, { object: source, path: LAST_APPLIED_PATH });
    }
  }
  try {
    decodeManagedFields((copy.metadata as JsonObject).managedFields);
  } catch (error) {
    throw new ValidationError((error as Error).message, { object: source, path: ['metadata', 'managedFields'] });
  }
  const schema = schemaFor(String(copy.apiVersion), String(copy.kind));
  if (schema) checkMergeKeys(copy, SchemaNode.root(schema), source, []);
}

/** Every element of a merge list needs its merge key (else upstream fails with "does not contain declared merge key"). */
function checkMergeKeys(value: JsonValue, node: SchemaNode, source: JsonObject, path: (string | number)[]): void {
  if (!isMap(value)) return;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (Array.isArray(v)) {
      let elem: SchemaNode;
      let mergeKey = '';
      let merge = false;
      try {
        const [e, meta] = node.lookupSlice(key);
        elem = e;
        mergeKey = meta.mergeKey;
        merge = meta.strategies.includes('merge');
      } catch {
        continue;
      }
      v.forEach((item, i) => {
        if (merge && mergeKey && isMap(item) && !Object.prototype.hasOwnProperty.call(item, '$patch') && !Object.prototype.hasOwnProperty.call(item, mergeKey)) {
          throw new ValidationError(`Required value: list items are merged by "${mergeKey}" (map: ... does not contain declared merge key: ${mergeKey})`, {
            object: source,
            path: [...path, key, i, mergeKey],
          });
        }
        checkMergeKeys(item, elem, source, [...path, key, i]);
      });
    } else if (isMap(v)) {
      let sub: SchemaNode;
      try {
        sub = node.lookupStruct(key)[0];
      } catch {
        continue;
      }
      checkMergeKeys(v, sub, source, [...path, key]);
    }
  }
}

const DIRECTIVES = ['delete', 'merge', 'replace'];

/** `$patch` must be delete, merge or replace (upstream: "unknown patch type: <x> in map: ..."). */
function checkDirectives(value: JsonValue, path: (string | number)[], root?: JsonObject): void {
  const top = root ?? (value as JsonObject);
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkDirectives(item, [...path, i], top));
    return;
  }
  if (!isMap(value)) return;
  if (Object.prototype.hasOwnProperty.call(value, '$patch')) {
    const d = value.$patch;
    if (typeof d !== 'string' || !DIRECTIVES.includes(d)) {
      throw new ValidationError(`Unsupported value: ${JSON.stringify(d)}: supported values: "delete", "merge", "replace" (strategic merge patch: unknown patch type)`, {
        object: value,
        path: ['$patch'],
      });
    }
  }
  for (const key of Object.keys(value)) checkDirectives(value[key], [...path, key], top);
}
