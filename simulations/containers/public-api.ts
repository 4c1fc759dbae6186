// The containers chapter's public functions (contract: shared/contracts/containers-extending.md).
export {
  resourceConfigForPod, milliCPUToShares, milliCPUToQuota, getCPUWeight, cpuWeightToCPUShares,
  convertCPUSharesToCgroupV2Value, cgroupV2Files,
} from './cgroups.ts';
export type { ResourceConfig, ResourceConfigOptions } from './cgroups.ts';
export { applyLayers } from './layers.ts';
export type { LayerEntry, ViewEntry } from './layers.ts';
