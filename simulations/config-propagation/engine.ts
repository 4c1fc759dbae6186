// The config-propagation engine (chapter 13): ConfigMaps and Secrets changed on a virtual
// clock, and when each container of each Pod sees the change, by how it consumes the data.
//
// The rules (Kubernetes v1.36):
// - env / envFrom: the kubelet resolves them when it creates the container
//   (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables): a running container never sees a change.
// - a configMap / secret / projected volume: the kubelet re-mounts it when it syncs the Pod
//   (volumemanager ReprocessPod → MarkRemountRequired; the volume plugins' RequiresRemount is
//   true), reading the watch-based cache (configMapAndSecretChangeDetectionStrategy: Watch). With
//   nothing else happening, a Pod is synced again wait.Jitter(syncFrequency, 0.5) after its last
//   sync (pkg/kubelet/pod_workers.go completeWork, workerResyncIntervalJitterFactor = 0.5;
//   syncFrequency defaults to 1m): so the change lands at the next sync, at most 1.5 × syncFrequency
//   after the change, and the files change at once (pkg/volume/util/atomic_writer.go swaps ..data).
// - a volume mounted with subPath: a bind mount of one file, never updated (documented limitation).
// - an immutable ConfigMap or Secret: the API server refuses the change
//   (ValidateConfigMapUpdate / ValidateSecretUpdate).

import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects, isBuiltIn } from '../kubectl/create.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import { buildView } from './view-model.ts';
import type { PropagationView } from './view-model.ts';

const OWN = 'kube-notebook.dev/v1alpha1';
const JITTER = 0.5; // pod_workers.go workerResyncIntervalJitterFactor
const MAX_CHANGES = 50;
const MAX_UNTIL = 24 * 3600;

export interface ConsumerOutcome {
  pod: string;
  container: string;
  /** env, envFrom, volume, volume (subPath) */
  how: string;
  source: string;
  /** For each accepted change of this source: when the container can first see it. */
  sees: { change: number; atSeconds: number; verdict: 'next-sync' | 'never' ; earliest: number | null; latest: number | null }[];
}

export interface PropagationResult {
  syncFrequencySeconds: number;
  changes: { index: number; atSeconds: number; kind: string; name: string; accepted: boolean; message: string }[];
  consumers: ConsumerOutcome[];
}

function num(o: JsonObject, f: string, def: number, max: number): number {
  const v = o[f];
  if (v === undefined || v === null) return def;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ValidationError('must be a non-negative number', { object: o, path: [f] });
  if (v > max) throw new LimitExceededError(`at most ${max}`, { object: o, path: [f] });
  return v;
}

/**
 * When the first periodic sync after a change at `c` can happen, for a Pod started (and synced)
 * at 0 with nothing else syncing it: the n-th sync falls in [n·F, n·F·(1 + 0.5)).
 * earliest: c itself if some n-th sync can fall at c, else the next n·F; latest: the latest sync
 * that can still come at or before c, plus F·1.5 (exclusive).
 *
 * @example syncWindow(30, 60) // { earliest: 60, latest: 90 }: the first resync is in [60, 90)
 */
export function syncWindow(c: number, F: number): { earliest: number; latest: number } {
  let latestPrev = 0;
  let earliest = Number.POSITIVE_INFINITY;
  for (let n = 1; n * F <= c + F; n++) {
    const lo = n * F;
    const hi = n * F * (1 + JITTER);
    if (lo <= c) latestPrev = Math.max(latestPrev, Math.min(c, hi));
    if (lo <= c && c < hi) earliest = Math.min(earliest, c);
    if (lo > c) earliest = Math.min(earliest, lo);
  }
  return { earliest, latest: latestPrev + F * (1 + JITTER) };
}

export function runPropagation(objects: readonly JsonObject[]): { result: PropagationResult; trace: TraceStep[] } {
  const trace: TraceStep[] = [];
  const own = objects.filter((o) => o.apiVersion === OWN);
  if (own.length !== 1 || own[0].kind !== 'ConfigChangeList') throw new ValidationError(`add exactly one ${OWN} ConfigChangeList saying what changes when`, own[0] ? { object: own[0], path: ['kind'] } : {});
  const spec = asObject(own[0].spec);
  if (!spec) throw new ValidationError('Required value', { object: own[0], path: ['spec'] });
  const syncFrequency = num(spec, 'syncFrequencySeconds', 60, 3600);
  if (syncFrequency === 0) throw new ValidationError('must be greater than 0', { object: spec, path: ['syncFrequencySeconds'] });
  const builtIns = objects.filter((o) => o !== own[0]);
  for (const o of builtIns) {
    if (!isBuiltIn(o)) throw new ValidationError(`no kind "${o.kind}" is registered for version "${o.apiVersion}"`, { object: o, path: ['kind'] });
    if (!['ConfigMap', 'Secret', 'Pod', 'Namespace'].includes(asString(o.kind))) throw new ValidationError(`this simulation reads ConfigMaps, Secrets, Pods and Namespaces, not ${o.kind}`, { object: o, path: ['kind'] });
  }
  const api = freshApiServer();
  admitObjects(api, builtIns, 'seed');
  trace.push({ title: `t=0: the Pods start; each container's env is resolved now and volumes are mounted`, source: 'pkg/kubelet/kubelet_pods.go makeEnvironmentVariables' });

  const rawChanges = asList(spec.changes);
  if (rawChanges.length > MAX_CHANGES) throw new LimitExceededError(`at most ${MAX_CHANGES} changes`, { object: spec, path: ['changes'] });
  const changes: PropagationResult['changes'] = [];
  rawChanges.forEach((raw, index) => {
    const c = asObject(raw);
    if (!c) throw new ValidationError('must be an object', { object: spec, path: ['changes', index] });
    const at = num(c, 'atSeconds', 0, MAX_UNTIL);
    const kind = asString(c.kind) || 'ConfigMap';
    if (kind !== 'ConfigMap' && kind !== 'Secret') throw new ValidationError(`Unsupported value: "${kind}": supported values: "ConfigMap", "Secret"`, { object: c, path: ['kind'] });
    const name = asString(c.name);
    const namespace = asString(c.namespace) || 'default';
    const stored = api.peek({ apiVersion: 'v1', kind, namespace, name });
    if (!stored) throw new ValidationError(`${kind === 'ConfigMap' ? 'configmaps' : 'secrets'} "${name}" not found`, { object: c, path: ['name'] });
    // The new data replaces the old (a Secret's values are base64, as in its manifest).
    const data = asObject(c.data);
    if (!data) throw new ValidationError('Required value: the new data', { object: c, path: ['data'] });
    const r = api.update({ ...stored, data });
    const accepted = r.code < 400;
    // What kubectl apply prints: "configured", or "The <Kind> "<name>" is invalid: ..." for a 422.
    const message = accepted ? `${kind.toLowerCase()}/${name} configured` : r.code === 422 ? `The ${asString(r.message)}` : `Error from server: ${asString(r.message)}`;
    changes.push({ index, atSeconds: at, kind, name: `${namespace}/${name}`, accepted, message });
    trace.push({ title: `t=${at}s: ${kind} ${namespace}/${name} ${accepted ? 'changed' : 'NOT changed (refused)'}`, detail: accepted ? undefined : asString(r.message), source: accepted ? 'the API server; the kubelet\'s watch-based cache sees it within moments' : 'pkg/apis/core/validation ValidateConfigMapUpdate / ValidateSecretUpdate', level: accepted ? 'info' : 'warning' });
  });

  const consumers: ConsumerOutcome[] = [];
  const pods = (api.list('v1', 'Pod').items ?? []) as JsonObject[];
  for (const pod of pods) {
    const meta = asObject(pod.metadata) ?? {};
    const ns = asString(meta.namespace) || 'default';
    const podName = `${ns}/${asString(meta.name)}`;
    const podSpec = asObject(pod.spec) ?? {};
    // volume name → the ConfigMaps/Secrets it reads
    const volumeSources = new Map<string, string[]>();
    for (const v of asList(podSpec.volumes).map((x) => asObject(x) ?? {})) {
      const srcs: string[] = [];
      const cm = asObject(v.configMap);
      if (cm) srcs.push(`ConfigMap ${ns}/${asString(cm.name)}`);
      const sec = asObject(v.secret);
      if (sec) srcs.push(`Secret ${ns}/${asString(sec.secretName)}`);
      for (const s of asList(asObject(v.projected)?.sources).map((x) => asObject(x) ?? {})) {
        if (asObject(s.configMap)) srcs.push(`ConfigMap ${ns}/${asString(asObject(s.configMap)?.name)}`);
        if (asObject(s.secret)) srcs.push(`Secret ${ns}/${asString(asObject(s.secret)?.name)}`);
      }
      volumeSources.set(asString(v.name), srcs);
    }
    const containers = [...asList(podSpec.initContainers), ...asList(podSpec.containers)].map((x) => asObject(x) ?? {});
    for (const c of containers) {
      const cname = asString(c.name);
      const uses: { how: string; source: string }[] = [];
      for (const e of asList(c.env).map((x) => asObject(x) ?? {})) {
        const vf = asObject(e.valueFrom);
        if (asObject(vf?.configMapKeyRef)) uses.push({ how: `env ${asString(e.name)}`, source: `ConfigMap ${ns}/${asString(asObject(vf?.configMapKeyRef)?.name)}` });
        if (asObject(vf?.secretKeyRef)) uses.push({ how: `env ${asString(e.name)}`, source: `Secret ${ns}/${asString(asObject(vf?.secretKeyRef)?.name)}` });
      }
      for (const e of asList(c.envFrom).map((x) => asObject(x) ?? {})) {
        if (asObject(e.configMapRef)) uses.push({ how: 'envFrom', source: `ConfigMap ${ns}/${asString(asObject(e.configMapRef)?.name)}` });
        if (asObject(e.secretRef)) uses.push({ how: 'envFrom', source: `Secret ${ns}/${asString(asObject(e.secretRef)?.name)}` });
      }
      for (const m of asList(c.volumeMounts).map((x) => asObject(x) ?? {})) {
        const subPath = asString(m.subPath);
        for (const src of volumeSources.get(asString(m.name)) ?? []) uses.push({ how: subPath ? `volume ${asString(m.mountPath)} (subPath ${subPath})` : `volume ${asString(m.mountPath)}`, source: src });
      }
      for (const u of uses) {
        const sees: ConsumerOutcome['sees'] = [];
        for (const ch of changes) {
          if (!ch.accepted || `${ch.kind} ${ch.name}` !== u.source) continue;
          const live = u.how.startsWith('volume') && !u.how.includes('(subPath');
          sees.push(live
            ? { change: ch.index, atSeconds: ch.atSeconds, verdict: 'next-sync', ...syncWindow(ch.atSeconds, syncFrequency) }
            : { change: ch.index, atSeconds: ch.atSeconds, verdict: 'never', earliest: null, latest: null });
        }
        consumers.push({ pod: podName, container: cname, how: u.how, source: u.source, sees });
      }
    }
  }
  for (const c of consumers) for (const s of c.sees) {
    trace.push({
      title: `${c.pod} ${c.container}, ${c.how}: ${s.verdict === 'never' ? `never sees the change at ${s.atSeconds}s` : `sees the change made at ${s.atSeconds}s between ${s.earliest}s and ${s.latest}s`}`,
      detail: s.verdict === 'never' ? (c.how.startsWith('env') ? 'Environment variables are set when the container is created; only a new container gets new values.' : 'A subPath mount is a bind mount of one file, outside the ..data symlink the kubelet swaps.') : `At the Pod's next periodic sync, wait.Jitter(${syncFrequency}s, 0.5) after the previous one, the volume is re-mounted from the cache and ..data is swapped atomically.`,
      source: s.verdict === 'never' ? 'pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; pkg/volume/util/subpath' : 'pkg/kubelet/pod_workers.go completeWork; pkg/volume/util/atomic_writer.go',
      level: 'decision',
    });
  }
  return { result: { syncFrequencySeconds: syncFrequency, changes, consumers }, trace };
}

export const engine: Engine<PropagationResult, PropagationView> = {
  id: 'config-propagation',
  version: '1',
  title: 'ConfigMap and Secret propagation',
  summary: 'ConfigMaps and Secrets changed on a virtual clock, and when each container sees the change: env, volume, subPath, immutable.',
  view: 'config-propagation/result',
  run(manifests) {
    return runPropagation(flattenLists(manifests).map((m) => m.object as JsonObject));
  },
  viewModel(output) {
    return buildView(output.result);
  },
};
