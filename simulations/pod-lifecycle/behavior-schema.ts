// The PodBehavior document: what each container *does*, since a simulation has no
// real process. Every field is optional; what the manifest already says (the
// container's command) is read from the manifest.
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: PodBehavior
//   metadata:
//     name: web                      # the Pod it describes (optional with one Pod)
//   spec:
//     untilSeconds: 600              # virtual time to simulate (default 600, at most 86400)
//     observeAtSeconds: [45, 90]     # extra moments for result.statusAt
//     nodeName: node-a
//     podIP: 10.244.1.7
//     scheduleAfterSeconds: 0        # scheduler latency
//     sandboxSeconds: 1              # pause container + CNI
//     delete: { atSeconds: 120, gracePeriodSeconds: 10 }
//     evict: { atSeconds: 300, message: "The node was low on resource: memory. " }
//     containers:
//       - name: app
//         runs:                      # one entry per start; the last one repeats
//           - { exitAfterSeconds: 5, exitCode: 1 }
//           - { forever: true }
//         image: { present: false, pullSeconds: 3, sizeBytes: 28000000, failedPulls: 2, error: "..." }
//         readiness: [{ fromSeconds: 0, result: failure, output: "HTTP probe failed with statuscode: 503" },
//                     { fromSeconds: 20, result: success }]
//         liveness: [...]            # same form; times count from each start unless probeClock: pod
//         startup: [...]
//         probeClock: container
//         preStop: { seconds: 5, fails: false }
//         sigterm: { exitAfterSeconds: 2, exitCode: 0 }   # or { ignore: true }
//         kills: [{ atSeconds: 40, exitCode: 137, reason: OOMKilled }]

import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';
import { checkKnownFields, isObject, requireObject } from './fields.ts';

export const BEHAVIOR_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const BEHAVIOR_KIND = 'PodBehavior';
export const MAX_SECONDS = 24 * 60 * 60;
export const DEFAULT_UNTIL_SECONDS = 600;

export interface RunSpec {
  /** undefined: runs until stopped. */
  exitAfterSeconds?: number;
  exitCode: number;
  reason?: string;
  message?: string;
}

export interface ProbePhase {
  fromSeconds: number;
  result: 'success' | 'failure';
  output?: string;
}

export interface ContainerBehaviorSpec {
  name: string;
  runs?: RunSpec[];
  image?: { present?: boolean; pullSeconds?: number; sizeBytes?: number; failedPulls?: number; error?: string };
  liveness?: ProbePhase[];
  readiness?: ProbePhase[];
  startup?: ProbePhase[];
  probeClock: 'container' | 'pod';
  preStop?: { seconds: number; fails: boolean };
  sigterm?: { ignore: true } | { ignore?: false; exitAfterSeconds: number; exitCode: number };
  kills: { atSeconds: number; exitCode: number; reason: string; message?: string }[];
}

export interface PodBehaviorSpec {
  /** metadata.name: the Pod this describes. */
  podName?: string;
  untilSeconds?: number;
  observeAtSeconds: number[];
  nodeName?: string;
  podIP?: string;
  scheduleAfterSeconds?: number;
  sandboxSeconds?: number;
  delete?: { atSeconds: number; gracePeriodSeconds?: number };
  evict?: { atSeconds: number; message: string; gracePeriodSeconds?: number };
  containers: ContainerBehaviorSpec[];
  /** The parsed document, for error positions. */
  source?: JsonObject;
}

function num(
  obj: JsonObject,
  key: string,
  root: object,
  path: FieldPath,
  opts: { min?: number; max?: number; integer?: boolean; required?: boolean } = {},
): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (opts.required) throw new ValidationError('Required value', { object: root, path: [...path, key] });
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ValidationError(`Invalid value: ${JSON.stringify(v)}: must be a number`, { object: root, path: [...path, key] });
  }
  if (opts.integer && !Number.isInteger(v)) {
    throw new ValidationError(`Invalid value: ${v}: must be an integer`, { object: root, path: [...path, key] });
  }
  const min = opts.min ?? 0;
  if (v < min) throw new ValidationError(`Invalid value: ${v}: must be greater than or equal to ${min}`, { object: root, path: [...path, key] });
  if (opts.max !== undefined && v > opts.max) {
    throw new LimitExceededError(`Invalid value: ${v}: must be less than or equal to ${opts.max} (24 hours of virtual time)`, {
      object: root,
      path: [...path, key],
    });
  }
  if (!Number.isInteger(v * 1000)) {
    throw new ValidationError(`Invalid value: ${v}: at most millisecond precision (3 decimals)`, { object: root, path: [...path, key] });
  }
  return v;
}

function str(obj: JsonObject, key: string, root: object, path: FieldPath): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ValidationError(`Invalid value: ${JSON.stringify(v)}: must be a string`, { object: root, path: [...path, key] });
  return v;
}

function bool(obj: JsonObject, key: string, root: object, path: FieldPath): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new ValidationError(`Invalid value: ${JSON.stringify(v)}: must be true or false`, { object: root, path: [...path, key] });
  return v;
}

function list(v: JsonValue | undefined, root: object, path: FieldPath): JsonValue[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ValidationError('Invalid value: must be a list', { object: root, path });
  return v;
}

function exitCode(obj: JsonObject, root: object, path: FieldPath, fallback: number): number {
  const v = num(obj, 'exitCode', root, path, { integer: true, max: 255 }) ?? fallback;
  return v;
}

function readRun(v: JsonValue, root: object, path: FieldPath): RunSpec {
  const r = requireObject(v, root, path);
  checkKnownFields(r, ['exitAfterSeconds', 'exitCode', 'reason', 'message', 'forever'], root, path, 'PodBehavior run');
  const forever = bool(r, 'forever', root, path) ?? false;
  const after = num(r, 'exitAfterSeconds', root, path, { max: MAX_SECONDS });
  if (forever && after !== undefined) {
    throw new ValidationError('Invalid value: forever and exitAfterSeconds are mutually exclusive', { object: root, path: [...path, 'forever'] });
  }
  if (!forever && after === undefined) {
    throw new ValidationError('Required value: exitAfterSeconds (or forever: true)', { object: root, path: [...path, 'exitAfterSeconds'] });
  }
  const run: RunSpec = { exitCode: exitCode(r, root, path, 0) };
  if (!forever) run.exitAfterSeconds = after;
  const reason = str(r, 'reason', root, path);
  if (reason) run.reason = reason;
  const message = str(r, 'message', root, path);
  if (message) run.message = message;
  return run;
}

function readPhases(v: JsonValue | undefined, root: object, path: FieldPath): ProbePhase[] | undefined {
  if (v === undefined || v === null) return undefined;
  const phases = list(v, root, path).map((p, i) => {
    const o = requireObject(p, root, [...path, i]);
    checkKnownFields(o, ['fromSeconds', 'result', 'output'], root, [...path, i], 'PodBehavior probe phase');
    const fromSeconds = num(o, 'fromSeconds', root, [...path, i], { required: true, max: MAX_SECONDS }) as number;
    const result = o.result;
    if (result !== 'success' && result !== 'failure') {
      throw new ValidationError(`Unsupported value: ${JSON.stringify(result ?? null)}: supported values: "success", "failure"`, {
        object: root,
        path: [...path, i, 'result'],
      });
    }
    const phase: ProbePhase = { fromSeconds, result };
    const output = str(o, 'output', root, [...path, i]);
    if (output !== undefined) phase.output = output;
    return phase;
  });
  for (let i = 1; i < phases.length; i++) {
    if (phases[i].fromSeconds <= phases[i - 1].fromSeconds) {
      throw new ValidationError(`Invalid value: ${phases[i].fromSeconds}: fromSeconds must increase from one phase to the next`, {
        object: root,
        path: [...path, i, 'fromSeconds'],
      });
    }
  }
  return phases;
}

const CONTAINER_FIELDS = ['name', 'run', 'runs', 'image', 'liveness', 'readiness', 'startup', 'probeClock', 'preStop', 'sigterm', 'kills'];

function readContainer(v: JsonValue, root: object, path: FieldPath): ContainerBehaviorSpec {
  const c = requireObject(v, root, path);
  checkKnownFields(c, CONTAINER_FIELDS, root, path, 'PodBehavior container');
  const name = str(c, 'name', root, path);
  if (!name) throw new ValidationError('Required value', { object: root, path: [...path, 'name'] });
  const out: ContainerBehaviorSpec = { name, probeClock: 'container', kills: [] };
  if (c.run !== undefined && c.runs !== undefined) {
    throw new ValidationError('Invalid value: give run (every start) or runs (one per start), not both', { object: root, path: [...path, 'runs'] });
  }
  if (c.run !== undefined) out.runs = [readRun(c.run, root, [...path, 'run'])];
  if (c.runs !== undefined) {
    const runs = list(c.runs, root, [...path, 'runs']).map((r, i) => readRun(r, root, [...path, 'runs', i]));
    if (runs.length === 0) throw new ValidationError('Required value: at least one run', { object: root, path: [...path, 'runs'] });
    out.runs = runs;
  }
  if (c.image !== undefined) {
    const p = [...path, 'image'];
    const img = requireObject(c.image, root, p);
    checkKnownFields(img, ['present', 'pullSeconds', 'sizeBytes', 'failedPulls', 'error'], root, p, 'PodBehavior image');
    out.image = {};
    const present = bool(img, 'present', root, p);
    if (present !== undefined) out.image.present = present;
    const pull = num(img, 'pullSeconds', root, p, { max: MAX_SECONDS });
    if (pull !== undefined) out.image.pullSeconds = pull;
    const size = num(img, 'sizeBytes', root, p, { integer: true });
    if (size !== undefined) out.image.sizeBytes = size;
    if (img.failedPulls === 'all') out.image.failedPulls = Number.POSITIVE_INFINITY;
    else {
      const fails = num(img, 'failedPulls', root, p, { integer: true });
      if (fails !== undefined) out.image.failedPulls = fails;
    }
    const error = str(img, 'error', root, p);
    if (error !== undefined) out.image.error = error;
  }
  for (const probe of ['liveness', 'readiness', 'startup'] as const) {
    const phases = readPhases(c[probe], root, [...path, probe]);
    if (phases) out[probe] = phases;
  }
  if (c.probeClock !== undefined) {
    if (c.probeClock !== 'container' && c.probeClock !== 'pod') {
      throw new ValidationError(`Unsupported value: ${JSON.stringify(c.probeClock)}: supported values: "container", "pod"`, {
        object: root,
        path: [...path, 'probeClock'],
      });
    }
    out.probeClock = c.probeClock;
  }
  if (c.preStop !== undefined) {
    const p = [...path, 'preStop'];
    const ps = requireObject(c.preStop, root, p);
    checkKnownFields(ps, ['seconds', 'fails'], root, p, 'PodBehavior preStop');
    out.preStop = { seconds: num(ps, 'seconds', root, p, { required: true, max: MAX_SECONDS }) as number, fails: bool(ps, 'fails', root, p) ?? false };
  }
  if (c.sigterm !== undefined) {
    const p = [...path, 'sigterm'];
    const s = requireObject(c.sigterm, root, p);
    checkKnownFields(s, ['ignore', 'exitAfterSeconds', 'exitCode'], root, p, 'PodBehavior sigterm');
    if (bool(s, 'ignore', root, p)) {
      if (s.exitAfterSeconds !== undefined) {
        throw new ValidationError('Invalid value: ignore and exitAfterSeconds are mutually exclusive', { object: root, path: [...p, 'exitAfterSeconds'] });
      }
      out.sigterm = { ignore: true };
    } else {
      out.sigterm = {
        exitAfterSeconds: num(s, 'exitAfterSeconds', root, p, { max: MAX_SECONDS }) ?? 0,
        exitCode: exitCode(s, root, p, 0),
      };
    }
  }
  out.kills = list(c.kills, root, [...path, 'kills']).map((k, i) => {
    const p = [...path, 'kills', i];
    const o = requireObject(k, root, p);
    checkKnownFields(o, ['atSeconds', 'exitCode', 'reason', 'message'], root, p, 'PodBehavior kill');
    const kill = {
      atSeconds: num(o, 'atSeconds', root, p, { required: true, max: MAX_SECONDS }) as number,
      exitCode: exitCode(o, root, p, 137),
      reason: str(o, 'reason', root, p) ?? 'OOMKilled',
    } as ContainerBehaviorSpec['kills'][number];
    const message = str(o, 'message', root, p);
    if (message) kill.message = message;
    return kill;
  });
  return out;
}

const SPEC_FIELDS = [
  'untilSeconds', 'observeAtSeconds', 'nodeName', 'podIP', 'scheduleAfterSeconds', 'sandboxSeconds', 'delete', 'evict', 'containers',
];

/**
 * Reads and validates a PodBehavior document.
 *
 * @example readBehavior({ apiVersion: 'kube-notebook.dev/v1alpha1', kind: 'PodBehavior', spec: { containers: [{ name: 'app', run: { exitAfterSeconds: 5, exitCode: 1 } }] } })
 */
export function readBehavior(doc: JsonObject): PodBehaviorSpec {
  if (doc.apiVersion !== BEHAVIOR_API_VERSION) {
    throw new ValidationError(`Unsupported value: ${JSON.stringify(doc.apiVersion)}: supported values: "${BEHAVIOR_API_VERSION}"`, {
      object: doc,
      path: ['apiVersion'],
    });
  }
  checkKnownFields(doc, ['apiVersion', 'kind', 'metadata', 'spec'], doc, [], 'PodBehavior');
  const out: PodBehaviorSpec = { observeAtSeconds: [], containers: [], source: doc };
  if (doc.metadata !== undefined) {
    const meta = requireObject(doc.metadata, doc, ['metadata']);
    checkKnownFields(meta, ['name', 'namespace'], doc, ['metadata'], 'PodBehavior metadata');
    const name = str(meta, 'name', doc, ['metadata']);
    if (name) out.podName = name;
  }
  if (doc.spec === undefined || doc.spec === null) return out;
  const spec = requireObject(doc.spec, doc, ['spec']);
  const p: FieldPath = ['spec'];
  checkKnownFields(spec, SPEC_FIELDS, doc, p, 'PodBehavior spec');
  const until = num(spec, 'untilSeconds', doc, p, { min: 1, max: MAX_SECONDS });
  if (until !== undefined) out.untilSeconds = until;
  out.observeAtSeconds = list(spec.observeAtSeconds, doc, [...p, 'observeAtSeconds']).map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new ValidationError(`Invalid value: ${JSON.stringify(v)}: must be a number of seconds ≥ 0`, { object: doc, path: [...p, 'observeAtSeconds', i] });
    }
    if (v > MAX_SECONDS) {
      throw new LimitExceededError(`Invalid value: ${v}: must be less than or equal to ${MAX_SECONDS}`, { object: doc, path: [...p, 'observeAtSeconds', i] });
    }
    return v;
  });
  const nodeName = str(spec, 'nodeName', doc, p);
  if (nodeName !== undefined) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(nodeName)) {
      throw new ValidationError(`Invalid value: ${JSON.stringify(nodeName)}: a lowercase RFC 1123 subdomain`, { object: doc, path: [...p, 'nodeName'] });
    }
    out.nodeName = nodeName;
  }
  const podIP = str(spec, 'podIP', doc, p);
  if (podIP !== undefined) {
    if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(podIP) || podIP.split('.').some((o) => Number(o) > 255)) {
      throw new ValidationError(`Invalid value: ${JSON.stringify(podIP)}: must be a valid IPv4 address`, { object: doc, path: [...p, 'podIP'] });
    }
    out.podIP = podIP;
  }
  const sched = num(spec, 'scheduleAfterSeconds', doc, p, { max: MAX_SECONDS });
  if (sched !== undefined) out.scheduleAfterSeconds = sched;
  const sandbox = num(spec, 'sandboxSeconds', doc, p, { max: MAX_SECONDS });
  if (sandbox !== undefined) out.sandboxSeconds = sandbox;
  if (spec.delete !== undefined) {
    const dp = [...p, 'delete'];
    const d = requireObject(spec.delete, doc, dp);
    checkKnownFields(d, ['atSeconds', 'gracePeriodSeconds'], doc, dp, 'PodBehavior delete');
    out.delete = { atSeconds: num(d, 'atSeconds', doc, dp, { required: true, max: MAX_SECONDS }) as number };
    const g = num(d, 'gracePeriodSeconds', doc, dp, { integer: true, max: MAX_SECONDS });
    if (g !== undefined) out.delete.gracePeriodSeconds = g;
  }
  if (spec.evict !== undefined) {
    const ep = [...p, 'evict'];
    const e = requireObject(spec.evict, doc, ep);
    checkKnownFields(e, ['atSeconds', 'message', 'gracePeriodSeconds'], doc, ep, 'PodBehavior evict');
    out.evict = {
      atSeconds: num(e, 'atSeconds', doc, ep, { required: true, max: MAX_SECONDS }) as number,
      message: str(e, 'message', doc, ep) ?? 'The node was low on resource: memory. ',
    };
    const g = num(e, 'gracePeriodSeconds', doc, ep, { integer: true, max: MAX_SECONDS });
    if (g !== undefined) out.evict.gracePeriodSeconds = g;
  }
  const seen = new Set<string>();
  out.containers = list(spec.containers, doc, [...p, 'containers']).map((c, i) => {
    const spec = readContainer(c, doc, [...p, 'containers', i]);
    if (seen.has(spec.name)) throw new ValidationError(`Duplicate value: "${spec.name}"`, { object: doc, path: [...p, 'containers', i, 'name'] });
    seen.add(spec.name);
    return spec;
  });
  return out;
}

export { isObject };
