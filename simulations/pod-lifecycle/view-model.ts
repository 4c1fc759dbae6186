// Output → exactly what views/result.hbs needs: SVG coordinates for the timeline
// (phase and conditions above, one lane per container), the events table, the
// `kubectl get pods -w` text and the snapshots of the time slider.

import { describePod } from '../kubectl/describe-pod.ts';
import { formatTable, podColumns, podRowCells, printPod } from '../kubectl/get-pods.ts';
import type { EngineDetail, SimulationOutput } from '../shared/engine.ts';
import { DEFAULT_EPOCH_MS } from '../apimachinery/time.ts';
import type { PodLifecycleResult, TimelineEntry } from './result.ts';

export const WIDTH = 760;
const LEFT = 170;
const RIGHT = 12;
const BAND = 14;
const LANE = 22;
const GAP = 6;

export interface Segment {
  x: number;
  width: number;
  cls: string;
  label: string;
}

export interface Band {
  label: string;
  y: number;
  height: number;
  textY: number;
  segments: Segment[];
}

export interface Marker {
  x: number;
  y1: number;
  y2: number;
  label: string;
}

export interface Dot {
  x: number;
  y: number;
  cls: string;
  label: string;
}

export interface SliderItem {
  index: number;
  t: number;
  label: string;
  getPods: string;
  containers: { name: string; state: string; ready: string; restarts: number }[];
  /** The `Engine.detail` key of this moment's `kubectl describe pod` (served on demand: ~2 KiB a moment); null once deleted. */
  describeKey: string | null;
  deleted: boolean;
  /** Where this moment is on the timeline (SVG x), for the slider's cursor and clicks on the chart. */
  x: number;
  /** A moment the scenario asked about (observeAtSeconds): marked, and where the slider starts. */
  asked: boolean;
}

export interface PodLifecycleView {
  width: number;
  height: number;
  left: number;
  plotRight: number;
  bands: Band[];
  lanes: Band[];
  readiness: Band[];
  restarts: Marker[];
  exits: Dot[];
  ticks: { x: number; label: string }[];
  /** 'log' when a long run's first restarts would be squeezed into a sliver of a linear axis. */
  axis: 'linear' | 'log';
  /** The moments the scenario asked about, as dashed lines across the chart. */
  asked: { x: number; label: string }[];
  axisY: number;
  summary: { label: string; value: string }[];
  events: { type: string; reason: string; object: string; count: number; first: string; last: string; message: string; warning: boolean; expired: boolean }[];
  watch: string;
  slider: SliderItem[];
  sliderMax: number;
  /** The slider item shown first: the first moment asked about, else the start. */
  sliderStart: number;
  truncated: string | null;
}

function fmtT(t: number): string {
  if (t < 120) return `${Math.round(t * 1000) / 1000}s`;
  if (t < 3600) {
    const m = Math.floor(t / 60);
    const s = Math.round(t - m * 60);
    return s === 0 ? `${m}m` : `${m}m${s}s`;
  }
  const h = Math.floor(t / 3600);
  const m = Math.round((t - h * 3600) / 60);
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}

/** Tick candidates of the logarithmic axis, in seconds. */
const LOG_TICKS = [0, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 43200, 86400];
/** The logarithmic axis's knee: below it time is nearly linear, above it each doubling gets the same width. */
const LOG_KNEE_SECONDS = 10;

/**
 * The time axis. Linear, unless the run is long and its first restart comes in its first
 * tenth: back-off doubles (10 s, 20 s, 40 s … 5 min), so on a linear 10-minute axis the first
 * restarts sit in a sliver. Then x grows with log(1 + t / 10 s) (issue 13, point 7).
 */
function timeAxis(r: PodLifecycleResult, end: number, left: number, right: number): { kind: 'linear' | 'log'; x: (t: number) => number } {
  const clamp = (t: number) => Math.min(Math.max(t, 0), end);
  const early = r.restarts.length >= 2 && r.restarts[0].at < end / 10;
  if (end < 300 || !early) return { kind: 'linear', x: (t) => left + (clamp(t) / end) * (right - left) };
  const scale = Math.log1p(end / LOG_KNEE_SECONDS);
  return { kind: 'log', x: (t) => left + (Math.log1p(clamp(t) / LOG_KNEE_SECONDS) / scale) * (right - left) };
}

function niceStep(span: number): number {
  for (const step of [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600]) if (span / step <= 8) return step;
  return 43200;
}

/** Turns a list of (t, key) samples into merged segments over [0, end]. */
function segments(samples: { t: number; key: string; cls: string; label: string }[], end: number, x: (t: number) => number): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < samples.length; i++) {
    const a = samples[i];
    const bT = i + 1 < samples.length ? samples[i + 1].t : end;
    if (bT <= a.t && i + 1 < samples.length) continue;
    const last = out[out.length - 1];
    if (last && last.cls === a.cls && last.label === a.label) {
      last.width = Math.max(0, x(bT) - last.x);
      continue;
    }
    out.push({ x: x(a.t), width: Math.max(0, x(bT) - x(a.t)), cls: a.cls, label: a.label });
  }
  return out.filter((s) => s.width >= 0.2).map((s) => ({ ...s, x: round(s.x), width: round(s.width) }));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function stateClass(state: string, reason: string | null, exitCode: number | null): string {
  if (state === 'running') return 'pl-running';
  if (state === 'terminated') return exitCode === 0 ? 'pl-done' : 'pl-failed';
  if (state === 'waiting') {
    if (reason === 'CrashLoopBackOff' || reason === 'ImagePullBackOff' || reason === 'ErrImagePull' || reason === 'ErrImageNeverPull') return 'pl-backoff';
    return 'pl-waiting';
  }
  return 'pl-none';
}

function laneLabel(state: string, reason: string | null, exitCode: number | null): string {
  if (state === 'running') return 'Running';
  if (state === 'terminated') return `Terminated: ${reason ?? ''} (exit ${exitCode})`;
  if (state === 'waiting') return `Waiting: ${reason ?? ''}`;
  return 'no status yet';
}

/**
 * Builds the view: coordinates in a WIDTH-wide SVG, strings for the tables.
 *
 * @example buildView(simulatePod(yaml)).lanes[0].segments[0] // { x: 170, width: 12.3, cls: 'pl-waiting', label: 'Waiting: ContainerCreating' }
 */
export function buildView(output: SimulationOutput<PodLifecycleResult>): PodLifecycleView {
  const r = output.result;
  const end = Math.max(r.end.t, 1);
  const plotRight = WIDTH - RIGHT;
  const { kind: axis, x } = timeAxis(r, end, LEFT, plotRight);
  const timeline: TimelineEntry[] = r.timeline;

  let y = 4;
  const bands: Band[] = [];
  const phaseSamples = timeline.map((e) => ({ t: e.t, key: e.phase ?? '', cls: `pl-phase-${(e.phase ?? 'none').toLowerCase()}`, label: `Phase ${e.phase}` }));
  bands.push({ label: 'Phase', y, height: BAND, textY: y + BAND - 3, segments: segments(phaseSamples, end, x) });
  y += BAND + 2;
  for (const type of ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready']) {
    const samples = timeline
      .filter((e) => e.exists)
      .map((e) => {
        const status = e.conditions[type];
        return {
          t: e.t,
          key: status ?? '',
          cls: status === 'True' ? 'pl-true' : status === 'False' ? 'pl-false' : 'pl-none',
          label: status ? `${type}=${status}` : `${type}: not set`,
        };
      });
    bands.push({ label: type, y, height: BAND - 4, textY: y + BAND - 5, segments: segments(samples, end, x) });
    y += BAND - 2;
  }
  y += GAP;

  const lanes: Band[] = [];
  const readiness: Band[] = [];
  const names = r.containers.map((c) => c.name);
  const laneY = new Map<string, number>();
  for (const c of r.containers) {
    const samples = timeline.map((e) => {
      const v = e.containers.find((cv) => cv.name === c.name);
      const state = v?.state ?? 'none';
      return {
        t: e.t,
        key: `${state}|${v?.reason}`,
        cls: e.exists ? stateClass(state, v?.reason ?? null, v?.exitCode ?? null) : 'pl-none',
        label: e.exists ? laneLabel(state, v?.reason ?? null, v?.exitCode ?? null) : 'Pod deleted',
      };
    });
    const kind = c.kind === 'regular' ? '' : c.kind === 'init' ? ' (init)' : ' (sidecar)';
    lanes.push({ label: `${c.name}${kind}`, y, height: LANE - 8, textY: y + LANE - 11, segments: segments(samples, end, x) });
    const readySamples = timeline.map((e) => {
      const v = e.containers.find((cv) => cv.name === c.name);
      return { t: e.t, key: String(v?.ready), cls: v?.ready ? 'pl-ready' : 'pl-unready', label: v?.ready ? 'ready' : 'not ready' };
    });
    readiness.push({ label: '', y: y + LANE - 7, height: 3, textY: 0, segments: segments(readySamples, end, x) });
    laneY.set(c.name, y);
    y += LANE;
  }

  const restarts: Marker[] = r.restarts.map((rs) => {
    const ly = laneY.get(rs.container) ?? 0;
    return {
      x: round(x(rs.at)),
      y1: ly - 2,
      y2: ly + LANE - 6,
      label: `restart #${rs.n} of ${rs.container} at ${fmtT(rs.at)} (${fmtT(rs.delay)} after exit ${rs.previousExitCode ?? '?'})`,
    };
  });
  const exits: Dot[] = [];
  for (const c of r.containers) {
    const ly = laneY.get(c.name) ?? 0;
    for (const run of c.runs) {
      if (run.finishedAt === null) continue;
      exits.push({
        x: round(x(run.finishedAt)),
        y: ly + (LANE - 8) / 2,
        cls: run.exitCode === 0 ? 'pl-exit-ok' : 'pl-exit-err',
        label: `${c.name} exited at ${fmtT(run.finishedAt)}: code ${run.exitCode} (${run.reason})${run.endedBy === 'killed' ? ', stopped by the kubelet' : run.endedBy === 'injected' ? ', killed from outside' : ''}`,
      });
    }
  }
  const axisY = y + 12;
  const ticks: { x: number; label: string }[] = [];
  if (axis === 'linear') {
    const step = niceStep(end);
    for (let t = 0; t <= end + 1e-9; t += step) ticks.push({ x: round(x(t)), label: fmtT(t) });
  } else {
    // Candidates that fall at least 30 units from the previous tick, and the end.
    for (const t of [...LOG_TICKS.filter((c) => c < end), end]) {
      const at = round(x(t));
      if (ticks.length === 0 || at - ticks[ticks.length - 1].x >= 30) ticks.push({ x: at, label: fmtT(t) });
    }
  }
  const asked = r.observeAtSeconds.map((t) => ({ x: round(x(t)), label: fmtT(t) }));
  const askedSet = new Set(r.observeAtSeconds);

  const last = r.final;
  const summary = [
    { label: 'Pod', value: `${r.pod.namespace}/${r.pod.name}${r.pod.workload ? ` (from ${r.pod.workload.kind} ${r.pod.workload.name})` : ''}` },
    { label: 'Node / IP', value: `${r.pod.node} / ${r.pod.ip}` },
    { label: 'restartPolicy', value: r.pod.restartPolicy },
    { label: `At ${fmtT(r.end.t)}`, value: last.exists ? `${last.status} (phase ${last.phase}), READY ${last.ready}, RESTARTS ${last.restarts}` : 'deleted' },
    { label: 'Restarts', value: r.restarts.length === 0 ? 'none' : r.restarts.map((rs) => fmtT(rs.at)).join(', ') },
  ];
  void names;

  const events = r.events.map((e) => ({
    type: e.type,
    reason: e.reason,
    object: e.object,
    count: e.count,
    first: fmtT(e.firstSeen),
    last: fmtT(e.lastSeen),
    message: e.message,
    warning: e.type === 'Warning',
    expired: e.expired,
  }));

  const slider: SliderItem[] = r.snapshots.map((snap, index) => {
    const now = DEFAULT_EPOCH_MS + snap.t * 1000;
    if (!snap.pod) {
      return { index, t: snap.t, label: fmtT(snap.t), getPods: 'Error from server (NotFound): pods "' + r.pod.name + '" not found', containers: [], describeKey: null, deleted: true, x: round(x(snap.t)), asked: askedSet.has(snap.t) };
    }
    const row = printPod(snap.pod, now);
    const getPods = formatTable([podColumns(false), podRowCells(row)]);
    const statuses = [...(snap.pod.status?.initContainerStatuses ?? []), ...(snap.pod.status?.containerStatuses ?? [])];
    const containers = statuses.map((cs) => {
      const st = cs.state ?? {};
      const state = st.running
        ? `Running since ${st.running.startedAt}`
        : st.terminated
          ? `Terminated: ${st.terminated.reason} (exit ${st.terminated.exitCode})`
          : st.waiting
            ? `Waiting: ${st.waiting.reason ?? ''}`
            : '—';
      return { name: cs.name, state, ready: cs.ready ? 'ready' : 'not ready', restarts: cs.restartCount };
    });
    return { index, t: snap.t, label: fmtT(snap.t), getPods, containers, describeKey: `describe-${index}`, deleted: false, x: round(x(snap.t)), asked: askedSet.has(snap.t) };
  });

  const truncated = r.truncated
    ? `The simulation stopped at ${fmtT(r.truncated.at)}: it reached its limit of ${r.truncated.limit} ${r.truncated.reason === 'maxEvents' ? 'status writes and events' : 'steps'}.`
    : null;

  return {
    width: WIDTH,
    height: axisY + 16,
    left: LEFT,
    plotRight,
    bands,
    lanes,
    readiness,
    restarts,
    exits,
    ticks,
    axis,
    asked,
    axisY,
    summary,
    events,
    watch: r.watch.lines.join('\n'),
    slider,
    sliderMax: Math.max(0, slider.length - 1),
    sliderStart: Math.max(0, slider.findIndex((item) => item.asked)),
    truncated,
  };
}

/**
 * `kubectl describe pod` as it would print at one moment of the slider
 * (`describe-<index>`), or undefined for a key the output does not have.
 */
export function describeAt(output: SimulationOutput<PodLifecycleResult>, key: string): EngineDetail | undefined {
  const match = /^describe-(\d{1,4})$/.exec(key);
  if (!match) return undefined;
  const r = output.result;
  const snap = r.snapshots[Number(match[1])];
  if (!snap?.pod) return undefined;
  return {
    title: `kubectl describe pod ${r.pod.name} at t = ${fmtT(snap.t)}`,
    text: describePod(snap.pod, snap.events, DEFAULT_EPOCH_MS + snap.t * 1000),
  };
}
