// batch/v1 defaulting: Job and CronJob.
// src: pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob,
//      SetDefaults_PodFailurePolicyOnPodConditionsPattern) and zz_generated.defaults.go.

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject } from '../../apimachinery/json.ts';
import { clone } from '../../apimachinery/go-values.ts';
import { defaultPointer, defaultString, isNil, mapLen, pointer, put, struct, structs } from './fields.ts';
import { setTemplateFieldDefaults } from './pod.ts';

// math.MaxInt32: the backoffLimit of a Job that limits retries per index instead.
const MAX_INT32 = 2147483647;

/**
 * SetDefaults_Job: completions and parallelism 1 (parallelism alone when
 * completions is set; a work queue with only parallelism keeps completions
 * unset), backoffLimit 6 (MaxInt32 with backoffLimitPerIndex), the template's
 * labels onto an unlabelled Job, completionMode NonIndexed, suspend false,
 * podReplacementPolicy Failed with a podFailurePolicy else TerminatingOrFailed
 * (JobPodReplacementPolicy: GA since v1.34), manualSelector false.
 */
export function setDefaultsJob(job: JsonObject): void {
  const spec = struct(job, 'spec');
  if (!spec) return;
  if (isNil(spec.completions) && isNil(spec.parallelism)) {
    put(spec, 'completions', 1);
    put(spec, 'parallelism', 1);
  }
  defaultPointer(spec, 'parallelism', 1);
  if (isNil(spec.backoffLimit)) put(spec, 'backoffLimit', isNil(spec.backoffLimitPerIndex) ? 6 : MAX_INT32);
  const templateLabels = asObject(asObject(asObject(spec.template)?.metadata)?.labels);
  const metadata = asObject(job.metadata) ?? (isNil(job.metadata) ? {} : undefined);
  // `obj.Labels = labels` when the Job has none; an empty map would print as nothing.
  if (metadata && templateLabels && mapLen(templateLabels) > 0 && mapLen(metadata.labels) === 0 && (isNil(metadata.labels) || asObject(metadata.labels))) {
    put(metadata, 'labels', clone(templateLabels));
    put(job, 'metadata', metadata);
  }
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  if (isNil(spec.podReplacementPolicy)) put(spec, 'podReplacementPolicy', isNil(spec.podFailurePolicy) ? 'TerminatingOrFailed' : 'Failed');
  defaultPointer(spec, 'manualSelector', false);
}

/** SetDefaults_CronJob: concurrencyPolicy Allow, suspend false, history limits 3 successful and 1 failed. */
export function setDefaultsCronJob(cj: JsonObject): void {
  const spec = struct(cj, 'spec');
  if (!spec) return;
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
}

/**
 * The JobSpec part zz_generated walks: each podFailurePolicy rule's
 * onPodConditions pattern gets status True
 * (SetDefaults_PodFailurePolicyOnPodConditionsPattern; a type-level defaulter,
 * so CronJob templates get it too: kubernetes/kubernetes#131525), then the
 * pod template.
 */
function setJobSpecDefaults(spec: JsonObject): void {
  for (const rule of structs(pointer(spec, 'podFailurePolicy')?.rules)) {
    for (const pattern of structs(rule.onPodConditions)) defaultString(pattern, 'status', 'True');
  }
  setTemplateFieldDefaults(spec, 'template');
}

/** SetObjectDefaults_Job: zz_generated.defaults.go. */
export function setObjectDefaultsJob(job: JsonObject): void {
  setDefaultsJob(job);
  const spec = struct(job, 'spec');
  if (spec) setJobSpecDefaults(spec);
}

/**
 * SetObjectDefaults_CronJob: zz_generated.defaults.go. The jobTemplate's spec
 * is a JobSpec, not a Job, so SetDefaults_Job does not run on it (no
 * backoffLimit or completions in a CronJob); its pod template is defaulted.
 */
export function setObjectDefaultsCronJob(cj: JsonObject): void {
  setDefaultsCronJob(cj);
  const spec = struct(cj, 'spec');
  const jobTemplate = spec && struct(spec, 'jobTemplate');
  const jobSpec = jobTemplate && struct(jobTemplate, 'spec');
  if (jobSpec) setJobSpecDefaults(jobSpec);
}
