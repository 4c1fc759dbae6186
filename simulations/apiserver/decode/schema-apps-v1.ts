// Generated from k8s.io/api v0.36.3 apps/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const APPS_V1: GoPackage = {
  id: 'apps',
  path: 'k8s.io/api/apps/v1',
  name: 'v1',
  structs: {
    ControllerRevision: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'data runtime.RawExtension o', 'revision int64'],
    DaemonSet: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec DaemonSetSpec o', 'status DaemonSetStatus o'],
    DaemonSetCondition: ['type DaemonSetConditionType', 'status core.ConditionStatus', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o'],
    DaemonSetSpec: ['selector *meta.LabelSelector', 'template core.PodTemplateSpec', 'updateStrategy DaemonSetUpdateStrategy o', 'minReadySeconds int32 o', 'revisionHistoryLimit *int32 o'],
    DaemonSetStatus: ['currentNumberScheduled int32', 'numberMisscheduled int32', 'desiredNumberScheduled int32', 'numberReady int32', 'observedGeneration int64 o', 'updatedNumberScheduled int32 o', 'numberAvailable int32 o', 'numberUnavailable int32 o', 'collisionCount *int32 o', 'conditions []DaemonSetCondition o ps:merge pk:type lt:map lk:type'],
    DaemonSetUpdateStrategy: ['type DaemonSetUpdateStrategyType o', 'rollingUpdate *RollingUpdateDaemonSet o'],
    Deployment: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec DeploymentSpec o', 'status DeploymentStatus o'],
    DeploymentCondition: ['type DeploymentConditionType', 'status core.ConditionStatus', 'lastUpdateTime meta.Time o', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o'],
    DeploymentSpec: ['replicas *int32 o', 'selector *meta.LabelSelector', 'template core.PodTemplateSpec', 'strategy DeploymentStrategy o ps:retainKeys', 'minReadySeconds int32 o', 'revisionHistoryLimit *int32 o', 'paused bool o', 'progressDeadlineSeconds *int32 o'],
    DeploymentStatus: ['observedGeneration int64 o', 'replicas int32 o', 'updatedReplicas int32 o', 'readyReplicas int32 o', 'availableReplicas int32 o', 'unavailableReplicas int32 o', 'terminatingReplicas *int32 o', 'conditions []DeploymentCondition o ps:merge pk:type lt:map lk:type', 'collisionCount *int32 o'],
    DeploymentStrategy: ['type DeploymentStrategyType o', 'rollingUpdate *RollingUpdateDeployment o'],
    ReplicaSet: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec ReplicaSetSpec o', 'status ReplicaSetStatus o'],
    ReplicaSetCondition: ['type ReplicaSetConditionType', 'status core.ConditionStatus', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o'],
    ReplicaSetSpec: ['replicas *int32 o', 'minReadySeconds int32 o', 'selector *meta.LabelSelector', 'template core.PodTemplateSpec o'],
    ReplicaSetStatus: ['replicas int32', 'fullyLabeledReplicas int32 o', 'readyReplicas int32 o', 'availableReplicas int32 o', 'terminatingReplicas *int32 o', 'observedGeneration int64 o', 'conditions []ReplicaSetCondition o ps:merge pk:type lt:map lk:type'],
    RollingUpdateDaemonSet: ['maxUnavailable *intstr.IntOrString o', 'maxSurge *intstr.IntOrString o'],
    RollingUpdateDeployment: ['maxUnavailable *intstr.IntOrString o', 'maxSurge *intstr.IntOrString o'],
    RollingUpdateStatefulSetStrategy: ['partition *int32 o', 'maxUnavailable *intstr.IntOrString o'],
    StatefulSet: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec StatefulSetSpec o', 'status StatefulSetStatus o'],
    StatefulSetCondition: ['type StatefulSetConditionType', 'status core.ConditionStatus', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o'],
    StatefulSetOrdinals: ['start int32'],
    StatefulSetPersistentVolumeClaimRetentionPolicy: ['whenDeleted PersistentVolumeClaimRetentionPolicyType o', 'whenScaled PersistentVolumeClaimRetentionPolicyType o'],
    StatefulSetSpec: ['replicas *int32 o', 'selector *meta.LabelSelector', 'template core.PodTemplateSpec', 'volumeClaimTemplates []core.PersistentVolumeClaim o lt:atomic', 'serviceName string', 'podManagementPolicy PodManagementPolicyType o', 'updateStrategy StatefulSetUpdateStrategy o', 'revisionHistoryLimit *int32 o', 'minReadySeconds int32 o', 'persistentVolumeClaimRetentionPolicy *StatefulSetPersistentVolumeClaimRetentionPolicy o', 'ordinals *StatefulSetOrdinals o'],
    StatefulSetStatus: ['observedGeneration int64 o', 'replicas int32', 'readyReplicas int32 o', 'currentReplicas int32 o', 'updatedReplicas int32 o', 'currentRevision string o', 'updateRevision string o', 'collisionCount *int32 o', 'conditions []StatefulSetCondition o ps:merge pk:type lt:map lk:type', 'availableReplicas int32'],
    StatefulSetUpdateStrategy: ['type StatefulSetUpdateStrategyType o', 'rollingUpdate *RollingUpdateStatefulSetStrategy o'],
  },
  named: {
    DaemonSetConditionType: 'string',
    DaemonSetUpdateStrategyType: 'string',
    DeploymentConditionType: 'string',
    DeploymentStrategyType: 'string',
    PersistentVolumeClaimRetentionPolicyType: 'string',
    PodManagementPolicyType: 'string',
    ReplicaSetConditionType: 'string',
    StatefulSetConditionType: 'string',
    StatefulSetUpdateStrategyType: 'string',
  },
};
