// Patch metadata of staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go
// (v1.32): struct tags and server-side apply markers.
import type { FieldMeta } from './schema.ts';

export const metaV1: Record<string, Record<string, FieldMeta>> = {
  ObjectMeta: {
    labels: { type: 'map[string]string' },
    annotations: { type: 'map[string]string' },
    // `json:"finalizers,omitempty" patchStrategy:"merge" protobuf:"bytes,14,rep,name=finalizers"` +listType=set
    finalizers: { type: '[]string', patchStrategy: 'merge', listType: 'set' },
    // `json:"ownerReferences,omitempty" patchStrategy:"merge" patchMergeKey:"uid"` +listType=map +listMapKey=uid
    ownerReferences: { type: '[]OwnerReference', patchStrategy: 'merge', patchMergeKey: 'uid' },
    // +listType=atomic
    managedFields: { type: '[]ManagedFieldsEntry', listType: 'atomic' },
  },
  OwnerReference: {},
  ManagedFieldsEntry: {},
  // +structType=atomic
  LabelSelector: {
    matchLabels: { type: 'map[string]string' },
    matchExpressions: { type: '[]LabelSelectorRequirement', listType: 'atomic' },
  },
  LabelSelectorRequirement: {},
  Condition: {},
};

export const metaV1AtomicStructs = ['LabelSelector'];
