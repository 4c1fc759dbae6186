// The HorizontalPodAutoscaler controller as an actor: every sync period
// (15 s) each HPA reads its scale target's size and selector, the Pods it
// selects and their metrics, runs one sync (hpaSync: reconcileAutoscaler) and,
// when the size should change, writes the target's spec.replicas; then the
// HPA's status (currentReplicas, desiredReplicas, lastScaleTime, conditions).
// src: pkg/controller/podautoscaler/horizontal.go (NewHorizontalController,
// enqueueHPA and processNextWorkItem with the resync period, reconcileKey,
// reconcileAutoscaler, updateStatusIfNeeded, setStatus).
// Simplified: the scale subresource is read and written as the target's
// spec.replicas and spec.selector (Deployment, ReplicaSet, StatefulSet);
// metrics come from a function the caller gives (the simulation serves no
// metrics.k8s.io); status.currentMetrics is not written; events go to
// `onEvent` rather than Event objects.

import type { Actor, ActorContext } from '../../apiserver/cluster.ts';
import { objectKey } from '../../apiserver/cluster.ts';
import { labelSelectorAsSelector } from '../../apimachinery/label-selector.ts';
import { rfc3339 } from '../../apimachinery/time.ts';
import { splitKey } from '../work-queue.ts';
import type { PodMetrics } from './metrics.ts';
import type { HpaPod } from './replica-calculator.ts';
import { hpaSync, newHpaControllerState } from './sync.ts';
import type { HorizontalPodAutoscaler, HpaControllerState, HpaSyncOptions, HpaSyncResult } from './sync.ts';

const SOURCE = 'pkg/controller/podautoscaler/horizontal.go';

export interface HpaControllerOptions extends HpaSyncOptions {
  name?: string;
  /** --horizontal-pod-autoscaler-sync-period, 15 s. */
  syncPeriodMs?: number;
  /** What metrics-server would answer for these Pods now. */
  metrics: (pods: readonly HpaPod[], nowMs: number) => PodMetrics[];
  /** Each sync's outcome: the SuccessfulRescale / FailedComputeMetricsReplicas events and the "why". */
  onSync?: (hpa: string, result: HpaSyncResult, atMs: number) => void;
}

type Hpa = HorizontalPodAutoscaler & {
  metadata?: { name?: string; namespace?: string; generation?: number };
  spec?: HorizontalPodAutoscaler['spec'] & { scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string } };
  status?: { conditions?: { type?: string; status?: string; reason?: string; message?: string; lastTransitionTime?: string }[]; [key: string]: unknown };
};

export function hpaController(options: HpaControllerOptions): Actor {
  const period = options.syncPeriodMs ?? 15_000;
  return {
    name: options.name ?? 'horizontal-pod-autoscaler',
    start(ctx: ActorContext) {
      // The controller's per-HPA memory (recommendations, scale events), kept across syncs as upstream's maps are.
      const states = new Map<string, HpaControllerState>();
      // enqueueHPA: "Requests are always added to queue with resyncPeriod delay. If there's already
      // request for the HPA in the queue then a new request is always dropped." After each sync the
      // HPA goes back in the same way, so it is processed every period, never sooner.
      const queued = new Set<string>();
      const enqueue = (key: string) => {
        if (queued.has(key)) return;
        queued.add(key);
        ctx.after(period, `sync ${key}`, () => {
          queued.delete(key);
          if (!ctx.api.peek(refOf(key))) return;
          syncHpa(ctx, key, states, options);
          enqueue(key);
        });
      };
      ctx.watch('autoscaling/v2', 'HorizontalPodAutoscaler', (e) => {
        const key = objectKey(e.object);
        if (e.type === 'DELETED') states.delete(key);
        else enqueue(key);
      });
    },
  };
}

const refOf = (key: string) => {
  const [namespace, name] = splitKey(key);
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', namespace, name };
};

function syncHpa(ctx: ActorContext, key: string, states: Map<string, HpaControllerState>, options: HpaControllerOptions): void {
  const hpa = ctx.api.peek(refOf(key)) as Hpa | undefined;
  if (!hpa) return;
  const namespace = hpa.metadata?.namespace ?? '';
  const state = states.get(key) ?? newHpaControllerState();
  states.set(key, state);
  const nowMs = ctx.clock.epochMs + ctx.clock.now();
  const target = hpa.spec?.scaleTargetRef ?? {};
  const targetRef = { apiVersion: target.apiVersion ?? '', kind: target.kind ?? '', namespace, name: target.name ?? '' };
  const scale = ctx.api.peek(targetRef) as { spec?: { replicas?: number; selector?: unknown } } | undefined;
  if (!scale) {
    const notFound = ctx.api.get(targetRef).message ?? '';
    writeStatus(ctx, hpa, nowMs, [{ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: failed to query scale subresource for ${targetRef.kind}/${namespace}/${targetRef.name}: ${notFound}` }]);
    return;
  }
  const currentReplicas = scale.spec?.replicas ?? 1;
  if (currentReplicas === 0 && (hpa.spec?.minReplicas ?? 1) !== 0) {
    // Autoscaling is disabled for this resource.
    writeStatus(ctx, hpa, nowMs, [{ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' }], { currentReplicas: 0, desiredReplicas: 0 });
    return;
  }
  const selector = labelSelectorAsSelector(scale.spec?.selector);
  const pods = ((ctx.api.list('v1', 'Pod', namespace).items ?? []) as HpaPod[]).filter((p) => selector.matches(((p.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {})));
  const result = hpaSync(hpa, currentReplicas, pods, options.metrics(pods, nowMs), state, new Date(nowMs), options);
  options.onSync?.(key, result, nowMs);
  let lastScaleTime: string | undefined;
  if (result.rescale) {
    const fresh = ctx.api.peek(targetRef) as { spec?: Record<string, unknown> } | undefined;
    const written = fresh ? ctx.api.update({ ...fresh, spec: { ...(fresh.spec ?? {}), replicas: result.desiredReplicas } }) : undefined;
    if (written && written.code < 300) {
      lastScaleTime = rfc3339(nowMs);
      ctx.trace({ title: `${result.event}`, detail: result.metrics.map((m) => `${m.metric}: ${m.error ?? `${m.replicas} replicas`}`).join('; '), source: SOURCE, subject: `HorizontalPodAutoscaler ${key}` });
    }
  }
  writeStatus(ctx, hpa, nowMs, result.conditions, { currentReplicas, desiredReplicas: result.desiredReplicas, ...(lastScaleTime ? { lastScaleTime } : {}) });
}

/** setStatus + setCondition + updateStatusIfNeeded: a condition keeps its lastTransitionTime while its status stays. */
function writeStatus(ctx: ActorContext, hpa: Hpa, nowMs: number, conditions: { type: string; status: string; reason: string; message: string }[], counts: Record<string, unknown> = {}): void {
  const previous = hpa.status ?? {};
  const merged = [...(previous.conditions ?? [])];
  for (const c of conditions) {
    const i = merged.findIndex((x) => x.type === c.type);
    const lastTransitionTime = i >= 0 && merged[i].status === c.status ? merged[i].lastTransitionTime : rfc3339(nowMs);
    const next = { type: c.type, status: c.status, lastTransitionTime, reason: c.reason, message: c.message };
    if (i >= 0) merged[i] = next;
    else merged.push(next);
  }
  const status = { ...previous, ...counts, observedGeneration: hpa.metadata?.generation ?? 0, conditions: merged };
  if (JSON.stringify(status) !== JSON.stringify(previous)) ctx.api.updateStatus({ ...hpa, status });
}
