// The pod-security engine (chapter 13): Namespaces with pod-security.kubernetes.io labels,
// then Pods and workloads created through the shared API server, each passing the
// PodSecurity admission plugin as kube-apiserver runs it (after defaulting and validation,
// as a validating admission plugin). Output: what `kubectl apply -f -` prints (warnings,
// "created" or the Forbidden error), the audit annotations, and every check's verdict per level.

import { asObject, asString, asStringMap } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { lookupKind } from '../apiserver/kinds.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { refusal } from '../kubectl/create.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import { evaluateRequest, lvString, policyToEvaluate } from './admission.ts';
import type { AdmissionOutcome } from './admission.ts';
import { extractPodSpec, violationsOf } from './check-pod-security.ts';
import { evaluatePod, MAX_MINOR } from './registry.ts';
import { buildView } from './view-model.ts';
import type { PodSecurityView } from './view-model.ts';

const WORKLOADS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'PodTemplate']);
const MAX_OBJECTS = 60;
const SRC = 'staging/src/k8s.io/pod-security-admission/admission/admission.go';

export interface ObjectOutcome {
  kind: string;
  name: string;
  namespace: string;
  /** What `kubectl apply -f -` prints for it, in order (stderr warnings, then stdout or the error). */
  output: string[];
  created: boolean;
  denied: boolean;
  /** The Forbidden message, when denied. */
  message: string;
  warnings: string[];
  auditAnnotations: Record<string, string>;
  /** The namespace's policy: enforce, audit, warn as level:version. */
  policy: { enforce: string; audit: string; warn: string };
  /** For a workload: would the Pods its controller creates pass enforce? */
  controllerPods: { enforce: string; allowed: boolean; message: string } | null;
  /** Every check at baseline and restricted (latest), for the picture. */
  checks: { level: 'baseline' | 'restricted'; check: string; allowed: boolean; reason: string; detail: string }[];
  /** The violations per mode. */
  evaluations: AdmissionOutcome['evaluations'];
}

export interface PodSecurityEngineResult {
  namespaces: { name: string; labels: Record<string, string>; enforce: string; audit: string; warn: string }[];
  objects: ObjectOutcome[];
  /** v1.36 evaluates "latest" with the newest check revisions (v1.x). */
  latestIs: string;
}

const plural = (kind: string) => lookupKind(kind === 'Pod' || kind === 'ReplicationController' || kind === 'PodTemplate' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1', kind)?.resource ?? `${kind.toLowerCase()}s`;
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

export function runPodSecurity(objects: readonly JsonObject[]): { result: PodSecurityEngineResult; trace: TraceStep[] } {
  if (objects.length > MAX_OBJECTS) throw new LimitExceededError(`at most ${MAX_OBJECTS} objects`);
  const api = freshApiServer();
  const trace: TraceStep[] = [];
  const namespaces: PodSecurityEngineResult['namespaces'] = [];
  const outcomes: ObjectOutcome[] = [];
  const policyOf = (ns: string) => {
    const stored = api.peek({ apiVersion: 'v1', kind: 'Namespace', name: ns });
    return policyToEvaluate(asStringMap(asObject(stored?.metadata)?.labels));
  };
  for (const o of objects) {
    const kind = asString(o.kind);
    const meta = asObject(o.metadata) ?? {};
    const name = asString(meta.name);
    if (kind === 'Namespace' && api.peek({ apiVersion: 'v1', kind: 'Namespace', name })) {
      outcomes.push(updateNamespace(api, o, name, trace));
      const labels = asStringMap(meta.labels);
      const { policy } = policyToEvaluate(labels);
      const entry = { name, labels, enforce: lvString(policy.enforce), audit: lvString(policy.audit), warn: lvString(policy.warn) };
      const i = namespaces.findIndex((n) => n.name === name);
      if (i >= 0) namespaces[i] = entry;
      else namespaces.push(entry);
      continue;
    }
    if (kind === 'Namespace') {
      const labels = asStringMap(meta.labels);
      const { policy, errors } = policyToEvaluate(labels);
      // ValidateNamespace: bad pod-security labels make the Namespace invalid.
      if (errors.length) throw invalidNamespace(o, name, errors);
      const r = api.create(o);
      if (r.code >= 400) throw refusal(r, o);
      namespaces.push({ name, labels, enforce: lvString(policy.enforce), audit: lvString(policy.audit), warn: lvString(policy.warn) });
      trace.push({ title: `Namespace ${name}: enforce ${lvString(policy.enforce)}, audit ${lvString(policy.audit)}, warn ${lvString(policy.warn)}`, detail: 'Unset labels default to privileged:latest; an explicit enforce level also becomes the warn level when warn is unset.', source: 'staging/src/k8s.io/pod-security-admission/api/helpers.go PolicyToEvaluate' });
      continue;
    }
    if (!WORKLOADS.has(kind)) throw new ValidationError(`this simulation reads Namespaces, Pods and workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob), not ${kind}`, { object: o, path: ['kind'] });
    // Decoding, defaulting and validation come before validating admission: a dry run shows the object PodSecurity sees.
    const dry = api.create(o, { dryRun: true });
    if (dry.code >= 400 || !dry.object) throw refusal(dry, o);
    const stored = dry.object as JsonObject;
    const ns = asString(asObject(stored.metadata)?.namespace) || 'default';
    const { policy, errors } = policyOf(ns);
    const { meta: podMeta, spec } = extractPodSpec(stored);
    const resource = plural(kind);
    const group = groupOf(asString(o.apiVersion));
    const gr = group ? `${resource}.${group}` : resource;
    const outcome = evaluateRequest(policy, errors.length ? errors.map((e) => e.message).join(', ') : null, podMeta, spec, gr, name, kind === 'Pod');
    const lines = outcome.warnings.map((w) => `Warning: ${w}`);
    let created = false;
    if (outcome.allowed) {
      const r = api.create(o);
      if (r.code >= 400) throw refusal(r, o);
      created = true;
      lines.push(`${group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase()}/${name} created`);
    } else {
      lines.push(`Error from server (Forbidden): error when creating "STDIN": ${outcome.message}`);
    }
    let controllerPods: ObjectOutcome['controllerPods'] = null;
    if (kind !== 'Pod') {
      const v = violationsOf(evaluatePod(policy.enforce.level, policy.enforce.version, podMeta, spec));
      controllerPods = { enforce: lvString(policy.enforce), allowed: v.length === 0, message: v.length ? `violates PodSecurity ${JSON.stringify(lvString(policy.enforce))}: ${v.map((x) => (x.detail ? `${x.reason} (${x.detail})` : x.reason)).join(', ')}` : '' };
    }
    const checks: ObjectOutcome['checks'] = [];
    for (const level of ['baseline', 'restricted'] as const) {
      for (const c of evaluatePod(level, { latest: true }, podMeta, spec)) {
        if (level === 'restricted' && c.level === 'baseline') continue; // shown once, under baseline
        checks.push({ level, check: c.id, allowed: c.result.allowed, reason: c.result.forbiddenReason ?? '', detail: c.result.forbiddenDetail ?? '' });
      }
    }
    outcomes.push({
      kind, name, namespace: ns, output: lines, created, denied: !outcome.allowed, message: outcome.message, warnings: outcome.warnings, auditAnnotations: outcome.auditAnnotations,
      policy: { enforce: lvString(policy.enforce), audit: lvString(policy.audit), warn: lvString(policy.warn) }, controllerPods, checks, evaluations: outcome.evaluations,
    });
    trace.push({
      title: `${kind} ${ns}/${name}: ${outcome.allowed ? (kind === 'Pod' ? 'admitted' : 'admitted (workloads are only warned and audited)') : 'denied by enforce'}`,
      detail: outcome.allowed ? (outcome.warnings[0] ?? `no violation at warn level ${lvString(policy.warn)}`) : outcome.message,
      source: kind === 'Pod' ? `${SRC} ValidatePod` : `${SRC} ValidatePodController`, level: outcome.allowed ? (outcome.warnings.length ? 'warning' : 'info') : 'decision',
    });
    if (controllerPods && !controllerPods.allowed) {
      trace.push({ title: `the ${kind}'s Pods will be refused when its controller creates them (enforce ${controllerPods.enforce})`, detail: 'The workload object is admitted; its controller then gets Forbidden for every Pod and records FailedCreate events with this message.', source: `${SRC} ValidatePod`, level: 'warning' });
    }
  }
  return { result: { namespaces, objects: outcomes, latestIs: `v1.${MAX_MINOR}` }, trace };
}

/** The pod-security labels of a Namespace as field errors, as ValidateNamespace refuses them. */
function invalidNamespace(o: JsonObject, name: string, errors: { label: string; value: string; message: string }[]): ValidationError {
  const list = errors.map((x) => `metadata.labels[${x.label}]: Invalid value: ${JSON.stringify(x.value)}: ${x.message}`);
  const message = `Namespace ${JSON.stringify(name)} is invalid: ${list.length === 1 ? list[0] : `[${list.join(', ')}]`}`;
  return new ValidationError(message, { object: o, path: ['metadata', 'labels', errors[0].label], message });
}

/**
 * A Namespace applied again with new labels: admission.go ValidateNamespace (Update) and
 * EvaluatePodsInNamespace, which dry-runs the existing Pods against a stricter enforce level and
 * warns, grouping Pods by their failed checks (decoratePodWarnings), never refusing the update.
 */
function updateNamespace(api: ReturnType<typeof freshApiServer>, o: JsonObject, name: string, trace: TraceStep[]): ObjectOutcome {
  const stored = api.peek({ apiVersion: 'v1', kind: 'Namespace', name }) as JsonObject;
  const oldLabels = asStringMap(asObject(stored.metadata)?.labels);
  const newLabels = asStringMap(asObject(o.metadata)?.labels);
  const next = policyToEvaluate(newLabels);
  const prev = policyToEvaluate(oldLabels);
  if (next.errors.length && JSON.stringify(next.errors) !== JSON.stringify(prev.errors)) throw invalidNamespace(o, name, next.errors);
  const warnings: string[] = [];
  const e = next.policy.enforce;
  const old = prev.policy.enforce;
  const rank = (l: string) => (l === 'privileged' ? 0 : l === 'baseline' ? 1 : 2);
  const sameVersion = versionKey(e.version) === versionKey(old.version);
  const skip = (lvString(e) === lvString(old)) || e.level === 'privileged' || (sameVersion && rank(e.level) <= rank(old.level));
  if (!skip) {
    const pods = (api.list('v1', 'Pod', name).items ?? []) as JsonObject[];
    // prioritizePods: one Pod per controller first, the other replicas after
    const seen = new Set<string>();
    const first: JsonObject[] = [];
    const dup: JsonObject[] = [];
    for (const p of pods) {
      const ref = ((asObject(p.metadata)?.ownerReferences ?? []) as JsonObject[]).find((r) => asObject(r)?.controller === true);
      const uid = ref ? asString(ref.uid) : '';
      if (!uid) first.push(p);
      else if (seen.has(uid)) dup.push(p);
      else { seen.add(uid); first.push(p); }
    }
    const byWarning = new Map<string, { podName: string; podCount: number }>();
    const order: string[] = [];
    for (const p of [...first, ...dup]) {
      const { meta, spec } = extractPodSpec(p);
      const v = violationsOf(evaluatePod(e.level, e.version, meta, spec));
      if (!v.length) continue;
      const warning = v.map((x) => x.reason).join(', '); // AggregateCheckResult.ForbiddenReason
      const podName = asString(asObject(p.metadata)?.name);
      const c = byWarning.get(warning);
      if (!c) { byWarning.set(warning, { podName, podCount: 1 }); order.push(warning); }
      else { c.podCount++; if (podName < c.podName) c.podName = podName; }
    }
    if (order.length) warnings.push(`existing pods in namespace ${JSON.stringify(name)} violate the new PodSecurity enforce level ${JSON.stringify(lvString(e))}`);
    const decorated = order.map((w) => {
      const c = byWarning.get(w)!;
      return c.podCount === 1 ? `${c.podName}: ${w}` : c.podCount === 2 ? `${c.podName} (and 1 other pod): ${w}` : `${c.podName} (and ${c.podCount - 1} other pods): ${w}`;
    }).sort();
    warnings.push(...decorated);
  }
  const r = api.update({ ...stored, metadata: { ...(asObject(stored.metadata) ?? {}), labels: newLabels } });
  if (r.code >= 400) throw refusal(r, o);
  trace.push({
    title: `Namespace ${name} relabelled: enforce ${lvString(old)} → ${lvString(e)}${skip ? ' (existing Pods not re-checked)' : `, ${warnings.length ? 'existing Pods would be refused' : 'every existing Pod passes'}`}`,
    detail: 'Changing the labels never evicts or refuses running Pods: the API server only warns, and the new level applies to the next Pods created.',
    source: `${SRC} ValidateNamespace, EvaluatePodsInNamespace`, level: warnings.length ? 'warning' : 'info',
  });
  return {
    kind: 'Namespace', name, namespace: '', output: [...warnings.map((w) => `Warning: ${w}`), `namespace/${name} configured`], created: false, denied: false, message: '', warnings, auditAnnotations: {},
    policy: { enforce: lvString(e), audit: lvString(next.policy.audit), warn: lvString(next.policy.warn) }, controllerPods: null, checks: [], evaluations: [],
  };
}

const versionKey = (v: { latest: boolean; minor?: number }) => (v.latest ? 'latest' : `v1.${v.minor}`);

export const engine: Engine<PodSecurityEngineResult, PodSecurityView> = {
  id: 'pod-security',
  version: '1',
  title: 'Pod Security admission',
  summary: 'Namespaces labelled with pod-security.kubernetes.io levels, and the warnings or Forbidden errors kube-apiserver gives the Pods and workloads created in them.',
  view: 'pod-security/result',
  run(manifests) {
    const objects = flattenLists(manifests).map((m) => m.object as JsonObject);
    if (!objects.some((o) => WORKLOADS.has(asString(o.kind)))) throw new ValidationError('add a Pod or a workload to create');
    return runPodSecurity(objects);
  },
  viewModel(output) {
    return buildView(output.result);
  },
};
