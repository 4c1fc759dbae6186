// The scheduling loop: pop the next Pod in PrioritySort order, filter, score, bind, and
// let the next Pod see the result. Pods that fail are retried in later rounds while
// other Pods are still being bound (upstream requeues them on those cluster events).
// src: pkg/scheduler/schedule_one.go (ScheduleOne, schedulePod, findNodesThatFitPod,
//      findNodesThatPassFilters, prioritizeNodes, selectHost, handleSchedulingFailure).

import type { TraceStep } from '../shared/engine.ts';
import type { Cluster } from './cluster.ts';
import type { SchedulerConfig } from './config.ts';
import { fitErrorMessage } from './fit-error.ts';
import { activeFilters, runFilters, runPreFilter, runScore } from './framework.ts';
import { Reasons, didNotSatisfyPluginsReason } from './names.ts';
import type { NodeInfo } from './node-info.ts';
import { numFeasibleNodesToFind } from './node-sampling.ts';
import type { PodInfo } from './pod-info.ts';
import { podUid } from './pod-info.ts';
import type { CycleState } from './plugin.ts';
import { preempt } from './preemption.ts';
import { buildProfile } from './profile.ts';
import type { Profile } from './profile.ts';
import { prioritySort } from './queue.ts';
import type { Status } from './status.ts';
import { constantStatus, newStatus, statusMessage } from './status.ts';
import type { FilterDetail, NodeDetail, NodeSummary, PodResult, ScheduleEvent, ScheduleResult, ScoreDetail } from './types.ts';

/** The reporting controller of events about a Pod no profile claims (never expected: such Pods are left alone). */
const SCHEDULER = 'default-scheduler';
/** validation.NoteLengthLimit: event messages longer than this are cut (schedule_one.go truncateMessage). */
const NOTE_LENGTH_LIMIT = 1024;
const DEFAULT_ABSENT: Status = constantStatus('UnschedulableAndUnresolvable', '');

export interface RunOptions {
  /** Keep per-node filter and score detail and write the "why" trace. */
  readonly trace: boolean;
  /** Stop after this many node filter evaluations (reported in result.truncated). */
  readonly maxSteps: number;
  /** Cap on events kept. */
  readonly maxEvents: number;
}

export interface SchedulerInput {
  readonly cluster: Cluster;
  /** Pods without spec.nodeName, in input order. */
  readonly pending: readonly PodInfo[];
  readonly config: SchedulerConfig;
  /** Notes about the input (ignored kinds, Pods on unknown nodes), added to the trace. */
  readonly warnings?: readonly TraceStep[];
}

/**
 * QueueingHints for "a Pod was bound": PodTopologySpread and InterPodAffinity (its pod-affinity
 * rule) may be satisfied by a new Pod; resources, ports, taints and anti-affinity cannot.
 * src: podtopologyspread/plugin.go, interpodaffinity/plugin.go (isSchedulableAfterPodChange)
 */
function helpedByBind(status: Status | null): boolean {
  if (!status || !status.plugin) return false;
  if (status.plugin === 'PodTopologySpread') return true;
  return status.plugin === 'InterPodAffinity' && status.reasons.includes("node(s) didn't match pod affinity rules");
}

function truncateMessage(message: string): string {
  return message.length <= NOTE_LENGTH_LIMIT ? message : `${message.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`;
}

function detailOf(status: Status): FilterDetail {
  return { plugin: status.plugin ?? '', code: status.code, reasons: [...status.reasons] };
}

/** One node's detail while a Pod is being scheduled (trace on); the score phase adds scores and total. */
interface Slot {
  evaluated: boolean;
  filter: FilterDetail | null;
  scores?: Record<string, ScoreDetail>;
  total?: number;
}

/** Shared by every node a Pod never reached (sampling stopped first). Never mutated. */
const NOT_EVALUATED: NodeDetail = Object.freeze({ evaluated: false, filter: null });

/** Score details repeat (every node 0/0/0 for a plugin with nothing to say): one object per distinct (raw, normalized). */
class ScoreDetailInterner {
  private readonly byKey = new Map<number, ScoreDetail>();
  constructor(private readonly weight: number) {}
  get(raw: number, normalized: number): ScoreDetail {
    // Scores are integers and normalized ones lie in 0..100, so raw * 128 + normalized is unique.
    const exact = Number.isSafeInteger(raw) && Math.abs(raw) < 2 ** 40 && Number.isInteger(normalized) && normalized >= 0 && normalized < 128;
    const key = raw * 128 + normalized;
    let d = exact ? this.byKey.get(key) : undefined;
    if (!d) {
      d = Object.freeze({ raw, normalized, weighted: normalized * this.weight });
      if (exact) this.byKey.set(key, d);
    }
    return d;
  }
}

/** Node-list order, so that results and views list nodes the way the input does. */
function detailRecord(all: readonly NodeInfo[], slots: readonly (Slot | undefined)[]): Record<string, NodeDetail> {
  const out: Record<string, NodeDetail> = {};
  for (const n of all) out[n.name] = slots[n.index] ?? NOT_EVALUATED;
  return out;
}

/** How many nodes a "Scores:" trace line lists before summarizing. */
const SCORES_LISTED = 12;

type AttemptOutcome = 'bound' | 'failed' | 'nominated' | 'stopped';

class Run {
  private nextStartNodeIndex = 0;
  private readonly profiles = new Map<string, Profile>();
  readonly events: ScheduleEvent[] = [];
  private readonly eventIndex = new Map<string, ScheduleEvent>();
  readonly trace: TraceStep[] = [];
  readonly results = new Map<PodInfo, PodResult>();
  readonly preempted: ScheduleResult['preempted'] = [];
  steps = 0;
  truncated: ScheduleResult['truncated'];
  now = 0;

  constructor(
    readonly input: SchedulerInput,
    readonly opts: RunOptions,
  ) {
    for (const p of input.config.profiles) this.profiles.set(p.schedulerName, buildProfile(p));
  }

  /**
   * Records an event as the profile's recorder does: each profile's EventRecorder reports as its schedulerName
   * (pkg/scheduler/profile/profile.go newProfile: recorderFact(cfg.SchedulerName)), which kubectl shows as
   * "From". Events about a Pod come from the profile scheduling it; a Preempted event from the preemptor's.
   */
  private event(type: ScheduleEvent['type'], reason: string, pod: PodInfo, message: string, by: PodInfo = pod): void {
    const source = this.profiles.get(by.schedulerName)?.schedulerName ?? SCHEDULER;
    const text = truncateMessage(message);
    // A Pod is bound once: its Scheduled event never repeats, so it needs no aggregation key.
    const key = reason === 'Scheduled' ? null : `${pod.namespace}/${pod.name}\u0000${reason}\u0000${source}\u0000${text}`;
    const existing = key === null ? undefined : this.eventIndex.get(key);
    if (existing) {
      // The event recorder aggregates identical events into one with a count.
      existing.count++;
      existing.at = this.now;
      return;
    }
    if (this.events.length >= this.opts.maxEvents) {
      this.truncated ??= { reason: 'maxEvents', limit: this.opts.maxEvents };
      return;
    }
    const e: ScheduleEvent = { type, reason, object: `pod/${pod.name}`, namespace: pod.namespace, message: text, source, count: 1, at: this.now };
    this.events.push(e);
    if (key !== null) this.eventIndex.set(key, e);
  }

  private step(step: TraceStep): void {
    if (this.opts.trace) this.trace.push({ at: this.now, ...step });
  }

  resultOf(pod: PodInfo): PodResult {
    let r = this.results.get(pod);
    if (!r) {
      r = { name: pod.name, namespace: pod.namespace, node: null, message: null, outcome: 'Unschedulable', priority: pod.priority, attempts: 0, nominatedNode: null, nodes: {} };
      this.results.set(pod, r);
    }
    return r;
  }

  run(): void {
    for (const w of this.input.warnings ?? []) this.trace.push(w);
    const queue: PodInfo[] = [];
    for (const pod of this.input.pending) {
      const res = this.resultOf(pod);
      const profile = this.profiles.get(pod.schedulerName);
      if (!profile) {
        res.outcome = 'NotThisScheduler';
        this.step({ title: `${pod.namespace}/${pod.name} asks for schedulerName "${pod.schedulerName}": no profile of this scheduler has that name, so it is left alone`, subject: `pod/${pod.name}`, source: 'pkg/scheduler/eventhandlers.go', level: 'warning' });
        continue;
      }
      if (profile.schedulingGates && pod.gated) {
        res.outcome = 'SchedulingGated';
        this.step({ title: `${pod.namespace}/${pod.name} has schedulingGates: it waits outside the active queue until they are removed`, subject: `pod/${pod.name}`, source: 'pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go' });
        continue;
      }
      queue.push(pod);
    }
    queue.sort(prioritySort);
    if (this.opts.trace) {
      this.step({
        title: `${queue.length} pending Pod(s) enter the queue, sorted by priority then arrival (PrioritySort)`,
        detail: queue.map((p) => `${p.namespace}/${p.name} (priority ${p.priority})`).join(', '),
        source: 'pkg/scheduler/framework/plugins/queuesort/priority_sort.go',
      });
    }
    // Upstream moves an unschedulable Pod back to the active queue when a cluster event happens
    // that its rejecting plugins say may help (QueueingHints): another Pod being bound can only
    // help a Pod rejected for pod affinity or topology spread; a Pod being deleted (a preemption
    // victim) can help any. A Pod whose cluster has not changed that way would fail the same way.
    let round = 0;
    let pendingNow = queue;
    const failedAt = new Map<PodInfo, { binds: number; evictions: number; onBind: boolean }>();
    while (pendingNow.length > 0) {
      this.now = round * 1000;
      const failed: PodInfo[] = [];
      for (const pod of pendingNow) {
        let out = this.attempt(pod);
        if (out === 'nominated') {
          // The victims' deletion requeues the preemptor at once; it is the most important Pod pending.
          out = this.attempt(pod);
        }
        if (out === 'stopped') {
          // Pods the run never got to are not Unschedulable: nobody tried them.
          for (const p of this.input.pending) {
            const r = this.resultOf(p);
            if (r.attempts === 0 && r.outcome === 'Unschedulable') r.outcome = 'NotAttempted';
          }
          return;
        }
        if (out !== 'bound') {
          failed.push(pod);
          failedAt.set(pod, { binds: this.binds, evictions: this.evictions, onBind: this.lastFailureHelpedByBind });
        }
      }
      const retry = failed.filter((p) => {
        const f = failedAt.get(p)!;
        return f.evictions < this.evictions || (f.onBind && f.binds < this.binds);
      });
      if (retry.length === 0) break;
      round++;
      this.step({ title: `Retry round ${round}: cluster events since they failed may help ${retry.length} Pod(s), so they are tried again`, source: 'pkg/scheduler/backend/queue/scheduling_queue.go' });
      pendingNow = retry;
    }
    this.rounds = round + 1;
  }

  rounds = 1;
  /** Counts of the cluster events that requeue unschedulable Pods: Pods bound, Pods evicted. */
  binds = 0;
  evictions = 0;
  /** Whether the last failed attempt was rejected by a plugin that a new Pod on a node can satisfy. */
  lastFailureHelpedByBind = false;

  /** One scheduling cycle for one Pod (scheduleOne → schedulePod). */
  private attempt(pod: PodInfo): AttemptOutcome {
    const { cluster, config } = this.input;
    const profile = this.profiles.get(pod.schedulerName)!;
    const res = this.resultOf(pod);
    const trace = this.opts.trace;
    if (this.steps >= this.opts.maxSteps) {
      this.truncated = { reason: 'maxSteps', limit: this.opts.maxSteps };
      this.step({ title: `Stopped: the run reached its budget of ${this.opts.maxSteps} node evaluations`, level: 'warning' });
      return 'stopped';
    }
    res.attempts++;
    if (pod.deleting) {
      res.outcome = 'Deleting';
      this.event('Warning', 'FailedScheduling', pod, `skip schedule deleting pod: ${pod.namespace}/${pod.name}`);
      return 'failed';
    }
    const all = cluster.nodes;
    if (all.length === 0) {
      res.message = Reasons.noNodes;
      this.event('Warning', 'FailedScheduling', pod, Reasons.noNodes);
      return 'failed';
    }
    const state: CycleState = {};
    const pre = runPreFilter(profile, state, pod, cluster);
    const filters = activeFilters(profile, pre.skipped, pod, cluster);
    const failedMap = new Map<NodeInfo, Status>();
    let absent: Status = DEFAULT_ABSENT;
    let preFilterMsg = '';
    const slots: (Slot | undefined)[] | null = trace ? new Array<Slot | undefined>(all.length) : null;
    if (trace) {
      res.filterPlugins = profile.filter.map((p) => p.name);
      res.skippedFilters = [...pre.skipped];
      res.scorePlugins = profile.score.map((s) => ({ name: s.plugin.name, weight: s.weight }));
      delete res.preFilterRejection;
      delete res.tied;
      delete res.skippedScores;
      this.step({
        title: `Scheduling ${pod.namespace}/${pod.name}: PreFilter${pre.skipped.size ? `; skipped ${[...pre.skipped].join(', ')}` : ''}`,
        subject: `pod/${pod.name}`,
        source: 'pkg/scheduler/framework/runtime/framework.go',
      });
    }

    let feasible: NodeInfo[] = [];
    if (pre.status && pre.status.code !== 'Success') {
      absent = pre.status;
      preFilterMsg = statusMessage(pre.status);
      if (trace) {
        res.preFilterRejection = detailOf(pre.status);
        const rejected: Slot = { evaluated: false, filter: detailOf(pre.status) };
        for (const n of all) slots![n.index] = rejected;
        this.step({ title: `PreFilter ${pre.status.plugin} rejected the Pod: ${preFilterMsg}`, subject: `pod/${pod.name}`, level: 'decision', source: 'pkg/scheduler/schedule_one.go' });
      }
    } else {
      // A Pod nominated by an earlier preemption tries that node first (evaluateNominatedNode).
      let nominatedFit: NodeInfo | null = null;
      if (pod.nominatedNodeName) {
        const n = cluster.byName.get(pod.nominatedNodeName);
        if (n) {
          const s = runFilters(filters, state, pod, n, cluster);
          if (s === null) nominatedFit = n;
          else failedMap.set(n, s);
        }
      }
      if (nominatedFit) {
        feasible = [nominatedFit];
        this.rowsFor(1)[0] = nominatedFit.row;
        if (slots) slots[nominatedFit.index] = { evaluated: true, filter: null };
        this.step({ title: `The nominated node ${nominatedFit.name} passes every Filter: no need to look further`, subject: `pod/${pod.name}`, level: 'decision', source: 'pkg/scheduler/schedule_one.go' });
      } else {
        let nodes: readonly NodeInfo[] = all;
        if (pre.nodeNames) {
          nodes = all.filter((n) => pre.nodeNames!.has(n.name));
          absent = newStatus('UnschedulableAndUnresolvable', didNotSatisfyPluginsReason(pre.pluginsWithNodes));
        }
        feasible = this.findNodesThatPassFilters(pod, profile, filters, state, nodes, failedMap, slots, res);
        if (slots && pre.nodeNames) {
          const excluded: Slot = { evaluated: false, filter: detailOf({ ...absent, plugin: pre.pluginsWithNodes.join(' ') }) };
          for (const n of all) if (!slots[n.index] && !pre.nodeNames.has(n.name)) slots[n.index] = excluded;
        }
      }
    }
    res.nodes = slots ? detailRecord(all, slots) : {};

    if (feasible.length === 0) {
      let postFilterMsg = '';
      let nominated: NodeInfo | null = null;
      if (profile.preemption) {
        const outcome = preempt({ profile, cluster, pod, state, filters, skipped: pre.skipped, nodeToStatus: failedMap, absent, args: profile.config.args.DefaultPreemption });
        postFilterMsg = outcome.message;
        if (outcome.node) {
          nominated = outcome.node;
          for (const v of outcome.victims) this.evict(v, pod, outcome.node);
          pod.nominatedNodeName = outcome.node.name;
          res.nominatedNode = outcome.node.name;
          res.victims = outcome.victims.map((v) => `${v.namespace}/${v.name}`);
        }
      }
      const nodeToStatus = new Map<string, Status>();
      for (const [n, s] of failedMap) nodeToStatus.set(n.name, s);
      this.lastFailureHelpedByBind = [...failedMap.values(), absent].some(helpedByBind);
      const message = fitErrorMessage(all.length, { nodeToStatus, absentNodesStatus: absent, preFilterMsg, postFilterMsg });
      res.message = message;
      res.node = null;
      res.outcome = 'Unschedulable';
      this.event('Warning', 'FailedScheduling', pod, message);
      this.step({ title: `${pod.namespace}/${pod.name} stays Pending: ${message}`, subject: `pod/${pod.name}`, level: 'decision', source: 'pkg/scheduler/framework/types.go' });
      if (nominated) {
        this.step({
          title: `Preemption: ${pod.namespace}/${pod.name} is nominated to ${nominated.name}; evicted ${res.victims!.join(', ')}`,
          subject: `pod/${pod.name}`,
          level: 'decision',
          source: 'pkg/scheduler/framework/preemption/preemption.go',
        });
        return 'nominated';
      }
      return 'failed';
    }

    let chosen: NodeInfo;
    if (feasible.length === 1) {
      chosen = feasible[0];
      if (trace) this.step({ title: `Only ${chosen.name} is feasible: it is chosen without scoring`, subject: `pod/${pod.name}`, source: 'pkg/scheduler/schedule_one.go' });
    } else {
      const rows = this.rowsBuf; // filled by findNodesThatPassFilters (or the nominated node) for `feasible`
      const scored = runScore(profile, state, pod, feasible, cluster, trace, undefined, rows);
      if (scored.error) {
        const message = `running Score plugins: ${statusMessage(scored.error)}`;
        res.message = message;
        this.event('Warning', 'FailedScheduling', pod, message);
        return 'failed';
      }
      // selectHost picks uniformly at random among the best; the simulator takes the first in
      // node-list order (the lowest row: rows are positions in the node list).
      const totals = scored.totals;
      let best = -1;
      let bestAt = 0;
      let bestRow = Number.MAX_SAFE_INTEGER;
      for (let i = 0; i < feasible.length; i++) {
        const t = totals[i];
        if (t > best || (t === best && rows[i] < bestRow)) {
          best = t;
          bestAt = i;
          bestRow = rows[i];
        }
      }
      chosen = feasible[bestAt];
      if (trace && slots) {
        const tied: NodeInfo[] = [];
        for (let i = 0; i < feasible.length; i++) if (totals[i] === best) tied.push(feasible[i]);
        best += scored.offset;
        res.skippedScores = [...scored.skipped];
        const interners = scored.plugins.map((p) => new ScoreDetailInterner(p.weight));
        for (let i = 0; i < feasible.length; i++) {
          const scores: Record<string, ScoreDetail> = {};
          for (let k = 0; k < scored.plugins.length; k++) {
            const p = scored.plugins[k];
            scores[p.plugin] = interners[k].get(p.raw[i], p.normalized[i]);
          }
          const slot = slots[feasible[i].index]!;
          slot.scores = scores;
          slot.total = totals[i] + scored.offset;
        }
        res.tied = tied.sort((a, b) => a.index - b.index).map((n) => n.name);
        const listed =
          feasible.length <= SCORES_LISTED
            ? feasible.map((n, i) => `${n.name} ${totals[i] + scored.offset}`).join(', ')
            : `${feasible.length} nodes scored, best total ${best} (${res.tied.slice(0, SCORES_LISTED).join(', ')}${res.tied.length > SCORES_LISTED ? ', …' : ''})`;
        this.step({
          title: `Scores: ${listed}${tied.length > 1 ? ` (tie between ${res.tied.length > SCORES_LISTED ? `${res.tied.length} nodes` : res.tied.join(', ')}: upstream picks one at random, the simulator the first listed)` : ''}`,
          subject: `pod/${pod.name}`,
          source: 'pkg/scheduler/framework/runtime/framework.go',
          detail: scored.skipped.length ? `PreScore skipped: ${scored.skipped.join(', ')}` : undefined,
        });
      }
    }
    cluster.bind(pod, chosen);
    this.binds++;
    pod.nominatedNodeName = '';
    res.node = chosen.name;
    res.message = null;
    res.outcome = 'Scheduled';
    res.nominatedNode = null;
    this.event('Normal', 'Scheduled', pod, `Successfully assigned ${pod.namespace}/${pod.name} to ${chosen.name}`);
    if (trace) this.step({ title: `Bound ${pod.namespace}/${pod.name} to ${chosen.name}`, subject: `pod/${pod.name}`, level: 'decision', source: 'pkg/scheduler/framework/plugins/defaultbinder/default_binder.go' });
    return 'bound';
  }

  /** findNodesThatPassFilters: walk nodes round-robin from nextStartNodeIndex until enough feasible ones are found. */
  private findNodesThatPassFilters(
    pod: PodInfo,
    profile: Profile,
    filters: readonly import('./plugin.ts').Plugin[],
    state: CycleState,
    nodes: readonly NodeInfo[],
    failedMap: Map<NodeInfo, Status>,
    slots: (Slot | undefined)[] | null,
    res: PodResult,
  ): NodeInfo[] {
    const { cluster, config } = this.input;
    const numAll = nodes.length;
    const feasible: NodeInfo[] = [];
    if (numAll === 0) return feasible;
    let numToFind = numFeasibleNodesToFind(profile.config.percentageOfNodesToScore, config.percentageOfNodesToScore, numAll);
    if (profile.score.length === 0) numToFind = 1;
    const start = this.nextStartNodeIndex;
    if (slots) {
      res.nodesToFind = numToFind;
      res.startIndex = start % numAll;
    }
    const rows = this.rowsFor(numAll);
    if (filters.length === 0) {
      for (let i = 0; i < numToFind && i < numAll; i++) {
        const node = nodes[(start + i) % numAll];
        rows[feasible.length] = node.row;
        feasible.push(node);
        if (slots) slots[node.index] = { evaluated: true, filter: null };
      }
    } else {
      const only = filters.length === 1 ? filters[0] : null;
      // The common case (only NodeResourcesFit has something to check): answer from the
      // columns, touching a node object only to collect it or to ask Filter for the reason.
      const byRow = only !== null && nodes === cluster.nodes && only.fitsRow !== undefined && only.rowFilter!(pod);
      const columns = cluster.columns;
      for (let i = 0; i < numAll; i++) {
        let k = start + i;
        if (k >= numAll) k %= numAll;
        if (byRow && only!.fitsRow!(pod, columns, k)) {
          rows[feasible.length] = k;
          const node = nodes[k];
          feasible.push(node);
          if (slots) slots[node.index] = { evaluated: true, filter: null };
          if (feasible.length >= numToFind) break;
          continue;
        }
        const node = nodes[k];
        let s = only ? only.filter!(state, pod, node, cluster) : runFilters(filters, state, pod, node, cluster);
        if (s !== null && only && s.plugin !== only.name) s = { code: s.code, reasons: s.reasons, plugin: only.name };
        if (s === null) {
          rows[feasible.length] = node.row;
          feasible.push(node);
          if (slots) slots[node.index] = { evaluated: true, filter: null };
          if (feasible.length >= numToFind) break;
        } else {
          failedMap.set(node, s);
          if (slots) slots[node.index] = { evaluated: true, filter: this.filterDetail(s) };
        }
      }
    }
    const processed = feasible.length + failedMap.size;
    this.steps += processed;
    this.nextStartNodeIndex = (start + processed) % cluster.nodes.length;
    if (slots) {
      res.evaluatedNodes = processed;
      res.feasibleNodes = feasible.length;
      this.step({
        title: `Filter: ${processed} of ${numAll} node(s) checked, ${feasible.length} feasible${numToFind < numAll ? ` (looking for ${numToFind}: percentageOfNodesToScore)` : ''}`,
        subject: `pod/${pod.name}`,
        source: 'pkg/scheduler/schedule_one.go',
      });
    }
    return feasible;
  }

  /** The feasible nodes' rows in cluster.columns, aligned with the feasible list (a reused buffer). */
  private rowsBuf = new Int32Array(16);
  private rowsFor(n: number): Int32Array {
    if (this.rowsBuf.length < n) this.rowsBuf = new Int32Array(Math.max(n, this.rowsBuf.length * 2));
    return this.rowsBuf;
  }

  /** Constant statuses (a taint, a cordon) are shared by many nodes: so is their detail. */
  private readonly filterDetails = new WeakMap<Status, FilterDetail>();
  private filterDetail(s: Status): FilterDetail {
    let d = this.filterDetails.get(s);
    if (!d) this.filterDetails.set(s, (d = Object.freeze(detailOf(s))));
    return d;
  }

  /** A preemption victim is deleted: off its node, with the Preempted event. */
  private evict(victim: PodInfo, preemptor: PodInfo, node: NodeInfo): void {
    this.input.cluster.unbind(victim);
    this.evictions++;
    this.preempted.push({ name: victim.name, namespace: victim.namespace, node: node.name, by: `${preemptor.namespace}/${preemptor.name}` });
    const vr = this.results.get(victim);
    if (vr) {
      vr.outcome = 'Preempted';
      vr.node = null;
    }
    this.event('Normal', 'Preempted', victim, `Preempted by pod ${podUid(preemptor)} on node ${node.name}`, preemptor);
  }
}

function summarize(cluster: Cluster): NodeSummary[] {
  return cluster.nodes.map((n) => ({
    name: n.name,
    pods: n.pods.map((p) => (p.namespace === 'default' ? p.name : `${p.namespace}/${p.name}`)),
    cpu: { requested: n.reqCpu, allocatable: n.allocCpu },
    memory: { requested: n.reqMemory, allocatable: n.allocMemory },
    podCount: n.pods.length,
    maxPods: n.allocPods,
    labels: { ...n.labels },
    taints: n.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    unschedulable: n.unschedulable,
  }));
}

/**
 * Runs the scheduler over already-read input.
 *
 * @example
 *   const { result } = runScheduler({ cluster, pending, config: defaultSchedulerConfig() }, { trace: true, maxSteps: 1e7, maxEvents: 10000 });
 *   result.pods[0].node // 'node-2'
 */
export function runScheduler(input: SchedulerInput, opts: RunOptions): { result: ScheduleResult; trace: TraceStep[] } {
  const run = new Run(input, opts);
  run.run();
  const pods = input.pending.map((p) => run.resultOf(p));
  const scheduled = pods.filter((p) => p.node !== null).length;
  if (!opts.trace) {
    run.trace.push({ title: `Scheduled ${scheduled} of ${pods.length} pending Pod(s) on ${input.cluster.nodes.length} node(s) (trace off: per-node detail dropped)` });
  }
  const result: ScheduleResult = {
    pods,
    events: run.events,
    nodes: summarize(input.cluster),
    preempted: run.preempted,
    summary: { scheduled, pending: pods.length - scheduled, nodes: input.cluster.nodes.length, rounds: run.rounds },
  };
  if (run.truncated) result.truncated = run.truncated;
  return { result, trace: run.trace };
}
