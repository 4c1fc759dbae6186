// Turns the simulation output into what the templates draw: SVG polylines for each
// container's memory with its request and limit, kill markers, the node's
// available memory against the eviction threshold, and formatted tables.

import { formatBinarySI } from '../apimachinery/quantity.ts';
import type { SimulationOutput } from '../shared/engine.ts';
import type { ContainerResult, MemoryResult } from './simulate.ts';
import { formatTable } from '../kubectl/get-pods.ts';

const W = 600;
const H = 140;
const PAD = 4;

export interface ChartLine {
  y: number;
  label: string;
}

export interface ContainerChart {
  title: string;
  points: string;
  request: ChartLine | null;
  limit: ChartLine | null;
  kills: { x: number; y: number; label: string }[];
  peak: string;
}

export interface ResourcesView {
  width: number;
  height: number;
  charts: ContainerChart[];
  node: { points: string; thresholds: ChartLine[]; pressure: { x: number; width: number }[]; max: string; minAvailable: string };
  timeAxis: { x: number; label: string }[];
  rows: (ContainerResult & { qosClass: string; phase: string; exitCodeText: string })[];
  ranking: MemoryResult['evictions'][number] | null;
  describes: { pod: string; text: string }[];
  /** `kubectl get pods` at the end of the run. */
  getPods: string;
  /** Why the run stopped early, if it did. */
  truncated: string | null;
}

function scaleX(t: number, duration: number): number {
  return duration === 0 ? PAD : PAD + ((W - 2 * PAD) * t) / duration;
}

function scaleY(bytes: number, max: number): number {
  return max === 0 ? H - PAD : H - PAD - ((H - 2 * PAD) * Math.min(bytes, max)) / max;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * @example buildView(output).charts[0].points // "4,136 5,135.2 ..."
 */
export function buildView(output: SimulationOutput<MemoryResult>): ResourcesView {
  const r = output.result;
  const duration = r.durationSeconds;
  const times = r.sampleTimes;
  const charts: ContainerChart[] = r.containers
    .filter((c) => c.kind !== 'init' && c.samples.length > 0)
    .map((c) => {
      const max = Math.max(1, c.limitBytes ?? 0, c.requestBytes, ...c.samples) * 1.1;
      const points = c.samples.map((b, i) => `${round(scaleX(times[i], duration))},${round(scaleY(b, max))}`).join(' ');
      return {
        title: `${c.pod} / ${c.name}`,
        points,
        request: c.requestBytes > 0 ? { y: round(scaleY(c.requestBytes, max)), label: `request ${c.request}` } : null,
        limit: c.limitBytes !== null ? { y: round(scaleY(c.limitBytes, max)), label: `limit ${c.limit}` } : null,
        kills: c.oomKills.map((k) => ({ x: round(scaleX(k.at, duration)), y: round(scaleY(c.limitBytes ?? c.peakBytes, max)), label: `OOMKilled at ${k.at}s${k.scope === 'node' ? ' (node OOM)' : ''}` })),
        peak: formatBinarySI(c.peakBytes),
      };
    });
  const cap = r.node.capacityBytes;
  const nodePoints = r.node.availableSamples.map((b, i) => `${round(scaleX(times[i], duration))},${round(scaleY(Math.max(0, b), cap))}`).join(' ');
  const pressure: { x: number; width: number }[] = [];
  r.node.memoryPressure.forEach((p, i, all) => {
    if (p.status !== 'True') return;
    const end = all[i + 1]?.at ?? duration;
    const x = scaleX(p.at, duration);
    pressure.push({ x: round(x), width: round(scaleX(end, duration) - x) });
  });
  const timeAxis = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: round(scaleX(duration * f, duration)), label: `${Math.round((duration * f) / 60)}m` }));
  const pods = new Map(r.pods.map((p) => [p.name, p]));
  return {
    width: W,
    height: H,
    charts,
    node: {
      points: nodePoints,
      thresholds: r.node.thresholds.map((t) => ({ y: round(scaleY(t.bytes, cap)), label: `${t.signal}<${t.value}${t.kind === 'soft' ? ` (soft, ${t.gracePeriodSeconds}s)` : ''}` })),
      pressure,
      max: r.node.capacity,
      minAvailable: r.node.minAvailable,
    },
    timeAxis,
    rows: r.containers.map((c) => ({
      ...c,
      qosClass: pods.get(c.pod)?.qosClass ?? '',
      phase: pods.get(c.pod)?.phase ?? '',
      exitCodeText: c.exitCode === null ? '—' : String(c.exitCode),
    })),
    ranking: r.evictions[0] ?? null,
    describes: r.pods.filter((p) => p.describe).map((p) => ({ pod: p.name, text: p.describe as string })),
    truncated: r.truncated ? `The run stopped at ${r.truncated.at}s: ${r.truncated.limit} OOM kills is as many as one run computes. Shorten spec.duration or simulate fewer containers to see the rest.` : null,
    getPods: formatTable([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ...r.pods.filter((p) => p.getPods).map((p) => [p.name, p.getPods!.ready, p.getPods!.status, p.getPods!.restarts, p.getPods!.age]),
    ]),
  };
}
