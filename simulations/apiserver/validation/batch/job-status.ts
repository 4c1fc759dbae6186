// Job status validation: counters, uncounted Pods, and (with the options the
// status strategy computes) the consistency of terminal conditions, times and
// index sets that external controllers (spec.managedBy) must keep.
// src: pkg/apis/batch/validation/validation.go (validateJobStatus,
//      ValidateJobUpdateStatus, ValidateJobStatusUpdate, JobStatusValidationOptions,
//      IsJobFinished, IsJobComplete, IsJobFailed, IsConditionTrue)
//      pkg/registry/batch/job/strategy.go (getStatusValidationOptions)
//
// Feature gates at their v1.36 defaults: JobManagedBy (GA) turns on the
// strengthened status checks; JobSuccessPolicy is GA.

import { duplicate, invalid, OMIT_VALUE, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalBool, asOptionalInt, asOptionalString, asString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { semanticEqual, validateNonnegativeField, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';
import { validateFailedIndexesNotOverlapCompleted, validateIndexesFormat } from './job-indexes.ts';
import { pointerEqual } from './job.ts';

/** JobStatusValidationOptions: each check runs only when its option is set. */
export interface JobStatusValidationOptions {
  rejectDecreasingSucceededCounter?: boolean;
  rejectDecreasingFailedCounter?: boolean;
  rejectDisablingTerminalCondition?: boolean;
  rejectInvalidCompletedIndexes?: boolean;
  rejectInvalidFailedIndexes?: boolean;
  rejectFailedIndexesOverlappingCompleted?: boolean;
  rejectCompletedIndexesForNonIndexedJob?: boolean;
  rejectFailedIndexesForNoBackoffLimitPerIndex?: boolean;
  rejectFailedJobWithoutFailureTarget?: boolean;
  rejectCompleteJobWithoutSuccessCriteriaMet?: boolean;
  rejectFinishedJobWithActivePods?: boolean;
  rejectFinishedJobWithoutStartTime?: boolean;
  rejectFinishedJobWithUncountedTerminatedPods?: boolean;
  rejectStartTimeUpdateForUnsuspendedJob?: boolean;
  rejectCompletionTimeBeforeStartTime?: boolean;
  rejectMutatingCompletionTime?: boolean;
  rejectCompleteJobWithoutCompletionTime?: boolean;
  rejectNotCompleteJobWithCompletionTime?: boolean;
  rejectCompleteJobWithFailedCondition?: boolean;
  rejectCompleteJobWithFailureTargetCondition?: boolean;
  allowForSuccessCriteriaMetInExtendedScope?: boolean;
  rejectMoreReadyThanActivePods?: boolean;
  rejectFinishedJobWithTerminatingPods?: boolean;
}

/** IsConditionTrue. */
export function isConditionTrue(job: JsonObject, type: string): boolean {
  return asList(asObject(job.status)?.conditions).some((c) => asString(asObject(c)?.type) === type && asString(asObject(c)?.status) === 'True');
}
/** IsJobComplete, IsJobFailed, IsJobFinished. */
export const isJobComplete = (job: JsonObject): boolean => isConditionTrue(job, 'Complete');
export const isJobFailed = (job: JsonObject): boolean => isConditionTrue(job, 'Failed');
export const isJobFinished = (job: JsonObject): boolean => isJobComplete(job) || isJobFailed(job);
const isSuccessCriteriaMet = (job: JsonObject): boolean => isConditionTrue(job, 'SuccessCriteriaMet');
const isFailureTarget = (job: JsonObject): boolean => isConditionTrue(job, 'FailureTarget');
const time = (v: unknown): number | undefined => (typeof v === 'string' ? Date.parse(v) : undefined);

/** validateJobStatus. */
function validateJobStatus(job: JsonObject, path: Path, opts: JobStatusValidationOptions): ErrorList {
  const status = asObject(job.status) ?? {};
  const spec = asObject(job.spec) ?? {};
  const errs: ErrorList = [];
  const active = asInt(status.active);
  errs.push(...validateNonnegativeField(active, path.child('active')));
  errs.push(...validateNonnegativeField(asInt(status.succeeded), path.child('succeeded')));
  errs.push(...validateNonnegativeField(asInt(status.failed), path.child('failed')));
  const ready = asOptionalInt(status.ready);
  if (ready !== undefined) errs.push(...validateNonnegativeField(ready, path.child('ready')));
  const terminating = asOptionalInt(status.terminating);
  if (terminating !== undefined) errs.push(...validateNonnegativeField(terminating, path.child('terminating')));
  const uncounted = asObject(status.uncountedTerminatedPods);
  if (uncounted) {
    const p = path.child('uncountedTerminatedPods');
    const seen = new Set<string>();
    for (const list of ['succeeded', 'failed']) {
      asList(uncounted[list]).forEach((raw, i) => {
        const k = asString(raw);
        const ip = p.child(list).index(i);
        if (k === '') errs.push(invalid(ip, k, 'must not be empty'));
        else if (seen.has(k)) errs.push(duplicate(ip, k));
        else seen.add(k);
      });
    }
  }
  const complete = isJobComplete(job);
  const failed = isJobFailed(job);
  const completionTime = status.completionTime;
  const startTime = status.startTime;
  if (opts.rejectCompleteJobWithFailedCondition && complete && failed) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set Complete=True and Failed=true conditions'));
  }
  if (opts.rejectCompleteJobWithFailureTargetCondition && complete && isFailureTarget(job)) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set Complete=True and FailureTarget=true conditions'));
  }
  if (opts.rejectNotCompleteJobWithCompletionTime && completionTime != null && !complete) {
    errs.push(invalid(path.child('completionTime'), completionTime, 'cannot set completionTime when there is no Complete=True condition'));
  }
  if (opts.rejectCompleteJobWithoutCompletionTime && completionTime == null && complete) {
    errs.push(required(path.child('completionTime'), 'completionTime is required for Complete jobs'));
  }
  if (opts.rejectCompletionTimeBeforeStartTime && startTime != null && completionTime != null && (time(completionTime) ?? 0) < (time(startTime) ?? 0)) {
    errs.push(invalid(path.child('completionTime'), completionTime, 'completionTime cannot be set before startTime'));
  }
  if (opts.rejectFailedJobWithoutFailureTarget && failed && !isFailureTarget(job)) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set Failed=True condition without the FailureTarget=true condition'));
  }
  if (opts.rejectCompleteJobWithoutSuccessCriteriaMet && complete && !isSuccessCriteriaMet(job)) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set Complete=True condition without the SuccessCriteriaMet=true condition'));
  }
  const finished = isJobFinished(job);
  if (opts.rejectFinishedJobWithActivePods && active > 0 && finished) {
    errs.push(invalid(path.child('active'), active, 'active>0 is invalid for finished job'));
  }
  if (opts.rejectFinishedJobWithoutStartTime && startTime == null && finished) {
    errs.push(required(path.child('startTime'), 'startTime is required for finished job'));
  }
  if (opts.rejectFinishedJobWithUncountedTerminatedPods && finished && uncounted && asList(uncounted.failed).length + asList(uncounted.succeeded).length > 0) {
    errs.push(invalid(path.child('uncountedTerminatedPods'), uncounted, 'uncountedTerminatedPods needs to be empty for finished job'));
  }
  const completions = asOptionalInt(spec.completions);
  const completedIndexes = asString(status.completedIndexes);
  const failedIndexes = asOptionalString(status.failedIndexes);
  if (opts.rejectInvalidCompletedIndexes && completions !== undefined) {
    const r = validateIndexesFormat(completedIndexes, completions);
    if (r.error !== null) errs.push(invalid(path.child('completedIndexes'), completedIndexes, `error parsing completedIndexes: ${r.error}`));
  }
  if (opts.rejectInvalidFailedIndexes && completions !== undefined && asOptionalInt(spec.backoffLimitPerIndex) !== undefined && failedIndexes !== undefined) {
    const r = validateIndexesFormat(failedIndexes, completions);
    if (r.error !== null) errs.push(invalid(path.child('failedIndexes'), failedIndexes, `error parsing failedIndexes: ${r.error}`));
  }
  const indexed = (asOptionalString(spec.completionMode) ?? 'NonIndexed') === 'Indexed';
  if (opts.rejectCompletedIndexesForNonIndexedJob && completedIndexes.length !== 0 && !indexed) {
    errs.push(invalid(path.child('completedIndexes'), completedIndexes, 'cannot set non-empty completedIndexes when non-indexed completion mode'));
  }
  // Also keeps failedIndexes off NonIndexed Jobs, which have no backoffLimitPerIndex.
  if (opts.rejectFailedIndexesForNoBackoffLimitPerIndex && asOptionalInt(spec.backoffLimitPerIndex) === undefined && failedIndexes !== undefined) {
    errs.push(invalid(path.child('failedIndexes'), failedIndexes, 'cannot set non-null failedIndexes when backoffLimitPerIndex is null'));
  }
  if (opts.rejectFailedIndexesOverlappingCompleted && completions !== undefined && failedIndexes !== undefined) {
    const e = validateFailedIndexesNotOverlapCompleted(completedIndexes, failedIndexes, completions);
    if (e !== null) errs.push(invalid(path.child('failedIndexes'), failedIndexes, e));
  }
  if (opts.rejectFinishedJobWithTerminatingPods && terminating !== undefined && terminating > 0 && finished) {
    errs.push(invalid(path.child('terminating'), terminating, 'terminating>0 is invalid for finished job'));
  }
  if (opts.rejectMoreReadyThanActivePods && ready !== undefined && ready > active) {
    errs.push(invalid(path.child('ready'), ready, 'cannot set more ready pods than active'));
  }
  const successCriteriaMet = isSuccessCriteriaMet(job);
  if (!opts.allowForSuccessCriteriaMetInExtendedScope && !indexed && successCriteriaMet) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set SuccessCriteriaMet to NonIndexed Job'));
  }
  if (successCriteriaMet && failed) errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set SuccessCriteriaMet=True and Failed=true conditions'));
  if (successCriteriaMet && isFailureTarget(job)) errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set SuccessCriteriaMet=True and FailureTarget=true conditions'));
  const successPolicy = asObject(spec.successPolicy);
  if (!opts.allowForSuccessCriteriaMetInExtendedScope && !successPolicy && successCriteriaMet) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set SuccessCriteriaMet=True for Job without SuccessPolicy'));
  }
  if (successPolicy && !successCriteriaMet && complete) {
    errs.push(invalid(path.child('conditions'), OMIT_VALUE, 'cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True'));
  }
  return errs;
}

/** ValidateJobStatusUpdate. */
function validateJobStatusUpdate(job: JsonObject, old: JsonObject, opts: JobStatusValidationOptions): ErrorList {
  const statusPath = Path.of('status');
  const errs = validateJobStatus(job, statusPath, opts);
  const status = asObject(job.status) ?? {};
  const oldStatus = asObject(old.status) ?? {};
  if (opts.rejectDisablingTerminalCondition) {
    for (const type of ['Failed', 'Complete', 'FailureTarget']) {
      if (isConditionTrue(old, type) && !isConditionTrue(job, type)) {
        errs.push(invalid(statusPath.child('conditions'), OMIT_VALUE, `cannot disable the terminal ${type}=True condition`));
      }
    }
  }
  if (opts.rejectDecreasingFailedCounter && asInt(status.failed) < asInt(oldStatus.failed)) {
    errs.push(invalid(statusPath.child('failed'), asInt(status.failed), 'cannot decrease the failed counter'));
  }
  if (opts.rejectDecreasingSucceededCounter && asInt(status.succeeded) < asInt(oldStatus.succeeded)) {
    errs.push(invalid(statusPath.child('succeeded'), asInt(status.succeeded), 'cannot decrease the succeeded counter'));
  }
  // Only a change of a set completionTime counts: going back to nil is refused elsewhere.
  if (opts.rejectMutatingCompletionTime && status.completionTime != null && oldStatus.completionTime != null && time(status.completionTime) !== time(oldStatus.completionTime)) {
    errs.push(invalid(statusPath.child('completionTime'), status.completionTime, 'completionTime cannot be mutated'));
  }
  // startTime may go from nil to set for an unsuspended Job, never away or to another value.
  if (opts.rejectStartTimeUpdateForUnsuspendedJob && oldStatus.startTime != null && time(oldStatus.startTime) !== time(status.startTime) && asOptionalBool(asObject(job.spec)?.suspend) !== true) {
    errs.push(required(statusPath.child('startTime'), 'startTime cannot be removed for unsuspended job'));
  }
  if (isSuccessCriteriaMet(old) && !isSuccessCriteriaMet(job)) {
    errs.push(invalid(statusPath.child('conditions'), OMIT_VALUE, 'cannot disable the SuccessCriteriaMet=True condition'));
  }
  if (isJobComplete(old) && !isSuccessCriteriaMet(old) && isSuccessCriteriaMet(job)) {
    errs.push(invalid(statusPath.child('conditions'), OMIT_VALUE, 'cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions'));
  }
  return errs;
}

/** ValidateJobUpdateStatus. */
export function validateJobUpdateStatus(job: JsonObject, old: JsonObject, opts: JobStatusValidationOptions): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(job.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateJobStatusUpdate(job, old, opts));
  return errs;
}

/**
 * getStatusValidationOptions (job strategy, JobManagedBy enabled): each
 * consistency check runs only when the fields it reads changed, so a status
 * update unrelated to an old inconsistency still goes through.
 */
export function jobStatusValidationOptions(job: JsonObject, old: JsonObject): JobStatusValidationOptions {
  const spec = asObject(job.spec) ?? {};
  const s = asObject(job.status) ?? {};
  const o = asObject(old.status) ?? {};
  const indexed = (asOptionalString(spec.completionMode) ?? 'NonIndexed') === 'Indexed';
  const finishedChanged = isJobFinished(old) !== isJobFinished(job);
  const completeChanged = isJobComplete(old) !== isJobComplete(job);
  const failedChanged = isJobFailed(old) !== isJobFailed(job);
  const failureTargetChanged = isFailureTarget(old) !== isFailureTarget(job);
  const completedIndexesChanged = asString(o.completedIndexes) !== asString(s.completedIndexes);
  const failedIndexesChanged = !pointerEqual(o.failedIndexes, s.failedIndexes);
  const activeChanged = asInt(o.active) !== asInt(s.active);
  const readyChanged = !pointerEqual(o.ready, s.ready);
  const terminatingChanged = !pointerEqual(o.terminating, s.terminating);
  const startTimeChanged = !pointerEqual(o.startTime, s.startTime);
  const completionTimeChanged = !pointerEqual(o.completionTime, s.completionTime);
  const uncountedChanged = !semanticEqual(o.uncountedTerminatedPods, s.uncountedTerminatedPods);
  return {
    // An Indexed Job with completions == parallelism can be scaled down, losing succeeded Pods.
    rejectDecreasingSucceededCounter: !indexed || !pointerEqual(spec.completions, spec.parallelism),
    rejectDecreasingFailedCounter: true,
    rejectDisablingTerminalCondition: true,
    rejectInvalidCompletedIndexes: completedIndexesChanged,
    rejectInvalidFailedIndexes: failedIndexesChanged,
    rejectCompletedIndexesForNonIndexedJob: completedIndexesChanged,
    rejectFailedIndexesForNoBackoffLimitPerIndex: failedIndexesChanged,
    rejectFailedIndexesOverlappingCompleted: failedIndexesChanged || completedIndexesChanged,
    rejectFailedJobWithoutFailureTarget: failedChanged || failedIndexesChanged,
    rejectCompleteJobWithoutSuccessCriteriaMet: completeChanged,
    rejectFinishedJobWithActivePods: finishedChanged || activeChanged,
    rejectFinishedJobWithTerminatingPods: finishedChanged || terminatingChanged,
    rejectFinishedJobWithoutStartTime: finishedChanged || startTimeChanged,
    rejectFinishedJobWithUncountedTerminatedPods: finishedChanged || uncountedChanged,
    rejectStartTimeUpdateForUnsuspendedJob: startTimeChanged,
    rejectCompletionTimeBeforeStartTime: startTimeChanged || completionTimeChanged,
    rejectMutatingCompletionTime: true,
    rejectNotCompleteJobWithCompletionTime: completeChanged || completionTimeChanged,
    rejectCompleteJobWithoutCompletionTime: completeChanged || completionTimeChanged,
    rejectCompleteJobWithFailedCondition: completeChanged || failedChanged,
    rejectCompleteJobWithFailureTargetCondition: completeChanged || failureTargetChanged,
    allowForSuccessCriteriaMetInExtendedScope: true,
    rejectMoreReadyThanActivePods: readyChanged || activeChanged,
  };
}

/** jobStatusStrategy.ValidateUpdate. */
export function jobStatusStrategyValidateUpdate(job: JsonObject, old: JsonObject): ErrorList {
  return validateJobUpdateStatus(job, old, jobStatusValidationOptions(job, old));
}
