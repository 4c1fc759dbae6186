// A kubelet for one Pod on a virtual clock.
//
// It plays the parts of the node agent that decide a Pod's life, each after its
// upstream source:
//   - the pod worker's sync loop (pkg/kubelet/pod_workers.go, kubelet.go SyncPod /
//     SyncTerminatingPod / SyncTerminatedPod): one sync at a time; a sync first writes
//     the status it computes, then acts; a sync that hit an error is retried after
//     backOffPeriod (10 s; the real kubelet adds up to 50 % jitter, the simulation does not);
//   - the runtime manager (kuberuntime_manager.go SyncPod, computePodActions, doBackOff;
//     kuberuntime_container.go startContainer, killContainer);
//   - the image manager (images/image_manager.go EnsureImageExists) with its back-off;
//   - the probe workers (prober/worker.go);
//   - the status manager's transition times (status/status_manager.go);
//   - PLEG: a container that starts or exits triggers a sync at once (the real relist
//     notices within a second).
//
// Whatever a container *does* (how long it runs, its exit code, its probe answers,
// how it takes SIGTERM) comes from a ContainerBehavior. Other simulations inject
// what happens to it from outside: `killContainer` (the kernel OOM-kills it),
// `evictPod` (node-pressure eviction), `deletePod` (kubectl delete).

import type { TraceStep } from '../shared/engine.ts';
import { goDuration } from '../apimachinery/duration.ts';
import { Backoff, CONTAINER_BACKOFF } from './backoff.ts';
import type { ContainerBehavior } from './behavior.ts';
import { defaultBehavior } from './behavior.ts';
import type { ConditionValue } from './conditions.ts';
import { allContainers, containerFieldPath, restartPolicyOf } from './containers.ts';
import { EventRecorder } from './events.ts';
import type { TrackedEvent } from './events.ts';
import { generatePodStatus, isStarted } from './generate-status.ts';
import { fakeContainerId, fakeUid } from './ids.ts';
import { ImageManager } from './images.ts';
import type { ImageContext, StartResult, Task } from './images.ts';
import { deepEqual, terminatePodStatus } from './terminal-status.ts';
import { CrashLoopBackOff, EventReason } from './names.ts';
import { computePodActions } from './pod-actions.ts';
import type { ContainerToKill } from './pod-actions.ts';
import { ProbeWorker, withProbeDefaults } from './probes.ts';
import type { ProbeType } from './probes.ts';
import { VirtualClock } from '../apiserver/clock.ts';
import type { TaskHandle } from '../apiserver/clock.ts';
import { latestExited, latestInstance, runtimeExitReason } from './runtime.ts';
import type { ContainerRecord, Instance } from './runtime.ts';
import { planStop, terminationGracePeriodSeconds, DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS } from './termination.ts';
import type { StopPlan } from './termination.ts';
import { rfc3339 } from '../apimachinery/time.ts';
import type { Container, ObjectMeta, Pod, PodSpec, PodStatus } from './types.ts';

/** pkg/kubelet/kubelet.go backOffPeriod: how long the pod worker waits before retrying a failed sync. */
export const SYNC_ERROR_BACKOFF_MS = 10_000;

export interface PodKubeletOptions {
  /** The node the Pod lands on (spec.nodeName wins when the manifest sets it). Default "node-a". */
  nodeName?: string;
  hostIP?: string;
  /** The IP the CNI plugin gives the sandbox. Default derived from the Pod name in 10.244.1.0/24. */
  podIP?: string;
  /**
   * The cluster's clock: the kubelet's timers are tasks on it, and its times are the
   * clock's (virtual ms since the cluster's t = 0). Default: a clock of its own, at t = 0.
   */
  clock?: VirtualClock;
  /** Virtual time 0 as Unix milliseconds, for a clock of its own (a given clock has its epoch). Default 2025-01-01T00:00:00Z. */
  epochMs?: number;
  /** How long after creation the scheduler binds the Pod (ignored when spec.nodeName is preset). Default 0. */
  scheduleAfterMs?: number;
  /** How long creating the sandbox (pause container + CNI) takes. Default 1000. */
  sandboxMs?: number;
  /** The behaviour of each container; default: runs until stopped, answers every probe. */
  behavior?: (container: Container, kind: 'init' | 'sidecar' | 'regular') => ContainerBehavior;
  /** status.qosClass to report (the resources engine computes it). */
  qosClass?: string;
  /** Stop recording trace steps after this many (the trace says so). Default 2000. */
  maxTraceSteps?: number;
}

/** One status (or metadata) write, i.e. one watch event a `kubectl get -w` would print. */
export interface StatusWrite {
  /** Virtual milliseconds on the clock. */
  atMs: number;
  pod: Pod;
  /** What caused it: "created", "scheduled", "sync", "deletion", "deleted", "evicted", "terminated". */
  cause: string;
}

/** A running container instance, for engines that model what happens inside it (memory …). */
export interface RunningContainer {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  instanceId: string;
  attempt: number;
  startedAtMs: number;
}

export interface InjectedExit {
  /** Default 137. */
  exitCode?: number;
  /** Default "OOMKilled". */
  reason?: string;
  message?: string;
}

export interface EvictionOptions {
  /** status.reason; default "Evicted". */
  reason?: string;
  /** status.message and the Evicted event's message. */
  message: string;
  /** Grace period override; hard evictions use 1 (eviction_manager.go immediateEvictionGracePeriodSeconds); floored at 2 by killContainer. */
  gracePeriodSeconds?: number;
  /** Condition added to the Pod; default DisruptionTarget=True, reason TerminationByKubelet, the message. */
  condition?: ConditionValue;
  /** Annotations on the Evicted event (offending_containers …). */
  eventAnnotations?: Record<string, string>;
}

type Action =
  | { kind: 'bind' }
  | { kind: 'sync' }
  | { kind: 'resume'; token: number }
  | { kind: 'exit'; name: string; instanceId: string | null; exitCode: number; reason?: string; message?: string; endedBy: Instance['endedBy'] }
  | { kind: 'probe'; name: string; type: ProbeType; token: number }
  | { kind: 'event'; type: 'Normal' | 'Warning'; reason: string; message: string; fieldPath?: string }
  | { kind: 'delete'; graceSeconds?: number }
  | { kind: 'evict'; options: EvictionOptions };



const SYNC: Action = { kind: 'sync' };

/**
 * The kubelet for one Pod.
 *
 * @example
 *   const k = new PodKubelet(pod, { behavior: () => crashAfter(5_000, 1) });
 *   k.advanceTo(120_000);
 *   k.writes.at(-1)?.pod.status?.containerStatuses?.[0].state // { waiting: { reason: 'CrashLoopBackOff', ... } }
 *   k.killContainer('app', 130_000, { exitCode: 137, reason: 'OOMKilled' });
 */
export class PodKubelet {
  /** The clock the kubelet runs on (shared with the cluster when one was given). */
  readonly clock: VirtualClock;
  /** Virtual t = 0 of the clock as Unix milliseconds. */
  readonly epochMs: number;
  /** When the Pod was created: the clock's time when the kubelet was made. */
  readonly createdAtMs: number;
  readonly records: ContainerRecord[];
  readonly writes: StatusWrite[] = [];
  readonly trace: TraceStep[] = [];
  readonly nodeName: string;
  readonly hostIP: string;
  readonly podIP: string;
  /** Set once the Pod is terminal or deleted and nothing more will happen to it. */
  finished = false;
  /** When the Pod object disappeared from the API (after graceful deletion). */
  deletedAtMs: number | undefined;
  /** When the Pod reached a terminal phase, if it did. */
  terminalAtMs: number | undefined;
  traceTruncated = false;

  private meta: ObjectMeta;
  private spec: PodSpec;
  private status: PodStatus;
  private readonly eventRecorder: EventRecorder;
  /** The kubelet made its clock: no other actor shares it. */
  private readonly ownsClock: boolean;
  /** Tasks of this kubelet on the clock that have not run yet. */
  private pendingTasks = 0;
  /**
   * The replays of a repeating back-off sync still to be recorded, when they were
   * left off the clock (see startSync): one every 10 s from `nextMs`, before `endMs`,
   * where the one real sync task waits.
   */
  private lazyReplay: { nextMs: number; endMs: number; events: TrackedEvent[]; task: TaskHandle } | undefined;
  /** Labels of the clock tasks, made once. */
  private readonly labels: Record<Action['kind'], string>;
  private readonly crashBackoff = new Backoff(CONTAINER_BACKOFF.initialMs, CONTAINER_BACKOFF.maxMs);
  private readonly imageManager: ImageManager;
  private readonly imageContext: ImageContext;
  private readonly queuedSyncs = new Set<number>();
  private readonly onceKeys = new Set<string>();
  /** Bumped whenever anything the status is computed from changes; a sync with nothing new writes nothing. */
  private version = 0;
  private generatedVersion = -1;
  /** Events recorded by the sync in progress (for replaying a sync that will repeat itself). */
  private syncEvents: TrackedEvent[] | undefined;
  /**
   * A sync that only hit back-off errors repeats itself exactly (same events, same retry)
   * until the earliest back-off expires or something changes: replayed without recomputing.
   */
  private repeatingSync: { version: number; untilMs: number; events: NonNullable<PodKubelet['syncEvents']> } | undefined;
  private worker: Task | undefined;
  private waiting: { token: number; until?: () => boolean } | undefined;
  private waitToken = 0;
  private syncPending = false;
  private terminating = false;
  private sandboxReady = false;
  private podIPAssigned = false;
  private startTimeMs: number | undefined;
  private forcedFailure: { reason: string; message: string } | undefined;
  private otherConditions: ConditionValue[] = [];
  private readonly options: Required<Pick<PodKubeletOptions, 'sandboxMs' | 'maxTraceSteps'>> & PodKubeletOptions;

  constructor(pod: Pod, options: PodKubeletOptions = {}) {
    this.options = { sandboxMs: 1000, maxTraceSteps: 2000, ...options };
    this.clock = options.clock ?? new VirtualClock({ epochMs: options.epochMs });
    this.ownsClock = options.clock === undefined;
    this.epochMs = this.clock.epochMs;
    const created = this.clock.now();
    this.createdAtMs = created;
    const namespace = pod.metadata.namespace ?? 'default';
    const uid = pod.metadata.uid ?? fakeUid(`${namespace}/${pod.metadata.name}`);
    const who = `kubelet ${namespace}/${pod.metadata.name}`;
    this.labels = {
      bind: `default-scheduler: bind ${namespace}/${pod.metadata.name}`,
      sync: `${who}: sync`,
      resume: `${who}: resume`,
      exit: `${who}: container exit`,
      probe: `${who}: probe`,
      event: `${who}: event`,
      delete: `${who}: delete`,
      evict: `${who}: evict`,
    };
    this.meta = { ...pod.metadata, namespace, uid, creationTimestamp: this.iso(created) };
    delete this.meta.deletionTimestamp;
    delete this.meta.deletionGracePeriodSeconds;
    this.spec = pod.spec;
    this.nodeName = pod.spec.nodeName || options.nodeName || 'node-a';
    this.hostIP = options.hostIP ?? '192.168.49.2';
    // A hostNetwork Pod uses the node's network namespace and IP.
    this.podIP = pod.spec.hostNetwork ? this.hostIP : (options.podIP ?? defaultPodIP(pod.metadata.name));
    this.eventRecorder = new EventRecorder({ name: this.meta.name, namespace, uid }, this.nodeName, this.epochMs);
    const behaviorOf = options.behavior ?? (() => defaultBehavior());
    this.imageManager = new ImageManager(uid);
    this.imageContext = {
      now: () => this.now,
      event: (type, reason, message, fieldPath) => this.event(type, reason, message, fieldPath),
      step: (title, extra) => this.step(this.now, title, extra),
    };
    this.records = allContainers(pod.spec).map(({ container, kind, index }) => {
      const behavior = behaviorOf(container, kind);
      if (behavior.image.present && container.image) this.imageManager.images.add(container.image);
      return { container, kind, index, instances: [], workers: {}, behavior, pullAttempts: 0 };
    });
    this.status = { phase: 'Pending' };
    if (options.qosClass) this.status.qosClass = options.qosClass;
    this.write('created');
    this.step(created, `Pod ${namespace}/${this.meta.name} created (phase Pending)`, {
      source: 'pkg/registry/core/pod/strategy.go',
    });
    const gates = (pod.spec.schedulingGates as { name: string }[] | undefined) ?? [];
    if (!pod.spec.nodeName && gates.length > 0) {
      // pkg/scheduler: a Pod with scheduling gates is not scheduled until they are all removed.
      this.status = {
        ...this.status,
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'SchedulingGated',
            message: 'Scheduling is blocked due to non-empty scheduling gates',
            lastProbeTime: null,
            lastTransitionTime: this.iso(created),
          },
        ],
      };
      this.write('scheduling-gated');
      this.step(created, `spec.schedulingGates (${gates.map((g) => g.name).join(', ')}) hold the Pod: the scheduler does not bind it`, {
        source: 'pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go',
        level: 'decision',
      });
    } else if (pod.spec.nodeName) {
      this.step(created, `spec.nodeName is already ${pod.spec.nodeName}: no scheduler involved; the kubelet picks the Pod up`, {
        source: 'pkg/kubelet/config/apiserver.go',
      });
      this.requestSync(created);
    } else {
      this.schedule(created + (options.scheduleAfterMs ?? 0), { kind: 'bind' });
    }
  }

  // ── Public API ────────────────────────────────────────────────────────────

  /**
   * The Pod's events as the recorder tracks them (every occurrence up to the
   * clock's now, in `all`).
   */
  get recorder(): EventRecorder {
    if (this.lazyReplay) this.flushReplays(this.clock.now());
    return this.eventRecorder;
  }

  /** The Pod as the API shows it now (metadata, spec, the status last written). */
  currentPod(): Pod {
    return { apiVersion: 'v1', kind: 'Pod', metadata: this.meta, spec: this.spec, status: this.status };
  }

  /** The Pod as the API showed it at `atMs` (the last write at or before then). */
  podAt(atMs: number): Pod | undefined {
    let lo = 0;
    let hi = this.writes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.writes[mid].atMs <= atMs) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : this.writes[lo - 1].pod;
  }

  /** core/v1 Events for this Pod as they stood at `atMs` (default: now). */
  eventsAt(atMs: number = this.now): ReturnType<EventRecorder['eventsAt']> {
    return this.recorder.eventsAt(atMs);
  }

  /** Virtual milliseconds on the clock. */
  get now(): number {
    return this.clock.now();
  }

  /** The clock's next task (the kubelet's, or another actor's on a shared clock), or undefined when none is left. */
  nextActionAt(): number | undefined {
    return this.clock.nextAt();
  }

  /**
   * Runs the clock to `atMs`: every task due until then, at most `maxActions` of
   * them; `now` becomes `atMs` unless the cap stopped it first. Returns how many
   * tasks ran (on a shared clock, other actors' tasks count too).
   */
  advanceTo(atMs: number, maxActions = Number.POSITIVE_INFINITY): number {
    const before = this.clock.stepsRun;
    this.clock.runUntil(atMs, { maxSteps: before + maxActions, maxVirtualTimeMs: Number.POSITIVE_INFINITY });
    return this.clock.stepsRun - before;
  }

  /** Containers running right now. */
  running(): RunningContainer[] {
    const out: RunningContainer[] = [];
    for (const r of this.records) {
      const l = latestInstance(r);
      if (l?.state === 'running') {
        out.push({ name: r.container.name, kind: r.kind, instanceId: l.id, attempt: l.attempt, startedAtMs: l.startedAtMs });
      }
    }
    return out;
  }

  /** The runtime record of one container (all its instances). */
  record(name: string): ContainerRecord | undefined {
    return this.records.find((r) => r.container.name === name);
  }

  /**
   * The runtime reports that the container running as `name` at `atMs` died
   * (for example the kernel OOM-killed it: exit 137, reason OOMKilled). The
   * kubelet notices, and restarts it or not as restartPolicy and the back-off say.
   */
  killContainer(name: string, atMs: number, exit: InjectedExit = {}): void {
    this.assertNotPast(atMs);
    this.putReplaysOnClock();
    this.schedule(atMs, {
      kind: 'exit',
      name,
      instanceId: null,
      exitCode: exit.exitCode ?? 137,
      reason: exit.reason ?? 'OOMKilled',
      message: exit.message,
      endedBy: 'injected',
    });
  }

  /** `kubectl delete pod` at `atMs` (gracePeriodSeconds like --grace-period; default the Pod's). */
  deletePod(atMs: number, options: { gracePeriodSeconds?: number } = {}): void {
    this.assertNotPast(atMs);
    this.putReplaysOnClock();
    this.schedule(atMs, { kind: 'delete', graceSeconds: options.gracePeriodSeconds });
  }

  /** The kubelet's eviction manager evicts the Pod at `atMs` (node-pressure eviction). */
  evictPod(atMs: number, options: EvictionOptions): void {
    this.assertNotPast(atMs);
    this.putReplaysOnClock();
    this.schedule(atMs, { kind: 'evict', options });
  }

  // ── Event loop ────────────────────────────────────────────────────────────

  private assertNotPast(atMs: number): void {
    if (atMs < this.now) throw new Error(`cannot schedule at ${atMs} ms: the clock is already at ${this.now} ms`);
  }

  /** A timed action as a task on the clock; once the Pod is finished, nothing more happens to it. */
  private readonly syncTask = (): void => {
    this.pendingTasks--;
    if (this.finished) return;
    if (this.lazyReplay) this.flushReplays(this.now);
    this.handle(SYNC);
    this.checkWaiter();
  };

  private schedule(atMs: number, a: Action): void {
    this.pendingTasks++;
    this.clock.at(atMs, this.labels[a.kind], () => {
      this.pendingTasks--;
      if (this.finished) return;
      if (this.lazyReplay) this.flushReplays(this.now);
      this.handle(a);
      this.checkWaiter();
    });
  }

  private handle(a: Action): void {
    switch (a.kind) {
      case 'bind':
        return this.bind();
      case 'sync':
        this.queuedSyncs.delete(this.now);
        return this.startSync();
      case 'resume':
        if (this.waiting?.token === a.token) {
          this.waiting = undefined;
          this.drive();
        }
        return;
      case 'exit':
        return this.exit(a);
      case 'probe':
        return this.probe(a.name, a.type, a.token);
      case 'event':
        this.eventRecorder.record(this.now, a.type, a.reason, a.message, a.fieldPath);
        return;
      case 'delete':
        return this.delete(a.graceSeconds);
      case 'evict':
        return this.evict(a.options);
    }
  }

  private checkWaiter(): void {
    if (this.waiting?.until?.()) {
      this.waiting = undefined;
      this.drive();
    }
  }

  private requestSync(atMs: number = this.now): void {
    if (this.finished || this.terminating) return;
    if (this.worker && atMs <= this.now) {
      this.syncPending = true;
      return;
    }
    if (this.queuedSyncs.has(atMs)) return;
    this.queuedSyncs.add(atMs);
    // The commonest task by far (a crash loop re-syncs every 10 s): one function for all of them.
    this.pendingTasks++;
    this.clock.at(atMs, this.labels.sync, this.syncTask);
  }

  private startSync(): void {
    if (this.finished || this.terminating) return;
    if (this.worker) {
      this.syncPending = true;
      return;
    }
    const repeat = this.repeatingSync;
    if (repeat && repeat.version === this.version && this.generatedVersion === this.version && this.now < repeat.untilMs) {
      for (const e of repeat.events) this.eventRecorder.repeat(e, this.now);
      const next = this.now + SYNC_ERROR_BACKOFF_MS;
      if (this.ownsClock && this.pendingTasks === 0 && next < repeat.untilMs) {
        // Nothing else of this kubelet is on its clock, and no other actor shares it: until the
        // back-off ends only the same replay can happen, every 10 s. They are left off the clock
        // and recorded when anything looks (the recorder, an injection, the one sync task at the
        // end), in the order and at the times they would have run.
        const endMs = this.now + Math.ceil((repeat.untilMs - this.now) / SYNC_ERROR_BACKOFF_MS) * SYNC_ERROR_BACKOFF_MS;
        this.queuedSyncs.add(endMs);
        this.pendingTasks++;
        const task = this.clock.at(endMs, this.labels.sync, this.syncTask);
        this.lazyReplay = { nextMs: next, endMs, events: repeat.events, task };
        return;
      }
      this.requestSync(next);
      return;
    }
    this.worker = this.syncPod();
    this.drive();
  }

  /** Records the replays left off the clock that are due at or before `uptoMs`. */
  private flushReplays(uptoMs: number): void {
    const lazy = this.lazyReplay;
    if (!lazy) return;
    let at = lazy.nextMs;
    for (; at <= uptoMs && at < lazy.endMs; at += SYNC_ERROR_BACKOFF_MS) {
      for (const e of lazy.events) this.eventRecorder.repeat(e, at);
    }
    lazy.nextMs = at;
    if (at >= lazy.endMs) this.lazyReplay = undefined;
  }

  /**
   * Something from outside is about to be scheduled: the replays left off the clock
   * go back on it (those due are recorded, the next one becomes a task again), so
   * that everything runs in the order it would have.
   */
  private putReplaysOnClock(): void {
    const lazy = this.lazyReplay;
    if (!lazy) return;
    this.flushReplays(this.now);
    if (!this.lazyReplay) return;
    lazy.task.cancel();
    this.pendingTasks--;
    this.queuedSyncs.delete(lazy.endMs);
    this.lazyReplay = undefined;
    this.requestSync(lazy.nextMs);
  }

  private drive(): void {
    while (this.worker) {
      const r = this.worker.next();
      if (r.done) {
        this.worker = undefined;
        this.waiting = undefined;
        if (this.syncPending) {
          this.syncPending = false;
          this.requestSync(this.now);
        }
        return;
      }
      const w = r.value;
      if (w.until ? w.until() : w.untilMs <= this.now) continue;
      // A conditional wait always goes through the queue, so that actions already
      // due at this instant (the exit it waits for) run first.
      const token = ++this.waitToken;
      this.waiting = { token, until: w.until };
      this.schedule(Math.max(w.untilMs, this.now), { kind: 'resume', token });
      return;
    }
  }

  // ── Scheduling and admission ──────────────────────────────────────────────

  private bind(): void {
    this.spec = { ...this.spec, nodeName: this.nodeName };
    this.status = {
      ...this.status,
      conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.iso(this.now) }],
    };
    this.eventRecorder.scheduled(this.now);
    this.write('scheduled');
    this.step(this.now, `Scheduled to ${this.nodeName}: the binding sets spec.nodeName and PodScheduled=True`, {
      source: 'pkg/scheduler/schedule_one.go',
      level: 'decision',
    });
    this.requestSync(this.now);
  }

  // ── SyncPod ───────────────────────────────────────────────────────────────

  private *syncPod(): Task {
    this.repeatingSync = undefined;
    this.syncEvents = [];
    if (this.startTimeMs === undefined) {
      this.startTimeMs = this.now;
      this.addProbeWorkers();
      this.step(this.now, `The kubelet on ${this.nodeName} admits the Pod and starts syncing it (status.startTime)`, {
        source: 'pkg/kubelet/kubelet.go SyncPod',
      });
    }
    let status = this.status;
    if (this.generatedVersion !== this.version) {
      status = this.generate(false);
      this.generatedVersion = this.version;
      this.commit(status, 'sync');
    }
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      yield* this.terminate('terminal');
      return;
    }

    const pod = this.currentPod();
    const actions = computePodActions(pod, this.records, this.sandboxReady);
    for (const note of actions.notes) this.stepOnce(note, note, { source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions' });

    if (actions.createSandbox) {
      yield { untilMs: this.now + this.options.sandboxMs };
      this.sandboxReady = true;
      this.podIPAssigned = true;
      this.version++;
      // PLEG sees the new sandbox: another sync follows this one.
      this.requestSyncAfter();
      this.step(
        this.now,
        `Sandbox ready: the pause container holds the Pod's network namespace; CNI gave it IP ${this.podIP} (PodReadyToStartContainers=True)`,
        { source: 'pkg/kubelet/kuberuntime/kuberuntime_sandbox.go createPodSandbox', level: 'decision' },
      );
    }

    if (actions.killPod) {
      yield* this.killAll();
      this.stopSandbox();
      this.requestSyncAfter();
      return;
    }

    // doBackOff reads the newest exited instance as the runtime reported it when the sync began.
    const exitedBefore = new Map<string, Instance | undefined>();
    for (const r of this.records) exitedBefore.set(r.container.name, latestExited(r));

    for (const k of actions.containersToKill) yield* this.killOne(k);

    const results = new Map<ContainerRecord, StartResult>();
    let started = false;
    let failed = false;
    const initRecords = this.records.filter((r) => r.kind !== 'regular');
    let abort = false;
    for (const idx of actions.initContainersToStart) {
      const rec = initRecords[idx];
      const res = yield* this.startContainer(rec, exitedBefore.get(rec.container.name));
      results.set(rec, res);
      if (res.ok) started = true;
      else {
        failed = true;
        if (rec.kind !== 'sidecar') {
          abort = true;
          break;
        }
      }
    }
    if (!abort) {
      const regular = this.records.filter((r) => r.kind === 'regular');
      for (const idx of actions.containersToStart) {
        const rec = regular[idx];
        const res = yield* this.startContainer(rec, exitedBefore.get(rec.container.name));
        results.set(rec, res);
        if (res.ok) started = true;
        else failed = true;
      }
    }
    // kubelet reasonCache.Update: keep each start error, forget it on success.
    for (const [rec, res] of results) {
      const next = res.ok ? undefined : { reason: res.reason ?? 'Error', message: res.message ?? '' };
      if (next?.reason !== rec.startError?.reason || next?.message !== rec.startError?.message) this.version++;
      rec.startError = next;
    }
    if (started) this.requestSyncAfter();
    if (failed) this.requestSync(this.now + SYNC_ERROR_BACKOFF_MS);
    const retries = [...results.values()];
    if (
      !started &&
      !actions.createSandbox &&
      actions.containersToKill.length === 0 &&
      retries.length > 0 &&
      retries.every((r) => !r.ok && r.retryAtMs !== undefined && r.retryAtMs > this.now)
    ) {
      this.repeatingSync = {
        version: this.version,
        untilMs: Math.min(...retries.map((r) => r.retryAtMs as number)),
        events: this.syncEvents ?? [],
      };
    }
    this.syncEvents = undefined;
  }

  /** Records an event, remembering it as part of the sync in progress. */
  private event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const tracked = this.eventRecorder.record(this.now, type, reason, message, fieldPath);
    this.syncEvents?.push(tracked);
  }

  /** PLEG will see what this sync changed: sync again once the worker is free. */
  private requestSyncAfter(): void {
    this.syncPending = true;
  }

  private *startContainer(rec: ContainerRecord, exited: Instance | undefined): Task<StartResult> {
    const name = rec.container.name;
    const fieldPath = containerFieldPath(this.currentPod(), name);
    if (exited) {
      if (this.crashBackoff.isInBackOffSince(name, exited.finishedAtMs ?? 0, this.now)) {
        const backoff = this.crashBackoff.get(name);
        this.event(
          'Warning',
          EventReason.BackOff,
          `Back-off restarting failed container ${name} in pod ${this.podRef()}`,
          fieldPath,
        );
        const until = (exited.finishedAtMs ?? 0) + backoff;
        this.stepOnce(
          `backoff:${exited.id}`,
          `${name}: back-off is ${goDuration(backoff)} since it finished at ${fmtS(exited.finishedAtMs ?? 0)}, so no restart before ${fmtS(until)}: CrashLoopBackOff`,
          { source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff', subject: name, level: 'decision' },
        );
        return {
          ok: false,
          reason: CrashLoopBackOff,
          message: `back-off ${goDuration(backoff)} restarting failed container=${name} pod=${this.podRef()}`,
          retryAtMs: until,
        };
      }
      this.crashBackoff.next(name, exited.finishedAtMs ?? 0, this.now);
    }

    const image = yield* this.imageManager.ensure(rec, fieldPath, this.imageContext);
    if (!image.ok) {
      this.event('Warning', EventReason.Failed, `Error: ${image.reason}`, fieldPath);
      return image;
    }

    const prev = latestInstance(rec);
    const attempt = prev ? prev.attempt + 1 : 0;
    const inst: Instance = {
      id: fakeContainerId(this.meta.uid ?? '', name, attempt),
      name,
      attempt,
      startedAtMs: this.now,
      state: 'running',
    };
    rec.instances.push(inst);
    this.version++;
    this.realignProbes(rec);
    this.event('Normal', EventReason.Created, `Created container: ${name}`, fieldPath);
    this.event('Normal', EventReason.Started, `Started container ${name}`, fieldPath);
    const run = rec.behavior.run(attempt, this.now);
    this.step(
      this.now,
      attempt === 0
        ? `Started ${kindWord(rec.kind)} ${name}`
        : `Restarted ${name} (restartCount ${attempt})${exited ? `, ${goDuration(this.now - (exited.finishedAtMs ?? 0))} after it exited` : ''}`,
      { source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer', subject: name, level: 'decision' },
    );
    if (run.exitAfterMs !== undefined) {
      this.schedule(this.now + run.exitAfterMs, {
        kind: 'exit',
        name,
        instanceId: inst.id,
        exitCode: run.exitCode,
        reason: run.reason,
        message: run.message,
        endedBy: 'exit',
      });
      inst.plannedExit = {
        atMs: this.now + run.exitAfterMs,
        exitCode: run.exitCode,
        reason: run.reason,
        message: run.message,
      };
    }
    return { ok: true };
  }

  // ── Stopping containers ───────────────────────────────────────────────────

  private stopPlanFor(rec: ContainerRecord, inst: Instance, graceSeconds: number, turnAtMs?: number): StopPlan {
    const planned = inst.plannedExit;
    return planStop({
      nowMs: this.now,
      graceSeconds,
      preStopMs: rec.container.lifecycle?.preStop ? rec.behavior.preStopMs : undefined,
      turnAtMs,
      sigterm: rec.behavior.sigterm,
      naturalExit: planned && planned.atMs >= this.now ? planned : undefined,
    });
  }

  /** Schedules the exit a stop plan leads to, and the preStop failure event. */
  private applyStopPlan(rec: ContainerRecord, inst: Instance, plan: StopPlan, fieldPath: string): void {
    const name = rec.container.name;
    if (plan.preStopEndMs !== undefined && rec.behavior.preStopFails) {
      this.schedule(plan.preStopEndMs, {
        kind: 'event',
        type: 'Warning',
        reason: EventReason.FailedPreStopHook,
        message: 'PreStopHook failed',
        fieldPath,
      });
    }
    if (!plan.exitedByItself) {
      this.schedule(plan.exitAtMs, {
        kind: 'exit',
        name,
        instanceId: inst.id,
        exitCode: plan.exitCode,
        reason: plan.reason,
        message: plan.message,
        endedBy: 'killed',
      });
    }
    const parts: string[] = [];
    if (plan.preStopEndMs !== undefined) parts.push(`preStop runs until ${fmtS(plan.preStopEndMs)}`);
    parts.push(`SIGTERM at ${fmtS(plan.sigtermAtMs)} with ${plan.timeoutSeconds}s to exit`);
    if (plan.exitedByItself) parts.push(`it exits by itself at ${fmtS(plan.exitAtMs)}`);
    else if (plan.sigkill) parts.push(`it does not exit in time: SIGKILL at ${fmtS(plan.exitAtMs)} → exit code 137`);
    else parts.push(`it exits with code ${plan.exitCode} at ${fmtS(plan.exitAtMs)}`);
    this.step(this.now, `Stopping ${name}: ${parts.join('; ')}`, {
      source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer',
      subject: name,
      level: 'decision',
    });
  }

  private *killOne(k: ContainerToKill): Task {
    const rec = this.record(k.name);
    const inst = rec && latestInstance(rec);
    if (!rec || !inst || inst.state !== 'running') return;
    const fieldPath = containerFieldPath(this.currentPod(), k.name);
    this.eventRecorder.record(this.now, 'Normal', EventReason.Killing, k.message, fieldPath);
    const grace = terminationGracePeriodSeconds(this.currentPod(), rec.container, k.reason);
    const plan = this.stopPlanFor(rec, inst, grace);
    this.applyStopPlan(rec, inst, plan, fieldPath);
    yield { untilMs: plan.exitAtMs, until: () => inst.state === 'exited' };
  }

  /** killPodWithSyncResult: stop every running container in parallel, sidecars after the rest. */
  private *killAll(graceOverride?: number): Task {
    const pod = this.currentPod();
    const running = this.records
      .map((rec) => ({ rec, inst: latestInstance(rec) }))
      .filter((x): x is { rec: ContainerRecord; inst: Instance } => x.inst?.state === 'running');
    if (running.length === 0) return;
    const graceFor = (rec: ContainerRecord) => graceOverride ?? terminationGracePeriodSeconds(pod, rec.container, '');
    let lastExit = this.now;
    for (const { rec } of running) {
      this.eventRecorder.record(this.now, 'Normal', EventReason.Killing, `Stopping container ${rec.container.name}`, containerFieldPath(pod, rec.container.name));
    }
    for (const { rec, inst } of running.filter((x) => x.rec.kind !== 'sidecar')) {
      const plan = this.stopPlanFor(rec, inst, graceFor(rec));
      this.applyStopPlan(rec, inst, plan, containerFieldPath(pod, rec.container.name));
      lastExit = Math.max(lastExit, plan.exitAtMs);
    }
    // Sidecars stop in reverse order of definition, after the regular containers (termination ordering).
    const sidecars = running.filter((x) => x.rec.kind === 'sidecar').sort((a, b) => b.rec.index - a.rec.index);
    let turn = lastExit;
    for (const { rec, inst } of sidecars) {
      const plan = this.stopPlanFor(rec, inst, graceFor(rec), turn);
      this.applyStopPlan(rec, inst, plan, containerFieldPath(pod, rec.container.name));
      turn = Math.max(turn, plan.exitAtMs);
      lastExit = Math.max(lastExit, plan.exitAtMs);
    }
    const all = running.map((x) => x.inst);
    yield { untilMs: lastExit, until: () => all.every((i) => i.state === 'exited') };
  }

  private stopSandbox(): void {
    if (!this.sandboxReady) return;
    this.sandboxReady = false;
    this.version++;
    this.step(this.now, 'Sandbox stopped: no container of the Pod runs any more (PodReadyToStartContainers=False)', {
      source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go killPodWithSyncResult',
    });
  }

  // ── Termination (deletion, eviction, completion) ──────────────────────────

  /** SyncTerminatingPod then SyncTerminatedPod. */
  private *terminate(cause: 'terminal' | 'deleted' | 'evicted', graceOverride?: number): Task {
    this.terminating = true;
    for (const r of this.records) r.startError = undefined;
    this.commit(this.generate(false), cause === 'terminal' ? 'sync' : cause);
    yield* this.killAll(graceOverride);
    this.stopSandbox();
    const final = this.generate(true);
    terminatePodStatus(this.currentPod(), final);
    this.commit(final, 'terminated');
    if (this.terminalAtMs === undefined) this.terminalAtMs = this.now;
    this.step(this.now, `Phase ${final.phase}: the Pod will not run again`, {
      source: 'pkg/kubelet/kubelet_pods.go getPhase (podIsTerminal)',
      level: 'decision',
    });
    if (this.meta.deletionTimestamp && this.deletedAtMs === undefined) {
      this.deletedAtMs = this.now;
      this.write('deleted', true);
      this.step(this.now, 'Every container has stopped: the kubelet deletes the Pod object (grace period 0); it is gone from the API', {
        source: 'pkg/kubelet/status/status_manager.go syncPod (canBeDeleted)',
        level: 'decision',
      });
    }
    this.finished = true;
  }

  private abortWorker(): void {
    if (this.worker) this.worker.return(undefined);
    this.worker = undefined;
    this.waiting = undefined;
    this.syncPending = false;
  }

  private delete(graceSeconds?: number): void {
    if (this.deletedAtMs !== undefined || this.meta.deletionTimestamp) return;
    const terminal = this.status.phase === 'Succeeded' || this.status.phase === 'Failed';
    const unbound = !this.spec.nodeName;
    let grace = graceSeconds ?? this.spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
    // pkg/registry/core/pod/strategy.go CheckGracefulDelete: unscheduled or terminal Pods are deleted at once;
    // a negative period (the API server stores a negative terminationGracePeriodSeconds, with a warning) is 1.
    if (terminal || unbound) grace = 0;
    if (grace < 0) grace = 1;
    this.meta = { ...this.meta, deletionTimestamp: this.iso(this.now + grace * 1000), deletionGracePeriodSeconds: grace };
    this.write('deletion');
    for (const rec of this.records) this.realignProbes(rec);
    this.step(
      this.now,
      grace === 0
        ? 'kubectl delete: the Pod is deleted at once (grace period 0)'
        : `kubectl delete: deletionTimestamp set to now + ${grace}s (deletionGracePeriodSeconds ${grace}); STATUS shows Terminating`,
      { source: 'pkg/registry/core/pod/strategy.go CheckGracefulDelete', level: 'decision' },
    );
    if (grace === 0) {
      // The object is gone at once; the kubelet still stops whatever runs.
      this.deletedAtMs = this.now;
      this.write('deleted', true);
      if (terminal || unbound || this.finished) {
        this.abortWorker();
        this.finished = true;
        return;
      }
    }
    this.abortWorker();
    this.worker = this.terminate('deleted');
    this.drive();
  }

  private evict(options: EvictionOptions): void {
    if (this.finished || this.terminating) return;
    const reason = options.reason ?? 'Evicted';
    this.forcedFailure = { reason, message: options.message };
    this.otherConditions = [
      options.condition ?? { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: options.message },
    ];
    this.eventRecorder.record(this.now, 'Warning', EventReason.Evicted, options.message);
    this.step(this.now, `Evicted by the kubelet: ${options.message}`, {
      source: 'pkg/kubelet/eviction/eviction_manager.go evictPod',
      level: 'warning',
    });
    this.abortWorker();
    this.worker = this.terminate('evicted', options.gracePeriodSeconds ?? 1);
    this.drive();
  }

  // ── Runtime events ────────────────────────────────────────────────────────

  private exit(a: Extract<Action, { kind: 'exit' }>): void {
    const rec = this.record(a.name);
    const inst = rec && latestInstance(rec);
    if (!rec || !inst || inst.state !== 'running') return;
    if (a.instanceId !== null && inst.id !== a.instanceId) return;
    inst.state = 'exited';
    this.version++;
    this.realignProbes(rec);
    inst.finishedAtMs = this.now;
    inst.exitCode = a.exitCode;
    inst.reason = a.reason;
    inst.message = a.message;
    inst.endedBy = a.endedBy;
    const reason = runtimeExitReason(a.exitCode, a.reason);
    const how = a.endedBy === 'injected' ? ' (killed from outside the kubelet)' : a.endedBy === 'killed' ? ' (stopped by the kubelet)' : '';
    this.step(this.now, `${a.name} exited with code ${a.exitCode} (${reason})${how}`, {
      source: 'containerd pkg/cri/server/helpers.go (exit reason)',
      subject: a.name,
      level: a.exitCode === 0 ? 'info' : 'warning',
    });
    this.requestSync(this.now);
  }

  private addProbeWorkers(): void {
    for (const rec of this.records) {
      if (rec.kind === 'init') continue;
      const c = rec.container;
      const probes: [ProbeType, typeof c.livenessProbe][] = [
        ['startup', c.startupProbe],
        ['liveness', c.livenessProbe],
        ['readiness', c.readinessProbe],
      ];
      for (const [type, spec] of probes) {
        if (!spec) continue;
        const worker = new ProbeWorker(type, withProbeDefaults(spec), this.now);
        rec.workers[type] = worker;
        this.schedule(this.now, { kind: 'probe', name: c.name, type, token: worker.tickToken });
      }
    }
  }

  private probe(name: string, type: ProbeType, token: number): void {
    const rec = this.record(name);
    const worker = rec?.workers[type];
    if (!rec || !worker || worker.stopped || worker.tickToken !== token) return;
    const latest = latestInstance(rec);
    const outcome = worker.tick(
      this.now,
      {
        containerId: latest?.id,
        running: latest?.state === 'running',
        terminated: latest?.state === 'exited',
        startedAtMs: latest?.startedAtMs,
        started: isStarted(rec, latest),
        deleting: !!this.meta.deletionTimestamp,
        podTerminal: this.status.phase === 'Succeeded' || this.status.phase === 'Failed',
        restartPolicy: restartPolicyOf(this.spec),
      },
      () => rec.behavior.probe(type, this.now, this.now - (latest?.startedAtMs ?? this.now), latest?.attempt ?? 0),
    );
    if (outcome.unhealthy) {
      this.eventRecorder.record(this.now, 'Warning', EventReason.Unhealthy, outcome.unhealthy, containerFieldPath(this.currentPod(), name));
    }
    if (outcome.changed) this.version++;
    if (outcome.changed && outcome.changedBy === 'threshold') {
      const spec = worker.spec;
      const n = outcome.changed === 'Success' ? spec.successThreshold : spec.failureThreshold;
      const what = outcome.changed === 'Success' ? 'success' : 'failure';
      const effect =
        type === 'readiness'
          ? outcome.changed === 'Success' ? 'ready' : 'not ready'
          : type === 'liveness'
            ? outcome.changed === 'Success' ? 'alive' : 'the kubelet will kill it'
            : outcome.changed === 'Success' ? 'started: liveness and readiness probes may run' : 'the kubelet will kill it';
      this.step(
        this.now,
        `${name}: ${type} probe ${what}${n > 1 ? ` ${n} times in a row` : ''} (${outcome.changed === 'Success' ? 'successThreshold' : 'failureThreshold'} ${n}, every ${spec.periodSeconds}s): ${effect}`,
        { source: 'pkg/kubelet/prober/worker.go doProbe', subject: name, level: 'decision' },
      );
    }
    if (outcome.changed && (type !== 'liveness' || outcome.changed === 'Failure')) this.requestSync(this.now);
    if (outcome.stop) return;
    // Skip ticks that cannot change anything: the worker is steady and the container
    // answers the same until its behaviour says otherwise (a start, exit or deletion
    // brings the ticks back with realignProbes).
    let next = worker.nextTickMs;
    if (worker.steady && latest?.state === 'running' && worker.containerId === latest.id && !this.meta.deletionTimestamp) {
      const changesAt = worker.holding
        ? Number.POSITIVE_INFINITY
        : (rec.behavior.probeChangesAt?.(type, this.now, this.now - latest.startedAtMs, latest.attempt) ?? this.now);
      if (changesAt === Number.POSITIVE_INFINITY) next = Number.POSITIVE_INFINITY;
      else if (changesAt > next) next = worker.tickAfter(changesAt - 1);
    }
    worker.nextTickMs = next;
    if (next !== Number.POSITIVE_INFINITY) this.schedule(next, { kind: 'probe', name, type, token: worker.tickToken });
  }

  /** A container started, exited or the Pod is being deleted: probe ticks resume on their grid. */
  private realignProbes(rec: ContainerRecord): void {
    for (const type of ['startup', 'liveness', 'readiness'] as const) {
      const worker = rec.workers[type];
      if (!worker || worker.stopped) continue;
      const next = worker.tickAfter(this.now);
      if (worker.nextTickMs <= next) continue;
      worker.tickToken++;
      worker.nextTickMs = next;
      this.schedule(next, { kind: 'probe', name: rec.container.name, type, token: worker.tickToken });
    }
  }

  // ── Status ────────────────────────────────────────────────────────────────

  private generate(podIsTerminal: boolean): PodStatus {
    const status = generatePodStatus({
      pod: this.currentPod(),
      records: this.records,
      epochMs: this.epochMs,
      nowMs: this.epochMs + this.now,
      old: this.status,
      podIsTerminal,
      podHasInitialized: this.records.some((r) => r.kind === 'regular' && r.instances.length > 0),
      sandboxReady: this.sandboxReady,
      podIP: this.podIPAssigned ? this.podIP : undefined,
      hostIP: this.hostIP,
      startTimeMs: this.startTimeMs === undefined ? undefined : this.epochMs + this.startTimeMs,
      qosClass: this.options.qosClass,
      forcedFailure: this.forcedFailure,
      otherConditions: this.otherConditions,
    });
    return status;
  }

  /** The status manager: write if anything changed. */
  private commit(status: PodStatus, cause: string): void {
    const previous = this.status;
    this.status = status;
    if (!this.write(cause)) return;
    if (previous.phase !== status.phase) {
      this.step(this.now, `Phase ${previous.phase} → ${status.phase}`, {
        source: 'pkg/kubelet/kubelet_pods.go getPhase',
        level: 'decision',
      });
    }
    for (const c of status.conditions ?? []) {
      const old = previous.conditions?.find((o) => o.type === c.type);
      if (old?.status === c.status) continue;
      const why = c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : '';
      this.step(this.now, `Condition ${c.type}=${c.status}${why}`, {
        source: c.type === 'DisruptionTarget' ? 'pkg/kubelet/eviction/eviction_manager.go' : 'pkg/kubelet/status/generate.go',
        subject: c.type,
      });
    }
  }

  private write(cause: string, force = false): boolean {
    if (this.deletedAtMs !== undefined && cause !== 'deleted') return false;
    const last = this.writes[this.writes.length - 1]?.pod;
    if (!force && last && last.metadata === this.meta && last.spec === this.spec && deepEqual(last.status, this.status)) return false;
    this.writes.push({ atMs: this.now, pod: this.currentPod(), cause });
    return true;
  }

  // ── Helpers ───────────────────────────────────────────────────────────────

  private iso(ms: number): string {
    return rfc3339(this.epochMs + ms);
  }

  /** format.Pod: name_namespace(uid). */
  private podRef(): string {
    return `${this.meta.name}_${this.meta.namespace}(${this.meta.uid})`;
  }

  /** A trace step that is recorded once per key (a decision repeated on every re-sync is shown once). */
  private stepOnce(key: string, title: string, extra: Omit<TraceStep, 'title' | 'at'> = {}): void {
    const k = `${key}\u0000${this.instanceCount()}`;
    if (this.onceKeys.has(k)) return;
    this.onceKeys.add(k);
    this.step(this.now, title, extra);
  }

  private instanceCount(): number {
    let n = 0;
    for (const r of this.records) n += r.instances.length;
    return n;
  }

  private step(atMs: number, title: string, extra: Omit<TraceStep, 'title' | 'at'> = {}): void {
    if (this.trace.length >= this.options.maxTraceSteps) {
      if (!this.traceTruncated) {
        this.traceTruncated = true;
        this.trace.push({
          title: `Trace truncated after ${this.options.maxTraceSteps} steps (the timeline and events continue)`,
          at: atMs,
          level: 'warning',
        });
      }
      return;
    }
    this.trace.push({ title, at: atMs, ...extra });
  }
}

function kindWord(kind: ContainerRecord['kind']): string {
  return kind === 'init' ? 'init container' : kind === 'sidecar' ? 'sidecar (restartable init container)' : 'container';
}

function fmtS(ms: number): string {
  return `${Math.round(ms) / 1000}s`;
}

/** The IP the simulated CNI gives a Pod when the scenario does not choose one: 10.244.1.2–251, from the name. */
export function defaultPodIP(podName: string): string {
  return `10.244.1.${2 + (hashName(podName) % 250)}`;
}

function hashName(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h;
}
