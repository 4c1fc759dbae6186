// Generated from k8s.io/apimachinery v0.36.3 pkg/apis/meta/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const META_V1: GoPackage = {
  id: 'meta',
  path: 'k8s.io/apimachinery/pkg/apis/meta/v1',
  name: 'v1',
  structs: {
    Condition: ['type string', 'status ConditionStatus', 'observedGeneration int64 o', 'lastTransitionTime Time', 'reason string', 'message string'],
    LabelSelector: ['+st:atomic', 'matchLabels map[string]string o', 'matchExpressions []LabelSelectorRequirement o lt:atomic'],
    LabelSelectorRequirement: ['key string', 'operator LabelSelectorOperator', 'values []string o lt:atomic'],
    ManagedFieldsEntry: ['manager string o', 'operation ManagedFieldsOperationType o', 'apiVersion string o', 'time *Time o', 'fieldsType string o', 'fieldsV1 *FieldsV1 o', 'subresource string o'],
    ObjectMeta: ['name string o', 'generateName string o', 'namespace string o', 'selfLink string o', 'uid types.UID o', 'resourceVersion string o', 'generation int64 o', 'creationTimestamp Time o z', 'deletionTimestamp *Time o', 'deletionGracePeriodSeconds *int64 o', 'labels map[string]string o', 'annotations map[string]string o', 'ownerReferences []OwnerReference o ps:merge pk:uid lt:map lk:uid', 'finalizers []string o ps:merge lt:set', 'managedFields []ManagedFieldsEntry o lt:atomic'],
    OwnerReference: ['+st:atomic', 'apiVersion string', 'kind string', 'name string', 'uid types.UID', 'controller *bool o', 'blockOwnerDeletion *bool o'],
    TypeMeta: ['kind string o', 'apiVersion string o'],
  },
  named: {
    ConditionStatus: 'string',
    LabelSelectorOperator: 'string',
    ManagedFieldsOperationType: 'string',
  },
};
