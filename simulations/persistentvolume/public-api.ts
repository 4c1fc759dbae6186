// The storage chapter's public functions (contracts/storage-nodes.md items 1 and 2),
// re-exported by simulations/index.ts.

export { findBestMatchForClaim, findMatchingVolume, checkVolumeModeMismatches, checkAccessModes, isDelayBindingMode } from './matching.ts';
export type { FindMatchingVolumeOptions, BestMatchOptions } from './matching.ts';
export type { PersistentVolume, PersistentVolumeClaim, StorageClass } from './types.ts';
