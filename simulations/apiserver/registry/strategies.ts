// Each built-in kind's strategy, as its pkg/registry/<group>/<kind>/strategy.go
// chooses: what a new object's status starts as, whether the kind keeps a
// generation, whether a PUT may create or overwrite without a resourceVersion,
// and (Pods only) graceful deletion.

import { asList, asObject, asOptionalInt, asString } from '../../apimachinery/json.ts';
import type { JsonObject } from '../../apimachinery/json.ts';
import { deepCopy } from '../../apimachinery/deep-copy.ts';
import { lookupKind, kindKey, KINDS, apiVersionOf } from '../kinds.ts';
import { computePodQOS } from '../pod-qos.ts';
import { jsonEqual, makeStrategy, RESET_FOR_STATUS } from './strategy.ts';
import type { Strategy } from './strategy.ts';
import { DEPRECATED_TEMPLATE_GENERATION } from '../validation/apps/internal-meta.ts';

function metaOf(obj: JsonObject): JsonObject {
  const m = asObject(obj.metadata);
  if (m) return m;
  const fresh: JsonObject = {};
  obj.metadata = fresh;
  return fresh;
}

function specOf(obj: JsonObject): JsonObject {
  const s = asObject(obj.spec);
  if (s) return s;
  const fresh: JsonObject = {};
  obj.spec = fresh;
  return fresh;
}

/**
 * Pods: status starts as phase Pending with the QoS class; scheduling gates
 * add PodScheduled=False/SchedulingGated; generation 1, bumped on spec change;
 * graceful deletion with the Pod's grace period, or at once when unscheduled or finished.
 * src: pkg/registry/core/pod/strategy.go (PrepareForCreate, applySchedulingGatedCondition,
 *      updatePodGeneration, CheckGracefulDelete)
 */
const podStrategy = makeStrategy(true, {
  generation: true,
  initialStatus: (pod) => ({ phase: 'Pending', qosClass: computePodQOS(pod as never) }),
  statusKeepsMetadata: ['ownerReferences'],
  extraCreate(pod) {
    if (asList(asObject(pod.spec)?.schedulingGates).length > 0) {
      const status = asObject(pod.status) as JsonObject;
      status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }];
    }
  },
  gracePeriodSeconds(pod, requested) {
    const spec = asObject(pod.spec);
    let period = requested ?? asOptionalInt(spec?.terminationGracePeriodSeconds) ?? 0;
    if (asString(spec?.nodeName) === '') period = 0; // not scheduled: nothing to stop
    const phase = asString(asObject(pod.status)?.phase);
    if (phase === 'Failed' || phase === 'Succeeded') period = 0; // already finished
    return period < 0 ? 1 : period;
  },
});

/**
 * Namespaces start Active with the `kubernetes` finalizer in spec.finalizers
 * (the namespace controller removes it once the namespace is empty) and always
 * carry the label kubernetes.io/metadata.name.
 * src: pkg/registry/core/namespace/strategy.go (PrepareForCreate, PrepareForUpdate, Canonicalize)
 */
const namespaceStrategy = makeStrategy(true, {
  initialStatus: () => ({ phase: 'Active' }),
  extraCreate(ns) {
    const spec = specOf(ns);
    const finalizers = asList(spec.finalizers).filter((f): f is string => typeof f === 'string');
    if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes');
    spec.finalizers = finalizers;
    nameLabel(ns);
  },
  extraUpdate(ns, old) {
    // spec.finalizers only change through the /finalize subresource.
    const oldSpec = asObject(old.spec);
    if (oldSpec && oldSpec.finalizers !== undefined) specOf(ns).finalizers = deepCopy(oldSpec.finalizers);
    else if (asObject(ns.spec)) delete specOf(ns).finalizers;
    nameLabel(ns);
  },
});

function nameLabel(ns: JsonObject): void {
  const meta = metaOf(ns);
  const labels = asObject(meta.labels) ?? {};
  labels['kubernetes.io/metadata.name'] = asString(meta.name);
  meta.labels = labels;
}

/**
 * Jobs: unless spec.manualSelector, the API server adds the job-name and
 * controller-uid labels to the template and selects on the controller-uid.
 * src: pkg/registry/batch/job/strategy.go (PrepareForCreate, generateSelector)
 */
const jobStrategy = makeStrategy(true, {
  generation: true,
  initialStatus: () => ({}),
  extraCreate(job) {
    if (asObject(job.spec)?.manualSelector === true) return;
    const meta = metaOf(job);
    const spec = specOf(job);
    const template = asObject(spec.template) ?? {};
    spec.template = template;
    const templateMeta = asObject(template.metadata) ?? {};
    template.metadata = templateMeta;
    const labels = asObject(templateMeta.labels) ?? {};
    templateMeta.labels = labels;
    for (const key of ['job-name', 'batch.kubernetes.io/job-name']) if (!(key in labels)) labels[key] = asString(meta.name);
    for (const key of ['controller-uid', 'batch.kubernetes.io/controller-uid']) if (!(key in labels)) labels[key] = asString(meta.uid);
    const selector = asObject(spec.selector) ?? {};
    spec.selector = selector;
    const matchLabels = asObject(selector.matchLabels) ?? {};
    selector.matchLabels = matchLabels;
    if (!('batch.kubernetes.io/controller-uid' in matchLabels)) matchLabels['batch.kubernetes.io/controller-uid'] = asString(meta.uid);
  },
});

const workload = (extra: Parameters<typeof makeStrategy>[1] = {}) => makeStrategy(true, { generation: true, initialStatus: () => ({}), ...extra });

/** Strategies that differ from "no status, no generation, PUT needs an existing object". */
const STRATEGIES: Record<string, Strategy> = {
  'v1/Pod': podStrategy,
  'v1/Namespace': namespaceStrategy,
  // Nodes register with their status (the kubelet posts it on create). src: pkg/registry/core/node/strategy.go
  'v1/Node': makeStrategy(true, { keepStatusOnCreate: true }),
  // src: pkg/registry/core/service/strategy.go (ClusterIPs are allocated by the REST storage, see service-allocation.ts)
  'v1/Service': makeStrategy(true, { initialStatus: () => ({ loadBalancer: {} }), statusKeepsMetadata: RESET_FOR_STATUS }),
  // src: pkg/registry/core/persistentvolume/strategy.go, persistentvolumeclaim/strategy.go
  'v1/PersistentVolume': makeStrategy(true, { initialStatus: () => ({ phase: 'Pending' }) }),
  'v1/PersistentVolumeClaim': makeStrategy(true, { initialStatus: () => ({ phase: 'Pending' }) }),
  'v1/ResourceQuota': makeStrategy(true, { initialStatus: () => ({}) }),
  // Kinds a PUT may create. src: pkg/registry/core/{endpoint,event,limitrange}/strategy.go, coordination/lease, rbac/*
  'v1/Endpoints': makeStrategy(false, { allowCreateOnUpdate: true }),
  'v1/Event': makeStrategy(false, { allowCreateOnUpdate: true }),
  'v1/LimitRange': makeStrategy(false, { allowCreateOnUpdate: true }),
  'coordination.k8s.io/v1/Lease': makeStrategy(false, { allowCreateOnUpdate: true }),
  'rbac.authorization.k8s.io/v1/Role': makeStrategy(false, { allowCreateOnUpdate: true }),
  'rbac.authorization.k8s.io/v1/ClusterRole': makeStrategy(false, { allowCreateOnUpdate: true }),
  'rbac.authorization.k8s.io/v1/RoleBinding': makeStrategy(false, { allowCreateOnUpdate: true }),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': makeStrategy(false, { allowCreateOnUpdate: true }),
  // Workloads: status reset, generation 1, bumped on spec changes. src: pkg/registry/apps/*/strategy.go
  // Deployments also bump on annotation changes: they are copied onto ReplicaSets.
  'apps/v1/Deployment': workload({ generationFields: ['spec'], statusKeepsMetadata: ['labels'], extraUpdate: deploymentAnnotationsBump }),
  'apps/v1/ReplicaSet': workload({ statusKeepsMetadata: ['labels'] }),
  'apps/v1/StatefulSet': workload(),
  'apps/v1/DaemonSet': workload({ statusKeepsMetadata: ['labels'], extraCreate: daemonSetTemplateGenerationOnCreate, extraUpdate: daemonSetTemplateGenerationOnUpdate }),
  'batch/v1/Job': jobStrategy,
  'batch/v1/CronJob': workload(),
  'autoscaling/v2/HorizontalPodAutoscaler': makeStrategy(true, { initialStatus: () => ({}) }),
  'policy/v1/PodDisruptionBudget': workload(),
  'networking.k8s.io/v1/Ingress': workload(),
  'networking.k8s.io/v1/NetworkPolicy': makeStrategy(false, { generation: true }),
  'apiextensions.k8s.io/v1/CustomResourceDefinition': workload({ initialStatus: crdInitialStatus }),
};

/** src: pkg/registry/apps/deployment/strategy.go PrepareForUpdate ("annotation updates bump the generation"). */
/**
 * A DaemonSet's template generation, which apps/v1 carries in the annotation
 * deprecated.daemonset.template.generation (the internal spec.templateGeneration,
 * pkg/apis/apps/v1/conversion.go): at least 1 on create; on update the client's
 * value is replaced by the stored one, plus one when the Pod template changed.
 * The controller labels its Pods with it (pod-template-generation).
 * src: pkg/registry/apps/daemonset/strategy.go (PrepareForCreate, PrepareForUpdate)
 */
function daemonSetTemplateGenerationOnCreate(ds: JsonObject): void {
  const annotations = annotationsOf(ds);
  const given = templateGenerationOf(annotations);
  // A value that is not an integer is the decoder's and validation's to refuse.
  if (given === 'unparsable') return;
  if (given === undefined || given < 1) annotations[DEPRECATED_TEMPLATE_GENERATION] = '1';
}

function daemonSetTemplateGenerationOnUpdate(ds: JsonObject, old: Readonly<JsonObject>): void {
  const annotations = annotationsOf(ds);
  if (templateGenerationOf(annotations) === 'unparsable') return;
  const stored = templateGenerationOf(asObject(asObject(old.metadata)?.annotations) ?? {});
  const oldGeneration = typeof stored === 'number' ? stored : 0;
  const templateChanged = !jsonEqual(asObject(ds.spec)?.template, asObject(old.spec)?.template);
  annotations[DEPRECATED_TEMPLATE_GENERATION] = String(oldGeneration + (templateChanged ? 1 : 0));
}

function annotationsOf(obj: JsonObject): JsonObject {
  const m = metaOf(obj);
  const existing = asObject(m.annotations);
  if (existing) return existing;
  const created: JsonObject = {};
  m.annotations = created;
  return created;
}

function templateGenerationOf(annotations: Readonly<JsonObject>): number | undefined | 'unparsable' {
  const value = annotations[DEPRECATED_TEMPLATE_GENERATION];
  if (value === undefined) return undefined;
  return typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : 'unparsable';
}

function deploymentAnnotationsBump(obj: JsonObject, old: Readonly<JsonObject>): void {
  const meta = metaOf(obj);
  const oldMeta = asObject(old.metadata);
  const oldGen = typeof oldMeta?.generation === 'number' ? oldMeta.generation : 0;
  if (!jsonEqual(oldMeta?.annotations ?? {}, meta.annotations ?? {}) && meta.generation === oldGen) meta.generation = oldGen + 1;
}

/** A new CRD records its storage version. src: staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresourcedefinition/strategy.go */
function crdInitialStatus(crd: JsonObject): JsonObject {
  const storage = asList(asObject(crd.spec)?.versions)
    .map((v) => asObject(v))
    .find((v) => v?.storage === true);
  return { storedVersions: storage ? [asString(storage.name)] : [] };
}

const DEFAULT_STRATEGY: Strategy = makeStrategy(false);

/** The strategy of a kind ("apps/v1/Deployment"). */
export function strategyFor(key: string): Strategy {
  if (Object.prototype.hasOwnProperty.call(STRATEGIES, key)) return STRATEGIES[key];
  const [apiVersion, kind] = splitKey(key);
  const info = lookupKind(apiVersion, kind);
  return info?.hasStatus ? makeStrategy(true, { initialStatus: () => ({}) }) : DEFAULT_STRATEGY;
}

function splitKey(key: string): [string, string] {
  const i = key.lastIndexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Every kind has a strategy (checked by tests). */
export const STRATEGY_KEYS: readonly string[] = KINDS.map((info) => kindKey(apiVersionOf(info), info.kind));
