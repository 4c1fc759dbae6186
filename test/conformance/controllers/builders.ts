// Builders shaped like upstream's test helpers, so each table reads like its
// Go original: newDeployment(name, replicas, revisionHistoryLimit, maxSurge,
// maxUnavailable, selector) and rs(name, replicas, selector, timestamp) from
// pkg/controller/deployment/deployment_controller_test.go.

import type { Deployment, IntOrString, ReplicaSet } from '../../../simulations/controllers/types.ts';

export function newDeployment(name: string, replicas: number, maxSurge?: IntOrString | null, maxUnavailable?: IntOrString | null, selector: Record<string, string> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations: {} },
    spec: {
      replicas,
      selector: { matchLabels: selector },
      // newDeployment starts from 0/0 and overrides with the non-nil arguments.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: maxSurge ?? 0, maxUnavailable: maxUnavailable ?? 0 } },
      template: { metadata: { labels: { ...selector } }, spec: { containers: [{ name: 'foo', image: 'foo/bar' }] } },
    },
  };
}

export function rs(name: string, replicas: number, timestamp: string | null = null, available?: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', creationTimestamp: timestamp },
    spec: { replicas },
    status: { replicas, availableReplicas: available ?? replicas },
  };
}

/** deploymentutil.SetReplicasAnnotations(rs, desired, desired + MaxSurge(oldDeployment)), as TestScale prepares each ReplicaSet. */
export function withReplicasAnnotations(replicaSet: ReplicaSet, desired: number, max: number): ReplicaSet {
  replicaSet.metadata = { ...replicaSet.metadata, annotations: { ...(replicaSet.metadata?.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(max) } };
  return replicaSet;
}
