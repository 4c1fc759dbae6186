// Generated from k8s.io/api v0.36.3 storage/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const STORAGE_V1: GoPackage = {
  id: 'storage',
  path: 'k8s.io/api/storage/v1',
  name: 'v1',
  structs: {
    StorageClass: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'provisioner string', 'parameters map[string]string o', 'reclaimPolicy *core.PersistentVolumeReclaimPolicy o', 'mountOptions []string o lt:atomic', 'allowVolumeExpansion *bool o', 'volumeBindingMode *VolumeBindingMode o', 'allowedTopologies []core.TopologySelectorTerm o lt:atomic'],
  },
  named: {
    VolumeBindingMode: 'string',
  },
};
