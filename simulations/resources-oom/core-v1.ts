// The core/v1 (and meta/v1) types this chapter reads, as Go structs for the
// decoder (decode.ts): Pod, Event, Node, LimitRange, ResourceQuota. Only the
// fields some code here reads are declared (the memory simulation, the kubelet
// library it drives, `kubectl describe pod`, `kubectl get pods`, diagnose); any
// other field of a pasted object is dropped, as Go drops a JSON key its struct
// does not have. Field names, nesting and Go type names follow
// staging/src/k8s.io/api/core/v1/types.go and apimachinery/pkg/apis/meta/v1/types.go.

import { BOOL, INT32, INT64, INT_OR_STRING, QUANTITY, STRING, TIME, list, map, rootOf, string, struct } from './decode.ts';
import type { Decoded, GoType } from './decode.ts';

const STRING_MAP = map(STRING);
export const RESOURCE_LIST = map(QUANTITY, 'v1.ResourceList');
const UID = string('types.UID');

// ---- meta/v1 ----

const OWNER_REFERENCE = struct('OwnerReference', {
  apiVersion: STRING, kind: STRING, name: STRING, uid: UID, controller: BOOL, blockOwnerDeletion: BOOL,
});

const MANAGED_FIELDS_ENTRY = struct('ManagedFieldsEntry', {
  manager: STRING, operation: string('v1.ManagedFieldsOperationType'), apiVersion: STRING, time: TIME,
  fieldsType: STRING, subresource: STRING,
});

export const OBJECT_META = struct('ObjectMeta', {
  name: STRING, generateName: STRING, namespace: STRING, uid: UID, resourceVersion: STRING, generation: INT64,
  creationTimestamp: TIME, deletionTimestamp: TIME, deletionGracePeriodSeconds: INT64,
  labels: STRING_MAP, annotations: STRING_MAP, ownerReferences: list(OWNER_REFERENCE), finalizers: list(STRING),
  managedFields: list(MANAGED_FIELDS_ENTRY),
});

const LABEL_SELECTOR = struct('LabelSelector', {
  matchLabels: STRING_MAP,
  matchExpressions: list(struct('LabelSelectorRequirement', { key: STRING, operator: string('v1.LabelSelectorOperator'), values: list(STRING) })),
});

// ---- Containers ----

const RESOURCE_REQUIREMENTS = struct('ResourceRequirements', { limits: RESOURCE_LIST, requests: RESOURCE_LIST });

const EXEC_ACTION = struct('ExecAction', { command: list(STRING) });
const HTTP_GET_ACTION = struct('HTTPGetAction', {
  path: STRING, port: INT_OR_STRING, host: STRING, scheme: string('v1.URIScheme'),
  httpHeaders: list(struct('HTTPHeader', { name: STRING, value: STRING })),
});
const TCP_SOCKET_ACTION = struct('TCPSocketAction', { port: INT_OR_STRING, host: STRING });
const GRPC_ACTION = struct('GRPCAction', { port: INT32, service: STRING });

const PROBE = struct('Probe', {
  exec: EXEC_ACTION, httpGet: HTTP_GET_ACTION, tcpSocket: TCP_SOCKET_ACTION, grpc: GRPC_ACTION,
  initialDelaySeconds: INT32, timeoutSeconds: INT32, periodSeconds: INT32, successThreshold: INT32, failureThreshold: INT32,
  terminationGracePeriodSeconds: INT64,
});

const LIFECYCLE_HANDLER = struct('LifecycleHandler', {
  exec: EXEC_ACTION, httpGet: HTTP_GET_ACTION, tcpSocket: TCP_SOCKET_ACTION, sleep: struct('SleepAction', { seconds: INT64 }),
});

const SECCOMP_PROFILE = struct('SeccompProfile', { type: string('v1.SeccompProfileType'), localhostProfile: STRING });

const OPTIONAL_NAME = { name: STRING, optional: BOOL };

const ENV_VAR = struct('EnvVar', {
  name: STRING, value: STRING,
  valueFrom: struct('EnvVarSource', {
    fieldRef: struct('ObjectFieldSelector', { apiVersion: STRING, fieldPath: STRING }),
    resourceFieldRef: struct('ResourceFieldSelector', { containerName: STRING, resource: STRING, divisor: QUANTITY }),
    configMapKeyRef: struct('ConfigMapKeySelector', { ...OPTIONAL_NAME, key: STRING }),
    secretKeyRef: struct('SecretKeySelector', { ...OPTIONAL_NAME, key: STRING }),
  }),
});

const ENV_FROM_SOURCE = struct('EnvFromSource', {
  prefix: STRING,
  configMapRef: struct('ConfigMapEnvSource', OPTIONAL_NAME),
  secretRef: struct('SecretEnvSource', OPTIONAL_NAME),
});

const CONTAINER_FIELDS = {
  name: STRING, image: STRING, command: list(STRING), args: list(STRING), workingDir: STRING,
  ports: list(struct('ContainerPort', { name: STRING, hostPort: INT32, containerPort: INT32, protocol: string('v1.Protocol'), hostIP: STRING })),
  envFrom: list(ENV_FROM_SOURCE), env: list(ENV_VAR), resources: RESOURCE_REQUIREMENTS,
  restartPolicy: string('v1.ContainerRestartPolicy'),
  volumeMounts: list(struct('VolumeMount', { name: STRING, readOnly: BOOL, mountPath: STRING, subPath: STRING, mountPropagation: STRING, subPathExpr: STRING })),
  volumeDevices: list(struct('VolumeDevice', { name: STRING, devicePath: STRING })),
  livenessProbe: PROBE, readinessProbe: PROBE, startupProbe: PROBE,
  lifecycle: struct('Lifecycle', { postStart: LIFECYCLE_HANDLER, preStop: LIFECYCLE_HANDLER }),
  terminationMessagePath: STRING, terminationMessagePolicy: string('v1.TerminationMessagePolicy'),
  imagePullPolicy: string('v1.PullPolicy'),
  securityContext: struct('SecurityContext', { seccompProfile: SECCOMP_PROFILE }),
  stdin: BOOL, stdinOnce: BOOL, tty: BOOL,
};

export const CONTAINER = struct('Container', CONTAINER_FIELDS);
const EPHEMERAL_CONTAINER = struct('EphemeralContainer', { ...CONTAINER_FIELDS, targetContainerName: STRING });

// ---- Volumes (the sources describe prints) ----

const OPTIONAL_REF = struct('LocalObjectReference', OPTIONAL_NAME);

const VOLUME = struct('Volume', {
  name: STRING,
  hostPath: struct('HostPathVolumeSource', { path: STRING, type: string('v1.HostPathType') }),
  emptyDir: struct('EmptyDirVolumeSource', { medium: string('v1.StorageMedium'), sizeLimit: QUANTITY }),
  secret: struct('SecretVolumeSource', { secretName: STRING, optional: BOOL, defaultMode: INT32 }),
  configMap: struct('ConfigMapVolumeSource', { ...OPTIONAL_NAME, defaultMode: INT32 }),
  persistentVolumeClaim: struct('PersistentVolumeClaimVolumeSource', { claimName: STRING, readOnly: BOOL }),
  projected: struct('ProjectedVolumeSource', {
    defaultMode: INT32,
    sources: list(struct('VolumeProjection', {
      secret: OPTIONAL_REF,
      configMap: OPTIONAL_REF,
      downwardAPI: struct('DownwardAPIProjection', {}),
      serviceAccountToken: struct('ServiceAccountTokenProjection', { audience: STRING, expirationSeconds: INT64, path: STRING }),
    })),
  }),
});

// ---- Pod ----

const POD_SPEC = struct('PodSpec', {
  volumes: list(VOLUME),
  initContainers: list(CONTAINER),
  containers: list(CONTAINER),
  ephemeralContainers: list(EPHEMERAL_CONTAINER),
  restartPolicy: string('v1.RestartPolicy'),
  terminationGracePeriodSeconds: INT64,
  activeDeadlineSeconds: INT64,
  dnsPolicy: string('v1.DNSPolicy'),
  nodeSelector: STRING_MAP,
  serviceAccountName: STRING,
  serviceAccount: STRING,
  nodeName: STRING,
  securityContext: struct('PodSecurityContext', { seccompProfile: SECCOMP_PROFILE }),
  schedulerName: STRING,
  tolerations: list(struct('Toleration', {
    key: STRING, operator: string('v1.TolerationOperator'), value: STRING, effect: string('v1.TaintEffect'), tolerationSeconds: INT64,
  })),
  priorityClassName: STRING,
  priority: INT32,
  readinessGates: list(struct('PodReadinessGate', { conditionType: string('v1.PodConditionType') })),
  runtimeClassName: STRING,
  overhead: RESOURCE_LIST,
  topologySpreadConstraints: list(struct('TopologySpreadConstraint', {
    maxSkew: INT32, topologyKey: STRING, whenUnsatisfiable: string('v1.UnsatisfiableConstraintAction'), labelSelector: LABEL_SELECTOR,
  })),
  resources: RESOURCE_REQUIREMENTS,
});

const CONTAINER_STATE = struct('ContainerState', {
  waiting: struct('ContainerStateWaiting', { reason: STRING, message: STRING }),
  running: struct('ContainerStateRunning', { startedAt: TIME }),
  terminated: struct('ContainerStateTerminated', {
    exitCode: INT32, signal: INT32, reason: STRING, message: STRING, startedAt: TIME, finishedAt: TIME, containerID: STRING,
  }),
});

const CONTAINER_STATUS = struct('ContainerStatus', {
  name: STRING, state: CONTAINER_STATE, lastState: CONTAINER_STATE, ready: BOOL, restartCount: INT32,
  image: STRING, imageID: STRING, containerID: STRING, started: BOOL,
});

const POD_STATUS = struct('PodStatus', {
  phase: string('v1.PodPhase'),
  conditions: list(struct('PodCondition', {
    type: string('v1.PodConditionType'), status: string('v1.ConditionStatus'), lastProbeTime: TIME, lastTransitionTime: TIME,
    reason: STRING, message: STRING,
  })),
  message: STRING, reason: STRING, nominatedNodeName: STRING,
  hostIP: STRING, hostIPs: list(struct('HostIP', { ip: STRING })),
  podIP: STRING, podIPs: list(struct('PodIP', { ip: STRING })),
  startTime: TIME,
  initContainerStatuses: list(CONTAINER_STATUS),
  containerStatuses: list(CONTAINER_STATUS),
  ephemeralContainerStatuses: list(CONTAINER_STATUS),
  qosClass: string('v1.PodQOSClass'),
});

const TYPE_META = { apiVersion: STRING, kind: STRING };

export const POD = struct('Pod', { ...TYPE_META, metadata: OBJECT_META, spec: POD_SPEC, status: POD_STATUS });

// ---- Event (core/v1, as `kubectl get events -o yaml` prints it) ----

const OBJECT_REFERENCE = struct('ObjectReference', {
  kind: STRING, namespace: STRING, name: STRING, uid: UID, apiVersion: STRING, resourceVersion: STRING, fieldPath: STRING,
});

export const EVENT = struct('Event', {
  ...TYPE_META,
  metadata: OBJECT_META,
  involvedObject: OBJECT_REFERENCE,
  reason: STRING,
  message: STRING,
  source: struct('EventSource', { component: STRING, host: STRING }),
  firstTimestamp: TIME,
  lastTimestamp: TIME,
  count: INT32,
  type: STRING,
  eventTime: { ...TIME, name: 'v1.MicroTime' } as GoType<string | null>,
  series: struct('EventSeries', { count: INT32, lastObservedTime: { ...TIME, name: 'v1.MicroTime' } as GoType<string | null> }),
  action: STRING,
  related: OBJECT_REFERENCE,
  reportingComponent: STRING,
  reportingInstance: STRING,
});

// ---- Node, LimitRange, ResourceQuota ----

export const NODE = struct('Node', {
  ...TYPE_META,
  metadata: OBJECT_META,
  status: struct('NodeStatus', { capacity: RESOURCE_LIST, allocatable: RESOURCE_LIST }),
});

export const LIMIT_RANGE = struct('LimitRange', {
  ...TYPE_META,
  metadata: OBJECT_META,
  spec: struct('LimitRangeSpec', {
    limits: list(struct('LimitRangeItem', {
      type: string('v1.LimitType'), max: RESOURCE_LIST, min: RESOURCE_LIST, default: RESOURCE_LIST,
      defaultRequest: RESOURCE_LIST, maxLimitRequestRatio: RESOURCE_LIST,
    })),
  }),
});

export const RESOURCE_QUOTA = struct('ResourceQuota', {
  ...TYPE_META,
  metadata: OBJECT_META,
  spec: struct('ResourceQuotaSpec', { hard: RESOURCE_LIST }),
  status: struct('ResourceQuotaStatus', { hard: RESOURCE_LIST, used: RESOURCE_LIST }),
});

export type DecodedPod = Decoded<typeof POD>;
export type DecodedContainer = Decoded<typeof CONTAINER>;
export type DecodedEvent = Decoded<typeof EVENT>;
export type DecodedNode = Decoded<typeof NODE>;
export type DecodedLimitRange = Decoded<typeof LIMIT_RANGE>;
export type DecodedResourceQuota = Decoded<typeof RESOURCE_QUOTA>;

/**
 * Reads a Pod (a manifest, or `kubectl get pod -o yaml` output) into typed data.
 * Throws ValidationError naming the field when a field has the wrong JSON type.
 *
 * @example readPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 5 }] } })
 *   // throws "spec.containers[0].image: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string"
 */
export function readPod(value: unknown): DecodedPod {
  return readTop(POD, value);
}

/** Reads a core/v1 Event into typed data (see readPod). */
export function readEvent(value: unknown): DecodedEvent {
  return readTop(EVENT, value);
}

/** Decodes a whole object; errors carry the field path from that object. */
export function readTop<T>(type: GoType<T>, value: unknown): T {
  if (value === null || value === undefined) return type.zero(); // Go: unmarshalling null leaves the zero value
  // Not an object at all: "json: cannot unmarshal string into Go value of type v1.Pod".
  const root = value !== null && typeof value === 'object' ? value : {};
  return type.read(value, rootOf(root));
}
