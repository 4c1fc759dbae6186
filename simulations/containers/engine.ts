// The containers engine (chapter 15): Pods on a node → the kubelet's cgroup v2 tree with every file the
// kubelet and the runtime write; an image's layers → the merged root filesystem, which layer each path
// comes from, what whiteouts hide, and what a running container's writes copy up.
import type { Engine, TraceStep } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import { buildHierarchy } from './hierarchy.ts';
import type { CgroupNode } from './hierarchy.ts';
import { applyLayersTraced, LayerError } from './layers.ts';
import type { LayerStep, ViewEntry } from './layers.ts';
import { applyWrites } from './overlay.ts';
import type { MergedEntry, OverlayOp, UpperEntry } from './overlay.ts';
import { readInput } from './schema.ts';
import { applyLoad } from './load.ts';
import type { LoadResult } from './load.ts';
import type { NodeSettings } from './hierarchy.ts';
import { buildView } from './view-model.ts';
import type { ContainersView } from './view-model.ts';

export interface ImageResult {
  name: string;
  layers: { index: number; createdBy: string; entries: number }[];
  /** The image's root filesystem (lowerdirs merged). */
  image: ViewEntry[];
  steps: LayerStep[];
  /** The container's view after its writes; fromLayer −1 = the upperdir. */
  merged: MergedEntry[];
  upper: UpperEntry[];
  ops: OverlayOp[];
}

export interface ContainersResult {
  node: string | null;
  settings: NodeSettings;
  cgroups: CgroupNode[];
  /** What each ContainerLoad does to its container's cgroup. */
  loads: LoadResult[];
  images: ImageResult[];
}

export const engine: Engine<ContainersResult, ContainersView> = {
  id: 'containers',
  version: '1',
  title: 'Containers: cgroups v2 and image layers',
  summary: 'Pods on a node answered with the kubelet’s cgroup v2 tree and the files the kubelet and the runtime write (cpu.weight, cpu.max, memory.max, memory.min/low); image layers answered with the merged filesystem, whiteouts and overlayfs copy-up.',
  view: 'containers/result',
  run(manifests) {
    const input = readInput(flattenLists(manifests));
    const trace: TraceStep[] = [];
    const { settings } = input;
    const cgroups = input.pods.length ? buildHierarchy(input.pods as never, settings) : [];
    if (input.pods.length) {
      trace.push({
        title: `kubepods.slice gets the node's allocatable: ${settings.allocatableMilliCPU}m CPU → cpu.weight ${cgroups[0].files['cpu.weight']}, memory.max ${settings.allocatableMemory}${input.defaultedAllocatable ? ' (no Node given: 4 CPUs, 8Gi assumed)' : ''}`,
        subject: 'kubepods.slice', source: 'pkg/kubelet/cm/node_container_manager_linux.go', level: 'info',
      });
      for (const n of cgroups) {
        if (n.kind === 'pod') {
          trace.push({
            title: `${n.pod} is ${n.qosClass}: pod cgroup ${Object.entries(n.files).map(([k, v]) => `${k}=${v}`).join(', ') || '(nothing written)'}`,
            subject: n.path, source: 'pkg/kubelet/cm/helpers_linux.go ResourceConfigForPod; cgroup_manager_linux.go getCPUWeight', level: 'decision',
          });
        } else if (n.kind === 'container') {
          trace.push({
            title: `container ${n.container} of ${n.pod}: the runtime writes ${Object.entries(n.files).map(([k, v]) => `${k}=${v}`).join(', ')}`,
            detail: `CRI cpu_shares ${n.config.cpuShares} → cpu.weight by the OCI runtime's ConvertCPUSharesToCgroupV2Value (not the kubelet's linear formula)`,
            subject: n.path, source: 'pkg/kubelet/kuberuntime/kuberuntime_container_linux.go; opencontainers/cgroups utils.go', level: 'info',
          });
        } else if (n.kind === 'qos') {
          trace.push({ title: `${n.name}: ${Object.entries(n.files).map(([k, v]) => `${k}=${v}`).join(', ')}`, subject: n.path, source: 'pkg/kubelet/cm/qos_container_manager_linux.go', level: 'info' });
        }
      }
    }
    const loads = input.loads.map((l) => {
      const name = l.pod.includes('/') ? l.pod : `default/${l.pod}`;
      const target = cgroups.find((n) => n.kind === 'container' && n.pod === name && n.container === l.container);
      if (!target) throw new ValidationError(`Not found: no container ${JSON.stringify(l.container)} in Pod ${JSON.stringify(name)} in this cell`, { object: l.object, path: ['spec', 'container'] });
      const r = applyLoad({ pod: name, container: l.container, files: target.files }, l);
      trace.push({
        title: r.cpu.throttled
          ? `${name}/${l.container} wants ${r.cpu.demandMilli}m but cpu.max allows ${r.cpu.limitMilli}m: throttled in ${r.cpu.nrThrottled} of ${r.cpu.nrPeriods} periods`
          : `${name}/${l.container} uses ${r.cpu.demandMilli}m CPU: ${r.cpu.limitMilli === null ? 'no quota (cpu.max max)' : 'under its quota'}, never throttled`,
        subject: target.path, source: 'Documentation/admin-guide/cgroup-v2.rst (cpu.max, cpu.stat)', level: r.cpu.throttled ? 'decision' : 'info',
      });
      trace.push({
        title: r.memory.oomKilled
          ? `${name}/${l.container} needs ${l.memoryBytes} bytes over memory.max ${r.memory.maxBytes}: the kernel's OOM killer kills it in its cgroup (OOMKilled, exit code 137)`
          : `${name}/${l.container} uses ${l.memoryBytes} bytes of memory: ${r.memory.maxBytes === null ? 'no memory.max on its cgroup' : 'under memory.max'}`,
        subject: target.path, source: 'Documentation/admin-guide/cgroup-v2.rst (memory.max, memory.events)', level: r.memory.oomKilled ? 'decision' : 'info',
      });
      return r;
    });
    const images: ImageResult[] = input.images.map((img) => {
      let traced;
      try {
        traced = applyLayersTraced(img.layers.map((l) => l.entries));
      } catch (e) {
        if (e instanceof LayerError) {
          throw new ValidationError(`Invalid value: ${e.message.replace(/^layer \d+, entry \d+: /, '')}`, { object: img.object, path: ['spec', 'layers', e.layer, 'entries', e.entry] });
        }
        throw e;
      }
      for (const s of traced.steps) {
        for (const o of s.opaque) trace.push({ title: `layer ${s.layer}: opaque whiteout in /${o.dir} hides ${o.hidden.length} lower path(s)`, subject: img.name, source: 'opencontainers/image-spec layer.md (Opaque Whiteout)', level: 'decision' });
        for (const w of s.whiteouts) trace.push({ title: `layer ${s.layer}: whiteout .wh.${w.path.split('/').pop()} hides /${w.path}${w.hidden.length ? '' : ' (nothing below: no effect)'}`, subject: img.name, source: 'opencontainers/image-spec layer.md (Whiteouts)', level: 'decision' });
        if (s.replaced.length) trace.push({ title: `layer ${s.layer} replaces ${s.replaced.map((p) => `/${p}`).join(', ')}`, subject: img.name, source: 'opencontainers/image-spec layer.md (Changeset over existing files)', level: 'info' });
      }
      const written = applyWrites(traced.view, img.writes);
      for (const op of written.ops) trace.push({ title: op.message, subject: `${img.name}: ${op.op} /${op.path}`, source: 'Linux Documentation/filesystems/overlayfs.rst', level: op.effect === 'copy-up' || op.effect === 'whiteout' ? 'decision' : op.effect === 'error' ? 'warning' : 'info' });
      return {
        name: img.name,
        layers: img.layers.map((l, index) => ({ index, createdBy: l.createdBy, entries: l.entries.length })),
        image: traced.view, steps: traced.steps, merged: written.merged, upper: written.upper, ops: written.ops,
      };
    });
    return { result: { node: input.nodeName, settings, cgroups, loads, images }, trace };
  },
  viewModel: buildView,
};
