// Generated from k8s.io/api v0.36.3 coordination/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const COORDINATION_V1: GoPackage = {
  id: 'coordination',
  path: 'k8s.io/api/coordination/v1',
  name: 'v1',
  structs: {
    Lease: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec LeaseSpec o'],
    LeaseSpec: ['holderIdentity *string o', 'leaseDurationSeconds *int32 o', 'acquireTime *meta.MicroTime o', 'renewTime *meta.MicroTime o', 'leaseTransitions *int32 o', 'strategy *CoordinatedLeaseStrategy o', 'preferredHolder *string o'],
  },
  named: {
    CoordinatedLeaseStrategy: 'string',
  },
};
