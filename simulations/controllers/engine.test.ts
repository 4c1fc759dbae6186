// The registered controllers engine: what it prints for the fixtures, how it
// refuses bad input (located, worded as the API server or kubectl would), and
// its budgets. The numbers come from upstream's rules worked by hand in the
// comments (rolling.go, horizontal.go, backoff_utils.go), not from the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { attachPosition, parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const run = (yaml: string) => engine.run(parseManifests(yaml), ctx);

test('stuck rollout: 25%/25% of 4 is surge 1 (rounded up) and unavailable 1 (rounded down): 5 Pods at most, 3 ready at least, and it stalls at 2 new Pods', () => {
  const out = run(fixture('stuck-rollout.yaml'));
  const before = out.result.snapshots.find((s) => s.label.includes('before rolloutUndo'))!;
  const deploy = before.tables.find((t) => t.kind === 'Deployment')!.table.rows[0];
  // NAME READY UP-TO-DATE AVAILABLE: new RS 0→1 (5 Pods), old 4→3 (minAvailable 3), new 1→2 (5 Pods); the two new Pods never get Ready.
  assert.deepEqual(deploy.slice(0, 4), ['web', '3/4', '2', '3']);
  assert.deepEqual(out.result.podExtremes, [{ deployment: 'web', maxPods: 5, minReadyAfterFirstAction: 3 }]);
  assert.ok(out.trace.some((s) => s.source?.includes('rolling.go reconcileNewReplicaSet') && s.title.includes('min(5 − 4, 4 − 0) = 1')));
  // kubectl rollout undo: the old template comes back as revision 3; revision 1 is gone from the history.
  assert.equal(out.result.actions[1].output, 'deployment.apps/web rolled back');
  assert.deepEqual(out.result.rolloutHistory[0].revisions.map((r) => r.revision), [2, 3]);
  assert.equal(out.result.rolloutHistory[0].text, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n');
  assert.equal(out.result.deployments[0].progressing, 'NewReplicaSetAvailable');
});

test('the same input gives byte-identical output', () => {
  const a = JSON.stringify(run(fixture('stuck-rollout.yaml')));
  const b = JSON.stringify(run(fixture('stuck-rollout.yaml')));
  assert.equal(a, b);
});

test('HPA without spec.behavior: 54% against a 50% target is within the 0.1 tolerance; 150% proposes ceil(4 × 150/50) = 12, limited to max(2 × 4, 4) = 8 (convertDesiredReplicasWithRules, ScaleUpLimit)', () => {
  const hpa = run(fixture('hpa-load.yaml')).result.hpas[0];
  const at = (t: number) => hpa.syncs.find((s) => s.at === t)!;
  assert.deepEqual([at(90).utilization, at(90).desiredReplicas], [54, 4]);
  assert.deepEqual([at(120).utilization, at(120).proposed, at(120).desiredReplicas], [150, 12, 8]);
  assert.ok(at(120).conditions.some((c) => c.type === 'ScalingLimited' && c.reason === 'ScaleUpLimit'));
  // The load drops at 6m; the 300 s downscale stabilization window keeps the highest recommendation of the last 5 minutes.
  const down = hpa.scaleEvents.find((e) => e.to < e.from)!;
  assert.ok(down.at >= 360 + 285 && down.at <= 360 + 315, `scaled down at ${down.at}`);
});

test('Job: backoffLimit 3 means 4 Pods, retried after 10 s, 20 s, 40 s, then Failed with BackoffLimitExceeded', () => {
  const out = run(fixture('job-backoff.yaml'));
  const job = out.result.jobs[0];
  assert.deepEqual([job.status, job.failed, job.podsCreated], ['Failed', 4, 4]);
  const created = out.result.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.at);
  // Each Pod fails 5 s after it starts; back-off 10 s · 2^(n−1) from the last failure (backoff_utils.go).
  assert.deepEqual(created, [0, 15, 40, 85]);
  assert.deepEqual(out.result.events.at(-1), { at: 90, type: 'Warning', reason: 'BackoffLimitExceeded', object: 'job/migrate', message: 'Job has reached the specified backoff limit' });
});

test('DaemonSet: tainted control-plane and GPU nodes get no daemon Pod; a cordoned node does (daemon Pods tolerate unschedulable)', () => {
  const ds = run(fixture('daemonset-cronjob.yaml')).result.daemonSets[0];
  assert.deepEqual(ds.nodes, ['worker-1', 'worker-2']);
});

test('CronJob with concurrencyPolicy Forbid and no startingDeadlineSeconds: a run skipped while the previous one is active starts late, when it ends', () => {
  const cj = run(fixture('daemonset-cronjob.yaml'));
  const created = cj.result.events.filter((e) => e.reason === 'SuccessfulCreate' && e.object === 'cronjob/report').map((e) => e.at);
  // The controller requeues itself 100 ms after each schedule time (nextScheduleTimeDuration): 5m, then 12m (10m's run, late), then 19m (15m's).
  assert.deepEqual(created, [300.1, 720.1, 1140.1]);
});

const bad: { name: string; yaml: string; message: RegExp; line: number }[] = [
  { name: 'an unknown action', yaml: 'apiVersion: kube-notebook.dev/v1alpha1\nkind: ControllerScenario\nspec:\n  actions:\n    - at: 10s\n      restart: { deployment: web }\n', message: /unknown field "restart"/, line: 6 },
  { name: 'a bad duration', yaml: 'apiVersion: kube-notebook.dev/v1alpha1\nkind: ControllerScenario\nspec:\n  until: 5 minutes\n', message: /time: unknown unit/, line: 4 },
  { name: 'an action after the end', yaml: 'apiVersion: kube-notebook.dev/v1alpha1\nkind: ControllerScenario\nspec:\n  until: 1m\n  actions:\n    - at: 2m\n      scale: { deployment: web, replicas: 2 }\n', message: /after spec.until/, line: 6 },
  { name: 'a kind no controller here acts on', yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n', message: /no controller here acts on v1 Service/, line: 2 },
  { name: 'a Deployment the API server refuses', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: other } }\n    spec:\n      containers: [{ name: web, image: nginx }]\n', message: /`selector` does not match template `labels`/, line: 7 },
  { name: 'maxSurge 0 and maxUnavailable 0% (the lesson quotes the message)', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  strategy:\n    rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx }]\n', message: /maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0/, line: 7 },
  { name: 'too many replicas', yaml: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: { name: web }\nspec:\n  replicas: 5000\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx }]\n', message: /at most 100/, line: 5 },
];
for (const c of bad) {
  test(`bad input is a located ValidationError (a 400 from the runtime): ${c.name}`, () => {
    try {
      run(c.yaml);
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      assert.match(e.message, c.message);
      attachPosition(e);
      assert.equal(e.position?.line, c.line, JSON.stringify(e.toJSON()));
    }
  });
}

test('errors are ValidationErrors carrying the object, so the runtime can find the line', () => {
  assert.throws(() => run('apiVersion: kube-notebook.dev/v1alpha1\nkind: LoadProfile\nspec:\n  selector: { matchLabels: { app: a } }\n  steps:\n    - at: 0s\n      cpuPerPod: 12Qi\n'), (e: unknown) => e instanceof ValidationError && e.object !== undefined && e.path?.join('.') === 'spec.steps.0.cpuPerPod');
});

test('budgets: a run longer than the virtual time budget is refused; a run that writes too much stops and says so', () => {
  assert.throws(() => engine.run(parseManifests('apiVersion: kube-notebook.dev/v1alpha1\nkind: ControllerScenario\nspec:\n  until: 2h\n'), { budget: { ...DEFAULT_BUDGET, maxVirtualTimeMs: 3_600_000 }, detail: true }), /virtual time budget/);
  const busy = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "* * * * *"\n  concurrencyPolicy: Allow\n  jobTemplate:\n    spec:\n      parallelism: 100\n      completions: 100\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{ name: c, image: busybox }]\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: ControllerScenario\nspec:\n  until: 24h\n';
  const started = performance.now();
  const out = run(busy);
  assert.equal(out.result.truncated?.reason, 'maxEvents');
  assert.equal(out.budgetHit?.reason, 'maxEvents');
  // The fuzz test's deadline is 2 s per input; alone this takes about 1 s (generous here: the machine is shared).
  assert.ok(performance.now() - started < 3000, `stops quickly (${Math.round(performance.now() - started)} ms)`);
});
