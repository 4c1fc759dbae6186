// Patch metadata of staging/src/k8s.io/api/networking/v1/types.go (v1.32):
// no patchStrategy tags at all, so every list (Ingress rules, NetworkPolicy
// ingress/egress) is replaced whole and maps merge key by key.
import type { FieldMeta } from './schema.ts';

export const networkingV1: Record<string, Record<string, FieldMeta>> = {
  Ingress: { metadata: { type: 'ObjectMeta' } },
  IngressClass: { metadata: { type: 'ObjectMeta' } },
  NetworkPolicy: { metadata: { type: 'ObjectMeta' }, spec: { type: 'NetworkPolicySpec' } },
  NetworkPolicySpec: { podSelector: { type: 'LabelSelector' } },
};

// Other built-in groups kubectl knows (so they are not treated as CRDs).
export const otherGroups: Record<string, Record<string, FieldMeta>> = {
  // policy/v1: `json:"selector,omitempty" patchStrategy:"replace"`
  PodDisruptionBudget: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodDisruptionBudgetSpec' } },
  PodDisruptionBudgetSpec: { selector: { type: '*LabelSelector', patchStrategy: 'replace' } },
  HorizontalPodAutoscaler: { metadata: { type: 'ObjectMeta' }, status: { type: 'HorizontalPodAutoscalerStatus' } },
  HorizontalPodAutoscalerStatus: { conditions: { type: '[]Condition', patchStrategy: 'merge', patchMergeKey: 'type' } },
  // Objects whose only tagged fields are in metadata.
  MetadataOnly: { metadata: { type: 'ObjectMeta' } },
};
