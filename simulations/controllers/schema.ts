// A controllers cell's input: real Kubernetes objects (Deployment, ReplicaSet,
// Job, CronJob, DaemonSet, HorizontalPodAutoscaler, Node, Pod, …) that go
// through the simulated API server, plus two of the notebook's own kinds
// (kube-notebook.dev/v1alpha1) for what is not an API object:
//
//   kind: ControllerScenario   how long to run, how the (stand-in) nodes run Pods, and a
//                              script of kubectl actions over virtual time
//     spec:
//       until: 5m               virtual time to run (Go duration; default 5m)
//       podStartup: 2s          binding → Running and Ready (default 2s)
//       pods:                   per image, the first match wins:
//         - image: nginx:1.28-typo
//           ready: false        Running, but the readiness probe never passes
//         - image: busybox:1.36
//           exitCode: 1         the container exits (restartPolicy Never Pods end Failed/Succeeded)
//           after: 5s
//       snapshots: [45s, 1m]    extra moments to print kubectl get at (each action and the end always are)
//       actions:
//         - at: 30s
//           setImage: { deployment: web, container: web, image: nginx:1.28 }
//         - at: 2m
//           rolloutUndo: { deployment: web }          # toRevision: 1 as --to-revision=1
//         - at: 1m
//           scale: { deployment: web, replicas: 6 }
//         - at: 1m
//           pause: { deployment: web }                # resume: { deployment: web }
//
//   kind: LoadProfile         CPU use of the Pods a selector picks, over time (what
//                             metrics-server would report to the HPA)
//     spec:
//       selector: { matchLabels: { app: web } }
//       steps:
//         - at: 0s
//           cpuPerPod: 400m     every Running Pod uses this much
//         - at: 3m
//           totalCpu: 1200m     or: this much in all, shared by the Running Pods
//
// Errors point at the field (object + path), so the runtime shows the YAML line.

import { labelSelectorAsSelector } from '../apimachinery/label-selector.ts';
import { Quantity } from '../apimachinery/quantity.ts';
import { isBuiltIn } from '../kubectl/create.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import { durationField as duration, intField as int, isFieldMap as isObj, knownFields, stringField as str } from '../shared/notebook-fields.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const NOTEBOOK_KINDS = ['ControllerScenario', 'LoadProfile'] as const;

/** Kinds this engine runs controllers for, or reads (the rest are refused: they would sit there doing nothing). */
export const SUPPORTED_KINDS = ['Deployment', 'ReplicaSet', 'Job', 'CronJob', 'DaemonSet', 'HorizontalPodAutoscaler', 'Node', 'Pod', 'Namespace'] as const;

// Budgets: every cell must end, and quickly (the fuzz deadline is 2 s).
export const DEFAULT_UNTIL_MS = 5 * 60_000;
export const MAX_UNTIL_MS = 24 * 3_600_000;
export const MAX_NODES = 50;
/** spec.replicas, parallelism, completions, HPA maxReplicas: at most this many each. */
export const MAX_REPLICAS = 100;
export const MAX_ACTIONS = 50;
export const MAX_LOAD_STEPS = 100;

export interface PodBehaviorRule {
  image: string;
  ready: boolean;
  startupMs?: number;
  exit?: { code: number; afterMs: number };
}

export type ActionKind = 'setImage' | 'rolloutUndo' | 'scale' | 'pause' | 'resume';
export interface ScenarioAction {
  atMs: number;
  kind: ActionKind;
  deployment: string;
  namespace: string;
  container?: string;
  image?: string;
  replicas?: number;
  toRevision?: number;
  changeCause?: string;
  /** Where it came from, to locate a refusal. */
  object: object;
  path: FieldPath;
}

export interface LoadStep {
  atMs: number;
  cpuPerPodMilli?: number;
  totalCpuMilli?: number;
}
export interface LoadProfileInput {
  name: string;
  namespace: string;
  matches: (labels: Record<string, string>) => boolean;
  steps: LoadStep[];
}

export interface ControllersInput {
  /** The built-in objects, in document order (Nodes are seeded first by the engine). */
  objects: object[];
  untilMs: number;
  podStartupMs: number;
  behaviors: PodBehaviorRule[];
  actions: ScenarioAction[];
  loads: LoadProfileInput[];
  /** Extra moments at which to print the kubectl tables (besides each action and the end). */
  snapshots: { atMs: number; path: FieldPath }[];
  scenarioObject?: object;
}

type Obj = Record<string, unknown>;




function milliCpu(object: object, path: FieldPath, value: unknown): number {
  if (typeof value !== 'string' && typeof value !== 'number') throw new ValidationError(`Invalid value: ${describeValue(value)}: must be a quantity such as "400m"`, { object, path });
  let q: Quantity;
  try {
    q = Quantity.parse(value);
  } catch {
    throw new ValidationError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`, { object, path });
  }
  const m = q.milliValue();
  if (!Number.isFinite(m) || m < 0 || m > 1_000_000_000) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be between 0 and 1000000 CPUs`, { object, path });
  return m;
}

function specOf(object: Obj): Obj {
  if (!isObj(object.spec)) throw new ValidationError('Required value: a mapping', { object, path: ['spec'] });
  return object.spec;
}


const ACTION_KINDS: readonly ActionKind[] = ['setImage', 'rolloutUndo', 'scale', 'pause', 'resume'];

function readActions(object: Obj, spec: Obj): ScenarioAction[] {
  if (spec.actions === undefined || spec.actions === null) return [];
  if (!Array.isArray(spec.actions)) throw new ValidationError('Invalid value: must be a list of actions', { object, path: ['spec', 'actions'] });
  if (spec.actions.length > MAX_ACTIONS) throw new LimitExceededError(`at most ${MAX_ACTIONS} actions, got ${spec.actions.length}`, { object, path: ['spec', 'actions'] });
  return spec.actions.map((a: unknown, i: number) => {
    const path: FieldPath = ['spec', 'actions', i];
    if (!isObj(a)) throw new ValidationError('Invalid value: must be a mapping with at and one action', { object, path });
    knownFields(object, path, a, ['at', 'changeCause', ...ACTION_KINDS]);
    const kinds = ACTION_KINDS.filter((k) => a[k] !== undefined);
    if (kinds.length !== 1) throw new ValidationError(`Required value: exactly one of ${ACTION_KINDS.join(', ')}`, { object, path });
    const kind = kinds[0];
    const body = a[kind];
    if (!isObj(body)) throw new ValidationError('Invalid value: must be a mapping', { object, path: [...path, kind] });
    const allowed: Record<ActionKind, string[]> = {
      setImage: ['deployment', 'namespace', 'container', 'image'],
      rolloutUndo: ['deployment', 'namespace', 'toRevision'],
      scale: ['deployment', 'namespace', 'replicas'],
      pause: ['deployment', 'namespace'],
      resume: ['deployment', 'namespace'],
    };
    knownFields(object, [...path, kind], body, allowed[kind]);
    const action: ScenarioAction = {
      atMs: duration(object, [...path, 'at'], a.at),
      kind,
      deployment: str(object, [...path, kind, 'deployment'], body.deployment)!,
      namespace: str(object, [...path, kind, 'namespace'], body.namespace, false) ?? 'default',
      object,
      path,
    };
    if (kind === 'setImage') {
      action.container = str(object, [...path, kind, 'container'], body.container, false);
      action.image = str(object, [...path, kind, 'image'], body.image);
    }
    if (kind === 'scale') action.replicas = int(object, [...path, kind, 'replicas'], body.replicas, 0, MAX_REPLICAS);
    if (kind === 'rolloutUndo' && body.toRevision !== undefined && body.toRevision !== null) action.toRevision = int(object, [...path, kind, 'toRevision'], body.toRevision, 0, 1_000_000);
    if (a.changeCause !== undefined && a.changeCause !== null) action.changeCause = str(object, [...path, 'changeCause'], a.changeCause);
    return action;
  });
}

function readBehaviors(object: Obj, spec: Obj): PodBehaviorRule[] {
  if (spec.pods === undefined || spec.pods === null) return [];
  if (!Array.isArray(spec.pods)) throw new ValidationError('Invalid value: must be a list', { object, path: ['spec', 'pods'] });
  return spec.pods.map((p: unknown, i: number) => {
    const path: FieldPath = ['spec', 'pods', i];
    if (!isObj(p)) throw new ValidationError('Invalid value: must be a mapping', { object, path });
    knownFields(object, path, p, ['image', 'ready', 'startup', 'exitCode', 'after']);
    const rule: PodBehaviorRule = { image: str(object, [...path, 'image'], p.image)!, ready: true };
    if (p.ready !== undefined && p.ready !== null) {
      if (typeof p.ready !== 'boolean') throw new ValidationError(`Invalid value: ${describeValue(p.ready)}: must be true or false`, { object, path: [...path, 'ready'] });
      rule.ready = p.ready;
    }
    if (p.startup !== undefined && p.startup !== null) rule.startupMs = duration(object, [...path, 'startup'], p.startup);
    if (p.exitCode !== undefined && p.exitCode !== null) {
      rule.exit = { code: int(object, [...path, 'exitCode'], p.exitCode, 0, 255), afterMs: p.after === undefined || p.after === null ? 1000 : duration(object, [...path, 'after'], p.after) };
    } else if (p.after !== undefined && p.after !== null) {
      throw new ValidationError('Forbidden: after is only for a Pod that exits (set exitCode)', { object, path: [...path, 'after'] });
    }
    return rule;
  });
}

function readLoad(object: Obj): LoadProfileInput {
  const spec = specOf(object);
  knownFields(object, ['spec'], spec, ['selector', 'steps']);
  const meta = isObj(object.metadata) ? object.metadata : {};
  let selector;
  try {
    selector = labelSelectorAsSelector(spec.selector ?? null);
  } catch (e) {
    throw new ValidationError(`Invalid value: ${(e as Error).message}`, { object, path: ['spec', 'selector'] });
  }
  if (!isObj(spec.selector)) throw new ValidationError('Required value: a label selector (matchLabels) for the Pods that take this load', { object, path: ['spec', 'selector'] });
  if (!Array.isArray(spec.steps) || spec.steps.length === 0) throw new ValidationError('Required value: a list of steps', { object, path: ['spec', 'steps'] });
  if (spec.steps.length > MAX_LOAD_STEPS) throw new LimitExceededError(`at most ${MAX_LOAD_STEPS} steps, got ${spec.steps.length}`, { object, path: ['spec', 'steps'] });
  let last = -1;
  const steps = spec.steps.map((s: unknown, i: number) => {
    const path: FieldPath = ['spec', 'steps', i];
    if (!isObj(s)) throw new ValidationError('Invalid value: must be a mapping', { object, path });
    knownFields(object, path, s, ['at', 'cpuPerPod', 'totalCpu']);
    const atMs = duration(object, [...path, 'at'], s.at);
    if (atMs < last) throw new ValidationError('Invalid value: steps must be in time order', { object, path: [...path, 'at'] });
    last = atMs;
    const hasPer = s.cpuPerPod !== undefined && s.cpuPerPod !== null;
    const hasTotal = s.totalCpu !== undefined && s.totalCpu !== null;
    if (hasPer === hasTotal) throw new ValidationError('Required value: exactly one of cpuPerPod, totalCpu', { object, path });
    return hasPer ? { atMs, cpuPerPodMilli: milliCpu(object, [...path, 'cpuPerPod'], s.cpuPerPod) } : { atMs, totalCpuMilli: milliCpu(object, [...path, 'totalCpu'], s.totalCpu) };
  });
  return { name: typeof meta.name === 'string' ? meta.name : 'load', namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default', matches: (labels) => selector.matches(labels), steps };
}

/** Caps on sizes a learner could make huge: replicas, parallelism, completions, maxReplicas. */
function checkSizes(object: Obj): void {
  const spec = isObj(object.spec) ? object.spec : {};
  const check = (path: FieldPath, value: unknown) => {
    if (typeof value === 'number' && value > MAX_REPLICAS) throw new LimitExceededError(`must be at most ${MAX_REPLICAS} in this simulation, got ${value}`, { object, path });
  };
  check(['spec', 'replicas'], spec.replicas);
  check(['spec', 'parallelism'], spec.parallelism);
  check(['spec', 'completions'], spec.completions);
  check(['spec', 'maxReplicas'], spec.maxReplicas);
  const jobSpec = isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
  check(['spec', 'jobTemplate', 'spec', 'parallelism'], jobSpec.parallelism);
  check(['spec', 'jobTemplate', 'spec', 'completions'], jobSpec.completions);
}

export function readInput(manifests: readonly Manifest[], maxVirtualTimeMs: number): ControllersInput {
  const input: ControllersInput = { objects: [], untilMs: DEFAULT_UNTIL_MS, podStartupMs: 2000, behaviors: [], actions: [], loads: [], snapshots: [] };
  let nodes = 0;
  for (const m of manifests) {
    const object = m.object as unknown as Obj;
    if (object.apiVersion === NOTEBOOK_API_VERSION) {
      if (object.kind === 'ControllerScenario') {
        if (input.scenarioObject) throw new ValidationError('one ControllerScenario per cell', { object, path: ['kind'], document: m.document });
        input.scenarioObject = object;
        const spec = specOf(object);
        knownFields(object, ['spec'], spec, ['until', 'podStartup', 'pods', 'actions', 'snapshots']);
        if (spec.until !== undefined && spec.until !== null) input.untilMs = duration(object, ['spec', 'until'], spec.until);
        if (input.untilMs > Math.min(MAX_UNTIL_MS, maxVirtualTimeMs)) {
          throw new LimitExceededError(`must be at most ${Math.min(MAX_UNTIL_MS, maxVirtualTimeMs) / 1000}s (the virtual time budget), got ${input.untilMs / 1000}s`, { object, path: ['spec', 'until'] });
        }
        if (spec.podStartup !== undefined && spec.podStartup !== null) input.podStartupMs = duration(object, ['spec', 'podStartup'], spec.podStartup);
        input.behaviors = readBehaviors(object, spec);
        input.actions = readActions(object, spec);
        if (spec.snapshots !== undefined && spec.snapshots !== null) {
          if (!Array.isArray(spec.snapshots)) throw new ValidationError('Invalid value: must be a list of durations', { object, path: ['spec', 'snapshots'] });
          if (spec.snapshots.length > MAX_ACTIONS) throw new LimitExceededError(`at most ${MAX_ACTIONS} snapshots`, { object, path: ['spec', 'snapshots'] });
          input.snapshots = spec.snapshots.map((v: unknown, i: number) => ({ atMs: duration(object, ['spec', 'snapshots', i], v), path: ['spec', 'snapshots', i] as FieldPath }));
        }
        continue;
      }
      if (object.kind === 'LoadProfile') {
        input.loads.push(readLoad(object));
        continue;
      }
      throw new ValidationError(`this cell takes ${NOTEBOOK_KINDS.join(' and ')} of apiVersion ${NOTEBOOK_API_VERSION}, got kind ${describeValue(object.kind)}`, { object, path: ['kind'], document: m.document });
    }
    if (!isBuiltIn(object) || !(SUPPORTED_KINDS as readonly string[]).includes(String(object.kind))) {
      throw new ValidationError(`this cell runs ${SUPPORTED_KINDS.join(', ')} (and ${NOTEBOOK_KINDS.join(', ')} of ${NOTEBOOK_API_VERSION}); no controller here acts on ${String(object.apiVersion)} ${String(object.kind)}`, { object, path: ['kind'], document: m.document });
    }
    if (object.kind === 'Node' && ++nodes > MAX_NODES) throw new LimitExceededError(`at most ${MAX_NODES} Nodes in this simulation`, { object, path: ['kind'], document: m.document });
    checkSizes(object);
    input.objects.push(object);
  }
  for (const s of input.snapshots) {
    if (s.atMs > input.untilMs) throw new ValidationError(`Invalid value: ${s.atMs / 1000}s is after spec.until (${input.untilMs / 1000}s)`, { object: input.scenarioObject, path: s.path });
  }
  for (const a of input.actions) {
    if (a.atMs > input.untilMs) throw new ValidationError(`Invalid value: ${a.atMs / 1000}s is after spec.until (${input.untilMs / 1000}s)`, { object: a.object, path: [...a.path, 'at'] });
  }
  return input;
}
