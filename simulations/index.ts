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
// Chapter 17, extending (issue 23): apiextensions-apiserver's pruning, defaulting, OpenAPI validation, structural schemas and custom object creation.
export { pruneObject, defaultCustomObject, validateCustomResource, validateStructuralSchema, createCustomResource } from './apiextensions/public-api.ts';
export type { JSONSchemaProps, CrdFieldError } from './apiextensions/public-api.ts';
