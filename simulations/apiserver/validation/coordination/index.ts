// The coordination.k8s.io/v1 Lease's validation, as its registry strategy calls it.
// src: pkg/registry/coordination/lease/strategy.go

import type { ValidationTable } from '../types.ts';
import { validateLease, validateLeaseUpdate } from './lease.ts';

export const COORDINATION_VALIDATION: ValidationTable = {
  'coordination.k8s.io/v1/Lease': { create: validateLease, update: validateLeaseUpdate },
};
