// Deployments, ReplicaSets and StatefulSets expanded into the Pods their controllers would create,
// with deterministic names in upstream's shapes.
// src: pkg/controller/deployment/sync.go (getNewReplicaSet: name = deployment + "-" + pod-template-hash),
//      pkg/controller/controller_utils.go (ComputeHash: rand.SafeEncodeString(fmt.Sprint(fnv32a))),
//      pkg/controller/replicaset (Pod names: generateName "<rs>-" + 5 random characters),
//      pkg/controller/statefulset/stateful_set_utils.go (names "<set>-<ordinal>", pod-name and pod-index labels).
// Upstream hashes and suffixes are random or depend on Go's printing of the template; the shapes
// here match (same alphabet and lengths), the values are derived from the manifest instead.

import { ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { Selector } from '../apimachinery/labels.ts';
import { DEFAULT_NAMESPACE, Labels as WellKnown } from './names.ts';
import { deterministicUid, fnv32a, intAt, isObject, labelsAt, objectAt, required, stringAt } from './read-helpers.ts';
import { readLabelSelector } from './selector-read.ts';
import type { WorkloadSelector } from './cluster.ts';

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits that cannot spell words. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

function suffix(seed: string): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SAFE_ALPHABET[h % SAFE_ALPHABET.length];
    h = Math.floor(h / SAFE_ALPHABET.length) ^ fnv32a(`${seed}${i}`);
  }
  return out;
}

export interface ExpandedPod {
  readonly pod: JsonObject;
  /** Maps a path in the generated Pod back to the workload manifest, for error positions. */
  readonly owner: JsonObject;
}

export interface Expansion {
  readonly pods: ExpandedPod[];
  readonly selectors: WorkloadSelector[];
}

function replicasOf(obj: JsonObject): number {
  const spec = objectAt(obj.spec, obj, ['spec']) ?? {};
  const n = intAt(spec.replicas, obj, ['spec', 'replicas']) ?? 1;
  if (n < 0) throw new ValidationError(`Invalid value: ${n}: must be greater than or equal to 0`, { object: obj, path: ['spec', 'replicas'] });
  return n;
}

/** The number of Pods a workload manifest asks for (for the limit check before expanding). */
export function requestedReplicas(obj: JsonObject): number {
  return obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'StatefulSet' ? replicasOf(obj) : 0;
}

function template(obj: JsonObject, selector: Selector): { labels: Record<string, string>; meta: JsonObject; spec: JsonObject } {
  const spec = objectAt(obj.spec, obj, ['spec']) ?? {};
  const tpl = objectAt(spec.template, obj, ['spec', 'template']);
  if (!tpl) throw required(obj, ['spec', 'template']);
  const meta = objectAt(tpl.metadata, obj, ['spec', 'template', 'metadata']) ?? {};
  const labels = labelsAt(meta.labels, obj, ['spec', 'template', 'metadata', 'labels'], true);
  if (!selector.matches(labels)) {
    throw new ValidationError('Invalid value: `selector` does not match template `labels`', { object: obj, path: ['spec', 'template', 'metadata', 'labels'] });
  }
  const podSpec = objectAt(tpl.spec, obj, ['spec', 'template', 'spec']);
  if (!podSpec) throw required(obj, ['spec', 'template', 'spec']);
  return { labels, meta, spec: podSpec };
}

function podFrom(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  meta: JsonObject,
  spec: JsonObject,
  owner: { kind: string; name: string; uid: string },
): JsonObject {
  const annotations = isObject(meta.annotations) ? meta.annotations : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: { ...labels },
      ...(annotations ? { annotations } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: JSON.parse(JSON.stringify(spec)) as JsonObject,
  };
}

function selectorOf(obj: JsonObject): Selector {
  const spec = objectAt(obj.spec, obj, ['spec']) ?? {};
  if (spec.selector === undefined || spec.selector === null) throw required(obj, ['spec', 'selector']);
  const sel = readLabelSelector(spec.selector, obj, ['spec', 'selector'], { strict: true });
  if (sel.isEmpty) throw new ValidationError('Invalid value: empty selector is invalid for deployment', { object: obj, path: ['spec', 'selector'] });
  return sel;
}

/**
 * Expands one workload manifest into Pod manifests.
 *
 * @example
 *   expandWorkload(deployment).pods.map((p) => p.pod.metadata.name) // ['web-5d8c9b7f6d-x2k4q', ...]
 */
export function expandWorkload(obj: JsonObject): Expansion {
  const meta = objectAt(obj.metadata, obj, ['metadata']) ?? {};
  const name = stringAt(meta.name, obj, ['metadata', 'name']) ?? '';
  if (name === '') throw required(obj, ['metadata', 'name'], 'name or generateName is required');
  const namespace = stringAt(meta.namespace, obj, ['metadata', 'namespace']) || DEFAULT_NAMESPACE;
  const selector = selectorOf(obj);
  const replicas = replicasOf(obj);
  const { labels, meta: tplMeta, spec } = template(obj, selector);
  const pods: ExpandedPod[] = [];
  const selectors: WorkloadSelector[] = [];
  if (obj.kind === 'Deployment') {
    const hash = safeEncode(String(fnv32a(JSON.stringify(objectAt(obj.spec, obj, ['spec'])!.template))));
    const rsName = `${name}-${hash}`;
    const rsUid = deterministicUid(`ReplicaSet/${namespace}/${rsName}`);
    const podLabels = { ...labels, [WellKnown.podTemplateHash]: hash };
    selectors.push({ kind: 'ReplicaSet', namespace, name: rsName, selector: selector.add([{ key: WellKnown.podTemplateHash, operator: 'Equals', values: [hash] }]) });
    for (let i = 0; i < replicas; i++) {
      pods.push({ pod: podFrom(`${rsName}-${suffix(`${rsName}/${i}`)}`, namespace, podLabels, tplMeta, spec, { kind: 'ReplicaSet', name: rsName, uid: rsUid }), owner: obj });
    }
  } else if (obj.kind === 'ReplicaSet') {
    const uid = deterministicUid(`ReplicaSet/${namespace}/${name}`);
    selectors.push({ kind: 'ReplicaSet', namespace, name, selector });
    for (let i = 0; i < replicas; i++) {
      pods.push({ pod: podFrom(`${name}-${suffix(`${name}/${i}`)}`, namespace, labels, tplMeta, spec, { kind: 'ReplicaSet', name, uid }), owner: obj });
    }
  } else if (obj.kind === 'StatefulSet') {
    const uid = deterministicUid(`StatefulSet/${namespace}/${name}`);
    selectors.push({ kind: 'StatefulSet', namespace, name, selector });
    for (let i = 0; i < replicas; i++) {
      const podName = `${name}-${i}`;
      const podLabels = { ...labels, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) };
      pods.push({ pod: podFrom(podName, namespace, podLabels, tplMeta, spec, { kind: 'StatefulSet', name, uid }), owner: obj });
    }
  }
  return { pods, selectors };
}

/** Maps a field path in a generated Pod to the same field in its workload's template. */
export function templatePath(path: readonly (string | number)[]): (string | number)[] {
  if (path[0] === 'spec') return ['spec', 'template', ...path];
  if (path[0] === 'metadata') return ['spec', 'template', ...path];
  return ['spec', 'template'];
}
