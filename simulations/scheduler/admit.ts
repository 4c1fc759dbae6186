// A run's objects into the simulated cluster, the way they got into a real one: every built-in
// object goes through a fresh virtual kube-apiserver (strict decoding, defaults, validation, the
// store), and the scheduler reads what was stored. A refusal is the learner's error, worded as
// kube-apiserver words it, at the offending field's line.
//
// A scenario is a cluster's starting state, so its objects are seeded (running Pods keep their
// nodeName and status, a Pod may already be nominated or terminating). Seeding runs no admission,
// but every Pod in a real cluster went through the Priority admission plugin when it was created:
// a seeded Pod without spec.priority is given what that plugin would have written (and refused as
// it would have been: an unknown PriorityClass, a preemptionPolicy other than its class's). A Pod
// that carries spec.priority keeps it, as a stored Pod does when its class changes later. The Pods
// of a Deployment, ReplicaSet or StatefulSet are created now, by its controller, so they go through
// the plugin whole and are created, not seeded.
// src: plugin/pkg/admission/priority/admission.go, pkg/controller/replicaset/replica_set.go (manageReplicas: Create),
//      pkg/controller/statefulset/stateful_pod_control.go (CreateStatefulPod)

import type { JsonObject } from '../apimachinery/json.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { admitPodPriority, priorityClassLister } from '../apiserver/admission/priority.ts';
import type { PriorityClassLister } from '../apiserver/admission/priority.ts';
import { decodeObject } from '../apiserver/decode/decode.ts';
import type { ApiResult } from '../apiserver/result.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects, refusal } from '../kubectl/create.ts';
import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { WorkloadSelector } from './cluster.ts';
import { expandWorkload, templatePath } from './workloads.ts';

/** A Pod as stored, and the workload whose template it was made from (error positions point there). */
export interface StoredPod {
  readonly pod: Readonly<JsonObject>;
  readonly owner: JsonObject | null;
}

/** The objects of one run as the API server stored them, in the order the scheduler walks them. */
export interface StoredScenario {
  readonly api: ApiServer;
  /** In the order written: the order nodes are listed and walked. */
  readonly nodes: readonly Readonly<JsonObject>[];
  /** Pods written and Pods made from workloads, in arrival order (PrioritySort's tie-break). */
  readonly pods: readonly StoredPod[];
  /** Every Namespace of the cluster (the three every cluster starts with, those written, those the objects name). */
  readonly namespaces: readonly Readonly<JsonObject>[];
  readonly services: readonly Readonly<JsonObject>[];
  /** ReplicaSets and StatefulSets the default spreading selector may read (a Deployment's ReplicaSet included). */
  readonly workloadSelectors: readonly WorkloadSelector[];
}

export interface ScenarioObjects {
  /** Namespaces, PriorityClasses, Nodes, Services and any other built-in object: seeded first, in this order. */
  readonly before: readonly JsonObject[];
  /** Pods and workloads in the order written: each Pod seeded, each workload seeded and its Pods created. */
  readonly podSources: readonly JsonObject[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/**
 * Seeds a scenario into a fresh API server and returns what it stored.
 *
 * @example
 *   const s = storeScenario({ before: [node], podSources: [pod] });
 *   s.pods[0].pod.spec.priority        // 0 (the Priority plugin's value when no class is the default)
 *   s.pods[0].pod.spec.restartPolicy   // 'Always' (defaulted)
 */
export function storeScenario(objects: ScenarioObjects): StoredScenario {
  const api = freshApiServer();
  const nodes: Readonly<JsonObject>[] = [];
  const services: Readonly<JsonObject>[] = [];
  for (const stored of seedAll(api, objects.before)) {
    if (stored.kind === 'Node') nodes.push(stored);
    else if (stored.kind === 'Service') services.push(stored);
  }
  // No PriorityClass is written from here on: one look at them serves every Pod.
  const classes = priorityClassLister(api, { snapshot: true });
  const pods: StoredPod[] = [];
  const workloadSelectors: WorkloadSelector[] = [];
  for (const source of objects.podSources) {
    if (!WORKLOAD_KINDS.has(String(source.kind))) {
      pods.push({ pod: seedPod(api, source, classes), owner: null });
      continue;
    }
    const [workload] = admitObjects(api, [source], 'seed');
    const expansion = expandWorkload(workload as JsonObject);
    workloadSelectors.push(...expansion.selectors);
    for (const { pod } of expansion.pods) pods.push({ pod: createPod(api, pod, classes, source), owner: source });
  }
  const namespaces = api.list('v1', 'Namespace').items ?? [];
  return { api, nodes, pods, namespaces, services, workloadSelectors };
}

/**
 * admitObjects, with one upstream quirk made findable: ValidateNode reports taint errors under
 * "metadata.taints" (validateNodeTaints(node.Spec.Taints, field.NewPath("metadata").Child("taints"))),
 * a path the learner's YAML does not have; the message keeps upstream's words, the position is spec.taints.
 */
function seedAll(api: ApiServer, objects: readonly JsonObject[]): Readonly<JsonObject>[] {
  try {
    return admitObjects(api, objects, 'seed');
  } catch (e) {
    if (e instanceof ValidationError && e.path?.[0] === 'metadata' && e.path[1] === 'taints' && asObject(e.object)?.kind === 'Node') {
      throw new ValidationError(e.reason, { object: e.object, path: ['spec', ...e.path.slice(1)], message: e.message, code: e.code });
    }
    throw e;
  }
}

/** A Pod of the starting state: what the Priority plugin wrote at its creation, when the scenario leaves spec.priority out; then seeded. */
function seedPod(api: ApiServer, raw: JsonObject, classes: PriorityClassLister): Readonly<JsonObject> {
  const spec = asObject(raw.spec);
  if (!spec || (spec.priority !== undefined && spec.priority !== null)) return admitObjects(api, [raw], 'seed')[0];
  // The plugin works on the three fields it reads; the Pod is then copied once with what it wrote.
  const fields: JsonObject = { spec: priorityFields(spec) };
  const refused = admitPodPriority(fields, podName(raw), classes);
  const admitted: JsonObject = { ...raw, spec: { ...spec, ...(fields.spec as JsonObject) } };
  if (refused) {
    // Decoding comes before admission: a Pod the decoder refuses gets the decoder's error.
    if (!decodeObject(raw).ok) admitObjects(api, [raw], 'seed');
    throw priorityRefusal(refused, raw, []);
  }
  try {
    return admitObjects(api, [admitted], 'seed')[0];
  } catch (e) {
    // The error is about the Pod the learner wrote: point at it, not at the admitted copy.
    if (e instanceof ValidationError && e.object === admitted) throw new ValidationError(e.reason, { object: raw, path: e.path, message: e.message, code: e.code });
    throw e;
  }
}

/** A Pod a workload's controller creates: the Priority plugin, then a create (the namespace exists: the workload is in it). */
function createPod(api: ApiServer, pod: JsonObject, classes: PriorityClassLister, workload: JsonObject): Readonly<JsonObject> {
  const refused = admitPodPriority(pod, podName(pod), classes);
  if (refused) throw priorityRefusal(refused, workload, ['spec', 'template']);
  const result = api.create(pod);
  // A create answers with the stored object.
  if (result.code < 400 && result.object) return result.object as Readonly<JsonObject>;
  const e = refusal(result, pod);
  // A field of the Pod is a field of the template; anything else (a Pod of that name exists) is about the workload's name.
  const path = e.path?.[0] === 'spec' ? templatePath(e.path) : ['metadata', 'name'];
  throw new ValidationError(e.reason, { object: workload, path, message: e.message, code: e.code });
}

/** The Priority plugin's refusal at the field it is about, under `prefix` (the template of a workload). */
function priorityRefusal(result: ApiResult, object: JsonObject, prefix: FieldPath): ValidationError {
  const message = result.message ?? '';
  const field = /no PriorityClass with name/.test(message) ? 'priorityClassName' : /value of priority/.test(message) ? 'priority' : 'preemptionPolicy';
  return new ValidationError(message, { object, path: [...prefix, 'spec', field], message, code: 'api' });
}

function priorityFields(spec: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (spec.priorityClassName !== undefined) out.priorityClassName = spec.priorityClassName;
  if (spec.priority !== undefined) out.priority = spec.priority;
  if (spec.preemptionPolicy !== undefined) out.preemptionPolicy = spec.preemptionPolicy;
  return out;
}

function podName(pod: JsonObject): string {
  const meta = asObject(pod.metadata);
  return asString(meta?.name) || asString(meta?.generateName);
}
