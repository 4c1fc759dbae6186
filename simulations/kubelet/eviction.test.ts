import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvictionManager, evictionMessage, formatThreshold, parseThresholdStatement, podRequestBytes, thresholdMet } from './eviction.ts';
import type { EvictionConfig, PodMemoryStats } from './eviction.ts';

const MI = 2 ** 20;

test('evictionMessage: node line, threshold line, then one line per container over its request (request 0 prints "0"), with the trailing space', () => {
  const pod = { spec: { containers: [{ name: 'app', resources: { requests: { memory: '256Mi' } } }, { name: 'side' }, { name: 'small', resources: { requests: { memory: '1Gi' } } }] } };
  const { message, offendingContainers, offendingContainersUsage } = evictionMessage(
    pod,
    [{ name: 'app', workingSet: 1843 * MI }, { name: 'side', workingSet: '10Mi' }, { name: 'small', workingSet: '10Mi' }],
    { quantity: '100Mi', availableBytes: 91244 * 1024 },
  );
  assert.equal(
    message,
    'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91244Ki. ' +
      'Container app was using 1843Mi, request is 256Mi, has larger consumption of memory. ' +
      'Container side was using 10Mi, request is 0, has larger consumption of memory. ',
  );
  assert.deepEqual(offendingContainers, ['app', 'side']);
  assert.deepEqual(offendingContainersUsage, ['1843Mi', '10Mi']);
});

test('thresholds: quantities and float32 percentages of capacity; met only when strictly above available', () => {
  const q = parseThresholdStatement('memory.available', '100Mi');
  assert.ok(q && typeof q !== 'string');
  assert.equal(thresholdMet(q, 100 * MI, 4096 * MI), false);
  assert.equal(thresholdMet(q, 100 * MI - 1, 4096 * MI), true);
  const pct = parseThresholdStatement('memory.available', '10%');
  assert.ok(pct && typeof pct !== 'string' && 'percentage' in pct);
  assert.equal(pct.percentage, Math.fround(0.1));
  // NewQuantity(int64(float64(capacity) × float64(float32(0.1))), BinarySI) for 1Gi
  assert.equal(formatThreshold(pct, 1024 * MI), String(Math.trunc(1024 * MI * Math.fround(0.1))));
  assert.equal(parseThresholdStatement('memory.available', '12Qi'), "'12Qi' is not a valid quantity");
});

test('podRequestBytes follows PodRequests: containers and sidecars add up, a bigger init container step wins, overhead is added', () => {
  const pod = {
    spec: {
      initContainers: [
        { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { memory: '50Mi' } } },
        { name: 'migrate', resources: { requests: { memory: '500Mi' } } },
      ],
      containers: [{ name: 'app', resources: { requests: { memory: '200Mi' } } }],
      overhead: { memory: '10Mi' },
    },
  };
  // max(200 + 50, 500 + 50) + 10 = 560Mi
  assert.equal(podRequestBytes(pod), 560 * MI);
});

// ---- EvictionManager (eviction_manager.go synchronize), cycle by cycle ----


const q = (s: string) => parseThresholdStatement('memory.available', s) as Exclude<ReturnType<typeof parseThresholdStatement>, string | null>;
const GI = 1024 * MI;
const stats = (name: string, usageMi: number, requestMi: number, extra: { priority?: number; grace?: number } = {}): PodMemoryStats => ({
  pod: { metadata: { name }, spec: { priority: extra.priority ?? 0, containers: [{ name, resources: { requests: { memory: `${requestMi}Mi` } } }] } },
  memoryWorkingSet: usageMi * MI,
  containers: [{ name, workingSet: usageMi * MI }],
  gracePeriodSeconds: extra.grace ?? 30,
});
const names = (list: readonly PodMemoryStats[] | undefined) => (list ?? []).map((e) => e.pod.metadata?.name);

const cycles: {
  name: string;
  config: EvictionConfig;
  /** [at (ms), available (Mi)] per cycle. */
  observed: [number, number][];
  pods: PodMemoryStats[];
  /** Per cycle: MemoryPressure, and the Pod evicted (null: none). */
  want: { pressure: boolean; evicted: string | null; grace?: number }[];
}[] = [
  {
    name: 'a hard threshold met evicts at once, with the 1 s grace period (immediateEvictionGracePeriodSeconds), the first Pod in rankMemoryPressure order',
    config: { thresholds: [{ signal: 'memory.available', value: q('100Mi'), gracePeriodMs: 0 }], pressureTransitionPeriodMs: 300_000, maxPodGracePeriodSeconds: 0 },
    observed: [[0, 500], [10_000, 50]],
    // above request: best-effort (100 − 0) and burstable (300 − 256 = 44Mi); equal priority → the larger overshoot first
    pods: [stats('guaranteed', 500, 512), stats('burstable', 300, 256), stats('best-effort', 100, 0)],
    want: [{ pressure: false, evicted: null }, { pressure: true, evicted: 'best-effort', grace: 1 }],
  },
  {
    name: 'a soft threshold evicts once it has been met for its grace period (thresholdsMetGracePeriod: now − first observed ≥ grace), with the Pod’s own grace when evictionMaxPodGracePeriod is 0',
    config: { thresholds: [{ signal: 'memory.available', value: q('500Mi'), gracePeriodMs: 30_000 }], pressureTransitionPeriodMs: 300_000, maxPodGracePeriodSeconds: 0 },
    observed: [[10_000, 400], [20_000, 400], [30_000, 400], [40_000, 400]],
    pods: [stats('a', 300, 100, { grace: 45 })],
    want: [{ pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: true, evicted: 'a', grace: 45 }],
  },
  {
    name: 'a soft eviction’s grace is capped at evictionMaxPodGracePeriod',
    config: { thresholds: [{ signal: 'memory.available', value: q('500Mi'), gracePeriodMs: 0 + 10_000 }], pressureTransitionPeriodMs: 300_000, maxPodGracePeriodSeconds: 20 },
    observed: [[0, 400], [10_000, 400]],
    pods: [stats('a', 300, 100, { grace: 45 })],
    want: [{ pressure: true, evicted: null }, { pressure: true, evicted: 'a', grace: 20 }],
  },
  {
    name: 'a threshold no longer met restarts its grace period (thresholdsFirstObservedAt forgets it)',
    config: { thresholds: [{ signal: 'memory.available', value: q('500Mi'), gracePeriodMs: 20_000 }], pressureTransitionPeriodMs: 300_000, maxPodGracePeriodSeconds: 0 },
    observed: [[0, 400], [10_000, 600], [20_000, 400], [30_000, 400], [40_000, 400]],
    pods: [stats('a', 300, 100)],
    want: [{ pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: true, evicted: 'a', grace: 30 }],
  },
  {
    name: 'MemoryPressure stays True for the transition period after the last cycle that saw pressure (nodeConditionsObservedSince: now − last < period)',
    config: { thresholds: [{ signal: 'memory.available', value: q('100Mi'), gracePeriodMs: 0 }], pressureTransitionPeriodMs: 60_000, maxPodGracePeriodSeconds: 0 },
    observed: [[20_000, 50], [30_000, 1024], [70_000, 1024], [80_000, 1024]],
    pods: [],
    want: [{ pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: true, evicted: null }, { pressure: false, evicted: null }],
  },
  {
    name: 'a critical Pod (priority ≥ 2000000000) is never evicted: the next one in the ranking goes',
    config: { thresholds: [{ signal: 'memory.available', value: q('100Mi'), gracePeriodMs: 0 }], pressureTransitionPeriodMs: 300_000, maxPodGracePeriodSeconds: 0 },
    observed: [[0, 50]],
    pods: [stats('critical', 900, 0, { priority: 2_000_000_000 }), stats('ordinary', 200, 100, { priority: 2_000_000_000 - 1 })],
    want: [{ pressure: true, evicted: 'ordinary', grace: 1 }],
  },
];

for (const c of cycles) {
  test(`EvictionManager: ${c.name}`, () => {
    const manager = new EvictionManager(c.config, 4 * GI);
    c.observed.forEach(([at, availableMi], i) => {
      const r = manager.synchronize(at, availableMi * MI, () => c.pods);
      assert.equal(r.memoryPressure, c.want[i].pressure, `MemoryPressure at ${at} ms`);
      assert.equal(r.evicted ? r.evicted.entry.pod.metadata?.name : null, c.want[i].evicted, `evicted at ${at} ms`);
      if (c.want[i].grace !== undefined) assert.equal(r.evicted?.gracePeriodSeconds, c.want[i].grace);
    });
  });
}

test('EvictionManager: the ranking and the message are rankMemoryPressure’s and evictionMessage’s; every Pod critical evicts nothing', () => {
  const config: EvictionConfig = { thresholds: [{ signal: 'memory.available', value: q('100Mi'), gracePeriodMs: 0 }], pressureTransitionPeriodMs: 300_000, maxPodGracePeriodSeconds: 0 };
  const pods = [stats('guaranteed', 500, 512), stats('burstable', 300, 256), stats('best-effort', 100, 0)];
  const r = new EvictionManager(config, 4 * GI).synchronize(0, 50 * MI, () => pods);
  assert.deepEqual(names(r.evicted?.ranked), ['best-effort', 'burstable', 'guaranteed']);
  // helpers.go evictionMessage: a request of 0Mi prints as Quantity.String() does, "0"
  assert.equal(r.evicted?.message, 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container best-effort was using 100Mi, request is 0, has larger consumption of memory. ');
  const critical = new EvictionManager(config, 4 * GI).synchronize(0, 50 * MI, () => [stats('node-critical', 100, 0, { priority: 2_000_001_000 })]);
  assert.equal(critical.evicted, undefined);
  assert.equal(critical.onlyCriticalLeft, true);
  let asked = false;
  new EvictionManager(config, 4 * GI).synchronize(0, 1024 * MI, () => ((asked = true), pods));
  assert.equal(asked, false, 'the active Pods are listed only when a threshold must be reclaimed');
});
