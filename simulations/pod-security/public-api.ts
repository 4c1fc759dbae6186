// The config-security chapter's Pod Security function (contracts/security.md), re-exported by simulations/index.ts.
export { checkPodSecurity } from './check-pod-security.ts';
export type { PodSecurityResult, Violation } from './check-pod-security.ts';
