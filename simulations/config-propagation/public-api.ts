// The config-propagation engine's helper (chapter 13), re-exported by simulations/index.ts.
export { syncWindow } from './engine.ts';
export type { PropagationResult, ConsumerOutcome } from './engine.ts';
