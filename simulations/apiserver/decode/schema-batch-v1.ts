// Generated from k8s.io/api v0.36.3 batch/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const BATCH_V1: GoPackage = {
  id: 'batch',
  path: 'k8s.io/api/batch/v1',
  name: 'v1',
  structs: {
    CronJob: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec CronJobSpec o', 'status CronJobStatus o'],
    CronJobSpec: ['schedule string', 'timeZone *string o', 'startingDeadlineSeconds *int64 o', 'concurrencyPolicy ConcurrencyPolicy o', 'suspend *bool o', 'jobTemplate JobTemplateSpec', 'successfulJobsHistoryLimit *int32 o', 'failedJobsHistoryLimit *int32 o'],
    CronJobStatus: ['active []core.ObjectReference o lt:atomic', 'lastScheduleTime *meta.Time o', 'lastSuccessfulTime *meta.Time o'],
    Job: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec JobSpec o', 'status JobStatus o'],
    JobCondition: ['type JobConditionType', 'status core.ConditionStatus', 'lastProbeTime meta.Time o', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o'],
    JobSpec: ['parallelism *int32 o', 'completions *int32 o', 'activeDeadlineSeconds *int64 o', 'podFailurePolicy *PodFailurePolicy o', 'successPolicy *SuccessPolicy o', 'backoffLimit *int32 o', 'backoffLimitPerIndex *int32 o', 'maxFailedIndexes *int32 o', 'selector *meta.LabelSelector o', 'manualSelector *bool o', 'template core.PodTemplateSpec', 'ttlSecondsAfterFinished *int32 o', 'completionMode *CompletionMode o', 'suspend *bool o', 'podReplacementPolicy *PodReplacementPolicy o', 'managedBy *string o'],
    JobStatus: ['conditions []JobCondition o ps:merge pk:type lt:atomic', 'startTime *meta.Time o', 'completionTime *meta.Time o', 'active int32 o', 'succeeded int32 o', 'failed int32 o', 'terminating *int32 o', 'completedIndexes string o', 'failedIndexes *string o', 'uncountedTerminatedPods *UncountedTerminatedPods o', 'ready *int32 o'],
    JobTemplateSpec: ['metadata meta.ObjectMeta o', 'spec JobSpec o'],
    PodFailurePolicy: ['rules []PodFailurePolicyRule lt:atomic'],
    PodFailurePolicyOnExitCodesRequirement: ['containerName *string o', 'operator PodFailurePolicyOnExitCodesOperator', 'values []int32 lt:set'],
    PodFailurePolicyOnPodConditionsPattern: ['type core.PodConditionType', 'status core.ConditionStatus'],
    PodFailurePolicyRule: ['action PodFailurePolicyAction', 'onExitCodes *PodFailurePolicyOnExitCodesRequirement o', 'onPodConditions []PodFailurePolicyOnPodConditionsPattern o lt:atomic'],
    SuccessPolicy: ['rules []SuccessPolicyRule lt:atomic'],
    SuccessPolicyRule: ['succeededIndexes *string o', 'succeededCount *int32 o'],
    UncountedTerminatedPods: ['succeeded []types.UID o lt:set', 'failed []types.UID o lt:set'],
  },
  named: {
    CompletionMode: 'string',
    ConcurrencyPolicy: 'string',
    JobConditionType: 'string',
    PodFailurePolicyAction: 'string',
    PodFailurePolicyOnExitCodesOperator: 'string',
    PodReplacementPolicy: 'string',
  },
};
