// Public functions of the engines, re-exported for tests, lessons and outside checks.
// Each engine issue names the functions it must export; keep those names and shapes.

export { Quantity, QuantityError, formatBinarySI, formatDecimalSI } from './apimachinery/quantity.ts';
export { parseManifests } from './shared/yaml.ts';
export { ValidationError, LimitExceededError, formatFieldPath } from './shared/errors.ts';
export { goDuration, humanDuration, shortHumanDuration } from './apimachinery/duration.ts';
export { engines, getEngine } from './registry.ts';
// Chapter 4's helpers, read through its decoder so any JSON gets a result or a ValidationError.
export { getPodQOS, getContainerOOMScoreAdjust, rankMemoryPressure, describePod, diagnosePod, simulateMemory } from './resources-oom/public-api.ts';
export { getPhase } from './kubelet/pod-phase.ts';
export { printPod } from './kubectl/get-pods.ts';
export { simulatePod } from './pod-lifecycle/public-api.ts';
export { runFilterPlugin, runScorePlugin, fitErrorMessage, podRequests, schedule } from './scheduler/public-api.ts';
export { strategicMergePatch, createTwoWayMergePatch, createThreeWayMergePatch, ConflictError, schemaFor, kubectlApply } from './declarative-apply/public-api.ts';
// The shared API server (issue 12): validation, defaults and a scenario of API calls.
export { validateObject, defaultObject, apiServerScenario } from './apiserver/public-api.ts';
export type { FieldError, Op, Result, WatchEvent } from './apiserver/public-api.ts';
// Chapter 8, etcd (issue 18): Raft's quorum, log and vote rules, MVCC as etcdctl shows it, a Raft cluster on a virtual clock.
export { committedIndex, voteResult, isUpToDate, findConflict, maybeAppend, maybeCommit, stepVote, mvcc, simulateRaft, RaftInvariantError } from './etcd/public-api.ts';
export type { Entry, VoteResult, RaftState, VoteRequest, VoteResponse, VoterState, MvccOp, MvccResult, KeyValue, RaftInput, RaftOutput, RaftEvent } from './etcd/public-api.ts';
// The controllers chapter (issue 17): Deployment, HPA, CronJob, DaemonSet and Job rules, and kubectl rollout status.
export {
  resolveFenceposts,
  newRSNewReplicas,
  maxUnavailable,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  cleanupUnhealthyReplicas,
  scaleDownOldReplicaSetsForRollingUpdate,
  scale,
} from './controllers/public-api.ts';
export { rolloutStatus, RolloutStatusError } from './kubectl/rollout-status.ts';
export {
  getResourceReplicas,
  convertDesiredReplicasWithRules,
  stabilizeRecommendation,
  stabilizeRecommendationWithBehaviors,
  convertDesiredReplicasWithBehaviorRate,
} from './controllers/public-api.ts';
export type { TimestampedRecommendation, TimestampedScaleEvent, HPAScalingRules, NormalizationArg } from './controllers/public-api.ts';
export { getRemainingTime, exceedsBackoffLimit } from './controllers/public-api.ts';
export { nodeShouldRunDaemonPod } from './controllers/public-api.ts';
export { mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration } from './controllers/public-api.ts';
// Chapter 9, informers (issue 19): client-go's work queue, rate limiters, DeltaFIFO, indexer and processDeltas.
export { rateLimiterScenario, workqueueScenario, deltaFIFOScenario, indexerScenario, processDeltas, reflectorScenario, sharedInformerScenario } from './client-go/public-api.ts';
export type { RateLimiterSpec, RateLimiterOp, QueueOp, DeltaFIFOOp, IndexerOp, IndexFuncSpec, KubeObject, Delta, DeltaType, DeletedFinalStateUnknown } from './client-go/public-api.ts';
// Chapter 14, storage (issue 22): the PV controller's matching (index.go findBestMatchForClaim) and component-helpers' FindMatchingVolume.
export { findBestMatchForClaim, findMatchingVolume, checkVolumeModeMismatches, checkAccessModes, isDelayBindingMode } from './persistentvolume/public-api.ts';
export type { FindMatchingVolumeOptions, BestMatchOptions, PersistentVolume, PersistentVolumeClaim, StorageClass } from './persistentvolume/public-api.ts';
// Chapter 16, nodes (issue 22): kubectl drain's filter, the PDB status and the eviction subresource, taint eviction and the node lifecycle controller.
export { drainFilter, disruptionStatus, evictPod, getMinTolerationTime, taintEvictionTimeline, monitorNodeHealth } from './nodelifecycle/public-api.ts';
export type { DrainFilterOptions, DrainFilterResult, DisruptionStatus, EvictionResult, EvictOptions, NodeLifecycleOptions } from './nodelifecycle/public-api.ts';
// Chapter 11, networking (issue 20): NetworkPolicy as the API and upstream's e2e truth tables define it.
export { networkPolicyAllows } from './network-policy/public-api.ts';
export type { NetworkPolicyCluster, Connection } from './network-policy/public-api.ts';
// Chapter 11's second engine: a packet's path between Pods per backend, and the CIDR plan's checks.
export { checkCIDRPlan } from './pod-network/public-api.ts';
export type { CidrCheck } from './pod-network/public-api.ts';
// Chapter 10, services (issue 20): kube-proxy's iptables rules and packet tracing, the kubelet's Pod DNS, CoreDNS records.
export {
  tracePacket,
  iptablesRules,
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChainName,
  serviceFirewallChainName,
  serviceExternalChainName,
  servicePortEndpointChainName,
  getPodDNS,
  parseResolvConf,
  formDNSSearchFitsLimits,
  formDNSNameserversFitsLimits,
  mergeDNSOptions,
  getPodDNSType,
  dnsRecords,
} from './services/public-api.ts';
export type { ProxierInput, Flow, Configurer, DNSRecord } from './services/public-api.ts';
// Chapter 13, config-security (issue 21): the RBAC authorizer, ClusterRole aggregation and the Pod Security checks.
export { authorize, syncClusterRole } from './rbac/public-api.ts';
export type { PolicyRule, Role, ClusterRole, RoleBinding, ClusterRoleBinding, AccessAttributes, AuthorizeResult, SyncClusterRoleResult } from './rbac/public-api.ts';
export { checkPodSecurity } from './pod-security/public-api.ts';
export type { PodSecurityResult, Violation } from './pod-security/public-api.ts';
export { syncWindow } from './config-propagation/public-api.ts';
// Chapter 12, ingress (issue 21): Ingress rule matching as the Ingress API documentation specifies it, and Gateway API HTTPRoute matching and precedence (v1.6).
export { matchIngress, matchHTTPRoute } from './ingress/public-api.ts';
export type { IngressMatch, Ingress, IngressBackend, HTTPRouteMatchResult, HTTPRequest, Gateway, HTTPRoute, HTTPBackendRef } from './ingress/public-api.ts';
// Chapter 15, containers (issue 23): requests and limits → cgroup v2 files (kubelet and OCI runtime), OCI image layers.
export {
  resourceConfigForPod, milliCPUToShares, milliCPUToQuota, getCPUWeight, cpuWeightToCPUShares,
  convertCPUSharesToCgroupV2Value, cgroupV2Files, applyLayers,
} from './containers/public-api.ts';
export type { ResourceConfig, ResourceConfigOptions, LayerEntry, ViewEntry } from './containers/public-api.ts';
// Chapter 17, extending (issue 23): apiextensions-apiserver's pruning, defaulting, OpenAPI validation, structural schemas and custom object creation.
export { pruneObject, defaultCustomObject, validateCustomResource, validateStructuralSchema, createCustomResource } from './apiextensions/public-api.ts';
export type { JSONSchemaProps, CrdFieldError } from './apiextensions/public-api.ts';
