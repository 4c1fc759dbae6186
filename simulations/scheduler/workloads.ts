// Deployments, ReplicaSets and StatefulSets expanded into the Pods their controllers would create,
// with deterministic names in upstream's shapes. The engine expands the workloads as the API server
// stored them (defaulted and validated: the selector matches the template's labels, replicas are not
// negative), and the Pods then go through the API server themselves, as a controller's creates do.
// src: pkg/controller/deployment/sync.go (getNewReplicaSet: name = deployment + "-" + pod-template-hash),
//      pkg/controller/controller_utils.go (ComputeHash: rand.SafeEncodeString(fmt.Sprint(fnv32a))),
//      pkg/controller/replicaset (Pod names: generateName "<rs>-" + 5 random characters),
//      pkg/controller/statefulset/stateful_set_utils.go (names "<set>-<ordinal>", pod-name and pod-index labels).
// Upstream hashes and suffixes are random or depend on Go's printing of the template; the shapes
// here match (same alphabet and lengths), the values are derived from the manifest instead.

import type { JsonObject } from '../shared/yaml.ts';
import { Selector } from '../apimachinery/labels.ts';
import { DEFAULT_NAMESPACE, Labels as WellKnown } from './names.ts';
import { deterministicUid, fnv32a, isObject, labelsAt, objectAt, stringAt } from './read-helpers.ts';
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
    // >>> 0: XOR yields a signed 32-bit number, and a negative one would index outside the alphabet.
    h = (Math.floor(h / SAFE_ALPHABET.length) ^ fnv32a(`${seed}${i}`)) >>> 0;
  }
  return out;
}

/**
 * `<base>-<5 characters>` for each of `count` Pods, all different: five random characters repeat
 * among a few thousand names (27^5 of them, the birthday bound), and the API server then draws
 * again rather than fail the create (RetryGenerateName, GA in v1.32: storage/names, registry/generic/registry/store.go).
 */
function generatedNames(base: string, count: number): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let name = `${base}-${suffix(`${base}/${i}`)}`;
    for (let retry = 1; taken.has(name); retry++) name = `${base}-${suffix(`${base}/${i}/${retry}`)}`;
    taken.add(name);
    out.push(name);
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

const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/** spec.replicas as the controller reads it: 1 when absent (the API server defaults it); a value that is not a count asks for nothing. */
function replicasOf(obj: JsonObject): number {
  const spec = isObject(obj.spec) ? obj.spec : {};
  const n = spec.replicas ?? 1;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/** The number of Pods a workload manifest asks for (for the limit check before anything is stored or expanded). */
export function requestedReplicas(obj: JsonObject): number {
  return WORKLOAD_KINDS.has(String(obj.kind)) ? replicasOf(obj) : 0;
}

function template(obj: JsonObject): { labels: Record<string, string>; meta: JsonObject; spec: JsonObject } | null {
  const spec = objectAt(obj.spec, obj, ['spec']) ?? {};
  const tpl = objectAt(spec.template, obj, ['spec', 'template']);
  const podSpec = objectAt(tpl?.spec, obj, ['spec', 'template', 'spec']);
  if (!tpl || !podSpec) return null;
  const meta = objectAt(tpl.metadata, obj, ['spec', 'template', 'metadata']) ?? {};
  const labels = labelsAt(meta.labels, obj, ['spec', 'template', 'metadata', 'labels']);
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
  return readLabelSelector(spec.selector, obj, ['spec', 'selector']);
}

/**
 * Expands one workload (as stored: its uid names it in the Pods' ownerReferences) into the Pods its
 * controller creates.
 *
 * @example
 *   expandWorkload(deployment).pods.map((p) => p.pod.metadata.name) // ['web-5d8c9b7f6d-x2k4q', ...]
 */
export function expandWorkload(obj: JsonObject): Expansion {
  const meta = objectAt(obj.metadata, obj, ['metadata']) ?? {};
  const name = stringAt(meta.name, obj, ['metadata', 'name']) ?? '';
  const namespace = stringAt(meta.namespace, obj, ['metadata', 'namespace']) || DEFAULT_NAMESPACE;
  const storedUid = stringAt(meta.uid, obj, ['metadata', 'uid']) ?? '';
  const selector = selectorOf(obj);
  const replicas = replicasOf(obj);
  const tpl = template(obj);
  const pods: ExpandedPod[] = [];
  const selectors: WorkloadSelector[] = [];
  if (obj.kind === 'Deployment') {
    const hash = safeEncode(String(fnv32a(JSON.stringify(objectAt(obj.spec, obj, ['spec'])?.template ?? null))));
    const rsName = `${name}-${hash}`;
    // The ReplicaSet the Deployment controller would create; it is not stored here, so its uid is made up.
    const rsUid = deterministicUid(`ReplicaSet/${namespace}/${rsName}`);
    selectors.push({ kind: 'ReplicaSet', namespace, name: rsName, selector: selector.add([{ key: WellKnown.podTemplateHash, operator: 'Equals', values: [hash] }]) });
    if (tpl) {
      const podLabels = { ...tpl.labels, [WellKnown.podTemplateHash]: hash };
      for (const podName of generatedNames(rsName, replicas)) {
        pods.push({ pod: podFrom(podName, namespace, podLabels, tpl.meta, tpl.spec, { kind: 'ReplicaSet', name: rsName, uid: rsUid }), owner: obj });
      }
    }
  } else if (obj.kind === 'ReplicaSet') {
    const uid = storedUid || deterministicUid(`ReplicaSet/${namespace}/${name}`);
    selectors.push({ kind: 'ReplicaSet', namespace, name, selector });
    if (tpl) {
      for (const podName of generatedNames(name, replicas)) {
        pods.push({ pod: podFrom(podName, namespace, tpl.labels, tpl.meta, tpl.spec, { kind: 'ReplicaSet', name, uid }), owner: obj });
      }
    }
  } else if (obj.kind === 'StatefulSet') {
    const uid = storedUid || deterministicUid(`StatefulSet/${namespace}/${name}`);
    selectors.push({ kind: 'StatefulSet', namespace, name, selector });
    if (tpl) {
      for (let i = 0; i < replicas; i++) {
        const podName = `${name}-${i}`;
        const podLabels = { ...tpl.labels, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) };
        pods.push({ pod: podFrom(podName, namespace, podLabels, tpl.meta, tpl.spec, { kind: 'StatefulSet', name, uid }), owner: obj });
      }
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
