// Upstream: pkg/apis/batch/v1/defaults_test.go (stored version): TestSetDefaultJob
// (it checks suspend, completions, parallelism, backoffLimit, labels and
// completionMode), TestSetDefaultCronJob. Then, from pkg/apis/batch/v1/defaults.go
// (source; the stored test predates them): podReplacementPolicy
// (JobPodReplacementPolicy, GA since v1.34), backoffLimit with
// backoffLimitPerIndex, manualSelector, and
// SetDefaults_PodFailurePolicyOnPodConditionsPattern for Jobs and CronJob
// templates (kubernetes/kubernetes#131525).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { at, defaulted } from './defaults-builders.ts';

const FILE = 'pkg/apis/batch/v1/defaults_test.go';
const DEFAULTS = 'pkg/apis/batch/v1/defaults.go';
const defaultLabels = { default: 'default' };

const job = (spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', ...metadata }, spec });
const tmpl = () => ({ metadata: { labels: { ...defaultLabels } } });

interface JobCase {
  name: string;
  original: JsonObject;
  expected: { completions?: number; parallelism?: number; backoffLimit?: number; completionMode: string; suspend: boolean };
  expectLabels: boolean;
}
const jobCases: JobCase[] = [
  {
    name: 'All unspecified -> sets all to default values',
    original: job({ template: tmpl() }),
    expected: { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    expectLabels: true,
  },
  {
    name: 'suspend set, everything else is defaulted',
    original: job({ suspend: true, template: tmpl() }),
    expected: { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: true },
    expectLabels: true,
  },
  {
    name: 'All unspecified -> all pointers, CompletionMode are defaulted and no default labels',
    original: job({ template: tmpl() }, { labels: { mylabel: 'myvalue' } }),
    expected: { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    expectLabels: false,
  },
  {
    name: 'WQ: Parallelism explicitly 0 and completions unset -> BackoffLimit is defaulted',
    original: job({ parallelism: 0, template: tmpl() }),
    expected: { parallelism: 0, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    expectLabels: true,
  },
  {
    name: 'WQ: Parallelism explicitly 2 and completions unset -> BackoffLimit is defaulted',
    original: job({ parallelism: 2, template: tmpl() }),
    expected: { parallelism: 2, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    expectLabels: true,
  },
  {
    name: 'Completions explicitly 2 and others unset -> parallelism and BackoffLimit are defaulted',
    original: job({ completions: 2, template: tmpl() }),
    expected: { completions: 2, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    expectLabels: true,
  },
  {
    name: 'BackoffLimit explicitly 5 and others unset -> parallelism and completions are defaulted',
    original: job({ backoffLimit: 5, template: tmpl() }),
    expected: { completions: 1, parallelism: 1, backoffLimit: 5, completionMode: 'NonIndexed', suspend: false },
    expectLabels: true,
  },
  {
    name: 'All set -> no change',
    original: job({ completions: 8, parallelism: 9, backoffLimit: 10, completionMode: 'NonIndexed', suspend: true, template: tmpl() }),
    expected: { completions: 8, parallelism: 9, backoffLimit: 10, completionMode: 'NonIndexed', suspend: true },
    expectLabels: true,
  },
  {
    name: 'All set, flipped -> no change',
    original: job({ completions: 11, parallelism: 10, backoffLimit: 9, completionMode: 'Indexed', suspend: true, template: tmpl() }),
    expected: { completions: 11, parallelism: 10, backoffLimit: 9, completionMode: 'Indexed', suspend: true },
    expectLabels: true,
  },
];

for (const c of jobCases) {
  test(`${FILE} TestSetDefaultJob ${c.name}`, () => {
    const out = defaulted(c.original);
    const spec = out.spec as JsonObject;
    for (const key of ['suspend', 'completions', 'parallelism', 'backoffLimit', 'completionMode'] as const) {
      assert.equal(spec[key], c.expected[key], key);
    }
    assert.equal(JSON.stringify(at(out, ['metadata', 'labels'])) === JSON.stringify(at(out, ['spec', 'template', 'metadata', 'labels'])), c.expectLabels);
  });
}

for (const c of [
  {
    name: 'empty batchv1.CronJob should default batchv1.ConcurrencyPolicy and Suspend',
    spec: undefined,
    expected: { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 },
  },
  {
    name: 'set fields should not be defaulted',
    spec: { concurrencyPolicy: 'Forbid', suspend: true, successfulJobsHistoryLimit: 5, failedJobsHistoryLimit: 5 },
    expected: { concurrencyPolicy: 'Forbid', suspend: true, successfulJobsHistoryLimit: 5, failedJobsHistoryLimit: 5 },
  },
]) {
  test(`${FILE} TestSetDefaultCronJob ${c.name}`, () => {
    const original: JsonObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' } };
    if (c.spec) original.spec = c.spec;
    const spec = defaulted(original).spec as JsonObject;
    for (const [k, v] of Object.entries(c.expected)) assert.equal(spec[k], v, k);
  });
}

test(`${DEFAULTS} SetDefaults_Job: podReplacementPolicy TerminatingOrFailed, or Failed with a podFailurePolicy`, () => {
  assert.equal(at(defaulted(job({})), ['spec', 'podReplacementPolicy']), 'TerminatingOrFailed');
  const withPolicy = job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } });
  assert.equal(at(defaulted(withPolicy), ['spec', 'podReplacementPolicy']), 'Failed');
});

test(`${DEFAULTS} SetDefaults_Job: backoffLimit is MaxInt32 when backoffLimitPerIndex is set`, () => {
  const out = defaulted(job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 }));
  assert.equal(at(out, ['spec', 'backoffLimit']), 2147483647);
});

test(`${DEFAULTS} SetDefaults_Job: manualSelector false`, () => {
  assert.equal(at(defaulted(job({})), ['spec', 'manualSelector']), false);
});

test(`${DEFAULTS} SetDefaults_PodFailurePolicyOnPodConditionsPattern: status True, in Jobs and CronJob templates`, () => {
  const policy = (): JsonObject => ({ rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }, { type: 'ConfigIssue', status: 'False' }] }] });
  const j = defaulted(job({ podFailurePolicy: policy() }));
  assert.deepEqual(at(j, ['spec', 'podFailurePolicy', 'rules', 0, 'onPodConditions']), [
    { type: 'DisruptionTarget', status: 'True' },
    { type: 'ConfigIssue', status: 'False' },
  ]);
  const cj = defaulted({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' }, spec: { jobTemplate: { spec: { podFailurePolicy: policy() } } } });
  assert.equal(at(cj, ['spec', 'jobTemplate', 'spec', 'podFailurePolicy', 'rules', 0, 'onPodConditions', 0, 'status']), 'True');
});

test('pkg/apis/batch/v1/zz_generated.defaults.go SetObjectDefaults_CronJob: the job template gets pod defaults, not a Job\'s', () => {
  const cj = defaulted({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' }, spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure' } } } } } });
  const jobSpec = at(cj, ['spec', 'jobTemplate', 'spec']) as JsonObject;
  assert.equal(jobSpec.backoffLimit, undefined);
  assert.equal(jobSpec.completions, undefined);
  assert.deepEqual(at(jobSpec, ['template', 'spec']), {
    restartPolicy: 'OnFailure',
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  });
});
