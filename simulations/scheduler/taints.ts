// Toleration matching. src: staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint),
// staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint).
// The rules live in simulations/shared/taints.ts, where the controllers (DaemonSet placement) use them too.

export { toleratesTaint, tolerationsTolerateTaint, findUntoleratedTaint } from '../shared/taints.ts';
