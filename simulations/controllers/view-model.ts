// What the controllers partial needs, computed once: the kubectl blocks as
// text, each Deployment's ReplicaSets over time as an SVG step chart (one
// line per ReplicaSet, told apart by dash pattern and a label, not by colour)
// with the same numbers as a table, and each HPA's replicas per sync.
// Words of our own (captions, summaries, headings built from data) come in
// both languages as { en, zh }; the partial picks one by the page's language.
// kubectl's output stays as kubectl prints it.

import type { ControllersResult } from './engine.ts';

export type { ControllersResult };

const W = 640;
const H = 200;
const LEFT = 36;
const RIGHT = 150;
const TOP = 10;
const BOTTOM = 28;
/** Dash patterns by line index: solid, dashed, dotted, dash-dot. */
const DASHES = ['', '6 4', '2 3', '8 3 2 3'];

/** A piece of our own text in both languages. */
export interface Text {
  en: string;
  zh: string;
}

export interface Chart {
  width: number;
  height: number;
  lines: { points: string; dash: string; cls: string; label: string; labelX: number; labelY: number }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  axis: { x1: number; x2: number; y1: number; y2: number };
  caption: Text;
}

export interface ControllersView {
  actions: { at: string; command: string; output: string; error: boolean }[];
  snapshots: { label: Text; blocks: { command: string; text: string }[] }[];
  deployments: { name: string; conditions: { type: string; status: string; reason: string; message: string }[]; summary: Text }[];
  rolloutStatus: { command: string; startedAt: string; text: string; ended: Text }[];
  rolloutHistory: { command: string; text: string }[];
  timelines: { deployment: string; chart: Chart; table: { header: string[]; rows: string[][] } }[];
  hpas: { name: string; chart: Chart; rows: string[][] }[];
  events: { at: string; type: string; reason: string; object: string; message: string; warning: boolean }[];
  eventsDropped: number;
  truncated: Text | null;
}

const sec = (s: number) => `${s}s`;

/** A step chart: each series holds its value until the next point. */
export function stepChart(series: { label: string; points: { at: number; value: number }[] }[], untilSeconds: number, yLabel: Text): Chart {
  const maxY = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const end = Math.max(1, untilSeconds);
  const x = (t: number) => LEFT + (Math.min(t, end) / end) * plotW;
  const y = (v: number) => TOP + plotH - (v / maxY) * plotH;
  const r = (n: number) => Math.round(n * 10) / 10;
  const usedLabelY: number[] = [];
  const lines = series.map((s, i) => {
    const pts: string[] = [];
    let prev: number | undefined;
    for (const p of s.points) {
      if (prev !== undefined) pts.push(`${r(x(p.at))},${r(y(prev))}`);
      pts.push(`${r(x(p.at))},${r(y(p.value))}`);
      prev = p.value;
    }
    if (prev !== undefined) pts.push(`${r(x(end))},${r(y(prev))}`);
    let labelY = r(y(prev ?? 0)) + 4;
    while (usedLabelY.some((u) => Math.abs(u - labelY) < 12)) labelY += 12;
    usedLabelY.push(labelY);
    return { points: pts.join(' '), dash: DASHES[i % DASHES.length], cls: `ctl-line-${i % 4}`, label: s.label, labelX: r(x(end)) + 6, labelY };
  });
  const step = maxY <= 5 ? 1 : Math.ceil(maxY / 5);
  const yTicks = [];
  for (let v = 0; v <= maxY; v += step) yTicks.push({ y: r(y(v)), label: String(v) });
  const xStep = niceStep(end);
  const xTicks = [];
  for (let t = 0; t <= end; t += xStep) xTicks.push({ x: r(x(t)), label: fmtTime(t) });
  return { width: W, height: H, lines, yTicks, xTicks, axis: { x1: LEFT, x2: LEFT + plotW, y1: TOP, y2: TOP + plotH }, caption: { en: `${yLabel.en} over virtual time (0 to ${fmtTime(end)})`, zh: `${yLabel.zh}随虚拟时间的变化（0 到 ${fmtTime(end)}）` } };
}

function niceStep(end: number): number {
  for (const s of [5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400]) if (end / s <= 8) return s;
  return 21600;
}

function fmtTime(t: number): string {
  if (t < 120) return `${t}s`;
  if (t % 60 === 0 && t < 7200) return `${t / 60}m`;
  return `${Math.round(t / 60)}m`;
}

const ENDED: Record<ControllersResult['rolloutStatus'][number]['ended'], Text> = {
  done: { en: 'done', zh: '已完成' },
  error: { en: 'exited with an error (exit code 1)', zh: '报错退出（退出码 1）' },
  running: { en: 'still waiting when the simulation ended', zh: '模拟结束时仍在等待' },
};

const ACTIONS: Record<string, Text> = {
  setImage: { en: 'kubectl set image', zh: 'kubectl set image' },
  rolloutUndo: { en: 'kubectl rollout undo', zh: 'kubectl rollout undo' },
  scale: { en: 'kubectl scale', zh: 'kubectl scale' },
  pause: { en: 'kubectl rollout pause', zh: 'kubectl rollout pause' },
  resume: { en: 'kubectl rollout resume', zh: 'kubectl rollout resume' },
};

/** "at 30s, just before kubectl set image" / "30s 时，kubectl set image 之前". */
export function momentLabel(s: ControllersResult['snapshots'][number]): Text {
  const m = s.moment;
  if (m.kind === 'action') return { en: `at ${s.at}s, just before ${ACTIONS[m.action]?.en ?? m.action}`, zh: `${s.at}s 时，${ACTIONS[m.action]?.zh ?? m.action} 之前` };
  if (m.kind === 'end') return { en: `at ${s.at}s (the end)`, zh: `${s.at}s 时（结束）` };
  if (m.kind === 'budget') return { en: `at ${s.at}s (stopped by a budget)`, zh: `${s.at}s 时（因预算停止）` };
  return { en: `at ${s.at}s`, zh: `${s.at}s 时` };
}

export function buildView(output: { result: ControllersResult }): ControllersView {
  const r = output.result;
  const timelines = r.timelines.map((tl) => {
    const series = tl.replicaSets.map((rs) => ({ label: `rev ${rs.revision ?? '?'} ${rs.image}`, points: rs.points.map((p) => ({ at: p.at, value: p.replicas })) }));
    const times = [...new Set(tl.replicaSets.flatMap((rs) => rs.points.map((p) => p.at)))].sort((a, b) => a - b);
    const rows = times.map((t) => [sec(t), ...tl.replicaSets.map((rs) => {
      const p = [...rs.points].reverse().find((q) => q.at <= t);
      return p ? `${p.replicas} (${p.ready} ready)` : '–';
    })]);
    return {
      deployment: tl.deployment,
      chart: stepChart(series, r.stoppedAtSeconds, { en: `spec.replicas of each ReplicaSet of deployment/${tl.deployment}`, zh: `deployment/${tl.deployment} 各 ReplicaSet 的 spec.replicas ` }),
      table: { header: ['t', ...tl.replicaSets.map((rs) => `${rs.name} (rev ${rs.revision ?? '?'}, ${rs.image})`)], rows: rows.slice(-200) },
    };
  });
  const hpas = r.hpas.map((h) => ({
    name: h.name,
    chart: stepChart([{ label: `${h.target} replicas`, points: [{ at: 0, value: h.syncs[0]?.currentReplicas ?? h.currentReplicas }, ...h.syncs.map((s) => ({ at: s.at, value: s.desiredReplicas }))] }], r.stoppedAtSeconds, { en: `replicas chosen by HPA ${h.name} at each sync`, zh: `HPA ${h.name} 每次同步选定的副本数` }),
    rows: h.syncs.slice(0, 300).map((s) => [sec(s.at), String(s.currentReplicas), s.utilization === null ? '<unknown>' : `${s.utilization}%`, s.proposed === null ? '–' : String(s.proposed), String(s.desiredReplicas), s.event ?? (s.conditions.find((c) => c.type === 'ScalingLimited' && c.status === 'True')?.reason ?? '')]),
  }));
  return {
    actions: r.actions.map((a) => ({ at: sec(a.at), command: a.command, output: a.output, error: a.error })),
    snapshots: r.snapshots.map((s) => ({ label: momentLabel(s), blocks: s.tables.map((t) => ({ command: t.command, text: t.text })) })),
    deployments: r.deployments.map((d) => ({
      name: d.name,
      conditions: d.conditions,
      summary: {
        en: `${d.strategy}${d.strategy === 'RollingUpdate' ? ` (maxSurge ${d.maxSurge}, maxUnavailable ${d.maxUnavailable} Pods)` : ''}, revision ${d.revision}${d.paused ? ', paused' : ''}`,
        zh: `${d.strategy}${d.strategy === 'RollingUpdate' ? `（maxSurge ${d.maxSurge} 个 Pod，maxUnavailable ${d.maxUnavailable} 个 Pod）` : ''}，修订 ${d.revision}${d.paused ? '，已暂停' : ''}`,
      },
    })),
    rolloutStatus: r.rolloutStatus.map((s) => ({ command: s.command, startedAt: sec(s.startedAt), text: s.lines.map((l) => l.text).join('\n'), ended: ENDED[s.ended] })),
    rolloutHistory: r.rolloutHistory.map((h) => ({ command: `kubectl rollout history deployment/${h.deployment}`, text: h.text })),
    timelines,
    hpas,
    events: r.events.map((e) => ({ at: sec(e.at), type: e.type, reason: e.reason, object: e.object, message: e.message, warning: e.type === 'Warning' })),
    eventsDropped: r.eventsDropped,
    truncated: r.truncated ? { en: `Stopped at ${r.truncated.at}s: the ${r.truncated.reason} budget (${r.truncated.limit}) was reached.`, zh: `在 ${r.truncated.at}s 停止：达到了 ${r.truncated.reason} 预算（${r.truncated.limit}）。` } : null,
  };
}
