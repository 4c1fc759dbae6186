// SetObjectDefaults_<Kind> for every built-in kind: the defaults the API
// server applies when it decodes an object.
// src: pkg/apis/<group>/<version>/defaults.go and zz_generated.defaults.go;
//      the `+default=` markers of k8s.io/api v0.36 types.go.
//
// Feature gates are fixed at their v1.36 defaults (pkg/features/kube_features.go):
// PodLevelResources on (beta since 1.34), ImageVolume on (GA), MaxUnavailableStatefulSet
// on (beta since 1.35), JobPodReplacementPolicy and StatefulSetAutoDeletePVC on (GA).

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject, asString } from '../../apimachinery/json.ts';
import { clone } from '../../apimachinery/go-values.ts';
import { setObjectDefaultsCustomResourceDefinition } from './apiextensions-v1.ts';
import { setObjectDefaultsDaemonSet, setObjectDefaultsDeployment, setObjectDefaultsReplicaSet, setObjectDefaultsStatefulSet } from './apps-v1.ts';
import { setObjectDefaultsHorizontalPodAutoscaler } from './autoscaling-v2.ts';
import { setObjectDefaultsCronJob, setObjectDefaultsJob } from './batch-v1.ts';
import {
  setObjectDefaultsConfigMap,
  setObjectDefaultsLimitRange,
  setObjectDefaultsNamespace,
  setObjectDefaultsNode,
  setObjectDefaultsPersistentVolume,
  setObjectDefaultsPersistentVolumeClaim,
  setObjectDefaultsResourceQuota,
  setObjectDefaultsSecret,
} from './core-v1.ts';
import { setObjectDefaultsEndpointSlice } from './discovery-v1.ts';
import { setObjectDefaultsIngressClass, setObjectDefaultsNetworkPolicy } from './networking-v1.ts';
import { setObjectDefaultsPod } from './pod.ts';
import { setObjectDefaultsBinding } from './rbac-v1.ts';
import { setObjectDefaultsPriorityClass } from './scheduling-v1.ts';
import { setObjectDefaultsEndpoints, setObjectDefaultsService } from './service.ts';
import { setObjectDefaultsStorageClass } from './storage-v1.ts';

/** Fills in defaults in place. */
export type Defaulter = (obj: JsonObject) => void;

/** A kind whose group's RegisterDefaults registers no defaulter for it. */
const none: Defaulter = () => {};

/** Defaulters by kind key ("v1/Pod", "apps/v1/Deployment"). */
export const DEFAULTERS: Readonly<Record<string, Defaulter>> = {
  'v1/ConfigMap': setObjectDefaultsConfigMap,
  'v1/Endpoints': setObjectDefaultsEndpoints,
  // core/v1 registers no defaulter for Event or ServiceAccount.
  'v1/Event': none,
  'v1/LimitRange': setObjectDefaultsLimitRange,
  'v1/Namespace': setObjectDefaultsNamespace,
  'v1/Node': setObjectDefaultsNode,
  'v1/PersistentVolumeClaim': setObjectDefaultsPersistentVolumeClaim,
  'v1/PersistentVolume': setObjectDefaultsPersistentVolume,
  'v1/Pod': setObjectDefaultsPod,
  'v1/ResourceQuota': setObjectDefaultsResourceQuota,
  'v1/Secret': setObjectDefaultsSecret,
  'v1/ServiceAccount': none,
  'v1/Service': setObjectDefaultsService,
  'apiextensions.k8s.io/v1/CustomResourceDefinition': setObjectDefaultsCustomResourceDefinition,
  'apps/v1/ControllerRevision': none,
  'apps/v1/DaemonSet': setObjectDefaultsDaemonSet,
  'apps/v1/Deployment': setObjectDefaultsDeployment,
  'apps/v1/ReplicaSet': setObjectDefaultsReplicaSet,
  'apps/v1/StatefulSet': setObjectDefaultsStatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': setObjectDefaultsHorizontalPodAutoscaler,
  'batch/v1/CronJob': setObjectDefaultsCronJob,
  'batch/v1/Job': setObjectDefaultsJob,
  // coordination/v1 has no defaults.go.
  'coordination.k8s.io/v1/Lease': none,
  'discovery.k8s.io/v1/EndpointSlice': setObjectDefaultsEndpointSlice,
  'networking.k8s.io/v1/IngressClass': setObjectDefaultsIngressClass,
  // Ingress v1 has no defaulter: pathType is required in v1.
  'networking.k8s.io/v1/Ingress': none,
  'networking.k8s.io/v1/NetworkPolicy': setObjectDefaultsNetworkPolicy,
  // policy/v1 has no defaults.go: a PodDisruptionBudget is stored as written.
  'policy/v1/PodDisruptionBudget': none,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': setObjectDefaultsBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': none,
  'rbac.authorization.k8s.io/v1/RoleBinding': setObjectDefaultsBinding,
  'rbac.authorization.k8s.io/v1/Role': none,
  'scheduling.k8s.io/v1/PriorityClass': setObjectDefaultsPriorityClass,
  'storage.k8s.io/v1/StorageClass': setObjectDefaultsStorageClass,
};

/** The defaulter of a kind key, or undefined for a kind this API server does not serve. */
export function defaulterFor(key: string): Defaulter | undefined {
  return Object.prototype.hasOwnProperty.call(DEFAULTERS, key) ? DEFAULTERS[key] : undefined;
}

/**
 * The object as the API server would default it on decode: a deep copy with
 * its kind's SetObjectDefaults_<Kind> applied. An unknown kind (or a
 * non-object) comes back copied and unchanged; the input is never modified.
 *
 * @example
 *   defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: {}, spec: { ports: [{ port: 1234 }] } })
 *   // → spec: { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster',
 *   //           ports: [{ port: 1234, protocol: 'TCP', targetPort: 1234 }] }
 */
export function defaultObject(obj: object): object {
  const copy = clone(obj as JsonObject);
  const o = asObject(copy);
  if (!o) return copy;
  const defaulter = defaulterFor(`${asString(o.apiVersion)}/${asString(o.kind)}`);
  if (defaulter) defaulter(o);
  return o;
}
