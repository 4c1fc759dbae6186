// The containers result → what the partial prints: the cgroup tree as indented rows and an SVG tree,
// the image filesystem as a table with one column per layer.
import type { SimulationOutput } from '../shared/engine.ts';
import type { ContainersResult } from './engine.ts';

export interface ContainersView {
  loads: { container: string; cpu: string; cpuStat: string; memory: string; outcome: string; bad: boolean }[];
  cgroups: { indent: string; name: string; path: string; writer: string; qos: string; files: { name: string; value: string }[] }[];
  tree: { width: number; height: number; boxes: { x: number; y: number; w: number; label: string; sub: string; cls: string }[]; links: { x1: number; y1: number; x2: number; y2: number }[] } | null;
  images: {
    name: string;
    layers: { index: number; createdBy: string }[];
    rows: { path: string; type: string; cells: string[]; from: string; hidden: boolean }[];
    upper: { path: string; type: string; note: string }[];
    ops: { op: string; path: string; effect: string; message: string }[];
  }[];
}

const ROW = 34;
const COL = 150;

export function buildView(output: SimulationOutput<ContainersResult>): ContainersView {
  const r = output.result;
  const cgroups = r.cgroups.map((n) => ({
    indent: '  '.repeat(n.depth), name: n.name, path: n.path, writer: n.writer, qos: n.qosClass ?? '',
    files: Object.entries(n.files).map(([name, value]) => ({ name, value })),
  }));
  let tree: ContainersView['tree'] = null;
  if (r.cgroups.length) {
    const boxes: NonNullable<ContainersView['tree']>['boxes'] = [];
    const links: NonNullable<ContainersView['tree']>['links'] = [];
    const pos = new Map<string, { x: number; y: number }>();
    r.cgroups.forEach((n, i) => {
      const x = 6 + n.depth * 40;
      const y = 6 + i * ROW;
      pos.set(n.path, { x, y });
      const parent = n.path.includes('/') ? pos.get(n.path.slice(0, n.path.lastIndexOf('/'))) : undefined;
      if (parent) links.push({ x1: parent.x + 10, y1: parent.y + 24, x2: parent.x + 10, y2: y + 12 }, { x1: parent.x + 10, y1: y + 12, x2: x, y2: y + 12 });
      const label = n.kind === 'container' ? `container ${n.container}` : n.kind === 'pod' ? `pod ${n.pod}` : n.name;
      const sub = ['cpu.weight', 'cpu.max', 'memory.max', 'memory.min', 'memory.low'].filter((f) => n.files[f]).map((f) => `${f} ${n.files[f]}`).join(' · ');
      boxes.push({ x, y, w: COL * 4, label, sub, cls: `containers-${n.kind}${n.qosClass ? ` containers-${n.qosClass.toLowerCase()}` : ''}` });
    });
    tree = { width: 6 + 4 * 40 + COL * 4 + 10, height: 12 + r.cgroups.length * ROW, boxes, links };
  }
  const images = r.images.map((img) => {
    const paths = new Set<string>();
    const imagePaths = new Map(img.image.map((e) => [e.path, e]));
    const merged = new Map(img.merged.map((e) => [e.path, e]));
    for (const s of img.steps) for (const p of [...s.added, ...s.replaced]) paths.add(p);
    for (const e of img.merged) paths.add(e.path);
    const rows = [...paths].sort().map((path) => {
      const cells = img.layers.map((l) => {
        const s = img.steps[l.index];
        if (s.whiteouts.some((w) => w.path === path || w.hidden.includes(path))) return 'whiteout';
        if (s.opaque.some((o) => o.hidden.includes(path))) return 'opaque';
        if (s.replaced.includes(path)) return 'replaced';
        if (s.added.includes(path)) return 'added';
        return '';
      });
      const m = merged.get(path);
      const ie = imagePaths.get(path);
      const from = m ? (m.source === 'upper' ? 'upper (container)' : `layer ${m.fromLayer}`) : ie ? 'deleted in container' : 'hidden';
      return { path: `/${path}`, type: (m ?? ie)?.type ?? '', cells, from, hidden: !m };
    });
    return {
      name: img.name,
      layers: img.layers.map((l) => ({ index: l.index, createdBy: l.createdBy })),
      rows,
      upper: img.upper.map((u) => ({ path: `/${u.path}`, type: u.type, note: u.copiedUpFromLayer !== undefined ? `copied up from layer ${u.copiedUpFromLayer}` : '' })),
      ops: img.ops.map((o) => ({ op: o.op, path: `/${o.path}`, effect: o.effect, message: o.message })),
    };
  });
  const loads = (r.loads ?? []).map((l) => ({
    container: `${l.pod}/${l.container}`,
    cpu: `${l.cpu.demandMilli}m wanted, ${l.cpu.limitMilli === null ? 'no limit' : `${l.cpu.limitMilli}m allowed`}`,
    cpuStat: `nr_periods ${l.cpu.nrPeriods}, nr_throttled ${l.cpu.nrThrottled}, usage_usec ${l.cpu.usageUsec}`,
    memory: `${l.memory.usageBytes} of ${l.memory.maxBytes === null ? 'max' : l.memory.maxBytes}`,
    outcome: l.memory.oomKilled ? `OOMKilled (exit code ${l.memory.exitCode}), memory.events oom_kill 1` : l.cpu.throttled ? 'running, throttled' : 'running',
    bad: l.memory.oomKilled,
  }));
  return { loads, cgroups, tree, images };
}
