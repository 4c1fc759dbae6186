// schemaFor(apiVersion, kind): the patch metadata kubectl compiles in for a
// built-in kind, or undefined for kinds outside kubectl's scheme (CRDs), which
// kubectl apply patches with a JSON merge patch instead
// (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go, patchSimple).
import type { PatchSchema } from './schema.ts';
import { metaV1, metaV1AtomicStructs } from './meta-v1.ts';
import { coreV1 } from './core-v1.ts';
import { appsV1 } from './apps-v1.ts';
import { batchV1 } from './batch-v1.ts';
import { networkingV1, otherGroups } from './networking-v1.ts';

const TYPES = { ...metaV1, ...coreV1, ...appsV1, ...batchV1, ...networkingV1, ...otherGroups };

/** Built-in group/version → kind → root type. */
const KINDS: Record<string, Record<string, string>> = {
  v1: {
    Pod: 'Pod', Service: 'Service', ConfigMap: 'ConfigMap', Secret: 'Secret', ServiceAccount: 'ServiceAccount',
    Namespace: 'Namespace', Node: 'Node', PersistentVolumeClaim: 'PersistentVolumeClaim',
    PersistentVolume: 'PersistentVolume', Endpoints: 'Endpoints', Event: 'Event', LimitRange: 'LimitRange',
    ResourceQuota: 'ResourceQuota', PodTemplate: 'PodTemplate', ReplicationController: 'ReplicationController',
  },
  'apps/v1': {
    Deployment: 'Deployment', StatefulSet: 'StatefulSet', DaemonSet: 'DaemonSet', ReplicaSet: 'ReplicaSet',
    ControllerRevision: 'ControllerRevision',
  },
  'batch/v1': { Job: 'Job', CronJob: 'CronJob' },
  'networking.k8s.io/v1': { Ingress: 'Ingress', IngressClass: 'IngressClass', NetworkPolicy: 'NetworkPolicy' },
  'policy/v1': { PodDisruptionBudget: 'PodDisruptionBudget' },
  'autoscaling/v2': { HorizontalPodAutoscaler: 'HorizontalPodAutoscaler' },
  'autoscaling/v1': { HorizontalPodAutoscaler: 'MetadataOnly' },
  'rbac.authorization.k8s.io/v1': { Role: 'MetadataOnly', ClusterRole: 'MetadataOnly', RoleBinding: 'MetadataOnly', ClusterRoleBinding: 'MetadataOnly' },
  'scheduling.k8s.io/v1': { PriorityClass: 'MetadataOnly' },
  'storage.k8s.io/v1': { StorageClass: 'MetadataOnly' },
  'discovery.k8s.io/v1': { EndpointSlice: 'MetadataOnly' },
  'coordination.k8s.io/v1': { Lease: 'MetadataOnly' },
};

const cache = new Map<string, PatchSchema>();

/**
 * The built-in patch metadata for a kind, or undefined when kubectl would not
 * know the kind (a CRD): those get a JSON merge patch.
 *
 * @example schemaFor('apps/v1', 'Deployment')?.types.DeploymentSpec.strategy.patchStrategy // "retainKeys"
 */
export function schemaFor(apiVersion: string, kind: string): PatchSchema | undefined {
  const root = Object.prototype.hasOwnProperty.call(KINDS, apiVersion) ? KINDS[apiVersion][kind] : undefined;
  if (!root || !Object.prototype.hasOwnProperty.call(KINDS[apiVersion], kind)) return undefined;
  const key = `${apiVersion}/${kind}`;
  let schema = cache.get(key);
  if (!schema) {
    schema = { root, types: TYPES, atomicStructs: metaV1AtomicStructs };
    cache.set(key, schema);
  }
  return schema;
}

/** Every built-in apiVersion/kind pair (for tests and docs). */
export function builtinKinds(): { apiVersion: string; kind: string }[] {
  return Object.entries(KINDS).flatMap(([apiVersion, kinds]) => Object.keys(kinds).map((kind) => ({ apiVersion, kind })));
}
