// `npm run bench -- containers` (issue 23): resourceConfigForPod and cgroupV2Files (pod level and each
// container's level) for 10,000 Pods of mixed QoS classes (target: under 200 ms).
import { performance } from 'node:perf_hooks';
import { cgroupV2Files, resourceConfigForPod } from '../../simulations/containers/cgroups.ts';
import { containerResourceConfig } from '../../simulations/containers/hierarchy.ts';
import type { BenchResult } from './run.ts';

function pods(n: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const cpu = `${100 + (i % 20) * 50}m`;
    const mem = `${64 + (i % 16) * 32}Mi`;
    const kind = i % 3;
    const resources = kind === 0 ? { requests: { cpu, memory: mem }, limits: { cpu, memory: mem } } : kind === 1 ? { requests: { cpu, memory: mem }, limits: { cpu: '2' } } : {};
    out.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}` }, spec: { containers: [{ name: 'app', image: 'x', resources }, { name: 'side', image: 'y', resources }] } });
  }
  return out;
}

export async function bench(): Promise<BenchResult[]> {
  const list = pods(10_000);
  const settings = { enforceCPULimits: true, cpuPeriod: 100000, enforceMemoryQoS: true, memoryReservationPolicy: 'TieredReservation' as const, allocatableMilliCPU: 4000, allocatableMemory: 8 << 30 };
  const runAll = () => {
    let files = 0;
    for (const p of list) {
      files += Object.keys(cgroupV2Files(resourceConfigForPod(p as never, settings))).length;
      for (const c of (p.spec as { containers: object[] }).containers) files += Object.keys(cgroupV2Files(containerResourceConfig(c as never, settings), { level: 'container' })).length;
    }
    return files;
  };
  runAll(); // warm up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const files = runAll();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  const cpuMs = (c.user + c.system) / 1000;
  return [{
    name: 'resourceConfigForPod + cgroupV2Files for 10,000 Pods (pod cgroup and 2 container cgroups each)',
    value: `${cpuMs.toFixed(0)} ms CPU (${wallMs.toFixed(0)} ms wall)`,
    target: '< 200 ms',
    met: cpuMs < 200,
    notes: [`${files.toLocaleString('en-US')} cgroup files computed`],
  }];
}
