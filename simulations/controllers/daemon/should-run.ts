// Which nodes a DaemonSet runs a Pod on. The controller builds the Pod it
// would create for the node (the template, spec.nodeName set, and the
// DaemonSet's default tolerations) and asks: does its nodeName match, does
// its required node affinity (nodeSelector and affinity) match, and does it
// tolerate the node's NoSchedule and NoExecute taints? A Pod already running
// may stay as long as only NoSchedule taints are untolerated.
// src: pkg/controller/daemon/daemon_controller.go (NodeShouldRunDaemonPod,
// predicates, NewPod); pkg/controller/daemon/util/daemonset_util.go
// (AddOrUpdateDaemonPodTolerations); component-helpers nodeaffinity
// (GetRequiredNodeAffinity(pod).Match).

import { newRequirement, requirementMatches } from '../../apimachinery/labels.ts';
import type { Operator, Requirement } from '../../apimachinery/labels.ts';
import { NodeSelector } from '../../apimachinery/node-selector.ts';
import type { CompiledNodeSelectorTerm } from '../../apimachinery/node-selector.ts';
import { findMatchingUntoleratedTaint } from '../../shared/taints.ts';
import type { TaintLike, TolerationLike } from '../../shared/taints.ts';

interface RawRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}
interface RawTerm {
  matchExpressions?: RawRequirement[];
  matchFields?: RawRequirement[];
}

export interface PodSpecForPlacement {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  hostNetwork?: boolean;
  tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[];
  affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: RawTerm[] } | null } | null } | null;
  [key: string]: unknown;
}

export interface DaemonSet {
  metadata?: { name?: string; namespace?: string; [key: string]: unknown };
  spec?: { template?: { metadata?: Record<string, unknown>; spec?: PodSpecForPlacement }; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Node {
  metadata?: { name?: string; labels?: Record<string, string>; [key: string]: unknown };
  spec?: { taints?: { key?: string; value?: string; effect?: string }[]; unschedulable?: boolean; [key: string]: unknown };
  [key: string]: unknown;
}

const NODE_OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

/**
 * AddOrUpdateDaemonPodTolerations: a daemon Pod survives NotReady and
 * Unreachable nodes, and is placed despite pressure and cordoning; with
 * hostNetwork also despite an unavailable network.
 */
export function daemonPodTolerations(spec: PodSpecForPlacement): TolerationLike[] {
  const own = (spec.tolerations ?? []).map((t) => ({ key: t.key ?? '', operator: t.operator ?? '', value: t.value ?? '', effect: t.effect ?? '' }));
  const defaults: [string, string][] = [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ];
  if (spec.hostNetwork) defaults.push(['node.kubernetes.io/network-unavailable', 'NoSchedule']);
  // v1helper.AddOrUpdateTolerationInPodSpec: a toleration equal to an existing one is not added twice.
  for (const [key, effect] of defaults) {
    const t = { key, operator: 'Exists', value: '', effect };
    if (!own.some((o) => o.key === t.key && o.operator === t.operator && o.value === t.value && o.effect === t.effect)) own.push(t);
  }
  return own;
}

/** nodeSelectorRequirementsAsSelector: a term with an unknown operator or a bad requirement matches nothing. */
function compileTerm(term: RawTerm): CompiledNodeSelectorTerm | null {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return null; // "nil or empty term selects no objects"
  let invalid = false;
  const labels: Requirement[] = [];
  for (const e of exprs) {
    const op = e.operator ?? '';
    if (!NODE_OPERATORS.includes(op)) {
      invalid = true;
      continue;
    }
    const { requirement, errors } = newRequirement(e.key ?? '', op as Operator, e.values ?? null);
    if (errors.length > 0) invalid = true;
    labels.push(requirement);
  }
  const fieldReqs: CompiledNodeSelectorTerm['fields'][number][] = [];
  for (const f of fields) {
    const values = f.values ?? [];
    if (f.key !== 'metadata.name' || (f.operator !== 'In' && f.operator !== 'NotIn') || values.length !== 1) {
      invalid = true;
      continue;
    }
    fieldReqs.push({ key: 'metadata.name', operator: f.operator, value: values[0] });
  }
  return { labels, fields: fieldReqs, invalid };
}

/** GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector, then the required node affinity terms (ORed). */
export function requiredNodeAffinityMatches(spec: PodSpecForPlacement, node: Node): boolean {
  const nodeLabels = node.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (!requirementMatches({ key, operator: 'Equals', values: [value] }, nodeLabels)) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  const terms = (required.nodeSelectorTerms ?? []).map(compileTerm).filter((t): t is CompiledNodeSelectorTerm => t !== null);
  return new NodeSelector(terms).matches(node.metadata?.name ?? '', nodeLabels);
}

const taintsOf = (node: Node): TaintLike[] => (node.spec?.taints ?? []).map((t) => ({ key: t.key ?? '', value: t.value ?? '', effect: t.effect ?? '' }));

export interface ShouldRun {
  /** A daemon Pod should be created here if none runs. */
  shouldRun: boolean;
  /** A daemon Pod already here may keep running. */
  shouldContinueRunning: boolean;
  /** Why not, in the words of the rule that decided (for the trace); absent when both are true. */
  reason?: string;
}

/**
 * NodeShouldRunDaemonPod. Resources and host ports are not checked any more:
 * the default scheduler places daemon Pods (via node affinity on the node's
 * name) and reports what does not fit.
 *
 * @example nodeShouldRunDaemonPod(node tainted dedicated=user1:NoSchedule, DaemonSet without tolerations)
 *          // { shouldRun: false, shouldContinueRunning: true, reason: … }
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const nodeName = node.metadata?.name ?? '';
  const template = ds.spec?.template?.spec ?? {};
  // The DaemonSet's own spec.template.spec.nodeName pins it to one node.
  const pinned = template.nodeName ?? '';
  if (!(pinned === '' || pinned === nodeName)) return { shouldRun: false, shouldContinueRunning: false, reason: `the template's nodeName is ${pinned}` };
  // NewPod sets spec.nodeName to this node, so fitsNodeName always holds from here on.
  if (!requiredNodeAffinityMatches(template, node)) return { shouldRun: false, shouldContinueRunning: false, reason: "node didn't match the Pod's node affinity/selector" };
  const tolerations = daemonPodTolerations(template);
  const taints = taintsOf(node);
  const untolerated = findMatchingUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute' || t.effect === 'NoSchedule');
  if (untolerated) {
    // A scheduled daemon Pod stays unless it does not tolerate a NoExecute taint.
    const noExecute = findMatchingUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
    const shown = noExecute ?? untolerated;
    return { shouldRun: false, shouldContinueRunning: noExecute === undefined, reason: `node had untolerated taint {${shown.key}: ${shown.value}} (${shown.effect})` };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
