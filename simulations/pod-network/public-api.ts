// The pod-network engine's public functions, re-exported by simulations/index.ts.

export { checkCIDRPlan } from './cidr.ts';
export type { CidrCheck } from './cidr.ts';
