// Generated from k8s.io/api v0.36.3 scheduling/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const SCHEDULING_V1: GoPackage = {
  id: 'scheduling',
  path: 'k8s.io/api/scheduling/v1',
  name: 'v1',
  structs: {
    PriorityClass: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'value int32', 'globalDefault bool o', 'description string o', 'preemptionPolicy *core.PreemptionPolicy o'],
  },
  named: {

  },
};
