// The eviction helpers' rules not covered by eviction.test.ts: how one
// evictionHard/evictionSoft entry is read (helpers.go parseThresholdStatement), how a
// threshold turns into bytes (api/types.go GetThresholdQuantity, which is also what
// node allocatable reserves), when it is met, and which containers the eviction
// message names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_EVICTION_HARD, DEFAULT_PRESSURE_TRANSITION_PERIOD_MS, EVICTION_MONITORING_PERIOD_MS, IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS,
  MEMORY_PRESSURE, evictionMessage, parseThresholdStatement, thresholdBytes, thresholdMet,
} from './eviction.ts';
import type { ThresholdValue } from './eviction.ts';

const MI = 2 ** 20;
const GI = 2 ** 30;

/** A parsed value in a comparable form: the quantity as text, or the float32 fraction. */
function plain(v: ThresholdValue | null | string): unknown {
  if (v === null || typeof v === 'string') return v;
  return 'quantity' in v ? { quantity: v.quantity.toString() } : { percentage: v.percentage };
}

// pkg/kubelet/eviction/helpers.go parseThresholdStatement and parsePercentage.
const statements: { name: string; signal: string; val: string; want: unknown }[] = [
  { name: 'a quantity', signal: 'memory.available', val: '100Mi', want: { quantity: '100Mi' } },
  { name: 'a percentage is float32(value) / 100', signal: 'memory.available', val: '10%', want: { percentage: Math.fround(0.1) } },
  { name: 'a fractional percentage', signal: 'memory.available', val: '10.5%', want: { percentage: Math.fround(Math.fround(10.5) / 100) } },
  { name: '"0%" switches the threshold off', signal: 'memory.available', val: '0%', want: null },
  { name: '"100%" switches the threshold off', signal: 'memory.available', val: '100%', want: null },
  { name: 'TrimRight strips every trailing "%"', signal: 'memory.available', val: '10%%', want: { percentage: Math.fround(0.1) } },
  { name: 'a threshold of 0 is refused: Sign() < 0 || IsZero()', signal: 'memory.available', val: '0', want: 'eviction threshold memory.available must be positive: 0' },
  { name: 'a negative quantity is refused, printed in canonical form', signal: 'memory.available', val: '-0.5Gi', want: 'eviction threshold memory.available must be positive: -512Mi' },
  { name: 'a negative percentage', signal: 'memory.available', val: '-15%', want: 'eviction percentage threshold memory.available must be >= 0%: -15%' },
  { name: 'a percentage above 100', signal: 'memory.available', val: '150%', want: 'eviction percentage threshold memory.available must be <= 100%: 150%' },
  { name: 'a percentage that is not a number', signal: 'memory.available', val: 'foo%', want: 'strconv.ParseFloat: parsing "foo": invalid syntax' },
  { name: 'a misspelt signal', signal: 'mem.available', val: '150Mi', want: 'unsupported eviction signal mem.available' },
  { name: 'disk signals are valid (the kubelet accepts them; this chapter models memory only)', signal: 'nodefs.available', val: '10%', want: { percentage: Math.fround(0.1) } },
  { name: 'containerfs is a signal since v1.31', signal: 'containerfs.inodesFree', val: '5%', want: { percentage: Math.fround(0.05) } },
];

for (const c of statements) {
  test(`parseThresholdStatement: ${c.name} (${c.signal}<${c.val})`, () => {
    assert.deepEqual(plain(parseThresholdStatement(c.signal, c.val)), c.want);
  });
}

test('parseThresholdStatement: an invalid quantity is an error, whatever the signal', () => {
  assert.equal(typeof parseThresholdStatement('memory.available', '12Qi'), 'string');
  assert.equal(typeof parseThresholdStatement('memory.available', '1O0Mi'), 'string');
});

test('GetThresholdQuantity: a percentage is int64(float64(capacity) × float64(float32 fraction)), so 10% of 4Gi is 429496736 bytes, not 429496729.6', () => {
  // float32(0.1) = 0.100000001490116…; × 4294967296 = 429496736.4 → truncated.
  const pct = parseThresholdStatement('memory.available', '10%') as ThresholdValue;
  assert.equal(thresholdBytes(pct, 4 * GI), 429_496_736);
  assert.equal(thresholdBytes(parseThresholdStatement('memory.available', '100Mi') as ThresholdValue, 4 * GI), 100 * MI);
});

// helpers_test.go TestPercentageThresholdsMet uses 20% of a 1000Mi capacity: 200Mi.
const metCases: { name: string; val: string; available: number; capacity: number; met: boolean }[] = [
  { name: '100Mi available under a 20% (200Mi) threshold', val: '20%', available: 100 * MI, capacity: 1000 * MI, met: true },
  { name: '300Mi available over a 20% threshold', val: '20%', available: 300 * MI, capacity: 1000 * MI, met: false },
  // trunc(1000Mi × float32(0.2)) = 209715203 (float32(0.2) is a little above 0.2).
  { name: 'available exactly at the percentage threshold is not met (strict >)', val: '20%', available: 209_715_203, capacity: 1000 * MI, met: false },
  { name: 'one byte below it is met', val: '20%', available: 209_715_202, capacity: 1000 * MI, met: true },
  { name: 'a quantity threshold does not depend on capacity', val: '1Gi', available: GI - 1, capacity: 64 * GI, met: true },
];

for (const c of metCases) {
  test(`thresholdMet: ${c.name}`, () => {
    const value = parseThresholdStatement('memory.available', c.val) as ThresholdValue;
    assert.equal(thresholdMet(value, c.available, c.capacity), c.met);
  });
}

test('evictionMessage names only regular containers strictly above their request: equal usage, a larger request and init containers are left out', () => {
  // helpers.go evictionMessage loops over the stats' containers and matches them to pod.Spec.Containers;
  // it prints a container when usage.Cmp(request) > 0.
  const pod = {
    spec: {
      initContainers: [{ name: 'sidecar', restartPolicy: 'Always', resources: { requests: { memory: '10Mi' } } }],
      containers: [
        { name: 'exact', resources: { requests: { memory: '100Mi' } } },
        { name: 'below', resources: { requests: { memory: '1Gi' } } },
        { name: 'above', resources: { requests: { memory: '100Mi' } } },
      ],
    },
  };
  const { message, offendingContainers, offendingContainersUsage } = evictionMessage(
    pod,
    [
      { name: 'sidecar', workingSet: '500Mi' },
      { name: 'exact', workingSet: '100Mi' },
      { name: 'below', workingSet: '900Mi' },
      { name: 'above', workingSet: 100 * MI + 4096 },
    ],
    undefined,
  );
  assert.equal(message, 'The node was low on resource: memory. Container above was using 102404Ki, request is 100Mi, has larger consumption of memory. ');
  assert.deepEqual(offendingContainers, ['above']);
  assert.deepEqual(offendingContainersUsage, ['102404Ki']);
});

test('the eviction constants are upstream’s defaults: memory.available<100Mi, a 5m transition period, checks every 10 s, 1 s for a hard eviction', () => {
  // pkg/kubelet/eviction/defaults_linux.go DefaultEvictionHard; kubelet config v1beta1 defaults
  // (evictionPressureTransitionPeriod 5m); eviction_manager.go evictionMonitoringPeriod and
  // immediateEvictionGracePeriodSeconds.
  assert.equal(DEFAULT_EVICTION_HARD['memory.available'], '100Mi');
  assert.equal(DEFAULT_PRESSURE_TRANSITION_PERIOD_MS, 5 * 60_000);
  assert.equal(EVICTION_MONITORING_PERIOD_MS, 10_000);
  assert.equal(IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS, 1);
  // TestNodeConditions: memory.available → MemoryPressure; the condition texts of nodestatus/setters.go.
  assert.deepEqual(
    [MEMORY_PRESSURE.condition, MEMORY_PRESSURE.trueReason, MEMORY_PRESSURE.trueMessage, MEMORY_PRESSURE.falseReason, MEMORY_PRESSURE.falseMessage],
    ['MemoryPressure', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  );
});
