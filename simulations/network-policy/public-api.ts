// The networking chapter's public functions (contracts/network.md), re-exported by simulations/index.ts.

export { networkPolicyAllows } from './allows.ts';
export type { NetworkPolicyCluster, Connection } from './allows.ts';
