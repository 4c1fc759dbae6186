// The apps/v1 kinds' validation, as their registry strategies call it.
// src: pkg/registry/apps/{deployment,replicaset,statefulset,daemonset,controllerrevision}/strategy.go

import type { ValidationTable } from '../types.ts';
import { validateControllerRevisionCreate, validateControllerRevisionUpdate } from './controller-revision.ts';
import { daemonSetStrategyValidateUpdate, validateDaemonSet, validateDaemonSetStatusUpdate } from './daemon-set.ts';
import { deploymentStrategyValidateUpdate, validateDeployment, validateDeploymentStatusUpdate } from './deployment.ts';
import { replicaSetStrategyValidateUpdate, validateReplicaSet, validateReplicaSetStatusUpdate } from './replica-set.ts';
import { validateStatefulSet, validateStatefulSetStatusUpdate, validateStatefulSetUpdate } from './stateful-set.ts';

export const APPS_VALIDATION: ValidationTable = {
  'apps/v1/Deployment': { create: validateDeployment, update: deploymentStrategyValidateUpdate, statusUpdate: validateDeploymentStatusUpdate },
  'apps/v1/ReplicaSet': { create: validateReplicaSet, update: replicaSetStrategyValidateUpdate, statusUpdate: validateReplicaSetStatusUpdate },
  'apps/v1/StatefulSet': { create: validateStatefulSet, update: validateStatefulSetUpdate, statusUpdate: validateStatefulSetStatusUpdate },
  'apps/v1/DaemonSet': { create: validateDaemonSet, update: daemonSetStrategyValidateUpdate, statusUpdate: validateDaemonSetStatusUpdate },
  'apps/v1/ControllerRevision': { create: validateControllerRevisionCreate, update: validateControllerRevisionUpdate },
};
