// Reads the cell's manifests: one Pod, or one workload whose Pod template becomes
// the Pod (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob), plus an
// optional PodBehavior document. The Pod goes into the cluster the way it would
// get into a real one: created through a fresh virtual kube-apiserver (strict
// decoding, defaults, validation), a workload first and then, as its controller
// does, the Pod from its stored template. A refusal is the learner's error,
// worded as kube-apiserver words it, at the offending field's line. The kubelet
// works on the stored, defaulted Pod. The PodBehavior document is the notebook's
// own kind and is read here.

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import type { JsonObject, KubeObject, Manifest } from '../shared/yaml.ts';
import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects, refusal } from '../kubectl/create.ts';
import { fakeHex } from '../kubelet/ids.ts';
import type { Pod } from '../kubelet/types.ts';
import { BEHAVIOR_KIND, readBehavior } from './behavior-schema.ts';
import type { PodBehaviorSpec } from './behavior-schema.ts';

/** The most containers (init containers included) one simulated Pod may have. */
export const MAX_CONTAINERS = 20;

export interface Workload {
  kind: string;
  name: string;
}

export interface PodLifecycleInput {
  /** The Pod as the API server stored it: defaulted, with its uid, creationTimestamp and status.qosClass. */
  pod: Pod;
  /** The workload the Pod came from, if the input was one. */
  workload?: Workload;
  behavior: PodBehaviorSpec;
  /** Warnings the API server would have printed, and notes about ignored documents. */
  warnings: string[];
  /** The parsed Pod or workload object (for error positions). */
  source: JsonObject;
}

const WORKLOADS: Record<string, { apiVersions: string[] }> = {
  Deployment: { apiVersions: ['apps/v1'] },
  ReplicaSet: { apiVersions: ['apps/v1'] },
  StatefulSet: { apiVersions: ['apps/v1'] },
  DaemonSet: { apiVersions: ['apps/v1'] },
  Job: { apiVersions: ['batch/v1'] },
  CronJob: { apiVersions: ['batch/v1'] },
};

/** The alphabet of rand.SafeEncodeString (no vowels, no look-alikes): generated name suffixes use it. */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function safeSuffix(seed: string, length: number): string {
  const hex = fakeHex(seed, length * 2);
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % SAFE.length];
  return out;
}

/** Where the Pod template sits in a workload of this kind. */
function templatePathOf(kind: string): FieldPath {
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

/** metav1.NewControllerRef: the owner a controller writes into what it creates. */
function controllerRef(owner: Readonly<JsonObject>): JsonObject {
  const meta = asObject(owner.metadata);
  return {
    apiVersion: asString(owner.apiVersion),
    kind: asString(owner.kind),
    name: asString(meta?.name),
    uid: asString(meta?.uid),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * What a controller creates on the workload's behalf (the Deployment's
 * ReplicaSet, the CronJob's Job, the Pod): a refusal is reported on the
 * workload the learner wrote, a field of the template at the template's line.
 */
function createOwned(api: ApiServer, object: JsonObject, workload: KubeObject, prefix: FieldPath): Readonly<JsonObject> {
  const result = api.create(object);
  if (result.code < 400 && result.object) return result.object as Readonly<JsonObject>;
  const e = refusal(result, object);
  const path = e.path?.[0] === 'spec' || e.path?.[0] === 'metadata' ? [...prefix, ...(e.path ?? [])] : ['metadata', 'name'];
  throw new ValidationError(e.reason, { object: workload, path, message: e.message, code: e.code });
}

/**
 * The workload, created; then what its controllers create, down to the Pod:
 * Deployment → ReplicaSet (pod-template-hash) → Pod; CronJob → Job → Pod;
 * the others → Pod. Names, labels and the controller ownerReference as the
 * controllers write them.
 * src: pkg/controller/deployment/sync.go (getNewReplicaSet), pkg/controller/cronjob/utils.go (getJobFromTemplate2),
 *      pkg/controller/controller_utils.go (GetPodFromTemplate)
 */
function createFromWorkload(api: ApiServer, obj: KubeObject): { pod: Readonly<JsonObject>; name: string } {
  const kind = obj.kind;
  const [workload] = admitObjects(api, [obj], 'create');
  const meta = asObject(workload.metadata) as JsonObject;
  const name = asString(meta.name);
  const namespace = asString(meta.namespace);
  let owner: Readonly<JsonObject> = workload;
  let template = asObject(asObject(workload.spec)?.template) ?? {};
  let podName = `${name}-${safeSuffix(`pod:${name}`, 5)}`;
  let extraLabels: Record<string, string> = {};
  if (kind === 'Deployment') {
    const hash = safeSuffix(`pod-template-hash:${name}`, 10).slice(0, 9);
    const spec = asObject(workload.spec) as JsonObject;
    const tMeta = asObject(template.metadata) ?? {};
    const labels = { ...(asObject(tMeta.labels) ?? {}), 'pod-template-hash': hash };
    const selector = asObject(spec.selector) ?? {};
    const replicaSet: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${name}-${hash}`, namespace, labels, ownerReferences: [controllerRef(workload)] },
      spec: {
        replicas: 1,
        selector: { ...selector, matchLabels: { ...(asObject(selector.matchLabels) ?? {}), 'pod-template-hash': hash } },
        template: { ...template, metadata: { ...tMeta, labels } },
      },
    };
    owner = createOwned(api, replicaSet, obj, ['spec', 'template']);
    template = asObject(asObject(owner.spec)?.template) ?? {};
    podName = `${name}-${hash}-${safeSuffix(`pod:${name}`, 5)}`;
    extraLabels = { 'pod-template-hash': hash };
  } else if (kind === 'CronJob') {
    const jobTemplate = asObject(asObject(workload.spec)?.jobTemplate) ?? {};
    const jtMeta = asObject(jobTemplate.metadata) ?? {};
    const job: JsonObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { ...jtMeta, name: `${name}-28950720`, namespace, ownerReferences: [controllerRef(workload)] },
      spec: asObject(jobTemplate.spec) ?? {},
    };
    owner = createOwned(api, job, obj, ['spec', 'jobTemplate']);
    template = asObject(asObject(owner.spec)?.template) ?? {};
    podName = `${name}-28950720-${safeSuffix(`pod:${name}`, 5)}`;
  } else if (kind === 'StatefulSet') {
    podName = `${name}-0`;
  }
  const tMeta = asObject(template.metadata) ?? {};
  const pod: JsonObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...tMeta,
      name: podName,
      namespace,
      labels: { ...(asObject(tMeta.labels) ?? {}), ...extraLabels },
      ownerReferences: [controllerRef(owner)],
    },
    spec: asObject(template.spec) ?? {},
  };
  return { pod: createOwned(api, pod, obj, templatePathOf(kind)), name };
}

/** A namespace the cell names exists in the cluster it describes (a name that is not valid is left for the object's validation). */
function ensureNamespace(api: ApiServer, obj: KubeObject): void {
  const namespace = asString(asObject(obj.metadata)?.namespace);
  if (namespace === '' || api.peek({ apiVersion: 'v1', kind: 'Namespace', name: namespace })) return;
  api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
}

/**
 * What the API server accepts but this kubelet does not simulate: refused with
 * the reason, at the field, rather than silently ignored.
 */
function checkSimulated(pod: Pod, source: KubeObject, specPath: FieldPath): void {
  const spec = pod.spec as unknown as JsonObject;
  const inits = asList(spec.initContainers);
  const regular = asList(spec.containers);
  if (inits.length + regular.length > MAX_CONTAINERS) {
    throw new ValidationError(`Too many: ${inits.length + regular.length}: this simulation takes at most ${MAX_CONTAINERS} containers per Pod`, {
      object: source,
      path: [...specPath, 'containers'],
      code: 'limit',
    });
  }
  const notSimulated = (path: FieldPath, what: string) =>
    new ValidationError(
      `not simulated: ${what} (ContainerRestartRules, beta and on by default since v1.35) is accepted by the API server, but this kubelet restarts containers by the Pod's spec.restartPolicy only`,
      { object: source, path, code: 'limit' },
    );
  for (const [list, field] of [[inits, 'initContainers'], [regular, 'containers']] as const) {
    list.forEach((c, i) => {
      const ctr = asObject(c) ?? {};
      const path = [...specPath, field, i];
      if (asList(ctr.restartPolicyRules).length > 0) throw notSimulated([...path, 'restartPolicyRules'], 'restartPolicyRules on a container');
      const policy = asString(ctr.restartPolicy);
      if (policy === '' || (field === 'initContainers' && policy === 'Always')) return;
      throw notSimulated([...path, 'restartPolicy'], field === 'containers' ? 'restartPolicy on a regular container' : `restartPolicy ${policy} on an init container`);
    });
  }
}

/**
 * The warnings kube-apiserver returns with the Pod (the part of
 * pkg/api/pod/warnings.go GetWarningsForPodTemplate that concerns this chapter).
 */
function podWarnings(pod: Pod, specPath: FieldPath): string[] {
  const grace = pod.spec.terminationGracePeriodSeconds;
  if (grace === undefined || grace >= 0) return [];
  return [`${[...specPath, 'terminationGracePeriodSeconds'].join('.')}: must be >= 0; negative values are invalid and will be treated as 1`];
}

/**
 * The cell's input, validated.
 *
 * @example readInput(parseManifests(podYaml)) // { pod, behavior, warnings, ... }
 */
export function readInput(manifests: readonly Manifest[]): PodLifecycleInput {
  const objects = flattenLists(manifests).map((m) => m.object);
  const warnings: string[] = [];
  const pods: { obj: KubeObject; workload?: Workload }[] = [];
  const behaviors: KubeObject[] = [];
  for (const obj of objects) {
    if (obj.kind === BEHAVIOR_KIND) behaviors.push(obj);
    else if (obj.kind === 'Pod') {
      if (obj.apiVersion !== 'v1') {
        throw new ValidationError(`Unsupported value: ${JSON.stringify(obj.apiVersion)}: supported values: "v1"`, { object: obj, path: ['apiVersion'] });
      }
      pods.push({ obj });
    } else if (WORKLOADS[obj.kind]) {
      const rule = WORKLOADS[obj.kind];
      if (!rule.apiVersions.includes(obj.apiVersion)) {
        throw new ValidationError(`Unsupported value: ${JSON.stringify(obj.apiVersion)}: supported values: ${rule.apiVersions.map((v) => `"${v}"`).join(', ')}`, {
          object: obj,
          path: ['apiVersion'],
        });
      }
      pods.push({ obj, workload: { kind: obj.kind, name: asString(asObject(obj.metadata)?.name) || asString(asObject(obj.metadata)?.generateName) || 'workload' } });
    } else {
      warnings.push(`${obj.kind}/${String((obj.metadata as JsonObject | undefined)?.name ?? '')} is not simulated here (this cell follows one Pod)`);
    }
  }
  if (pods.length === 0) {
    throw new ValidationError('Required value: a Pod, or a workload with a Pod template (Deployment, Job …), to simulate', {
      object: objects[0],
      path: ['kind'],
    });
  }
  if (pods.length > 1) {
    throw new ValidationError(`Too many: ${pods.length}: this simulation follows one Pod; put one Pod or workload per cell`, {
      object: pods[1].obj,
      path: ['kind'],
      code: 'limit',
    });
  }
  if (behaviors.length > 1) {
    throw new ValidationError(`Too many: ${behaviors.length}: at most one PodBehavior document`, { object: behaviors[1], path: ['kind'], code: 'limit' });
  }
  const chosen = pods[0];
  const api = freshApiServer();
  ensureNamespace(api, chosen.obj);
  let stored: Readonly<JsonObject>;
  if (chosen.workload) {
    const created = createFromWorkload(api, chosen.obj);
    stored = created.pod;
    chosen.workload.name = created.name;
  } else {
    stored = admitObjects(api, [chosen.obj], 'create')[0];
  }
  const pod = stored as unknown as Pod;
  const specPath: FieldPath = chosen.workload ? [...templatePathOf(chosen.workload.kind), 'spec'] : ['spec'];
  checkSimulated(pod, chosen.obj, specPath);
  warnings.push(...podWarnings(pod, specPath));

  const behavior = behaviors[0] ? readBehavior(behaviors[0]) : { observeAtSeconds: [], containers: [] };
  if (behavior.podName && behavior.podName !== pod.metadata.name && behavior.podName !== chosen.workload?.name) {
    throw new ValidationError(`Not found: ${JSON.stringify(behavior.podName)}: no Pod or workload with this name in the cell`, {
      object: behaviors[0],
      path: ['metadata', 'name'],
    });
  }
  const names = new Set([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name));
  behavior.containers.forEach((c, i) => {
    if (!names.has(c.name)) {
      throw new ValidationError(
        `Not found: ${JSON.stringify(c.name)}: the Pod has no container named "${c.name}" (it has ${[...names].map((n) => `"${n}"`).join(', ')})`,
        { object: behaviors[0], path: ['spec', 'containers', i, 'name'] },
      );
    }
  });
  const specs = new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c]));
  behavior.containers.forEach((c, i) => {
    const container = specs.get(c.name);
    const path = ['spec', 'containers', i];
    for (const [probe, field] of [['liveness', 'livenessProbe'], ['readiness', 'readinessProbe'], ['startup', 'startupProbe']] as const) {
      if (c[probe] && !container?.[field]) {
        throw new ValidationError(`Invalid value: container "${c.name}" has no ${field}, so nothing would use these results`, {
          object: behaviors[0],
          path: [...path, probe],
        });
      }
    }
    if (c.preStop && !container?.lifecycle?.preStop) {
      throw new ValidationError(`Invalid value: container "${c.name}" declares no lifecycle.preStop hook`, {
        object: behaviors[0],
        path: [...path, 'preStop'],
      });
    }
  });
  return { pod, workload: chosen.workload, behavior, warnings, source: chosen.obj };
}
