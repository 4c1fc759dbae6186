// The policy/v1 PodDisruptionBudget's validation, as its registry strategy calls it.
// src: pkg/registry/policy/poddisruptionbudget/strategy.go,
//      staging/src/k8s.io/apiserver/pkg/registry/rest/create.go, update.go (the generic metadata checks)

import type { ValidationTable } from '../types.ts';
import { pdbCreate, pdbStatusUpdate, pdbUpdate } from './pod-disruption-budget.ts';

export const POLICY_VALIDATION: ValidationTable = {
  'policy/v1/PodDisruptionBudget': { create: pdbCreate, update: pdbUpdate, statusUpdate: pdbStatusUpdate },
};
