// Transcribed from upstream kubernetes/kubernetes pkg/kubelet/eviction/helpers_test.go
// (the v1.31+ file, with the containerfs signals and map[string]string flags):
//   TestParseThresholdConfig, TestParsePercentage, TestThresholdsMet,
//   TestPercentageThresholdsMet, TestEvictonMessageWithResourceResize (gate off).
// The ranking tests (TestOrderedBy*Memory, TestOrderedByPriority) are in eviction-ranking.test.ts.
//
// How they map onto the engine:
//   - ParseThresholdConfig(allocatableConfig, evictionHard, evictionSoft, evictionSoftGracePeriod,
//     evictionMinReclaim) is what readResourcesInput does with a KubeletConfiguration's
//     evictionHard / evictionSoft / evictionSoftGracePeriod (schema.ts readEviction), one entry at a
//     time through parseThresholdStatement (simulations/kubelet/eviction.ts). The engine keeps only
//     memory.available thresholds, so where upstream expects disk or inode thresholds the case here
//     expects the input to be accepted and no memory threshold to come out.
//   - thresholdsMet(thresholds, observations, false) for one memory threshold is thresholdMet(value,
//     available, capacity).
//
// Left out, and why:
//   - evictionMinimumReclaim: not modelled (the decoder drops the field), so the MinReclaim part of every
//     expected threshold is ignored, and the cases "negative-reclaim", "threshold-met-with-min-reclaim",
//     "threshold-not-met-with-min-reclaim", "MemoryMetWithMinReclaim" and "MemoryNotMetWithMinReclaim"
//     (enforceMinReclaim true) have nothing to run against.
//   - allocatableConfig / TestAddAllocatableThresholds: the allocatableMemory.available copy of the
//     hard threshold is not modelled (one node-level signal; podsLimitBytes plays the kubepods cgroup).
//   - TestThresholdsMetGracePeriod, TestThresholdsFirstObservedAt, TestNodeConditionsLastObservedAt,
//     TestNodeConditionsObservedSince: the engine has no separate helpers; simulate.ts keeps the
//     first-observed and last-observed times inline. Their rules (met once now − firstObserved ≥ grace;
//     condition kept while now − lastObserved < transition period) are checked end to end in
//     simulations/resources-oom/simulate.test.ts ("a soft threshold evicts only after its grace period")
//     and coverage.test.ts ("MemoryPressure: …").
//   - TestThresholdsUpdatedStats: the engine's observations are computed every 10 s of virtual time, never
//     stale, so there is no stats timestamp to compare.
//   - TestMakeSignalObservations, TestGetReclaimableThreshold, TestSortByEvictionPriority,
//     TestAddContainerFsThresholds, TestOrderedby{Disk,Inodes}, TestOrderedByPriority{Disk,Inodes,Process},
//     TestOrderedByExceedsRequestDisk: disk, inode and PID signals are outside this chapter; there is no
//     summary API.
//   - TestCompareThresholdValue, TestHasNodeConditions, TestNodeConditions: no such helpers (the
//     memory.available → MemoryPressure mapping is a constant, checked in
//     simulations/kubelet/coverage-eviction.test.ts).
//   - TestEvictonMessageWithResourceResize with InPlacePodVerticalScaling on: the engine reads spec requests,
//     not status.containerStatuses[].allocatedResources (no resize is simulated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readResourcesInput } from '../../../simulations/resources-oom/schema.ts';
import { ValidationError } from '../../../simulations/shared/errors.ts';
import { evictionMessage, parseThresholdStatement, thresholdMet } from '../../../simulations/kubelet/eviction.ts';
import type { Threshold, ThresholdValue } from '../../../simulations/kubelet/eviction.ts';

const HELPERS_TEST = 'pkg/kubelet/eviction/helpers_test.go';
const MI = 2 ** 20;
const GI = 2 ** 30;
/** gracePeriod, _ := time.ParseDuration("30s") */
const gracePeriod = 30_000;

type Flags = Record<string, string>;
/** An expected memory threshold: quantityMustParse(...) or a float32 Percentage, and its GracePeriod. */
type Want = { quantity: string; gracePeriodMs: number } | { percentage: number; gracePeriodMs: number };

/** ParseThresholdConfig through the engine's reader: a Node plus a KubeletConfiguration holding the flags. */
function parseThresholdConfig(evictionHard: Flags, evictionSoft: Flags, evictionSoftGracePeriod: Flags): readonly Threshold[] {
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { capacity: { memory: '4Gi' } } };
  const kubelet = { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', evictionHard, evictionSoft, evictionSoftGracePeriod };
  return readResourcesInput([node, kubelet]).eviction.thresholds;
}

function plain(t: Threshold): Want {
  return 'quantity' in t.value ? { quantity: t.value.quantity.toString(), gracePeriodMs: t.gracePeriodMs } : { percentage: t.value.percentage, gracePeriodMs: t.gracePeriodMs };
}

const parseCases: { name: string; evictionHard: Flags; evictionSoft?: Flags; evictionSoftGracePeriod?: Flags; expectErr?: RegExp; expectThresholds?: Want[] }[] = [
  { name: 'no values', evictionHard: {}, expectThresholds: [] },
  {
    // Upstream also expects an allocatableMemory.available copy of the hard threshold (allocatableConfig "pods"): not modelled.
    name: 'all memory eviction values',
    evictionHard: { 'memory.available': '150Mi' }, evictionSoft: { 'memory.available': '300Mi' }, evictionSoftGracePeriod: { 'memory.available': '30s' },
    expectThresholds: [{ quantity: '150Mi', gracePeriodMs: 0 }, { quantity: '300Mi', gracePeriodMs: gracePeriod }],
  },
  {
    name: 'all memory eviction values in percentages',
    evictionHard: { 'memory.available': '10%' }, evictionSoft: { 'memory.available': '30%' }, evictionSoftGracePeriod: { 'memory.available': '30s' },
    expectThresholds: [{ percentage: Math.fround(0.1), gracePeriodMs: 0 }, { percentage: Math.fround(0.3), gracePeriodMs: gracePeriod }],
  },
  {
    name: 'disk eviction values (accepted; the disk thresholds are outside this chapter)',
    evictionHard: { 'imagefs.available': '150Mi', 'nodefs.available': '100Mi' }, evictionSoft: { 'imagefs.available': '300Mi', 'nodefs.available': '200Mi' },
    evictionSoftGracePeriod: { 'imagefs.available': '30s', 'nodefs.available': '30s' },
    expectThresholds: [],
  },
  {
    name: 'disk eviction values in percentages (accepted)',
    evictionHard: { 'imagefs.available': '15%', 'nodefs.available': '10.5%' }, evictionSoft: { 'imagefs.available': '30%', 'nodefs.available': '20.5%' },
    evictionSoftGracePeriod: { 'imagefs.available': '30s', 'nodefs.available': '30s' },
    expectThresholds: [],
  },
  {
    name: 'inode eviction values (accepted)',
    evictionHard: { 'imagefs.inodesFree': '150Mi', 'nodefs.inodesFree': '100Mi' }, evictionSoft: { 'imagefs.inodesFree': '300Mi', 'nodefs.inodesFree': '200Mi' },
    evictionSoftGracePeriod: { 'imagefs.inodesFree': '30s', 'nodefs.inodesFree': '30s' },
    expectThresholds: [],
  },
  { name: 'disable via 0%', evictionHard: { 'memory.available': '0%' }, evictionSoft: { 'memory.available': '0%' }, expectThresholds: [] },
  { name: 'disable via 100%', evictionHard: { 'memory.available': '100%' }, evictionSoft: { 'memory.available': '100%' }, expectThresholds: [] },
  { name: 'invalid-signal', evictionHard: { 'mem.available': '150Mi' }, expectErr: /^evictionHard\["mem\.available"\]: unsupported eviction signal mem\.available$/ },
  { name: 'hard-signal-negative', evictionHard: { 'memory.available': '-150Mi' }, expectErr: /must be positive: -150Mi$/ },
  { name: 'hard-signal-negative-percentage', evictionHard: { 'memory.available': '-15%' }, expectErr: /must be >= 0%: -15%$/ },
  { name: 'hard-signal-percentage-greater-than-100%', evictionHard: { 'memory.available': '150%' }, expectErr: /must be <= 100%: 150%$/ },
  { name: 'soft-signal-negative', evictionHard: {}, evictionSoft: { 'memory.available': '-150Mi' }, expectErr: /^evictionSoft\["memory\.available"\]: eviction threshold memory\.available must be positive: -150Mi$/ },
  { name: 'valid-and-invalid-signal', evictionHard: { 'memory.available': '150Mi', 'invalid.foo': '150Mi' }, expectErr: /unsupported eviction signal invalid\.foo$/ },
  { name: 'soft-no-grace-period', evictionHard: {}, evictionSoft: { 'memory.available': '150Mi' }, expectErr: /grace period must be specified for the soft eviction threshold memory\.available$/ },
  {
    name: 'soft-negative-grace-period', evictionHard: {}, evictionSoft: { 'memory.available': '150Mi' }, evictionSoftGracePeriod: { 'memory.available': '-30s' },
    expectErr: /invalid eviction grace period specified: -30s, must be a positive value$/,
  },
];

for (const c of parseCases) {
  test(`[${HELPERS_TEST} TestParseThresholdConfig] ${c.name}`, () => {
    const run = () => parseThresholdConfig(c.evictionHard, c.evictionSoft ?? {}, c.evictionSoftGracePeriod ?? {});
    if (c.expectErr) {
      assert.throws(run, (err: unknown) => {
        assert.ok(err instanceof ValidationError, String(err));
        assert.match(err.message, c.expectErr!);
        return true;
      });
      return;
    }
    // thresholdsEqual compares as sets; the engine keeps hard before soft.
    assert.deepEqual(run().map(plain), c.expectThresholds);
  });
}

// TestParsePercentage, through parseThresholdStatement (parsePercentage is reached for values ending in "%";
// "blah" and "12%345" do not, and fail as quantities instead — an error either way, as upstream expects).
const percentageCases: { input: string; hasError: boolean; value?: number }[] = [
  { input: 'blah', hasError: true },
  { input: '25.5%', hasError: false, value: Math.fround(0.255) },
  { input: 'foo%', hasError: true },
  { input: '12%345', hasError: true },
];

for (const c of percentageCases) {
  test(`[${HELPERS_TEST} TestParsePercentage] ${c.input}`, () => {
    const v = parseThresholdStatement('memory.available', c.input);
    assert.equal(typeof v === 'string', c.hasError, String(v));
    if (!c.hasError) assert.deepEqual(v, { percentage: c.value });
  });
}

/** quantityMustParse as the threshold value. */
const q = (s: string): ThresholdValue => parseThresholdStatement('memory.available', s) as ThresholdValue;

// TestThresholdsMet: hardThreshold memory.available<1Gi, enforceMinReclaim false. Observations carry no
// capacity; a quantity threshold does not read it.
const metCases: { name: string; available: number; met: boolean }[] = [
  { name: 'threshold-met-memory', available: 500 * MI, met: true },
  { name: 'threshold-not-met', available: 2 * GI, met: false },
];

for (const c of metCases) {
  test(`[${HELPERS_TEST} TestThresholdsMet] ${c.name}`, () => {
    assert.equal(thresholdMet(q('1Gi'), c.available, 0), c.met);
  });
}

// TestPercentageThresholdsMet: memory.available < Percentage 0.2 of a 1000Mi capacity (the nodefs.available
// half of each case is outside this chapter).
const percentageMetCases: { name: string; available: number; met: boolean }[] = [
  { name: 'BothMet (memory part)', available: 100 * MI, met: true },
  { name: 'NoneMet (memory part)', available: 300 * MI, met: false },
  { name: 'DiskMet (memory part: not met)', available: 300 * MI, met: false },
  { name: 'MemoryMet', available: 100 * MI, met: true },
];

for (const c of percentageMetCases) {
  test(`[${HELPERS_TEST} TestPercentageThresholdsMet] ${c.name}`, () => {
    assert.equal(thresholdMet({ percentage: Math.fround(0.2) }, c.available, 1000 * MI), c.met);
  });
}

test(`[${HELPERS_TEST} TestEvictonMessageWithResourceResize] InPlacePodVerticalScaling enabled=false: 150Mi used against a 200Mi spec request is not named`, () => {
  // newPod("testpod", 1, [newContainer("testcontainer", requests memory 200Mi)]), stats 150Mi;
  // threshold := []; observations := {} → no "Threshold quantity" part either.
  const testpod = { spec: { priority: 1, containers: [{ name: 'testcontainer', resources: { requests: { memory: '200Mi' } } }] } };
  const { message } = evictionMessage(testpod, [{ name: 'testcontainer', workingSet: '150Mi' }], undefined);
  assert.ok(!message.includes('testcontainer was using'), message);
  assert.equal(message, 'The node was low on resource: memory. ');
});
