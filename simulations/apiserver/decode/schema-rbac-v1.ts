// Generated from k8s.io/api v0.36.3 rbac/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const RBAC_V1: GoPackage = {
  id: 'rbac',
  path: 'k8s.io/api/rbac/v1',
  name: 'v1',
  structs: {
    AggregationRule: ['clusterRoleSelectors []meta.LabelSelector o lt:atomic'],
    ClusterRole: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'rules []PolicyRule lt:atomic', 'aggregationRule *AggregationRule o'],
    ClusterRoleBinding: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'subjects []Subject o lt:atomic', 'roleRef RoleRef'],
    PolicyRule: ['verbs []string lt:atomic', 'apiGroups []string o lt:atomic', 'resources []string o lt:atomic', 'resourceNames []string o lt:atomic', 'nonResourceURLs []string o lt:atomic'],
    Role: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'rules []PolicyRule lt:atomic'],
    RoleBinding: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'subjects []Subject o lt:atomic', 'roleRef RoleRef'],
    RoleRef: ['+st:atomic', 'apiGroup string', 'kind string', 'name string'],
    Subject: ['+st:atomic', 'kind string', 'apiGroup string o', 'name string', 'namespace string o'],
  },
  named: {

  },
};
