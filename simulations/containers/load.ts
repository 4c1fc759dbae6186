// A steady load on one container's cgroup: what cpu.stat and memory.events then say.
// src: Linux Documentation/admin-guide/cgroup-v2.rst (cpu.max: "the group may consume up to $MAX in each
//   $PERIOD duration"; cpu.stat nr_periods/nr_throttled; memory.max: "If a cgroup's memory usage reaches
//   this limit and can't be reduced, the OOM killer is invoked in the cgroup"; memory.events oom_kill),
//   and the kubelet's container status for a cgroup OOM kill (reason OOMKilled, exit code 137).
// Simplified: the demand is steady and the container's runnable threads spread evenly, so either every
// period hits the quota or none does; throttled_usec (per-CPU throttled time) is not modelled; a memory
// over the cgroup's memory.max is taken as not reclaimable (anonymous memory, no swap).

export interface LoadResult {
  pod: string;
  container: string;
  seconds: number;
  cpu: { demandMilli: number; limitMilli: number | null; nrPeriods: number; nrThrottled: number; usageUsec: number; throttled: boolean };
  memory: { usageBytes: number; maxBytes: number | null; oomKilled: boolean; reason: string | null; exitCode: number | null };
}

export function applyLoad(
  target: { pod: string; container: string; files: Record<string, string> },
  load: { cpuMilli: number; memoryBytes: number; seconds: number },
): LoadResult {
  const cpuMax = target.files['cpu.max'];
  let limitMilli: number | null = null;
  let period = 100000;
  if (cpuMax) {
    const [q, p] = cpuMax.split(' ');
    period = Number(p);
    if (q !== 'max') limitMilli = (Number(q) * 1000) / period;
  }
  const totalUsec = load.seconds * 1_000_000;
  // nr_periods counts enforcement periods only when a quota is set (cgroup-v2.rst, cpu.stat)
  const nrPeriods = limitMilli === null ? 0 : Math.floor(totalUsec / period);
  const throttled = limitMilli !== null && load.cpuMilli > limitMilli;
  const usedMilli = throttled ? limitMilli! : load.cpuMilli;
  const memMax = target.files['memory.max'] && target.files['memory.max'] !== 'max' ? Number(target.files['memory.max']) : null;
  const oom = memMax !== null && load.memoryBytes > memMax;
  return {
    pod: target.pod, container: target.container, seconds: load.seconds,
    cpu: { demandMilli: load.cpuMilli, limitMilli, nrPeriods, nrThrottled: throttled ? nrPeriods : 0, usageUsec: Math.round((usedMilli / 1000) * totalUsec), throttled },
    memory: { usageBytes: oom ? memMax! : load.memoryBytes, maxBytes: memMax, oomKilled: oom, reason: oom ? 'OOMKilled' : null, exitCode: oom ? 137 : null },
  };
}
