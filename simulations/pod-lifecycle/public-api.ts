// The engine's public functions (re-exported from simulations/index.ts).
// getPhase and printPod, which the chapter also names, belong to the shared
// kubelet and kubectl libraries and are exported from their own files.

export { simulatePod } from './simulate.ts';
export type { SimulatePodOptions, PodLifecycleOutput } from './simulate.ts';
