// Diagnose mode: read a real Pod (`kubectl get pod -o yaml`, status included) and
// optionally its Events, say what happened and which fixes apply, and print the
// `kubectl describe pod` view.
//
// The two memory failures look different in the API and are told apart here:
//   - OOMKilled: the container crossed its own memory limit; the kernel killed it
//     inside its cgroup. status.containerStatuses[].(lastState|state).terminated.reason
//     is OOMKilled, exit code 137, and the kubelet restarts it per restartPolicy.
//   - Evicted: the node ran short and the kubelet evicted the whole Pod.
//     status.phase Failed, status.reason Evicted, status.message from eviction/helpers.go.

import { Quantity, formatBinarySI } from '../apimachinery/quantity.ts';
import { ValidationError, describeValue } from '../shared/errors.ts';
import { getPodQOS } from '../apiserver/pod-qos.ts';
import type { QOSClass } from '../apiserver/pod-qos.ts';
import { describePod } from '../kubectl/describe-pod.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { RFC3339, timeParseError } from '../apiserver/decode/go-time-parse.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects } from '../kubectl/create.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type DiagnosisKind = 'OOMKilled' | 'Evicted' | 'CrashLoopBackOff' | 'KilledNotOOM' | 'Unschedulable' | 'Error' | 'Healthy';

export interface ContainerDiagnosis {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  request: string;
  limit: string;
  restarts: number;
  state: string;
  stateReason: string | null;
  lastReason: string | null;
  lastExitCode: number | null;
  oomKilled: boolean;
}

export interface Fix {
  id: 'raise-limit' | 'fix-leak' | 'set-requests' | 'set-limits' | 'vpa' | 'guaranteed' | 'priority' | 'node-capacity' | 'read-logs' | 'probe' | 'smaller-requests';
  title: string;
  detail: string;
}

export interface Diagnosis {
  pod: string;
  namespace: string;
  phase: string;
  qosClass: QOSClass;
  kind: DiagnosisKind;
  /** The container the diagnosis is about, if one is to blame. */
  container: string | null;
  summary: string;
  evidence: string[];
  /** For an eviction: the numbers quoted in the message. */
  eviction: { threshold: string | null; available: string | null; containers: { name: string; usage: string; request: string }[] } | null;
  containers: ContainerDiagnosis[];
  fixes: Fix[];
  /** Next commands to run, in order. */
  steps: string[];
  describe: string;
  /** The moment the describe view is computed at: the latest timestamp in the input. */
  asOf: string;
}

const FIXES: Record<Fix['id'], Omit<Fix, 'id'>> = {
  'raise-limit': { title: 'Raise the memory limit', detail: 'If the usage is legitimate (bigger data, more traffic), give the container a limit above its real peak plus headroom. The limit is what the kernel enforces.' },
  'fix-leak': { title: 'Find and fix the leak', detail: 'Memory that only grows until the kill is a leak or an unbounded cache. Read `kubectl logs <pod> -c <container> --previous`, profile the process, bound caches and queues; for the JVM set -Xmx or -XX:MaxRAMPercentage below the limit.' },
  'set-requests': { title: 'Set memory requests to the real usage', detail: 'Under node pressure the kubelet evicts Pods whose usage is above their request first. A request close to the real working set keeps the Pod out of the front of the queue and lets the scheduler place it where the memory exists.' },
  'set-limits': { title: 'Set a memory limit', detail: 'Without a limit, a runaway process grows until the node itself runs short: then the node-level OOM killer or an eviction picks a victim, possibly another Pod.' },
  vpa: { title: 'Let the Vertical Pod Autoscaler recommend', detail: 'VPA (an add-on) watches actual usage and recommends or applies requests and limits; run it in "Off"/recommendation mode first and read `kubectl describe vpa`.' },
  guaranteed: { title: 'Make the Pod Guaranteed', detail: 'requests = limits for cpu and memory in every container gives oom_score_adj -997 and usage never above request, so it is the last candidate for both the OOM killer and eviction.' },
  priority: { title: 'Give important Pods a higher priority', detail: 'Among Pods above their requests, the kubelet evicts lower spec.priority first (PriorityClass).' },
  'node-capacity': { title: 'Give the node headroom', detail: 'Reserve memory for the system (systemReserved/kubeReserved), keep the sum of limits close to allocatable, or add nodes: eviction starts when memory.available drops under the threshold (default 100Mi).' },
  'read-logs': { title: 'Read the previous container\'s logs', detail: '`kubectl logs <pod> -c <container> --previous` shows the output of the run that died; the current container is a fresh start.' },
  probe: { title: 'Check the liveness probe and the grace period', detail: 'Exit code 137 without OOMKilled means SIGKILL from outside the cgroup OOM killer: a failed liveness probe, or a process that did not stop within terminationGracePeriodSeconds.' },
  'smaller-requests': { title: 'Request less, or add capacity', detail: 'The scheduler places Pods by their requests against the node\'s allocatable; a request no node can fit stays Pending.' },
};

function fixes(...ids: Fix['id'][]): Fix[] {
  return ids.map((id) => ({ id, ...FIXES[id] }));
}

function qty(v: unknown): string {
  const q = Quantity.tryParse(v);
  return q ? q.toString() : 'none';
}

/** Unix ms of an RFC 3339 time (Go's time.Parse with time.RFC3339 accepts it), or undefined. */
export function parseRFC3339(text: string): number | undefined {
  if (timeParseError(RFC3339, text) !== undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The latest time anywhere in the pasted Pod and Events (as pasted: the API server fills in no time of its own there). */
function latestTime(pod: unknown, events: readonly unknown[]): number {
  let max = Number.NEGATIVE_INFINITY;
  const visit = (v: unknown, key: string) => {
    if (typeof v === 'string' && /(Time|Timestamp|At|time)$/.test(key)) {
      const ms = parseRFC3339(v);
      if (ms !== undefined && ms > max) max = ms;
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, k);
    }
  };
  visit(pod, '');
  for (const e of events) visit(e, '');
  return Number.isFinite(max) ? max : 0;
}

/** An object handed over as a core/v1 `kind`: its apiVersion and kind may be left out, not be another's. */
function asCore(value: unknown, kind: 'Pod' | 'Event', what: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const json = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : 'object';
    throw new ValidationError(`json: cannot unmarshal ${json} into Go value of type v1.${kind}`, { path: [] });
  }
  const o = value as JsonObject;
  if ((o.apiVersion ?? 'v1') !== 'v1' || (o.kind ?? kind) !== kind) {
    const text = (v: unknown) => (typeof v === 'string' ? v : describeValue(v));
    throw new ValidationError(`Unsupported value: "${text(o.apiVersion)} ${text(o.kind)}": ${what}`, { object: o, path: ['kind'] });
  }
  return o.apiVersion === undefined || o.kind === undefined ? { ...o, apiVersion: 'v1', kind } : o;
}

/**
 * The pasted Pod and Events as the cluster they came from holds them: seeded
 * into a virtual API server (decoded, defaulted and validated, status kept),
 * nulls read as Go's zero values.
 */
function storePasted(podObject: unknown, eventObjects: readonly unknown[]): { pod: Obj; events: Obj[] } {
  const pod = asCore(podObject, 'Pod', 'supported kinds: v1 Pod');
  const events = eventObjects.map((e) => asCore(e, 'Event', 'supported kinds: v1 Event'));
  const stored = admitObjects(freshApiServer(), [pod, ...events], 'seed');
  return {
    pod: stored[0] as Obj,
    events: stored.slice(1) as Obj[],
  };
}

/**
 * Diagnoses a Pod from its YAML (with status) and optional Events. Both go
 * into a virtual API server as they are (seeded: what a cluster already holds),
 * so any JSON is either diagnosed or refused with a ValidationError worded as
 * kube-apiserver words it, naming the field.
 *
 * @example
 *   diagnosePod(podWithOOMKilledLastState).kind      // 'OOMKilled'
 *   diagnosePod(evictedPod).eviction?.available      // '91244Ki'
 */
export function diagnosePod(podObject: unknown, eventObjects: unknown = []): Diagnosis {
  if (!Array.isArray(eventObjects)) throw new ValidationError('must be a list of core/v1 Events', { path: [] });
  const { pod, events } = storePasted(podObject, eventObjects);
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace || 'default';
  const qosClass = getPodQOS(pod);
  type Status = Obj;
  const statuses = new Map<string, Status>();
  for (const s of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) statuses.set(s.name ?? '', s);
  type Container = Obj;
  const listed: { c: Container; kind: ContainerDiagnosis['kind'] }[] = [
    ...(spec.initContainers ?? []).map((c: Obj) => ({ c, kind: c.restartPolicy === 'Always' ? ('sidecar' as const) : ('init' as const) })),
    ...(spec.containers ?? []).map((c: Obj) => ({ c, kind: 'regular' as const })),
  ];
  const containers: ContainerDiagnosis[] = listed.map(({ c, kind }) => {
    const s: Status = statuses.get(c.name ?? '') ?? {};
    const stateName = s.state?.running ? 'Running' : s.state?.terminated ? 'Terminated' : 'Waiting';
    const stateReason = s.state?.waiting?.reason ?? s.state?.terminated?.reason ?? null;
    const last = s.state?.terminated ?? s.lastState?.terminated ?? null;
    return {
      name: c.name ?? '', kind, request: qty(c.resources?.requests?.memory), limit: qty(c.resources?.limits?.memory), restarts: s.restartCount ?? 0,
      state: stateName, stateReason, lastReason: last?.reason ?? null, lastExitCode: typeof last?.exitCode === 'number' ? last.exitCode : null,
      oomKilled: s.state?.terminated?.reason === 'OOMKilled' || s.lastState?.terminated?.reason === 'OOMKilled',
    };
  });
  const asOfMs = latestTime(podObject, eventObjects);
  const base = { pod: name, namespace, phase: status.phase ?? 'Unknown', qosClass, containers, describe: describePod(pod, events, asOfMs), asOf: new Date(asOfMs).toISOString().replace('.000Z', 'Z') };
  const evidence: string[] = [];
  const steps = [`kubectl get pod ${name} -n ${namespace}`, `kubectl describe pod ${name} -n ${namespace}`];

  if (status.reason === 'Evicted') {
    const msg = String(status.message ?? '');
    // No whitespace inside a quantity: each match attempt stops at the next space (linear time on any message).
    const threshold = /Threshold quantity: ([^,\s]+), available: ([^.\s]+)\./.exec(msg);
    const offenders = [...msg.matchAll(/Container (\S+) was using (\S+), request is (\S+), has larger consumption of memory/g)].map((m) => ({ name: m[1], usage: m[2], request: m[3] }));
    evidence.push(`status.phase ${status.phase}, status.reason Evicted`, `status.message: ${msg.trim()}`);
    for (const e of events.filter((x) => x.reason === 'Evicted')) evidence.push(`event ${e.type} Evicted from ${e.source?.component || e.reportingComponent || 'kubelet'}`);
    const memory = /low on resource: memory/.test(msg);
    return {
      ...base, kind: 'Evicted', container: offenders[0]?.name ?? null,
      summary: memory
        ? `The kubelet evicted the Pod because the node ran low on memory${threshold ? ` (memory.available ${threshold[2]} under the threshold ${threshold[1]})` : ''}. ${offenders.length > 0 ? `Container ${offenders.map((o) => `${o.name} used ${o.usage} against a request of ${o.request}`).join('; ')}, which put the Pod ahead in the eviction order.` : 'No container was above its request.'} This is node-pressure eviction, not the OOM killer: the whole Pod is Failed and is not restarted (a controller creates a replacement).`
        : `The kubelet evicted the Pod: ${msg.trim()}`,
      evidence,
      eviction: { threshold: threshold?.[1] ?? null, available: threshold?.[2] ?? null, containers: offenders },
      fixes: memory ? fixes('set-requests', 'guaranteed', 'priority', 'node-capacity', 'vpa') : fixes('node-capacity'),
      steps: [...steps, `kubectl get events -n ${namespace} --field-selector involvedObject.name=${name}`, 'kubectl describe node <node>   # Conditions: MemoryPressure; Taints', 'kubectl top pod --containers'],
    };
  }

  const oom = containers.find((c) => c.oomKilled);
  if (oom) {
    evidence.push(`container ${oom.name}: last termination reason OOMKilled, exit code ${oom.lastExitCode ?? 137}`, `restartCount ${oom.restarts}`);
    if (oom.stateReason === 'CrashLoopBackOff') evidence.push('state Waiting, reason CrashLoopBackOff: the kubelet is waiting out the restart back-off');
    const noLimit = oom.limit === 'none';
    return {
      ...base, kind: 'OOMKilled', container: oom.name,
      summary: noLimit
        ? `Container ${oom.name} was OOM-killed without a memory limit of its own: the node (or the Pods' cgroup) ran out of memory and the kernel's OOM killer chose it (QoS ${qosClass}). Exit code 137 = 128 + SIGKILL.`
        : `Container ${oom.name} used more than its memory limit of ${oom.limit} (request ${oom.request}), so the kernel's OOM killer killed it inside its cgroup: reason OOMKilled, exit code 137 (128 + SIGKILL). The kubelet did not kill it; it restarts it per restartPolicy ${spec.restartPolicy ?? 'Always'}${oom.restarts > 0 ? ` (${oom.restarts} restarts so far)` : ''}. QoS class ${qosClass}.`,
      evidence, eviction: null,
      fixes: noLimit ? fixes('set-limits', 'set-requests', 'fix-leak', 'vpa', 'node-capacity') : fixes('raise-limit', 'fix-leak', 'read-logs', 'vpa', 'guaranteed'),
      steps: [...steps, `kubectl logs ${name} -n ${namespace} -c ${oom.name} --previous`, `kubectl top pod ${name} -n ${namespace} --containers`, `kubectl get events -n ${namespace} --field-selector involvedObject.name=${name}`],
    };
  }

  const killed = containers.find((c) => c.lastExitCode === 137);
  if (killed) {
    evidence.push(`container ${killed.name}: exit code 137 with reason ${killed.lastReason ?? 'none'}, not OOMKilled`);
    for (const e of events.filter((x) => x.reason === 'Unhealthy' || x.reason === 'Killing')) evidence.push(`event ${e.reason}: ${(e.message ?? '').trim()}`);
    return {
      ...base, kind: 'KilledNotOOM', container: killed.name,
      summary: `Container ${killed.name} got SIGKILL (exit code 137) but not from the memory cgroup: the reason is ${killed.lastReason ?? 'empty'}, not OOMKilled. Look at liveness probe failures and the termination grace period.`,
      evidence, eviction: null, fixes: fixes('probe', 'read-logs'),
      steps: [...steps, `kubectl logs ${name} -n ${namespace} -c ${killed.name} --previous`],
    };
  }

  const crash = containers.find((c) => c.stateReason === 'CrashLoopBackOff' || (c.state !== 'Running' && c.lastExitCode !== null && c.lastExitCode !== 0));
  if (crash) {
    evidence.push(`container ${crash.name}: ${crash.stateReason ?? crash.state}, last exit code ${crash.lastExitCode ?? 'unknown'} (${crash.lastReason ?? 'no reason'})`);
    return {
      ...base, kind: crash.stateReason === 'CrashLoopBackOff' ? 'CrashLoopBackOff' : 'Error', container: crash.name,
      summary: `Container ${crash.name} keeps exiting with code ${crash.lastExitCode ?? 'unknown'} (${crash.lastReason ?? 'no reason'}): the application fails on its own; memory is not the cause.`,
      evidence, eviction: null, fixes: fixes('read-logs'),
      steps: [...steps, `kubectl logs ${name} -n ${namespace} -c ${crash.name} --previous`],
    };
  }

  const unschedulable = (status.conditions ?? []).find((c: Obj) => c.type === 'PodScheduled' && c.status === 'False');
  if (status.phase === 'Pending' && unschedulable) {
    evidence.push(`condition PodScheduled False, reason ${unschedulable.reason ?? ''}: ${unschedulable.message ?? ''}`);
    return {
      ...base, kind: 'Unschedulable', container: null,
      summary: `The Pod is Pending: the scheduler found no node with enough allocatable resources for its requests (${unschedulable.message ?? 'no message'}). Requests, not usage, decide placement.`,
      evidence, eviction: null, fixes: fixes('smaller-requests', 'vpa'),
      steps: [...steps, 'kubectl describe nodes   # Allocated resources'],
    };
  }

  return {
    ...base, kind: 'Healthy', container: null,
    summary: `No OOM kill, eviction or crash is recorded in this Pod's status (phase ${status.phase ?? 'unknown'}, QoS ${qosClass}).`,
    evidence, eviction: null, fixes: [], steps: [...steps, `kubectl top pod ${name} -n ${namespace} --containers`],
  };
}

/** Bytes helper for views. */
export const formatBytes = formatBinarySI;
