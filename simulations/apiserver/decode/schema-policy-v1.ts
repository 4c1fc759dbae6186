// Generated from k8s.io/api v0.36.3 policy/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const POLICY_V1: GoPackage = {
  id: 'policy',
  path: 'k8s.io/api/policy/v1',
  name: 'v1',
  structs: {
    PodDisruptionBudget: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec PodDisruptionBudgetSpec o', 'status PodDisruptionBudgetStatus o'],
    PodDisruptionBudgetSpec: ['minAvailable *intstr.IntOrString o', 'selector *meta.LabelSelector o ps:replace', 'maxUnavailable *intstr.IntOrString o', 'unhealthyPodEvictionPolicy *UnhealthyPodEvictionPolicyType o'],
    PodDisruptionBudgetStatus: ['observedGeneration int64 o', 'disruptedPods map[string]meta.Time o', 'disruptionsAllowed int32', 'currentHealthy int32', 'desiredHealthy int32', 'expectedPods int32', 'conditions []meta.Condition o ps:merge pk:type lt:map lk:type'],
  },
  named: {
    UnhealthyPodEvictionPolicyType: 'string',
  },
};
