// A storage cell's input: real Kubernetes objects (PersistentVolume, PersistentVolumeClaim,
// StorageClass, Pod, StatefulSet, Node, Namespace) that go through the simulated API server,
// plus the notebook's own kind for what is not an API object:
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: StorageScenario
//   spec:
//     until: 2m                  virtual time to run (Go duration; default 2m)
//     snapshots: [5s, 30s]       extra moments to print `kubectl get pv,pvc` (each action and the end always are)
//     provisioners:              the CSI drivers' controller plugins (external-provisioner); a class whose
//       - name: ebs.csi.aws.com  provisioner is not listed gets one that runs, is not zonal and takes 2s
//         provisioningTime: 3s   CreateVolume/DeleteVolume take this long (default 2s)
//         zonal: true            its volumes get node affinity to one zone (topology.kubernetes.io/zone)
//         running: false         the driver is not installed: nobody answers the claims
//     actions:                   kubectl commands over virtual time, one per item:
//       - at: 30s
//         delete: { kind: PersistentVolumeClaim, name: data }     # or Pod, PersistentVolume, StatefulSet
//       - at: 40s
//         scale: { statefulSet: web, replicas: 1 }
//       - at: 50s
//         cordon: { node: node-a }
//       - at: 60s
//         removeClaimRef: { persistentVolume: pv-1 }   # kubectl patch pv pv-1 --type=json -p='[{"op":"remove","path":"/spec/claimRef"}]'
//
// A built-in object is created at t = 0, or later with the annotation
// kube-notebook.dev/create-at: "30s" (removed before it is sent to the API server).
// Without Nodes, two are added: node-a in zone-a and node-b in zone-b.
// Errors point at the field (object + path), so the runtime shows the YAML line.

import { isBuiltIn } from '../kubectl/create.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import { durationField as duration, isFieldMap as isObj, knownFields, stringField as str } from '../shared/notebook-fields.ts';
import type { ProvisionerSpec } from './csi-provisioner.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const CREATE_AT_ANNOTATION = 'kube-notebook.dev/create-at';
export const SUPPORTED_KINDS = ['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'Pod', 'StatefulSet', 'Node', 'Namespace'] as const;
export const DEFAULT_UNTIL_MS = 2 * 60_000;
/** The PV controller resyncs every claim and volume every 15 s: half an hour is 120 resyncs. */
export const MAX_UNTIL_MS = 30 * 60_000;
export const MAX_OBJECTS = 100;
export const MAX_NODES = 20;
export const MAX_REPLICAS = 20;
export const MAX_ACTIONS = 40;
export const DEFAULT_PROVISIONING_MS = 2000;

export type Action =
  | { kind: 'delete'; atMs: number; target: { kind: string; name: string; namespace: string } }
  | { kind: 'scale'; atMs: number; statefulSet: string; namespace: string; replicas: number }
  | { kind: 'cordon'; atMs: number; node: string }
  | { kind: 'removeClaimRef'; atMs: number; persistentVolume: string };

export interface StorageInput {
  /** Built-in objects and when to create them (ms), in document order. */
  objects: { object: object; atMs: number }[];
  untilMs: number;
  snapshots: number[];
  provisioners: ProvisionerSpec[];
  actions: (Action & { object: object; path: FieldPath })[];
  scenarioObject?: object;
}

type Obj = Record<string, unknown>;




const ACTION_KINDS = ['delete', 'scale', 'cordon', 'removeClaimRef'] as const;
const DELETABLE: Record<string, string> = { PersistentVolumeClaim: 'PersistentVolumeClaim', pvc: 'PersistentVolumeClaim', PersistentVolume: 'PersistentVolume', pv: 'PersistentVolume', Pod: 'Pod', pod: 'Pod', StatefulSet: 'StatefulSet', sts: 'StatefulSet', StorageClass: 'StorageClass' };

function readActions(object: Obj, spec: Obj): StorageInput['actions'] {
  if (spec.actions === undefined || spec.actions === null) return [];
  if (!Array.isArray(spec.actions)) throw new ValidationError('Invalid value: must be a list of actions', { object, path: ['spec', 'actions'] });
  if (spec.actions.length > MAX_ACTIONS) throw new LimitExceededError(`at most ${MAX_ACTIONS} actions, got ${spec.actions.length}`, { object, path: ['spec', 'actions'] });
  return spec.actions.map((a: unknown, i: number) => {
    const path: FieldPath = ['spec', 'actions', i];
    if (!isObj(a)) throw new ValidationError('Invalid value: must be a mapping with at and one action', { object, path });
    knownFields(object, path, a, ['at', ...ACTION_KINDS]);
    const kinds = ACTION_KINDS.filter((k) => a[k] !== undefined && a[k] !== null);
    if (kinds.length !== 1) throw new ValidationError(`Required value: exactly one of ${ACTION_KINDS.join(', ')}`, { object, path });
    const kind = kinds[0];
    const body = a[kind];
    if (!isObj(body)) throw new ValidationError('Invalid value: must be a mapping', { object, path: [...path, kind] });
    const atMs = duration(object, [...path, 'at'], a.at);
    const p = (f: string): FieldPath => [...path, kind, f];
    if (kind === 'delete') {
      knownFields(object, [...path, kind], body, ['kind', 'name', 'namespace']);
      const k = str(object, p('kind'), body.kind)!;
      const target = DELETABLE[k];
      if (!target) throw new ValidationError(`Unsupported value: ${describeValue(k)}: supported values: "PersistentVolumeClaim", "PersistentVolume", "Pod", "StatefulSet", "StorageClass"`, { object, path: p('kind') });
      return { kind, atMs, target: { kind: target, name: str(object, p('name'), body.name)!, namespace: str(object, p('namespace'), body.namespace, false) ?? 'default' }, object, path };
    }
    if (kind === 'scale') {
      knownFields(object, [...path, kind], body, ['statefulSet', 'replicas', 'namespace']);
      const replicas = body.replicas;
      if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) throw new ValidationError(`Invalid value: ${describeValue(replicas)}: must be an integer greater than or equal to 0`, { object, path: p('replicas') });
      if (replicas > MAX_REPLICAS) throw new LimitExceededError(`must be at most ${MAX_REPLICAS} in this simulation, got ${replicas}`, { object, path: p('replicas') });
      return { kind, atMs, statefulSet: str(object, p('statefulSet'), body.statefulSet)!, namespace: str(object, p('namespace'), body.namespace, false) ?? 'default', replicas, object, path };
    }
    if (kind === 'cordon') {
      knownFields(object, [...path, kind], body, ['node']);
      return { kind, atMs, node: str(object, p('node'), body.node)!, object, path };
    }
    knownFields(object, [...path, kind], body, ['persistentVolume']);
    return { kind, atMs, persistentVolume: str(object, p('persistentVolume'), body.persistentVolume)!, object, path };
  });
}

function readProvisioners(object: Obj, spec: Obj): ProvisionerSpec[] {
  if (spec.provisioners === undefined || spec.provisioners === null) return [];
  if (!Array.isArray(spec.provisioners)) throw new ValidationError('Invalid value: must be a list', { object, path: ['spec', 'provisioners'] });
  if (spec.provisioners.length > 10) throw new LimitExceededError('at most 10 provisioners', { object, path: ['spec', 'provisioners'] });
  const seen = new Set<string>();
  return spec.provisioners.map((p: unknown, i: number) => {
    const path: FieldPath = ['spec', 'provisioners', i];
    if (!isObj(p)) throw new ValidationError('Invalid value: must be a mapping', { object, path });
    knownFields(object, path, p, ['name', 'provisioningTime', 'zonal', 'running']);
    const name = str(object, [...path, 'name'], p.name)!;
    if (seen.has(name)) throw new ValidationError(`Duplicate value: ${describeValue(name)}`, { object, path: [...path, 'name'] });
    seen.add(name);
    const bool = (f: 'zonal' | 'running', dflt: boolean) => {
      const v = p[f];
      if (v === undefined || v === null) return dflt;
      if (typeof v !== 'boolean') throw new ValidationError(`Invalid value: ${describeValue(v)}: must be true or false`, { object, path: [...path, f] });
      return v;
    };
    const provisioningMs = p.provisioningTime === undefined || p.provisioningTime === null ? DEFAULT_PROVISIONING_MS : duration(object, [...path, 'provisioningTime'], p.provisioningTime);
    if (provisioningMs > 3_600_000) throw new LimitExceededError('provisioningTime must be at most 1h', { object, path: [...path, 'provisioningTime'] });
    return { name, provisioningMs, zonal: bool('zonal', false), running: bool('running', true) };
  });
}

export function readInput(manifests: readonly Manifest[], maxVirtualTimeMs: number): StorageInput {
  const input: StorageInput = { objects: [], untilMs: DEFAULT_UNTIL_MS, snapshots: [], provisioners: [], actions: [] };
  let nodes = 0;
  for (const m of manifests) {
    const object = m.object as unknown as Obj;
    if (object.apiVersion === NOTEBOOK_API_VERSION) {
      if (object.kind !== 'StorageScenario') throw new ValidationError(`this cell takes kind StorageScenario of apiVersion ${NOTEBOOK_API_VERSION}, got kind ${describeValue(object.kind)}`, { object, path: ['kind'], document: m.document });
      if (input.scenarioObject) throw new ValidationError('one StorageScenario per cell', { object, path: ['kind'], document: m.document });
      input.scenarioObject = object;
      if (!isObj(object.spec)) throw new ValidationError('Required value: a mapping', { object, path: ['spec'] });
      const spec = object.spec;
      knownFields(object, ['spec'], spec, ['until', 'snapshots', 'provisioners', 'actions']);
      if (spec.until !== undefined && spec.until !== null) input.untilMs = duration(object, ['spec', 'until'], spec.until);
      const cap = Math.min(MAX_UNTIL_MS, maxVirtualTimeMs);
      if (input.untilMs > cap) throw new LimitExceededError(`must be at most ${cap / 1000}s (the virtual time budget), got ${input.untilMs / 1000}s`, { object, path: ['spec', 'until'] });
      if (spec.snapshots !== undefined && spec.snapshots !== null) {
        if (!Array.isArray(spec.snapshots)) throw new ValidationError('Invalid value: must be a list of durations', { object, path: ['spec', 'snapshots'] });
        if (spec.snapshots.length > MAX_ACTIONS) throw new LimitExceededError(`at most ${MAX_ACTIONS} snapshots`, { object, path: ['spec', 'snapshots'] });
        input.snapshots = spec.snapshots.map((v: unknown, i: number) => duration(object, ['spec', 'snapshots', i], v));
        spec.snapshots.forEach((_: unknown, i: number) => {
          if (input.snapshots[i] > input.untilMs) throw new ValidationError(`Invalid value: ${input.snapshots[i] / 1000}s is after spec.until (${input.untilMs / 1000}s)`, { object, path: ['spec', 'snapshots', i] });
        });
      }
      input.provisioners = readProvisioners(object, spec);
      input.actions = readActions(object, spec);
      for (const a of input.actions) {
        if (a.atMs > input.untilMs) throw new ValidationError(`Invalid value: ${a.atMs / 1000}s is after spec.until (${input.untilMs / 1000}s)`, { object, path: [...a.path, 'at'] });
      }
      continue;
    }
    if (!isBuiltIn(object) || !(SUPPORTED_KINDS as readonly string[]).includes(String(object.kind))) {
      throw new ValidationError(`this cell runs ${SUPPORTED_KINDS.join(', ')} (and StorageScenario of ${NOTEBOOK_API_VERSION}); nothing here acts on ${String(object.apiVersion)} ${String(object.kind)}`, { object, path: ['kind'], document: m.document });
    }
    if (input.objects.length >= MAX_OBJECTS) throw new LimitExceededError(`at most ${MAX_OBJECTS} objects in this simulation`, { object, path: ['kind'], document: m.document });
    if (object.kind === 'Node' && ++nodes > MAX_NODES) throw new LimitExceededError(`at most ${MAX_NODES} Nodes in this simulation`, { object, path: ['kind'], document: m.document });
    if (object.kind === 'StatefulSet' && isObj(object.spec) && typeof object.spec.replicas === 'number' && object.spec.replicas > MAX_REPLICAS) {
      throw new LimitExceededError(`must be at most ${MAX_REPLICAS} in this simulation, got ${object.spec.replicas}`, { object, path: ['spec', 'replicas'] });
    }
    let atMs = 0;
    const meta = isObj(object.metadata) ? object.metadata : undefined;
    const ann = meta && isObj(meta.annotations) ? meta.annotations : undefined;
    if (ann && ann[CREATE_AT_ANNOTATION] !== undefined) {
      atMs = duration(object, ['metadata', 'annotations', CREATE_AT_ANNOTATION], ann[CREATE_AT_ANNOTATION]);
      if (object.kind === 'Node' || object.kind === 'Namespace') throw new ValidationError('Forbidden: Nodes and Namespaces exist from the start', { object, path: ['metadata', 'annotations', CREATE_AT_ANNOTATION] });
    }
    input.objects.push({ object, atMs });
  }
  for (const o of input.objects) {
    if (o.atMs > input.untilMs) throw new ValidationError(`Invalid value: ${o.atMs / 1000}s is after spec.until (${input.untilMs / 1000}s)`, { object: o.object, path: ['metadata', 'annotations', CREATE_AT_ANNOTATION] });
  }
  return input;
}

/** A copy of the object without the notebook's create-at annotation (the API server would keep it). */
export function withoutCreateAt(object: object): object {
  const clone = structuredClone(object) as Obj;
  const meta = isObj(clone.metadata) ? clone.metadata : undefined;
  if (meta && isObj(meta.annotations)) {
    delete meta.annotations[CREATE_AT_ANNOTATION];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  return clone;
}
