// DefaultPreemption, the PostFilter that runs when no node fits: find nodes where evicting
// lower-priority Pods would make room, pick one, evict the fewest/least important Pods.
// src: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
//      (PostFilter, PodEligibleToPreemptOthers, SelectVictimsOnNode, calculateNumCandidates),
//      pkg/scheduler/framework/preemption/preemption.go (Preempt, findCandidates,
//      nodesWherePreemptionMightHelp, dryRunPreemption, pickOneNodeForPreemption).
// Simplifications: no PodDisruptionBudgets, Pods have no start time (the last tie-break,
// latest start time, falls back to node order), and dry runs start at the first node
// instead of a random offset.

import type { Cluster } from './cluster.ts';
import type { PluginArgs } from './config.ts';
import { fitErrorMessage } from './fit-error.ts';
import { runFilters } from './framework.ts';
import { Reasons } from './names.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { CycleState, Plugin } from './plugin.ts';
import type { Profile } from './profile.ts';
import type { Status } from './status.ts';
import { constantStatus } from './status.ts';

const NOT_HELPFUL = constantStatus('UnschedulableAndUnresolvable', Reasons.preemptionNotHelpful);
const NO_VICTIMS = constantStatus('UnschedulableAndUnresolvable', Reasons.noVictims);

export interface PreemptionInput {
  readonly profile: Profile;
  readonly cluster: Cluster;
  readonly pod: PodInfo;
  readonly state: CycleState;
  readonly filters: readonly Plugin[];
  readonly skipped: ReadonlySet<string>;
  /** The Filter outcome per node (NodeToStatus), and the status of nodes not in it. */
  readonly nodeToStatus: ReadonlyMap<NodeInfo, Status>;
  readonly absent: Status | null;
  readonly args: PluginArgs['DefaultPreemption'];
}

export interface PreemptionOutcome {
  /** PostFilterMsg: '' when preemption found a node. */
  readonly message: string;
  readonly node: NodeInfo | null;
  readonly victims: readonly PodInfo[];
}

/** calculateNumCandidates: 10% of the nodes (minCandidateNodesPercentage), at least 100 (minCandidateNodesAbsolute), at most all. */
export function numCandidates(numNodes: number, args: PluginArgs['DefaultPreemption']): number {
  let n = Math.trunc((numNodes * args.minCandidateNodesPercentage) / 100);
  if (n < args.minCandidateNodesAbsolute) n = args.minCandidateNodesAbsolute;
  return n > numNodes ? numNodes : n;
}

/** util.MoreImportantPod: higher priority first (start time unknown here: input order). */
function moreImportant(a: PodInfo, b: PodInfo): number {
  return b.priority - a.priority || a.arrival - b.arrival;
}

/**
 * Re-runs the PreFilter of the plugins that ran for this Pod, after the node's Pods changed (upstream updates
 * the same state through PreFilterExtensions.AddPod/RemovePod). The state starts empty: a PreFilter that now
 * returns Skip leaves nothing behind, so its Filter passes, as it does upstream once RemovePod has emptied its
 * counts (InterPodAffinity when the only Pod whose anti-affinity matched is a victim). Copying the cycle's
 * state instead kept that Pod's anti-affinity counts alive and hid the victim.
 */
function refreshState(input: PreemptionInput): CycleState {
  const state: CycleState = {};
  for (const pl of input.profile.preFilter) {
    if (input.skipped.has(pl.name)) continue;
    pl.preFilter!(state, input.pod, input.cluster);
  }
  return state;
}

interface Victims {
  readonly victims: PodInfo[];
  readonly status: Status | null;
}

/** SelectVictimsOnNode: remove every lower-priority Pod; if the Pod then fits, put back as many as possible, most important first. */
export function selectVictimsOnNode(input: PreemptionInput, node: NodeInfo): Victims {
  const { cluster, pod } = input;
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return { victims: [], status: NO_VICTIMS };
  for (const v of potential) cluster.unbind(v);
  const restore = (removed: readonly PodInfo[]) => {
    for (const v of removed) cluster.bind(v, node);
  };
  const fits = () => runFilters(input.filters, refreshState(input), pod, node, cluster);
  const status = fits();
  if (status) {
    restore(potential);
    return { victims: [], status };
  }
  const victims: PodInfo[] = [];
  for (const p of [...potential].sort(moreImportant)) {
    cluster.bind(p, node);
    if (fits()) {
      cluster.unbind(p);
      victims.push(p);
    }
  }
  restore(victims);
  return { victims, status: null };
}

/** pickOneNodeForPreemption: fewest PDB violations (none here), lowest highest-priority victim, lowest priority sum, fewest victims, then node order. */
function pickNode(candidates: readonly { node: NodeInfo; victims: PodInfo[] }[]): { node: NodeInfo; victims: PodInfo[] } {
  const criteria: ((c: { victims: PodInfo[] }) => number)[] = [
    (c) => -c.victims[0].priority,
    (c) => -c.victims.reduce((s, p) => s + p.priority + 2147483648, 0),
    (c) => -c.victims.length,
  ];
  let remaining = [...candidates];
  for (const f of criteria) {
    const best = Math.max(...remaining.map(f));
    remaining = remaining.filter((c) => f(c) === best);
    if (remaining.length === 1) break;
  }
  return remaining[0];
}

/**
 * DefaultPreemption.PostFilter. Returns the "preemption: ..." message when it cannot help,
 * or the chosen node and victims (message '') when it can. Victims are left bound: the caller evicts them.
 */
export function preempt(input: PreemptionInput): PreemptionOutcome {
  const { pod, cluster } = input;
  const all = cluster.nodes;
  if (pod.preemptionPolicy === 'Never') {
    return { message: `preemption: ${Reasons.preemptionPolicyNever}`, node: null, victims: [] };
  }
  const statusOf = (n: NodeInfo) => input.nodeToStatus.get(n) ?? input.absent;
  const potential = all.filter((n) => statusOf(n)?.code === 'Unschedulable');
  if (potential.length === 0) {
    return { message: `preemption: ${fitErrorMessage(all.length, { nodeToStatus: new Map(), absentNodesStatus: NOT_HELPFUL })}`, node: null, victims: [] };
  }
  const wanted = numCandidates(potential.length, input.args);
  const candidates: { node: NodeInfo; victims: PodInfo[] }[] = [];
  const statuses = new Map<string, Status>();
  for (const node of potential) {
    const r = selectVictimsOnNode(input, node);
    if (r.status === null && r.victims.length > 0) {
      candidates.push({ node, victims: r.victims });
      if (candidates.length >= wanted) break;
    } else if (r.status) statuses.set(node.name, r.status);
  }
  if (candidates.length === 0) {
    const message = fitErrorMessage(all.length, { nodeToStatus: statuses, absentNodesStatus: NOT_HELPFUL });
    return { message: `preemption: ${message}`, node: null, victims: [] };
  }
  const best = pickNode(candidates);
  return { message: '', node: best.node, victims: best.victims };
}
