// One node with 100 Pods of mixed behaviour over one simulated hour (issue 5).
import type { BenchResult } from './run.ts';
import { simulateMemory } from '../../simulations/resources-oom/simulate.ts';
import type { KubeObject } from '../../simulations/shared/yaml.ts';

function scenario(): KubeObject[] {
  const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { capacity: { cpu: '64', memory: '64Gi' } } }];
  // Priorities 0, 1 and 2 come from PriorityClasses: the Priority admission plugin refuses a Pod that sets spec.priority itself.
  for (let p = 0; p < 3; p++) objects.push({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: `p${p}` }, value: p } as unknown as KubeObject);
  const usage: Record<string, unknown>[] = [];
  const patterns = [
    { pattern: 'steady', level: '200Mi' },
    { pattern: 'leak', start: '100Mi', perMinute: '8Mi' },
    { pattern: 'spikes', base: '150Mi', peak: '900Mi', every: '5m', length: '30s' },
    { pattern: 'step', before: '100Mi', after: '700Mi', at: '20m' },
    { pattern: 'points', points: [{ at: '0s', usage: '50Mi' }, { at: '10m', usage: '600Mi' }, { at: '30m', usage: '300Mi' }] },
  ];
  for (let i = 0; i < 100; i++) {
    const kind = i % 4; // Guaranteed, Burstable, BestEffort, Burstable without limit
    const resources =
      kind === 0 ? { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '100m', memory: '512Mi' } }
      : kind === 1 ? { requests: { memory: '256Mi' }, limits: { memory: '640Mi' } }
      : kind === 2 ? {}
      : { requests: { memory: '128Mi' } };
    objects.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}` }, spec: { priorityClassName: `p${i % 3}`, containers: [{ name: 'app', image: 'app:1', resources }] } } as unknown as KubeObject);
    usage.push({ pod: `pod-${i}`, container: 'app', usage: patterns[i % patterns.length] });
  }
  objects.push({ apiVersion: 'kube-notebook.dev/v1alpha1', kind: 'MemoryScenario', metadata: { name: 'bench' }, spec: { duration: '1h', systemUsage: '2Gi', containers: usage } } as unknown as KubeObject);
  return objects;
}

export async function bench(): Promise<BenchResult[]> {
  const input = scenario();
  simulateMemory(input); // warm-up
  const t0 = performance.now();
  const { result } = simulateMemory(input);
  const ms = performance.now() - t0;
  return [
    {
      name: 'resources-oom: 1 node, 100 Pods of mixed behaviour, 1 simulated hour (1 s steps)',
      value: `${ms.toFixed(0)} ms`,
      target: '< 1000 ms',
      met: ms < 1000,
      notes: [`${result.oomKills.length} OOM kills, ${result.evictions.length} evictions, ${result.pods.filter((p) => p.phase === 'Running').length} Pods Running at the end`],
    },
  ];
}
