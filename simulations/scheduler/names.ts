// Plugin names, reason strings and well-known keys, spelled exactly as upstream spells them.
// src: pkg/scheduler/framework/plugins/names/names.go and each plugin's own file (named per constant).

export const PluginNames = {
  PrioritySort: 'PrioritySort',
  SchedulingGates: 'SchedulingGates',
  NodeUnschedulable: 'NodeUnschedulable',
  NodeName: 'NodeName',
  TaintToleration: 'TaintToleration',
  NodeAffinity: 'NodeAffinity',
  NodePorts: 'NodePorts',
  NodeResourcesFit: 'NodeResourcesFit',
  VolumeRestrictions: 'VolumeRestrictions',
  EBSLimits: 'EBSLimits',
  GCEPDLimits: 'GCEPDLimits',
  NodeVolumeLimits: 'NodeVolumeLimits',
  AzureDiskLimits: 'AzureDiskLimits',
  VolumeBinding: 'VolumeBinding',
  VolumeZone: 'VolumeZone',
  PodTopologySpread: 'PodTopologySpread',
  InterPodAffinity: 'InterPodAffinity',
  DefaultPreemption: 'DefaultPreemption',
  NodeResourcesBalancedAllocation: 'NodeResourcesBalancedAllocation',
  ImageLocality: 'ImageLocality',
  DefaultBinder: 'DefaultBinder',
} as const;

export type PluginName = (typeof PluginNames)[keyof typeof PluginNames];

/** Every plugin name the simulator knows; anything else in a configuration is rejected. */
export const KNOWN_PLUGINS: ReadonlySet<string> = new Set(Object.values(PluginNames));

/** The volume plugins: real ones need PersistentVolumes; this simulator has none, so they pass every Pod. */
export const VOLUME_PLUGINS: ReadonlySet<string> = new Set([
  PluginNames.VolumeRestrictions,
  PluginNames.EBSLimits,
  PluginNames.GCEPDLimits,
  PluginNames.NodeVolumeLimits,
  PluginNames.AzureDiskLimits,
  PluginNames.VolumeBinding,
  PluginNames.VolumeZone,
]);

export const Reasons = {
  // nodeunschedulable/node_unschedulable.go ErrReasonUnschedulable
  nodeUnschedulable: 'node(s) were unschedulable',
  // nodename/node_name.go ErrReason
  nodeName: "node(s) didn't match the requested node name",
  // nodeaffinity/node_affinity.go ErrReasonPod, errReasonEnforced, errReasonConflict
  nodeAffinityPod: "node(s) didn't match Pod's node affinity/selector",
  nodeAffinityEnforced: "node(s) didn't match scheduler-enforced node affinity",
  nodeAffinityConflict: 'pod affinity terms conflict',
  // nodeports/node_ports.go ErrReason
  nodePorts: "node(s) didn't have free ports for the requested pod ports",
  // noderesources/fit.go fitsRequest
  tooManyPods: 'Too many pods',
  // podtopologyspread/filtering.go ErrReasonConstraintsNotMatch, ErrReasonNodeLabelNotMatch
  spreadConstraints: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  // interpodaffinity/filtering.go
  podAffinity: "node(s) didn't match pod affinity rules",
  podAntiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
  // framework/preemption/preemption.go and defaultpreemption/default_preemption.go
  preemptionNotHelpful: 'Preemption is not helpful for scheduling',
  noVictims: 'No preemption victims found for incoming pod',
  preemptionPolicyNever: 'not eligible due to preemptionPolicy=Never.',
  // schedule_one.go ErrNoNodesAvailable
  noNodes: 'no nodes available to schedule pods',
} as const;

/** tainttoleration/taint_toleration.go (v1.33): fmt.Sprintf("node(s) had untolerated taint {%s: %s}", key, value). */
export function untoleratedTaintReason(key: string, value: string): string {
  return `node(s) had untolerated taint {${key}: ${value}}`;
}

/** noderesources/fit.go: fmt.Sprintf("Insufficient %v", resourceName). */
export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/** schedule_one.go findNodesThatFitPod: the status of nodes a PreFilterResult left out. */
export function didNotSatisfyPluginsReason(plugins: readonly string[]): string {
  return `node(s) didn't satisfy plugin(s) [${[...plugins].sort().join(' ')}]`;
}

export const Labels = {
  hostname: 'kubernetes.io/hostname',
  zone: 'topology.kubernetes.io/zone',
  namespaceName: 'kubernetes.io/metadata.name',
  podTemplateHash: 'pod-template-hash',
} as const;

export const Taints = {
  // pkg/apis/core/v1 well-known taints (staging/src/k8s.io/api/core/v1/well_known_taints.go)
  unschedulable: 'node.kubernetes.io/unschedulable',
} as const;

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
export const DEFAULT_NAMESPACE = 'default';
/** framework/interface.go MaxNodeScore */
export const MAX_NODE_SCORE = 100;
/** The kubelet's default --max-pods, used when a Node manifest leaves allocatable.pods out. */
export const DEFAULT_MAX_PODS = 110;
