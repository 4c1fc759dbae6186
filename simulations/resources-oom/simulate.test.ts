import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateMemory } from './simulate.ts';
import { fixture, node, objects, pod, scenario } from './test-helpers.ts';
import { buildView } from './view-model.ts';
import { LIMITS } from './limits.ts';

const MI = 2 ** 20;

test('a leak that crosses its limit is OOM-killed by the kernel at the first second its demand exceeds the limit, and restarts with the 0, 10, 20 s back-off', () => {
  // The container starts at 1 s (the kubelet library creates the sandbox in 1 s).
  // demand = 100Mi + 1Mi/s × (t − start); 156 s after the start it equals the 256Mi limit
  // (not over), 157 s after it is 257Mi > 256Mi → kill at 158 s. Each run lasts 157 s;
  // restarts wait 0, 10, 20 s (pkg/kubelet/kubelet.go initial 10 s back-off, doubling):
  // 158, 158 + 157 = 315, 315 + 10 + 157 = 482.
  const { result } = simulateMemory(objects(fixture('leak-and-pressure.yaml')));
  const app = result.containers.find((c) => c.name === 'app')!;
  assert.deepEqual(app.oomKills.slice(0, 3).map((k) => k.at), [158, 315, 482]);
  assert.equal(app.exitCode, 137);
  assert.equal(app.reason, 'OOMKilled');
  const pods = result.pods.find((p) => p.name === 'leaky')!;
  assert.match(pods.describe!, /Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137/);
});

test('oom_score_adj of a Burstable container is 1000 − 1000 × request / capacity with integer division (policy.go)', () => {
  // 1000 − (1000 × 134217728) / 4294967296 = 1000 − 31 = 969; BestEffort → 1000.
  const { result } = simulateMemory(objects(fixture('leak-and-pressure.yaml')));
  assert.equal(result.containers.find((c) => c.name === 'app')!.oomScoreAdj, 969);
  assert.equal(result.containers.find((c) => c.name === 'redis')!.oomScoreAdj, 1000);
});

test('under node memory pressure the BestEffort Pod above its request is evicted first, with the kubelet’s exact message', () => {
  const { result } = simulateMemory(objects(fixture('leak-and-pressure.yaml')));
  assert.equal(result.evictionOrder[0], 'cache');
  const e = result.evictions[0];
  assert.match(e.message, /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \S+\. Container redis was using \S+, request is 0, has larger consumption of memory\. $/);
  const cache = result.pods.find((p) => p.name === 'cache')!;
  assert.equal(cache.phase, 'Failed');
  assert.equal(cache.reason, 'Evicted');
  assert.equal(result.node.memoryPressure.at(-1)!.status, 'True');
  assert.equal(result.node.taint[0].taint, 'node.kubernetes.io/memory-pressure:NoSchedule');
  assert.ok(e.at % 10 === 0, 'the eviction manager runs every 10 s');
});

test('the eviction manager evicts in rankMemoryPressure order, one Pod per 10 s interval, and a Guaranteed Pod under its request goes last', () => {
  const { result } = simulateMemory([
    node('2Gi'),
    pod('guaranteed', [{ name: 'g', requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '100m', memory: '512Mi' } }]),
    pod('burstable', [{ name: 'b', requests: { memory: '256Mi' } }]),
    pod('besteffort', [{ name: 'e' }]),
    scenario({
      duration: '2m',
      containers: [
        { pod: 'guaranteed', container: 'g', usage: { pattern: 'steady', level: '500Mi' } },
        { pod: 'burstable', container: 'b', usage: { pattern: 'steady', level: '700Mi' } },
        { pod: 'besteffort', container: 'e', usage: { pattern: 'steady', level: '800Mi' } },
      ],
    }),
  ]);
  // 2Gi − (500 + 700 + 800)Mi = 48Mi < 100Mi at t = 0: pressure from the first check.
  // Both Burstable (700−256 = 444Mi over) and BestEffort (800Mi over) exceed their requests, same
  // priority: the larger usage − request goes first → besteffort, then at t = 10 s burstable (still 48+800 = 848Mi? no:
  // after the first eviction available is 848Mi, so only one eviction happens).
  assert.deepEqual(result.evictionOrder, ['besteffort']);
  assert.deepEqual(result.evictions[0].ranking.map((r) => r.pod), ['besteffort', 'burstable', 'guaranteed']);
});

test('a Pod whose requests do not fit the node’s allocatable memory stays Pending with the scheduler’s message', () => {
  const { result } = simulateMemory([node('4Gi'), pod('big', [{ name: 'c', requests: { memory: '8Gi' } }])]);
  const big = result.pods[0];
  assert.equal(big.scheduled, false);
  assert.equal(big.phase, 'Pending');
  assert.equal(big.schedulingMessage, '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
});

test('limits without requests get requests copied from the limits (API defaulting), making the Pod Guaranteed', () => {
  const { result } = simulateMemory([node(), pod('g', [{ name: 'c', limits: { cpu: '1', memory: '1Gi' } }])]);
  assert.equal(result.pods[0].qosClass, 'Guaranteed');
  assert.equal(result.containers[0].oomScoreAdj, -997);
});

test('restartPolicy Never leaves an OOM-killed container terminated (exit 137) and the Pod Failed', () => {
  const { result } = simulateMemory([
    node(), pod('once', [{ name: 'c', requests: { memory: '64Mi' }, limits: { memory: '128Mi' } }], { restartPolicy: 'Never' }),
    scenario({ duration: '5m', containers: [{ pod: 'once', container: 'c', usage: { pattern: 'step', before: '64Mi', after: '200Mi', at: '1m' } }] }),
  ]);
  const c = result.containers[0];
  // started at 1 s, steps over the limit 1 min later
  assert.deepEqual(c.oomKills.map((k) => k.at), [61]);
  assert.equal(c.restarts, 0);
  assert.equal(result.pods[0].phase, 'Failed');
});

test('when Pods outgrow the node before the kubelet acts, the kernel OOM killer takes the highest badness: usage + oom_score_adj × memory / 1000', () => {
  const { result } = simulateMemory([
    node('1Gi'),
    pod('burst', [{ name: 'b', requests: { memory: '100Mi' } }]),
    pod('best', [{ name: 'e' }]),
    scenario({
      duration: '30s',
      containers: [
        { pod: 'burst', container: 'b', usage: { pattern: 'step', before: '100Mi', after: '600Mi', at: '3s' } },
        { pod: 'best', container: 'e', usage: { pattern: 'step', before: '100Mi', after: '550Mi', at: '3s' } },
      ],
    }),
  ]);
  // 3 s after they start (at 1 s), so at 4 s, the Pods want 600 + 550 = 1150Mi of 1024Mi. mm/oom_kill.c oom_badness (in Mi):
  //   burst: 600 + 903 × 1024 / 1000 ≈ 1524.7   (adj 903 = 1000 − 1000 × 100 / 1024)
  //   best:  550 + 1000 × 1024 / 1000 = 1574     → the BestEffort container dies.
  assert.deepEqual(result.oomKills[0], { at: 4, pod: 'best', container: 'e', scope: 'node', oomScoreAdj: 1000 });
});

test('a soft threshold evicts only after its grace period', () => {
  const kubelet = {
    apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration',
    evictionHard: { 'memory.available': '100Mi' }, evictionSoft: { 'memory.available': '500Mi' }, evictionSoftGracePeriod: { 'memory.available': '30s' },
  };
  const { result } = simulateMemory([
    node('2Gi'), kubelet as never, pod('hog', [{ name: 'h' }]),
    scenario({ duration: '2m', containers: [{ pod: 'hog', container: 'h', usage: { pattern: 'steady', level: '1700Mi' } }] }),
  ]);
  // available = 2048 − 1700 = 348Mi: under the soft 500Mi, above the hard 100Mi. The container runs
  // from 1 s, so the 10 s check first observes it; grace 30 s → eviction at 40 s.
  assert.equal(result.evictions[0].at, 40);
  assert.match(result.evictions[0].threshold, /soft/);
  assert.equal(result.node.memoryPressure[1].at, 10);
  assert.ok(348 * MI > 100 * MI);
});

test('a run that reaches the OOM-kill budget stops at that second and says so in the result, the trace and the view', () => {
  // 100 containers that want 2Mi under a 1Mi limit: each is killed as soon as it runs, again at every restart.
  const hogs = Array.from({ length: 100 }, (_, i) => pod(`hog-${i}`, [{ name: 'c', limits: { memory: '1Mi' } }]));
  const output = simulateMemory([
    node('64Gi'), ...hogs,
    scenario({ duration: '30m', containers: hogs.map((_, i) => ({ pod: `hog-${i}`, container: 'c', usage: { pattern: 'steady', level: '2Mi' } })) }),
  ]);
  const { result, trace } = output;
  assert.equal(result.truncated?.reason, 'maxOomKills');
  assert.equal(result.truncated?.limit, LIMITS.oomKills);
  assert.ok(result.oomKills.length >= LIMITS.oomKills);
  assert.ok(result.truncated!.at < 30 * 60, 'stopped before the end');
  assert.equal(result.sampleTimes.at(-1), result.truncated!.at);
  assert.ok(result.oomKills.every((k) => k.at <= result.truncated!.at));
  assert.ok(trace.some((s) => s.level === 'warning' && /OOM kills is as many as one run computes/.test(s.title)));
  assert.match(buildView(output).truncated!, /^The run stopped at \d+s: 500 OOM kills/);
});

test('a run under the budget is not truncated', () => {
  const { result } = simulateMemory(objects(fixture('leak-and-pressure.yaml')));
  assert.equal(result.truncated, undefined);
});
