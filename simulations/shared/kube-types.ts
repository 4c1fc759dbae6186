// The JSON types of the built-in Kubernetes objects the simulations read, and
// the check the API server's decoder makes before anything else sees them.
//
// The API server decodes a manifest into Go structs: a number where a string
// belongs, or a string where an int belongs, fails the whole request with
// `json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string`,
// and with kubectl's default `--validate=strict` an unknown field fails with
// `strict decoding error: unknown field "spec.containers[0].resource"`.
// Running the same check in the shared runtime, for every engine, means a
// learner gets that error (with the line) instead of an engine tripping over it.
//
// Types are transcribed from staging/src/k8s.io/api/{core,apps,batch,scheduling}/v1/types.go
// and apimachinery/pkg/apis/meta/v1/types.go (v1.33). Structs marked `open`
// list only the fields the simulations read: their other fields are not
// checked, and unknown fields are allowed there. Closed structs list every
// field upstream has, so an unknown field is reported, as strict decoding does.
// `null` is accepted everywhere: Go decodes it as the zero value.

import { ValidationError } from './errors.ts';
import type { FieldPath } from './errors.ts';
import { Quantity } from '../apimachinery/quantity.ts';
import type { KubeObject } from './yaml.ts';

type Scalar = 'string' | 'int' | 'bool' | 'quantity' | 'int-or-string' | 'time' | 'any' | 'number';
type TypeRef = Scalar | { list: TypeRef } | { map: TypeRef } | string; // a string that is not a Scalar names a struct

interface StructType {
  fields: Record<string, TypeRef>;
  /** Only some fields are listed: unknown fields are not errors. */
  open?: boolean;
}

const S = 'string';
const I = 'int';
const B = 'bool';
const Q = 'quantity';
const T = 'time';
const list = (of: TypeRef) => ({ list: of });
const map = (of: TypeRef) => ({ map: of });
const strings = list(S);
const labels = map(S);
const resources = map(Q);

const probeHandlers: Record<string, TypeRef> = {
  exec: 'ExecAction',
  httpGet: 'HTTPGetAction',
  tcpSocket: 'TCPSocketAction',
  grpc: 'GRPCAction',
};

export const STRUCTS: Record<string, StructType> = {
  ObjectMeta: {
    open: true, // server-written fields come and go between versions
    fields: {
      name: S, generateName: S, namespace: S, selfLink: S, uid: S, resourceVersion: S, generation: I,
      creationTimestamp: T, deletionTimestamp: T, deletionGracePeriodSeconds: I, labels, annotations: labels,
      ownerReferences: list('OwnerReference'), finalizers: strings, managedFields: list('any'),
    },
  },
  OwnerReference: { fields: { apiVersion: S, kind: S, name: S, uid: S, controller: B, blockOwnerDeletion: B } },
  LabelSelector: { fields: { matchLabels: labels, matchExpressions: list('LabelSelectorRequirement') } },
  LabelSelectorRequirement: { fields: { key: S, operator: S, values: strings } },

  Pod: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' } },
  PodTemplateSpec: { fields: { metadata: 'ObjectMeta', spec: 'PodSpec' } },
  PodSpec: {
    fields: {
      volumes: list('any'), initContainers: list('Container'), containers: list('Container'), ephemeralContainers: list('any'),
      restartPolicy: S, terminationGracePeriodSeconds: I, activeDeadlineSeconds: I, dnsPolicy: S, nodeSelector: labels,
      serviceAccountName: S, serviceAccount: S, automountServiceAccountToken: B, nodeName: S, hostNetwork: B, hostPID: B,
      hostIPC: B, shareProcessNamespace: B, securityContext: 'any', imagePullSecrets: list('any'), hostname: S, subdomain: S,
      affinity: 'Affinity', schedulerName: S, tolerations: list('Toleration'), hostAliases: list('any'), priorityClassName: S,
      priority: I, dnsConfig: 'any', readinessGates: list('PodReadinessGate'), runtimeClassName: S, enableServiceLinks: B,
      preemptionPolicy: S, overhead: resources, topologySpreadConstraints: list('TopologySpreadConstraint'),
      setHostnameAsFQDN: B, os: 'any', hostUsers: B, schedulingGates: list('PodSchedulingGate'), resourceClaims: list('any'),
      resources: 'ResourceRequirements',
    },
  },
  PodReadinessGate: { fields: { conditionType: S } },
  PodSchedulingGate: { fields: { name: S } },
  Container: {
    fields: {
      name: S, image: S, command: strings, args: strings, workingDir: S, ports: list('ContainerPort'), envFrom: list('any'),
      env: list('EnvVar'), resources: 'ResourceRequirements', resizePolicy: list('any'), restartPolicy: S,
      restartPolicyRules: list('any'), volumeMounts: list('any'), volumeDevices: list('any'), livenessProbe: 'Probe',
      readinessProbe: 'Probe', startupProbe: 'Probe', lifecycle: 'Lifecycle', terminationMessagePath: S,
      terminationMessagePolicy: S, imagePullPolicy: S, securityContext: 'any', stdin: B, stdinOnce: B, tty: B,
    },
  },
  ContainerPort: { fields: { name: S, hostPort: I, containerPort: I, protocol: S, hostIP: S } },
  EnvVar: { fields: { name: S, value: S, valueFrom: 'any' } },
  ResourceRequirements: { fields: { limits: resources, requests: resources, claims: list('any') } },
  Probe: {
    fields: {
      ...probeHandlers, initialDelaySeconds: I, timeoutSeconds: I, periodSeconds: I, successThreshold: I,
      failureThreshold: I, terminationGracePeriodSeconds: I,
    },
  },
  ExecAction: { fields: { command: strings } },
  HTTPGetAction: { fields: { path: S, port: 'int-or-string', host: S, scheme: S, httpHeaders: list('any') } },
  TCPSocketAction: { fields: { port: 'int-or-string', host: S } },
  GRPCAction: { fields: { port: I, service: S } },
  Lifecycle: { fields: { postStart: 'LifecycleHandler', preStop: 'LifecycleHandler', stopSignal: S } },
  LifecycleHandler: { fields: { exec: 'ExecAction', httpGet: 'HTTPGetAction', tcpSocket: 'TCPSocketAction', sleep: 'SleepAction' } },
  SleepAction: { fields: { seconds: I } },
  Affinity: { fields: { nodeAffinity: 'NodeAffinity', podAffinity: 'PodAffinity', podAntiAffinity: 'PodAffinity' } },
  NodeAffinity: {
    fields: {
      requiredDuringSchedulingIgnoredDuringExecution: 'NodeSelector',
      preferredDuringSchedulingIgnoredDuringExecution: list('PreferredSchedulingTerm'),
    },
  },
  NodeSelector: { fields: { nodeSelectorTerms: list('NodeSelectorTerm') } },
  NodeSelectorTerm: { fields: { matchExpressions: list('NodeSelectorRequirement'), matchFields: list('NodeSelectorRequirement') } },
  NodeSelectorRequirement: { fields: { key: S, operator: S, values: strings } },
  PreferredSchedulingTerm: { fields: { weight: I, preference: 'NodeSelectorTerm' } },
  PodAffinity: {
    fields: {
      requiredDuringSchedulingIgnoredDuringExecution: list('PodAffinityTerm'),
      preferredDuringSchedulingIgnoredDuringExecution: list('WeightedPodAffinityTerm'),
    },
  },
  PodAffinityTerm: {
    fields: { labelSelector: 'LabelSelector', namespaces: strings, topologyKey: S, namespaceSelector: 'LabelSelector', matchLabelKeys: strings, mismatchLabelKeys: strings },
  },
  WeightedPodAffinityTerm: { fields: { weight: I, podAffinityTerm: 'PodAffinityTerm' } },
  Toleration: { fields: { key: S, operator: S, value: S, effect: S, tolerationSeconds: I } },
  TopologySpreadConstraint: {
    fields: {
      maxSkew: I, topologyKey: S, whenUnsatisfiable: S, labelSelector: 'LabelSelector', minDomains: I,
      nodeAffinityPolicy: S, nodeTaintsPolicy: S, matchLabelKeys: strings,
    },
  },
  PodStatus: {
    open: true, // written by the kubelet; pasted from newer clusters it may carry newer fields
    fields: {
      observedGeneration: I, phase: S, conditions: list('PodCondition'), message: S, reason: S, nominatedNodeName: S, hostIP: S,
      hostIPs: list('any'), podIP: S, podIPs: list('any'), startTime: T, initContainerStatuses: list('ContainerStatus'),
      containerStatuses: list('ContainerStatus'), qosClass: S, ephemeralContainerStatuses: list('ContainerStatus'), resize: S,
      resourceClaimStatuses: list('any'),
    },
  },
  PodCondition: { fields: { observedGeneration: I, type: S, status: S, lastProbeTime: T, lastTransitionTime: T, reason: S, message: S } },
  ContainerStatus: {
    open: true,
    fields: {
      name: S, state: 'ContainerState', lastState: 'ContainerState', ready: B, restartCount: I, image: S, imageID: S,
      containerID: S, started: B, allocatedResources: resources, resources: 'ResourceRequirements',
    },
  },
  ContainerState: { fields: { waiting: 'ContainerStateWaiting', running: 'ContainerStateRunning', terminated: 'ContainerStateTerminated' } },
  ContainerStateWaiting: { fields: { reason: S, message: S } },
  ContainerStateRunning: { fields: { startedAt: T } },
  ContainerStateTerminated: { fields: { exitCode: I, signal: I, reason: S, message: S, startedAt: T, finishedAt: T, containerID: S } },

  Node: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'NodeSpec', status: 'NodeStatus' } },
  NodeSpec: { fields: { podCIDR: S, podCIDRs: strings, providerID: S, unschedulable: B, taints: list('Taint'), configSource: 'any', externalID: S } },
  Taint: { fields: { key: S, value: S, effect: S, timeAdded: T } },
  NodeStatus: {
    open: true,
    fields: {
      capacity: resources, allocatable: resources, phase: S, conditions: list('NodeCondition'), addresses: list('any'),
      images: list('ContainerImage'), volumesInUse: strings,
    },
  },
  NodeCondition: { fields: { type: S, status: S, lastHeartbeatTime: T, lastTransitionTime: T, reason: S, message: S } },
  ContainerImage: { fields: { names: strings, sizeBytes: I } },

  Namespace: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'any', status: 'any' } },
  Service: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'ServiceSpec', status: 'any' } },
  ServiceSpec: { open: true, fields: { ports: list('ServicePort'), selector: labels, clusterIP: S, clusterIPs: strings, type: S } },
  ServicePort: { fields: { name: S, protocol: S, appProtocol: S, port: I, targetPort: 'int-or-string', nodePort: I } },

  Deployment: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'any' } },
  DeploymentSpec: {
    fields: {
      replicas: I, selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: 'any', minReadySeconds: I,
      revisionHistoryLimit: I, paused: B, progressDeadlineSeconds: I,
    },
  },
  ReplicaSet: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'any' } },
  ReplicaSetSpec: { fields: { replicas: I, minReadySeconds: I, selector: 'LabelSelector', template: 'PodTemplateSpec' } },
  StatefulSet: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'WorkloadSpec', status: 'any' } },
  DaemonSet: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'WorkloadSpec', status: 'any' } },
  Job: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'WorkloadSpec', status: 'any' } },
  WorkloadSpec: { open: true, fields: { replicas: I, selector: 'LabelSelector', template: 'PodTemplateSpec' } },

  Event: {
    open: true,
    fields: {
      apiVersion: S, kind: S, metadata: 'ObjectMeta', involvedObject: 'any', reason: S, message: S, source: 'any',
      firstTimestamp: T, lastTimestamp: T, count: I, type: S, eventTime: T, series: 'any',
    },
  },
  LimitRange: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'LimitRangeSpec' } },
  LimitRangeSpec: { fields: { limits: list('LimitRangeItem') } },
  LimitRangeItem: {
    fields: { type: S, max: resources, min: resources, default: resources, defaultRequest: resources, maxLimitRequestRatio: resources },
  },
  ResourceQuota: { fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', spec: 'ResourceQuotaSpec', status: 'any' } },
  ResourceQuotaSpec: { fields: { hard: resources, scopes: strings, scopeSelector: 'any' } },
  PriorityClass: {
    fields: { apiVersion: S, kind: S, metadata: 'ObjectMeta', value: I, globalDefault: B, description: S, preemptionPolicy: S },
  },
};

/** The root struct of each built-in kind, by "apiVersion/kind". */
export const ROOTS: Record<string, string> = {
  'v1/Pod': 'Pod',
  'v1/Node': 'Node',
  'v1/Namespace': 'Namespace',
  'v1/Service': 'Service',
  'v1/Event': 'Event',
  'v1/LimitRange': 'LimitRange',
  'v1/ResourceQuota': 'ResourceQuota',
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/ReplicaSet': 'ReplicaSet',
  'apps/v1/StatefulSet': 'StatefulSet',
  'apps/v1/DaemonSet': 'DaemonSet',
  'batch/v1/Job': 'Job',
  'scheduling.k8s.io/v1/PriorityClass': 'PriorityClass',
};

const GO_TYPE: Record<string, string> = {
  string: 'string',
  int: 'int32',
  number: 'float64',
  bool: 'bool',
  quantity: 'resource.Quantity',
  'int-or-string': 'intstr.IntOrString',
  time: 'v1.Time',
};

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

// RFC 3339, as metav1.Time unmarshals it.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a built-in object's field types the way the API server's decoder
 * would, throwing a ValidationError at the first problem. Kinds not listed in
 * ROOTS (custom resources, the notebook's own kinds) are left to the engine.
 *
 * @example
 *   checkKubeTypes({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a', image: 42 }] } })
 *   // ValidationError "spec.containers[0].image: Invalid type: got number, expected string
 *   //   (json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string)"
 */
export function checkKubeTypes(object: KubeObject): void {
  const root = ROOTS[`${object.apiVersion}/${object.kind}`];
  if (!root) return;
  checkStruct(object, root, object, [], root);
}

function checkValue(value: unknown, type: TypeRef, top: object, path: (string | number)[], owner: string): void {
  if (value === null || value === undefined) return;
  if (typeof type === 'object') {
    if ('list' in type) {
      if (!Array.isArray(value)) throw typeError(value, 'a list', top, path, owner, `[]${goName(type.list)}`);
      value.forEach((item, i) => checkValue(item, type.list, top, [...path, i], owner));
    } else {
      if (jsonKind(value) !== 'object') throw typeError(value, 'a mapping', top, path, owner, `map[string]${goName(type.map)}`);
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) checkValue(item, type.map, top, [...path, key], owner);
    }
    return;
  }
  switch (type) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') throw typeError(value, 'string', top, path, owner, 'string');
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(value, 'true or false', top, path, owner, 'bool');
      return;
    case 'number':
      if (typeof value !== 'number') throw typeError(value, 'a number', top, path, owner, 'float64');
      return;
    case 'int':
      if (typeof value !== 'number') throw typeError(value, 'an integer', top, path, owner, 'int32');
      if (!Number.isInteger(value)) {
        throw new ValidationError(
          `Invalid value: ${value}: must be an integer (json: cannot unmarshal number ${value} into Go struct field ${goField(owner, path)} of type int32)`,
          { object: top, path },
        );
      }
      return;
    case 'int-or-string':
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
        throw typeError(value, 'an integer or a string', top, path, owner, 'intstr.IntOrString');
      }
      return;
    case 'quantity':
      if (typeof value !== 'string' && typeof value !== 'number') throw typeError(value, 'a quantity', top, path, owner, 'resource.Quantity');
      if (!Quantity.tryParse(value)) {
        throw new ValidationError(
          `Invalid value: ${JSON.stringify(value)}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
          { object: top, path },
        );
      }
      return;
    case 'time':
      if (typeof value !== 'string') throw typeError(value, 'a time (RFC 3339)', top, path, owner, 'v1.Time');
      if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
        throw new ValidationError(`Invalid value: ${JSON.stringify(value)}: must be an RFC 3339 time such as "2025-01-01T00:00:00Z"`, {
          object: top,
          path,
        });
      }
      return;
    default:
      checkStruct(value, type, top, path, type);
  }
}

function checkStruct(value: unknown, name: string, top: object, path: (string | number)[], _owner: string): void {
  const struct = STRUCTS[name];
  if (!struct) return;
  if (jsonKind(value) !== 'object') throw typeError(value, 'a mapping', top, path, name, name);
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const type = Object.prototype.hasOwnProperty.call(struct.fields, key) ? struct.fields[key] : undefined;
    if (type === undefined) {
      if (struct.open) continue;
      throw new ValidationError(`unknown field "${key}" (strict decoding error: unknown field "${pathText([...path, key])}")`, {
        object: top,
        path: [...path, key],
      });
    }
    checkValue(field, type, top, [...path, key], name);
  }
}

function goName(type: TypeRef): string {
  if (typeof type === 'object') return 'list' in type ? `[]${goName(type.list)}` : `map[string]${goName(type.map)}`;
  return GO_TYPE[type] ?? (type === 'any' ? 'interface {}' : type);
}

function pathText(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Go's json error names the field by its struct and its JSON path without indexes. */
function goField(owner: string, path: FieldPath): string {
  return `${owner}.${path.filter((p) => typeof p === 'string').join('.')}`;
}

function typeError(value: unknown, expected: string, top: object, path: FieldPath, owner: string, goType: string): ValidationError {
  const got = jsonKind(value);
  const goGot = got === 'object' ? 'object' : got === 'array' ? 'array' : got === 'boolean' ? 'bool' : got;
  return new ValidationError(
    `Invalid type: got ${got}, expected ${expected} (json: cannot unmarshal ${goGot} into Go struct field ${goField(owner, path)} of type ${goType})`,
    { object: top, path: [...path] },
  );
}
