// What the API server adds on an update that the patch itself does not: for
// kinds whose registry strategy tracks it, metadata.generation goes up by one
// when the spec changed (e.g. pkg/registry/apps/deployment/strategy.go,
// PrepareForUpdate: "Any changes to the spec increment the generation number").
// resourceVersion, managedFields timestamps and defaults are not simulated.

import { clone, deepEqual, isMap } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';

const GENERATION_KINDS = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
  'Ingress', 'NetworkPolicy', 'PodDisruptionBudget',
]);

/**
 * @example bumpGeneration('Deployment', { metadata: { generation: 2 }, spec: { replicas: 1 } }, { metadata: { generation: 2 }, spec: { replicas: 3 } })
 *   // → { metadata: { generation: 3 }, spec: { replicas: 3 } }
 */
export function bumpGeneration(kind: string, before: JsonObject, after: JsonObject): JsonObject {
  if (!GENERATION_KINDS.has(kind)) return after;
  const metadata = isMap(after.metadata) ? after.metadata : undefined;
  const beforeMeta = isMap(before.metadata) ? before.metadata : undefined;
  if (!metadata || !beforeMeta || typeof beforeMeta.generation !== 'number') return after;
  if (deepEqual(before.spec, after.spec)) return after;
  const out = clone(after);
  (out.metadata as JsonObject).generation = beforeMeta.generation + 1;
  return out;
}

const REPLICA_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/**
 * The one API server default the simulation applies, because it changes what
 * a learner sees after an apply: `spec.replicas` absent → 1
 * (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment and friends). Returns
 * the defaulted object and the paths that were filled in.
 *
 * @example applyDefaults('Deployment', { spec: {} }) // → [{ spec: { replicas: 1 } }, ['spec.replicas']]
 */
export function applyDefaults(kind: string, obj: JsonObject): [JsonObject, string[]] {
  if (!REPLICA_KINDS.has(kind) || !isMap(obj.spec) || obj.spec.replicas !== undefined) return [obj, []];
  const out = clone(obj);
  (out.spec as JsonObject).replicas = 1;
  return [out, ['spec.replicas']];
}
