// The nodes chapter's public functions (issue 22, chapter 16), as
// /work/shared/contracts/storage-nodes.md items 3 to 7 give them.
export { drainFilter } from '../kubectl/drain/filters.ts';
export type { DrainFilterOptions, DrainFilterResult } from '../kubectl/drain/filters.ts';
export { disruptionStatus } from './disruption/disruption.ts';
export type { DisruptionStatus } from './disruption/disruption.ts';
export { evictPod } from './disruption/eviction.ts';
export type { EvictionResult, EvictOptions } from './disruption/eviction.ts';
export { getMinTolerationTime, taintEvictionTimeline } from './taint-eviction.ts';
export { monitorNodeHealth } from './node-lifecycle.ts';
export type { NodeLifecycleOptions } from './node-lifecycle.ts';
