// The controllers lesson (content/07-controllers) states what its cells show,
// including the variants its "Try it" callouts and follow-ups describe. Predict
// quizzes check their own keys; these checks keep the rest of the prose true
// to the engine (and to the public functions, for the worked formulas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { convertDesiredReplicasWithRules, getResourceReplicas, resolveFenceposts } from '../index.ts';
import { engine } from './engine.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const lesson = readFileSync(new URL('../../content/07-controllers/en.md', import.meta.url), 'utf8');

/** The default scenario of the lesson's sim cell `id`, optionally edited. */
function cell(id: string, edit?: (yaml: string) => string) {
  const m = new RegExp('```sim controllers id=' + id + '\\n([\\s\\S]*?)```').exec(lesson);
  assert.ok(m, `no sim cell ${id}`);
  const yaml = edit ? edit(m[1]) : m[1];
  if (edit) assert.notEqual(yaml, m[1], 'the edit changed the scenario');
  return engine.run(parseManifests(yaml), ctx);
}
const table = (out: ReturnType<typeof cell>, label: string, kind: string) => out.result.snapshots.find((s) => s.label.startsWith(label))!.tables.find((t) => t.kind === kind)!.table.rows;

test('fenceposts the lesson works out: 4 → surge 1 / unavailable 1, 3 → 1 / 0, 10 → 3 / 2, 1 → 1 / 0', () => {
  assert.deepEqual(resolveFenceposts('25%', '25%', 4), [1, 1]);
  assert.deepEqual(resolveFenceposts('25%', '25%', 3), [1, 0]);
  assert.deepEqual(resolveFenceposts('25%', '25%', 10), [3, 2]);
  assert.deepEqual(resolveFenceposts('25%', '25%', 1), [1, 0]);
});

test('stuck-rollout: at 2 min web is READY 3/4, UP-TO-DATE 2, AVAILABLE 3; at 10m31s rollout status fails on the progress deadline; nothing rolls back', () => {
  const out = cell('stuck-rollout');
  assert.deepEqual(table(out, 'at 120s', 'Deployment')[0].slice(0, 4), ['web', '3/4', '2', '3']);
  const run = out.result.rolloutStatus[1];
  assert.deepEqual(run.lines.at(-1), { at: 631, text: 'error: deployment "web" exceeded its progress deadline' });
  const d = out.result.deployments[0];
  assert.deepEqual(d.conditions.find((c) => c.type === 'Progressing')!.status, 'False');
  assert.deepEqual(d.images, ['example/web:2.0']);
  assert.deepEqual(out.result.replicaSets.map((r) => [r.image, r.desired]).sort(), [['example/web:1.0', 3], ['example/web:2.0', 2]]);
});

test('stuck-rollout with maxUnavailable 0: one new Pod, 5 Pods, READY 4/4', () => {
  const out = cell('stuck-rollout', (y) => y.replace('maxUnavailable: 25%', 'maxUnavailable: 0'));
  assert.equal(out.result.deployments[0].ready, '4/4');
  assert.equal(out.result.deployments[0].upToDate, 1);
  assert.equal(out.result.podExtremes[0].maxPods, 5);
});

test('stuck-rollout with Recreate: all 4 old Pods go first and the Deployment ends with zero ready Pods', () => {
  const out = cell('stuck-rollout', (y) => y.replace('type: RollingUpdate\n    rollingUpdate: { maxSurge: 25%, maxUnavailable: 25% }', 'type: Recreate'));
  assert.equal(out.result.deployments[0].ready, '0/4');
  assert.equal(out.result.podExtremes[0].minReadyAfterFirstAction, 0);
});

test('undo-history: rolled back to 1.1 as revision 4 with its change-cause; a second undo toggles back to 1.2; a paused Deployment is refused', () => {
  const out = cell('undo-history');
  assert.equal(out.result.actions.at(-1)!.output, 'deployment.apps/api rolled back');
  assert.deepEqual(out.result.rolloutHistory[0].revisions.find((r) => r.revision === 4), { revision: 4, changeCause: 'release 1.1', image: 'example/api:1.1' });
  // 3 replicas: maxUnavailable 25% rounds down to 0, so 1.2 stalled at one Pod beside the 3 of 1.1.
  assert.ok(out.trace.some((s) => s.source?.includes('cleanupUnhealthyReplicas')));
  const twice = cell('undo-history', (y) => y.replace('  - at: 3m\n    rolloutUndo: { deployment: api }', '  - at: 3m\n    rolloutUndo: { deployment: api }\n  - at: 4m\n    rolloutUndo: { deployment: api }'));
  assert.deepEqual(twice.result.deployments[0].images, ['example/api:1.2']);
  const paused = cell('undo-history', (y) => y.replace('  - at: 3m\n    rolloutUndo', '  - at: 170s\n    pause: { deployment: api }\n  - at: 3m\n    rolloutUndo'));
  assert.equal(paused.result.actions.at(-1)!.output, "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/api' and try again");
});

test('undo-history paused at 60 s and resumed at 3 min: no ReplicaSet for 1.2 until the resume', () => {
  const out = cell('undo-history', (y) => y.replace('  - at: 90s\n    setImage', '  - at: 60s\n    pause: { deployment: api }\n  - at: 90s\n    setImage').replace('    rolloutUndo: { deployment: api }', '    resume: { deployment: api }'));
  const rs12 = out.result.timelines[0].replicaSets.find((r) => r.image === 'example/api:1.2')!;
  assert.equal(rs12.points[0].at, 180);
  assert.equal(out.result.snapshots.find((s) => s.label.startsWith('at 180s'))!.tables.find((t) => t.kind === 'ReplicaSet')!.table.rows.length, 2);
});

test('daemon-placement: DESIRED 2; a control-plane toleration adds cp-1', () => {
  const out = cell('daemon-placement');
  assert.equal(out.result.daemonSets[0].desired, 2);
  const tolerated = cell('daemon-placement', (y) => y.replace('      containers:\n      - name: agent', '      tolerations:\n      - { key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }\n      containers:\n      - name: agent'));
  assert.deepEqual(tolerated.result.daemonSets[0].nodes, ['cp-1', 'worker-1', 'worker-2']);
});

test('job-backoff: Pods at 0, 15, 40 and 85 s; kubectl get jobs says Failed 0/1; the four Pods stay in Error', () => {
  const out = cell('job-backoff');
  assert.deepEqual(out.result.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.at), [0, 15, 40, 85]);
  assert.deepEqual(table(out, 'at 600s', 'Job')[0].slice(0, 3), ['migrate', 'Failed', '0/1']);
  assert.deepEqual(out.result.pods.map((p) => p.status), ['Error', 'Error', 'Error', 'Error']);
});

test('cronjob-forbid: the second Job is named for 10:00 and JobAlreadyActive is recorded; startingDeadlineSeconds 60 gives runs at 5:00 and 15:00; Allow overlaps; Replace finishes nothing', () => {
  const out = cell('cronjob-forbid');
  assert.equal(out.result.cronJobs[0].jobs[1].name, 'report-28928170'); // 2025-01-01T00:10Z in minutes since the epoch
  assert.equal(28928170 * 60_000, Date.parse('2025-01-01T00:10:00Z'));
  assert.ok(out.result.events.some((e) => e.reason === 'JobAlreadyActive' && e.message === 'Not starting job because prior execution is running and concurrency policy is Forbid'));
  const deadline = cell('cronjob-forbid', (y) => y.replace('  concurrencyPolicy: Forbid\n', '  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 60\n'));
  assert.deepEqual(deadline.result.cronJobs[0].jobs.map((j) => j.createdAt), [300, 900]);
  // mostRecentScheduleTime starts from now − startingDeadlineSeconds: at 12:00 the 10:00 time is no longer looked at.
  assert.ok(!deadline.result.events.some((e) => e.reason === 'SuccessfulCreate' && e.object === 'cronjob/report' && e.at > 700 && e.at < 800));
  const allow = cell('cronjob-forbid', (y) => y.replace('concurrencyPolicy: Forbid', 'concurrencyPolicy: Allow'));
  assert.deepEqual(allow.result.cronJobs[0].jobs.map((j) => j.createdAt), [300, 600, 900]);
  const replace = cell('cronjob-forbid', (y) => y.replace('concurrencyPolicy: Forbid', 'concurrencyPolicy: Replace'));
  assert.ok(replace.result.jobs.every((j) => j.status !== 'Complete'), JSON.stringify(replace.result.jobs.map((j) => j.status)));
});

test('hpa-load: no metrics in the first minute; proposals of 4 at 75-105 s; New size 8 at 120 s, 10 (TooManyReplicas) at 135 s; 10 → 3 at 660 s', () => {
  const out = cell('hpa-load');
  const hpa = out.result.hpas[0];
  const at = (t: number) => hpa.syncs.find((s) => s.at === t)!;
  assert.ok(at(15).event!.includes('did not receive metrics for targeted pods (pods might be unready)'));
  assert.deepEqual([75, 90, 105].map((t) => at(t).proposed), [4, 4, 4]);
  assert.equal(at(120).event, 'New size: 8; reason: cpu resource utilization (percentage of request) above target');
  assert.deepEqual([at(135).proposed, at(135).desiredReplicas], [8, 10]);
  assert.ok(at(135).conditions.some((c) => c.type === 'ScalingLimited' && c.reason === 'TooManyReplicas'));
  assert.deepEqual(hpa.scaleEvents.at(-1), { at: 660, from: 10, to: 3 });
  assert.equal(at(660).event, 'New size: 3; reason: All metrics below target');
});

test('the HPA formula quiz: 5 Pods at 90% of a 60% target want 8; with one Pod without metrics, 6; the legacy scale-up limit from 4 is 8', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const start = '2025-06-01T11:50:00Z';
  const pods = Array.from({ length: 5 }, (_, i) => ({
    metadata: { name: `p${i}`, namespace: 'default' },
    spec: { containers: [{ name: 'app', resources: { requests: { cpu: '1' } } }] },
    status: { phase: 'Running', startTime: start, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: start }] },
  }));
  const metrics = (n: number) => Array.from({ length: n }, (_, i) => ({ metadata: { name: `p${i}`, namespace: 'default' }, timestamp: '2025-06-01T12:00:00Z', window: '1m0s', containers: [{ name: 'app', usage: { cpu: '900m' } }] }));
  assert.equal(getResourceReplicas(5, 60, 'cpu', pods as never, metrics(5) as never, { now }).replicas, 8);
  assert.equal(getResourceReplicas(5, 60, 'cpu', pods as never, metrics(4) as never, { now }).replicas, 6);
  assert.deepEqual(convertDesiredReplicasWithRules(4, 12, 2, 10), { replicas: 8, reason: 'ScaleUpLimit' });
});
