// The API objects the controllers read, as plain JSON manifests (apps/v1,
// batch/v1, core/v1 field names). Only the fields a rule here reads are
// typed; everything else passes through untouched.

import type { IntOrString } from '../apimachinery/intstr.ts';

export type { IntOrString };

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

export interface RollingUpdateDeployment {
  maxSurge?: IntOrString | null;
  maxUnavailable?: IntOrString | null;
}

export interface Deployment extends KubeObject {
  spec?: {
    replicas?: number;
    paused?: boolean;
    progressDeadlineSeconds?: number;
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
    strategy?: { type?: string; rollingUpdate?: RollingUpdateDeployment | null };
    [key: string]: unknown;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    terminatingReplicas?: number;
    conditions?: { type?: string; status?: string; reason?: string; message?: string; lastUpdateTime?: string; lastTransitionTime?: string }[];
    [key: string]: unknown;
  };
}

export interface ReplicaSet extends KubeObject {
  spec?: { replicas?: number; minReadySeconds?: number; [key: string]: unknown };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number; terminatingReplicas?: number; observedGeneration?: number; [key: string]: unknown };
}
