// What happens to a Pod between `kubectl apply` and the node: API defaulting,
// the LimitRanger and ResourceQuota admission plugins, and the scheduler's
// resource fit on the one node.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_LimitRangeItem),
// plugin/pkg/admission/limitranger/admission.go, plugin/pkg/admission/resourcequota
// (controller.go checkRequest, prettyPrint), pkg/quota/v1/evaluator/core/pods.go
// (Constraints, podComputeUsageHelper), pkg/scheduler/framework/plugins/noderesources/fit.go.

import { Quantity } from '../apimachinery/quantity.ts';
import { podRequestBytes } from '../kubelet/eviction.ts';
import type { DecodedLimitRange, DecodedResourceQuota } from './core-v1.ts';
import type { PodManifest } from './pod-validation.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NANO = -9;
const nano = (v: unknown) => (v === undefined || v === null ? 0n : Quantity.parse(v as string).scaledValue(NANO));

/** A resource list summed exactly, printed like Quantity.String() of the sum. */
class ResourceSum {
  readonly values = new Map<string, { nano: bigint; format: 'BinarySI' | 'DecimalSI' }>();
  add(name: string, raw: unknown): void {
    if (raw === undefined || raw === null) return;
    const q = Quantity.parse(raw as string);
    const prev = this.values.get(name);
    const format = prev?.format ?? (q.format === 'BinarySI' ? 'BinarySI' : 'DecimalSI');
    this.values.set(name, { nano: (prev?.nano ?? 0n) + q.scaledValue(NANO), format });
  }
  addNano(name: string, n: bigint, format: 'BinarySI' | 'DecimalSI'): void {
    const prev = this.values.get(name);
    this.values.set(name, { nano: (prev?.nano ?? 0n) + n, format: prev?.format ?? format });
  }
  get(name: string): bigint {
    return this.values.get(name)?.nano ?? 0n;
  }
  format(name: string): string {
    const v = this.values.get(name);
    return v ? Quantity.of(v.nano, NANO, v.format).toString() : '0';
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * The API server's defaulting for the fields this chapter reads: namespace,
 * restartPolicy, terminationGracePeriodSeconds, container port protocol, probe
 * defaults, and requests copied from limits where a request is missing
 * (SetDefaults_Pod: "If limits are specified, but requests are not, default requests to limits").
 * Go defaults a field when it holds its zero value ("" or 0), and a pointer when it is nil.
 */
export function applyApiDefaults(pod: PodManifest): Obj {
  const p: Obj = clone(pod);
  p.metadata.namespace ||= 'default';
  p.spec.restartPolicy ||= 'Always';
  p.spec.terminationGracePeriodSeconds ??= 30;
  p.spec.dnsPolicy ||= 'ClusterFirst';
  p.spec.schedulerName ||= 'default-scheduler';
  p.spec.priority ??= 0;
  for (const c of [...(p.spec.initContainers ?? []), ...p.spec.containers]) {
    for (const port of c.ports ?? []) port.protocol ||= 'TCP';
    for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const probe = c[key];
      if (!probe) continue;
      probe.timeoutSeconds ||= 1;
      probe.periodSeconds ||= 10;
      probe.successThreshold ||= 1;
      probe.failureThreshold ||= 3;
      if (probe.httpGet) probe.httpGet.scheme ||= 'HTTP';
    }
    const limits = c.resources?.limits;
    if (limits) {
      c.resources.requests ??= {};
      for (const [name, value] of Object.entries(limits)) if (c.resources.requests[name] === undefined) c.resources.requests[name] = value;
    }
  }
  return p;
}

/** SetDefaults_LimitRangeItem for type Container: default ← max, defaultRequest ← default, then ← min. */
function defaultLimitRangeItem(item: Obj): Obj {
  const out = clone(item);
  if (out.type !== 'Container') return out;
  out.default ??= {};
  out.defaultRequest ??= {};
  for (const [k, v] of Object.entries(out.max ?? {})) if (out.default[k] === undefined) out.default[k] = v;
  for (const [k, v] of Object.entries(out.default)) if (out.defaultRequest[k] === undefined) out.defaultRequest[k] = v;
  for (const [k, v] of Object.entries(out.min ?? {})) if (out.defaultRequest[k] === undefined) out.defaultRequest[k] = v;
  return out;
}

function qstr(v: unknown): string {
  return Quantity.parse(v as string).toString();
}

function minConstraint(limitType: string, name: string, enforced: unknown, req: unknown, lim: unknown): string | undefined {
  if (req === undefined) return `minimum ${name} usage per ${limitType} is ${qstr(enforced)}.  No request is specified`;
  if (nano(enforced) > nano(req)) return `minimum ${name} usage per ${limitType} is ${qstr(enforced)}, but request is ${qstr(req)}`;
  if (lim !== undefined && nano(enforced) > nano(lim)) return `minimum ${name} usage per ${limitType} is ${qstr(enforced)}, but limit is ${qstr(lim)}`;
  return undefined;
}

function maxConstraint(limitType: string, name: string, enforced: unknown, req: unknown, lim: unknown): string | undefined {
  if (lim === undefined) return `maximum ${name} usage per ${limitType} is ${qstr(enforced)}.  No limit is specified`;
  if (nano(lim) > nano(enforced)) return `maximum ${name} usage per ${limitType} is ${qstr(enforced)}, but limit is ${qstr(lim)}`;
  if (req !== undefined && nano(req) > nano(enforced)) return `maximum ${name} usage per ${limitType} is ${qstr(enforced)}, but request is ${qstr(req)}`;
  return undefined;
}

function ratioConstraint(limitType: string, name: string, enforced: unknown, req: unknown, lim: unknown): string | undefined {
  if (req === undefined || nano(req) === 0n) return `${name} max limit to request ratio per ${limitType} is ${qstr(enforced)}, but no request is specified or request is 0`;
  if (lim === undefined || nano(lim) === 0n) return `${name} max limit to request ratio per ${limitType} is ${qstr(enforced)}, but no limit is specified or limit is 0`;
  const ratio = Number(nano(lim)) / Number(nano(req));
  if (nano(lim) * 1_000_000_000n > nano(req) * nano(enforced)) {
    return `${name} max limit to request ratio per ${limitType} is ${qstr(enforced)}, but provided ratio is ${ratio.toFixed(6)}`;
  }
  return undefined;
}

/** utilerrors.NewAggregate(errs).Error(): one error as is, several in brackets. */
function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

export interface AdmissionOutcome {
  pod: Obj;
  admitted: boolean;
  /** The API server's refusal, e.g. `pods "web" is forbidden: exceeded quota: ...`. */
  message?: string;
  /** The kubernetes.io/limit-ranger annotation LimitRanger wrote, if any. */
  limitRangerAnnotation?: string;
  /** Step-by-step notes for the trace. */
  notes: { title: string; source: string }[];
}

/** LimitRanger: mutate (defaults) then validate, for every LimitRange in the Pod's namespace. */
function limitRanger(pod: Obj, limitRanges: readonly DecodedLimitRange[], notes: AdmissionOutcome['notes']): string | undefined {
  const ns = pod.metadata.namespace;
  for (const lr of limitRanges.filter((l) => (l.metadata?.namespace ?? 'default') === ns)) {
    const items: Obj[] = (lr.spec?.limits ?? []).map((item) => defaultLimitRangeItem(item));
    // Admit: defaultContainerResourceRequirements + mergePodResourceRequirements
    const defaults = { requests: {} as Obj, limits: {} as Obj };
    for (const item of items.filter((i) => i.type === 'Container')) {
      Object.assign(defaults.requests, item.defaultRequest ?? {});
      Object.assign(defaults.limits, item.default ?? {});
    }
    const annotations: string[] = [];
    const merge = (c: Obj, prefix: string) => {
      c.resources ??= {};
      c.resources.limits ??= {};
      c.resources.requests ??= {};
      const setLimits = Object.keys(defaults.limits).filter((k) => c.resources.limits[k] === undefined).sort();
      const setRequests = Object.keys(defaults.requests).filter((k) => c.resources.requests[k] === undefined).sort();
      for (const k of setLimits) c.resources.limits[k] = defaults.limits[k];
      for (const k of setRequests) c.resources.requests[k] = defaults.requests[k];
      if (setRequests.length > 0) annotations.push(`${setRequests.join(', ')} request for ${prefix} ${c.name}`);
      if (setLimits.length > 0) annotations.push(`${setLimits.join(', ')} limit for ${prefix} ${c.name}`);
    };
    for (const c of pod.spec.containers) merge(c, 'container');
    for (const c of pod.spec.initContainers ?? []) merge(c, 'init container');
    if (annotations.length > 0) {
      pod.metadata.annotations ??= {};
      pod.metadata.annotations['kubernetes.io/limit-ranger'] = `LimitRanger plugin set: ${annotations.join('; ')}`;
      notes.push({ title: `LimitRange ${lr.metadata?.name} filled in defaults: ${annotations.join('; ')}`, source: 'plugin/pkg/admission/limitranger/admission.go mergePodResourceRequirements' });
    }
    // Validate: PodValidateLimitFunc (map order is random upstream; we go by resource name).
    const errs: string[] = [];
    for (const item of items) {
      if (item.type === 'Container') {
        for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
          const req = c.resources?.requests ?? {};
          const lim = c.resources?.limits ?? {};
          for (const k of Object.keys(item.min ?? {}).sort()) { const e = minConstraint('Container', k, item.min[k], req[k], lim[k]); if (e) errs.push(e); }
          for (const k of Object.keys(item.max ?? {}).sort()) { const e = maxConstraint('Container', k, item.max[k], req[k], lim[k]); if (e) errs.push(e); }
          for (const k of Object.keys(item.maxLimitRequestRatio ?? {}).sort()) { const e = ratioConstraint('Container', k, item.maxLimitRequestRatio[k], req[k], lim[k]); if (e) errs.push(e); }
        }
      } else if (item.type === 'Pod') {
        const sums = podSums(pod);
        const pick = (kind: 'requests' | 'limits', k: string) => (sums[kind].values.has(k) ? sums[kind].format(k) : undefined);
        for (const k of Object.keys(item.min ?? {}).sort()) { const e = minConstraint('Pod', k, item.min[k], pick('requests', k), pick('limits', k)); if (e) errs.push(e); }
        for (const k of Object.keys(item.max ?? {}).sort()) { const e = maxConstraint('Pod', k, item.max[k], pick('requests', k), pick('limits', k)); if (e) errs.push(e); }
        for (const k of Object.keys(item.maxLimitRequestRatio ?? {}).sort()) { const e = ratioConstraint('Pod', k, item.maxLimitRequestRatio[k], pick('requests', k), pick('limits', k)); if (e) errs.push(e); }
      }
    }
    if (errs.length > 0) return aggregate(errs);
  }
  return undefined;
}

/** Per-resource sums over regular containers (and the init-container maximum), as podRequests/podLimits do. */
function podSums(pod: Obj): { requests: ResourceSum; limits: ResourceSum } {
  const out = { requests: new ResourceSum(), limits: new ResourceSum() };
  for (const kind of ['requests', 'limits'] as const) {
    for (const c of pod.spec.containers) for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) out[kind].add(k, v);
    for (const c of pod.spec.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) {
        if (c.restartPolicy === 'Always') out[kind].add(k, v);
        else if (nano(v) > out[kind].get(k)) {
          const q = Quantity.parse(v as string);
          out[kind].values.set(k, { nano: q.scaledValue(NANO), format: q.format === 'BinarySI' ? 'BinarySI' : 'DecimalSI' });
        }
      }
    }
  }
  return out;
}

const COMPUTE_KEYS = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** The quota usage a Pod adds (pods.go podComputeUsageHelper + the object count). */
function podQuotaUsage(pod: Obj): ResourceSum {
  const usage = new ResourceSum();
  usage.addNano('pods', 1_000_000_000n, 'DecimalSI');
  usage.addNano('count/pods', 1_000_000_000n, 'DecimalSI');
  const sums = podSums(pod);
  for (const r of ['cpu', 'memory']) {
    const fmt = (s: ResourceSum) => s.values.get(r)?.format ?? 'DecimalSI';
    if (sums.requests.values.has(r)) {
      usage.addNano(r, sums.requests.get(r), fmt(sums.requests));
      usage.addNano(`requests.${r}`, sums.requests.get(r), fmt(sums.requests));
    }
    if (sums.limits.values.has(r)) usage.addNano(`limits.${r}`, sums.limits.get(r), fmt(sums.limits));
  }
  return usage;
}

/** pods.go Constraints: with cpu/memory under quota, every container must state them. */
function quotaConstraints(pod: Obj, hardKeys: string[]): string | undefined {
  const required = hardKeys.filter((k) => COMPUTE_KEYS.includes(k));
  const missing = new Map<string, Set<string>>();
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const have = new Set<string>();
    for (const r of ['cpu', 'memory']) {
      if (c.resources?.requests?.[r] !== undefined) have.add(r).add(`requests.${r}`);
      if (c.resources?.limits?.[r] !== undefined) have.add(`limits.${r}`);
    }
    for (const k of required) if (!have.has(k)) (missing.get(k) ?? missing.set(k, new Set()).get(k)!).add(c.name);
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing].map(([k, names]) => `${k} for: ${[...names].sort().join(',')}`).sort();
  return `must specify ${parts.join('; ')}`;
}

export interface QuotaState {
  quota: DecodedResourceQuota;
  used: ResourceSum;
}

export function initialQuotaState(quotas: readonly DecodedResourceQuota[]): QuotaState[] {
  return quotas.map((quota) => {
    const used = new ResourceSum();
    for (const [k, v] of Object.entries(quota.status?.used ?? {})) used.add(k, v);
    return { quota, used };
  });
}

function checkQuota(pod: Obj, states: QuotaState[], notes: AdmissionOutcome['notes']): string | undefined {
  const ns = pod.metadata.namespace;
  const mine = states.filter((s) => (s.quota.metadata?.namespace ?? 'default') === ns);
  const delta = podQuotaUsage(pod);
  for (const s of mine) {
    const hard: Record<string, string | number> = s.quota.spec?.hard ?? {};
    const hardKeys = Object.keys(hard);
    const constraint = quotaConstraints(pod, hardKeys);
    if (constraint) return `failed quota: ${s.quota.metadata?.name}: ${constraint}`;
    const requested = hardKeys.filter((k) => delta.get(k) !== 0n);
    const exceeded = requested.filter((k) => s.used.get(k) + delta.get(k) > nano(hard[k])).sort();
    if (exceeded.length > 0) {
      const pretty = (f: (k: string) => string) => exceeded.map((k) => `${k}=${f(k)}`).join(',');
      return `exceeded quota: ${s.quota.metadata?.name}, requested: ${pretty((k) => delta.format(k))}, used: ${pretty((k) => s.used.format(k))}, limited: ${pretty((k) => qstr(hard[k]))}`;
    }
  }
  for (const s of mine) {
    for (const k of Object.keys(s.quota.spec?.hard ?? {})) {
      const d = delta.values.get(k);
      if (d) s.used.addNano(k, d.nano, d.format);
    }
    notes.push({ title: `ResourceQuota ${s.quota.metadata?.name} now counts this Pod`, source: 'plugin/pkg/admission/resourcequota/controller.go' });
  }
  return undefined;
}

/**
 * Runs one Pod through defaulting, LimitRanger and ResourceQuota.
 *
 * @example admitPod(pod, [limitRange], quotaStates).admitted // false → .message holds the 403 text
 */
export function admitPod(raw: PodManifest, limitRanges: readonly DecodedLimitRange[], quotas: QuotaState[]): AdmissionOutcome {
  const notes: AdmissionOutcome['notes'] = [];
  const pod = applyApiDefaults(raw);
  const forbidden = (msg: string) => `pods "${pod.metadata.name}" is forbidden: ${msg}`;
  const lr = limitRanger(pod, limitRanges, notes);
  if (lr) return { pod, admitted: false, message: forbidden(lr), notes };
  const q = checkQuota(pod, quotas, notes);
  if (q) return { pod, admitted: false, message: forbidden(q), notes };
  return { pod, admitted: true, limitRangerAnnotation: pod.metadata.annotations?.['kubernetes.io/limit-ranger'], notes };
}

/** Millicores a Pod requests (PodRequests for cpu). */
export function podCpuRequestMilli(pod: Obj): number {
  let sum = 0;
  for (const c of pod.spec.containers) sum += c.resources?.requests?.cpu === undefined ? 0 : Quantity.parse(c.resources.requests.cpu).milliValue();
  let initMax = 0;
  for (const c of pod.spec.initContainers ?? []) {
    const v = c.resources?.requests?.cpu === undefined ? 0 : Quantity.parse(c.resources.requests.cpu).milliValue();
    if (c.restartPolicy === 'Always') sum += v;
    else initMax = Math.max(initMax, v);
  }
  return Math.max(sum, initMax);
}

/** The scheduler's NodeResourcesFit on the single node: the reasons it does not fit, if any. */
export function fitReasons(pod: Obj, node: { allocatableBytes: number; cpuAllocatableMilli?: number }, bound: Obj[]): string[] {
  const reasons: string[] = [];
  const usedCpu = bound.reduce((s, p) => s + podCpuRequestMilli(p), 0);
  const usedMem = bound.reduce((s, p) => s + podRequestBytes(p), 0);
  const cpu = podCpuRequestMilli(pod);
  const mem = podRequestBytes(pod);
  if (node.cpuAllocatableMilli !== undefined && cpu > 0 && cpu > node.cpuAllocatableMilli - usedCpu) reasons.push('Insufficient cpu');
  if (mem > 0 && mem > node.allocatableBytes - usedMem) reasons.push('Insufficient memory');
  return reasons;
}
