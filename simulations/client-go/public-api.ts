// The informers chapter's public functions (contracts/clientgo.md), re-exported by simulations/index.ts.

export { rateLimiterScenario, workqueueScenario, deltaFIFOScenario, indexerScenario, processDeltas } from './scenarios.ts';
export { reflectorScenario } from './reflector-scenario.ts';
export type { ReflectorScenarioInput, ReflectorScenarioOutput, ReflectorRequest, ServerResponse } from './reflector-scenario.ts';
export type { RateLimiterOp, QueueOp, DeltaFIFOOp, IndexerOp } from './scenarios.ts';
export type { RateLimiterSpec } from './rate-limiters.ts';
export type { IndexFuncSpec } from './indexer.ts';
export type { KubeObject, Delta, DeltaType, DeletedFinalStateUnknown } from './types.ts';
export { sharedInformerScenario } from './informer-scenario.ts';
export type { InformerOp } from './informer-scenario.ts';
export type { InformerNotification } from './shared-informer.ts';
