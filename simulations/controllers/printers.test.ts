// kubectl get rows for the workload kinds, case by case from printers.go
// (printJob, printCronJob, printDaemonSet, printHorizontalPodAutoscaler with
// formatHPAMetrics) and kubectl's rollout history layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronJobCells, daemonSetCells, hpaCells, jobCells, jobStatus, rolloutHistory } from './printers.ts';

const NOW = Date.parse('2025-01-01T01:00:00Z');
const created = '2025-01-01T00:00:00Z';

test('printJob: COMPLETIONS is succeeded/completions, or succeeded/1 (of parallelism when > 1); DURATION runs on until completionTime', () => {
  const job = (spec: object, status: object) => ({ metadata: { name: 'j', creationTimestamp: created }, spec, status });
  assert.deepEqual(jobCells(job({ completions: 3 }, { succeeded: 1, startTime: created }), NOW), ['j', 'Running', '1/3', '60m', '60m']);
  assert.deepEqual(jobCells(job({ parallelism: 4 }, { succeeded: 0 }), NOW).slice(2, 4), ['0/1 of 4', '']);
  assert.deepEqual(jobCells(job({ parallelism: 1 }, { succeeded: 1, startTime: created, completionTime: '2025-01-01T00:00:42Z', conditions: [{ type: 'Complete', status: 'True' }] }), NOW).slice(1, 4), ['Complete', '1/1', '42s']);
});

test('printJob STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet, else Running, in that order', () => {
  const c = (...types: string[]) => ({ status: { conditions: types.map((type) => ({ type, status: 'True' })) } });
  assert.equal(jobStatus(c('FailureTarget', 'Failed')), 'Failed');
  assert.equal(jobStatus(c('SuccessCriteriaMet', 'Complete')), 'Complete');
  assert.equal(jobStatus(c('FailureTarget')), 'FailureTarget');
  assert.equal(jobStatus({ metadata: { deletionTimestamp: created }, ...c('Suspended') }), 'Terminating');
  assert.equal(jobStatus(c('Suspended')), 'Suspended');
  assert.equal(jobStatus(c()), 'Running');
});

test('printCronJob: TIMEZONE <none> when unset, SUSPEND from the pointer, ACTIVE counts refs, LAST SCHEDULE <none> before the first run', () => {
  assert.deepEqual(cronJobCells({ metadata: { name: 'c', creationTimestamp: created }, spec: { schedule: '*/5 * * * *', suspend: false }, status: {} }, NOW), ['c', '*/5 * * * *', '<none>', 'False', '0', '<none>', '60m']);
  assert.deepEqual(cronJobCells({ metadata: { name: 'c', creationTimestamp: created }, spec: { schedule: '0 3 * * *', timeZone: 'Asia/Shanghai' }, status: { active: [{}], lastScheduleTime: '2025-01-01T00:55:00Z' } }, NOW).slice(2, 6), ['Asia/Shanghai', '<unset>', '1', '5m']);
});

test('printDaemonSet: NODE SELECTOR as labels.FormatLabels (sorted key=value, <none> when empty)', () => {
  const ds = (nodeSelector?: object) => ({ metadata: { name: 'd', creationTimestamp: created }, spec: { template: { spec: { nodeSelector } } }, status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1 } });
  assert.deepEqual(daemonSetCells(ds(), NOW), ['d', '2', '2', '1', '2', '1', '<none>', '60m']);
  assert.equal(daemonSetCells(ds({ zone: 'a', disk: 'ssd' }), NOW)[6], 'disk=ssd,zone=a');
});

test('printHorizontalPodAutoscaler: "cpu: 40%/50%", <unknown> before a sync, <auto> without a utilization, at most two metrics then "+ N more..."', () => {
  const metric = (name: string, target: object) => ({ type: 'Resource', resource: { name, target } });
  const hpa = (metrics: object[], minReplicas?: number) => ({ metadata: { name: 'h', creationTimestamp: created }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas, maxReplicas: 10, metrics }, status: { currentReplicas: 3 } });
  assert.deepEqual(hpaCells(hpa([metric('cpu', { type: 'Utilization', averageUtilization: 50 })], 2), NOW, { cpu: 40 }), ['h', 'Deployment/web', 'cpu: 40%/50%', '2', '10', '3', '60m']);
  assert.equal(hpaCells(hpa([metric('cpu', { type: 'Utilization', averageUtilization: 50 })]), NOW, {})[2], 'cpu: <unknown>/50%');
  assert.equal(hpaCells(hpa([metric('cpu', { type: 'Utilization', averageUtilization: 50 })]), NOW, {})[3], '<unset>');
  assert.equal(hpaCells(hpa([metric('memory', { type: 'AverageValue', averageValue: '500Mi' })]), NOW, {})[2], 'memory: <unknown>/500Mi');
  assert.equal(hpaCells(hpa([metric('cpu', {}), metric('memory', { averageUtilization: 70 }), metric('cpu', { averageUtilization: 1 })]), NOW, {})[2], 'cpu: <unknown>/<auto>, memory: <unknown>/70% + 1 more...');
  assert.equal(hpaCells(hpa([]), NOW, {})[2], '<none>');
});

test('kubectl rollout history: the name line with its trailing space, REVISION and CHANGE-CAUSE by tabwriter (padding 2), revisions ascending, <none> when unset', () => {
  const rs = (revision: string, cause?: string) => ({ metadata: { annotations: { 'deployment.kubernetes.io/revision': revision, ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) } }, spec: { template: { spec: { containers: [{ image: 'nginx' }] } } } });
  assert.equal(rolloutHistory('web', [rs('10', 'kubectl set image'), rs('9')]).text, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n9         <none>\n10        kubectl set image\n');
});
