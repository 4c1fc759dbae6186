// The fake Pods and PodMetrics of pkg/controller/podautoscaler/replica_calculator_test.go
// (buildFakePod, newFakeResourceMetricsClient), with the contract's clock:
// now is 2025-06-01T12:00:00Z; a "hot" Pod started now, a "cool" one 3 min
// earlier, any other 10 min earlier; the Ready condition changed at the start
// time; samples are stamped now with a 1m0s window.

export const NOW = new Date('2025-06-01T12:00:00Z');
export const NOW_MS = NOW.getTime();
export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
export const ago = (seconds: number): string => iso(NOW_MS - seconds * 1000);

export const numContainersPerPod = 2;
export const defaultTestingTolerance = 0.1;
export const testingOptions = { now: NOW, cpuInitializationPeriodSeconds: 120, delayOfInitialReadinessStatusSeconds: 10 };

export type StartTime = 'hot' | 'cool' | 'old';

export interface CalcScenario {
  currentReplicas: number;
  /** Per-Pod request of each of its two containers; len is the number of Pods that have requests. */
  requests: string[];
  /** levels[i][j]: usage of container j of Pod i in milli-units. */
  levels: number[][];
  podNames?: string[];
  podReadiness?: ('True' | 'False')[];
  podStartTime?: StartTime[];
  podPhase?: string[];
  podDeletionTimestamp?: boolean[];
}

/** makePodMetricLevels: every container of Pod i uses levels[i]. */
export function makePodMetricLevels(...levels: number[]): number[][] {
  return levels.map((v) => Array.from({ length: numContainersPerPod }, () => v));
}

export function cpuRequests(n: number, value: string): string[] {
  return Array.from({ length: n }, () => value);
}

function startOf(kind: StartTime | undefined): string {
  if (kind === 'hot') return iso(NOW_MS);
  if (kind === 'cool') return ago(180);
  return ago(600);
}

export function buildScenario(f: CalcScenario): { pods: Record<string, unknown>[]; podMetrics: Record<string, unknown>[] } {
  const podsCount = Math.max(f.currentReplicas, f.podPhase?.length ?? 0);
  const pods: Record<string, unknown>[] = [];
  for (let i = 0; i < podsCount; i++) {
    const start = startOf(f.podStartTime?.[i]);
    const request = i < f.requests.length ? { resources: { requests: { cpu: f.requests[i] } } } : {};
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `test-pod-${i}`, namespace: 'test-namespace', labels: { name: 'test-pod' }, ...(f.podDeletionTimestamp?.[i] ? { deletionTimestamp: iso(NOW_MS) } : {}) },
      spec: { containers: [{ name: 'container1', image: 'x', ...request }, { name: 'container2', image: 'x', ...request }] },
      status: { phase: f.podPhase?.[i] ?? 'Running', startTime: start, conditions: [{ type: 'Ready', status: f.podReadiness?.[i] ?? 'True', lastTransitionTime: start }] },
    });
  }
  const podMetrics = f.levels.map((containerLevels, i) => ({
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'PodMetrics',
    metadata: { name: f.podNames?.[i] ?? `test-pod-${i}`, namespace: 'test-namespace', labels: { name: 'test-pod' } },
    timestamp: iso(NOW_MS),
    window: '1m0s',
    // make([]ContainerMetrics, numContainersPerPod): slots without a level stay zero-valued (no name, no usage).
    containers: Array.from({ length: numContainersPerPod }, (_, j) => (j < containerLevels.length ? { name: `container${j + 1}`, usage: { cpu: `${containerLevels[j]}m` } } : { name: '' })),
  }));
  return { pods, podMetrics };
}
