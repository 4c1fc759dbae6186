// The chapter's stand-in for kube-scheduler and the kubelets, KWOK-style: the
// controllers only see what the API server stores, so a node is reduced to
// what they can observe. It binds each new Pod (a daemon Pod to the node its
// affinity names, any other to the schedulable node with the fewest Pods that
// matches its nodeSelector and tolerates its taints), records the scheduler's
// Scheduled event, and after the start-up time writes the status a kubelet
// would: Running and Ready, Running but not Ready (a readiness probe that never
// passes), or, for restartPolicy Never, Succeeded or Failed with the exit code.
// Deleted Pods stop at once.
//
// Simplified, and said so in the lesson: no resources or ports are checked
// (chapter 6 has the real scheduler), no probes, restarts or back-off run
// (chapter 3 has the real kubelet); a container that exits under
// restartPolicy Always/OnFailure is reported as a warning and left Running, not Ready.

import type { JsonObject } from '../apimachinery/json.ts';
import type { Actor } from '../apiserver/cluster.ts';
import { findUntoleratedTaint } from '../shared/taints.ts';
import type { TaintLike, TolerationLike } from '../shared/taints.ts';
import { targetNodeName } from './daemon/controller.ts';
import type { PodBehaviorRule } from './schema.ts';

export interface NodeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  object: string;
  message: string;
  source: string;
}

export interface StandInNodesOptions {
  startupMs: number;
  behaviors: readonly PodBehaviorRule[];
  onEvent: (e: NodeEvent) => void;
}

interface PodShape {
  metadata?: { name?: string; namespace?: string; deletionTimestamp?: string; labels?: Record<string, string> };
  spec?: { nodeName?: string; restartPolicy?: string; nodeSelector?: Record<string, string>; tolerations?: TolerationLike[]; containers?: { name?: string; image?: string }[] };
  status?: Record<string, unknown>;
}
interface NodeShape {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { unschedulable?: boolean; taints?: TaintLike[] };
}

const SCHEDULER = 'pkg/scheduler/schedule_one.go (stand-in)';
const KUBELET = 'pkg/kubelet/status/status_manager.go (stand-in)';

/** The first behaviour rule whose image is the Pod's first container's. */
export function behaviorFor(pod: PodShape, rules: readonly PodBehaviorRule[]): PodBehaviorRule | undefined {
  const images = (pod.spec?.containers ?? []).map((c) => c.image);
  return rules.find((r) => images.includes(r.image));
}

export function standInNodes(options: StandInNodesOptions): Actor {
  return {
    name: 'stand-in-nodes',
    start(ctx) {
      const boundTo = new Map<string, number>(); // node → Pods bound so far (alive)
      const nodeOfPod = new Map<string, string>();
      const stopping = new Set<string>();
      const key = (m: PodShape['metadata']) => `${m?.namespace ?? ''}/${m?.name ?? ''}`;

      ctx.watch('v1', 'Pod', (e) => {
        const pod = e.object as unknown as PodShape;
        const meta = pod.metadata ?? {};
        const ref = { apiVersion: 'v1', kind: 'Pod', namespace: meta.namespace, name: meta.name ?? '' };
        if (e.type === 'DELETED') {
          const node = nodeOfPod.get(key(meta));
          if (node) boundTo.set(node, (boundTo.get(node) ?? 1) - 1);
          nodeOfPod.delete(key(meta));
          return;
        }
        if (meta.deletionTimestamp) {
          if (!stopping.has(key(meta))) {
            stopping.add(key(meta));
            ctx.api.delete(ref, { gracePeriodSeconds: 0 });
          }
          return;
        }
        if (e.type !== 'ADDED') return;
        let node = pod.spec?.nodeName ?? '';
        if (!node) {
          node = pickNode(pod);
          if (!node) return;
          const r = ctx.api.bind({ namespace: meta.namespace, name: meta.name ?? '' }, { name: node });
          if (r.code >= 300) return;
          options.onEvent({ type: 'Normal', reason: 'Scheduled', object: `pod/${meta.name}`, message: `Successfully assigned ${meta.namespace}/${meta.name} to ${node}`, source: 'default-scheduler' });
        }
        nodeOfPod.set(key(meta), node);
        boundTo.set(node, (boundTo.get(node) ?? 0) + 1);
        const rule = behaviorFor(pod, options.behaviors);
        const startedAt = ctx.clock.nowTimestamp();
        const startup = rule?.startupMs ?? options.startupMs;
        const delay = rule?.exit ? rule.exit.afterMs : startup;
        if (rule?.exit && startup < rule.exit.afterMs) {
          // Running (and Ready: no readiness probe) until the container exits.
          ctx.after(startup, `start ${meta.name}`, () => {
            const current = ctx.api.peek(ref) as PodShape | undefined;
            if (!current || current.metadata?.deletionTimestamp) return;
            const containers = (current.spec?.containers ?? []).map((c) => ({ name: c.name ?? '', image: c.image ?? '' }));
            ctx.api.updateStatus({ ...(current as object), status: { ...(current.status ?? {}), ...runningStatus(true, containers, startedAt, ctx.clock.nowTimestamp()) } });
          });
        }
        ctx.after(delay, `${rule?.exit ? 'exit' : 'start'} ${meta.name}`, () => {
          const current = ctx.api.peek(ref) as PodShape | undefined;
          if (!current || current.metadata?.deletionTimestamp) return;
          const at = ctx.clock.nowTimestamp();
          const containers = (current.spec?.containers ?? []).map((c) => ({ name: c.name ?? '', image: c.image ?? '' }));
          let status: JsonObject;
          if (rule?.exit && current.spec?.restartPolicy === 'Never') {
            status = endedStatus(rule.exit.code, containers, startedAt, at);
            ctx.trace({ title: `pod ${meta.name}: container exited with code ${rule.exit.code}; restartPolicy Never, so the Pod is ${rule.exit.code === 0 ? 'Succeeded' : 'Failed'}`, source: KUBELET, subject: `Pod ${meta.namespace}/${meta.name}` });
          } else {
            if (rule?.exit) ctx.trace({ title: `pod ${meta.name}: exit code ${rule.exit.code} under restartPolicy ${current.spec?.restartPolicy}: restarts in place are not simulated here (chapter 3); shown Running, not Ready`, source: KUBELET, subject: `Pod ${meta.namespace}/${meta.name}`, level: 'warning' });
            const ready = rule ? rule.ready && !rule.exit : true;
            status = runningStatus(ready, containers, startedAt, at);
            if (!ready) {
              // prober.go: the kubelet's Unhealthy event; an HTTP probe that gets a 503 reads like this.
              // Without a readiness probe a real kubelet would report the container Ready: said in the trace.
              const probe = (current.spec?.containers ?? []).map((c) => (c as { readinessProbe?: { httpGet?: unknown } }).readinessProbe).find(Boolean);
              if (probe?.httpGet) options.onEvent({ type: 'Warning', reason: 'Unhealthy', object: `pod/${meta.name}`, message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', source: `kubelet, ${node}` });
              else if (!probe) ctx.trace({ title: `pod ${meta.name}: kept not Ready as the scenario asks, although it has no readiness probe (a real kubelet would report it Ready)`, source: KUBELET, subject: `Pod ${meta.namespace}/${meta.name}`, level: 'warning' });
            }
          }
          ctx.api.updateStatus({ ...(current as object), status: { ...(current.status ?? {}), ...status } });
        });
      });

      /** Filter (unschedulable, nodeSelector, taints) then the node with the fewest Pods, by name on a tie. */
      function pickNode(pod: PodShape): string {
        const nodes = (ctx.api.list('v1', 'Node').items ?? []) as NodeShape[];
        const daemonTarget = targetNodeName(pod as never);
        const reasons = new Map<string, number>();
        const fits: string[] = [];
        for (const n of nodes) {
          const name = n.metadata?.name ?? '';
          let why = '';
          if (daemonTarget && daemonTarget !== name) why = "node(s) didn't match Pod's node affinity/selector";
          else if (n.spec?.unschedulable && !daemonTarget) why = 'node(s) were unschedulable';
          else if (Object.entries(pod.spec?.nodeSelector ?? {}).some(([k, v]) => n.metadata?.labels?.[k] !== v)) why = "node(s) didn't match Pod's node affinity/selector";
          else {
            const taint = findUntoleratedTaint((n.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'), pod.spec?.tolerations ?? []);
            if (taint) why = `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
          }
          if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
          else fits.push(name);
        }
        if (fits.length === 0) {
          const message = `0/${nodes.length} nodes are available: ${[...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort().join(', ')}.`;
          options.onEvent({ type: 'Warning', reason: 'FailedScheduling', object: `pod/${pod.metadata?.name}`, message, source: 'default-scheduler' });
          ctx.trace({ title: `pod ${pod.metadata?.name} stays Pending: ${message}`, source: SCHEDULER, subject: `Pod ${pod.metadata?.namespace}/${pod.metadata?.name}`, level: 'warning' });
          const current = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name ?? '' });
          if (current) ctx.api.updateStatus({ ...current, status: { ...((current.status as object) ?? {}), phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: ctx.clock.nowTimestamp() }] } });
          return '';
        }
        fits.sort((a, b) => (boundTo.get(a) ?? 0) - (boundTo.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
        return fits[0];
      }
    },
  };
}

function runningStatus(ready: boolean, containers: { name: string; image: string }[], startTime: string, at: string): JsonObject {
  const notReady = containers.map((c) => c.name);
  return {
    phase: 'Running',
    startTime,
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at },
      { type: 'Initialized', status: 'True', lastTransitionTime: startTime },
      ready ? { type: 'Ready', status: 'True', lastTransitionTime: at } : { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]`, lastTransitionTime: at },
      ready ? { type: 'ContainersReady', status: 'True', lastTransitionTime: at } : { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]`, lastTransitionTime: at },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: startTime },
    ],
    containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready, restartCount: 0, started: true, state: { running: { startedAt: at } } })),
  };
}

function endedStatus(code: number, containers: { name: string; image: string }[], startTime: string, at: string): JsonObject {
  const reason = code === 0 ? 'PodCompleted' : 'PodFailed';
  return {
    phase: code === 0 ? 'Succeeded' : 'Failed',
    startTime,
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: at },
      { type: 'Initialized', status: 'True', reason, lastTransitionTime: startTime },
      { type: 'Ready', status: 'False', reason, lastTransitionTime: at },
      { type: 'ContainersReady', status: 'False', reason, lastTransitionTime: at },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: startTime },
    ],
    containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready: false, restartCount: 0, started: false, state: { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: startTime, finishedAt: at } } })),
  };
}
