// Patch metadata of staging/src/k8s.io/api/core/v1/types.go (v1.32).
// Every `patchStrategy`/`patchMergeKey` tag below was checked against the tags
// compiled into kubectl 1.32 (`strings /usr/bin/kubectl | grep patchStrategy`).
// Untagged lists (tolerations, args, command, envFrom, readinessGates, taints,
// ...) are replaced whole by strategic merge patch; listed here only when
// server-side apply needs their marker or when they lead to tagged fields.
import type { FieldMeta } from './schema.ts';

const conditionsByType: FieldMeta = { type: '[]Condition', patchStrategy: 'merge', patchMergeKey: 'type' };

const containerFields: Record<string, FieldMeta> = {
  // `json:"ports,omitempty" patchStrategy:"merge" patchMergeKey:"containerPort"` +listMapKey=containerPort +listMapKey=protocol
  ports: { type: '[]ContainerPort', patchStrategy: 'merge', patchMergeKey: 'containerPort', listMapKeys: ['containerPort', 'protocol'] },
  // `json:"env,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
  env: { type: '[]EnvVar', patchStrategy: 'merge', patchMergeKey: 'name' },
  // `json:"volumeMounts,omitempty" patchStrategy:"merge" patchMergeKey:"mountPath"`
  volumeMounts: { type: '[]VolumeMount', patchStrategy: 'merge', patchMergeKey: 'mountPath' },
  // `json:"volumeDevices,omitempty" patchStrategy:"merge" patchMergeKey:"devicePath"`
  volumeDevices: { type: '[]VolumeDevice', patchStrategy: 'merge', patchMergeKey: 'devicePath' },
  command: { type: '[]string', listType: 'atomic' },
  args: { type: '[]string', listType: 'atomic' },
  envFrom: { type: '[]EnvFromSource', listType: 'atomic' },
  resizePolicy: { type: '[]ContainerResizePolicy', listType: 'atomic' },
  resources: { type: 'ResourceRequirements' },
};

export const coreV1: Record<string, Record<string, FieldMeta>> = {
  Pod: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' }, status: { type: 'PodStatus' } },
  PodSpec: {
    // `json:"volumes,omitempty" patchStrategy:"merge,retainKeys" patchMergeKey:"name"`
    volumes: { type: '[]Volume', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
    initContainers: { type: '[]Container', patchStrategy: 'merge', patchMergeKey: 'name' },
    // `json:"containers" patchStrategy:"merge" patchMergeKey:"name"`: no omitempty.
    containers: { type: '[]Container', patchStrategy: 'merge', patchMergeKey: 'name', omitEmpty: false },
    ephemeralContainers: { type: '[]EphemeralContainer', patchStrategy: 'merge', patchMergeKey: 'name' },
    imagePullSecrets: { type: '[]LocalObjectReference', patchStrategy: 'merge', patchMergeKey: 'name' },
    hostAliases: { type: '[]HostAlias', patchStrategy: 'merge', patchMergeKey: 'ip' },
    // +listMapKey=topologyKey +listMapKey=whenUnsatisfiable
    topologySpreadConstraints: {
      type: '[]TopologySpreadConstraint',
      patchStrategy: 'merge',
      patchMergeKey: 'topologyKey',
      listMapKeys: ['topologyKey', 'whenUnsatisfiable'],
    },
    schedulingGates: { type: '[]PodSchedulingGate', patchStrategy: 'merge', patchMergeKey: 'name' },
    resourceClaims: { type: '[]PodResourceClaim', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
    tolerations: { type: '[]Toleration', listType: 'atomic' },
    readinessGates: { type: '[]PodReadinessGate', listType: 'atomic' },
    // +mapType=atomic
    nodeSelector: { type: 'map[string]string', mapType: 'atomic' },
    securityContext: { type: '*PodSecurityContext' },
  },
  PodSecurityContext: {
    supplementalGroups: { type: '[]int64', listType: 'atomic' },
    sysctls: { type: '[]Sysctl', listType: 'atomic' },
  },
  Container: containerFields,
  EphemeralContainer: { ...containerFields, targetContainerName: { type: 'string' } },
  ResourceRequirements: {
    limits: { type: 'map[string]Quantity' },
    requests: { type: 'map[string]Quantity' },
  },
  PodStatus: {
    conditions: conditionsByType,
    podIPs: { type: '[]PodIP', patchStrategy: 'merge', patchMergeKey: 'ip' },
    hostIPs: { type: '[]HostIP', patchStrategy: 'merge', patchMergeKey: 'ip' },
    resourceClaimStatuses: { type: '[]PodResourceClaimStatus', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
    initContainerStatuses: { type: '[]ContainerStatus', listType: 'atomic' },
    containerStatuses: { type: '[]ContainerStatus', listType: 'atomic' },
    ephemeralContainerStatuses: { type: '[]ContainerStatus', listType: 'atomic' },
  },
  ContainerStatus: {
    volumeMounts: { type: '[]VolumeMountStatus', patchStrategy: 'merge', patchMergeKey: 'mountPath' },
    allocatedResourcesStatus: { type: '[]ResourceStatus', patchStrategy: 'merge', patchMergeKey: 'name' },
  },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  PodTemplate: { metadata: { type: 'ObjectMeta' }, template: { type: 'PodTemplateSpec' } },
  ReplicationController: {
    metadata: { type: 'ObjectMeta' },
    spec: { type: 'ReplicationControllerSpec' },
    status: { type: 'ReplicationControllerStatus' },
  },
  ReplicationControllerSpec: {
    selector: { type: 'map[string]string', mapType: 'atomic' },
    template: { type: '*PodTemplateSpec' },
  },
  ReplicationControllerStatus: { conditions: conditionsByType },
  Service: { metadata: { type: 'ObjectMeta' }, spec: { type: 'ServiceSpec' }, status: { type: 'ServiceStatus' } },
  ServiceSpec: {
    // `json:"ports,omitempty" patchStrategy:"merge" patchMergeKey:"port"` +listMapKey=port +listMapKey=protocol
    ports: { type: '[]ServicePort', patchStrategy: 'merge', patchMergeKey: 'port', listMapKeys: ['port', 'protocol'] },
    selector: { type: 'map[string]string', mapType: 'atomic' },
    clusterIPs: { type: '[]string', listType: 'atomic' },
    externalIPs: { type: '[]string', listType: 'atomic' },
    loadBalancerSourceRanges: { type: '[]string', listType: 'atomic' },
    ipFamilies: { type: '[]string', listType: 'atomic' },
  },
  ServiceStatus: { conditions: conditionsByType },
  ConfigMap: {
    metadata: { type: 'ObjectMeta' },
    data: { type: 'map[string]string' },
    binaryData: { type: 'map[string]string' },
  },
  Secret: {
    metadata: { type: 'ObjectMeta' },
    data: { type: 'map[string]string' },
    stringData: { type: 'map[string]string' },
  },
  ServiceAccount: {
    metadata: { type: 'ObjectMeta' },
    // `json:"secrets,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
    secrets: { type: '[]ObjectReference', patchStrategy: 'merge', patchMergeKey: 'name' },
    imagePullSecrets: { type: '[]LocalObjectReference', listType: 'atomic' },
  },
  Namespace: { metadata: { type: 'ObjectMeta' }, status: { type: 'NamespaceStatus' } },
  NamespaceStatus: { conditions: conditionsByType },
  Node: { metadata: { type: 'ObjectMeta' }, spec: { type: 'NodeSpec' }, status: { type: 'NodeStatus' } },
  NodeSpec: {
    // `json:"podCIDRs,omitempty" patchStrategy:"merge"` +listType=set
    podCIDRs: { type: '[]string', patchStrategy: 'merge', listType: 'set' },
    taints: { type: '[]Taint', listType: 'atomic' },
  },
  NodeStatus: {
    conditions: conditionsByType,
    addresses: { type: '[]NodeAddress', patchStrategy: 'merge', patchMergeKey: 'type' },
  },
  PersistentVolumeClaim: {
    metadata: { type: 'ObjectMeta' },
    spec: { type: 'PersistentVolumeClaimSpec' },
    status: { type: 'PersistentVolumeClaimStatus' },
  },
  PersistentVolumeClaimSpec: { accessModes: { type: '[]string', listType: 'atomic' } },
  PersistentVolumeClaimStatus: { conditions: conditionsByType },
  // Kinds without tagged fields below their metadata.
  PersistentVolume: { metadata: { type: 'ObjectMeta' } },
  Endpoints: { metadata: { type: 'ObjectMeta' } },
  Event: { metadata: { type: 'ObjectMeta' } },
  LimitRange: { metadata: { type: 'ObjectMeta' } },
  ResourceQuota: { metadata: { type: 'ObjectMeta' } },
  // Element types with nothing tagged inside (kept open).
  Volume: {},
  ContainerPort: {},
  EnvVar: {},
  VolumeMount: {},
  VolumeDevice: {},
  EnvFromSource: {},
  ContainerResizePolicy: {},
  LocalObjectReference: {},
  ObjectReference: {},
  HostAlias: {},
  TopologySpreadConstraint: {},
  PodSchedulingGate: {},
  PodResourceClaim: {},
  PodResourceClaimStatus: {},
  Toleration: {},
  PodReadinessGate: {},
  Sysctl: {},
  PodIP: {},
  HostIP: {},
  VolumeMountStatus: {},
  ResourceStatus: {},
  ServicePort: {},
  Taint: {},
  NodeAddress: {},
};
