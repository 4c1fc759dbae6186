// Validates the Pod (or a workload's Pod template) the way the API server would
// before it could reach a kubelet: known fields only (kubectl's strict field
// validation), names, images, restart policies, probes, lifecycle hooks.
// Messages follow apimachinery's field.Error forms: `Required value`,
// `Invalid value: …`, `Unsupported value: …: supported values: …`, `Forbidden: …`.
// src: pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers,
// validateInitContainers, validateProbe, validateLifecycle).

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';

export const MAX_CONTAINERS = 20;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const POD_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const META_FIELDS = [
  'name', 'generateName', 'namespace', 'labels', 'annotations', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'finalizers',
  'managedFields', 'selfLink',
];
const POD_SPEC_FIELDS = [
  'activeDeadlineSeconds', 'affinity', 'automountServiceAccountToken', 'containers', 'dnsConfig', 'dnsPolicy',
  'enableServiceLinks', 'ephemeralContainers', 'hostAliases', 'hostIPC', 'hostNetwork', 'hostPID', 'hostUsers',
  'hostname', 'imagePullSecrets', 'initContainers', 'nodeName', 'nodeSelector', 'os', 'overhead',
  'preemptionPolicy', 'priority', 'priorityClassName', 'readinessGates', 'resourceClaims', 'resources',
  'restartPolicy', 'runtimeClassName', 'schedulerName', 'schedulingGates', 'securityContext', 'serviceAccount',
  'serviceAccountName', 'setHostnameAsFQDN', 'shareProcessNamespace', 'subdomain', 'terminationGracePeriodSeconds',
  'tolerations', 'topologySpreadConstraints', 'volumes',
];
const CONTAINER_FIELDS = [
  'args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'name', 'ports',
  'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy', 'securityContext', 'startupProbe', 'stdin',
  'stdinOnce', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices', 'volumeMounts',
  'workingDir',
];
const PROBE_FIELDS = [
  'exec', 'failureThreshold', 'grpc', 'httpGet', 'initialDelaySeconds', 'periodSeconds', 'successThreshold',
  'tcpSocket', 'terminationGracePeriodSeconds', 'timeoutSeconds',
];
const HANDLER_FIELDS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_FIELDS = ['postStart', 'preStop', 'stopSignal'];
const LIFECYCLE_HANDLER_FIELDS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Rejects fields that are not in `known`, as kubectl's strict field validation does. */
export function checkKnownFields(obj: JsonObject, known: readonly string[], root: object, path: FieldPath, typeName: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      throw new ValidationError(`unknown field "${key}" in ${typeName}`, { object: root, path: [...path, key] });
    }
  }
}

export function requireObject(v: JsonValue | undefined, root: object, path: FieldPath, what = 'a mapping'): JsonObject {
  if (v === undefined || v === null) throw new ValidationError('Required value', { object: root, path });
  if (!isObject(v)) throw new ValidationError(`Invalid value: must be ${what}`, { object: root, path });
  return v;
}

export function optionalInt(
  obj: JsonObject,
  key: string,
  root: object,
  path: FieldPath,
  min: number,
  minMessage = `must be greater than or equal to ${min}`,
): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new ValidationError(`Invalid value: ${JSON.stringify(v)}: must be an integer`, { object: root, path: [...path, key] });
  }
  if (v < min) throw new ValidationError(`Invalid value: ${v}: ${minMessage}`, { object: root, path: [...path, key] });
  return v;
}

function stringList(v: JsonValue | undefined, root: object, path: FieldPath): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new ValidationError('Invalid value: must be a list of strings', { object: root, path });
  }
}

function validateHandler(h: JsonObject, root: object, path: FieldPath, fields: readonly string[]): void {
  const handlers = fields.filter((f) => h[f] !== undefined && h[f] !== null);
  if (handlers.length === 0) throw new ValidationError('Required value: must specify a handler type', { object: root, path });
  if (handlers.length > 1) {
    throw new ValidationError('Forbidden: may not specify more than 1 handler type', { object: root, path: [...path, handlers[1]] });
  }
  const kind = handlers[0];
  const spec = requireObject(h[kind], root, [...path, kind]);
  if (kind === 'exec') {
    checkKnownFields(spec, ['command'], root, [...path, kind], 'io.k8s.api.core.v1.ExecAction');
    stringList(spec.command, root, [...path, kind, 'command']);
    if (!Array.isArray(spec.command) || spec.command.length === 0) {
      throw new ValidationError('Required value', { object: root, path: [...path, kind, 'command'] });
    }
  } else if (kind === 'httpGet' || kind === 'tcpSocket' || kind === 'grpc') {
    const known = kind === 'httpGet' ? ['path', 'port', 'host', 'scheme', 'httpHeaders'] : kind === 'grpc' ? ['port', 'service'] : ['port', 'host'];
    checkKnownFields(spec, known, root, [...path, kind], `io.k8s.api.core.v1.${kind === 'httpGet' ? 'HTTPGetAction' : kind === 'grpc' ? 'GRPCAction' : 'TCPSocketAction'}`);
    const port = spec.port;
    if (port === undefined || port === null) throw new ValidationError('Required value', { object: root, path: [...path, kind, 'port'] });
    if (typeof port === 'number' && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw new ValidationError(`Invalid value: ${port}: must be between 1 and 65535, inclusive`, { object: root, path: [...path, kind, 'port'] });
    }
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ValidationError('Invalid value: must be a port number or name', { object: root, path: [...path, kind, 'port'] });
    }
  } else if (kind === 'sleep') {
    checkKnownFields(spec, ['seconds'], root, [...path, kind], 'io.k8s.api.core.v1.SleepAction');
    const secs = optionalInt(spec, 'seconds', root, [...path, kind], 0);
    if (secs === undefined) throw new ValidationError('Required value', { object: root, path: [...path, kind, 'seconds'] });
  }
}

type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

function validateProbe(p: JsonObject, kind: ProbeKind, root: object, path: FieldPath): void {
  checkKnownFields(p, PROBE_FIELDS, root, path, 'io.k8s.api.core.v1.Probe');
  validateHandler(p, root, path, HANDLER_FIELDS);
  optionalInt(p, 'initialDelaySeconds', root, path, 0);
  optionalInt(p, 'timeoutSeconds', root, path, 0);
  // The API server defaults 0 to 10 (SetDefaults_Probe); the simulator rejects it so that a
  // probe written as "every 0 seconds" does not silently become "every 10 seconds".
  optionalInt(p, 'periodSeconds', root, path, 1,
    'must be greater than or equal to 1 (a real API server would silently default 0 to 10 seconds)');
  optionalInt(p, 'successThreshold', root, path, 0);
  optionalInt(p, 'failureThreshold', root, path, 0);
  const success = p.successThreshold;
  if ((kind === 'livenessProbe' || kind === 'startupProbe') && typeof success === 'number' && success > 1) {
    throw new ValidationError(`Invalid value: ${success}: must be 1`, { object: root, path: [...path, 'successThreshold'] });
  }
  optionalInt(p, 'terminationGracePeriodSeconds', root, path, 1, 'must be greater than 0');
  if (kind === 'readinessProbe' && p.terminationGracePeriodSeconds !== undefined) {
    throw new ValidationError('Invalid value: must not be set for readinessProbes', {
      object: root,
      path: [...path, 'terminationGracePeriodSeconds'],
    });
  }
}

function validateLifecycle(l: JsonObject, root: object, path: FieldPath): void {
  checkKnownFields(l, LIFECYCLE_FIELDS, root, path, 'io.k8s.api.core.v1.Lifecycle');
  for (const hook of ['postStart', 'preStop']) {
    if (l[hook] === undefined) continue;
    const h = requireObject(l[hook], root, [...path, hook]);
    checkKnownFields(h, LIFECYCLE_HANDLER_FIELDS, root, [...path, hook], 'io.k8s.api.core.v1.LifecycleHandler');
    validateHandler(h, root, [...path, hook], LIFECYCLE_HANDLER_FIELDS);
  }
}

function validateContainer(c: JsonObject, root: object, path: FieldPath, init: boolean, names: Set<string>): void {
  checkKnownFields(c, CONTAINER_FIELDS, root, path, 'io.k8s.api.core.v1.Container');
  const name = c.name;
  if (name === undefined || name === null || name === '') throw new ValidationError('Required value', { object: root, path: [...path, 'name'] });
  if (typeof name !== 'string' || !DNS1123_LABEL.test(name) || name.length > 63) {
    throw new ValidationError(`Invalid value: ${JSON.stringify(name)}: ${DNS1123_LABEL_MESSAGE}`, { object: root, path: [...path, 'name'] });
  }
  if (names.has(name)) throw new ValidationError(`Duplicate value: "${name}"`, { object: root, path: [...path, 'name'] });
  names.add(name);
  if (c.image === undefined || c.image === null || c.image === '') {
    throw new ValidationError('Required value', { object: root, path: [...path, 'image'] });
  }
  if (typeof c.image !== 'string') throw new ValidationError('Invalid value: must be a string', { object: root, path: [...path, 'image'] });
  if (c.image.trim() !== c.image) {
    throw new ValidationError('Invalid value: must not have leading or trailing whitespace', { object: root, path: [...path, 'image'] });
  }
  if (c.imagePullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy as string)) {
    throw new ValidationError(
      `Unsupported value: ${JSON.stringify(c.imagePullPolicy)}: supported values: "Always", "IfNotPresent", "Never"`,
      { object: root, path: [...path, 'imagePullPolicy'] },
    );
  }
  stringList(c.command, root, [...path, 'command']);
  stringList(c.args, root, [...path, 'args']);
  const sidecar = init && c.restartPolicy === 'Always';
  if (c.restartPolicy !== undefined) {
    if (!init) {
      throw new ValidationError('Forbidden: may not be set for non-init containers', { object: root, path: [...path, 'restartPolicy'] });
    }
    if (c.restartPolicy !== 'Always') {
      throw new ValidationError(`Unsupported value: ${JSON.stringify(c.restartPolicy)}: supported values: "Always"`, {
        object: root,
        path: [...path, 'restartPolicy'],
      });
    }
  }
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (c[kind] === undefined || c[kind] === null) continue;
    if (init && !sidecar) {
      throw new ValidationError('Forbidden: may not be set for init containers without restartPolicy=Always', {
        object: root,
        path: [...path, kind],
      });
    }
    validateProbe(requireObject(c[kind], root, [...path, kind]), kind, root, [...path, kind]);
  }
  if (c.lifecycle !== undefined && c.lifecycle !== null) {
    if (init && !sidecar) {
      throw new ValidationError('Forbidden: may not be set for init containers without restartPolicy=Always', {
        object: root,
        path: [...path, 'lifecycle'],
      });
    }
    validateLifecycle(requireObject(c.lifecycle, root, [...path, 'lifecycle']), root, [...path, 'lifecycle']);
  }
}

export interface ValidatedPodSpec {
  /** Warnings the API server would return (for example a negative grace period set to 1). */
  warnings: string[];
}

/**
 * Validates metadata and spec of a Pod (or a Pod template) in place; applies the
 * one mutation the API server applies with a warning (negative grace period → 1).
 * `allowedRestartPolicies` narrows restartPolicy for workloads (Deployment: Always;
 * Job: OnFailure, Never).
 */
export function validatePodSpec(
  spec: JsonObject,
  root: object,
  path: FieldPath,
  allowedRestartPolicies: readonly string[] = ['Always', 'OnFailure', 'Never'],
): ValidatedPodSpec {
  const warnings: string[] = [];
  checkKnownFields(spec, POD_SPEC_FIELDS, root, path, 'io.k8s.api.core.v1.PodSpec');
  const list = spec.containers;
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) {
    throw new ValidationError('Required value', { object: root, path: [...path, 'containers'] });
  }
  if (!Array.isArray(list)) throw new ValidationError('Invalid value: must be a list', { object: root, path: [...path, 'containers'] });
  const inits = spec.initContainers ?? [];
  if (!Array.isArray(inits)) throw new ValidationError('Invalid value: must be a list', { object: root, path: [...path, 'initContainers'] });
  if (list.length + inits.length > MAX_CONTAINERS) {
    throw new ValidationError(`Too many: ${list.length + inits.length}: this simulation takes at most ${MAX_CONTAINERS} containers per Pod`, {
      object: root,
      path: [...path, 'containers'],
      code: 'limit',
    });
  }
  const names = new Set<string>();
  inits.forEach((c, i) => validateContainer(requireObject(c, root, [...path, 'initContainers', i]), root, [...path, 'initContainers', i], true, names));
  list.forEach((c, i) => validateContainer(requireObject(c, root, [...path, 'containers', i]), root, [...path, 'containers', i], false, names));

  if (spec.restartPolicy !== undefined) {
    const policy = spec.restartPolicy;
    if (typeof policy !== 'string' || !allowedRestartPolicies.includes(policy)) {
      throw new ValidationError(
        `Unsupported value: ${JSON.stringify(policy)}: supported values: ${allowedRestartPolicies.map((p) => `"${p}"`).join(', ')}`,
        { object: root, path: [...path, 'restartPolicy'] },
      );
    }
  } else if (!allowedRestartPolicies.includes('Always')) {
    throw new ValidationError(`Required value: valid values: ${allowedRestartPolicies.map((p) => `"${p}"`).join(', ')}`, {
      object: root,
      path: [...path, 'restartPolicy'],
    });
  }
  const grace = spec.terminationGracePeriodSeconds;
  if (grace !== undefined && grace !== null) {
    if (typeof grace !== 'number' || !Number.isInteger(grace)) {
      throw new ValidationError(`Invalid value: ${JSON.stringify(grace)}: must be an integer`, {
        object: root,
        path: [...path, 'terminationGracePeriodSeconds'],
      });
    }
    if (grace < 0) {
      // pkg/registry/core/pod/strategy.go (v1.27+): a negative value is changed to 1, with a warning.
      warnings.push(`spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`);
      spec.terminationGracePeriodSeconds = 1;
    }
  }
  if (spec.nodeName !== undefined && (typeof spec.nodeName !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(spec.nodeName))) {
    throw new ValidationError(`Invalid value: ${JSON.stringify(spec.nodeName)}: a lowercase RFC 1123 subdomain`, {
      object: root,
      path: [...path, 'nodeName'],
    });
  }
  return { warnings };
}

/** Validates a Pod's top level and metadata. */
export function validatePodObject(pod: JsonObject): JsonObject {
  checkKnownFields(pod, POD_FIELDS, pod, [], 'io.k8s.api.core.v1.Pod');
  const meta = requireObject(pod.metadata, pod, ['metadata']);
  validateMetadata(meta, pod, ['metadata'], 'io.k8s.api.core.v1.Pod');
  return requireObject(pod.spec, pod, ['spec']);
}

/** Validates ObjectMeta: known fields and a DNS-1123 subdomain name. */
export function validateMetadata(meta: JsonObject, root: object, path: FieldPath, kind: string): void {
  checkKnownFields(meta, META_FIELDS, root, path, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  const name = meta.name;
  if ((name === undefined || name === null || name === '') && !meta.generateName) {
    throw new ValidationError(`Required value: name or generateName is required`, { object: root, path: [...path, 'name'] });
  }
  if (name !== undefined && name !== null && (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253)) {
    throw new ValidationError(
      `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      { object: root, path: [...path, 'name'] },
    );
  }
  void kind;
}
