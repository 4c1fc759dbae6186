// Job validation.
// src: pkg/apis/batch/validation/validation.go (validateGeneratedSelector,
//      ValidateJob, ValidateJobSpec, validateJobSpec, validatePodFailurePolicy,
//      validatePodReplacementPolicy, validatePodFailurePolicyRule(OnPodConditions,
//      OnExitCodes), validateSuccessPolicy(Rule), ValidateJobUpdate,
//      ValidateJobSpecUpdate, validatePodTemplateUpdate, validateCompletions,
//      JobValidationOptions)
//      pkg/registry/batch/job/strategy.go (validationOptionsForJob)
//
// Feature gates at their v1.36 defaults: ElasticIndexedJob is GA, so indexed
// Jobs may change completions together with parallelism.

import { duplicate, invalid, notSupported, OMIT_VALUE, required, tooLong, tooMany } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asOptionalBool, asOptionalInt, asOptionalString, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../../apimachinery/json.ts';
import {
  byteLength,
  podTemplateValidationOptions,
  isDNS1123Label,
  isDomainPrefixedPath,
  labelSelectorAsSelector,
  labelSelectorHasInvalidLabelValue,
  nameIsDNSSubdomain,
  semanticEqual,
  validateHasLabel,
  validateImmutableField,
  validateImmutablePointer,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePodTemplateSpec,
  validateQualifiedName,
} from '../apps/shared-helpers.ts';
import type { PodValidationOptions } from '../apps/shared-helpers.ts';
import { validateIndexesFormat } from './job-indexes.ts';

/** batch.LegacyControllerUidLabel, LegacyJobNameLabel, ControllerUidLabel, JobNameLabel. */
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000;
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_POD_FAILURE_POLICY_ON_EXIT_CODES_VALUES = 255;
const MAX_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERNS = 20;
const MAX_MANAGED_BY_LENGTH = 63;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES = 20;

// sets.List(...) of upstream's sets: sorted.
const POD_FAILURE_POLICY_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const ON_EXIT_CODES_OPERATORS = ['In', 'NotIn'];
const ON_POD_CONDITIONS_STATUSES = ['False', 'True', 'Unknown'];
const POD_REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

/** fmt's %q of a []string: `["a" "b"]`. */
const quotedList = (xs: string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;

/** JobValidationOptions. */
export interface JobValidationOptions extends PodValidationOptions {
  /** Allow mutable node affinity, selector and tolerations of the template. */
  allowMutableSchedulingDirectives?: boolean;
  allowElasticIndexedJobs?: boolean;
  /** Require the batch.kubernetes.io/job-name and controller-uid labels. */
  requirePrefixedLabels?: boolean;
}

/** validationOptionsForJob (job strategy): the options create and update run with. */
export function validationOptionsForJob(job: JsonObject, old: JsonObject | undefined): JobValidationOptions {
  const spec = asObject(job.spec);
  const oldSpec = asObject(old?.spec);
  const opts: JobValidationOptions = {
    ...podTemplateValidationOptions(asObject(spec?.template), asObject(oldSpec?.template)),
    // ElasticIndexedJob: GA.
    allowElasticIndexedJobs: true,
    requirePrefixedLabels: true,
  };
  if (old) {
    opts.allowInvalidLabelValueInSelector = opts.allowInvalidLabelValueInSelector === true || labelSelectorHasInvalidLabelValue(asObject(oldSpec?.selector));
    // Scheduling directives may change only while the Job is suspended and never started.
    const suspended = asOptionalBool(oldSpec?.suspend) === true;
    const notStarted = asObject(old.status)?.startTime == null;
    opts.allowMutableSchedulingDirectives = suspended && notStarted;
  }
  return opts;
}

/**
 * validateGeneratedSelector: unless the selector is manual, it must be the one
 * the API server generates from the Job's uid and name, and the template must
 * carry those labels.
 */
export function validateGeneratedSelector(job: JsonObject, validateBatchLabels: boolean): ErrorList {
  const spec = asObject(job.spec);
  if (asOptionalBool(spec?.manualSelector) === true) return [];
  const selector = asObject(spec?.selector);
  if (!selector) return []; // Already reported by the caller.
  const meta = asObject(job.metadata);
  const uid = asString(meta?.uid);
  const name = asString(meta?.name);
  const errs: ErrorList = [];
  // An unset uid would give the selector "controller-uid=".
  if (uid === '') errs.push(required(Path.of('metadata').child('uid'), ''));
  const templateMeta = asObject(asObject(spec?.template)?.metadata);
  const tPath = Path.of('spec').child('template').child('metadata');
  errs.push(...validateHasLabel(templateMeta, tPath, LEGACY_CONTROLLER_UID_LABEL, uid));
  errs.push(...validateHasLabel(templateMeta, tPath, LEGACY_JOB_NAME_LABEL, name));
  const expected: Record<string, string> = {};
  if (validateBatchLabels) {
    errs.push(...validateHasLabel(templateMeta, tPath, CONTROLLER_UID_LABEL, uid));
    errs.push(...validateHasLabel(templateMeta, tPath, JOB_NAME_LABEL, name));
    expected[CONTROLLER_UID_LABEL] = uid;
    expected[JOB_NAME_LABEL] = name;
  }
  expected[LEGACY_CONTROLLER_UID_LABEL] = uid;
  expected[LEGACY_JOB_NAME_LABEL] = name;
  // Manual or generated, the selector must match the Pods the Job will make.
  const parsed = labelSelectorAsSelector(selector);
  if (parsed.error === null && !parsed.selector.matches(expected)) {
    errs.push(invalid(Path.of('spec').child('selector'), selector, '`selector` not auto-generated'));
  }
  return errs;
}

/** ValidateJob. */
export function validateJob(job: JsonObject, opts: JobValidationOptions): ErrorList {
  const meta = asObject(job.metadata);
  const spec = asObject(job.spec) ?? {};
  // Jobs and ReplicationControllers share name validation.
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateGeneratedSelector(job, opts.requirePrefixedLabels === true));
  errs.push(...validateJobSpec(spec, Path.of('spec'), opts));
  const completions = asOptionalInt(spec.completions);
  if (asOptionalString(spec.completionMode) === 'Indexed' && completions !== undefined && completions > 0) {
    // Each Pod's hostname is "<job name>-<index>"; the largest must be a DNS label.
    const name = asString(meta?.name);
    const maximumPodHostname = `${name}-${completions - 1}`;
    if (isDNS1123Label(maximumPodHostname).length > 0) {
      errs.push(invalid(Path.of('metadata').child('name'), name, `will not able to create pod with invalid DNS label: ${maximumPodHostname}`));
    }
  }
  return errs;
}

/** ValidateJobSpec: validateJobSpec, then the selector (required) against the template's labels. */
export function validateJobSpec(spec: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const errs = validateJobSpecCommon(spec, path, opts);
  const selector = asObject(spec.selector);
  if (!selector) errs.push(required(path.child('selector'), ''));
  else errs.push(...validateLabelSelector(selector, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector === true }, path.child('selector')));
  const parsed = labelSelectorAsSelector(selector);
  if (parsed.error === null) {
    const labels = asStringMap(asObject(asObject(spec.template)?.metadata)?.labels);
    if (!parsed.selector.matches(labels)) {
      errs.push(invalid(path.child('template', 'metadata', 'labels'), labels, '`selector` does not match template `labels`'));
    }
  }
  return errs;
}

/** validateJobSpec (lower-case upstream): what Jobs and CronJobs' job templates share. */
export function validateJobSpecCommon(spec: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const parallelism = asOptionalInt(spec.parallelism);
  const completions = asOptionalInt(spec.completions);
  const backoffLimitPerIndex = asOptionalInt(spec.backoffLimitPerIndex);
  const maxFailedIndexes = asOptionalInt(spec.maxFailedIndexes);
  const nonnegative = (field: string) => {
    const v = asOptionalInt(spec[field]);
    if (v !== undefined) errs.push(...validateNonnegativeField(v, path.child(field)));
  };
  nonnegative('parallelism');
  nonnegative('completions');
  nonnegative('activeDeadlineSeconds');
  nonnegative('backoffLimit');
  nonnegative('ttlSecondsAfterFinished');
  nonnegative('backoffLimitPerIndex');
  if (maxFailedIndexes !== undefined) {
    errs.push(...validateNonnegativeField(maxFailedIndexes, path.child('maxFailedIndexes')));
    if (backoffLimitPerIndex === undefined) errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  const managedBy = asOptionalString(spec.managedBy);
  if (managedBy !== undefined) {
    errs.push(...isDomainPrefixedPath(path.child('managedBy'), managedBy));
    if (byteLength(managedBy) > MAX_MANAGED_BY_LENGTH) errs.push(tooLong(path.child('managedBy'), MAX_MANAGED_BY_LENGTH));
  }
  const completionMode = asOptionalString(spec.completionMode);
  if (completionMode !== undefined) {
    if (completionMode !== 'NonIndexed' && completionMode !== 'Indexed') {
      errs.push(notSupported(path.child('completionMode'), completionMode, ['NonIndexed', 'Indexed']));
    }
    if (completionMode === 'Indexed') {
      if (completions === undefined) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if (parallelism !== undefined && parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        errs.push(invalid(path.child('parallelism'), parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
      }
      if (completions !== undefined && maxFailedIndexes !== undefined && maxFailedIndexes > completions) {
        errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, 'must be less than or equal to completions'));
      }
      if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
        errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_FOR_INDEXED_JOB}`));
      }
      if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && backoffLimitPerIndex !== undefined) {
        if (maxFailedIndexes === undefined) errs.push(required(path.child('maxFailedIndexes'), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
        if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
          errs.push(invalid(path.child('parallelism'), parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`));
        }
        if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
          errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`));
        }
      }
    }
  }
  if (completionMode === undefined || completionMode === 'NonIndexed') {
    if (backoffLimitPerIndex !== undefined) errs.push(invalid(path.child('backoffLimitPerIndex'), backoffLimitPerIndex, 'requires indexed completion mode'));
    if (maxFailedIndexes !== undefined) errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, 'requires indexed completion mode'));
  }

  const podFailurePolicy = asObject(spec.podFailurePolicy);
  if (podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, podFailurePolicy, path.child('podFailurePolicy')));
  const successPolicy = asObject(spec.successPolicy);
  if (successPolicy) {
    if ((completionMode ?? 'NonIndexed') !== 'Indexed') errs.push(invalid(path.child('successPolicy'), successPolicy, 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(spec, successPolicy, path.child('successPolicy')));
  }
  errs.push(...validatePodReplacementPolicy(spec, path.child('podReplacementPolicy')));

  const template = asObject(spec.template);
  errs.push(...validatePodTemplateSpec(template, path.child('template'), opts));
  // Defaulting could have set restartPolicy Always when none was given: refuse both.
  const restartPolicy = asString(asObject(template?.spec)?.restartPolicy);
  const restartPath = path.child('template', 'spec', 'restartPolicy');
  if (restartPolicy === 'Always' || restartPolicy === '') {
    errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errs.push(notSupported(restartPath, restartPolicy, ['OnFailure', 'Never']));
  } else if (podFailurePolicy && restartPolicy !== 'Never') {
    errs.push(invalid(restartPath, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** validatePodFailurePolicy. */
function validatePodFailurePolicy(spec: JsonObject, policy: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const rules = asList(policy.rules);
  const rulesPath = path.child('rules');
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const podSpec = asObject(asObject(spec.template)?.spec);
  const containerNames = new Set([...asList(podSpec?.containers), ...asList(podSpec?.initContainers)].map((c) => asString(asObject(c)?.name)));
  rules.forEach((rule, i) => errs.push(...validatePodFailurePolicyRule(spec, asObject(rule) ?? {}, rulesPath.index(i), containerNames)));
  return errs;
}

/** validatePodReplacementPolicy: with a podFailurePolicy only Failed. */
function validatePodReplacementPolicy(spec: JsonObject, path: Path): ErrorList {
  const policy = asOptionalString(spec.podReplacementPolicy);
  if (policy === undefined) return [];
  if (asObject(spec.podFailurePolicy)) return policy === 'Failed' ? [] : [notSupported(path, policy, ['Failed'])];
  return POD_REPLACEMENT_POLICIES.includes(policy) ? [] : [notSupported(path, policy, POD_REPLACEMENT_POLICIES)];
}

/** validatePodFailurePolicyRule. */
function validatePodFailurePolicyRule(spec: JsonObject, rule: JsonObject, rulePath: Path, containerNames: Set<string>): ErrorList {
  const errs: ErrorList = [];
  const actionPath = rulePath.child('action');
  const action = asString(rule.action);
  if (action === '') errs.push(required(actionPath, `valid values: ${quotedList(POD_FAILURE_POLICY_ACTIONS)}`));
  else if (action === 'FailIndex') {
    if (asOptionalInt(spec.backoffLimitPerIndex) === undefined) errs.push(invalid(actionPath, action, 'requires the backoffLimitPerIndex to be set'));
  } else if (!POD_FAILURE_POLICY_ACTIONS.includes(action)) errs.push(notSupported(actionPath, action, POD_FAILURE_POLICY_ACTIONS));
  const onExitCodes = asObject(rule.onExitCodes);
  const onPodConditions = asList(rule.onPodConditions);
  if (onExitCodes) errs.push(...validateOnExitCodes(onExitCodes, rulePath.child('onExitCodes'), containerNames));
  if (onPodConditions.length > 0) errs.push(...validateOnPodConditions(onPodConditions, rulePath.child('onPodConditions')));
  if (onExitCodes && onPodConditions.length > 0) errs.push(invalid(rulePath, OMIT_VALUE, 'specifying both OnExitCodes and OnPodConditions is not supported'));
  if (!onExitCodes && onPodConditions.length === 0) errs.push(invalid(rulePath, OMIT_VALUE, 'specifying one of OnExitCodes and OnPodConditions is required'));
  return errs;
}

/** validatePodFailurePolicyRuleOnPodConditions. */
function validateOnPodConditions(patterns: JsonValue[], path: Path): ErrorList {
  const errs: ErrorList = [];
  if (patterns.length > MAX_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERNS) errs.push(tooMany(path, patterns.length, MAX_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERNS));
  patterns.forEach((raw, j) => {
    const pattern = asObject(raw) ?? {};
    const p = path.index(j);
    errs.push(...validateQualifiedName(asString(pattern.type), p.child('type')));
    const status = asString(pattern.status);
    if (status === '') errs.push(required(p.child('status'), `valid values: ${quotedList(ON_POD_CONDITIONS_STATUSES)}`));
    else if (!ON_POD_CONDITIONS_STATUSES.includes(status)) errs.push(notSupported(p.child('status'), status, ON_POD_CONDITIONS_STATUSES));
  });
  return errs;
}

/** validatePodFailurePolicyRuleOnExitCodes. */
function validateOnExitCodes(req: JsonObject, path: Path, containerNames: Set<string>): ErrorList {
  const errs: ErrorList = [];
  const operator = asString(req.operator);
  if (operator === '') errs.push(required(path.child('operator'), `valid values: ${quotedList(ON_EXIT_CODES_OPERATORS)}`));
  else if (!ON_EXIT_CODES_OPERATORS.includes(operator)) errs.push(notSupported(path.child('operator'), operator, ON_EXIT_CODES_OPERATORS));
  const containerName = asOptionalString(req.containerName);
  if (containerName !== undefined && !containerNames.has(containerName)) {
    errs.push(invalid(path.child('containerName'), containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const valuesPath = path.child('values');
  const values = asList(req.values).map((v) => (typeof v === 'number' ? v : 0));
  if (values.length === 0) errs.push(invalid(valuesPath, values, 'at least one value is required'));
  else if (values.length > MAX_POD_FAILURE_POLICY_ON_EXIT_CODES_VALUES) errs.push(tooMany(valuesPath, values.length, MAX_POD_FAILURE_POLICY_ON_EXIT_CODES_VALUES));
  let ordered = true;
  const unique = new Set<number>();
  values.forEach((v, j) => {
    const p = valuesPath.index(j);
    if (operator === 'In' && v === 0) errs.push(invalid(p, v, 'must not be 0 for the In operator'));
    if (unique.has(v)) errs.push(duplicate(p, v));
    else unique.add(v);
    if (j > 0 && values[j - 1] > v) ordered = false;
  });
  if (!ordered) errs.push(invalid(valuesPath, values, 'must be ordered'));
  return errs;
}

/** validateSuccessPolicy. */
function validateSuccessPolicy(spec: JsonObject, policy: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const rules = asList(policy.rules);
  const rulesPath = path.child('rules');
  if (rules.length === 0) errs.push(required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_SUCCESS_POLICY_RULES));
  rules.forEach((rule, i) => errs.push(...validateSuccessPolicyRule(spec, asObject(rule) ?? {}, rulesPath.index(i))));
  return errs;
}

/** validateSuccessPolicyRule (completions is set: Indexed Jobs require it). */
function validateSuccessPolicyRule(spec: JsonObject, rule: JsonObject, rulePath: Path): ErrorList {
  const errs: ErrorList = [];
  const succeededCount = asOptionalInt(rule.succeededCount);
  const succeededIndexes = asOptionalString(rule.succeededIndexes);
  const completions = asOptionalInt(spec.completions) ?? 0;
  if (succeededCount === undefined && succeededIndexes === undefined) {
    errs.push(required(rulePath, 'at least one of succeededCount or succeededIndexes must be specified'));
  }
  let totalIndexes = 0;
  if (succeededIndexes !== undefined) {
    const p = rulePath.child('succeededIndexes');
    if (byteLength(succeededIndexes) > MAX_SUCCEEDED_INDEXES_LENGTH) errs.push(tooLong(p, MAX_SUCCEEDED_INDEXES_LENGTH));
    const r = validateIndexesFormat(succeededIndexes, completions);
    if (r.error !== null) errs.push(invalid(p, succeededIndexes, `error parsing succeededIndexes: ${r.error}`));
    totalIndexes = r.total;
  }
  if (succeededCount !== undefined) {
    const p = rulePath.child('succeededCount');
    errs.push(...validateNonnegativeField(succeededCount, p));
    if (succeededCount > completions) errs.push(invalid(p, succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
    if (succeededIndexes !== undefined && succeededCount > totalIndexes) {
      errs.push(invalid(p, succeededCount, `must be less than or equal to ${totalIndexes} (the number of indexes in the specified succeededIndexes field)`));
    }
  }
  return errs;
}

/** ValidateJobUpdate. */
export function validateJobUpdate(job: JsonObject, old: JsonObject, opts: JobValidationOptions): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(job.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateJobSpecUpdate(asObject(job.spec) ?? {}, asObject(old.spec) ?? {}, Path.of('spec'), opts));
  return errs;
}

/** ValidateJobSpecUpdate: what may not change once a Job exists. */
export function validateJobSpecUpdate(spec: JsonObject, oldSpec: JsonObject, path: Path, opts: JobValidationOptions): ErrorList {
  const errs = validateJobSpec(spec, path, opts);
  errs.push(...validateCompletions(spec, oldSpec, path.child('completions'), opts));
  errs.push(...validateImmutablePointer(spec.selector, oldSpec.selector, path.child('selector')));
  errs.push(...validatePodTemplateUpdate(spec, oldSpec, path, opts));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    errs.push(...validateImmutablePointer(spec[f], oldSpec[f], path.child(f)));
  }
  return errs;
}

/**
 * validatePodTemplateUpdate: the template is immutable, except (for a Job
 * suspended since creation) its node affinity, node selector, tolerations,
 * labels, annotations and scheduling gates.
 */
function validatePodTemplateUpdate(spec: JsonObject, oldSpec: JsonObject, path: Path, opts: JobValidationOptions): ErrorList {
  const template = asObject(spec.template) ?? {};
  let oldTemplate: JsonObject = asObject(oldSpec.template) ?? {};
  if (opts.allowMutableSchedulingDirectives) {
    oldTemplate = structuredClone(oldTemplate);
    const newPod = asObject(template.spec) ?? {};
    const oldPod = (asObject(oldTemplate.spec) ?? (oldTemplate.spec = {})) as JsonObject;
    const newAffinity = asObject(newPod.affinity);
    const oldAffinity = asObject(oldPod.affinity);
    if (!newAffinity && oldAffinity) {
      // Clearing affinity is allowed when only node affinity was set.
      delete oldAffinity.nodeAffinity;
      if (Object.keys(oldAffinity).every((k) => oldAffinity[k] == null)) delete oldPod.affinity;
    } else if (newAffinity && !oldAffinity) {
      oldPod.affinity = newAffinity.nodeAffinity === undefined ? {} : { nodeAffinity: newAffinity.nodeAffinity };
    } else if (newAffinity && oldAffinity) {
      if (newAffinity.nodeAffinity === undefined) delete oldAffinity.nodeAffinity;
      else oldAffinity.nodeAffinity = newAffinity.nodeAffinity;
    }
    for (const f of ['nodeSelector', 'tolerations', 'schedulingGates']) {
      if (newPod[f] === undefined) delete oldPod[f];
      else oldPod[f] = newPod[f];
    }
    const newMeta = asObject(template.metadata) ?? {};
    const oldMeta = (asObject(oldTemplate.metadata) ?? (oldTemplate.metadata = {})) as JsonObject;
    for (const f of ['annotations', 'labels']) {
      if (newMeta[f] === undefined) delete oldMeta[f];
      else oldMeta[f] = newMeta[f];
    }
  }
  return validateImmutableField(template, oldTemplate, path.child('template'));
}

/**
 * validateCompletions: immutable, except that an Indexed Job may change it
 * together with parallelism (ElasticIndexedJob, GA).
 */
function validateCompletions(spec: JsonObject, oldSpec: JsonObject, path: Path, opts: JobValidationOptions): ErrorList {
  if (!opts.allowElasticIndexedJobs || asOptionalString(spec.completionMode) !== 'Indexed') {
    return validateImmutablePointer(spec.completions, oldSpec.completions, path);
  }
  const completions = asOptionalInt(spec.completions);
  if (completions === asOptionalInt(oldSpec.completions)) return [];
  // An Indexed Job without completions is already an error in validateJobSpec.
  if (completions === undefined) return [];
  if (completions !== asOptionalInt(spec.parallelism)) {
    return [invalid(path, completions, `can only be modified in tandem with ${Path.of('spec').child('parallelism').toString()}`)];
  }
  return [];
}

/** jobStrategy.Validate. */
export function jobStrategyValidate(job: JsonObject): ErrorList {
  return validateJob(job, validationOptionsForJob(job, undefined));
}

/** jobStrategy.ValidateUpdate. */
export function jobStrategyValidateUpdate(job: JsonObject, old: JsonObject): ErrorList {
  return validateJobUpdate(job, old, validationOptionsForJob(job, old));
}

/** Go's semantic equality of two *T values (nil differs from a pointer to zero). */
export function pointerEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const nilA = a === undefined || a === null;
  const nilB = b === undefined || b === null;
  return nilA === nilB && (nilA || semanticEqual(a, b));
}
