// Turns a scheduling run into exactly what views/result.hbs draws: strings, CSS classes,
// bar widths and SVG coordinates. Pure; the template stays free of logic.

import type { SimulationOutput } from '../shared/engine.ts';
import { shortHumanDuration } from '../apimachinery/duration.ts';
import { formatBinarySI } from '../apimachinery/quantity.ts';
import { VOLUME_PLUGINS } from './names.ts';
import type { NodeDetail, NodeSummary, PodResult, ScheduleEvent, ScheduleResult } from './types.ts';

/** Pods with full filter/score tables; later ones are summarized (the run keeps every detail in the JSON). */
export const MAX_DETAILED_PODS = 12;
/** Rows of a filter matrix or score table before the rest are summarized. */
export const MAX_ROWS = 30;
/** Nodes drawn in the cluster picture. */
export const MAX_PICTURE_NODES = 24;
const BAR = 80;

export interface Cell {
  readonly cls: string;
  readonly text: string;
  readonly title: string;
}

export interface MatrixRow {
  readonly node: string;
  readonly cls: string;
  readonly cells: readonly Cell[];
  readonly verdict: string;
}

export interface ScoreCell {
  readonly raw: number;
  readonly normalized: number;
  readonly weighted: number;
  readonly bar: number;
}

export interface ScoreRow {
  readonly node: string;
  readonly cls: string;
  readonly cells: readonly ScoreCell[];
  readonly total: number;
  readonly totalBar: number;
  readonly note: string;
}

export interface PodView {
  readonly key: string;
  readonly title: string;
  readonly outcome: string;
  readonly outcomeCls: string;
  readonly node: string | null;
  readonly message: string | null;
  readonly detailed: boolean;
  readonly sampling: string | null;
  readonly skippedFilters: string;
  readonly skippedScores: string;
  readonly preFilter: string | null;
  readonly filterColumns: readonly string[];
  readonly matrix: readonly MatrixRow[];
  readonly matrixMore: number;
  readonly scoreColumns: readonly { name: string; weight: number }[];
  readonly scores: readonly ScoreRow[];
  readonly scoresMore: number;
  readonly tie: string | null;
  readonly victims: string | null;
}

export interface EventRow {
  readonly lastSeen: string;
  readonly type: string;
  readonly typeCls: string;
  readonly reason: string;
  readonly object: string;
  readonly message: string;
  readonly count: string;
}

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fill: number;
  readonly label: string;
  readonly cls: string;
}

export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly name: string;
  readonly cls: string;
  readonly note: string;
  readonly cpu: Bar;
  readonly memory: Bar;
  readonly pods: readonly { x: number; y: number; label: string; cls: string }[];
}

export interface SchedulerView {
  readonly headline: string;
  readonly pods: readonly PodView[];
  readonly podsMore: number;
  readonly events: readonly EventRow[];
  readonly picture: { width: number; height: number; nodes: readonly NodeBox[]; more: number };
  readonly truncated: string | null;
}

const CODE_CLS: Record<string, string> = { Unschedulable: 'fail', UnschedulableAndUnresolvable: 'fail-hard', Error: 'fail-hard' };

function matrixFor(pod: PodResult, columns: readonly string[]): { rows: MatrixRow[]; more: number } {
  const skipped = new Set(pod.skippedFilters ?? []);
  let entries = Object.entries(pod.nodes);
  // Too many to show: the nodes the Pod was checked against come first (node-list order kept).
  if (entries.length > MAX_ROWS) entries = [...entries.filter(([, d]) => d.evaluated), ...entries.filter(([, d]) => !d.evaluated)];
  const rows = entries.slice(0, MAX_ROWS).map(([name, d]) => matrixRow(name, d, columns, skipped, pod));
  return { rows, more: Math.max(0, entries.length - MAX_ROWS) };
}

function matrixRow(name: string, d: NodeDetail, columns: readonly string[], skipped: ReadonlySet<string>, pod: PodResult): MatrixRow {
  const chosen = pod.node === name;
  const failedPlugin = d.filter?.plugin ?? null;
  const failedIndex = failedPlugin ? columns.indexOf(failedPlugin) : -1;
  const cells = columns.map((col, i): Cell => {
    if (col === 'Volume plugins') return { cls: 'na', text: 'n/a', title: 'Volume plugins are not simulated: they pass every Pod' };
    if (pod.preFilterRejection) return { cls: 'na', text: '—', title: 'PreFilter rejected the Pod before any Filter ran' };
    if (!d.evaluated) {
      if (d.filter) return i === 0 ? { cls: CODE_CLS[d.filter.code] ?? 'fail', text: '✗', title: d.filter.reasons.join('; ') } : { cls: 'na', text: '—', title: 'not filtered' };
      return { cls: 'na', text: '·', title: 'not checked: enough feasible nodes were found first (percentageOfNodesToScore)' };
    }
    if (skipped.has(col)) return { cls: 'skip', text: 'skip', title: `${col} PreFilter returned Skip: nothing to check for this Pod` };
    if (failedIndex === -1 || i < failedIndex) return { cls: 'pass', text: '✓', title: `${col}: Success` };
    if (i === failedIndex) return { cls: CODE_CLS[d.filter!.code] ?? 'fail', text: '✗', title: `${d.filter!.code}: ${d.filter!.reasons.join('; ')}` };
    return { cls: 'na', text: '–', title: 'not run: an earlier Filter already rejected this node' };
  });
  let verdict: string;
  if (pod.preFilterRejection) verdict = pod.preFilterRejection.reasons.join(', ');
  else if (d.filter) verdict = d.filter.reasons.join(', ');
  else if (!d.evaluated) verdict = 'not checked';
  else verdict = chosen ? 'feasible · chosen' : 'feasible';
  const cls = chosen ? 'chosen' : d.filter || pod.preFilterRejection ? 'rejected' : d.evaluated ? 'feasible' : 'unchecked';
  return { node: name, cls, cells, verdict };
}

function scoresFor(pod: PodResult): { columns: { name: string; weight: number }[]; rows: ScoreRow[]; more: number } {
  const skipped = new Set(pod.skippedScores ?? []);
  const columns = (pod.scorePlugins ?? []).filter((p) => !skipped.has(p.name));
  const maxTotal = columns.reduce((s, c) => s + c.weight * 100, 0) || 1;
  const tied = new Set(pod.tied ?? []);
  const scored = Object.entries(pod.nodes).filter(([, d]) => d.total !== undefined);
  // Too many to show: the best totals first (stable, so ties keep node-list order).
  if (scored.length > MAX_ROWS) scored.sort(([, a], [, b]) => (b.total ?? 0) - (a.total ?? 0));
  const rows = scored.slice(0, MAX_ROWS).map(([name, d]): ScoreRow => {
    const chosen = pod.node === name;
    return {
      node: name,
      cls: chosen ? 'chosen' : tied.has(name) && tied.size > 1 ? 'tied' : '',
      cells: columns.map((c) => {
        const s = d.scores?.[c.name] ?? { raw: 0, normalized: 0, weighted: 0 };
        return { raw: s.raw, normalized: s.normalized, weighted: s.weighted, bar: Math.round((s.normalized / 100) * BAR) };
      }),
      total: d.total ?? 0,
      totalBar: Math.round(((d.total ?? 0) / maxTotal) * BAR),
      note: chosen ? (tied.size > 1 ? 'chosen (tie: first listed)' : 'chosen') : tied.has(name) && tied.size > 1 ? 'tied' : '',
    };
  });
  return { columns, rows, more: Math.max(0, scored.length - MAX_ROWS) };
}

function filterColumns(pod: PodResult): string[] {
  const cols: string[] = [];
  let volumes = false;
  for (const p of pod.filterPlugins ?? []) {
    if (VOLUME_PLUGINS.has(p)) {
      if (!volumes) cols.push('Volume plugins');
      volumes = true;
    } else cols.push(p);
  }
  return cols;
}

const OUTCOME_TEXT: Record<string, string> = {
  Scheduled: 'Scheduled',
  Unschedulable: 'Pending',
  SchedulingGated: 'Pending (SchedulingGated)',
  NotThisScheduler: 'Pending (other scheduler)',
  Deleting: 'Terminating',
  Preempted: 'Preempted',
};

export function podView(pod: PodResult, index: number): PodView {
  const detailed = index < MAX_DETAILED_PODS && Object.keys(pod.nodes).length > 0;
  const columns = detailed ? filterColumns(pod) : [];
  const matrix = detailed ? matrixFor(pod, columns) : { rows: [], more: 0 };
  const scores = detailed ? scoresFor(pod) : { columns: [], rows: [], more: 0 };
  const tie = pod.tied && pod.tied.length > 1 ? `Tie at the best total between ${pod.tied.join(', ')}: kube-scheduler picks one of them at random; the simulator takes the first in node-list order.` : null;
  const sampling =
    pod.nodesToFind !== undefined && pod.evaluatedNodes !== undefined
      ? `Filtered ${pod.evaluatedNodes} node(s) starting at index ${pod.startIndex ?? 0}, looking for ${pod.nodesToFind} feasible; found ${pod.feasibleNodes ?? 0}.`
      : null;
  return {
    key: `${pod.namespace}/${pod.name}`,
    title: pod.namespace === 'default' ? pod.name : `${pod.namespace}/${pod.name}`,
    outcome: OUTCOME_TEXT[pod.outcome] ?? pod.outcome,
    outcomeCls: pod.outcome === 'Scheduled' ? 'ok' : pod.outcome === 'Unschedulable' ? 'bad' : 'warn',
    node: pod.node,
    message: pod.message,
    detailed,
    sampling,
    skippedFilters: (pod.skippedFilters ?? []).filter((p) => !VOLUME_PLUGINS.has(p)).join(', '),
    skippedScores: (pod.skippedScores ?? []).join(', '),
    preFilter: pod.preFilterRejection ? `${pod.preFilterRejection.plugin}: ${pod.preFilterRejection.reasons.join(', ')}` : null,
    filterColumns: columns,
    matrix: matrix.rows,
    matrixMore: matrix.more,
    scoreColumns: scores.columns,
    scores: scores.rows,
    scoresMore: scores.more,
    tie,
    victims: pod.victims && pod.victims.length ? `Preempted ${pod.victims.join(', ')} on ${pod.nominatedNode ?? 'its nominated node'}.` : null,
  };
}

/** kubectl get events rows; LAST SEEN is measured from the end of the run. */
export function eventRows(events: readonly ScheduleEvent[]): EventRow[] {
  const end = events.reduce((m, e) => Math.max(m, e.at), 0) + 1000;
  return events.map((e) => ({
    lastSeen: shortHumanDuration(end - e.at),
    type: e.type,
    typeCls: e.type === 'Warning' ? 'warn' : 'ok',
    reason: e.reason,
    object: e.object,
    message: e.message,
    count: e.count > 1 ? `×${e.count}` : '',
  }));
}

const BOX_W = 200;
const BOX_H = 150;
const GAP = 12;
const COLS = 3;

function bar(x: number, y: number, requested: number, allocatable: number, kind: 'cpu' | 'memory'): Bar {
  const width = BOX_W - 24;
  const ratio = allocatable > 0 ? requested / allocatable : requested > 0 ? 1 : 0;
  const fmt = (v: number) => (kind === 'cpu' ? `${v}m` : formatBinarySI(v));
  return {
    x,
    y,
    width,
    fill: Math.round(Math.min(1, ratio) * width),
    label: `${kind} ${fmt(requested)} / ${fmt(allocatable)}`,
    cls: ratio > 1 ? 'over' : ratio > 0.85 ? 'high' : 'normal',
  };
}

/** The cluster picture: one box per node with its Pods and cpu/memory request bars. */
export function picture(nodes: readonly NodeSummary[], pods: readonly PodResult[]): SchedulerView['picture'] {
  const scheduledHere = new Set(pods.filter((p) => p.node).map((p) => (p.namespace === 'default' ? p.name : `${p.namespace}/${p.name}`)));
  const shown = nodes.slice(0, MAX_PICTURE_NODES);
  const rows = Math.ceil(shown.length / COLS);
  const boxes = shown.map((n, i): NodeBox => {
    const x = (i % COLS) * (BOX_W + GAP);
    const y = Math.floor(i / COLS) * (BOX_H + GAP);
    const listed = n.pods.slice(0, 5).map((label, j) => ({ x: x + 12, y: y + 76 + j * 14, label, cls: scheduledHere.has(label) ? 'new' : 'existing' }));
    if (n.pods.length > 5) listed.push({ x: x + 12, y: y + 76 + 5 * 14, label: `+${n.pods.length - 5} more`, cls: 'more' });
    const notes = [n.unschedulable ? 'cordoned' : '', ...n.taints].filter(Boolean);
    return {
      x,
      y,
      width: BOX_W,
      height: BOX_H,
      name: n.name,
      cls: n.unschedulable ? 'cordoned' : n.taints.length ? 'tainted' : '',
      note: notes.join(', '),
      cpu: bar(x + 12, y + 36, n.cpu.requested, n.cpu.allocatable, 'cpu'),
      memory: bar(x + 12, y + 54, n.memory.requested, n.memory.allocatable, 'memory'),
      pods: listed,
    };
  });
  return { width: Math.max(1, Math.min(shown.length, COLS)) * (BOX_W + GAP), height: Math.max(1, rows) * (BOX_H + GAP), nodes: boxes, more: Math.max(0, nodes.length - shown.length) };
}

/**
 * @example
 *   buildView(engine.run(manifests, ctx)).pods[0].matrix[0].cells[2] // { cls: 'fail-hard', text: '✗', title: '...' }
 */
export function buildView(output: SimulationOutput<ScheduleResult>): SchedulerView {
  const r = output.result;
  const shownPods = r.pods.slice(0, 200);
  return {
    headline: `${r.summary.scheduled} of ${r.pods.length} pending Pod(s) scheduled on ${r.summary.nodes} node(s)${r.summary.rounds > 1 ? ` in ${r.summary.rounds} rounds` : ''}.`,
    pods: shownPods.map(podView),
    podsMore: r.pods.length - shownPods.length,
    events: eventRows(r.events.slice(0, 200)),
    picture: picture(r.nodes, r.pods),
    truncated: r.truncated ? `Stopped early: the run reached its ${r.truncated.reason} budget (${r.truncated.limit}).` : null,
  };
}
