// Upstream's own tables for the cgroup conversions, transcribed.
//  - github.com/opencontainers/cgroups utils_test.go TestConvertCPUSharesToCgroupV2Value (read from the
//    stored snapshot of opencontainers/cgroups, HEAD 30a2293).
//  - kubernetes pkg/kubelet/cm/helpers_linux_test.go TestResourceConfigForPod, TestMilliCPUToQuota (the cases
//    of the stored version, with the v1.36 signatures: enforceCPULimits, cpuPeriod), plus the later cases
//    for init containers, sidecars, enforceCPULimits=false and a tuned 5ms period (recalled from the
//    v1.3x file: the stored index holds only an older version of it; each such case says "later").
//  - kubernetes pkg/kubelet/cm/cgroup_manager_linux_test.go TestCpuSharesToCPUWeight / TestCpuWeightToCPUShares
//    (recalled: the index does not store the v1.36 file; each value rechecked by hand against the formula).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  resourceConfigForPod, milliCPUToShares, milliCPUToQuota, getCPUWeight, cpuWeightToCPUShares,
  convertCPUSharesToCgroupV2Value, cgroupV2Files,
} from '../../../simulations/index.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rl = (cpu: string, memory: string): Obj => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
const c = (req: Obj, lim: Obj, extra: Obj = {}): Obj => ({ name: 'c', image: 'x', resources: { requests: req, limits: lim }, ...extra });
const pod = (containers: Obj[], initContainers?: Obj[]): Obj => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, ...(initContainers ? { initContainers } : {}) },
});
const strip = (r: Obj): Obj => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && Object.keys(v).length === 0)));

test('opencontainers/cgroups TestConvertCPUSharesToCgroupV2Value', () => {
  const sharesMin = 2, sharesMax = 262144, sharesDef = 1024, weightMin = 1, weightMax = 10000, weightDef = 100, unset = 0;
  const cases: [number, number][] = [
    [unset, unset],
    [sharesMin - 1, weightMin],
    [sharesMin, weightMin],
    [sharesMin + 1, weightMin + 1],
    [sharesDef, weightDef],
    [sharesMax - 1, weightMax],
    [sharesMax, weightMax],
    [sharesMax + 1, weightMax],
  ];
  for (const [shares, want] of cases) assert.equal(convertCPUSharesToCgroupV2Value(shares), want, `shares ${shares}`);
});

test('helpers_linux_test.go TestMilliCPUToQuota (period 100000)', () => {
  const cases: [number, number][] = [[0, 0], [5, 1000], [9, 1000], [10, 1000], [200, 20000], [500, 50000], [1000, 100000], [1500, 150000]];
  for (const [input, quota] of cases) assert.equal(milliCPUToQuota(input, 100000), quota, `input ${input}`);
});

test('helpers_linux_test.go TestMilliCPUToQuota with a tuned period (later: 5ms, 1000ms)', () => {
  // quota = milli × period / 1000, at least MinQuotaPeriod (1000µs)
  assert.equal(milliCPUToQuota(0, 5000), 0);
  assert.equal(milliCPUToQuota(200, 5000), 1000);
  assert.equal(milliCPUToQuota(1000, 5000), 5000);
  assert.equal(milliCPUToQuota(1500, 5000), 7500);
  assert.equal(milliCPUToQuota(200, 1000000), 200000);
});

test('MilliCPUToShares: 0 → 2, 100m → 102, clamped to [2, 262144]', () => {
  assert.equal(milliCPUToShares(0), 2);
  assert.equal(milliCPUToShares(1), 2);
  assert.equal(milliCPUToShares(100), 102);
  assert.equal(milliCPUToShares(200), 204);
  assert.equal(milliCPUToShares(1000), 1024);
  assert.equal(milliCPUToShares(256000), 262144);
  assert.equal(milliCPUToShares(300000), 262144);
});

test('cgroup_manager_linux_test.go TestCpuSharesToCPUWeight / TestCpuWeightToCPUShares (kubelet, linear)', () => {
  const toWeight: [number, number][] = [[2, 1], [3, 1], [4, 1], [28, 1], [29, 2], [245, 10], [2048, 79], [262144, 10000]];
  for (const [shares, w] of toWeight) assert.equal(getCPUWeight(shares), w, `shares ${shares}`);
  assert.equal(getCPUWeight(null), 0);
  assert.equal(getCPUWeight(1024), 39);
  const toShares: [number, number][] = [[1, 2], [2, 28], [3, 54], [4, 80], [5, 106], [79, 2046], [10000, 262144]];
  for (const [w, shares] of toShares) assert.equal(cpuWeightToCPUShares(w), shares, `weight ${w}`);
});

const opts = { enforceCPULimits: true, cpuPeriod: 100000 };
const burstableShares = milliCPUToShares(100);
const burstablePartialShares = milliCPUToShares(200);

test('helpers_linux_test.go TestResourceConfigForPod', () => {
  const cases: [string, Obj, Obj, Obj][] = [
    ['besteffort', pod([c({}, {})]), opts, { cpuShares: 2 }],
    ['burstable-no-limits', pod([c(rl('100m', '100Mi'), {})]), opts, { cpuShares: burstableShares }],
    ['burstable-with-limits', pod([c(rl('100m', '100Mi'), rl('200m', '200Mi'))]), opts,
      { cpuShares: burstableShares, cpuQuota: 20000, cpuPeriod: 100000, memory: 209715200 }],
    ['burstable-with-limits-no-cpu-enforcement (later)', pod([c(rl('100m', '100Mi'), rl('200m', '200Mi'))]), { ...opts, enforceCPULimits: false },
      { cpuShares: burstableShares, cpuQuota: -1, cpuPeriod: 100000, memory: 209715200 }],
    ['burstable-partial-limits', pod([c(rl('100m', '100Mi'), rl('200m', '200Mi')), c(rl('100m', '100Mi'), {})]), opts,
      { cpuShares: burstablePartialShares }],
    ['burstable-with-limits-with-tuned-quota (later)', pod([c(rl('100m', '100Mi'), rl('200m', '200Mi'))]), { ...opts, cpuPeriod: 5000 },
      { cpuShares: burstableShares, cpuQuota: 1000, cpuPeriod: 5000, memory: 209715200 }],
    ['guaranteed', pod([c(rl('100m', '100Mi'), rl('100m', '100Mi'))]), opts,
      { cpuShares: burstableShares, cpuQuota: 10000, cpuPeriod: 100000, memory: 104857600 }],
    ['guaranteed-no-cpu-enforcement (later)', pod([c(rl('100m', '100Mi'), rl('100m', '100Mi'))]), { ...opts, enforceCPULimits: false },
      { cpuShares: burstableShares, cpuQuota: -1, cpuPeriod: 100000, memory: 104857600 }],
    ['guaranteed-with-tuned-quota (later)', pod([c(rl('100m', '100Mi'), rl('100m', '100Mi'))]), { ...opts, cpuPeriod: 5000 },
      { cpuShares: burstableShares, cpuQuota: 1000, cpuPeriod: 5000, memory: 104857600 }],
    ['burstable-partial-limits-with-init-containers (later)',
      pod([c(rl('100m', '100m'), rl('200m', '200Mi')), c(rl('100m', '100Mi'), {})], [c(rl('100m', '100Mi'), {})]), opts,
      { cpuShares: burstablePartialShares }],
    ['burstable-with-sidecar (our case, by hand from component-helpers PodLimits)',
      pod([c(rl('100m', '100Mi'), rl('200m', '200Mi'))], [c(rl('100m', '100Mi'), rl('100m', '100Mi'), { restartPolicy: 'Always' })]), opts,
      { cpuShares: milliCPUToShares(200), cpuQuota: 30000, cpuPeriod: 100000, memory: 314572800 }],
  ];
  for (const [name, p, o, want] of cases) assert.deepEqual(strip(resourceConfigForPod(p as never, o as never) as Obj), want, name);
});

test('contract example: resourceConfigForPod and cgroupV2Files', () => {
  const p = pod([{ name: 'c0', image: 'x', resources: { requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '200m', memory: '200Mi' } } }]);
  assert.deepEqual(strip(resourceConfigForPod(p as never, opts) as Obj), { cpuShares: 102, cpuQuota: 20000, cpuPeriod: 100000, memory: 209715200 });
  assert.deepEqual(cgroupV2Files({ cpuShares: 102, cpuQuota: -1, cpuPeriod: 100000, memory: 209715200 }, { level: 'pod' }),
    { 'cpu.weight': '4', 'cpu.max': 'max 100000', 'memory.max': '209715200' });
  // the same shares on a container cgroup go through the runtime's conversion: 100m is 17 there, 1 CPU 100 vs 39
  assert.deepEqual(cgroupV2Files({ cpuShares: 102 }, { level: 'container' }), { 'cpu.weight': '17' });
  assert.deepEqual(cgroupV2Files({ cpuShares: 1024 }, { level: 'container' }), { 'cpu.weight': '100' });
  assert.deepEqual(cgroupV2Files({ cpuShares: 1024 }), { 'cpu.weight': '39' });
});

test('hugepages (HugePageLimits) and fs2/hugetlb.go file names', () => {
  const p = pod([c({ cpu: '1', memory: '1Gi', 'hugepages-2Mi': '4Mi' }, { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '4Mi' })]);
  const cfg = resourceConfigForPod(p as never, opts);
  assert.deepEqual(cfg.hugePageLimit, { 2097152: 4194304 });
  assert.deepEqual(cgroupV2Files(cfg), {
    'cpu.weight': '39', 'cpu.max': '100000 100000', 'memory.max': '1073741824',
    'hugetlb.2MB.max': '4194304', 'hugetlb.2MB.rsvd.max': '4194304',
  });
  assert.equal(Object.keys(cgroupV2Files({ hugePageLimit: { 1073741824: 1073741824 } })).join(','), 'hugetlb.1GB.max,hugetlb.1GB.rsvd.max');
});

test('memory QoS in v1.36: TieredReservation → memory.min (Guaranteed), memory.low (Burstable); None → nothing', () => {
  const g = pod([c(rl('500m', '512Mi'), rl('500m', '512Mi'))]);
  const b = pod([c(rl('500m', '512Mi'), {})]);
  const be = pod([c({}, {})]);
  const tiered = { ...opts, enforceMemoryQoS: true, memoryReservationPolicy: 'TieredReservation' as const };
  assert.deepEqual(resourceConfigForPod(g as never, tiered).unified, { 'memory.min': '536870912' });
  assert.deepEqual(resourceConfigForPod(b as never, tiered).unified, { 'memory.low': '536870912' });
  assert.equal(strip(resourceConfigForPod(be as never, tiered) as Obj).unified, undefined);
  assert.equal(strip(resourceConfigForPod(g as never, { ...opts, enforceMemoryQoS: true }) as Obj).unified, undefined);
  assert.equal(strip(resourceConfigForPod(g as never, { ...opts, enforceMemoryQoS: true, memoryReservationPolicy: 'None' }) as Obj).unified, undefined);
  assert.equal(cgroupV2Files(resourceConfigForPod(g as never, tiered))['memory.min'], '536870912');
});

test('fs2 setCPU / setMemory: what is and is not written', () => {
  assert.deepEqual(cgroupV2Files({}), {});
  assert.deepEqual(cgroupV2Files({ cpuQuota: 20000 }), { 'cpu.max': '20000 100000' }); // period 0 → the kernel's 100ms
  assert.deepEqual(cgroupV2Files({ cpuQuota: 0, cpuPeriod: 100000 }), { 'cpu.max': 'max 100000' });
  assert.deepEqual(cgroupV2Files({ memory: -1 }), { 'memory.max': 'max' });
  assert.deepEqual(cgroupV2Files({ memory: 0 }), {});
  assert.deepEqual(cgroupV2Files({ unified: { 'memory.high': '1000' } }), { 'memory.high': '1000' });
});
