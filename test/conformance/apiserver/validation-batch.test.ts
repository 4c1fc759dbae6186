// Upstream: pkg/apis/batch/validation/validation_test.go (newest stored version):
// TestValidateJob, TestValidateJobUpdate, TestValidateJobUpdateStatus,
// TestValidateCronJob, TestValidateCronJobScheduleTZ, TestValidateCronJobSpec,
// TestTimeZones (a sample), TestValidateIndexesString, TestValidateFailedIndexesNotOverlapCompleted.
//
// batch/v1 JSON for upstream's internal objects; podtest.MakePod's defaulted
// fields are in the templates. TestValidateJob and TestValidateCronJob check
// only the first error: its field, and that its text contains the rest of the
// case's name. Where that name quotes a bad value in the Go syntax of an older
// apimachinery (`batch.SuccessPolicy{...}`, `map[string]string{...}`) or an
// older TooLong wording, the check keeps the part v1.36 still prints: the
// error type and the detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList, ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';
import { validateCronJobCreate, validateCronJobSpec, validateCronJobUpdate, validateTimeZone } from '../../../simulations/apiserver/validation/batch/cron-job.ts';
import { validateFailedIndexesNotOverlapCompleted, validateIndexesFormat } from '../../../simulations/apiserver/validation/batch/job-indexes.ts';
import { validateJobUpdateStatus } from '../../../simulations/apiserver/validation/batch/job-status.ts';
import { validateJob, validateJobUpdate } from '../../../simulations/apiserver/validation/batch/job.ts';
import type { JobValidationOptions } from '../../../simulations/apiserver/validation/batch/job.ts';
import { defaultPodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';

const FILE = 'pkg/apis/batch/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';

interface Want {
  type: ErrorType;
  field: string;
}
function assertExactly(errs: ErrorList, want: Want[], label: string): void {
  const key = (e: Want) => `${e.field} ${e.type}`;
  assert.deepEqual(errs.map(key).sort(), want.map(key).sort(), `${label}\n${show(errs)}`);
}
/** The first error: its field, its type, and (when given) text its message must contain. */
function assertFirst(errs: ErrorList, field: string, type: ErrorType, contains: string | null, label: string): void {
  assert.ok(errs.length > 0, `${label}: expected failure`);
  const e = errs[0];
  assert.equal(e.field, field, `${label}: first error ${errorString(e)}\n${show(errs)}`);
  assert.equal(e.type, type, `${label}: first error ${errorString(e)}`);
  if (contains !== null) assert.ok(errorString(e).includes(contains), `${label}: ${errorString(e)} lacks ${JSON.stringify(contains)}`);
}

// ---- podtest builders ----

function container(name: string): JsonObject {
  return { name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' };
}
/** podtest.MakePod("", ...).Spec with the restart policy and containers upstream sets. */
function podSpec(restartPolicy: string, initContainers = true, extra: JsonObject = {}): JsonObject {
  const spec: JsonObject = {
    containers: [container('abc')],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    restartPolicy,
    securityContext: {},
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    ...extra,
  };
  if (initContainers) spec.initContainers = [container('def')];
  return spec;
}
const CUID = 'batch.kubernetes.io/controller-uid';
const JNAME = 'batch.kubernetes.io/job-name';
const validManualSelector = (): JsonObject => ({ matchLabels: { a: 'b' } });
const validGeneratedSelector = (): JsonObject => ({ matchLabels: { [CUID]: '1a2b3c', 'controller-uid': '1a2b3c', [JNAME]: 'myjob', 'job-name': 'myjob' } });
/** getValidPodTemplateSpecForManual. */
const templateForManual = (): JsonObject => ({ metadata: { labels: { a: 'b' } }, spec: podSpec('OnFailure', false) });
/** getValidPodTemplateSpecForGenerated. */
const templateForGenerated = (restartPolicy = 'OnFailure'): JsonObject => ({ metadata: { labels: (validGeneratedSelector().matchLabels as JsonObject) }, spec: podSpec(restartPolicy) });
const validJobObjectMeta = (): JsonObject => ({ name: 'myjob', namespace: 'default', uid: '1a2b3c' });
const job = (spec: JsonObject, metadata: JsonObject = validJobObjectMeta()): JsonObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata, spec });
/** Go's JobValidationOptions{...}: the embedded PodValidationOptions are all false. */
const jobOpts = (extra: Partial<JobValidationOptions>): JobValidationOptions => ({
  ...(Object.fromEntries(Object.keys(defaultPodValidationOptions()).map((k) => [k, false])) as unknown as JobValidationOptions),
  ...extra,
});
const prefixed: JobValidationOptions = jobOpts({ requirePrefixedLabels: true });
const none: JobValidationOptions = jobOpts({});
const generated = (spec: JsonObject): JsonObject => job({ selector: validGeneratedSelector(), template: templateForGenerated(), ...spec });
const generatedNever = (spec: JsonObject): JsonObject => job({ selector: validGeneratedSelector(), template: templateForGenerated('Never'), ...spec });
const rule = (action: string, more: JsonObject): JsonObject => ({ action, ...more });

test(`${FILE} TestValidateJob: success cases`, () => {
  const hostNet = templateForGenerated();
  (hostNet.spec as JsonObject).securityContext = { hostNetwork: true };
  ((hostNet.spec as JsonObject).containers as JsonObject[])[0].ports = [{ containerPort: 12345, protocol: 'TCP' }];
  const cases: [string, JsonObject, JobValidationOptions][] = [
    [
      'valid success policy',
      generatedNever({ completionMode: 'Indexed', completions: 10, successPolicy: { rules: [{ succeededCount: 1, succeededIndexes: '0,2,4' }, { succeededIndexes: '1,3,5-9' }] } }),
      prefixed,
    ],
    [
      'valid pod failure policy',
      generatedNever({
        podFailurePolicy: {
          rules: [
            rule('Ignore', { onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }),
            rule('FailJob', { onPodConditions: [{ type: 'CustomConditionType', status: 'False' }] }),
            rule('Count', { onExitCodes: { containerName: 'abc', operator: 'In', values: [1, 2, 3] } }),
            rule('Ignore', { onExitCodes: { containerName: 'def', operator: 'In', values: [4] } }),
            rule('FailJob', { onExitCodes: { operator: 'NotIn', values: [5, 6, 7] } }),
          ],
        },
      }),
      prefixed,
    ],
    [
      'valid pod failure policy with FailIndex',
      generatedNever({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, manualSelector: true, podFailurePolicy: { rules: [rule('FailIndex', { onExitCodes: { operator: 'In', values: [10] } })] } }),
      none,
    ],
    ['valid manual selector', job({ selector: validManualSelector(), manualSelector: true, template: templateForManual() }, { ...validJobObjectMeta(), annotations: { foo: 'bar' } }), prefixed],
    ['valid generated selector', generated({}), prefixed],
    ['valid pod replacement', generated({ podReplacementPolicy: 'TerminatingOrFailed' }), prefixed],
    ['valid pod replacement with failed', generated({ podReplacementPolicy: 'Failed' }), prefixed],
    ['valid hostnet', job({ selector: validGeneratedSelector(), template: hostNet }), prefixed],
    ['valid NonIndexed completion mode', generated({ completionMode: 'NonIndexed' }), prefixed],
    ['valid Indexed completion mode', generated({ completionMode: 'Indexed', completions: 2, parallelism: 100000 }), prefixed],
    [
      'valid parallelism and maxFailedIndexes for high completions when backoffLimitPerIndex is used',
      generated({ completions: 100_000, parallelism: 100_000, maxFailedIndexes: 100_000, backoffLimitPerIndex: 1, completionMode: 'Indexed' }),
      prefixed,
    ],
    [
      'valid parallelism and maxFailedIndexes for unlimited completions when backoffLimitPerIndex is used',
      generated({ completions: 1_000_000_000, parallelism: 10_000, maxFailedIndexes: 10_000, backoffLimitPerIndex: 1, completionMode: 'Indexed' }),
      prefixed,
    ],
    ['valid job tracking annotation', generated({}), prefixed],
    ['valid batch labels', generated({}), prefixed],
    [
      'do not allow new batch labels',
      job({ selector: { matchLabels: { 'controller-uid': '1a2b3c' } }, template: { metadata: { labels: { 'controller-uid': '1a2b3c', 'job-name': 'myjob' } }, spec: podSpec('OnFailure') } }),
      jobOpts({ requirePrefixedLabels: false }),
    ],
    ['valid managedBy field', generated({ managedBy: 'example.com/foo' }), prefixed],
  ];
  for (const [name, j, opts] of cases) {
    assertExactly(validateJob(j, opts), [], name);
    if (opts === prefixed) assertExactly(validationFor('batch/v1/Job')!.create(j), [], `${name} through the table`);
  }
});

test(`${FILE} TestValidateJob: each error case's first error`, () => {
  const R: ErrorType = 'FieldValueRequired';
  const I: ErrorType = 'FieldValueInvalid';
  const NS: ErrorType = 'FieldValueNotSupported';
  const D: ErrorType = 'FieldValueDuplicate';
  const TM: ErrorType = 'FieldValueTooMany';
  const TL: ErrorType = 'FieldValueTooLong';
  const indexed5 = (successPolicy: JsonObject) => generatedNever({ completionMode: 'Indexed', completions: 5, successPolicy });
  const pfp = (rules: JsonObject[]) => generatedNever({ podFailurePolicy: { rules } });
  const onExit = (action: string, onExitCodes: JsonObject) => rule(action, { onExitCodes });
  const manual = (labels: JsonObject, restartPolicy: string) => job({ selector: validManualSelector(), manualSelector: true, template: { metadata: { labels }, spec: podSpec(restartPolicy, false) } });
  const cases: [string, string, ErrorType, string | null, JsonObject, JobValidationOptions][] = [
    ['spec.managedBy: Too long', 'spec.managedBy', TL, null, generated({ managedBy: `example.com/${'x'.repeat(60)}` }), prefixed],
    ['spec.managedBy: not a domain-prefixed path', 'spec.managedBy', I, 'must be a domain-prefixed path (such as "acme.io/foo")', generated({ managedBy: 'invalid custom controller name' }), prefixed],
    ['spec.successPolicy: requires indexed completion mode', 'spec.successPolicy', I, 'requires indexed completion mode', generatedNever({ successPolicy: { rules: [] } }), prefixed],
    ['spec.successPolicy.rules: Required value', 'spec.successPolicy.rules', R, 'at least one rules must be specified when the successPolicy is specified', indexed5({}), prefixed],
    ['spec.successPolicy.rules[0]: Required value', 'spec.successPolicy.rules[0]', R, 'at least one of succeededCount or succeededIndexes must be specified', indexed5({ rules: [{}] }), prefixed],
    [
      'spec.successPolicy.rules[0].succeededIndexes: invalid format',
      'spec.successPolicy.rules[0].succeededIndexes',
      I,
      'Invalid value: "invalid-format": error parsing succeededIndexes: cannot convert string to integer for index: "invalid"',
      indexed5({ rules: [{ succeededIndexes: 'invalid-format' }] }),
      prefixed,
    ],
    ['spec.successPolicy.rules[0].succeededIndexes: Too long', 'spec.successPolicy.rules[0].succeededIndexes', TL, null, indexed5({ rules: [{ succeededIndexes: '1'.repeat(64 * 1024 + 1) }] }), prefixed],
    ['spec.successPolicy.rules[0].succeededCount: negative', 'spec.successPolicy.rules[0].succeededCount', I, 'must be greater than or equal to 0', indexed5({ rules: [{ succeededCount: -1 }] }), prefixed],
    [
      'spec.successPolicy.rules[0].succeededCount: above completions',
      'spec.successPolicy.rules[0].succeededCount',
      I,
      'Invalid value: 6: must be less than or equal to 5 (the number of specified completions)',
      indexed5({ rules: [{ succeededCount: 6 }] }),
      prefixed,
    ],
    [
      'spec.successPolicy.rules[0].succeededCount: above the indexes',
      'spec.successPolicy.rules[0].succeededCount',
      I,
      'Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)',
      indexed5({ rules: [{ succeededCount: 4, succeededIndexes: '0-2' }] }),
      prefixed,
    ],
    ['spec.successPolicy.rules: Too many', 'spec.successPolicy.rules', TM, 'Too many: 21: must have at most 20 items', indexed5({ rules: Array.from({ length: 21 }, () => ({ succeededCount: 5 })) }), prefixed],
    ['spec.podFailurePolicy.rules[0]: one of required', 'spec.podFailurePolicy.rules[0]', I, 'specifying one of OnExitCodes and OnPodConditions is required', pfp([rule('FailJob', {})]), prefixed],
    ['values[1]: Duplicate value: 11', 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]', D, 'Duplicate value: 11', pfp([onExit('FailJob', { operator: 'In', values: [11, 11] })]), prefixed],
    ['values: Too many: 256', 'spec.podFailurePolicy.rules[0].onExitCodes.values', TM, 'Too many: 256: must have at most 255 items', pfp([onExit('FailJob', { operator: 'In', values: Array.from({ length: 256 }, (_, i) => i) })]), prefixed],
    [
      'spec.podFailurePolicy.rules: Too many: 21',
      'spec.podFailurePolicy.rules',
      TM,
      'Too many: 21: must have at most 20 items',
      pfp(Array.from({ length: 21 }, (_, i) => onExit('FailJob', { operator: 'In', values: [i + 1] }))),
      prefixed,
    ],
    [
      'onPodConditions: Too many: 21',
      'spec.podFailurePolicy.rules[0].onPodConditions',
      TM,
      'Too many: 21: must have at most 20 items',
      pfp([rule('FailJob', { onPodConditions: Array.from({ length: 21 }, (_, i) => ({ type: `CustomType_${i}`, status: 'True' })) })]),
      prefixed,
    ],
    ['values[2]: Duplicate value: 13', 'spec.podFailurePolicy.rules[0].onExitCodes.values[2]', D, 'Duplicate value: 13', pfp([onExit('FailJob', { operator: 'In', values: [12, 13, 13, 13] })]), prefixed],
    ['values: must be ordered', 'spec.podFailurePolicy.rules[0].onExitCodes.values', I, 'must be ordered', pfp([onExit('FailJob', { operator: 'In', values: [19, 11] })]), prefixed],
    ['values: at least one value is required', 'spec.podFailurePolicy.rules[0].onExitCodes.values', I, 'at least one value is required', pfp([onExit('FailJob', { operator: 'In', values: [] })]), prefixed],
    [
      'action: Required value',
      'spec.podFailurePolicy.rules[0].action',
      R,
      'Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
      pfp([onExit('', { operator: 'In', values: [1, 2, 3] })]),
      prefixed,
    ],
    ['operator: Required value', 'spec.podFailurePolicy.rules[0].onExitCodes.operator', R, 'Required value: valid values: ["In" "NotIn"]', pfp([onExit('FailJob', { operator: '', values: [1, 2, 3] })]), prefixed],
    [
      'rules[0]: both not supported',
      'spec.podFailurePolicy.rules[0]',
      I,
      'specifying both OnExitCodes and OnPodConditions is not supported',
      pfp([rule('FailJob', { onExitCodes: { containerName: 'abc', operator: 'In', values: [1, 2, 3] }, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] })]),
      prefixed,
    ],
    ['values[1]: must not be 0 for the In operator', 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]', I, 'Invalid value: 0: must not be 0 for the In operator', pfp([onExit('Ignore', { operator: 'In', values: [1, 0, 2] })]), prefixed],
    [
      'rules[1].onExitCodes.containerName',
      'spec.podFailurePolicy.rules[1].onExitCodes.containerName',
      I,
      'Invalid value: "xyz": must be one of the container or initContainer names in the pod template',
      pfp([onExit('Ignore', { containerName: 'abc', operator: 'In', values: [1, 2, 3] }), onExit('FailJob', { containerName: 'xyz', operator: 'In', values: [5, 6, 7] })]),
      prefixed,
    ],
    [
      'action: Unsupported value',
      'spec.podFailurePolicy.rules[0].action',
      NS,
      'Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
      pfp([onExit('UnknownAction', { containerName: 'abc', operator: 'In', values: [1, 2, 3] })]),
      prefixed,
    ],
    [
      'operator: Unsupported value',
      'spec.podFailurePolicy.rules[0].onExitCodes.operator',
      NS,
      'Unsupported value: "UnknownOperator": supported values: "In", "NotIn"',
      pfp([onExit('Ignore', { operator: 'UnknownOperator', values: [1, 2, 3] })]),
      prefixed,
    ],
    [
      'onPodConditions[0].status: Required value',
      'spec.podFailurePolicy.rules[0].onPodConditions[0].status',
      R,
      'Required value: valid values: ["False" "True" "Unknown"]',
      pfp([rule('Ignore', { onPodConditions: [{ type: 'DisruptionTarget' }] })]),
      prefixed,
    ],
    [
      'onPodConditions[0].status: Unsupported value',
      'spec.podFailurePolicy.rules[0].onPodConditions[0].status',
      NS,
      'Unsupported value: "UnknownStatus": supported values: "False", "True", "Unknown"',
      pfp([rule('Ignore', { onPodConditions: [{ type: 'DisruptionTarget', status: 'UnknownStatus' }] })]),
      prefixed,
    ],
    ['onPodConditions[0].type: empty', 'spec.podFailurePolicy.rules[0].onPodConditions[0].type', I, 'Invalid value: "": name part must be non-empty', pfp([rule('Ignore', { onPodConditions: [{ status: 'True' }] })]), prefixed],
    [
      'onPodConditions[0].type: not a qualified name',
      'spec.podFailurePolicy.rules[0].onPodConditions[0].type',
      I,
      "Invalid value: \"Invalid Condition Type\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      pfp([rule('Ignore', { onPodConditions: [{ type: 'Invalid Condition Type', status: 'True' }] })]),
      prefixed,
    ],
    [
      'spec.podReplacementPolicy: only Failed with a pod failure policy',
      'spec.podReplacementPolicy',
      NS,
      'Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
      generatedNever({ podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [rule('Ignore', { onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] })] } }),
      prefixed,
    ],
    ['spec.podReplacementPolicy: empty', 'spec.podReplacementPolicy', NS, 'Unsupported value: "": supported values: "Failed", "TerminatingOrFailed"', generatedNever({ podReplacementPolicy: '' }), prefixed],
    [
      'spec.template.spec.restartPolicy: only Never with a pod failure policy',
      'spec.template.spec.restartPolicy',
      I,
      'Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      job({ selector: validGeneratedSelector(), template: { metadata: { labels: validGeneratedSelector().matchLabels as JsonObject }, spec: podSpec('OnFailure', false) }, podFailurePolicy: { rules: [] } }),
      prefixed,
    ],
    ['spec.parallelism: negative', 'spec.parallelism', I, 'must be greater than or equal to 0', generated({ parallelism: -1 }), prefixed],
    ['spec.backoffLimit: negative', 'spec.backoffLimit', I, 'must be greater than or equal to 0', generated({ backoffLimit: -1 }), prefixed],
    ['spec.backoffLimitPerIndex: requires indexed completion mode', 'spec.backoffLimitPerIndex', I, 'Invalid value: 1: requires indexed completion mode', generated({ backoffLimitPerIndex: 1 }), prefixed],
    ['spec.backoffLimitPerIndex: negative', 'spec.backoffLimitPerIndex', I, 'must be greater than or equal to 0', generated({ backoffLimitPerIndex: -1, completionMode: 'Indexed' }), prefixed],
    [
      'spec.maxFailedIndexes: above completions',
      'spec.maxFailedIndexes',
      I,
      'Invalid value: 11: must be less than or equal to completions',
      generated({ completions: 10, maxFailedIndexes: 11, backoffLimitPerIndex: 1, completionMode: 'Indexed' }),
      prefixed,
    ],
    [
      'spec.maxFailedIndexes: Required value',
      'spec.maxFailedIndexes',
      R,
      'Required value: must be specified when completions is above 100000',
      generated({ completions: 100_001, backoffLimitPerIndex: 1, completionMode: 'Indexed' }),
      prefixed,
    ],
    [
      'spec.parallelism: above 10000 with high completions',
      'spec.parallelism',
      I,
      'Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      generated({ completions: 100_001, parallelism: 50_000, backoffLimitPerIndex: 1, maxFailedIndexes: 1, completionMode: 'Indexed' }),
      prefixed,
    ],
    [
      'spec.maxFailedIndexes: above 100000',
      'spec.maxFailedIndexes',
      I,
      'Invalid value: 100001: must be less than or equal to 100000',
      generated({ completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 100_001, completionMode: 'Indexed' }),
      prefixed,
    ],
    [
      'spec.maxFailedIndexes: above 10000 with high completions',
      'spec.maxFailedIndexes',
      I,
      'Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      generated({ completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 50_000, completionMode: 'Indexed' }),
      prefixed,
    ],
    ['spec.maxFailedIndexes: negative', 'spec.maxFailedIndexes', I, 'must be greater than or equal to 0', generated({ backoffLimitPerIndex: 1, maxFailedIndexes: -1, completionMode: 'Indexed' }), prefixed],
    ['spec.backoffLimitPerIndex: Required value', 'spec.backoffLimitPerIndex', R, 'Required value: when maxFailedIndexes is specified', generated({ maxFailedIndexes: 1, completionMode: 'Indexed' }), prefixed],
    ['spec.completions: negative', 'spec.completions', I, 'must be greater than or equal to 0', generated({ completions: -1 }), prefixed],
    ['spec.activeDeadlineSeconds: negative', 'spec.activeDeadlineSeconds', I, 'must be greater than or equal to 0', generated({ activeDeadlineSeconds: -1 }), prefixed],
    ['spec.selector: Required value', 'spec.selector', R, 'Required value', job({ template: templateForGenerated() }), prefixed],
    ['labels {"y":"z"} do not match', 'spec.template.metadata.labels', I, '`selector` does not match template `labels`', manual({ y: 'z' }, 'OnFailure'), prefixed],
    ['labels {"controller-uid":"4d5e6f"} do not match', 'spec.template.metadata.labels', I, '`selector` does not match template `labels`', manual({ 'controller-uid': '4d5e6f' }, 'OnFailure'), prefixed],
    ['spec.template.spec.restartPolicy: Required value', 'spec.template.spec.restartPolicy', R, 'Required value', manual({ a: 'b' }, 'Always'), prefixed],
    ['spec.template.spec.restartPolicy: Unsupported value', 'spec.template.spec.restartPolicy', NS, 'Unsupported value', manual({ a: 'b' }, 'Invalid'), prefixed],
    ['spec.ttlSecondsAfterFinished: negative', 'spec.ttlSecondsAfterFinished', I, 'must be greater than or equal to 0', generated({ ttlSecondsAfterFinished: -1 }), prefixed],
    ['spec.completions: Required value when Indexed', 'spec.completions', R, 'Required value: when completion mode is Indexed', generated({ completionMode: 'Indexed' }), prefixed],
    [
      'spec.parallelism: above 100000 when Indexed',
      'spec.parallelism',
      I,
      'must be less than or equal to 100000 when completion mode is Indexed',
      generated({ completionMode: 'Indexed', completions: 2, parallelism: 100001 }),
      prefixed,
    ],
    [
      'spec.template.metadata.labels[controller-uid]: Required value',
      'spec.template.metadata.labels[controller-uid]',
      R,
      "Required value: must be '1a2b3c'",
      job({ selector: { matchLabels: { 'controller-uid': '1a2b3c' } }, template: { metadata: { labels: { 'job-name': 'myjob' } }, spec: podSpec('OnFailure') } }),
      none,
    ],
    [
      'metadata.uid: Required value',
      'metadata.uid',
      R,
      'Required value',
      job({ selector: { matchLabels: { 'controller-uid': 'test' } }, template: { metadata: { labels: { 'job-name': 'myjob' } }, spec: podSpec('OnFailure') } }, { name: 'myjob', namespace: 'default' }),
      none,
    ],
    ['spec.selector: not auto-generated', 'spec.selector', I, '`selector` not auto-generated', job({ selector: { matchLabels: { a: 'b' } }, template: templateForGenerated() }), prefixed],
    [
      'spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Required value',
      'spec.template.metadata.labels[batch.kubernetes.io/controller-uid]',
      R,
      "Required value: must be '1a2b3c'",
      job({ selector: { matchLabels: { [CUID]: '1a2b3c' } }, template: { metadata: { labels: { [JNAME]: 'myjob', 'controller-uid': '1a2b3c', 'job-name': 'myjob' } }, spec: podSpec('OnFailure') } }),
      prefixed,
    ],
  ];
  for (const [name, field, type, contains, j, opts] of cases) {
    assertFirst(validateJob(j, opts), field, type, contains, name);
    if (opts === prefixed) assertFirst(validationFor('batch/v1/Job')!.create(j), field, type, contains, `${name} through the table`);
  }
});

test(`${FILE} TestValidateJobUpdate`, () => {
  const validNodeAffinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }] } } };
  const templateWithAffinity = templateForGenerated();
  (templateWithAffinity.spec as JsonObject).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value'] }] }] } } };
  const newSelector = validGeneratedSelector();
  (newSelector.matchLabels as JsonObject).foo = 'bar';
  const validTolerations = [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }];
  type J = { metadata: JsonObject; spec: JsonObject & { template: { metadata: JsonObject; spec: JsonObject } } };
  const old = (spec: JsonObject): JsonObject => ({ metadata: { name: 'abc', namespace: 'default' }, spec: { selector: validGeneratedSelector(), template: templateForGenerated(), ...spec } });
  const oldNever = (spec: JsonObject) => old({ template: templateForGenerated('Never'), ...spec });
  const inv = (field: string): Want[] => [{ type: 'FieldValueInvalid', field }];
  const elastic: JobValidationOptions = jobOpts({ allowElasticIndexedJobs: true });
  const mutable: JobValidationOptions = jobOpts({ allowMutableSchedulingDirectives: true });
  const pfpRule = (action: string) => ({ action, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] });
  const cases: [string, JsonObject, (j: J) => void, JobValidationOptions, Want[]][] = [
    [
      'mutable fields',
      old({ parallelism: 5, activeDeadlineSeconds: 2, ttlSecondsAfterFinished: 1 }),
      (j) => Object.assign(j.spec, { parallelism: 2, activeDeadlineSeconds: 3, ttlSecondsAfterFinished: 2, manualSelector: true }),
      none,
      [],
    ],
    ['invalid attempt to set managedBy field', old({}), (j) => (j.spec.managedBy = 'example.com/custom-controller'), none, inv('spec.managedBy')],
    ['invalid update of the managedBy field', old({ managedBy: 'example.com/custom-controller1' }), (j) => (j.spec.managedBy = 'example.com/custom-controller2'), none, inv('spec.managedBy')],
    ['immutable completions for non-indexed jobs', old({}), (j) => (j.spec.completions = 1), none, inv('spec.completions')],
    ['immutable completions for indexed job when AllowElasticIndexedJobs is false', old({}), (j) => (j.spec.completions = 1), none, inv('spec.completions')],
    ['immutable selector', old({ template: { metadata: { labels: newSelector.matchLabels as JsonObject }, spec: podSpec('OnFailure') } }), (j) => (j.spec.selector = newSelector), none, inv('spec.selector')],
    ['add success policy', oldNever({ completionMode: 'Indexed', completions: 5 }), (j) => (j.spec.successPolicy = { rules: [{ succeededCount: 2 }] }), none, inv('spec.successPolicy')],
    [
      'update success policy',
      oldNever({ completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '1-3' }] } }),
      (j) => ((j.spec.successPolicy as { rules: JsonObject[] }).rules.push({ succeededCount: 3 })),
      none,
      inv('spec.successPolicy'),
    ],
    ['remove success policy', oldNever({ completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '1-3' }] } }), (j) => delete j.spec.successPolicy, none, inv('spec.successPolicy')],
    ['add pod failure policy', oldNever({}), (j) => (j.spec.podFailurePolicy = { rules: [pfpRule('Ignore')] }), none, inv('spec.podFailurePolicy')],
    ['update pod failure policy', oldNever({ podFailurePolicy: { rules: [pfpRule('Ignore')] } }), (j) => ((j.spec.podFailurePolicy as { rules: JsonObject[] }).rules.push(pfpRule('Count'))), none, inv('spec.podFailurePolicy')],
    ['remove pod failure policy', oldNever({ podFailurePolicy: { rules: [pfpRule('Ignore')] } }), (j) => delete j.spec.podFailurePolicy, none, inv('spec.podFailurePolicy')],
    ['set backoff limit per index', oldNever({ completions: 3, completionMode: 'Indexed' }), (j) => (j.spec.backoffLimitPerIndex = 1), none, inv('spec.backoffLimitPerIndex')],
    ['unset backoff limit per index', oldNever({ completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }), (j) => delete j.spec.backoffLimitPerIndex, none, inv('spec.backoffLimitPerIndex')],
    ['update backoff limit per index', oldNever({ completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }), (j) => (j.spec.backoffLimitPerIndex = 2), none, inv('spec.backoffLimitPerIndex')],
    ['set max failed indexes', oldNever({ completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }), (j) => (j.spec.maxFailedIndexes = 1), none, []],
    ['unset max failed indexes', oldNever({ completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), (j) => delete j.spec.maxFailedIndexes, none, []],
    ['update max failed indexes', oldNever({ completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), (j) => (j.spec.maxFailedIndexes = 2), none, []],
    ['immutable pod template', old({ completions: 3, completionMode: 'Indexed' }), (j) => (j.spec.template.spec.dnsPolicy = 'ClusterFirstWithHostNet'), none, inv('spec.template')],
    ['immutable completion mode', old({ completionMode: 'Indexed', completions: 2 }), (j) => (j.spec.completionMode = 'NonIndexed'), none, inv('spec.completionMode')],
    ['immutable completions for non-indexed job when AllowElasticIndexedJobs is true', old({ completionMode: 'NonIndexed', completions: 2 }), (j) => (j.spec.completions = 4), elastic, inv('spec.completions')],
    ['immutable node affinity', old({}), (j) => (j.spec.template.spec.affinity = validNodeAffinity), none, inv('spec.template')],
    ['add node affinity', old({}), (j) => (j.spec.template.spec.affinity = validNodeAffinity), mutable, []],
    ['update node affinity', old({ template: templateWithAffinity }), (j) => (j.spec.template.spec.affinity = validNodeAffinity), mutable, []],
    ['remove node affinity', old({ template: templateWithAffinity }), (j) => delete (j.spec.template.spec.affinity as JsonObject).nodeAffinity, mutable, []],
    ['remove affinity', old({ template: templateWithAffinity }), (j) => delete j.spec.template.spec.affinity, mutable, []],
    ['immutable tolerations', old({}), (j) => (j.spec.template.spec.tolerations = validTolerations), none, inv('spec.template')],
    ['mutable tolerations', old({}), (j) => (j.spec.template.spec.tolerations = validTolerations), mutable, []],
    ['immutable node selector', old({}), (j) => (j.spec.template.spec.nodeSelector = { foo: 'bar' }), none, inv('spec.template')],
    ['mutable node selector', old({}), (j) => (j.spec.template.spec.nodeSelector = { foo: 'bar' }), mutable, []],
    ['immutable annotations', old({}), (j) => (j.spec.template.metadata.annotations = { foo: 'baz' }), none, inv('spec.template')],
    ['mutable annotations', old({}), (j) => (j.spec.template.metadata.annotations = { foo: 'baz' }), mutable, []],
    ['immutable labels', old({}), (j) => (j.spec.template.metadata.labels = { ...(validGeneratedSelector().matchLabels as JsonObject), bar: 'baz' }), none, inv('spec.template')],
    ['mutable labels', old({}), (j) => (j.spec.template.metadata.labels = { ...(validGeneratedSelector().matchLabels as JsonObject), bar: 'baz' }), mutable, []],
    ['immutable schedulingGates', old({}), (j) => (j.spec.template.spec.schedulingGates = [{ name: 'gate' }]), none, inv('spec.template')],
    ['mutable schedulingGates', old({}), (j) => (j.spec.template.spec.schedulingGates = [{ name: 'gate' }]), mutable, []],
    ['update completions and parallelism to same value is valid', old({ completions: 1, parallelism: 1, completionMode: 'Indexed' }), (j) => Object.assign(j.spec, { completions: 2, parallelism: 2 }), elastic, []],
    [
      'previous parallelism != previous completions, new parallelism == new completions',
      old({ completions: 1, parallelism: 2, completionMode: 'Indexed' }),
      (j) => Object.assign(j.spec, { completions: 3, parallelism: 3 }),
      elastic,
      [],
    ],
    [
      'indexed job updating completions and parallelism to different values is invalid',
      old({ completions: 1, parallelism: 1, completionMode: 'Indexed' }),
      (j) => Object.assign(j.spec, { completions: 2, parallelism: 3 }),
      elastic,
      inv('spec.completions'),
    ],
    [
      'indexed job with completions set updated to nil does not panic',
      old({ completions: 1, parallelism: 1, completionMode: 'Indexed' }),
      (j) => {
        delete j.spec.completions;
        j.spec.parallelism = 3;
      },
      elastic,
      [{ type: 'FieldValueRequired', field: 'spec.completions' }],
    ],
    ['indexed job with completions unchanged, parallelism reduced to less than completions', old({ completions: 2, parallelism: 2, completionMode: 'Indexed' }), (j) => Object.assign(j.spec, { completions: 2, parallelism: 1 }), elastic, []],
    ['indexed job with completions unchanged, parallelism increased higher than completions', old({ completions: 2, parallelism: 2, completionMode: 'Indexed' }), (j) => Object.assign(j.spec, { completions: 2, parallelism: 3 }), elastic, []],
  ];
  for (const [name, o, update, opts, want] of cases) {
    (o.metadata as JsonObject).resourceVersion = '1';
    const u = structuredClone(o) as unknown as J;
    update(u);
    assertExactly(validateJobUpdate(u as unknown as JsonObject, o, opts), want, name);
  }
});

test(`${FILE} TestValidateJobUpdateStatus`, () => {
  const meta = (rv: string): JsonObject => ({ name: 'abc', namespace: 'default', resourceVersion: rv });
  const inv = (field: string): Want => ({ type: 'FieldValueInvalid', field });
  const dup = (field: string): Want => ({ type: 'FieldValueDuplicate', field });
  const cases: [string, JsonObject, JsonObject, Want[]][] = [
    ['valid', { metadata: meta('1'), status: { active: 1, succeeded: 2, failed: 3, terminating: 4 } }, { metadata: meta('1'), status: { active: 2, succeeded: 3, failed: 4, ready: 1, terminating: 4 } }, []],
    ['nil ready and terminating', { metadata: meta('1'), status: { active: 1, succeeded: 2, failed: 3 } }, { metadata: meta('1'), status: { active: 2, succeeded: 3, failed: 4 } }, []],
    [
      'negative counts',
      { metadata: meta('10'), status: { active: 1, succeeded: 2, failed: 3, terminating: 4 } },
      { metadata: meta('10'), status: { active: -1, succeeded: -2, failed: -3, ready: -1, terminating: -2 } },
      [inv('status.active'), inv('status.succeeded'), inv('status.failed'), inv('status.ready'), inv('status.terminating')],
    ],
    [
      'empty and duplicated uncounted pods',
      { metadata: meta('5') },
      { metadata: meta('5'), status: { uncountedTerminatedPods: { succeeded: ['a', 'b', 'c', 'a', ''], failed: ['c', 'd', 'e', 'd', ''] } } },
      [
        dup('status.uncountedTerminatedPods.succeeded[3]'),
        inv('status.uncountedTerminatedPods.succeeded[4]'),
        dup('status.uncountedTerminatedPods.failed[0]'),
        dup('status.uncountedTerminatedPods.failed[3]'),
        inv('status.uncountedTerminatedPods.failed[4]'),
      ],
    ],
  ];
  for (const [name, old, update, want] of cases) {
    const errs = validateJobUpdateStatus(update, old, {});
    // Upstream compares without sorting: the order is part of the result.
    assert.deepEqual(
      errs.map((e) => `${e.field} ${e.type}`),
      want.map((w) => `${w.field} ${w.type}`),
      `${name}\n${show(errs)}`,
    );
  }
});

// ---------------------------------------------------------------------------
// CronJob

/** getValidPodTemplateSpecForGenerated with its labels emptied. */
const cronTemplate = (): JsonObject => ({ metadata: { labels: {} }, spec: podSpec('OnFailure') });
const cronJob = (spec: JsonObject, name = 'mycronjob'): JsonObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name, namespace: 'default', uid: '1a2b3c' },
  spec: { concurrencyPolicy: 'Allow', jobTemplate: { spec: { template: cronTemplate() } }, ...spec },
});
const jobTemplate = (spec: JsonObject): JsonObject => ({ spec: { template: cronTemplate(), ...spec } });
const opts0 = defaultPodValidationOptions();

test(`${FILE} TestValidateCronJob`, () => {
  const hostNet = cronTemplate();
  (hostNet.spec as JsonObject).securityContext = { hostNetwork: true };
  ((hostNet.spec as JsonObject).containers as JsonObject[])[0].ports = [{ containerPort: 12345, protocol: 'TCP' }];
  // The hostnet template keeps the generated selector's labels.
  (hostNet.metadata as JsonObject).labels = validGeneratedSelector().matchLabels as JsonObject;
  const successes: [string, JsonObject][] = [
    ['basic scheduled job', cronJob({ schedule: '* * * * ?' })],
    ['hostnet job', cronJob({ schedule: '* * * * ?', jobTemplate: { spec: { template: hostNet } } })],
    ['non-standard scheduled', cronJob({ schedule: '@hourly' })],
    ['correct timeZone value', cronJob({ schedule: '0 * * * *', timeZone: 'Europe/Rome' })],
  ];
  for (const [name, cj] of successes) {
    assertExactly(validateCronJobCreate(cj, opts0), [], name);
    assertExactly(validationFor('batch/v1/CronJob')!.create(cj), [], `${name} through the table`);
    // A no-op update passes too.
    const v = structuredClone(cj);
    (v.metadata as JsonObject).resourceVersion = '1';
    assertExactly(validateCronJobUpdate(v, v, opts0), [], `${name} (update)`);
  }

  // `strings.Split(k, ":")`: the field, then the text up to the next colon.
  const errorCases: [string, JsonObject][] = [
    ['spec.schedule: Invalid value', cronJob({ schedule: 'error' })],
    ['spec.schedule: Required value', cronJob({ schedule: '' })],
    ['spec.timeZone: timeZone must be nil or non-empty string', cronJob({ schedule: '0 * * * *', timeZone: '' })],
    ['spec.timeZone: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones', cronJob({ schedule: '0 * * * *', timeZone: 'LOCAL' })],
    ['spec.timeZone: Invalid value: " Continent/Zone": unknown time zone  Continent/Zone', cronJob({ schedule: '0 * * * *', timeZone: ' Europe/Rome' })],
    ['spec.timeZone: Invalid value: "Continent/InvalidZone": unknown time zone  Continent/InvalidZone', cronJob({ schedule: '0 * * * *', timeZone: 'Europe/InvalidRome' })],
    ['spec.timeZone: Invalid value: " ": unknown time zone  ', cronJob({ schedule: '0 * * * *', timeZone: ' ' })],
    ['spec.timeZone: Invalid value: "Continent/Zone ": unknown time zone Continent/Zone ', cronJob({ schedule: '0 * * * *', timeZone: 'Europe/Rome ' })],
    ['spec.startingDeadlineSeconds:must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', startingDeadlineSeconds: -1 })],
    ['spec.successfulJobsHistoryLimit: must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', successfulJobsHistoryLimit: -1 })],
    ['spec.failedJobsHistoryLimit: must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', failedJobsHistoryLimit: -1 })],
    ['spec.concurrencyPolicy: Required value', { ...cronJob({ schedule: '* * * * ?' }), spec: { schedule: '* * * * ?', jobTemplate: { spec: { template: cronTemplate() } } } }],
    ['spec.jobTemplate.spec.parallelism:must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', jobTemplate: jobTemplate({ parallelism: -1 }) })],
    ['spec.jobTemplate.spec.completions:must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', jobTemplate: jobTemplate({ completions: -1 }) })],
    ['spec.jobTemplate.spec.activeDeadlineSeconds:must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', jobTemplate: jobTemplate({ activeDeadlineSeconds: -1 }) })],
    ['spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated', cronJob({ schedule: '* * * * ?', jobTemplate: jobTemplate({ selector: validManualSelector() }) })],
    ['metadata.name: must be no more than 52 characters', cronJob({ schedule: '* * * * ?' }, '10000000002000000000300000000040000000005000000000123')],
    ['spec.jobTemplate.spec.manualSelector: Unsupported value', cronJob({ schedule: '* * * * ?', jobTemplate: jobTemplate({ manualSelector: true }) })],
    ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value', cronJob({ schedule: '* * * * ?', jobTemplate: { spec: { template: { spec: podSpec('Always', false) } } } })],
    ['spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value', cronJob({ schedule: '* * * * ?', jobTemplate: { spec: { template: { spec: podSpec('Invalid', false) } } } })],
    ['spec.jobTemplate.spec.ttlSecondsAfterFinished:must be greater than or equal to 0', cronJob({ schedule: '* * * * ?', jobTemplate: jobTemplate({ ttlSecondsAfterFinished: -1 }) })],
  ];
  for (const [k, cj] of errorCases) {
    const s = k.split(':');
    const check = (errs: ErrorList, label: string) => {
      assert.ok(errs.length > 0, `${label}: expected failure`);
      assert.equal(errs[0].field, s[0], `${label}: ${show(errs)}`);
      assert.ok(errorString(errs[0]).includes(s[1]), `${label}: ${errorString(errs[0])} lacks ${JSON.stringify(s[1])}`);
    };
    check(validateCronJobCreate(cj, opts0), k);
    check(validationFor('batch/v1/CronJob')!.create(cj), `${k} through the table`);
    // Updates fail the same way, but for the 52-character name limit.
    const oldSpec = structuredClone(cj);
    (oldSpec.metadata as JsonObject).resourceVersion = '1';
    delete (oldSpec.spec as JsonObject).timeZone;
    const newSpec = structuredClone(cj);
    (newSpec.metadata as JsonObject).resourceVersion = '2';
    const errs = validateCronJobUpdate(newSpec, oldSpec, opts0);
    if (k === 'metadata.name: must be no more than 52 characters') assert.equal(errs.length, 0, show(errs));
    else check(errs, `${k} (update)`);
  }
});

test(`${FILE} TestValidateCronJobScheduleTZ`, () => {
  const invalid = cronJob({ schedule: 'TZ=UTC 0 * * * *' });
  const valid = cronJob({ schedule: '0 * * * *' });
  const cases: [string, JsonObject, string, (cj: { spec: JsonObject }) => void, string][] = [
    ['update removing TZ should work', invalid, 'cannot use TZ or CRON_TZ in schedule', (cj) => (cj.spec.schedule = '0 * * * *'), ''],
    ['update not modifying TZ should work', invalid, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead', (cj) => (cj.spec.schedule = 'TZ=UTC 0 * * * *'), ''],
    ['update not modifying TZ but adding .spec.timeZone should fail', invalid, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead', (cj) => (cj.spec.timeZone = 'UTC'), 'cannot use both timeZone field and TZ or CRON_TZ in schedule'],
    ['update adding TZ should fail', valid, '', (cj) => (cj.spec.schedule = 'TZ=UTC 0 * * * *'), 'cannot use TZ or CRON_TZ in schedule'],
  ];
  for (const [name, cj, createErr, update, updateErr] of cases) {
    const errs = validateCronJobCreate(cj, opts0);
    if (createErr === '') assert.equal(errs.length, 0, `${name}: ${show(errs)}`);
    else assert.ok(errs.length > 0 && errorString(errs[0]).includes(createErr), `${name}: ${show(errs)}`);
    const oldSpec = structuredClone(cj);
    (oldSpec.metadata as JsonObject).resourceVersion = '1';
    const newSpec = structuredClone(cj) as { spec: JsonObject; metadata: JsonObject };
    newSpec.metadata.resourceVersion = '2';
    update(newSpec);
    const uerrs = validateCronJobUpdate(newSpec as unknown as JsonObject, oldSpec, opts0);
    if (updateErr === '') assert.equal(uerrs.length, 0, `${name} (update): ${show(uerrs)}`);
    else assert.ok(uerrs.length > 0 && errorString(uerrs[0]).includes(updateErr), `${name} (update): ${show(uerrs)}`);
  }
});

test(`${FILE} TestValidateCronJobSpec`, () => {
  const spec = (timeZone?: string): JsonObject => {
    const s: JsonObject = { schedule: '0 * * * *', concurrencyPolicy: 'Allow', jobTemplate: { spec: { template: cronTemplate() } } };
    if (timeZone !== undefined) s.timeZone = timeZone;
    return s;
  };
  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['no validation because timeZone is nil for old and new', undefined, undefined, false],
    ['check validation because timeZone is different for new', undefined, 'America/New_York', false],
    ['check validation because timeZone is different for new and invalid', undefined, 'broken', true],
    ['old timeZone and new timeZone are valid', 'America/New_York', 'America/Chicago', false],
    ['old timeZone is valid, but new timeZone is invalid', 'America/New_York', 'broken', true],
    ['old timeZone and new timeZone are invalid, but unchanged', 'broken', 'broken', false],
    ['old timeZone and new timeZone are invalid, but different', 'broken', 'still broken', true],
    ['old timeZone is invalid, but new timeZone is valid', 'broken', 'America/New_York', false],
  ];
  for (const [name, oldTZ, newTZ, expectErr] of cases) {
    const errs = validateCronJobSpec(spec(newTZ), spec(oldTZ), Path.of('spec'), opts0);
    assert.equal(errs.length > 0, expectErr, `${name}\n${show(errs)}`);
  }
});

test(`${FILE} TestTimeZones (a sample of Go 1.19's zones)`, () => {
  const zones = [
    'Africa/Abidjan', 'Africa/Dar_es_Salaam', 'America/Argentina/ComodRivadavia', 'America/Port-au-Prince', 'America/North_Dakota/New_Salem', 'America/Nuuk',
    'Antarctica/Troll', 'Asia/Ho_Chi_Minh', 'Asia/Qostanay', 'Asia/Ust-Nera', 'Atlantic/Faeroe', 'Australia/LHI', 'Brazil/DeNoronha', 'Canada/Newfoundland',
    'CET', 'CST6CDT', 'Cuba', 'EST', 'EST5EDT', 'Etc/GMT+0', 'Etc/GMT-14', 'Etc/GMT0', 'Etc/UCT', 'Europe/Isle_of_Man', 'Europe/Kiev', 'Factory',
    'GB-Eire', 'GMT+0', 'GMT-0', 'Greenwich', 'HST', 'Indian/Kerguelen', 'MET', 'MST7MDT', 'Navajo', 'NZ-CHAT', 'Pacific/Kanton', 'PRC', 'PST8PDT',
    'ROC', 'ROK', 'UCT', 'US/East-Indiana', 'US/Pacific', 'UTC', 'W-SU', 'WET', 'Zulu',
  ];
  for (const tz of zones) {
    const errs = validateTimeZone(tz, Path.ROOT);
    assert.equal(errs.length, 0, `${tz} failed: ${show(errs)}`);
  }
});

test(`${FILE} TestValidateIndexesString`, () => {
  const cases: [string, string, number, number, string | null][] = [
    ['empty is valid', '', 6, 0, null],
    ['single number is valid', '1', 6, 1, null],
    ['single interval is valid', '1-3', 6, 3, null],
    ['mixed intervals valid', '0,1-3,5,7-10', 12, 9, null],
    ['invalid due to extra space', '0,1-3, 5', 6, 0, 'cannot convert string to integer for index: " 5"'],
    ['invalid due to too large index', '0,1-3,5', 5, 0, 'too large index: "5"'],
    ['invalid due to non-increasing order of intervals', '1-3,0,5', 6, 0, 'non-increasing order, previous: 3, current: 0'],
    ['invalid due to non-increasing order between intervals', '0,0,5', 6, 0, 'non-increasing order, previous: 0, current: 0'],
    ['invalid due to non-increasing order within interval', '0,1-1,5', 6, 0, 'non-increasing order, previous: 1, current: 1'],
    ["invalid due to starting with '-'", '-1,0', 6, 0, 'cannot convert string to integer for index: ""'],
    ["invalid due to ending with '-'", '0,1-', 6, 0, 'cannot convert string to integer for index: ""'],
    ["invalid due to repeated '-'", '0,1--3', 6, 0, `the fragment "1--3" violates the requirement that an index interval can have at most two parts separated by '-'`],
    ["invalid due to repeated ','", '0,,1,3', 6, 0, 'cannot convert string to integer for index: ""'],
  ];
  for (const [name, s, completions, total, error] of cases) {
    const r = validateIndexesFormat(s, completions);
    assert.equal(r.error, error, name);
    assert.equal(r.total, total, name);
  }
});

test(`${FILE} TestValidateFailedIndexesNotOverlapCompleted`, () => {
  const cases: [string, string, string, number, string | null][] = [
    ['empty intervals', '', '', 6, null],
    ['empty completed intervals', '', '1-3', 6, null],
    ['empty failed intervals', '1-2', '', 6, null],
    ['non-overlapping intervals', '0,2-4,6-8,12-19', '1,9-10', 20, null],
    ['overlapping intervals', '0,2-4,6-8,12-19', '1,8,9-10', 20, 'failedIndexes and completedIndexes overlap at index: 8'],
    ['overlapping intervals, corrupted completed interval skipped', '0,2-4,x,6-8,12-19', '1,8,9-10', 20, 'failedIndexes and completedIndexes overlap at index: 8'],
    ['overlapping intervals, corrupted failed interval skipped', '0,2-4,6-8,12-19', '1,y,8,9-10', 20, 'failedIndexes and completedIndexes overlap at index: 8'],
    ['overlapping intervals, first corrupted intervals skipped', 'x,0,2-4,6-8,12-19', 'y,1,8,9-10', 20, 'failedIndexes and completedIndexes overlap at index: 8'],
    ['non-overlapping intervals, last intervals corrupted', '0,2-4,6-8,12-19,x', '1,9-10,y', 20, null],
  ];
  for (const [name, completed, failed, completions, error] of cases) {
    assert.equal(validateFailedIndexesNotOverlapCompleted(completed, failed, completions), error, name);
  }
});
