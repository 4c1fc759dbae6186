// CronJob validation.
// src: pkg/apis/batch/validation/validation.go (ValidateCronJobCreate,
//      ValidateCronJobUpdate, validateCronJobSpec, validateConcurrencyPolicy,
//      validateScheduleFormat, validateTimeZone, ValidateJobTemplateSpec)
//      pkg/registry/batch/cronjob/strategy.go (options; the status strategy
//      validates nothing beyond the generic metadata checks)

import { invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asOptionalBool, asOptionalInt, asOptionalString, asString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { byteLength, podTemplateValidationOptions, nameIsDNSSubdomain, validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';
import type { PodValidationOptions } from '../apps/shared-helpers.ts';
import { parseStandardError } from './cron-schedule.ts';
import { validateJobSpecCommon } from './job.ts';
import { loadLocationError } from './time-zone.ts';

/** validation.DNS1035LabelMaxLength − 11: a Job's name is the CronJob's plus "-<timestamp>". */
const MAX_CRON_JOB_NAME_LENGTH = 63 - 11;

/** ValidateCronJobCreate. */
export function validateCronJobCreate(cronJob: JsonObject, opts: PodValidationOptions): ErrorList {
  const meta = asObject(cronJob.metadata);
  // CronJobs and ReplicationControllers share name validation.
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateCronJobSpec(asObject(cronJob.spec) ?? {}, undefined, Path.of('spec'), opts));
  const name = asString(meta?.name);
  if (byteLength(name) > MAX_CRON_JOB_NAME_LENGTH) {
    errs.push(invalid(Path.of('metadata').child('name'), name, 'must be no more than 52 characters'));
  }
  return errs;
}

/** ValidateCronJobUpdate: no 52-character limit, so older, longer names stay updatable. */
export function validateCronJobUpdate(cronJob: JsonObject, old: JsonObject, opts: PodValidationOptions): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(cronJob.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateCronJobSpec(asObject(cronJob.spec) ?? {}, asObject(old.spec) ?? {}, Path.of('spec'), opts));
  return errs;
}

/** validateCronJobSpec; oldSpec is undefined on create. */
export function validateCronJobSpec(spec: JsonObject, oldSpec: JsonObject | undefined, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const schedule = asString(spec.schedule);
  const timeZone = asOptionalString(spec.timeZone);
  if (schedule.length === 0) {
    errs.push(required(path.child('schedule'), ''));
  } else {
    // A TZ prefix stays allowed on objects that already had one.
    const allowTZInSchedule = oldSpec !== undefined && asString(oldSpec.schedule).includes('TZ');
    errs.push(...validateScheduleFormat(schedule, allowTZInSchedule, timeZone, path.child('schedule')));
  }
  const startingDeadlineSeconds = asOptionalInt(spec.startingDeadlineSeconds);
  if (startingDeadlineSeconds !== undefined) errs.push(...validateNonnegativeField(startingDeadlineSeconds, path.child('startingDeadlineSeconds')));
  // An unchanged time zone is not re-checked (the tz database may have dropped it).
  if (oldSpec === undefined || asOptionalString(oldSpec.timeZone) !== timeZone) errs.push(...validateTimeZone(timeZone, path.child('timeZone')));
  errs.push(...validateConcurrencyPolicy(asString(spec.concurrencyPolicy), path.child('concurrencyPolicy')));
  errs.push(...validateJobTemplateSpec(asObject(spec.jobTemplate) ?? {}, path.child('jobTemplate'), opts));
  // Zero is a valid history limit.
  const successful = asOptionalInt(spec.successfulJobsHistoryLimit);
  if (successful !== undefined) errs.push(...validateNonnegativeField(successful, path.child('successfulJobsHistoryLimit')));
  const failed = asOptionalInt(spec.failedJobsHistoryLimit);
  if (failed !== undefined) errs.push(...validateNonnegativeField(failed, path.child('failedJobsHistoryLimit')));
  return errs;
}

/** validateConcurrencyPolicy. */
function validateConcurrencyPolicy(policy: string, path: Path): ErrorList {
  if (policy === 'Allow' || policy === 'Forbid' || policy === 'Replace') return [];
  if (policy === '') return [required(path, '')];
  return [notSupported(path, policy, ['Allow', 'Forbid', 'Replace'])];
}

/** validateScheduleFormat: cron.ParseStandard, and TZ in the schedule only where it was before (and never with timeZone). */
function validateScheduleFormat(schedule: string, allowTZInSchedule: boolean, timeZone: string | undefined, path: Path): ErrorList {
  const errs: ErrorList = [];
  const e = parseStandardError(schedule);
  if (e !== null) errs.push(invalid(path, schedule, e));
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined) {
    errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZInSchedule && schedule.includes('TZ')) {
    errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

/**
 * IANA naming rules for each '/'-separated part: ASCII letters, '.', '-', '_'
 * (digits and '+' tolerated for legacy names), at most 14 characters.
 */
const VALID_TIME_ZONE_CHARACTERS = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone. */
export function validateTimeZone(timeZone: string | undefined, path: Path): ErrorList {
  if (timeZone === undefined) return [];
  if (timeZone.length === 0) return [invalid(path, timeZone, 'timeZone must be nil or non-empty string')];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !VALID_TIME_ZONE_CHARACTERS.test(part)) {
      return [invalid(path, timeZone, `unknown time zone ${timeZone}`)];
    }
  }
  const errs: ErrorList = [];
  if (timeZone.toLowerCase() === 'local') errs.push(invalid(path, timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  const e = loadLocationError(timeZone);
  if (e !== null) errs.push(invalid(path, timeZone, e));
  return errs;
}

/** ValidateJobTemplateSpec: a Job spec whose selector the Job will get generated. */
export function validateJobTemplateSpec(template: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const spec = asObject(template.spec) ?? {};
  const errs = validateJobSpecCommon(spec, path.child('spec'), opts);
  if (asObject(spec.selector)) errs.push(invalid(path.child('spec', 'selector'), spec.selector ?? null, '`selector` will be auto-generated'));
  if (asOptionalBool(spec.manualSelector) === true) errs.push(notSupported(path.child('spec', 'manualSelector'), true, ['nil', 'false']));
  return errs;
}

const templateOf = (cj: JsonObject): JsonObject | undefined => asObject(asObject(asObject(asObject(cj.spec)?.jobTemplate)?.spec)?.template);

/** cronJobStrategy.Validate. */
export function cronJobStrategyValidate(cj: JsonObject): ErrorList {
  return validateCronJobCreate(cj, podTemplateValidationOptions(templateOf(cj), undefined));
}

/** cronJobStrategy.ValidateUpdate. */
export function cronJobStrategyValidateUpdate(cj: JsonObject, old: JsonObject): ErrorList {
  return validateCronJobUpdate(cj, old, podTemplateValidationOptions(templateOf(cj), templateOf(old)));
}

/** cronJobStatusStrategy.ValidateUpdate: nothing kind-specific. */
export function cronJobStatusStrategyValidateUpdate(): ErrorList {
  return [];
}
