// The API server's checks on a Pod, LimitRange and ResourceQuota that this
// chapter depends on, run on data the decoder has already typed (decode.ts).
// Every error names the field from the learner's object (`raw`), so the runtime
// finds the line. Messages follow apimachinery's field.Error forms.
// src: pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec,
// validateContainers, validateInitContainers, ValidateResourceRequirements,
// validateProbe, ValidateLimitRange, ValidateResourceQuota),
// apimachinery/pkg/util/validation/validation.go (IsDNS1123Label, IsDNS1123Subdomain),
// pkg/registry/core/pod/strategy.go and rest.BeforeCreate (fields the server sets).

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { Quantity } from '../apimachinery/quantity.ts';
import type { DecodedContainer, DecodedLimitRange, DecodedPod, DecodedResourceQuota } from './core-v1.ts';
import { LIMITS, checkLimit, checkMemoryLimit } from './limits.ts';

type Meta = NonNullable<DecodedPod['metadata']>;
type Spec = NonNullable<DecodedPod['spec']>;

/** A Pod as the simulation may use it: named, with at least one container. */
export type PodManifest = DecodedPod & { metadata: Meta & { name: string; namespace: string }; spec: Spec & { containers: DecodedContainer[] } };

function fail(reason: string, raw: object, path: FieldPath): never {
  throw new ValidationError(reason, { object: raw, path });
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** validation.IsDNS1123Label: the first problem, or undefined. */
export function dns1123LabelError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  return DNS1123_LABEL.test(value) ? undefined : LABEL_MESSAGE;
}

/** validation.IsDNS1123Subdomain: the first problem, or undefined. */
export function dns1123SubdomainError(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  return DNS1123_SUBDOMAIN.test(value) ? undefined : SUBDOMAIN_MESSAGE;
}

function checkName(value: string, error: string | undefined, raw: object, path: FieldPath): void {
  if (error) fail(`Invalid value: ${JSON.stringify(value)}: ${error}`, raw, path);
}

function nonNegative(value: number | undefined, raw: object, path: FieldPath): void {
  if (value !== undefined && value < 0) fail(`Invalid value: ${value}: must be greater than or equal to 0`, raw, path);
}

/** A grace period: ≥ 0 (or > 0), and within LIMITS.gracePeriodSeconds. */
function gracePeriod(value: number | undefined, raw: object, path: FieldPath, positive = false): void {
  if (value === undefined) return;
  if (positive && value <= 0) fail(`Invalid value: ${value}: must be greater than 0`, raw, path);
  nonNegative(value, raw, path);
  checkLimit(value, LIMITS.gracePeriodSeconds, 'grace period in seconds', { object: raw, path });
}

/** ValidateResourceRequirements for the resources this chapter reads, plus the memory size limit. */
function validateResources(container: DecodedContainer, raw: object, base: FieldPath): void {
  const parsed = { requests: new Map<string, Quantity>(), limits: new Map<string, Quantity>() };
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, value] of Object.entries(container.resources?.[kind] ?? {})) {
      const q = Quantity.parse(value); // the decoder checked it parses
      if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, raw, [...base, kind, name]);
      if (name === 'memory') checkMemoryLimit(q.value(), raw, [...base, kind, name]);
      parsed[kind].set(name, q);
    }
  }
  for (const [name, request] of parsed.requests) {
    const limit = parsed.limits.get(name);
    // ValidateResourceRequirements: field.Invalid(reqPath, ...)
    if (limit && request.cmp(limit) > 0) {
      fail(`Invalid value: "${request}": must be less than or equal to ${name} limit of ${limit}`, raw, [...base, 'requests']);
    }
  }
}

/** validateProbe: non-negative fields; liveness and startup probes need successThreshold 1. */
function validateProbes(container: DecodedContainer, raw: object, base: FieldPath): void {
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = container[key];
    if (!probe) continue;
    const at = [...base, key];
    for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
      nonNegative(probe[field], raw, [...at, field]);
    }
    if (key !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 0 && probe.successThreshold !== 1) {
      fail(`Invalid value: ${probe.successThreshold}: must be 1`, raw, [...at, 'successThreshold']);
    }
    gracePeriod(probe.terminationGracePeriodSeconds, raw, [...at, 'terminationGracePeriodSeconds'], true);
  }
  nonNegative(container.lifecycle?.preStop?.sleep?.seconds, raw, [...base, 'lifecycle', 'preStop', 'sleep', 'seconds']);
  nonNegative(container.lifecycle?.postStart?.sleep?.seconds, raw, [...base, 'lifecycle', 'postStart', 'sleep', 'seconds']);
}

/**
 * Validates a decoded Pod as the API server does on create and returns it as the
 * server stores it: status and the fields the server sets itself (uid,
 * creationTimestamp, deletionTimestamp, …) are dropped (rest.BeforeCreate,
 * podStrategy.PrepareForCreate).
 *
 * @example validatePod(raw, readPod(raw)).metadata.name // 'web'
 */
export function validatePod(raw: object, pod: DecodedPod): PodManifest {
  const meta = pod.metadata ?? {};
  if (!meta.name) fail('Required value: name or generateName is required', raw, ['metadata', 'name']);
  checkName(meta.name, dns1123SubdomainError(meta.name), raw, ['metadata', 'name']);
  if (meta.namespace) checkName(meta.namespace, dns1123LabelError(meta.namespace), raw, ['metadata', 'namespace']);
  const spec = pod.spec;
  if (!spec) fail('Required value', raw, ['spec']);
  const policy = spec.restartPolicy;
  if (policy !== undefined && policy !== 'Always' && policy !== 'OnFailure' && policy !== 'Never') {
    fail(`Unsupported value: ${JSON.stringify(policy)}: supported values: "Always", "OnFailure", "Never"`, raw, ['spec', 'restartPolicy']);
  }
  if (!spec.containers || spec.containers.length === 0) fail('Required value', raw, ['spec', 'containers']);
  const all = (spec.initContainers?.length ?? 0) + spec.containers.length;
  checkLimit(all, LIMITS.containersPerPod, 'containers in one Pod', { object: raw, path: ['spec', 'containers'] });
  gracePeriod(spec.terminationGracePeriodSeconds, raw, ['spec', 'terminationGracePeriodSeconds']);
  for (const [name, value] of Object.entries(spec.overhead ?? {})) {
    const q = Quantity.parse(value);
    if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, raw, ['spec', 'overhead', name]);
    if (name === 'memory') checkMemoryLimit(q.value(), raw, ['spec', 'overhead', name]);
  }
  // Container names are unique across init and regular containers (validateInitContainers: allNames).
  const seen = new Set<string>();
  for (const key of ['initContainers', 'containers'] as const) {
    (spec[key] ?? []).forEach((c, i) => {
      const base = ['spec', key, i];
      if (!c.name) fail('Required value', raw, [...base, 'name']);
      checkName(c.name, dns1123LabelError(c.name), raw, [...base, 'name']);
      if (seen.has(c.name)) fail(`Duplicate value: "${c.name}"`, raw, [...base, 'name']);
      seen.add(c.name);
      if (c.restartPolicy !== undefined) {
        if (key === 'containers') fail('Forbidden: may not be set for non-init containers', raw, [...base, 'restartPolicy']);
        if (c.restartPolicy !== 'Always') fail(`Unsupported value: ${JSON.stringify(c.restartPolicy)}: supported values: "Always"`, raw, [...base, 'restartPolicy']);
      }
      const pull = c.imagePullPolicy;
      if (pull !== undefined && pull !== 'Always' && pull !== 'IfNotPresent' && pull !== 'Never') {
        fail(`Unsupported value: ${JSON.stringify(pull)}: supported values: "Always", "IfNotPresent", "Never"`, raw, [...base, 'imagePullPolicy']);
      }
      validateResources(c, raw, [...base, 'resources']);
      validateProbes(c, raw, base);
    });
  }
  const { uid, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, resourceVersion, generation, managedFields, ...kept } = meta;
  void [uid, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, resourceVersion, generation, managedFields];
  // kubectl sends an empty namespace as the current one: "default" here.
  return { apiVersion: pod.apiVersion, kind: pod.kind, metadata: { ...kept, name: meta.name, namespace: meta.namespace || 'default' }, spec: { ...spec, containers: spec.containers } };
}

const STANDARD_LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** ValidateLimitRange: type names, duplicates, Pod items without defaults, and min ≤ default request ≤ default ≤ max. */
export function validateLimitRange(raw: object, lr: DecodedLimitRange): void {
  const types = new Set<string>();
  (lr.spec?.limits ?? []).forEach((item, i) => {
    const at = ['spec', 'limits', i];
    const type = item.type ?? '';
    if (type === '') fail('Invalid value: "": name part must be non-empty', raw, [...at, 'type']);
    if (!type.includes('/') && !STANDARD_LIMIT_TYPES.includes(type)) fail(`Invalid value: ${JSON.stringify(type)}: must be a standard limit type or fully qualified`, raw, [...at, 'type']);
    if (types.has(type)) fail(`Duplicate value: ${JSON.stringify(type)}`, raw, [...at, 'type']);
    types.add(type);
    if (type === 'Pod') {
      if (Object.keys(item.default ?? {}).length > 0) fail("Forbidden: may not be specified when `type` is 'Pod'", raw, [...at, 'default']);
      if (Object.keys(item.defaultRequest ?? {}).length > 0) fail("Forbidden: may not be specified when `type` is 'Pod'", raw, [...at, 'defaultRequest']);
    }
    const q = (field: 'min' | 'max' | 'default' | 'defaultRequest' | 'maxLimitRequestRatio', k: string) => {
      const v = item[field]?.[k];
      return v === undefined ? undefined : Quantity.parse(v);
    };
    const keys = new Set<string>();
    for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const) {
      for (const [k, v] of Object.entries(item[field] ?? {})) {
        keys.add(k);
        if (k === 'memory' && field !== 'maxLimitRequestRatio') checkMemoryLimit(Quantity.parse(v).value(), raw, [...at, field, k]);
      }
    }
    for (const k of [...keys].sort()) {
      const [min, max, def, defReq, ratio] = [q('min', k), q('max', k), q('default', k), q('defaultRequest', k), q('maxLimitRequestRatio', k)];
      if (min && max && min.cmp(max) > 0) fail(`Invalid value: "${min}": min value ${min} is greater than max value ${max}`, raw, [...at, 'min', k]);
      if (defReq && min && min.cmp(defReq) > 0) fail(`Invalid value: "${defReq}": min value ${min} is greater than default request value ${defReq}`, raw, [...at, 'defaultRequest', k]);
      if (defReq && max && defReq.cmp(max) > 0) fail(`Invalid value: "${defReq}": default request value ${defReq} is greater than max value ${max}`, raw, [...at, 'defaultRequest', k]);
      if (defReq && def && defReq.cmp(def) > 0) fail(`Invalid value: "${defReq}": default request value ${defReq} is greater than default limit value ${def}`, raw, [...at, 'defaultRequest', k]);
      if (def && min && min.cmp(def) > 0) fail(`Invalid value: "${min}": min value ${min} is greater than default value ${def}`, raw, [...at, 'default', k]);
      if (def && max && def.cmp(max) > 0) fail(`Invalid value: "${max}": default value ${def} is greater than max value ${max}`, raw, [...at, 'default', k]);
      if (ratio && ratio.cmp(Quantity.fromInteger(1)) < 0) fail(`Invalid value: "${ratio}": ratio ${ratio} is less than 1`, raw, [...at, 'maxLimitRequestRatio', k]);
    }
  });
}

/** ValidateResourceQuota: every hard and used amount is ≥ 0 (ValidateResourceQuantityValue). */
export function validateResourceQuota(raw: object, quota: DecodedResourceQuota): void {
  const lists = [
    [['spec', 'hard'], quota.spec?.hard],
    [['status', 'hard'], quota.status?.hard],
    [['status', 'used'], quota.status?.used],
  ] as const;
  for (const [path, list] of lists) {
    for (const [k, v] of Object.entries(list ?? {})) {
      const q = Quantity.parse(v);
      if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, raw, [...path, k]);
    }
  }
}
